"""Compact word and context data, built by scripts/build_data.py."""

from __future__ import annotations

import marshal
import mmap
from pathlib import Path

HERE = Path(__file__).parent
ALIGN = 8


def load(name: str) -> dict:
    """Load one data file: a marshal of plain strings, bytes, lists and dicts (fast to load, no code)."""
    return marshal.loads((HERE / f"{name}.marshal").read_bytes())


def _padded(size: int) -> int:
    return -(-size // ALIGN) * ALIGN


def dump_arrays(path: Path, sections: dict[str, tuple[str, bytes]]) -> None:
    """Write typed arrays (name -> (array type code, raw bytes)) as one file for map_arrays: a four-byte length
    and a marshalled table of contents, then each array at an aligned offset."""
    table: dict[str, tuple[str, int, int]] = {}
    offset = 0
    for key, (code, raw) in sections.items():
        table[key] = (code, offset, len(raw))
        offset += _padded(len(raw))
    header = marshal.dumps(table)
    out = bytearray(len(header).to_bytes(4, "little") + header)
    out += bytes(_padded(len(out)) - len(out))
    for _, raw in sections.values():
        out += raw + bytes(_padded(len(raw)) - len(raw))
    path.write_bytes(out)


def map_arrays(name: str) -> dict[str, memoryview]:
    """Typed views of a file written by dump_arrays, mapped into memory rather than read: a lookup pages in
    only what it touches, so loading costs next to nothing however large the file."""
    with open(HERE / f"{name}.bin", "rb") as file:
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    size = int.from_bytes(mapped[:4], "little")
    table = marshal.loads(mapped[4:4 + size])
    body = memoryview(mapped)[_padded(4 + size):]
    return {key: body[offset:offset + length].cast(code) for key, (code, offset, length) in table.items()}
