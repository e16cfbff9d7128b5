"""Property tests for the fixer: bytes outside fixed spans are kept, fixing is idempotent, --diff equals --fix."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.document.source import read_source
from newslint.engine import fixer
from newslint.engine.config import Config
from newslint.engine.diagnostic import Edit
from newslint.engine.linter import Linter

LINES_RE = re.compile(rb"[^\n]*\n|[^\n]+")
HUNK_RE = re.compile(rb"@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@")

WORDS = ["the", "the", "The", "a", "news", "and", "And", "caf\u00e9", "na\u00efve", "\u201cquoted\u201d",
         "\u2018single\u2019", "\u2014", "<b>", "</b>", "<i>", "TAGS:", "LINK: x",
         "<!-- newslint-disable NL501 -->", "<!-- newslint-enable NL501 -->", "<!-- newslint-disable-next-line -->"]
NOT_CP1252 = ["\U0001f600", "\U0001f469\u200d\U0001f469\u200d\U0001f467", "x\u0301", "\u05e9\u05dc\u05d5\u05dd",
              "\u0645\u0631\u062d\u0628\u0627", "\u200d", "\u0100"]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\r\n", "\n\n", "\r\n\r\n", ", ", ". ", "\t", "", "\r", "\x0c", "\x0b"]
NOT_CP1252_SEPARATORS = ["\u2028", "\u2029", "\x85", "\u00a0\u3000"]
LINTER = Linter(Config(select=("NL501", "NL402", "NL901")))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def apply_unified_diff(original: bytes, diff: bytes) -> bytes:
    """A tiny applier for a one-file unified diff whose hunks match exactly (as `patch --fuzz=0` would)."""
    old = LINES_RE.findall(original)
    out: list[bytes] = []
    at = 0
    hunk: list[tuple[bytes, bytes]] = []

    def flush() -> None:
        nonlocal at
        for tag, content in hunk:
            if tag in b" -":
                assert old[at] == content, f"hunk does not match line {at + 1}: {old[at]!r} != {content!r}"
                at += 1
            if tag in b" +":
                out.append(content)
        hunk.clear()

    for line in LINES_RE.findall(diff):
        if line.startswith((b"--- ", b"+++ ")) and not hunk:
            continue
        if match := HUNK_RE.match(line):
            flush()
            start = max(int(match.group(1)) - 1, 0)
            out.extend(old[at:start])
            at = start
        elif line.startswith(b"\\"):  # "\ No newline at end of file": the line before has no \n
            tag, content = hunk[-1]
            hunk[-1] = (tag, content.removesuffix(b"\n"))
        else:
            hunk.append((line[:1], line[1:]))
    flush()
    return b"".join(out + old[at:])


def apply_diff(original: bytes, diff: bytes) -> bytes:
    """Apply a one-file unified diff with the `patch` command, or with the applier above where it is missing."""
    if not diff:
        return original
    patch = shutil.which("patch")
    if patch is None:
        return apply_unified_diff(original, diff)
    with tempfile.TemporaryDirectory() as folder:
        target, patch_file = Path(folder, "story.txt"), Path(folder, "fix.diff")
        target.write_bytes(original)
        patch_file.write_bytes(diff)
        subprocess.run([patch, "--binary", "--batch", "--fuzz=0", "--quiet", "--no-backup-if-mismatch",
                        str(target), str(patch_file)], check=True, capture_output=True)
        return target.read_bytes()


@st.composite
def drafts(draw) -> tuple[str, str, bool]:
    """Copy in one of the encodings newsrooms use, with LF, CRLF or mixed line endings and maybe a BOM."""
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16-le"]))
    vocabulary = WORDS + (NOT_CP1252 if encoding != "cp1252" else [])
    separators = SEPARATORS + (NOT_CP1252_SEPARATORS if encoding != "cp1252" else [])
    parts = draw(st.lists(st.tuples(st.sampled_from(vocabulary), st.sampled_from(separators)), max_size=40))
    bom = encoding != "cp1252" and draw(st.booleans())
    return "".join(w + s for w, s in parts), encoding, bom


def fixed_file(draft: tuple[str, str, bool], unsafe: bool, folder: str):
    text, encoding, bom = draft
    path = Path(folder, "story.txt")
    path.write_bytes(("\ufeff" * bom + text).encode(encoding))
    source = read_source(path, encoding=encoding)
    assert source.text == text and source.bom == bom
    return path, source, fixer.fix_source(LINTER, source, unsafe=unsafe)


def disjoint(edits: list[Edit]) -> bool:
    spans = sorted((e.span.start, e.span.end) for e in edits)
    return all(a_end < b_start or a_end == b_start and a_start < a_end and b_start < b_end
               for (a_start, a_end), (b_start, b_end) in zip(spans, spans[1:]))


@SETTINGS
@given(drafts(), st.booleans())
def test_bytes_outside_fixed_spans_are_kept(draft, unsafe):
    text, encoding, bom = draft
    with tempfile.TemporaryDirectory() as folder:
        path, source, outcome = fixed_file(draft, unsafe, folder)
        expected, current = path.read_bytes(), text
        offset = len(expected) - len(text.encode(encoding))  # the BOM
        for edits in outcome.passes:
            found = LINTER.lint(source.with_text(current)).diagnostics
            assert set(edits) <= {e for d in found if fixer.applicable(d, unsafe) for e in d.fix.edits}
            assert disjoint(edits)
            for edit in sorted(edits, key=lambda e: e.span.start, reverse=True):
                start = offset + len(current[:edit.span.start].encode(encoding))
                end = offset + len(current[:edit.span.end].encode(encoding))
                expected = expected[:start] + edit.replacement.encode(encoding) + expected[end:]
                current = current[:edit.span.start] + edit.replacement + current[edit.span.end:]
        assert current == outcome.text
        if outcome.changed:
            fixer.write_back(path, source, outcome.fixed_bytes())
        assert path.read_bytes() == expected


@SETTINGS
@given(drafts(), st.booleans())
def test_fixing_is_idempotent(draft, unsafe):
    with tempfile.TemporaryDirectory() as folder:
        path, source, outcome = fixed_file(draft, unsafe, folder)
        assert len(outcome.passes) < fixer.MAX_PASSES
        if outcome.changed:
            fixer.write_back(path, source, outcome.fixed_bytes())
        once = path.read_bytes()
        again = fixer.fix_source(LINTER, read_source(path, encoding=draft[1]), unsafe=unsafe)
        assert not again.changed and again.applied == 0 and not again.diff()
        assert path.read_bytes() == once


@SETTINGS
@given(drafts(), st.booleans())
def test_diff_applied_with_patch_equals_fix(draft, unsafe):
    with tempfile.TemporaryDirectory() as folder:
        path, source, outcome = fixed_file(draft, unsafe, folder)
        original, diff = path.read_bytes(), outcome.diff()
        assert path.read_bytes() == original  # --diff writes nothing
        if outcome.changed:
            fixer.write_back(path, source, outcome.fixed_bytes())
        assert apply_diff(original, diff) == path.read_bytes()
        assert apply_unified_diff(original, diff) == path.read_bytes()
