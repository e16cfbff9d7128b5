"""Concise: one line per diagnostic, path:line:col: code message [-> suggestion]."""

from __future__ import annotations

from typing import TextIO

from newslint.report import Report
from newslint.reporters import with_hint


def line_for(item) -> str:
    d = item.diagnostic
    return f"{item.path}:{item.line}:{item.column}: {d.code} [{d.severity.value}] {with_hint(d)}"


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    for item in report.items:
        stream.write(line_for(item) + "\n")
    for error in report.errors:
        stream.write(f"error: {error}\n")
