"""Hostile and odd input: one clear line naming the file (exit 2), never a traceback, hang or wrong position."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.document import source as source_module

REPEAT = ("--select", "NL501", "--format", "json")


def one_error(result, path, text: str) -> None:
    """Exit 2, and one line on the terminal naming the file and the problem; no traceback."""
    shown = result.err if text in result.err else result.out  # JSON carries errors in the report and on stderr
    lines = [line for line in shown.splitlines() if text in line]
    assert result.code == 2
    assert len(lines) == 1 and str(path) in lines[0], result.out + result.err
    assert "Traceback" not in result.out + result.err


def positions(result) -> list[tuple[int, int, int]]:
    return [(d["line"], d["column"], d["end_column"]) for d in result.json["diagnostics"]]


def repeat_at(text: str) -> tuple[int, int, int]:
    """Line, column and end column of the second "the" in the last "the the", counted independently of newslint."""
    start = text.rindex("the the") + 4
    before = text[:start]
    column = start - (before.rfind("\n") + 1) + 1
    return before.count("\n") + 1, column, column + 3


def test_binary_file_is_skipped_with_a_message(cli, story, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    good = story("the the end\n")
    result = cli(*REPEAT, str(tmp_path))
    one_error(result, binary, "looks like a binary file (NUL byte at offset 8)")
    assert [d["path"] for d in result.json["diagnostics"]] == [str(good)]  # the rest is still linted


def test_non_utf8_names_the_encoding_tried_and_the_way_out(cli, story):
    path = story("Caf\u00e9 \u201cquote\u201d\nthe the end\n", encoding="cp1252")
    one_error(cli("--select", "NL501", str(path)), path, "not valid utf-8 (line 1, byte 0xe9 at offset 3); "
                                                        "pass --encoding (e.g. cp1252)")
    result = cli(*REPEAT, "--encoding", "cp1252", str(path))
    assert positions(result) == [(2, 5, 8)]


def test_wrong_or_unknown_encoding(cli, story, capsys):
    path = story("caf\u00e9\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:  # the option is checked once, before any file is read
        main(["--encoding", "klingon", str(path)])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == "newslint: error: argument --encoding: unknown encoding 'klingon'"
    bad = story("", "bad.txt")
    bad.write_bytes(b"abc \x81 def\n")  # 0x81 is not a cp1252 character
    one_error(cli("--encoding", "cp1252", str(bad)), bad, "not valid cp1252 (line 1, byte 0x81 at offset 4)")


def test_huge_file_is_refused_quickly(cli, tmp_path):
    path = tmp_path / "dump.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: cheap to make, never read
    one_error(cli(str(path)), path, "50.0 MB is over the 10 MB limit for one story; skipped")


def test_file_just_under_the_limit_is_linted(cli, story, monkeypatch):
    monkeypatch.setattr(source_module, "MAX_FILE_BYTES", 41)
    path = story("0123456789 " * 3 + "the the\n")
    assert positions(cli(*REPEAT, str(path))) == [(1, 38, 41)]


def test_one_megabyte_line(cli, story):
    text = "Officials met at the border and talked. " * 26_000 + "They left the the next day.\n"
    path = story(text)
    result = cli(*REPEAT, str(path))
    assert len(text) > 1_000_000
    assert positions(result) == [repeat_at(text)] == [(1, 1_040_015, 1_040_018)]


def test_nul_bytes_after_the_sniffed_start_do_not_break_positions(cli, story):
    text = "x" * 9000 + "\x00\nthe the end\n"
    path = story(text)
    assert positions(cli(*REPEAT, str(path))) == [repeat_at(text)]


UNICODE_LINES = [
    "Ame\u0301lie said e\u0301te\u0301 the the end",  # combining acute accents
    "Family \U0001f469\u200d\U0001f469\u200d\U0001f467 cheered the the win",  # emoji joined by ZWJ
    "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 then the the rest",  # Hebrew and Arabic
    "\u201cWe won,\u201d she said \u2014 \u2018again\u2019 \U0001f600 the the fans",  # curly quotes, emoji
    "zero\u200bwidth\u200c and \u202eoverride\u202c the the end\u2028sep",  # invisible and bidi controls
]


@pytest.mark.parametrize("line", UNICODE_LINES)
def test_unicode_oddities_keep_columns_in_code_points(cli, story, line):
    text = f"Headline\n\n{line}\n"
    path = story(text)
    assert positions(cli(*REPEAT, str(path))) == [repeat_at(text)]


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_crlf_and_bom_keep_lines_and_columns(cli, story, bom, newline):
    text = newline.join(["Headline", "", "First \u201cline\u201d.", "We met the the envoy.", ""])
    path = story("")
    path.write_bytes(bom + text.encode())
    assert positions(cli(*REPEAT, str(path))) == [(4, 12, 15)]


def test_empty_file_is_clean(cli, story):
    result = cli(*REPEAT, str(story("")))
    assert result.code == 0 and positions(result) == []


def test_symlink_loops_do_not_hang(cli, story, tmp_path):
    story("the the end\n", "real.txt")
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..")  # a folder loop
    result = cli(*REPEAT, str(tmp_path))
    assert result.code == 2
    assert [d["path"] for d in result.json["diagnostics"]] == [str(tmp_path / "real.txt")]
    for name in ("a.txt", "b.txt"):
        one_error(result, tmp_path / name, f"{name}: cannot read (Too many levels of symbolic links)")


def test_broken_symlink(cli, tmp_path):
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    one_error(cli(str(tmp_path / "gone.txt")), tmp_path / "gone.txt", "no such file (or a broken symbolic link)")


def test_unreadable_file(cli, story, monkeypatch):
    path = story("the the\n")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: simulate the refusal
        real = os.open

        def refuse(name, *args, **kwargs):
            if Path(name) == path:
                raise PermissionError(13, "Permission denied", str(name))
            return real(name, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    one_error(cli(str(path)), path, "permission denied")


def test_unreadable_directory(cli, story, tmp_path, monkeypatch):
    story("the the end\n", "ok.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("the the\n", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            real = os.scandir

            def refuse(top="."):
                if Path(top) == locked:
                    raise PermissionError(13, "Permission denied", str(top))
                return real(top)

            monkeypatch.setattr(os, "scandir", refuse)
        result = cli(*REPEAT, str(tmp_path))
        one_error(result, locked, "cannot read directory (Permission denied)")
        assert [d["path"] for d in result.json["diagnostics"]] == [str(tmp_path / "ok.txt")]
    finally:
        locked.chmod(0o755)


def test_fifo_is_not_read(cli, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    one_error(cli(str(tmp_path)), fifo, "not a regular file")


def test_stdin_with_bad_bytes_names_the_stdin_filename(cli):
    result = cli("--stdin-filename", "draft.txt", "-", stdin=b"abc \xff broken")
    one_error(result, "draft.txt", "not valid utf-8")


def test_a_crashing_rule_becomes_a_message(cli, story, monkeypatch):
    from newslint.rules.repeated_word import RepeatedWord

    def crash(self, doc, res):
        raise RuntimeError("boom")
        yield

    monkeypatch.setattr(RepeatedWord, "check", crash)
    path = story("the the\n")
    one_error(cli("--select", "NL501", str(path)), path, "internal error (RuntimeError: boom)")


def test_very_deep_folders_are_walked_without_recursion(cli, story, tmp_path):
    folder = tmp_path
    for _ in range(300):
        folder = folder / "d"
    folder.mkdir(parents=True)
    (folder / "deep.txt").write_text("the the end\n", encoding="utf-8")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(250)  # os.walk would need a frame per level
    try:
        result = cli(*REPEAT, str(tmp_path))
    finally:
        sys.setrecursionlimit(limit)
    assert [d["path"] for d in result.json["diagnostics"]] == [str(folder / "deep.txt")]


def test_diff_still_names_unreadable_files(cli, story, tmp_path):
    story("the the end\n")
    (tmp_path / "scan.txt").write_bytes(b"\x00binary")
    result = cli("--diff", "--select", "NL501", str(tmp_path))
    one_error(result, tmp_path / "scan.txt", "looks like a binary file")
    assert result.out.startswith("--- a/")
