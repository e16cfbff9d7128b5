"""The fixer: safe and unsafe fixes, atomic writes that keep bytes, encodings and links, --diff, clashes."""

from __future__ import annotations

import codecs
import itertools
import os
import stat
import subprocess
import sys

import pytest
from test_fixer_properties import apply_diff

from newslint.document.source import InputError, Source, decode, read_source
from newslint.engine import fixer
from newslint.engine.config import Config
from newslint.engine.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity, Span
from newslint.engine.linter import FileResult, Linter

STORY = "Talks resume\r\n\r\nOfficials met on the the border, <b>then left.\r\nNothing more.\r\n"
FIXED = "Talks resume\r\n\r\nOfficials met on the border, <b>then left.\r\nNothing more.\r\n"
SELECT = ("--select", "NL501,NL402")


def test_fix_applies_safe_fixes_only(cli, story):
    path = story(STORY)
    result = cli("--fix", *SELECT, "--format", "json", str(path))
    assert path.read_bytes() == FIXED.encode()
    assert [d["code"] for d in result.json["diagnostics"]] == ["NL402"]  # the unsafe one is left, and reported
    assert result.code == 1


def test_unsafe_fixes_apply_the_rest(cli, story):
    path = story(STORY)
    assert cli("--fix", "--unsafe-fixes", *SELECT, str(path)).code == 0
    assert path.read_bytes() == FIXED.replace("<b>", "").encode()


def test_second_fix_changes_nothing(cli, story):
    path = story(STORY + "And and the the the end.\r\n")
    cli("--fix", *SELECT, str(path))
    once = path.read_bytes()
    result = cli("--fix", *SELECT, str(path))
    assert path.read_bytes() == once
    assert "fixed" not in result.out


@pytest.mark.parametrize("encoding, bom", [("utf-8", True), ("cp1252", False), ("utf-16-le", True)])
def test_fix_keeps_encoding_bom_and_line_endings(cli, story, encoding, bom):
    text = "Caf\u00e9 \u201cstory\u201d\r\n\nThe the caf\u00e9 opened.\r\nIt shut.\n"
    data = (codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF8 if bom else b"") + text.encode(encoding)
    path = story("")
    path.write_bytes(data)
    extra = ("--encoding", encoding) if encoding == "cp1252" else ()
    cli("--fix", *SELECT, *extra, str(path))
    expected = text.replace("The the", "The")
    assert path.read_bytes() == data[:len(data) - len(text.encode(encoding))] + expected.encode(encoding)


