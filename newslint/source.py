"""Reading drafts: bytes to text, remembering encoding, BOM and line endings."""

from __future__ import annotations

import codecs
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path

BINARY_SNIFF_BYTES = 8192
MAX_FILE_BYTES = 10 * 1024 * 1024  # no story is this long; bigger files are exports or dumps
# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class InputError(Exception):
    """A file newslint cannot read as text; the message names the file and why."""


@dataclass(frozen=True, slots=True)
class Source:
    path: str  # as shown to the user
    text: str  # decoded, BOM removed, line endings kept as they were
    encoding: str  # a codec that writes no BOM of its own (utf-8, utf-16-le, cp1252 ...)
    bom: bool
    digest: str = ""  # of the bytes as read, to notice a file that changed while we worked

    def with_text(self, text: str) -> Source:
        return Source(self.path, text, self.encoding, self.bom)


def checksum(data: bytes) -> str:
    """Two 32-bit checksums as hex: enough to tell texts apart, and cheap (hashlib costs start-up time)."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def fingerprint(data: bytes) -> str:
    """Length and checksums of a file's bytes: enough to notice an edit."""
    return f"{len(data)}:{checksum(data)}"


def _codec(name: str, path: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputError(f"{path}: unknown encoding {name!r}") from None


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    """Decode bytes as UTF-8 (or the given encoding), honouring a byte-order mark; refuse binary data."""
    codec = _codec(encoding or "utf-8", path).removesuffix("-sig")
    digest = fingerprint(data)
    body, bom = data, False
    for mark, name in BOMS:
        if data.startswith(mark) and (encoding is None or name.startswith(codec)):
            codec, body, bom = name, data[len(mark):], True
            break
    else:
        codec = {"utf-16": "utf-16-le", "utf-32": "utf-32-le"}.get(codec, codec)  # no mark: little-endian
    if not codec.startswith(("utf-16", "utf-32")) and b"\x00" in body[:BINARY_SNIFF_BYTES]:
        raise InputError(f"{path}: looks like a binary file (NUL byte at offset {data.index(0)}); skipped")
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        where = f"line {line}, byte 0x{body[exc.start]:02x} at offset {exc.start}"
        hint = "; pass --encoding (e.g. cp1252) to read it" if encoding is None else ""
        raise InputError(f"{path}: not valid {codec} ({where}){hint}") from None
    return Source(path, text, codec, bom, digest)


def read_source(path: Path, display: str | None = None, encoding: str | None = None) -> Source:
    shown = display or str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{shown}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{shown}: not a regular file (a pipe, socket or device); skipped")
        if info.st_size > MAX_FILE_BYTES:
            raise InputError(f"{shown}: {info.st_size / 2**20:.1f} MB is over the {MAX_FILE_BYTES // 2**20} MB "
                             "limit for one story; skipped")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file (or a broken symbolic link)") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    return decode(data, shown, encoding)


def encode(source: Source, text: str) -> bytes:
    """Bytes for text written back in the source's encoding, with its BOM if it had one."""
    return (("\ufeff" if source.bom else "") + text).encode(source.encoding)
