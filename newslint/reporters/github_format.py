"""GitHub Actions workflow commands: one ::error / ::warning / ::notice annotation per diagnostic."""

from __future__ import annotations

from typing import TextIO

from newslint.engine.report import Located, Report
from newslint.reporters import Options, truncation_note, with_hint

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


class Reporter:
    shows_errors = True

    def __init__(self, stream: TextIO, options: Options):
        self.stream = stream

    def file_done(self, items: list[Located], error: str) -> None:
        lines = []
        for item in items:
            d = item.diagnostic
            lines.append(command(LEVELS[d.severity.value], with_hint(d), file=item.path, line=item.line,
                                 endLine=item.end_line, col=item.column, endColumn=item.end_column,
                                 title=f"{d.code} {d.rule}"))
        for item in items:
            if item.more:
                d = item.diagnostic
                lines.append(command("warning", truncation_note(item), file=item.path, title=f"{d.code} {d.rule}"))
        if error:
            lines.append(command("error", error))
        if lines:
            self.stream.write("".join(lines))
            self.stream.flush()

    def finish(self, report: Report) -> None:
        pass
