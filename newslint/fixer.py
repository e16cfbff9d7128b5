"""Applying fixes: non-overlapping edits, repeated until the text is stable, written back atomically."""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from newslint.diagnostic import Applicability, Diagnostic, Edit
from newslint.linter import FileResult, Linter
from newslint.source import InputError, Source, encode

MAX_PASSES = 10


def applicable(diagnostic: Diagnostic, unsafe: bool) -> bool:
    fix = diagnostic.fix
    if fix is None:
        return False
    return fix.applicability is Applicability.SAFE or (unsafe and fix.applicability is Applicability.UNSAFE)


def apply_edits(text: str, diagnostics: list[Diagnostic], unsafe: bool) -> tuple[str, int]:
    """Apply the fixes whose edits do not overlap an earlier-chosen fix (ordered by position, then code)."""
    chosen: list[Edit] = []
    count = 0
    for d in sorted(diagnostics, key=lambda d: (d.span.start, d.span.end, d.code)):
        if not applicable(d, unsafe):
            continue
        edits = sorted(d.fix.edits, key=lambda e: e.span.start)
        if any(e.span.start < c.span.end and c.span.start < e.span.end or e.span == c.span
               for e in edits for c in chosen):
            continue
        chosen.extend(edits)
        count += 1
    for edit in sorted(chosen, key=lambda e: e.span.start, reverse=True):
        text = text[:edit.span.start] + edit.replacement + text[edit.span.end:]
    return text, count


@dataclass
class Outcome:
    source: Source
    text: str
    result: FileResult
    applied: int

    @property
    def changed(self) -> bool:
        return self.text != self.source.text

    def diff(self) -> str:
        if not self.changed:
            return ""
        name = self.source.path
        lines = difflib.unified_diff(self.source.text.splitlines(keepends=True), self.text.splitlines(keepends=True),
                                     f"a/{name}", f"b/{name}")
        out = []
        for line in lines:
            out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        return "".join(out)


def fix_source(linter: Linter, source: Source, unsafe: bool = False) -> Outcome:
    current = source
    applied = 0
    result = linter.lint(current)
    for _ in range(MAX_PASSES):
        text, count = apply_edits(current.text, result.diagnostics, unsafe)
        if not count or text == current.text:
            break
        applied += count
        current = Source(source.path, text, source.encoding, source.bom)
        result = linter.lint(current)
    return Outcome(source, current.text, result, applied)


def write_back(path: Path, original: Source, text: str) -> None:
    """Replace path's content atomically, keeping encoding, BOM and permissions; refuse if it changed meanwhile."""
    new_data = encode(original, text)
    try:
        on_disk = path.read_bytes()
        if on_disk != encode(original, original.text):
            raise InputError(f"{path}: changed on disk while newslint ran; not fixed")
        mode = path.stat().st_mode
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".newslint", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(new_data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, mode & 0o7777)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InputError(f"{path}: cannot write fixes ({exc.strerror or exc})") from None
