"""--fix never writes where it must not: no line break added, removed or joined outside the flagged text, edits
spliced into the bytes in any encoding, never through a link out of the linted paths nor onto a read-only file."""

from __future__ import annotations

import codecs
import os
import stat

import pytest
from test_fixer_properties import apply_diff

from newslint.document.source import InputError, SpliceError, decode, read_source, splice_bytes
from newslint.engine import fixer
from newslint.engine.config import Config
from newslint.engine.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity, Span
from newslint.engine.linter import Linter

NL501 = ("--select", "NL501")
AS_ROOT = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")


def fix_with(text: str, *fixes: tuple[tuple[int, int], tuple[tuple[int, int, str], ...]]):
    """apply_edits over diagnostics a plugin might give: each (flagged span, edits); the refusals beside it."""
    found = [Diagnostic(f"NL9{i:02d}", "plugin", "found", Span(*span), Severity.WARNING, (),
                        Fix("Fix it", tuple(Edit(Span(s, e), r) for s, e, r in edits), Applicability.SAFE))
             for i, (span, edits) in enumerate(fixes)]
    refused: list[tuple[Diagnostic, str]] = []
    fixed = fixer.apply_edits(text, found, unsafe=False, refused=refused)[0]
    return fixed, [(d.code, reason) for d, reason in refused]


# -- line breaks ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("line_break", ["\r", "\u2028", "\u2029", "\x0c", "\x0b", "\x85", "\x1c", "\r\n"])
def test_words_a_line_break_separates_are_not_repeated(cli, story, line_break):
    path = story(f"Talks\n\nOfficials met on the{line_break}the border.\n")
    before = path.read_bytes()
    result = cli("--fix", *NL501, "--format", "json", str(path))
    assert (result.code, result.json["diagnostics"], path.read_bytes()) == (0, [], before)


@pytest.mark.parametrize("space", ["\t", "\u00a0", "\u3000", " \t "])
def test_words_any_space_within_a_line_separates_are_repeated(cli, story, space):
    path = story(f"Talks\n\nOfficials met on the{space}the border.\n")
    cli("--fix", *NL501, str(path))
    assert path.read_text(encoding="utf-8") == "Talks\n\nOfficials met on the border.\n"


@pytest.mark.parametrize("written, fixed", [
    ("on the <b>the border</b>", "on the <b>border</b>"),
    ("on the</b> the border", "on the</b> border"),
    ("on the <i>the</i> border", "on the <i></i> border"),
    ("on the <b\u2028class='x'>the border", "on the <b\u2028class='x'>border"),
])
def test_repeated_word_fix_keeps_the_markup_between_the_words(cli, story, written, fixed):
    path = story(f"Talks\n\nOfficials met {written}.\n")
    cli("--fix", *NL501, str(path))
    assert path.read_text(encoding="utf-8") == f"Talks\n\nOfficials met {fixed}.\n"


def test_fix_that_would_join_a_lone_cr_and_a_lf_is_refused_and_said(cli, story):
    text = "Calm copy.\r<!-- newslint-disable NL501 -->\nNo doubles here.\n"
    path = story(text)
    result = cli("--fix", "--select", "NL501,NL901", str(path))
    assert path.read_bytes() == text.encode()
    assert (f"newslint: warning: {path}:2:1: NL901 not fixed: the fix would join a CR and an LF into one line "
            "ending") in result.err
    assert "NL901" in result.out and result.code == 1  # still reported


def test_a_fix_that_would_be_refused_is_not_counted_as_fixable(cli, story):
    refused = story("Calm copy.\r<!-- newslint-disable NL501 -->\nNo doubles here.\n")
    result = cli("--select", "NL501,NL901", str(refused))
    assert "NL901" in result.out and "fixable" not in result.out
    statistics = cli("--statistics", "--format", "json", "--select", "NL501,NL901", str(refused)).json
    assert statistics[0]["fixable"] == {"safe": 0, "unsafe": 0}
    fixable = story("Calm copy.\n<!-- newslint-disable NL501 -->\nNo doubles here.\n", "other.txt")
    assert "1 fixable with `--fix`." in cli("--select", "NL501,NL901", str(fixable)).out


def test_a_fix_that_removes_a_line_break_outside_what_it_flags_is_refused():
    text = "one the\u2028the two"
    assert fix_with(text, ((8, 11), ((3, 11, "the"),))) == (text, [("NL900", fixer.Refusal.REMOVE)])
    assert fix_with(text, ((3, 11), ((3, 11, " the"),)))[0] == "one the two"  # inside the flagged text: its business


def test_a_fix_that_adds_or_changes_a_line_break_outside_what_it_flags_is_refused():
    text = "one two\nthree"
    assert fix_with(text, ((0, 3), ((0, 4, "one\n"),))) == (text, [("NL900", fixer.Refusal.ADD)])
    assert fix_with(text, ((0, 3), ((0, 8, "one two\r"),))) == (text, [("NL900", fixer.Refusal.CHANGE)])


