"""Reading drafts: bytes to text, remembering encoding, BOM and line endings."""

from __future__ import annotations

import codecs
import os
import stat
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, NamedTuple

BINARY_SNIFF_BYTES = 8192
MAX_FILE_BYTES = 10 * 1024 * 1024  # no story is this long; bigger files are exports or dumps
# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class InputError(Exception):
    """A file newslint cannot read as text; the message names the file and why."""


class SpliceError(ValueError):
    """Changed text that cannot be put into a file's bytes without changing the bytes around it."""


class Source(NamedTuple):
    path: str  # as shown to the user
    text: str  # decoded, BOM removed, line endings kept as they were
    encoding: str  # a codec that writes no BOM of its own (utf-8, utf-16-le, cp1252 ...)
    bom: bool
    digest: str = ""  # of the bytes as read, to notice a file that changed while we worked
    data: bytes = b""  # the bytes as read (byte-order mark included): fixes are spliced into them

    def with_text(self, text: str) -> Source:
        return Source(self.path, text, self.encoding, self.bom)


def checksum(data: bytes) -> str:
    """Two 32-bit checksums as hex: enough to tell texts apart, and cheap (hashlib costs start-up time)."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def fingerprint(data: bytes) -> str:
    """Length and checksums of a file's bytes: enough to notice an edit."""
    return f"{len(data)}:{checksum(data)}"


def text_codec(name: str) -> str:
    """The canonical name of the codec that reads bytes as text under this name; LookupError saying why there is
    none: an unknown name, or a codec such as base64, hex, zlib (bytes to bytes) or rot13 (text to text)."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a NUL or a lone surrogate in the name
        raise LookupError(f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):  # the flag str.decode itself checks
        raise LookupError(f"{name!r} is not a text encoding")
    return info.name


def _codec(name: str, path: str) -> str:
    try:
        return text_codec(name)
    except LookupError as exc:
        raise InputError(f"{path}: {exc}") from None


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
    except UnicodeError as exc:  # a codec that fails without a position: punycode, undefined
        raise InputError(f"{path}: not valid {codec} ({exc.__cause__ or exc})") from None
    return Source(path, text, codec, bom, digest, data)


def read_regular_file(path: Path, shown: str, limit: int, kind: str, refused: str = "") -> bytes:
    """The bytes of a regular file no longer than limit; OSError as the system gives it. Anything else is refused,
    with InputError, before a byte is read: a folder; a pipe, socket or device, whose open can block for ever (a
    FIFO with no writer) or whose reading need never end (/dev/zero); a longer file (kind says what for: "one
    story"). At most limit + 1 bytes are read, should the file grow meanwhile. refused ends a refusal's message."""
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{shown}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{shown}: not a regular file (a pipe, socket or device){refused}")
    if info.st_size > limit:
        raise InputError(f"{shown}: {info.st_size / 2**20:.1f} MB is over the {limit // 2**20} MB limit for "
                         f"{kind}{refused}")
    # Non-blocking, so that a FIFO put in the file's place since the stat cannot hold up the open; fstat refuses it.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise InputError(f"{shown}: not a regular file (a pipe, socket or device){refused}")
        data = handle.read(info.st_size + 1)  # not limit + 1: that would allocate 10 MB for every story
        if len(data) > info.st_size:  # it grew since the stat
            data += handle.read(limit + 1 - len(data))
    if len(data) > limit:
        raise InputError(f"{shown}: over the {limit // 2**20} MB limit for {kind}{refused}")
    return data


def read_stream(stream: BinaryIO, shown: str) -> bytes:
    """A stream's bytes (standard input) under the limit a file has: at most MAX_FILE_BYTES + 1 are read, however
    much the stream holds (a pipe from /dev/zero)."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= MAX_FILE_BYTES:
            chunk = stream.read(MAX_FILE_BYTES + 1 - size)  # a raw stream may return less before its end
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    if size > MAX_FILE_BYTES:
        raise InputError(f"{shown}: over the {MAX_FILE_BYTES // 2**20} MB limit for one story; skipped")
    return b"".join(chunks)


def read_source(path: Path, display: str | None = None, encoding: str | None = None) -> Source:
    shown = display or str(path)
    try:
        data = read_regular_file(path, shown, MAX_FILE_BYTES, "one story", "; skipped")
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


def splice_bytes(source: Source, changes: Sequence[tuple[int, int, str]]) -> bytes:
    """The source's bytes with each change (start, end, replacement: offsets into its text, in order, not
    overlapping) encoded in its place. Every other byte stays as it was read, even in an encoding that does not
    give the same bytes back for the same text (cp932, big5, utf-7). Raises UnicodeEncodeError for a replacement
    the encoding cannot hold, SpliceError when the bytes would not read back as the changed text."""
    data = source.data or encode(source, source.text)
    head = len("\ufeff".encode(source.encoding)) if source.bom else 0
    bounds = _byte_offsets(data, head, source, sorted({offset for start, end, _ in changes for offset in (start, end)}))
    pieces, at, texts, text_at = [data[:head]], head, [], 0
    for start, end, replacement in changes:
        pieces += [data[at:bounds[start]], replacement.encode(source.encoding)]
        texts += [source.text[text_at:start], replacement]
        at, text_at = bounds[end], end
    pieces.append(data[at:])
    texts.append(source.text[text_at:])
    spliced = b"".join(pieces)
    try:
        faithful = spliced[head:].decode(source.encoding) == "".join(texts)
    except UnicodeDecodeError:
        faithful = False
    if not faithful:  # a stateful encoding (utf-7, iso-2022), or a change inside one multi-character byte sequence
        raise SpliceError(f"the fixed text cannot be written into its {source.encoding} bytes without changing "
                          "the bytes around the fixes")
    return spliced


def _byte_offsets(data: bytes, head: int, source: Source, offsets: list[int]) -> dict[int, int]:
    """Where each text offset (ascending) falls in data, whose text starts at byte `head`: found by encoding the
    text between two offsets and matching it against the bytes there, or, where the encoding gives other bytes
    back, by decoding."""
    found, char_at, byte_at = {}, 0, head
    for offset in offsets:
        if offset > char_at:
            piece = source.text[char_at:offset]
            try:
                encoded = piece.encode(source.encoding)
            except UnicodeEncodeError:
                encoded = None
            if encoded is not None and data.startswith(encoded, byte_at):
                byte_at += len(encoded)
            else:
                byte_at = _decoded_end(data, byte_at, len(piece), source.encoding)
            char_at = offset
        found[offset] = byte_at
    return found


def _decoded_end(data: bytes, start: int, count: int, encoding: str) -> int:
    """The byte offset where `count` characters decoded from data[start:] end with no byte left over."""

    def decoded(end: int) -> tuple[int, bool]:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            chars = len(decoder.decode(data[start:end], final=end >= len(data)))
        except UnicodeDecodeError:
            return count + 1, False
        return chars, decoder.getstate()[0] == b""

    low, high = start, min(len(data), start + max(count, 1))
    while high < len(data) and decoded(high)[0] < count:  # widen until the characters fit
        low, high = high, min(len(data), start + 2 * (high - start))
    while low + 1 < high:  # the shortest stretch that holds them
        middle = (low + high) // 2
        if decoded(middle)[0] >= count:
            high = middle
        else:
            low = middle
    chars, settled = decoded(high)
    if chars != count or not settled:
        raise SpliceError(f"a fix starts or ends inside one {encoding} byte sequence")
    return high
