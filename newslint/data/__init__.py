"""Built word and model data (scripts/build_data.py): typed arrays and UTF-8 text in one file, mapped into memory.

A data file is the magic bytes, a four-byte little-endian length, a JSON header (the format, the byte order, plain
values, and each section's type, offset and length), padding to eight bytes, then the sections, each at an offset
that is a multiple of eight. A section is an array of unsigned integers (uint8, uint16, uint32, uint64) or UTF-8
text. Nothing in it depends on the Python version that wrote or reads it; arrays are little-endian, and swapped
once on loading on a big-endian machine.
"""

from __future__ import annotations

import json
import mmap
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).parent
MAGIC = b"NEWSLINT-DATA\n"
FORMAT = 1
BYTE_ORDER = "little"
NATIVE_ORDER = sys.byteorder
ALIGN = 8
TYPES = {"uint8": "B", "uint16": "H", "uint32": "I", "uint64": "Q", "utf-8": "B"}  # section type -> array code
SIZES = {"B": 1, "H": 2, "I": 4, "Q": 8}


class DataError(Exception):
    """A data file this version of newslint cannot read."""


def _padded(size: int) -> int:
    return -(-size // ALIGN) * ALIGN


def dump(path: Path, sections: dict[str, tuple[str, bytes]], values: dict | None = None) -> None:
    """Write sections (name -> (type, little-endian bytes)) and plain JSON values as one data file for open_data.
    The same arguments give the same bytes."""
    table: dict[str, list] = {}
    offset = 0
    for key, (kind, raw) in sections.items():
        if kind not in TYPES or len(raw) % SIZES[TYPES[kind]]:
            raise ValueError(f"section {key}: {len(raw)} bytes are no {kind} array")
        table[key] = [kind, offset, len(raw)]
        offset += _padded(len(raw))
    header = json.dumps({"format": FORMAT, "byte_order": BYTE_ORDER, "values": values or {}, "sections": table},
                        ensure_ascii=True, separators=(",", ":"), allow_nan=False).encode("ascii")
    out = bytearray(MAGIC + len(header).to_bytes(4, "little") + header)
    out += bytes(_padded(len(out)) - len(out))
    for _, raw in sections.values():
        out += raw + bytes(_padded(len(raw)) - len(raw))
    path.write_bytes(out)


def uint_array(code: str, values) -> bytes:
    """The little-endian bytes of an array of unsigned integers ("B", "H", "I" or "Q")."""
    out = array(code, values)
    if out.itemsize != SIZES[code]:
        raise ValueError(f"array code {code} is {out.itemsize} bytes here, not {SIZES[code]}")
    if NATIVE_ORDER != BYTE_ORDER:
        out.byteswap()
    return out.tobytes()


def lines(strings) -> bytes:
    """Strings as one UTF-8 text section, each ended by a line break (so none may hold one)."""
    strings = list(strings)
    if any("\n" in s for s in strings):
        raise ValueError("a string of a text section holds a line break")
    return "".join(s + "\n" for s in strings).encode("utf-8")


def mapping_sections(name: str, mapping: dict[str, str]) -> dict[str, tuple[str, bytes]]:
    """A small str -> str mapping as two text sections, NAME.keys and NAME.values, in key order: read back whole
    into a dict by DataFile.mapping."""
    keys = sorted(mapping)
    return {f"{name}.keys": ("utf-8", lines(keys)), f"{name}.values": ("utf-8", lines(mapping[k] for k in keys))}


def checksum(raw: bytes) -> int:
    """A 64-bit checksum of some bytes: CRC-32 then Adler-32, as the n-gram tables and the language model key words."""
    return zlib.crc32(raw) << 32 | zlib.adler32(raw)


def table_sections(name: str, mapping: dict[str, str]) -> dict[str, tuple[str, bytes]]:
    """A large str -> str mapping as sections that StringTable searches in place, so that loading it costs nothing:
    the keys' checksums sorted (NAME.checksums), and in the same order the keys and values as text with the end
    offset of each (NAME.keys, NAME.key_ends, NAME.values, NAME.value_ends)."""
    order = sorted(mapping, key=lambda k: checksum(k.encode("utf-8")))
    sums = [checksum(k.encode("utf-8")) for k in order]
    if len(set(sums)) != len(sums):
        raise ValueError(f"{name}: two keys share a checksum")
    out = {f"{name}.checksums": ("uint64", uint_array("Q", sums))}
    for part, strings in (("keys", order), ("values", [mapping[k] for k in order])):
        raw = [s.encode("utf-8") for s in strings]
        ends, total = [], 0
        for r in raw:
            total += len(r)
            ends.append(total)
        out[f"{name}.{part}"] = ("utf-8", b"".join(raw))
        out[f"{name}.{part[:-1]}_ends"] = ("uint32", uint_array("I", ends))
    return out


class StringTable:
    """A read-only str -> str map over mapped sections written by table_sections: a key's checksum is found by
    bisection, then the key itself compared, so that a look-up reads a few bytes and loading reads none."""

    def __init__(self, file: DataFile, name: str):
        self.checksums = file.sections[f"{name}.checksums"]
        self.keys, self.key_ends = file.sections[f"{name}.keys"], file.sections[f"{name}.key_ends"]
        self.values, self.value_ends = file.sections[f"{name}.values"], file.sections[f"{name}.value_ends"]

    def __len__(self) -> int:
        return len(self.checksums)

    def get(self, key: str, default: str | None = None) -> str | None:
        raw = key.encode("utf-8", "surrogatepass")  # a lone surrogate is in no table, but must not raise
        wanted = checksum(raw)
        i = bisect_left(self.checksums, wanted)
        if i == len(self.checksums) or self.checksums[i] != wanted:
            return default
        if self.keys[self.key_ends[i - 1] if i else 0:self.key_ends[i]] != raw:
            return default  # another key with the same checksum
        return str(self.values[self.value_ends[i - 1] if i else 0:self.value_ends[i]], "utf-8")

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def items(self) -> Iterator[tuple[str, str]]:
        """Every key and its value, in checksum order."""
        key_start = value_start = 0
        for key_end, value_end in zip(self.key_ends, self.value_ends):
            yield (str(self.keys[key_start:key_end], "utf-8"), str(self.values[value_start:value_end], "utf-8"))
            key_start, value_start = key_end, value_end


class DataFile(NamedTuple):
    """One mapped data file: its plain values, and its sections as typed views of the mapping."""

    values: dict
    sections: dict[str, memoryview]

    def text(self, name: str) -> str:
        return str(self.sections[name], "utf-8")

    def lines(self, name: str) -> list[str]:
        """A text section written by lines()."""
        return self.text(name).split("\n")[:-1]

    def mapping(self, name: str) -> dict[str, str]:
        """A mapping written by mapping_sections."""
        return dict(zip(self.lines(f"{name}.keys"), self.lines(f"{name}.values")))

    def table(self, name: str) -> StringTable:
        """A mapping written by table_sections, searched in place."""
        return StringTable(self, name)


def read(mapped) -> DataFile:
    """The header and typed views of the sections of a data file's bytes (a mapping, or bytes in a test)."""
    if mapped[:len(MAGIC)] != MAGIC:
        raise DataError("not a newslint data file")
    start = len(MAGIC) + 4
    size = int.from_bytes(mapped[len(MAGIC):start], "little")
    header = json.loads(bytes(mapped[start:start + size]))
    if header.get("format") != FORMAT:
        raise DataError(f"data format {header.get('format')!r}; this newslint reads format {FORMAT}")
    body = memoryview(mapped)[_padded(start + size):]
    swap = header["byte_order"] != NATIVE_ORDER
    sections = {}
    for key, (kind, offset, length) in header["sections"].items():
        code = TYPES[kind]
        view = body[offset:offset + length].cast(code)
        if swap and SIZES[code] > 1:
            copy = array(code, view)
            copy.byteswap()
            view = memoryview(copy)
        sections[key] = view
    return DataFile(header["values"], sections)


@cache
def open_data(name: str) -> DataFile:
    """newslint/data/NAME.bin, mapped into memory rather than read: a look-up pages in only what it touches, so
    opening costs next to nothing however large the file."""
    with open(HERE / f"{name}.bin", "rb") as file:
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    return read(mapped)
