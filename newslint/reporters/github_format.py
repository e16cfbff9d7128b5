"""GitHub Actions workflow commands: one ::error / ::warning / ::notice annotation per diagnostic."""

from __future__ import annotations

from typing import TextIO

from newslint.report import Report
from newslint.reporters import with_hint

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """As @actions/core escapes a command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """As @actions/core escapes a command's property values."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}\n"


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    for item in report.items:
        d = item.diagnostic
        stream.write(command(LEVELS[d.severity.value], with_hint(d), file=item.path, line=item.line,
                             endLine=item.end_line, col=item.column, endColumn=item.end_column,
                             title=f"{d.code} {d.rule}"))
    for error in report.errors:
        stream.write(command("error", error))
