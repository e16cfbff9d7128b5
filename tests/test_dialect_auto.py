"""Dialect auto (the default): the story's own spelling standard decides, unless the desk configures one."""

from __future__ import annotations

import pytest
from conftest import run_cli

from newslint.document.document import Document
from newslint.document.source import decode
from newslint.engine.config import Config
from newslint.engine.resources import Resources
from newslint.language.lexicon import AMERICAN_FORM, BRITISH_FORM, SPELLING
from newslint.language.story_dialect import StoryDialect

BRITISH = """Council backs harbour plan

The council has approved a plan to reshape the harbour, after a year of talks with the fishing organisations.
Councillors said the colour of the new sea wall had been chosen to match the town centre, and that the
defence of the old quay against winter storms would come first.
The work should be finished by the autumn, when the travelling fair returns.
"""

AMERICAN = """City backs harbor plan

The city council has approved a plan to reshape the harbor, after a year of talks with the fishing organizations.
Council members said the color of the new sea wall had been chosen to match the downtown center, and that the
defense of the old pier against winter storms would come first.
The work should be finished by the fall, when the traveling fair returns.
"""

AUSTRALIAN = """Council backs harbour program

The Labor government has approved a program to reshape the harbour, after talks with local organisations.
The minister said the colour of the new sea wall would match the city centre, and that the old jail on the
headland would become a museum. The defence of the wharf against king tides comes first.
"""

OXFORD = """University backs harbour study

The university has agreed to organize a study of the harbour, and its organization will be led by the
centre for marine research. Researchers said they realized the colour of the water had changed, and
recognized that the defence of the coast would need new funds.
"""

CANADIAN = """Province backs harbour study

The province has agreed to organize a study of the harbour. Researchers will analyze the colour of the water
near the aluminum smelter, and the centre for fisheries research said it was skeptical of earlier results.
"""

MIXED = """Council backs harbour plan

The council has approved a plan to reshape the harbour, after a year of talks with local fishing groups.
Councillors said the color of the new sea wall had been chosen to match the town centre, and that the
defence of the old quay against winter storms would come first.
Work on the harbor wall starts in the autumn, once the colour samples are agreed.
"""


def lint(path, *args: str) -> list[dict]:
    result = run_cli("--format", "json", *args, str(path))
    assert result.code in (0, 1), result.err
    return result.json["diagnostics"]


def brief(diagnostics: list[dict]) -> list[tuple]:
    return [(d["line"], d["column"], d["code"], d["suggestions"], (d["fix"] or {}).get("applicability"))
            for d in diagnostics]


@pytest.mark.parametrize("text", [BRITISH, AMERICAN, AUSTRALIAN, OXFORD, CANADIAN],
                         ids=["british", "american", "australian", "oxford", "canadian"])
def test_a_consistent_story_gets_no_dialect_remark_and_no_misspelling(story, text):
    assert lint(story(text), "--select", "NL302,NL101") == []


def test_a_mixed_story_gets_its_minority_forms_flagged_with_the_majority_form(story):
    found = lint(story(MIXED), "--select", "NL302")
    assert brief(found) == [
        (4, 22, "NL302", ["colour"], "unsafe"),
        (6, 13, "NL302", ["harbour"], "unsafe"),
    ]
    assert found[0]["message"] == "'color' is American spelling; this story mostly uses British spelling: 'colour'"


def test_an_american_story_gets_its_british_forms_flagged(story):
    text = AMERICAN.replace("the downtown center", "the downtown centre")
    found = lint(story(text), "--select", "NL302")
    assert brief(found) == [(4, 90, "NL302", ["center"], "unsafe")]
    assert found[0]["message"] == "'centre' is British spelling; this story mostly uses American spelling: 'center'"


def test_ise_and_ize_are_counted_apart_from_the_other_differences(story):
    # Oxford spelling is a standard: -ize beside colour and centre is no mix ...
    assert lint(story(OXFORD), "--select", "NL302") == []
    # ... but -ise beside -ize is: the first form used is the reference on a tie.
    text = "Trust review\n\nThe trust will organise a review of the harbour. The last review was organized in 2019.\n"
    found = lint(story(text), "--select", "NL302")
    assert brief(found) == [(3, 70, "NL302", ["organised"], "unsafe")]
    assert found[0]["message"] == ("'organized' is the -ize spelling; this story first uses the -ise spelling: "
                                   "'organised'")