def test_fixes_that_join_a_cr_and_a_lf_only_together_are_refused_one():
    text = "a\rXY\nb"
    fixed, refused = fix_with(text, ((2, 3), ((2, 3, ""),)), ((3, 4), ((3, 4, ""),)))
    assert (fixed, refused) == ("a\rY\nb", [("NL901", fixer.Refusal.MERGE)])  # the later one waits
    assert fix_with(text, ((2, 4), ((2, 4, "\n"),))) == (text, [("NL900", fixer.Refusal.MERGE)])
    assert fix_with("a\r\nb", ((1, 2), ((1, 2, ""),))) == ("a\r\nb", [("NL900", fixer.Refusal.SPLIT)])


def test_fix_source_converges_with_a_refused_fix_left_in_place():
    linter = Linter(Config(select=("NL501", "NL901")))
    source = decode(b"the the x\r<!-- newslint-disable NL501 -->\nend\n", "story.txt")
    outcome = fixer.fix_source(linter, source)
    assert outcome.text == "the x\r<!-- newslint-disable NL501 -->\nend\n"
    assert outcome.refusal_notes() == ["story.txt:2:1: NL901 not fixed: the fix would join a CR and an LF into one "
                                       "line ending"]


# -- bytes ---------------------------------------------------------------------------------------------------
# Bytes that read as a character whose own bytes are others: re-encoding the file would change them.
ODD_BYTES = {"cp932": b"\x87\x90", "big5": b"\xa1\xfe", "johab": b"\x84\x41", "utf-7": b"+AOk-"}


@pytest.mark.parametrize("encoding, bom", [
    ("cp1252", b""), ("latin-1", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("shift_jis", b""), ("cp932", b""), ("big5", b""), ("johab", b""),
    ("utf-7", b""),
])
def test_fix_splices_its_edits_into_the_bytes(cli, story, encoding, bom):
    odd = ODD_BYTES.get(encoding) or ("\u65e5\u672c" if encoding == "shift_jis" else "caf\u00e9").encode(encoding)
    line = lambda words: f" {words} end\r\n".encode(encoding)  # noqa: E731
    data = bom + odd + line("the the") + odd + "\n".encode(encoding)
    path = story("")
    path.write_bytes(data)
    options = () if bom else ("--encoding", encoding)
    diff = cli("--diff", *NL501, *options, str(path))
    assert diff.code == 1 and path.read_bytes() == data
    cli("--fix", *NL501, *options, str(path))
    assert path.read_bytes() == bom + odd + line("the") + odd + "\n".encode(encoding)


def test_diff_of_bytes_that_do_not_round_trip_applies_with_patch(story, tmp_path):
    data = b"\x87\x90 the the end\r\n\x87\x90\n"
    path = story("")
    path.write_bytes(data)
    source = read_source(path, encoding="cp932")
    outcome = fixer.fix_source(Linter(Config(select=("NL501",))), source)
    assert apply_diff(data, outcome.diff()) == outcome.fixed_bytes() == b"\x87\x90 the end\r\n\x87\x90\n"


def test_splice_refuses_what_would_not_read_back():
    composed = decode(b"\x88\x62 the", "a.txt", "big5hkscs")  # two characters from one pair of bytes
    assert composed.text == "\u00ca\u0304 the"
    with pytest.raises(SpliceError, match="inside one big5hkscs byte sequence"):
        splice_bytes(composed, [(1, 1, "x")])
    assert splice_bytes(composed, [(3, 6, "THE")]) == b"\x88\x62 THE"
    shifted = decode("\u65e5\u672c the\n".encode("iso2022_jp"), "a.txt", "iso2022_jp")  # a stateful encoding
    with pytest.raises(SpliceError, match="cannot be written into its iso2022_jp bytes"):
        splice_bytes(shifted, [(1, 1, "x")])


def test_fix_that_cannot_be_spliced_is_not_written(story):
    path = story("")
    path.write_bytes("\u65e5\u672c the\n".encode("iso2022_jp"))
    source = read_source(path, encoding="iso2022_jp")
    outcome = fixer.Outcome(source, "\u65e5x\u672c the\n", None, 1, [[Edit(Span(1, 1), "x")]])
    with pytest.raises(InputError, match=f"^{path}: the fixed text cannot be written into its iso2022_jp bytes "
                                         "without changing the bytes around the fixes; not fixed$"):
        outcome.fixed_bytes()


def test_changes_compose_the_passes_into_edits_of_the_original():
    source = decode(b"0123456789", "a.txt")
    passes = [[Edit(Span(1, 3), "ab"), Edit(Span(5, 5), "+")], [Edit(Span(0, 2), "Z"), Edit(Span(8, 11), "")]]
    outcome = fixer.Outcome(source, "Zb34+56", None, 2, passes)
    assert fixer.splice(fixer.splice("0123456789", passes[0]), passes[1]) == outcome.text
    assert outcome.changes() == [(0, 3, "Zb"), (5, 5, "+"), (7, 10, "")]


# -- where --fix writes --------------------------------------------------------------------------------------
def test_link_in_a_linted_folder_to_a_file_outside_is_linted_not_written(cli, tmp_path):
    outside = tmp_path / "elsewhere" / "secret.txt"
    outside.parent.mkdir()
    outside.write_text("the the end\n", encoding="utf-8")
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "newslint.toml").write_text("", encoding="utf-8")
    (desk / "story.txt").write_text("the the start\n", encoding="utf-8")
    (desk / "shared.txt").symlink_to(outside)
    result = cli("--fix", *NL501, "--format", "json", str(desk))
    assert outside.read_text(encoding="utf-8") == "the the end\n" and (desk / "shared.txt").is_symlink()
    assert (desk / "story.txt").read_text(encoding="utf-8") == "the start\n"
    assert result.json["errors"] == [f"{desk / 'shared.txt'}: links to {outside}, outside the files and folders "
                                     "being linted; not fixed"]
    assert [d["path"] for d in result.json["diagnostics"]] == [str(desk / "shared.txt")]  # linted all the same
    assert result.code == 2


