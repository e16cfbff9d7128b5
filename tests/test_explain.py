"""`newslint explain PATH:LINE:COL` and `--explain`: the place is checked, the diagnostics there are named, and
the evidence a rule records reaches the JSON formats."""

from __future__ import annotations

import json

from newslint.document.source import decode
from newslint.engine.config import Config
from newslint.engine.diagnostic import Severity, Span
from newslint.engine.explain import Trace, evidence
from newslint.engine.linter import Linter
from newslint.engine.registry import precedence
from newslint.engine.report import locate
from newslint.engine.rule import Rule

SEED_LINE_12 = "Trump's point man no North Korea"


class Weigher(Rule):
    """Test rule: reports 'teh', and records what it weighed for every word."""

    code = "XX1"
    name = "weigher"
    severity = Severity.WARNING

    def check(self, doc, res):
        for token in doc.tokens:
            if doc.trace is not None:
                doc.trace.note(self.code, token.start, token.end, letters=len(token.text), odds=1 / 3)
                doc.trace.decide(self.code, token.start, token.end, "is-teh", token.text == "teh")
            if token.text == "teh":
                yield self.report(Span(token.start, token.end), "teh")


def weighed(text: str, trace: Trace | None = None, explain: bool = False):
    linter = Linter(Config(select=("NL501",), explain=explain))
    linter.rules = [Weigher()]
    linter._precedence = precedence(linter.rules)
    return linter.lint(decode(text.encode(), "story.txt"), trace)


def test_a_trace_at_one_offset_keeps_only_what_covers_it():
    trace = Trace(offset=4)
    weighed("See teh cat.\n", trace)
    assert [(e.start, e.end, e.step, e.verdict) for e in trace.entries] == [(4, 7, "", ""), (4, 7, "is-teh", "reported")]
    assert evidence(trace.entries) == [{"letters": 3, "odds": 0.333}, {"step": "is-teh", "verdict": "reported"}]


def test_with_explain_each_diagnostic_carries_its_evidence_and_only_then():
    [plain] = weighed("See teh cat.\n").diagnostics
    [explained] = weighed("See teh cat.\n", explain=True).diagnostics
    assert "evidence" not in plain.extra
    assert explained.extra["evidence"] == [{"letters": 3, "odds": 0.333}, {"step": "is-teh", "verdict": "reported"}]
    [item] = locate(weighed("See teh cat.\n", explain=True))
    assert item.as_dict()["evidence"] == explained.extra["evidence"]
    assert "evidence" not in locate(weighed("See teh cat.\n"))[0].as_dict()


def test_explain_names_the_diagnostic_at_the_place(cli, tmp_path, monkeypatch):
    from conftest import SEED

    monkeypatch.chdir(SEED.parent)
    result = cli("explain", f"{SEED.name}:12:19")
    assert result.code == 0, result.err
    assert result.out.splitlines()[:2] == [
        f"{SEED.name}:12:19: 'no'", "  NL201 real-word-error: reported: 'no' may be a slip for 'on' here"]


def test_explain_where_nothing_was_weighed_says_so(cli, story):
    path = story("Budget\n\nThe plan was agreed.\n")
    result = cli("explain", f"{path}:3:20")  # the full stop: NL201 weighs every word with a real word a slip away
    assert result.out.splitlines() == [f"{path}:3:20: no word here", "  no rule reported it, and no heuristic rule "
                                       "weighed it (the word is plainly known, or not prose)"]


def test_explain_refuses_a_place_that_is_not_one(cli, story):
    path = story("Budget\n\nThe plan.\n")
    assert (cli("explain", str(path)).code, cli("explain", str(path)).err) == (
        2, f"newslint: {str(path)!r}: expected PATH:LINE:COL, as diagnostics name a place\n")
    assert cli("explain", f"{path}:9:1").err == f"newslint: {path}:9:1: no such place in the file (it has 4 lines)\n"
    assert cli("explain", f"{path}:3:40").err == f"newslint: {path}:3:40: no such place in the file (it has 4 lines)\n"
    assert cli("explain", f"{path}.missing:1:1").code == 2


def test_explain_flag_needs_a_json_format(cli, story):
    path = story("Budget\n\nThe the plan.\n")
    for args in (["--explain"], ["--explain", "--format", "text"], ["--explain", "--format", "json", "--statistics"]):
        result = cli(*args, str(path))
        assert (result.code, result.err) == (2, "newslint: --explain adds evidence to the JSON formats: use it with "
                                                "--format json or jsonl (and no --statistics)\n")
    result = cli("--explain", "--format", "json", str(path))
    assert result.code == 1 and json.loads(result.out)["diagnostics"][0]["code"] == "NL501"


def test_explain_shows_the_sound_and_the_fits_behind_an_article_remark(cli, story):
    path = story("Lunch\n\nHe ate bread an butter.\n")
    lines = cli("explain", f"{path}:3:14").out.splitlines()
    assert "  NL202: considered" in lines  # NL201's 'and' wins the overlap, NL202's evidence is still there
    assert "    evidence: following: butter; sound: consonant" in lines
    assert "    evidence: neighbours: bread, butter; context_fit: a 2.73, and 5.15" in lines
