"""Fuzzing the whole pipeline with random Unicode, bytes, line endings, encodings, markup and front matter: no
crash, positions inside the file, every report format parses, --fix byte-exact outside its edits and idempotent,
--diff reproduces --fix.

The whole-pipeline test runs a few dozen examples in the normal suite; for a campaign, choose the long profile:
``NEWSLINT_FUZZ_PROFILE=newslint-fuzz-long .venv/bin/python -m pytest tests/test_fuzz.py``."""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import sys
import tempfile
from contextlib import redirect_stderr
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fixer_properties import apply_unified_diff

from newslint.cli import main
from newslint.document.source import Source, decode
from newslint.engine import fixer
from newslint.engine.config import Config
from newslint.engine.linter import Linter
from newslint.engine.report import locate

LINTER = Linter(Config())  # every rule enabled by default, whichever exist
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Pieces that steer random text into the rules' paths: markup, metadata, suppressions, front matter (YAML and
# TOML), repeats.
PIECES = ["the the ", "The ", "<b>", "</b>", "<i>x</i>", "TAGS:", "LINK: ", "\n", "\r\n", "\n\n", "---\n",
          "title: x\n", "+++\n", "tags = []\n", "<!-- newslint-disable -->", "<!-- newslint-enable -->",
          "<!-- newslint-enable NL5 -->",
          "<!-- newslint-disable-next-line NL5 -->",
          "\u201c", "\u201d", "\u2019", "# ", "`code`", "[a](b)", "https://x.y/z ", "e\u0301", "\u200d", "\U0001f600",
          "\u05d0\u05d1 ", "Mr. ", "U.S. ", "3.5 ", ". ", "\ufeff", "\x00", "\r", "\u2028", "\u2029", "\x0c", "\x0b",
          "\x85"]
LINE_BREAK_RE = re.compile("\r\n|\r|\n")  # as editors show lines: old Mac exports end them with a lone \r
drafts = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(PIECES)), max_size=30).map("".join)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """Counted independently of newslint; an offset inside a \r\n pair belongs to the line the pair ends."""
    starts = [0] + [m.end() for m in LINE_BREAK_RE.finditer(text) if m.end() <= offset]
    return len(starts), offset - starts[-1] + 1


def check_pipeline(text: str, name: str) -> None:
    source = Source(name, text, "utf-8", False)
    result = LINTER.lint(source)
    for d in result.diagnostics:
        assert 0 <= d.span.start <= d.span.end <= len(text), d
        if d.fix:
            spans = sorted((e.span.start, e.span.end) for e in d.fix.edits)
            assert all(0 <= s <= e <= len(text) for s, e in spans), d
            assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), d
            fixer.splice(text, list(d.fix.edits))
    for item in locate(result):
        span = item.diagnostic.span
        assert (item.line, item.column) == line_and_column(text, span.start)
        assert (item.end_line, item.end_column) == line_and_column(text, span.end)
        assert "\n" not in item.excerpt.text and "\r" not in item.excerpt.text
    outcome = fixer.fix_source(LINTER, source, unsafe=True)
    assert all(0 <= d.span.start <= d.span.end <= len(outcome.text) for d in outcome.result.diagnostics)


@SETTINGS
@given(st.text())
def test_random_unicode_text(text):
    check_pipeline(text, "story.txt")


@SETTINGS
@given(drafts, st.sampled_from(["story.txt", "story.md"]))
def test_random_drafts_with_structure(text, name):
    check_pipeline(text, name)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["story.txt", "story.md"]))
def test_random_bytes_through_the_command_line(data, name):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "newslint.toml").write_text("", encoding="utf-8")
        path = Path(folder) / name
        path.write_bytes(data)
        result = run_cli("--format", "json", str(path))
        assert result.code in (0, 1, 2)
        assert "Traceback" not in result.err and "internal error" not in result.out + result.err
        if result.code == 2:
            assert len(result.json["errors"]) == 1 and result.json["errors"][0].startswith(f"{path}: ")


@pytest.mark.parametrize("name", ["story.txt", "story.md"])
def test_lone_carriage_return_ends_a_line(name):
    """Old Mac exports end lines with a bare CR: editors show them as lines, so must newslint."""
    text = "Head\rthe the end\r"
    result = LINTER.lint(Source(name, text, "utf-8", False))
    assert [(i.line, i.column) for i in locate(result) if i.diagnostic.code == "NL501"] == [(2, 5)]