def test_an_ise_spelling_in_an_american_story_is_flagged_as_british(story):
    text = "Trade fair\n\nThe center will organise a fair to honor the city's labor unions, the mayor said.\n"
    found = lint(story(text), "--select", "NL302")
    assert brief(found) == [(3, 17, "NL302", ["organize"], "unsafe")]
    assert found[0]["message"] == ("'organise' is British spelling; this story mostly uses American spelling: "
                                   "'organize'")


def test_a_tie_is_decided_by_the_first_marked_word(story):
    text = "Paint row\n\nThe color of the new wall upset residents, and the centre of town was closed.\n"
    assert brief(lint(story(text), "--select", "NL302")) == [(3, 52, "NL302", ["center"], "unsafe")]


BRITISH_FIRST = "'color' is American spelling; this story first uses British spelling: 'colour'"


@pytest.mark.parametrize(("text", "messages"), [
    ("Headline\n\nThe colour and the color.\n", [BRITISH_FIRST]),
    ("Headline\n\nThe colour, the color, the color and the colour.\n", [BRITISH_FIRST, BRITISH_FIRST]),
    ("Headline\n\nThe aluminum can and the aluminium can.\n",
     ["'aluminium' is British spelling; this story first writes 'aluminum'"]),
])
def test_a_tie_is_not_called_a_majority(story, text, messages):
    assert [d["message"] for d in lint(story(text), "--select", "NL302")] == messages


@pytest.mark.parametrize(("text", "message"), [
    ("Headline\n\nThe colour, the color and the colour.\n",
     "'color' is American spelling; this story mostly uses British spelling: 'colour'"),
    ("Headline\n\nThe aluminium can, the aluminum can and the aluminium lid.\n",
     "'aluminum' is American spelling; this story mostly writes 'aluminium'"),
])
def test_a_real_majority_is_called_one(story, text, message):
    assert [d["message"] for d in lint(story(text), "--select", "NL302")] == [message]


def test_story_dialect_tells_a_tie_from_a_majority():
    tied = StoryDialect(Document(decode(b"Headline\n\nThe colour and the color.\n", "-")))
    assert (tied.majorities[SPELLING], tied.is_tie(SPELLING)) == (BRITISH_FORM, True)
    ahead = StoryDialect(Document(decode(b"Headline\n\nThe color, the colour and the color.\n", "-")))
    assert (ahead.majorities[SPELLING], ahead.is_tie(SPELLING)) == (AMERICAN_FORM, False)
    assert not ahead.is_tie("-ise")  # no vote on an axis is no tie


def test_canadian_spelling_is_counted_class_by_class(story):
    # analyze, aluminum and skeptical are Canadian as well as American: no mix beside colour ...
    assert lint(story(CANADIAN), "--select", "NL302") == []
    # ... but analyse beside analyze is one class spelt two ways.
    text = CANADIAN + "An earlier team did analyse the water, and found nothing.\n"
    found = lint(story(text), "--select", "NL302")
    assert brief(found) == [(5, 21, "NL302", ["analyze"], "unsafe")]
    assert found[0]["message"] == ("'analyse' is the -yse spelling; this story first uses the -yze spelling: "
                                   "'analyze'")


def test_every_standard_s_spellings_are_words(story):
    text = "Words\n\nThe colour and color, organise and organize, theatre and theater, defence and defense.\n"
    assert lint(story(text), "--select", "NL101") == []


# -- names ----------------------------------------------------------------------------------------------
NAMES = """Memorial visit

Veterans of the Australian Defence Force met officials of the World Health Organization at Pearl Harbor.
They later saw a concert at the Lincoln Center, and a delegation from the Labor Party joined them.
Defence Secretary Hamish Dunlop said the anti-Labour protest outside had been small.
"""


