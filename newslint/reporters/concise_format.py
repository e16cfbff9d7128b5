"""Concise: one line per diagnostic, path:line:col: code [severity] message (suggestion: ...)."""

from __future__ import annotations

from typing import TextIO

from newslint.engine.report import Located, Report
from newslint.reporters import Options, line_for, truncation_note


class Reporter:
    shows_errors = True

    def __init__(self, stream: TextIO, options: Options):
        self.stream = stream

    def file_done(self, items: list[Located], error: str) -> None:
        lines = [line_for(item) + "\n" for item in items]
        lines += [f"{item.path}: {truncation_note(item)}\n" for item in items if item.more]
        lines += [f"error: {error}\n"] if error else []
        if lines:
            self.stream.write("".join(lines))
            self.stream.flush()

    def finish(self, report: Report) -> None:
        pass
