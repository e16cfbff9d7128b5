"""Output formats: one small module each, with ``render(report, stream, color)``."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from newslint.report import Report

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit")


def suggestion_text(suggestion: str) -> str:
    """A suggestion as an editor reads it: the replacement, or what an empty one does."""
    return repr(suggestion) if suggestion else "delete it"


def with_hint(d) -> str:
    """A diagnostic's message and its first suggestion."""
    return d.message + (f" (suggestion: {suggestion_text(d.suggestions[0])})" if d.suggestions else "")


def render(name: str, report: Report, stream: TextIO, color: bool = False) -> None:
    module = importlib.import_module(f"newslint.reporters.{name}_format")
    module.render(report, stream, color)
