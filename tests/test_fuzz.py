"""Fuzzing the whole pipeline with random Unicode and random bytes: no crash, spans inside, fixes applicable."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli
from newslint import fixer
from newslint.config import Config
from newslint.linter import Linter
from newslint.report import locate
from newslint.source import Source

LINTER = Linter(Config())  # every rule enabled by default, whichever exist
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Pieces that steer random text into the rules' paths: markup, metadata, suppressions, front matter (YAML and
# TOML), repeats.
PIECES = ["the the ", "The ", "<b>", "</b>", "<i>x</i>", "TAGS:", "LINK: ", "\n", "\r\n", "\n\n", "---\n",
          "title: x\n", "+++\n", "tags = []\n", "<!-- newslint-disable -->", "<!-- newslint-enable -->",
          "<!-- newslint-enable NL5 -->",
          "<!-- newslint-disable-next-line NL5 -->",
          "\u201c", "\u201d", "\u2019", "# ", "`code`", "[a](b)", "https://x.y/z ", "e\u0301", "\u200d", "\U0001f600",
          "\u05d0\u05d1 ", "Mr. ", "U.S. ", "3.5 ", ". ", "\ufeff", "\x00", "\r", "\u2028"]
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
        assert "\n" not in item.source_line and "\r" not in item.source_line
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
