"""GitHub Actions workflow commands: one ::error / ::warning / ::notice annotation per diagnostic."""

from __future__ import annotations

from typing import TextIO

from newslint.report import Report

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    for item in report.items:
        d = item.diagnostic
        props = ",".join([
            f"file={escape_property(item.path)}", f"line={item.line}", f"endLine={item.end_line}",
            f"col={item.column}", f"endColumn={item.end_column}", f"title={escape_property(f'{d.code} {d.rule}')}",
        ])
        message = d.message + (f" (suggestion: {d.suggestions[0]!r})" if d.suggestions else "")
        stream.write(f"::{LEVELS[d.severity.value]} {props}::{escape_data(message)}\n")
    for error in report.errors:
        stream.write(f"::error ::{escape_data(error)}\n")
