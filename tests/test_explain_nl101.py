"""NL101/NL102 explain themselves: the candidates and their ranking for a reported word, the exemption that left a
word alone and every one considered before it, in `newslint explain` and in --explain's JSON evidence."""

from __future__ import annotations

import pytest
from conftest import SEED, explained_part
from test_steps import outcome

from newslint.rules import unknown_word

STORY = ("Budget talks\n\nThe goverment met on Tuesday. The grumbz met. Two grumbz agreed.\n"
         "A touchy-feeyl speech followed, then 90 mins of talks.\n")
WORD_STEPS = ("unit-after-number, everyday-word, rare-dictionary-word, name-particle, foreign-name-particle, "
              "looks-like-name, set-phrase, accented-letter, te-reo-word, elision, spoken-quote, interjection, "
              "foreign-quotation, foreign-run, foreign-list, after-foreign-article, other-language-word, "
              "species-name, bracketed-code, defined-abbreviation, prefix-before-number, used-twice, introduced-term, "
              "inner-capitals, opens-a-name, capitalised-no-slip, derived-word, compound, italics-mark-foreign, "
              "foreign-phrase-in-italics")


def explained(cli, place: str) -> list[str]:
    return explained_part(cli, place, "NL101")


def test_a_reported_slip_shows_its_candidates_their_ranking_and_the_exemptions_considered(cli, story):
    path = story(STORY)
    assert explained(cli, f"{path}:3:5") == [
        f"{path}:3:5: 'goverment'",
        "  NL101 misspelling: reported: Unknown word 'goverment'",
        "    evidence: candidates: government -3.42",
        "    evidence: neighbours: the, met; score: context fit + slip cost x 1.5",
        "    evidence: candidate: government; slip: dropped letter; slip_cost: -1.50; context_fit: 6.11; score: 3.86",
        f"    step misspelt (reported): considered: {WORD_STEPS}; suggestions: government"]


def test_the_ranking_shows_the_kind_of_each_slip_best_first(cli, story):
    path = story("Officials met. Teh talks ended.\n")
    lines = explained(cli, f"{path}:1:16")
    assert lines[1] == "  NL101 misspelling: reported: Unknown word 'Teh'"
    ranked = [line for line in lines if line.startswith("    evidence: candidate: ")]
    assert len(ranked) == 5  # RANKING_SHOWN
    assert ranked[:2] == [
        "    evidence: candidate: the; slip: transposition; slip_cost: -0.50; context_fit: 7.55; score: 6.80",
        "    evidence: candidate: ten; slip: keyboard neighbour; slip_cost: -1.00; context_fit: 4.19; score: 2.69"]
    assert lines[-1].endswith("suggestions: The, Ten, Tech")


def test_a_word_left_alone_names_the_exemption_that_fired_and_those_tried_before(cli, story):
    path = story(STORY)
    assert explained(cli, f"{path}:3:36") == [
        f"{path}:3:36: 'grumbz'", "  NL101: left alone",
        "    step used-twice (left alone): considered: unit-after-number, everyday-word, rare-dictionary-word, "
        "name-particle, foreign-name-particle, looks-like-name, set-phrase, accented-letter, te-reo-word, elision, "
        "spoken-quote, interjection, foreign-quotation, foreign-run, foreign-list, after-foreign-article, "
        "other-language-word, species-name, bracketed-code, defined-abbreviation, prefix-before-number; "
        "uses: 2"]
    assert explained(cli, f"{path}:4:42") == [
        f"{path}:4:42: 'mins'", "  NL101: left alone", "    step unit-after-number (left alone)"]


def test_each_part_of_a_hyphenated_word_is_decided_on_its_own(cli, story):
    path = story(STORY)
    assert explained(cli, f"{path}:4:3")[1:] == [
        "  NL101: left alone",
        f"    step known-part (left alone): considered: {WORD_STEPS}; considered_for_part: hyphen-joined-word"]
    assert explained(cli, f"{path}:4:10")[1:] == [
        "  NL101 misspelling: reported: Unknown word 'feeyl'",
        "    evidence: candidates: feel -3.77",
        "    evidence: neighbours: a, speech; score: context fit + slip cost x 1.5",
        "    evidence: candidate: feel; slip: inserted letter; slip_cost: -2.00; context_fit: 4.41; score: 1.41",
        f"    step misspelt (reported): considered: {WORD_STEPS}; considered_for_part: hyphen-joined-word, known-part, "
        "rare-dictionary-word, derived-word, compound, prefix-part, suffix-part, coined-part, set-phrase, "
        "capitalised-part, short-part, used-twice, elision, spoken-quote; suggestions: feel"]


