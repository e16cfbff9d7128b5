"""Hand-written word lists: newslint/wordlists/NAME.txt, one entry a line, read once when first asked for."""

from __future__ import annotations

from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of NAME.txt in the file's order: each line stripped; blank lines and lines starting with # skipped."""
    text = (HERE / f"{name}.txt").read_text(encoding="utf-8")
    return tuple(line for line in map(str.strip, text.splitlines()) if line and not line.startswith("#"))


@cache
def words(name: str) -> frozenset[str]:
    """The entries of NAME.txt as a set."""
    return frozenset(entries(name))
