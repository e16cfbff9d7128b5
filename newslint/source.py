"""Reading drafts: bytes to text, remembering encoding, BOM and line endings."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

BINARY_SNIFF_BYTES = 8192


class InputError(Exception):
    """A file newslint cannot read as text; the message names the file and why."""


@dataclass(frozen=True, slots=True)
class Source:
    path: str  # as shown to the user
    text: str  # decoded, BOM removed, line endings kept as they were
    encoding: str
    bom: bool

    @property
    def newline(self) -> str:
        """The file's dominant line ending, for text the fixer inserts."""
        crlf = self.text.count("\r\n")
        return "\r\n" if crlf and crlf * 2 >= self.text.count("\n") else "\n"


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode bytes as UTF-8 (or the given encoding); refuse binary data."""
    if b"\x00" in data[:BINARY_SNIFF_BYTES] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{path}: looks like a binary file (NUL bytes); skipped")
    bom = False
    if encoding is None:
        if data.startswith(codecs.BOM_UTF8):
            data, bom = data[len(codecs.BOM_UTF8):], True
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            try:
                return Source(path, data.decode("utf-16"), "utf-16", True)
            except UnicodeDecodeError:
                raise InputError(f"{path}: not valid UTF-16 despite its byte-order mark") from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "pass --encoding (e.g. cp1252) to read it"
            ) from None
        return Source(path, text, "utf-8", bom)
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"{path}: unknown encoding {encoding!r}") from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid {codec} (offset {exc.start})") from None
    if text.startswith("\ufeff"):
        text, bom = text[1:], True
    return Source(path, text, codec, bom)


def read_source(path: Path, display: str | None = None, encoding: str | None = None) -> Source:
    shown = display or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{shown}: is a directory") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    return decode(data, shown, encoding)


def encode(source: Source, text: str) -> bytes:
    """Bytes for text written back in the source's encoding and BOM."""
    data = text.encode(source.encoding)
    if source.bom and source.encoding == "utf-8":
        data = codecs.BOM_UTF8 + data
    elif source.bom and source.encoding == "utf-16":
        pass  # Python's utf-16 codec writes its own BOM
    return data
