"""Concise: one line per diagnostic, path:line:col: code message [-> suggestion]."""

from __future__ import annotations

from typing import TextIO

from newslint.report import Report


def line_for(item) -> str:
    d = item.diagnostic
    hint = f" (suggestion: {d.suggestions[0]!r})" if d.suggestions else ""
    return f"{item.path}:{item.line}:{item.column}: {d.code} [{d.severity.value}] {d.message}{hint}"


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    for item in report.items:
        stream.write(line_for(item) + "\n")
    for error in report.errors:
        stream.write(f"error: {error}\n")