# -- the whole pipeline, through the command line, on files in many encodings --------------------------------
settings.register_profile("newslint-fuzz-quick", max_examples=20, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("newslint-fuzz-long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
WHOLE_PIPELINE = settings.get_profile(os.environ.get("NEWSLINT_FUZZ_PROFILE", "newslint-fuzz-quick"))
FORMATS = ["text", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit"]
# (codec, byte-order mark, --encoding to pass)
ENCODINGS = [("utf-8", False, None), ("utf-8", True, None), ("utf-16-le", True, None), ("utf-16-be", True, None),
             ("cp1252", False, "cp1252"), ("latin-1", False, "latin-1"), ("shift_jis", False, "shift_jis"),
             ("cp932", False, "cp932")]
LINE_ENDS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x0c", "\x0b", "\x85"]
WORDS = ["the", "the", "The", "and", "and", "caf\u00e9", "Teh", "recieve", "colour", "color", "\u201cquoted\u201d",
         "it\u2019s", "<b>", "</b>", "<i>x</i>", "<a href='x'>", "&amp;", "**bold**", "_it_", "`code`", "[a](b)", "# ",
         "https://x.y/z", "a@b.co", "#tag", "TAGS:", "BYLINE: Jo", "<!-- newslint-disable NL501 -->",
         "<!-- newslint-enable NL501 -->", "<!-- newslint-disable-next-line -->", "\u65e5\u672c", "\u2252",
         "\u0645\u0631\u062d\u0628\u0627", "\U0001f600", "e\u0301", "\u200d", "\u00a0", "\t", "  ", "(", ")", "\u2014"]
FRONT_MATTER = ["", "---\ntitle: x\n---\n", "---\ntitle: [\n---\n", "+++\ntitle = 'x'\n+++\n",
                "---\r\ntags: [a, b]\r\n---\r\n"]
ANY_LINE_BREAK_RE = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # str.splitlines' line ends
# Bytes cp932 reads as the same character as other bytes, and writes back as those: a re-encoded file differs.
CP932_ODD = {"\u2252": b"\x87\x90", "\u2261": b"\x87\x91", "\u222b": b"\x87\x92"}


def encodable(text: str, encoding: str) -> str:
    return "".join(c for c in text if c != "\x00" and c.encode(encoding, "ignore"))


@st.composite
def stories(draw) -> tuple[bytes, str, str | None, str]:
    """A story's bytes, its codec, the --encoding to pass and the file name: words, markup, metadata, front
    matter and random text, with any mix of line endings, in an encoding that holds them (cp932 with the bytes
    it does not write back)."""
    encoding, bom, option = draw(st.sampled_from(ENCODINGS))
    line_ends = draw(st.lists(st.sampled_from(LINE_ENDS), min_size=1, max_size=3))
    pieces = [draw(st.sampled_from(FRONT_MATTER))]
    for _ in range(draw(st.integers(0, 40))):
        pieces.append(draw(st.one_of(st.sampled_from(WORDS), st.sampled_from(line_ends), st.just(" "),
                                     st.sampled_from([". ", ", ", "\n\n"]), st.text(max_size=8))))
        pieces.append(draw(st.sampled_from([" ", " ", "", *line_ends])))
    chunks = []
    for piece in pieces:
        piece = encodable(piece, encoding)
        odd = encoding == "cp932" and piece in CP932_ODD
        chunks.append(CP932_ODD[piece] if odd else piece.encode(encoding))
    data = ("\ufeff".encode(encoding) if bom else b"") + b"".join(chunks)
    return data, encoding, option, draw(st.sampled_from(["story.txt", "story.md"]))


def run_bytes(*args: str) -> tuple[int, bytes, str]:
    """The command line in this process, with a byte stdout (as a terminal or pipe has) and a text stderr."""
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline=""), io.StringIO()
    real = sys.stdout
    sys.stdout = out
    try:
        with redirect_stderr(err):
            code = main(list(args))
    finally:
        sys.stdout = real
    out.flush()
    return code, out.buffer.getvalue(), err.getvalue()


def character_starts(data: bytes, encoding: str) -> list[int]:
    """The byte offset of each character boundary in data (and its end), found by decoding one byte at a time."""
    decoder = codecs.getincrementaldecoder(encoding)()
    starts = [0]
    for at in range(len(data)):
        starts += [at + 1] * len(decoder.decode(data[at:at + 1], final=at + 1 == len(data)))
    return starts


def untouched(length: int, passes: list[list]) -> list[tuple[int, int, int]]:
    """The runs of original characters that no pass edited: (start in the fixed text, start in the original,
    length), worked out character by character."""
    origins: list[int | None] = list(range(length))
    for edits in passes:
        for edit in sorted(edits, key=lambda e: e.span.start, reverse=True):
            origins[edit.span.start:edit.span.end] = [None] * len(edit.replacement)
    runs: list[tuple[int, int, int]] = []
    for at, origin in enumerate(origins):
        if origin is None:
            continue
        if runs and runs[-1][0] + runs[-1][2] == at and runs[-1][1] + runs[-1][2] == origin:
            runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((at, origin, 1))
    return runs


def check_reports(path: Path, options: tuple[str, ...], text: str) -> None:
    """Every format parses and reports what the JSON reports, at positions inside the file."""
    lines = LINE_BREAK_RE.split(text)
    reports = {}
    for fmt in FORMATS:
        code, out, err = run_bytes(*options, "--format", fmt, str(path))
        assert code in (0, 1) and "Traceback" not in err and "internal error" not in err, (fmt, err)
        reports[fmt] = out.decode("utf-8")
    found = json.loads(reports["json"])["diagnostics"]
    for item in found:
        assert 1 <= item["line"] <= item["end_line"] <= len(lines), item
        assert 1 <= item["column"] <= len(lines[item["line"] - 1]) + 1, item
        assert 1 <= item["end_column"] <= len(lines[item["end_line"] - 1]) + 1, item
    assert [json.loads(line) for line in reports["jsonl"].splitlines()] == found
    assert len(json.loads(reports["sarif"])["runs"][0]["results"]) == len(found)
    assert len(json.loads(reports["gitlab"])) == len(found)
    suites = ElementTree.fromstring(reports["junit"])
    assert sum(int(suite.get("failures")) for suite in suites) == len(found)
    github = [line for line in reports["github"].split("\n") if line.startswith("::")]
    assert len(github) == len(found)
    assert all(re.match(r"::(error|warning|notice) file=.*,line=\d+,endLine=\d+,col=\d+,endColumn=\d+", line)
               for line in github)
    concise = [line for line in reports["concise"].split("\n") if re.match(r".*:\d+:\d+: NL\d{3} ", line)]
    assert len(concise) == len(found)


@WHOLE_PIPELINE
@given(stories(), st.booleans())
def test_whole_pipeline_on_mixed_stories(story, unsafe):
    data, encoding, option, name = story
    options = ("--encoding", option) if option else ()
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "newslint.toml").write_text("", encoding="utf-8")
        path = Path(folder) / name
        path.write_bytes(data)
        source = decode(data, str(path), option)
        check_reports(path, options, source.text)
        fixes = options + (("--unsafe-fixes",) if unsafe else ())

        code, diff, err = run_bytes(*fixes, "--diff", str(path))
        assert code in (0, 1) and "Traceback" not in err and "internal error" not in err, err
        assert path.read_bytes() == data  # --diff writes nothing
        code, _, err = run_bytes(*fixes, "--fix", "--format", "json", str(path))
        assert code in (0, 1) and "Traceback" not in err and "internal error" not in err, err
        fixed = path.read_bytes()
        assert apply_unified_diff(data, diff) == fixed

        # The fixes are the reported edits applied pass by pass, and every byte outside them is as it was.
        outcome = fixer.fix_source(Linter(Config()), source, unsafe=unsafe)
        assert decode(fixed, str(path), option).text == outcome.text
        head = len(data) - len(data.removeprefix("\ufeff".encode(encoding))) if source.bom else 0
        assert fixed[:head] == data[:head]
        before, after = character_starts(data[head:], encoding), character_starts(fixed[head:], encoding)
        current = source.text
        for edits in outcome.passes:  # a line break is added or removed only inside the text a fix flags
            flagged = {e: d.span for d in LINTER.lint(source.with_text(current)).diagnostics if d.fix
                       for e in d.fix.edits}
            for edit in edits:
                span = flagged[edit]
                if not span.start <= edit.span.start <= edit.span.end <= span.end:
                    assert (ANY_LINE_BREAK_RE.findall(current, edit.span.start, edit.span.end)
                            == ANY_LINE_BREAK_RE.findall(edit.replacement)), (current, edit)
            current = fixer.splice(current, edits)
        old_text, new_text = source.text, outcome.text
        for new_start, old_start, length in untouched(len(old_text), outcome.passes):
            assert (data[head + before[old_start]:head + before[old_start + length]]
                    == fixed[head + after[new_start]:head + after[new_start + length]])
            # An untouched CR or LF is the same line ending as before: no fix joined it to, or split it from, another.
            if new_text[new_start + length - 1] == "\r":
                assert (new_text[new_start + length:new_start + length + 1] == "\n") == (
                    old_text[old_start + length:old_start + length + 1] == "\n"), (old_text, new_text)
            if new_text[new_start] == "\n":
                assert (new_text[new_start - 1:new_start] == "\r") == (old_text[old_start - 1:old_start] == "\r"), (
                    old_text, new_text)

        code, _, err = run_bytes(*fixes, "--fix", "--format", "json", str(path))  # fixing again changes nothing
        assert path.read_bytes() == fixed and "Traceback" not in err
