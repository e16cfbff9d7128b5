"""Applying fixes: non-clashing edits, repeated until the text is stable, spliced into the file's bytes and
written back atomically."""

from __future__ import annotations

import bisect
import os
import stat
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

from newslint.document.patterns import LazyPattern
from newslint.document.source import InputError, Source, SpliceError, encode, fingerprint, splice_bytes
from newslint.engine.diagnostic import Applicability, Diagnostic, Edit, Fix, Span
from newslint.engine.linter import FileResult, Linter

MAX_PASSES = 10
LINE_RE = LazyPattern(rb"[^\n]*\n|[^\n]+")  # lines as patch sees them: only \n ends one
# Whatever an editor may show as the end of a line: str.splitlines' line ends, CR LF as one.
LINE_BREAK_RE = LazyPattern("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


class Refusal:
    """Why a fix that applies is left out: each reason says what the fix would do to the lines."""

    SPLIT = "split a CR LF line ending"
    MERGE = "join a CR and an LF into one line ending"
    REMOVE = "remove a line break outside the text it flags"
    ADD = "add a line break outside the text it flags"
    CHANGE = "change a line break outside the text it flags"


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


def line_break_refusal(text: str, diagnostic: Diagnostic) -> str:
    """Why the diagnostic's fix, alone, would break the rule that a fix adds, removes or joins no line break
    outside the text it flags ('' when it does not)."""
    for edit in diagnostic.fix.edits:
        start, end = edit.span.start, edit.span.end
        if any(0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n" for offset in (start, end)):
            return Refusal.SPLIT
        if (start > 0 and text[start - 1] == "\r" and (edit.replacement or text[end:end + 1])[:1] == "\n") or (
                end < len(text) and text[end] == "\n" and (edit.replacement or text[start - 1:start])[-1:] == "\r"):
            return Refusal.MERGE
        if diagnostic.span.start <= start and end <= diagnostic.span.end:
            continue  # inside the flagged text, line breaks are the fix's business
        before, after = LINE_BREAK_RE.findall(text, start, end), LINE_BREAK_RE.findall(edit.replacement)
        if before != after:
            return Refusal.REMOVE if len(before) > len(after) else Refusal.ADD if len(before) < len(after) else (
                Refusal.CHANGE)
    return ""


def joined_line_ends(text: str, edits: list[tuple[Edit, int]]) -> set[int]:
    """Where edits applied together put a CR straight before an LF that were not one line ending before: the
    owner ranked last among the edits that meet at each such place (edits sorted, not overlapping)."""
    found: set[int] = set()
    last, latest, at = "", -1, 0  # the fixed text's last character so far; the last-ranked edit since it
    for edit, owner in edits:
        kept = text[at:edit.span.start]
        if kept:
            if last == "\r" and kept[0] == "\n" and latest >= 0:
                found.add(latest)
            last, latest = kept[-1], -1
        latest = max(latest, owner)
        if edit.replacement:
            if last == "\r" and edit.replacement[0] == "\n":
                found.add(latest)
            last, latest = edit.replacement[-1], owner
        at = edit.span.end
    if text[at:at + 1] == "\n" and last == "\r" and latest >= 0:
        found.add(latest)
    return found


class TakenSpans:
    """The spans of the fixes kept so far, sorted and pairwise non-clashing, asked whether a new span clashes."""

    def __init__(self) -> None:
        self.spans: list[Span] = []

    def clashes(self, span: Span) -> bool:
        taken = self.spans
        i = bisect.bisect_left(taken, (span.start, span.start), key=lambda s: (s.start, s.end))
        if i and clash(taken[i - 1], span):
            return True
        while i < len(taken) and taken[i].start <= span.end:
            if clash(taken[i], span):
                return True
            i += 1
        return False

    def add(self, spans: list[Span]) -> None:
        for s in spans:
            bisect.insort(self.spans, s, key=lambda s: (s.start, s.end))


def choose(text: str, diagnostics: list[Diagnostic], unsafe: bool,
           refused: list[tuple[Diagnostic, str]] | None = None) -> list[Fix]:
    """The fixes to apply together: in order of position, then code, each kept unless it clashes with one
    already kept (so the outcome never depends on the order rules ran in), reaches outside the text, or would
    add, remove, split or join a line break outside the text it flags (alone or beside the fixes kept). The
    fixes left out for their line breaks are added to `refused` with the reason."""
    refused = [] if refused is None else refused
    kept: list[Diagnostic] = []
    taken = TakenSpans()
    ranked = sorted((d for d in diagnostics if applicable(d, unsafe)),
                    key=lambda d: (d.span.start, d.span.end, d.code, d.message,
                                   tuple((e.span.start, e.span.end, e.replacement) for e in d.fix.edits)))
    for d in ranked:
        spans = [e.span for e in d.fix.edits]
        if not _fits(text, spans, taken):
            continue
        if reason := line_break_refusal(text, d):
            refused.append((d, reason))
            continue
        kept.append(d)
        taken.add(spans)
    return [d.fix for d in _without_joined_line_ends(text, kept, refused)]


def _fits(text: str, spans: list[Span], taken: TakenSpans) -> bool:
    """A fix's edits lie inside the text, clash with no kept fix and not with each other."""
    return bool(spans) and all(0 <= s.start <= s.end <= len(text) and not taken.clashes(s) for s in spans) \
        and not any(clash(a, b) for a, b in combinations(spans, 2))


def _without_joined_line_ends(text: str, kept: list[Diagnostic],
                              refused: list[tuple[Diagnostic, str]]) -> list[Diagnostic]:
    """The kept fixes less those whose edits, together, would join a lone CR and a LF into one CRLF."""
    if "\r" not in text and not any("\r" in e.replacement for d in kept for e in d.fix.edits):
        return kept
    while dropped := joined_line_ends(text, sorted(((e, rank) for rank, d in enumerate(kept) for e in d.fix.edits),
                                                   key=lambda pair: (pair[0].span.start, pair[0].span.end))):
        refused.extend((kept[rank], Refusal.MERGE) for rank in sorted(dropped))
        kept = [d for rank, d in enumerate(kept) if rank not in dropped]
    return kept


def splice(text: str, edits: list[Edit]) -> str:
    """text with non-clashing edits applied; everything outside their spans is copied as it was."""
    pieces, at = [], 0
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        pieces += [text[at:edit.span.start], edit.replacement]
        at = edit.span.end
    pieces.append(text[at:])
    return "".join(pieces)


def apply_edits(text: str, diagnostics: list[Diagnostic], unsafe: bool,
                refused: list[tuple[Diagnostic, str]] | None = None) -> tuple[str, list[Edit], int]:
    """One pass: the new text, the edits applied (in the old text's offsets) and how many fixes they make."""
    fixes = choose(text, diagnostics, unsafe, refused)
    edits = sorted((e for f in fixes for e in f.edits), key=lambda e: (e.span.start, e.span.end))
    return splice(text, edits), edits, len(fixes)


def carry_over(regions: list[tuple[int, int, int]], edits: list[Edit]) -> list[tuple[int, int, int]]:
    """Where the stretches of the original text that no edit touched lie after one more pass of edits: each
    stretch as (start in the current text, start in the original, length); edits sorted, in current offsets."""
    carried: list[tuple[int, int, int]] = []
    shift, i = 0, 0
    for start, origin, length in regions:
        end, at = start + length, start
        while i < len(edits):
            edit_start, edit_end = edits[i].span.start, edits[i].span.end
            if edit_end <= at:  # wholly before what is left of the stretch
                shift += len(edits[i].replacement) - (edit_end - edit_start)
                i += 1
                continue
            if edit_start >= end:
                break
            if edit_start > at:
                carried.append((at + shift, origin + at - start, edit_start - at))
            if edit_end > end:  # reaches into the next stretch: cut that one too
                at = end
                break
            at = edit_end
        if at < end:
            carried.append((at + shift, origin + at - start, end - at))
    return carried


class Outcome:
    def __init__(self, source: Source, text: str, result: FileResult, applied: int,
                 passes: list[list[Edit]] | None = None, refused: list[tuple[Diagnostic, str]] | None = None):
        self.source = source
        self.text = text
        self.result = result  # the diagnostics left in the fixed text
        self.applied = applied
        self.passes = [] if passes is None else passes  # each pass's edits, in that pass's input offsets
        self.refused = [] if refused is None else refused  # fixes left out of the fixed text, why

    @property
    def changed(self) -> bool:
        return self.text != self.source.text

    def changes(self) -> list[tuple[int, int, str]]:
        """All passes as one list of changes to the original text: (start, end, replacement), in order, not
        overlapping, each trimmed to the characters it really changes."""
        original, regions = self.source.text, [(0, 0, len(self.source.text))] if self.source.text else []
        for edits in self.passes:
            regions = carry_over(regions, edits)
        out: list[tuple[int, int, str]] = []
        old_at = new_at = 0
        for new_start, old_start, length in regions + [(len(self.text), len(original), 0)]:
            old, new = original[old_at:old_start], self.text[new_at:new_start]
            if old != new:
                head = len(os.path.commonprefix([old, new]))
                tail = len(os.path.commonprefix([old[head:][::-1], new[head:][::-1]]))
                out.append((old_at + head, old_start - tail, new[head:len(new) - tail]))
            old_at, new_at = old_start + length, new_start + length
        return out

    def fixed_bytes(self) -> bytes:
        """The file's bytes with the fixes spliced in: encoding, byte-order mark, line endings and every byte
        outside the fixes as they were read."""
        if not self.changed:
            return self.source.data or encode(self.source, self.text)
        try:
            return splice_bytes(self.source, self.changes())
        except UnicodeEncodeError as exc:
            raise InputError(f"{self.source.path}: fixed text has {exc.object[exc.start]!r}, which "
                             f"{self.source.encoding} cannot hold; not fixed") from None
        except SpliceError as exc:
            raise InputError(f"{self.source.path}: {exc}; not fixed") from None

    def diff(self) -> bytes:
        """A unified diff of the file's bytes (encoding, BOM and line endings as they are), for ``patch -p1``."""
        if not self.changed:
            return b""
        old = LINE_RE.findall(self.source.data or encode(self.source, self.source.text))
        new = LINE_RE.findall(self.fixed_bytes())
        import difflib  # only for --diff

        name = os.fsencode(self.source.path)
        out = []
        for line in difflib.diff_bytes(difflib.unified_diff, old, new, b"a/" + name, b"b/" + name):
            out.append(line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n")
        return b"".join(out)

    def refusal_notes(self) -> list[str]:
        """One line per fix left out for what it would do to the line breaks, where the diagnostic is."""
        document = self.result.document
        notes = []
        for diagnostic, reason in self.refused:
            line, column = document.locate(diagnostic.span.start)
            notes.append(f"{self.source.path}:{line}:{column}: {diagnostic.code} not fixed: the fix would {reason}")
        return notes


def fix_source(linter: Linter, source: Source, unsafe: bool = False) -> Outcome:
    """Apply fixes and re-lint until nothing more applies (at most MAX_PASSES passes); note the fixes left out
    of the final text for its line breaks."""
    current, passes, applied = source, [], 0
    result = linter.lint(current)
    refused: list[tuple[Diagnostic, str]] = []
    for _ in range(MAX_PASSES):
        refused = []
        text, edits, count = apply_edits(current.text, result.diagnostics, unsafe, refused)
        if text == current.text:
            break
        passes.append(edits)
        applied += count
        current = current.with_text(text)
        result = linter.lint(current)
    else:
        refused = []
        choose(current.text, result.diagnostics, unsafe, refused)
    return Outcome(source, current.text, result, applied, passes, refused)


def inside(path: str, folders: Sequence[str]) -> bool:
    """Whether a real path is one of folders (real paths too) or lies below one."""
    return any(path == folder or path.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders)


def read_only(path: Path, info: os.stat_result) -> bool:
    """Whether newslint must leave a file or folder as it is: no write permission bit set for anyone (which
    even root, whom the operating system lets write anything, respects here), or none for this user."""
    return not info.st_mode & WRITE_BITS or not os.access(path, os.W_OK)


def unchanged(original: Source, now: bytes) -> bool:
    """Whether a file's bytes are still those the source was read from."""
    if original.data:
        return now == original.data
    return fingerprint(now) == (original.digest or fingerprint(encode(original, original.text)))


def write_back(path: Path, original: Source, data: bytes, within: Sequence[str] | None = None) -> None:
    """Replace the file's bytes with data atomically (through a symbolic link: its target), keeping its mode and
    owner. Refuse a file changed since it was read, a read-only file or folder, a file with other hard links, a file
    whose owner the new copy could not keep, and, when `within` (real paths of the files and folders being linted) is given, a link
    whose target lies outside them."""
    target = Path(os.path.realpath(path))
    if within is not None and not inside(str(target), within):
        raise InputError(f"{path}: links to {target}, outside the files and folders being linted; not fixed")
    try:
        info = target.stat()
        if read_only(target, info):
            raise InputError(f"{path}: read-only ({stat.filemode(info.st_mode)}); not fixed")
        if info.st_nlink > 1:
            raise InputError(f"{path}: has {info.st_nlink} hard links, which a new copy would part (the others would "
                             "keep the old text); not fixed")
        if read_only(target.parent, folder := target.parent.stat()):
            raise InputError(f"{path}: its folder is read-only ({stat.filemode(folder.st_mode)}); not fixed")
        import tempfile  # only when a fix is written: it imports random and shutil

        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            written = os.stat(temp)
            if (written.st_uid, written.st_gid) != (info.st_uid, info.st_gid):
                try:
                    os.chown(temp, info.st_uid, info.st_gid)
                except PermissionError:
                    raise InputError(f"{path}: belongs to another user or group, which a new copy could not keep; "
                                     "not fixed") from None
            os.chmod(temp, stat.S_IMODE(info.st_mode))  # after chown, which clears set-user-ID and set-group-ID
            if not unchanged(original, target.read_bytes()):
                raise InputError(f"{path}: changed on disk while newslint ran; not fixed")
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InputError(f"{path}: cannot write fixes ({exc.strerror or exc})") from None
