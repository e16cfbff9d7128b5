"""NL302 dialect-consistency: the other dialect's spellings, with the configured dialect's form."""

from __future__ import annotations

import pytest
from conftest import run_cli

STORY = """Harbour plan approved

The harbour board said the new colour scheme was chosen by the organization after months of talks.
Officials traveled to the World Health Organization meeting at the Lincoln Center in New York.
The liquid-fueled ferry will be repainted in the board's colours, the board's organisers said.
"""


def lint(story, text: str, dialect: str, *extra: str) -> list[dict]:
    path = story(text)
    result = run_cli("--select", "NL302", "--dialect", dialect, "--format", "json", *extra, str(path))
    assert result.code in (0, 1), result.err
    return result.json["diagnostics"]


def brief(diagnostics: list[dict]) -> list[tuple]:
    return [(d["line"], d["column"], d["code"], d["severity"], d["suggestions"][0], d["fix"]["applicability"])
            for d in diagnostics]


def test_american_spellings_in_british_copy(story):
    found = lint(story, STORY, "en-GB")
    assert brief(found) == [
        (3, 64, "NL302", "warning", "organisation", "safe"),
        (4, 11, "NL302", "warning", "travelled", "unsafe"),  # derived from the -l/-ll pattern
        (5, 12, "NL302", "warning", "fuelled", "unsafe"),  # a part of a hyphenated word
    ]
    assert found[0]["message"] == "'organization' is American spelling; en-GB uses 'organisation'"


def test_oxford_spelling_is_british_with_ize(story):
    text = "The organisation will organize a colour review and realise its plans. The color was odd.\n"
    found = lint(story, text, "en-GB-oxendict")
    assert [(d["column"], d["suggestions"][0]) for d in found] == [(5, "organization"), (52, "realize"), (75, "colour")]
    assert found[0]["message"] == "'organisation' is the -ise spelling; en-GB-oxendict uses 'organization'"


def test_australian_copy_follows_british_spelling(story):
    assert [d["suggestions"][0] for d in lint(story, STORY, "en-AU")] == ["organisation", "travelled", "fuelled"]


def test_with_no_dialect_configured_the_story_s_majority_decides(story):
    found = lint(story, STORY, "auto")
    assert brief(found) == [
        (4, 11, "NL302", "warning", "travelled", "unsafe"),  # British 5 (harbour twice, colour ...) to American 2
        (5, 12, "NL302", "warning", "fuelled", "unsafe"),
        (5, 79, "NL302", "warning", "organizers", "unsafe"),  # -ise 1, -ize 1: the first used (organization) wins
    ]
    assert found[2]["message"] == ("'organisers' is the -ise spelling; this story first uses the -ize spelling: "
                                   "'organizers'")


def test_british_spellings_in_american_copy(story):
    found = lint(story, STORY, "en-US")
    assert brief(found) == [
        (1, 1, "NL302", "warning", "Harbor", "safe"),  # the headline; case kept
        (3, 5, "NL302", "warning", "harbor", "safe"),
        (3, 32, "NL302", "warning", "color", "safe"),
        (5, 58, "NL302", "warning", "colors", "safe"),
        (5, 79, "NL302", "warning", "organizers", "safe"),
    ]
    assert found[2]["message"] == "'colour' is British spelling; en-US uses 'color'"


@pytest.mark.parametrize("text", [
    "Summit\n\nDelegates met at the World Trade Center and the Department of Defense on Monday.\n",
    "Family\n\nShe said her mom had driven her to the station.\n",  # no spelling counterpart: a word choice
])
def test_names_and_word_choices_are_left_alone(story, text):
    assert lint(story, text, "en-GB") == []


@pytest.mark.parametrize("text", [
    "Cabinet\n\nDefence Secretary Hamish Dunlop spoke to reporters.\n",  # opening a sentence, before a title
    "Protest\n\nThe anti-Labour protest was small.\n",  # a capitalised part after a hyphen
    "Sydney\n\nHarbour Trust chairman Ian Pike said the ferries would run.\n",  # beside a name
])
def test_names_opening_a_sentence_or_after_a_hyphen_are_left_alone(story, text):
    assert lint(story, text, "en-US") == []


@pytest.mark.parametrize("dialect", ["auto", "en-GB", "en-GB-oxendict", "en-AU"])
def test_prized_is_no_american_spelling_of_prised(story, dialect):
    text = "Sale\n\nThe club sold its most prized asset, and the door was prised open.\n"
    path = story(text)
    result = run_cli("--select", "NL302,NL101", "--dialect", dialect, "--format", "json", str(path))
    assert result.json["diagnostics"] == []


def test_spelling_rule_leaves_other_dialect_words_to_this_rule(story):
    path = story(STORY)
    result = run_cli("--dialect", "en-GB", "--format", "json", str(path))
    codes = {(d["line"], d["column"]): d["code"] for d in result.json["diagnostics"]}
    assert codes[(3, 64)] == codes[(4, 11)] == codes[(5, 12)] == "NL302"
    assert "NL101" not in codes.values()


def test_fix_applies_the_word_list_counterparts(story):
    path = story(STORY)
    run_cli("--select", "NL302", "--dialect", "en-GB", "--fix", str(path))
    text = path.read_text(encoding="utf-8")
    assert "by the organisation after" in text
    assert "Officials traveled to" in text  # a derived counterpart is unsafe: not applied by --fix
