"""NL204: set phrases written with a real word in place of their own (newslint/wordlists/misused-phrases.txt)."""

from __future__ import annotations

from conftest import run_cli


def found(path) -> list[tuple[int, int, int, str, str]]:
    result = run_cli("--format", "json", "--select", "NL204", str(path))
    return [(d["line"], d["column"], d["end_column"], d["suggestions"][0], d["message"])
            for d in result.json["diagnostics"]]


def test_the_words_that_differ_are_reported_with_the_set_phrase_and_its_words_as_the_fix(story):
    path = story("Budget\n\nThe mayor was given free reign, and she would\u00a0of been re-elected.\n")
    assert found(path) == [
        (3, 26, 31, "rein", "'free reign': the set phrase is 'free rein'"),
        (3, 47, 49, "have", "'would of': the set phrase is 'would have'"),  # any run of whitespace between words
    ]


def test_a_phrase_is_found_in_any_case_with_either_apostrophe_and_keeps_the_writers(story):
    path = story("Budget\n\nThe result didn\u2019t phase him. FOR ALL INTENSIVE PURPOSES it was over.\n")
    assert found(path) == [
        (3, 19, 24, "faze", "'didn\u2019t phase': the set phrase is 'didn\u2019t faze'"),
        (3, 38, 47, "INTENTS AND", "'FOR ALL INTENSIVE PURPOSES': the set phrase is 'for all intents and purposes'"),
    ]


def test_a_phrase_followed_by_a_word_its_entry_names_is_another_phrase(story):
    path = story("Budget\n\nHe would of course agree, though the firm didn't phase out coal.\n")
    assert found(path) == []


def test_headlines_and_words_inside_longer_words_are_left_alone(story):
    path = story("Free reign for the new king\n\nThe carefree reigning champion would offer a sneak peaking tour.\n")
    assert found(path) == []


def test_the_fix_is_unsafe_and_applies_once(story):
    path = story("Budget\n\nFans waited with baited breath for a sneak peak.\n")
    run_cli("--fix", "--select", "NL204", str(path))
    assert path.read_text(encoding="utf-8") == "Budget\n\nFans waited with baited breath for a sneak peak.\n"
    run_cli("--fix", "--unsafe-fixes", "--select", "NL204", str(path))
    assert path.read_text(encoding="utf-8") == "Budget\n\nFans waited with bated breath for a sneak peek.\n"
    assert found(path) == []