def test_the_sample_story_names_why_its_names_and_terms_are_not_slips(cli, monkeypatch):
    monkeypatch.chdir(SEED.parent)
    assert explained(cli, f"{SEED.name}:9:186") == [
        f"{SEED.name}:9:186: 'denuclearization'", "  NL101: left alone",
        "    step rare-dictionary-word (left alone): considered: unit-after-number, everyday-word; "
        "uses_per_billion_words: 10^2.16"]
    assert explained(cli, f"{SEED.name}:18:116") == [
        f"{SEED.name}:18:116: 'Hwasong'", "  NL101: left alone",
        "    step looks-like-name (left alone): considered: unit-after-number, everyday-word, rare-dictionary-word, "
        "name-particle, foreign-name-particle; name_evidence: capitalised mid-sentence"]
    # NL201's place in the sample story: NL101 does not weigh a known word
    assert all("NL101" not in line for line in explained(cli, f"{SEED.name}:12:19"))


def test_words_known_to_the_team_or_the_other_standard_are_not_weighed_and_the_trace_says_why(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text('words = ["team.txt"]\ndialect = "en-GB"\n', encoding="utf-8")
    (tmp_path / "team.txt").write_text("grumbz\n", encoding="utf-8")
    path = tmp_path / "story.txt"
    path.write_text("The grumbz chose a new color.\n", encoding="utf-8")
    assert explained(cli, f"{path}:1:5")[1:] == ["  NL101: considered", "    evidence: known: in the team's words"]
    assert explained(cli, f"{path}:1:24")[1:] == [
        "  NL101: considered",
        "    evidence: known: the other standard's spelling (NL302 reports it; colour in this one)"]
    acronym = tmp_path / "acronym.txt"
    acronym.write_text("The QXZT group met.\n", encoding="utf-8")
    assert explained(cli, f"{acronym}:1:5")[1:] == ["  NL101: considered",
                                                     "    evidence: known: in capitals: an acronym"]


def test_json_explain_carries_the_evidence_of_each_nl101_diagnostic(cli, story):
    path = story("The goverment met on Tuesday.\n")
    result = cli("--format", "json", "--explain", "--select", "NL101", str(path))
    [diagnostic] = result.json["diagnostics"]
    assert diagnostic["evidence"] == [
        {"candidates": {"government": -3.42}},
        {"neighbours": ["the", "met"], "score": "context fit + slip cost x 1.5"},
        {"candidate": "government", "slip": "dropped letter", "slip_cost": -1.5, "context_fit": 6.112,
         "score": 3.862},
        {"step": "misspelt", "verdict": "reported", "considered": WORD_STEPS.split(", "),
         "suggestions": ["government"]}]
    assert "evidence" not in cli("--format", "json", "--select", "NL101", str(path)).json["diagnostics"][0]


def test_nl102_gives_its_own_verdict_after_nl101s_exemptions(cli, story):
    path = story("He tested positive for stanozolol and a steriod.\n")
    lines = explained(cli, f"{path}:1:24")
    assert "  NL102: left alone" not in lines  # off by default: not run, not traced
    result = cli("--format", "json", "--explain", "--select", "NL102", str(path))
    [diagnostic] = result.json["diagnostics"]
    assert diagnostic["evidence"] == [{"candidates": {}}, {"step": "nothing-near", "verdict": "reported",
                                                          "considered": WORD_STEPS.split(", ")}]


@pytest.mark.parametrize("step", unknown_word.STEPS, ids=lambda s: s.name)
def test_each_nl102_step_decides_its_examples_alone(step):
    for kind, examples in (("flags", step.flags), ("allows", step.allows)):
        for example in examples:
            reported, deciding = outcome(step, example)
            assert (reported, step.name in deciding) == (kind == "flags", True), example
            with step.off():
                assert outcome(step, example)[0] != reported, example


@pytest.mark.parametrize(("text", "place", "why"), [
    ("Appeals went to the Suprme Court on Monday.\n", "1:21", "a word of the fixed name 'supreme court' misspelt"),
    ("The prize went to Msis Okafor on Monday.\n", "1:19", "a title misspelt before a name"),
    ("Rates were held by the Bank of Englnd.\n", "1:32", "a word of the fixed name 'bank of england' misspelt"),
    ("Isreal and Egypt met on Monday.\n", "1:1", "a name in everyday use with two letters swapped"),  # no name evidence
])
def test_a_capitalised_word_reported_all_the_same_says_why_it_is_no_name(cli, story, text, place, why):
    path = story(text)
    evidence = [line for line in explained(cli, f"{path}:{place}") if line.startswith("    evidence: ")]
    assert any(line.endswith(f"misspelt: {why}") for line in evidence), evidence
