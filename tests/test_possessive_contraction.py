"""NL203: its/it's and the other possessive/contraction pairs, judged by the word that follows."""

from __future__ import annotations

from conftest import run_cli


def found(path) -> list[tuple[int, int, int, str]]:
    result = run_cli("--format", "json", "--select", "NL203", str(path))
    return [(d["line"], d["column"], d["end_column"], d["suggestions"][0]) for d in result.json["diagnostics"]]


def test_both_directions_are_flagged_keeping_the_apostrophe_style(story):
    path = story(
        "Officials said the deal was late, and its not clear why.\n"
        "Since it\u2019s inception the award has grown.\n"
        "Every country has it's own rules.\n"
    )
    # the story uses curly apostrophes (line 2), so the suggestion does too
    assert found(path) == [(1, 39, 42, "it\u2019s"), (2, 7, 11, "its"), (3, 19, 23, "its")]


def test_correct_possessives_and_contractions_are_left_alone(story):
    path = story(
        "The company said its planned sale and its own profits rose; it's a good year.\n"
        "They said it's been hard, and their waiting families agreed. You're right about your plan.\n"
    )
    assert found(path) == []