def test_fix_keeps_permissions(cli, story):
    path = story(STORY)
    path.chmod(0o640)
    cli("--fix", *SELECT, str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_bytes() == FIXED.encode()


def test_fix_through_symlink_writes_target_and_keeps_link(cli, story, tmp_path):
    target = story(STORY, "real.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    cli("--fix", *SELECT, str(link))
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert target.read_bytes() == FIXED.encode()


def test_fix_leaves_no_temporary_files(cli, story, tmp_path):
    story(STORY)
    cli("--fix", *SELECT, str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newslint.toml", "story.txt"]


def test_failed_write_keeps_original_and_removes_temp(cli, story, tmp_path, monkeypatch):
    path = story(STORY)

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixer.os, "replace", refuse)
    result = cli("--fix", *SELECT, str(path))
    assert result.code == 2
    assert f"{path}: cannot write fixes (No space left on device)" in result.out + result.err
    assert path.read_bytes() == STORY.encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newslint.toml", "story.txt"]


def test_refuses_to_write_when_file_changed_during_run(cli, story, monkeypatch):
    path = story(STORY)
    real_fix = fixer.fix_source

    def edited_meanwhile(*args, **kwargs):
        outcome = real_fix(*args, **kwargs)
        path.write_bytes(b"An editor saved this meanwhile.\n")
        return outcome

    monkeypatch.setattr(fixer, "fix_source", edited_meanwhile)
    result = cli("--fix", *SELECT, str(path))
    assert result.code == 2
    assert "changed on disk while newslint ran; not fixed" in result.out + result.err
    assert path.read_bytes() == b"An editor saved this meanwhile.\n"


def test_write_back_refuses_stale_source(story):
    path = story("the the\n")
    source = read_source(path)
    path.write_bytes(b"the the!\n")
    with pytest.raises(InputError, match="changed on disk"):
        fixer.write_back(path, source, b"the\n")


def test_fix_that_the_encoding_cannot_hold_is_refused(story):
    path = story("")
    path.write_bytes("caf\u00e9 the the\n".encode("cp1252"))
    source = read_source(path, encoding="cp1252")
    outcome = fixer.Outcome(source, "caf\u00e9 \u0101\n", None, 1, [[Edit(Span(5, 12), "\u0101")]])
    with pytest.raises(InputError, match="cp1252 cannot hold"):
        outcome.fixed_bytes()
    assert path.read_bytes() == "caf\u00e9 the the\n".encode("cp1252")


def test_diff_writes_nothing_and_patch_gives_the_fix(cli, story, tmp_path):
    path = story(STORY)
    result = subprocess.run([sys.executable, "-m", "newslint", "--diff", *SELECT, "story.txt"], cwd=tmp_path,
                            capture_output=True, check=False)
    assert result.returncode == 1
    assert path.read_bytes() == STORY.encode()
    assert result.stdout.startswith(b"--- a/story.txt\n+++ b/story.txt\n@@ ")
    assert apply_diff(path.read_bytes(), result.stdout) == FIXED.encode()


def test_diff_is_empty_and_clean_when_nothing_to_fix(cli, story):
    path = story("Nothing wrong here.\n")
    result = cli("--diff", *SELECT, str(path))
    assert (result.code, result.out) == (0, "")


def test_unused_suppression_is_removed_by_fix(cli, story):
    path = story("Calm copy.\n<!-- newslint-disable NL501 -->\nNo doubles here.\n")
    cli("--fix", "--select", "NL501,NL901", str(path))
    assert path.read_text() == "Calm copy.\n\nNo doubles here.\n"


def _diag(code: str, start: int, end: int, replacement: str = "", *edits: tuple[int, int, str]) -> Diagnostic:
    spans = edits or ((start, end, replacement),)
    fix = Fix("Fix it", tuple(Edit(Span(s, e), r) for s, e, r in spans), Applicability.SAFE)
    return Diagnostic(code, "test", f"{code} at {start}", Span(start, end), Severity.ERROR, (), fix)


def test_clashing_fixes_are_resolved_the_same_whatever_the_order():
    text = "0123456789abcdef"
    found = [
        _diag("NL001", 2, 6, "X"),
        _diag("NL002", 4, 8, "Y"),  # overlaps the first: dropped
        _diag("NL003", 6, 6, "+"),  # an insertion touching the first's end: dropped
        _diag("NL004", 9, 10, "Z"),
        _diag("NL005", 12, 12, "", (12, 13, "q"), (14, 15, "r")),  # two edits, both kept
        _diag("NL006", 13, 14, "", (14, 16, "s")),  # clashes with NL005's second edit: dropped
        _diag("NL007", 15, 20, "out of range"),
    ]
    results = {fixer.apply_edits(text, list(order), unsafe=False)[0] for order in itertools.permutations(found)}
    assert results == {"01X678Zabqdrf"}


def test_fix_that_would_split_a_crlf_is_skipped():
    text = "one\r\ntwo"
    found = [_diag("NL001", 4, 4, "x"), _diag("NL002", 3, 4, ""), _diag("NL003", 3, 5, "\r\n"),
             _diag("NL004", 5, 6, "T")]
    assert fixer.apply_edits(text, found, unsafe=False)[0] == "one\r\nTwo"


def test_fix_passes_are_bounded():
    class Restless(Linter):
        def __init__(self):
            pass

        def lint(self, source):
            return FileResult(None, [_diag("NL999", 0, 0, "x")])

    outcome = fixer.fix_source(Restless(), Source("a.txt", "", "utf-8", False))
    assert len(outcome.passes) == fixer.MAX_PASSES and outcome.text == "x" * fixer.MAX_PASSES


def test_fix_converges_on_chains_of_repeats():
    linter = Linter(Config(select=("NL501",)))
    outcome = fixer.fix_source(linter, decode(b"the the the the end and and", "a.txt"))
    assert outcome.text == "the end and" and not outcome.result.diagnostics