def test_link_to_a_file_inside_the_linted_paths_is_written_through(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    archive, desk = tmp_path / "archive", tmp_path / "desk"
    archive.mkdir()
    desk.mkdir()
    (archive / "story.txt").write_text("the the end\n", encoding="utf-8")
    (desk / "alias.txt").symlink_to(archive / "story.txt")
    result = cli("--fix", *NL501, "--format", "json", str(desk), str(archive))
    assert (result.code, result.json["errors"]) == (0, [])
    assert (archive / "story.txt").read_text(encoding="utf-8") == "the end\n" and (desk / "alias.txt").is_symlink()


def test_read_only_file_is_never_replaced(cli, story):
    path = story("the the end\n")
    path.chmod(0o444)
    inode = path.stat().st_ino
    result = cli("--fix", *NL501, "--format", "json", str(path))
    assert result.json["errors"] == [f"{path}: read-only (-r--r--r--); not fixed"] and result.code == 2
    assert path.read_bytes() == b"the the end\n" and path.stat().st_ino == inode
    assert len(result.json["diagnostics"]) == 1


def test_file_with_other_hard_links_is_never_replaced(cli, story):
    path = story("Budget\n\nThe the plan.\n")
    other = path.with_name("linked.txt")
    os.link(path, other)
    result = cli("--fix", "--format", "json", str(path))
    assert result.json["errors"] == [f"{path}: has 2 hard links, which a new copy would part (the others would keep "
                                     "the old text); not fixed"] and result.code == 2
    assert path.read_text(encoding="utf-8") == other.read_text(encoding="utf-8") == "Budget\n\nThe the plan.\n"
    assert os.stat(path).st_ino == os.stat(other).st_ino


def test_file_in_a_read_only_folder_is_never_replaced(cli, tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "newslint.toml").write_text("", encoding="utf-8")
    path = folder / "story.txt"
    path.write_text("the the end\n", encoding="utf-8")
    folder.chmod(0o555)
    try:
        result = cli("--fix", *NL501, "--format", "json", str(path))
        assert path.read_bytes() == b"the the end\n" and sorted(os.listdir(folder)) == ["newslint.toml", "story.txt"]
    finally:
        folder.chmod(0o755)
    assert result.json["errors"] == [f"{path}: its folder is read-only (dr-xr-xr-x); not fixed"]


def test_read_only_is_decided_from_the_mode_bits_and_the_users_access(tmp_path, monkeypatch):
    path = tmp_path / "story.txt"
    path.write_text("x", encoding="utf-8")
    for mode, expected in ((0o444, True), (0o400, True), (0o644, False), (0o200, False)):
        path.chmod(mode)
        assert fixer.read_only(path, path.stat()) is expected, oct(mode)
    monkeypatch.setattr(fixer.os, "access", lambda *args, **kwargs: False)  # another user's 0o644 file
    assert fixer.read_only(path, path.stat())


@AS_ROOT
def test_fix_keeps_owner_group_and_special_mode_bits(cli, story):
    path = story("the the end\n")
    os.chown(path, 4321, 8765)
    path.chmod(0o4750)  # chown after writing would clear set-user-ID: chmod comes last
    cli("--fix", *NL501, str(path))
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 8765, 0o4750)
    assert path.read_bytes() == b"the end\n"


@AS_ROOT
def test_fix_that_could_not_keep_the_owner_is_not_written(cli, story, tmp_path, monkeypatch):
    path = story("the the end\n")
    os.chown(path, 4321, 8765)

    def refuse(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(fixer.os, "chown", refuse)
    result = cli("--fix", *NL501, "--format", "json", str(path))
    assert result.json["errors"] == [f"{path}: belongs to another user or group, which a new copy could not keep; "
                                     "not fixed"]
    assert path.read_bytes() == b"the the end\n" and path.stat().st_uid == 4321
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newslint.toml", "story.txt"]
