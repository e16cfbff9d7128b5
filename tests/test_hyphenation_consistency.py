"""NL303 hyphenation-consistency: one word hyphenated, closed up or open in the same story."""

from __future__ import annotations

import pytest
from conftest import run_cli


def found(story, text: str) -> list[tuple[int, int, str, str, str]]:
    """(line, column, code, flagged text, first suggestion) of every NL303 diagnostic."""
    path = story(text)
    result = run_cli("--select", "NL303", "--format", "json", str(path))
    assert result.code in (0, 1), result.err
    lines = text.splitlines()
    return [(d["line"], d["column"], d["code"], lines[d["line"] - 1][d["column"] - 1:d["end_column"] - 1],
             d["suggestions"][0]) for d in result.json["diagnostics"]]


def test_the_majority_form_wins(story):
    text = """Truce holds

The ceasefire held overnight, and the ceasefire monitors reported no shots.
Residents said the cease-fire was fragile. Elders said the cease fire would hold.
Minister Pilar Marsh-Okonjo sent an e-mail to the monitors. Email is how the monitors report.
"""
    assert found(story, text) == [
        (4, 20, "NL303", "cease-fire", "ceasefire"),
        (4, 60, "NL303", "cease fire", "ceasefire"),
        (5, 61, "NL303", "Email", "E-mail"),  # a tie goes to the form seen first; the case of the word is kept
    ]


def test_prefix_variants(story):
    text = "Talks\n\nThe unions will co-operate. Officials said they would cooperate, and co-operate again.\n"
    assert found(story, text) == [(3, 55, "NL303", "cooperate", "co-operate")]


@pytest.mark.parametrize("text", [
    # A hyphenated modifier and an open phrase are grammar, not inconsistency.
    "Plan\n\nA long-term plan was agreed. In the long term, officials said, costs will fall.\n",
    # A verb and its noun.
    "Setup\n\nThe setup was simple: they set up a stall. The setup cost little.\n",
    # Phrases beside closed words.
    "Daily\n\nThe everyday routine: every day the team meets.\n",
    "Aide\n\nHis longtime aide said the frontline troops had held the front line for a long time.\n",
    # A hyphen that makes another word.
    "Sofa\n\nThey will re-cover the sofa. Officials hope to recover the costs.\n",
    # One form throughout.
    "Mail\n\nThe e-mail arrived. A second e-mail followed.\n",
    # The tail of a number's phrase: a score written with a letter o for the nought.
    "Derby\n\nThe home side led 3-to-o at the break and were too strong after it.\n",
])
def test_grammar_and_different_words_are_left_alone(story, text):
    assert found(story, text) == []
