"""What NL201 shows `newslint explain` and --explain: the candidates with their slip costs, the context window, the
language-model scores, the log-odds, the threshold crossed or missed, and the steps that decided."""

from __future__ import annotations

import json

from conftest import SEED, explained_part

STORY = ("Iron ore prices rose again in March.\n"
         "Steelmakers are struggling to cover rising ore costs this year.\n"
         "Sales were higher than forecast, and profits where down on last year.\n"
         "The minister said it would HE wrong to act now.\n")


def explained(cli, place: str) -> list[str]:
    return explained_part(cli, place, "NL201")


def evidence_of(line: str) -> dict[str, str]:
    """'    evidence: key: value; key: value' as a dict."""
    assert line.startswith("    evidence: "), line
    return dict(part.split(": ", 1) for part in line.removeprefix("    evidence: ").split("; "))


def test_the_seed_slip_shows_its_candidates_context_scores_odds_and_the_threshold_it_crossed(cli, monkeypatch):
    monkeypatch.chdir(SEED.parent)
    out = explained(cli, f"{SEED.name}:12:19")
    assert out[:2] == [f"{SEED.name}:12:19: 'no'", "  NL201 real-word-error: reported: 'no' may be a slip for 'on' here"]
    evidence = evidence_of(out[2])
    assert "on -0.50" in evidence["candidates"].split(", ") and "know -0.50" in evidence["candidates"].split(", ")
    assert evidence["context"] == "point man [no] north korea"
    assert evidence["language_model"].startswith("no -8.12, on -5.92")
    assert evidence["log_odds"].startswith("on 2.70, ")
    assert evidence["threshold"] == "2.50"
    assert evidence["story_bonus"] == "not, on, to"  # the story writes "on" elsewhere: that tips it
    assert out[3:] == ["    step alternative-in-story (reported)",
                       "    step threshold (reported): candidate: on; log_odds: 2.70; threshold: 2.50; crossed: True"]


def test_a_repeated_content_word_shows_the_bonus_that_kept_it_and_the_threshold_it_missed(cli, story):
    path = story(STORY)
    out = explained(cli, f"{path}:2:44")
    assert out[:2] == [f"{path}:2:44: 'ore'", "  NL201: left alone"]
    evidence = evidence_of(out[2])
    assert (evidence["context"], evidence["topic"], evidence["threshold"]) == ("cover rising [ore] costs this",
                                                                              "ore +1.00", "2.50")
    assert evidence["log_odds"].startswith("are 1.92, or 1.62")
    assert out[3:] == ["    step repeated-content-word (left alone)",
                       "    step threshold (left alone): best: are; log_odds: 1.92; threshold: 2.50; crossed: False"]


def test_context_evidence_names_the_alternative_it_held_back_and_its_lift(cli, story):
    path = story("Angling notes\nA bream was caught in the lake on Sunday.\n")
    out = explained(cli, f"{path}:2:3")
    assert out[:2] == [f"{path}:2:3: 'bream'", "  NL201: left alone"]
    assert evidence_of(out[2])["log_odds"].startswith("break 2.67")
    assert out[3:] == ["    step context-evidence (left alone): best: break; log_odds: 2.67; threshold: 2.50; "
                       "crossed: True; held_back: break; context_lift: 0.37; context_needed: 1.50"]


def test_pair_corroboration_names_the_word_pairs_odds_that_decided(cli, story):
    path = story("Harbour works\n\nThe council took a majors step towards the deal.\n\n"
                 "The harbour board spent the honey on new cranes.\n\n"  # honey, the story's topic (+2.00)
                 "Families with lots of honey are less worried.\n\nThe crews need lots of honey for repairs.\n")
    assert explained(cli, f"{path}:3:20")[-1] == (
        "    step pair-corroboration (reported): candidate: major; log_odds: 2.01; threshold: 2.50; crossed: False; "
        "pair_odds: 3.64; pair_odds_needed: 2.00")
    assert explained(cli, f"{path}:5:31")[-1] == (  # in the band, but the pairs favour money too little
        "    step pair-corroboration (left alone): best: money; log_odds: 2.27; threshold: 2.50; crossed: False; "
        "pair_odds: 1.64; pair_odds_needed: 2.00")


def test_a_gate_names_itself(cli, story):
    path = story(STORY)
    assert explained(cli, f"{path}:4:28") == [f"{path}:4:28: 'HE'", "  NL201: left alone",
                                              "    step acronym-or-digits (left alone)"]


def test_json_explain_carries_the_evidence_and_the_deciding_steps(cli, story):
    path = story(STORY)
    result = cli("--select", "NL201", "--explain", "--format", "json", str(path))
    [diagnostic] = json.loads(result.out)["diagnostics"]
    assert (diagnostic["line"], diagnostic["suggestions"]) == (3, ["were"])
    note, *steps = diagnostic["evidence"]
    assert note["context"] == "and profits [where] down on"
    assert (note["candidates"]["were"], note["log_odds"]["were"], note["threshold"]) == (-1.0, 2.875, 2.5)
    assert note["language_model"]["where"] == -9.39 and note["story_bonus"] == ["were"]
    assert steps == [{"step": "alternative-in-story", "verdict": "reported"},
                     {"step": "threshold", "verdict": "reported", "candidate": "were", "log_odds": 2.875,
                      "threshold": 2.5, "crossed": True}]


def test_explaining_changes_no_diagnostic(cli, story):
    path = story(STORY)
    plain = json.loads(cli("--select", "NL201", "--format", "json", str(path)).out)["diagnostics"]
    explained_ = json.loads(cli("--select", "NL201", "--explain", "--format", "json", str(path)).out)["diagnostics"]
    assert plain == [{key: value for key, value in d.items() if key != "evidence"} for d in explained_]
