"""Hostile input that used to cost memory or time without bound: long lines of findings, very long words, file
names that are not UTF-8. Each run is a child process under a 1 GB address-space limit and a time limit."""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli

from newslint.engine.linter import MAX_PER_RULE
from newslint.language.lexicon import LONGEST_CORRECTABLE, LONGEST_WORD, Lexicon
from newslint.reporters import FORMATS
from newslint.reporters.text_format import window

MEMORY_LIMIT = 2**30  # the bound for any file up to the 10 MB limit
TIME_LIMIT = 60  # seconds; each run here takes one or two


def run_limited(tmp_path: Path, *args: str | bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """newslint in a child process under MEMORY_LIMIT and TIME_LIMIT, in tmp_path."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=tmp_path, capture_output=True,
                          preexec_fn=limit, timeout=TIME_LIMIT, env={**os.environ, **(env or {})})


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    return tmp_path


def test_a_long_line_of_repeated_words_keeps_one_excerpt_per_finding_not_the_line(folder):
    # 65,535 repeated words on one 256 KB line: a copy of the line per finding took 16 GB
    (folder / "story.txt").write_text("the " * 65536 + "\n", encoding="utf-8")
    result = run_limited(folder, "--select", "NL501", "--format", "json", "story.txt")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert len(report["diagnostics"]) == MAX_PER_RULE
    assert report["truncated"] == [{"path": "story.txt", "code": "NL501", "more": 65535 - MAX_PER_RULE}]


def test_the_text_view_of_a_finding_deep_in_a_long_line_is_cut_on_both_sides(folder):
    line = "a b " * 25_000 + "the the " + "c d " * 25_000
    (folder / "story.txt").write_text(line + "\n", encoding="utf-8")
    result = run_limited(folder, "--select", "NL501", "story.txt", env={"COLUMNS": "80"})
    lines = result.stdout.decode("utf-8").splitlines()
    assert lines[0] == "story.txt:1:100005: NL501 repeated-word [error] Repeated word 'the'"
    shown = "".join(window(line, 100_004, 100_007, 80 - len("    1 | ") - 1))  # as the whole line would show
    assert lines[1] == "    1 | " + shown == "    1 | … a b a b a b a b a b a b a b the the c d c d c d c d c d c d c d c d …"
    assert lines[2] == " " * (lines[1].index("the the ") + 4) + "^^^"


def test_a_file_of_findings_reports_how_many_more_in_every_format(folder):
    (folder / "story.txt").write_text("the the\n" * (MAX_PER_RULE + 20), encoding="utf-8")
    more = f"20 more NL501 repeated-word problems not shown (at most {MAX_PER_RULE} are reported per rule and file)"
    for fmt in FORMATS:
        result = run_limited(folder, "--select", "NL501", "--format", fmt, "story.txt")
        assert result.returncode == 1, (fmt, result.stderr)
        out = result.stdout.decode("utf-8")
        assert more in out or (fmt == "json" and '"more": 20' in out) or (
            fmt == "jsonl" and '{"truncated": {"path": "story.txt", "code": "NL501", "more": 20}}' in out), fmt


def test_an_8000_letter_word_is_reported_as_too_long_to_correct(folder):
    # the search for its spelling candidates took all memory, and minutes
    word = "".join("qwertyuiopasdfghjklzxcvbnm"[i * 7 % 26] for i in range(8000))
    (folder / "story.txt").write_text(f"A story about {word} today.\n", encoding="utf-8")
    started = time.monotonic()
    result = run_limited(folder, "--format", "json", "--select", "NL101,NL102", "story.txt")
    assert time.monotonic() - started < 20
    [found] = json.loads(result.stdout)["diagnostics"]
    assert (found["code"], found["suggestions"], found["end_column"] - found["column"]) == ("NL101", [], 8000)
    assert found["message"] == f"Unknown word '{word[:40]}…', too long to correct (8,000 letters)"


def test_a_word_too_long_to_correct_is_one_nothing_known_is_near():
    lexicon = Lexicon.load("en-GB")
    longest = "pneumonoultramicroscopicsilicovolcanoconiosis"
    assert len(longest) == LONGEST_WORD and lexicon.is_word(longest)
    assert longest in lexicon.candidates(longest + "s", max_distance=1)  # one edit past the longest is corrected
    assert LONGEST_CORRECTABLE == LONGEST_WORD + 2  # candidates are at most two edits away
    started = time.monotonic()
    assert lexicon.candidates("x" * 100_000) == []
    assert not lexicon.is_compound("house" * 20_000) and not lexicon.near_common_word("y" * 100_000)
    assert not lexicon.is_word("the" * 100_000) and lexicon.frequency("a" * 100_000) < -8
    assert time.monotonic() - started < 1


def test_the_slips_in_one_italic_phrase_read_it_once(story, monkeypatch):
    # each slip of an everyday word set in italics re-read its whole phrase: quadratic in a long one
    from newslint.rules import misspelling as spelling

    lexicon = Lexicon.load("en-GB")
    common = "house water money paper table night world people police market company council".split()
    slips = sorted({w[:i] + w[i + 1] + w[i] + w[i + 2:] for w in common for i in range(1, len(w) - 1)})
    slips = [s for s in slips if not lexicon.is_word(s) and lexicon.near_common_word(s)]
    phrase = " ".join(["the town"] * 1000 + slips)
    path = story(f"Headline\n\nShe said <i>{phrase}</i> today.\n")
    reads = []
    read = spelling.Phrase.read.__func__
    monkeypatch.setattr(spelling.Phrase, "read", classmethod(lambda cls, *args: reads.append(1) or read(cls, *args)))
    result = run_cli("--format", "json", "--select", "NL101", str(path))
    assert sorted(d["message"] for d in result.json["diagnostics"]) == [f"Unknown word '{w}'" for w in slips]
    assert len(slips) > 30 and len(reads) == 1


def test_the_search_for_slips_stops_at_its_budget_and_says_where(story, monkeypatch):
    # a line of random letters cost 800 look-ups a character: hours for a 10 MB file
    from newslint.rules import misspelling as spelling

    monkeypatch.setattr(spelling, "SEARCH_BUDGET", 20_000)
    letters = random.Random(15)
    words = ["".join(letters.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6 + i % 5)) for i in range(400)]
    path = story("Headline\n\n" + " ".join(words) + ".\n")
    found = run_cli("--format", "json", "--select", "NL101", str(path)).json["diagnostics"]
    last = found[-1]
    assert last["message"].endswith("not checked for a slip, nor any word after it: the search has used up its "
                                    "budget for this file (20,000 look-ups)")
    assert (last["line"], last["suggestions"]) == (3, []) and last["column"] < 2000


def test_the_budget_holds_inside_one_hyphen_joined_run_of_parts(story, monkeypatch):
    # the parts of one token were searched with no look at the budget: 65 s a megabyte of "qzx-vbk-..."
    from newslint.rules import misspelling as spelling

    monkeypatch.setattr(spelling, "SEARCH_BUDGET", 20_000)
    letters = random.Random(15)
    parts = ["".join(letters.choice("bcdfghjklmnpqrstvwxz") for _ in range(4)) for _ in range(400)]
    path = story("Headline\n\nThe " + "-".join(parts) + " plan.\n")
    found = run_cli("--format", "json", "--select", "NL101", str(path)).json["diagnostics"]
    assert found[-1]["message"].endswith("the search has used up its budget for this file (20,000 look-ups)")
    stopped_at = (found[-1]["column"] - 5) // 5  # the part it stopped at: parts are 4 letters and a hyphen
    assert found[-1]["column"] == 5 + 5 * stopped_at and 3 < stopped_at < 100


def test_a_part_repeated_in_a_hyphen_joined_run_is_searched_once(story, monkeypatch):
    from newslint.language.lexicon import Lexicon

    searches = []
    candidates = Lexicon.candidates
    monkeypatch.setattr(Lexicon, "candidates", lambda self, word, *a: searches.append(word) or candidates(self, word, *a))
    path = story("Headline\n\nThe " + "-".join(["recieve"] * 300) + " plan.\n")
    found = run_cli("--format", "json", "--select", "NL101", str(path)).json["diagnostics"]
    assert len(found) == 300 and {d["suggestions"][0] for d in found} == {"receive"} and searches == ["recieve"]


NOT_UTF8 = b"caf\xe9.txt"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_that_is_not_utf8_is_shown_escaped_on_a_strict_utf8_stream(folder, fmt):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(os.fsencode(folder), NOT_UTF8), "wb") as handle:
        handle.write(b"Headline\n\nThe the cat sat.\n")
    with open(os.path.join(os.fsencode(folder), b"binary\xff.txt"), "wb") as handle:
        handle.write(b"\x00\x01\x02")  # an input error that names its file
    result = run_limited(folder, "--format", fmt, "--select", "NL501", ".",
                         env={"PYTHONIOENCODING": "utf-8:strict", "COLUMNS": "80"})
    assert result.returncode == 2 and b"Traceback" not in result.stderr, result.stderr
    out = result.stdout.decode("utf-8")  # valid UTF-8
    if fmt in ("json", "sarif", "gitlab", "jsonl"):
        documents = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else [json.loads(out)]
        text = json.dumps(documents, ensure_ascii=False)
        assert "caf\\\\xe9.txt" in text or "caf%5Cxe9.txt" in text  # a backslash escape (percent-encoded in a URI)
    else:
        assert "caf\\xe9.txt" in out
    if fmt not in ("jsonl", "gitlab"):  # these two carry no input errors
        assert "binary\\xff.txt" in out.replace("\\\\", "\\")


def test_a_file_of_more_distinct_names_than_one_check_can_weigh_is_said_so_once(folder):
    # 10 MB of invented names, each a different spelling, took 2.2 GB in the name-variant rule
    from newslint.rules.name_variant import MAX_NAME_SPELLINGS

    letters = random.Random(15)
    names = {"B" + "".join(letters.choice("aeioubdgklmnprst") for _ in range(6)) for _ in range(30_000)}
    (folder / "story.txt").write_text("Names: " + ", ".join(sorted(names)) + ".\n", encoding="utf-8")
    result = run_limited(folder, "--format", "json", "--select", "NL301", "story.txt")
    [found] = json.loads(result.stdout)["diagnostics"]
    assert found["message"] == (f"Name variants not checked in this file: it holds more than {MAX_NAME_SPELLINGS:,} "
                                "different capitalised spellings (a list, not a story)")
    # "Names" is the first spelling; then each name takes nine characters, and the one past the limit is reported
    assert found["column"] == 8 + 9 * (MAX_NAME_SPELLINGS - 1)
