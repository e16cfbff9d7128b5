"""Output formats: one small module each, with ``render(report, stream, color)``."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from newslint.report import Report

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit")


def render(name: str, report: Report, stream: TextIO, color: bool = False) -> None:
    module = importlib.import_module(f"newslint.reporters.{name}_format")
    module.render(report, stream, color)
