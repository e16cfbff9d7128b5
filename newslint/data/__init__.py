"""Compact word and context data, built by scripts/build_data.py."""

from __future__ import annotations

import marshal
import zlib
from pathlib import Path

HERE = Path(__file__).parent


def load(name: str) -> dict:
    """Load one data file (a zlib-compressed marshal of plain dicts and lists)."""
    return marshal.loads(zlib.decompress((HERE / f"{name}.marshal.zlib").read_bytes()))
