"""NL201 real-word errors: a real word that its neighbours reject in favour of a word one slip away."""

from __future__ import annotations

from conftest import SEED, run_cli


def found(path, *args: str) -> list[tuple[int, int, int, str, str]]:
    result = run_cli("--format", "json", "--select", "NL201", *args, str(path))
    return [(d["line"], d["column"], d["end_column"], d["severity"], d["suggestions"][0])
            for d in result.json["diagnostics"]]


STORY = (
    "Talks on the border resumed on Monday.\n"
    "The foreign secretary's point man no Venezuela, Mr Alvarez, has been involved in talks.\n"
)


def test_no_for_on_before_a_name_is_flagged(story):
    assert found(story(STORY)) == [(2, 35, 37, "error", "on")]


def test_a_correct_no_beside_the_slip_is_not_flagged(story):
    path = story("Talks on the border resumed on Monday.\nNo Venezuela envoy spoke. Point man no Venezuela, Mr Alvarez, spoke.\n")
    assert found(path) == [(2, 37, 39, "error", "on")]


def test_correct_copy_is_left_alone(story):
    path = story(
        "Officials said there was no evidence that the vote had been rigged.\n"
        "The two Koreas held a summit in April, and their leaders agreed to meet again.\n"
        "It was not clear how far the work had gone, according to the report.\n"
    )
    assert found(path) == []


def test_the_seed_story_has_one_real_word_error():
    assert found(SEED) == [(12, 19, 21, "error", "on")]


def test_the_fix_is_unsafe(story):
    path = story(STORY)
    result = run_cli("--format", "json", "--select", "NL201", str(path))
    assert result.json["diagnostics"][0]["fix"]["applicability"] == "unsafe"