@pytest.mark.parametrize("dialect", ["auto", "en-US", "en-GB", "en-GB-oxendict", "en-AU"])
def test_names_get_no_dialect_remark_under_any_dialect(story, dialect):
    assert lint(story(NAMES), "--select", "NL302", "--dialect", dialect) == []


def test_names_do_not_vote(story):
    # Four British-spelt names and two American words: the story is American, and nothing is flagged.
    text = ("Harbour visit\n\nThe Australian Defence Force band played at Sydney Harbour before members of the "
            "Labour Party.\nThe color guard marched to the center of the square.\n")
    assert lint(story(text), "--select", "NL302") == []
    story_dialect = Document(decode(text.encode(), "story.txt")).derived(StoryDialect)
    assert [w.text for w in story_dialect.words] == ["color", "center"]  # the headline's Harbour is Sydney's


# -- fixes ----------------------------------------------------------------------------------------------
def test_fix_with_no_dialect_configured_leaves_a_british_story_unchanged(tree):
    # Issue 14: with no configuration, `newslint --fix drafts/` turned a British story's colour into color.
    path = tree("drafts/harbour.txt", BRITISH)
    result = run_cli("--fix", "drafts")
    assert result.code == 0, result.out + result.err
    assert path.read_bytes() == BRITISH.encode()


def test_fix_with_no_dialect_configured_applies_no_dialect_fix_even_in_a_mixed_story(tree):
    path = tree("drafts/harbour.txt", MIXED)
    assert run_cli("--fix", "drafts").code == 1  # the minority forms are still reported
    assert path.read_bytes() == MIXED.encode()
    run_cli("--fix", "--unsafe-fixes", "--select", "NL302", "drafts")
    assert path.read_text(encoding="utf-8") == MIXED.replace("color", "colour").replace("harbor wall", "harbour wall")


def test_fix_with_a_configured_dialect_applies_safe_dialect_fixes(tree):
    path = tree("drafts/harbour.txt", MIXED)
    run_cli("--select", "NL302", "--dialect", "en-GB", "--fix", "drafts")
    assert path.read_text(encoding="utf-8") == MIXED.replace("color", "colour").replace("harbor wall", "harbour wall")
    tree("newslint.toml", 'dialect = "en-US"\n')
    run_cli("--select", "NL302", "--fix", "drafts")
    assert "harbour" not in path.read_text(encoding="utf-8")


# -- suggestions ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, suggestion", [
    ("The centre of the harbour was painted a deep colur, and the defence ministry paid.", "colour"),
    ("The center of the harbor was painted a deep colur, and the defense ministry paid.", "color"),
    ("The middle of the dock was painted a deep colur, and the ministry paid.", "color"),  # no marked word: as before
    ("The centre of the harbour has a new theatr, and the defence ministry paid for it.", "theatre"),
    ("The middle of the dock has a new theatr, and the ministry paid for it.", "theater"),
])
def test_misspelling_suggestions_follow_the_story_s_standard(story, text, suggestion):
    found = lint(story(f"Paint row\n\n{text}\n"), "--select", "NL101")
    assert [d["suggestions"][0] for d in found] == [suggestion]


@pytest.mark.parametrize("text, expected", [
    ("The new library sits in the enter of the town, beside the harbour and its colourful boats.", []),
    ("The new library sits in the enter of the town, beside the harbor and its colorful boats.", ["center"]),
    ("The new library sits in the enter of the town, beside the quay and its bright boats.", ["center"]),
])
def test_real_word_corrections_are_not_offered_in_the_story_s_minority_spelling(story, text, expected):
    found = lint(story(f"Library\n\n{text}\n"), "--select", "NL201")
    assert [d["suggestions"][0] for d in found] == expected


def test_the_other_standard_s_spelling_of_a_word_is_no_real_word_correction():
    story_dialect = Document(decode(MIXED.encode(), "story.txt")).derived(StoryDialect)
    assert not story_dialect.offers("traveled", "travelled")
    assert not story_dialect.offers("color", "colon")  # the story writes colour
    assert story_dialect.offers("colour", "colon")
    assert Resources(Config()).lexicon.is_word("color")
