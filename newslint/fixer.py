"""Applying fixes: non-clashing edits, repeated until the text is stable, written back atomically."""

from __future__ import annotations

import bisect
import difflib
import os
import re
import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from newslint.diagnostic import Applicability, Diagnostic, Edit, Fix, Span
from newslint.linter import FileResult, Linter
from newslint.source import InputError, Source, encode, fingerprint

MAX_PASSES = 10
LINE_RE = re.compile(rb"[^\n]*\n|[^\n]+")  # lines as patch sees them: only \n ends one


def applicable(diagnostic: Diagnostic, unsafe: bool) -> bool:
    fix = diagnostic.fix
    if fix is None:
        return False
    return fix.applicability is Applicability.SAFE or (unsafe and fix.applicability is Applicability.UNSAFE)


def clash(a: Span, b: Span) -> bool:
    """Two edits clash when they overlap, or when an insertion touches the other edit (order would matter)."""
    if a.start == a.end or b.start == b.end:
        return b.start <= a.start <= b.end or a.start <= b.start <= a.end
    return a.overlaps(b)


def choose(text: str, diagnostics: list[Diagnostic], unsafe: bool) -> list[Fix]:
    """The fixes to apply together: in order of position, then code, each kept unless it clashes with one
    already kept (so the outcome never depends on the order rules ran in), reaches outside the text or would
    split a CRLF line ending."""
    kept: list[Fix] = []
    taken: list[Span] = []  # sorted, pairwise non-clashing

    def clashes(span: Span) -> bool:
        i = bisect.bisect_left(taken, (span.start, span.start), key=lambda s: (s.start, s.end))
        if i and clash(taken[i - 1], span):
            return True
        while i < len(taken) and taken[i].start <= span.end:
            if clash(taken[i], span):
                return True
            i += 1
        return False

    def splits_crlf(offset: int) -> bool:
        return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"

    ranked = sorted((d for d in diagnostics if applicable(d, unsafe)),
                    key=lambda d: (d.span.start, d.span.end, d.code, d.message,
                                   tuple((e.span.start, e.span.end, e.replacement) for e in d.fix.edits)))
    for d in ranked:
        spans = [e.span for e in d.fix.edits]
        if (not spans or any(not 0 <= s.start <= s.end <= len(text) or clashes(s) for s in spans)
                or any(splits_crlf(s.start) or splits_crlf(s.end) for s in spans)
                or any(clash(a, b) for a, b in combinations(spans, 2))):
            continue
        kept.append(d.fix)
        for s in spans:
            bisect.insort(taken, s, key=lambda s: (s.start, s.end))
    return kept


def splice(text: str, edits: list[Edit]) -> str:
    """text with non-clashing edits applied; everything outside their spans is copied as it was."""
    pieces, at = [], 0
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        pieces += [text[at:edit.span.start], edit.replacement]
        at = edit.span.end
    pieces.append(text[at:])
    return "".join(pieces)


def apply_edits(text: str, diagnostics: list[Diagnostic], unsafe: bool) -> tuple[str, list[Edit], int]:
    """One pass: the new text, the edits applied (in the old text's offsets) and how many fixes they make."""
    fixes = choose(text, diagnostics, unsafe)
    edits = sorted((e for f in fixes for e in f.edits), key=lambda e: (e.span.start, e.span.end))
    return splice(text, edits), edits, len(fixes)


@dataclass
class Outcome:
    source: Source
    text: str
    result: FileResult  # the diagnostics left in the fixed text
    applied: int
    passes: list[list[Edit]] = field(default_factory=list)  # each pass's edits, in that pass's input offsets

    @property
    def changed(self) -> bool:
        return self.text != self.source.text

    def diff(self) -> bytes:
        """A unified diff of the file's bytes (encoding, BOM and line endings as they are), for ``patch -p1``."""
        if not self.changed:
            return b""
        old, new = (LINE_RE.findall(encode(self.source, t)) for t in (self.source.text, self.text))
        name = os.fsencode(self.source.path)
        out = []
        for line in difflib.diff_bytes(difflib.unified_diff, old, new, b"a/" + name, b"b/" + name):
            out.append(line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n")
        return b"".join(out)


def fix_source(linter: Linter, source: Source, unsafe: bool = False) -> Outcome:
    """Apply fixes and re-lint until nothing more applies (at most MAX_PASSES passes)."""
    current, passes, applied = source, [], 0
    result = linter.lint(current)
    for _ in range(MAX_PASSES):
        text, edits, count = apply_edits(current.text, result.diagnostics, unsafe)
        if text == current.text:
            break
        passes.append(edits)
        applied += count
        current = current.with_text(text)
        result = linter.lint(current)
    return Outcome(source, current.text, result, applied, passes)


def write_back(path: Path, original: Source, text: str) -> None:
    """Replace the file's content atomically (through a symlink: its target), keeping encoding, BOM, owner and
    permissions; refuse when the file changed since it was read."""
    target = Path(os.path.realpath(path))
    try:
        new_data = encode(original, text)
    except UnicodeEncodeError as exc:
        raise InputError(f"{path}: fixed text has {exc.object[exc.start]!r}, which {original.encoding} cannot "
                         "hold; not fixed") from None
    try:
        info = target.stat()
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(new_data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, info.st_mode & 0o7777)
            if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                try:
                    os.chown(temp, info.st_uid, info.st_gid)
                except PermissionError:
                    pass
            if fingerprint(target.read_bytes()) != (original.digest or fingerprint(encode(original, original.text))):
                raise InputError(f"{path}: changed on disk while newslint ran; not fixed")
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InputError(f"{path}: cannot write fixes ({exc.strerror or exc})") from None
