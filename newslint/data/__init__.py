"""Compact word and context data, built by scripts/build_data.py."""

from __future__ import annotations

import marshal
from pathlib import Path

HERE = Path(__file__).parent


def load(name: str) -> dict:
    """Load one data file: a marshal of plain strings, bytes, lists and dicts (fast to load, no code)."""
    return marshal.loads((HERE / f"{name}.marshal").read_bytes())
