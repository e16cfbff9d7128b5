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


def test_the_sound_not_the_letter_decides(story):
    # every one of these is right: the u of Ukrainian, urine, uterus and unanimous sounds "you", the MP is "em-pee"
    path = story("A Ukrainian soldier met a urine specialist and a uterus surgeon, a unanimous jury and an Uber "
                 "driver. He took a U-turn and an hour later an MP arrived with a UN envoy, an SUV and a BBC crew, "
                 "an X-ray, an FBI agent, a NATO summit, a NASA probe, an LGBT group and a AAA rating.\n")
    assert found(path) == []


def test_wrong_by_the_sound_is_flagged(story):
    path = story("He was a MP, an union man with an European passport, a honest broker, an BBC guest and a LGBT "
                 "ally.\n")
    assert found(path) == [(1, 8, 9, "an"), (1, 14, 16, "a"), (1, 32, 34, "a"), (1, 54, 55, "an"), (1, 71, 73, "a"),
                           (1, 88, 89, "an")]


def test_an_after_a_comma_opens_a_noun_phrase_and_is_never_and(story):
    path = story("She met the minister, an BBC crew and a police officer. An Labour source said so.\n")
    assert found(path) == [(1, 23, 25, "a"), (1, 57, 59, "A")]


def test_what_the_sound_cannot_be_told_of_is_left_alone(story):
    # a u-word the dictionary lacks, an h-word in flux, aitch or haitch, an acronym that may be read as a word
    path = story("A urinal, an urinal, a historic and an historic day, a HGV, an HGV, a NASA and an NASA probe, "
                 "signed A N Other and A R Rahman.\n")
    assert found(path) == []


def test_a_capital_a_before_a_word_no_article_precedes_is_a_label(story):
    path = story("Class A and B shares, Plan A or Plan B, Title A of the act, grade A in maths, and a A-level pass.\n")
    assert found(path) == [(1, 83, 84, "an")]


def test_an_opening_a_sentence_is_left_alone_where_the_story_shows_it_part_of_a_name(story):
    # the Irish article before a word no list knows, the pair written mid-sentence too, the surname after a title
    path = story("An Bord Pleanála approved it. An Post said so, as the head of An Post told us.\n"
                 "An Cheol-su, a defector, spoke. Mr An said rations were cut.\n")
    assert found(path) == []


def test_an_opening_a_sentence_before_listed_words_is_still_the_article(story):
    path = story("An Labour source said so. An Post spokesman said so.\n")
    assert found(path) == [(1, 1, 3, "A"), (1, 27, 29, "A")]


def test_an_article_in_a_quotation_that_sets_speech_down_as_spoken_is_the_speakers_own(story):
    path = story('"I telt him fae the start an he went," she said. It was an total disaster.\n')
    assert found(path) == [(1, 57, 59, "a")]
