"""NL202 article agreement: a/an against the next word's first sound, and "an" typed for "and"."""

from __future__ import annotations

from conftest import run_cli


def found(path) -> list[tuple[int, int, int, str]]:
    result = run_cli("--format", "json", "--select", "NL202", str(path))
    return [(d["line"], d["column"], d["end_column"], d["suggestions"][0]) for d in result.json["diagnostics"]]


def test_wrong_articles_are_flagged_with_the_right_one(story):
    path = story("It was an total disaster, and a hour later a apple fell.\nAn report followed.\n")
    assert found(path) == [(1, 8, 10, "a"), (1, 31, 32, "an"), (1, 44, 45, "an"), (2, 1, 3, "A")]


def test_an_before_a_consonant_in_a_list_is_and(story):
    path = story("They sold bread an butter at the market.\n")
    assert found(path) == [(1, 17, 19, "and")]


def test_exceptions_by_sound_and_abbreviations_are_left_alone(story):
    path = story("A union, a one-off, an hour, an honest man, an MP, a US-based firm, an historic day, a herb salad "
                 "(British), an herb garden (American) and a European deal.\n")
    assert found(path) == []
