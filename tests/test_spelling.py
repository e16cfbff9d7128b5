"""NL101 misspelling: typos found with ranked suggestions; names, acronyms, units and addresses left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

FIXTURE = Path(__file__).parent / "fixtures" / "spelling_names.txt"


def diagnostics(*args: str) -> list[tuple[int, int, str, str, str | None]]:
    result = run_cli("--format", "json", *args)
    return [(d["line"], d["column"], d["code"], d["message"], (d["suggestions"] or [None])[0])
            for d in result.json["diagnostics"]]


def test_typos_are_flagged_with_the_likeliest_correction_and_names_are_not():
    assert diagnostics("--dialect", "en-GB", str(FIXTURE)) == [
        (3, 5, "NL101", "Unknown word 'goverment'", "government"),
        (3, 40, "NL101", "Unknown word 'reserch'", "research"),
        (4, 1, "NL101", "Unknown word 'Teh'", "The"),  # casing kept: Teh -> The
    ]


def test_spelling_fix_is_unsafe_and_applied_only_on_request(story):
    path = story("The goverment met on Tuesday.\n")
    assert run_cli("--fix", str(path)).code == 1
    assert path.read_text(encoding="utf-8") == "The goverment met on Tuesday.\n"
    assert run_cli("--fix", "--unsafe-fixes", str(path)).code == 0
    assert path.read_text(encoding="utf-8") == "The government met on Tuesday.\n"


def test_a_lower_case_word_used_twice_is_learned_as_a_term(story):
    path = story("The bookrunnerz met. Two bookrunnerz agreed.\n")
    assert diagnostics(str(path)) == []


def test_a_capitalised_sentence_start_one_slip_from_a_common_word_is_a_typo(story):
    path = story("Officials met on Tuesday. Ther talks ended.\n")
    assert diagnostics(str(path)) == [(1, 27, "NL101", "Unknown word 'Ther'", "The")]


def test_an_unknown_capitalised_pair_opening_a_sentence_is_a_name_but_a_slip_before_a_known_word_is_not(story):
    path = story("Oleg Gordievsky defected in 1985. Ther President spoke.\n")
    assert diagnostics(str(path)) == [(1, 35, "NL101", "Unknown word 'Ther'", "The")]


def test_units_after_numbers_and_coined_compound_parts_are_not_typos(story):
    path = story("Output was 474,000 bpd after 90 mins, said the no-hoper who ad-libbed about have-nots and a "
                 "touchy-feely 90 dyas.\n")
    assert diagnostics(str(path)) == []
    typo = story("Output was 474,000 barrles a day and a touchy-feeyl speech.\n", "typo.txt")
    assert [(line, column, word) for line, column, _, _, word in diagnostics(str(typo))] == [
        (1, 20, "barrels"), (1, 47, "feel")]


def test_a_slip_that_splits_into_words_or_a_false_suffix_is_still_a_typo(story):
    path = story("It does not do mustice to account holeers.\n")
    assert [(column, word) for _, column, _, _, word in diagnostics(str(path))] == [(16, "justice"), (35, "holders")]


def test_letters_swapped_across_a_third_are_corrected(story):
    path = story("He played in a tsumani fund-raising match.\n")
    assert diagnostics(str(path)) == [(1, 16, "NL101", "Unknown word 'tsumani'", "tsunami")]


def test_a_word_with_nothing_near_it_is_left_to_the_unknown_word_rule(story):
    path = story("The athlete tested positive for stanozolol and a steriod.\n")
    assert diagnostics(str(path)) == [(1, 50, "NL101", "Unknown word 'steriod'", "steroid")]
    assert diagnostics("--select", "NL102", str(path)) == [
        (1, 33, "NL102", "Unknown word 'stanozolol', and no known word is near it", None)]


def test_name_particles_before_a_name_are_not_typos_but_a_slip_between_names_is(story):
    path = story("Ursula von der Leyen met fans of Ariadne auf Naxos. Kim adn Lee left.\n")
    assert [(column, word) for _, column, _, _, word in diagnostics(str(path))] == [(57, "and")]
    alone = story("He met the von today.\n", "alone.txt")
    assert [(column, word) for _, column, _, _, word in diagnostics(str(alone))] == [(12, "con")]


def test_derived_words_and_compounds_are_words(story):
    path = story("Talks on denuclearization stalled as tieless carmakers and beermakers watched the throughputs.\n")
    assert diagnostics("--select", "NL101", str(path)) == []


def test_dialect_decides_british_and_american_spellings(story):
    british = story("The programme to organise the colour guard was cancelled.\n", "gb.txt")
    assert diagnostics("--select", "NL101", "--dialect", "en-GB", str(british)) == []
    american = story("The program to organize the color guard was canceled.\n", "us.txt")
    assert diagnostics("--select", "NL101", "--dialect", "en-US", str(american)) == []
    assert diagnostics("--select", "NL101", str(british), str(american)) == []  # auto: every standard's words


def test_crlf_and_bom_keep_columns_right(story, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbfFirst line.\r\nThe goverment met.\r\n")
    assert diagnostics(str(path)) == [(2, 5, "NL101", "Unknown word 'goverment'", "government")]


def test_words_in_other_scripts_are_left_alone(story):
    path = story("The slogan 梦 appeared on posters, and москва was painted beside σπίτι in a goverment office.\n")
    assert diagnostics("--select", "NL101,NL102", str(path)) == [
        (1, 76, "NL101", "Unknown word 'goverment'", "government")]


def test_american_copy_gets_american_corrections(story):
    path = story("The labr union praised her sense of humr at the theatr.\n")
    assert [(d[1], d[4]) for d in diagnostics("--dialect", "en-US", str(path))] == [
        (5, "labor"), (37, "humor"), (49, "theater")]  # theatre is American too, but the lesser spelling
    assert [(d[1], d[4]) for d in diagnostics("--dialect", "en-GB", str(path))][2] == (49, "theatre")


def test_words_set_in_italics_are_a_foreign_term_unless_a_slip_in_a_story_without_foreign_italics(story):
    review = ("The *esusu* groups and _matatu_ drivers, **terrior** and <i>barangay</i> halls, *vin de France*, "
              "*pièce*, *puto bumbong* and *toum*.\n")
    assert diagnostics(str(story(review, "review.md"))) == [
        (1, 44, "NL101", "Unknown word 'terrior'", "terror")]  # bold is emphasis, not a foreign term
    # In plain text, asterisks are only asterisks; HTML italics still mark a foreign term.
    # puto is left alone beside bumbong, a plainly foreign word (foreign-run); pièce has a letter no slip types;
    # esusu is two slips from usu, the nearest word (unlikely-slip)
    assert [(column, word) for _, column, _, _, word in diagnostics(str(story(review, "review.txt")))] == [
        (25, "matt"), (44, "terror"), (82, "fin"), (127, "tour")]
    # With no plainly foreign word in italics, a slip of an everyday word in italics is a slip.
    emphasis = story("The halls are *realy* busy and *this is simpley odd*, *vin de France* aside.\n", "emphasis.md")
    assert [(column, word) for _, column, _, _, word in diagnostics(str(emphasis))] == [
        (16, "really"), (41, "simply")]


def test_a_lower_case_word_inside_a_foreign_name_is_its_particle_but_between_known_words_a_slip(story):
    path = story("The group Samahang Pilipino sa Kanlurang Sydney wrote to the Bank fo England and the Japanese "
                 "qinger Daichi Morimoto.\n")
    assert [(column, word) for _, column, _, _, word in diagnostics(str(path))] == [(67, "of"), (95, "singer")]


def test_words_in_everyday_use_are_known_but_run_together_words_and_dropped_apostrophes_are_slips(story):
    path = story("Crypto firms and pharma groups sponsor the grand prix. Dont say he didnt go atleast once.\n")
    assert diagnostics(str(path)) == [
        (1, 56, "NL101", "Unknown word 'Dont'", "Don't"),
        (1, 68, "NL101", "Missing apostrophe in 'didnt'", "didn't"),
        (1, 77, "NL101", "Missing space in 'atleast'", "at least")]


def test_an_agent_noun_drops_its_verbs_final_e_once_and_a_rare_derivation_is_likelier_a_slip(story):
    path = story("Decliners outnumbered advancers by troughly 2 to 1, as holeers know.\n")
    assert [(column, word) for _, column, _, _, word in diagnostics(str(path))] == [(36, "roughly"), (56, "holders")]


def test_a_derived_word_that_is_likelier_a_slip_of_a_commoner_word_is_a_typo(story):
    path = story("Queensland's quicks and tieless seamers met on a resere, type https and union inions. The "
                 "companys staff.\n")
    assert [(column, word) for _, column, _, _, word in diagnostics(str(path))] == [
        (50, "reserve"), (79, "unions"), (91, "company's")]


def test_a_noun_made_of_a_bare_verb_and_a_short_particle_is_a_word_but_not_an_inflected_one(story):
    path = story("He threw a changeup after the signup, then kept lookingup.\n")
    assert diagnostics(str(path)) == [(1, 49, "NL101", "Unknown word 'lookingup'", "looking")]


def test_a_short_word_after_a_number_one_slip_from_one_of_the_commonest_words_is_a_typo_not_a_unit(story):
    path = story("He took 1-22 frm nine overs, bowling 6 ft wide for 90 mins.\n")
    assert diagnostics(str(path)) == [(1, 14, "NL101", "Unknown word 'frm'", "from")]


def test_contractions_are_words_with_either_apostrophe_and_dropped_apostrophes_are_slips(cli, story):
    curly = "\u2019"
    path = story(f"Talks\n\nThey{curly}d go, it could{curly}ve been worse, there{curly}ll be more, that{curly}d help, "
                 f"y{curly}all know and it mustn{curly}t stop. That'd do. He dont know and didnt care.\n")
    result = cli("--format", "json", "--select", "NL101", str(path))
    assert [(d["message"], d["suggestions"][:1]) for d in result.json["diagnostics"]] == [
        ("Missing apostrophe in 'dont'", ["don't"]), ("Missing apostrophe in 'didnt'", ["didn't"])]


def test_a_word_opening_a_sentence_counts_its_lower_case_uses_a_habit_still_a_slip(story):
    # iwi (a Maori tribe) twice in lower case: a term the story means, capitalised where a sentence opens with it
    term = story("Treaty talks\n\nThe iwi said the deal was fair. Iwi leaders met, and the iwi will vote.\n")
    assert diagnostics("--select", "NL101", str(term)) == []
    habit = story("Budget\n\nGoverment plans were set out. The goverment said so.\n", "habit.txt")
    assert diagnostics("--select", "NL101", str(habit)) == [
        (3, 1, "NL101", "Unknown word 'Goverment'", "Government"),
        (3, 35, "NL101", "Unknown word 'goverment'", "government")]


def test_the_larger_dictionaries_words_in_use_are_words_but_their_look_alike_misspellings_are_not(story):
    path = story("Elders met at the marae, gardai stood by, and a voter bought poutine. The balloons went up, and "
                 "ballons went up.\n")
    assert diagnostics(str(path)) == [(1, 97, "NL101", "Unknown word 'ballons'", "balloons")]
    slips = story("They vowed to persue the case, said the siver miner.\n", "slips.txt")
    assert [(column, word) for _, column, _, _, word in diagnostics(str(slips))] == [(15, "peruse"), (41, "river")]


def test_a_name_in_everyday_use_with_two_letters_swapped_is_a_typo_but_other_look_alike_names_are_names(story):
    path = story("Talks resumed.\n\nOfficials from Isreal and Britian met in Geneva, where Irfan Khan, Omer Celik, "
                 "Ernest Nagel and Tom Budd spoke.\n")
    assert [(column, word) for _, column, _, _, word in diagnostics(str(path))] == [(16, "Israel"), (27, "Britain")]


def test_the_parts_of_a_hyphenated_set_phrase_are_words_but_a_slip_inside_a_hyphenated_word_is_not(story):
    path = story("Talks resumed.\n\nThe attic held bric-a-brac, papier-mache masks and avant-garde prints, and "
                 "the anti-goverment rally met vis-a-vis the self-goverment group.\n")
    assert [(column, word) for _, column, _, _, word in diagnostics(str(path))] == [
        (85, "government"), (124, "government")]


@pytest.mark.parametrize("a, b, apart", [
    ("chancellr", "chancellor", True), ("presdient", "president", True), ("senater", "senator", True),
    ("ministerx", "minister", True), ("minister", "minister", False), ("presidente", "president", True),
    ("chanclelor", "chancellor", True), ("chancelor", "chancellor", True), ("cahncellro", "chancellor", False),
    ("gen", "general", False),
])
def test_a_title_one_slip_off_is_a_letter_typed_dropped_or_added_or_a_swap(a, b, apart):
    from newslint.language.names import slip_at

    assert (slip_at(a, b) is not None) is apart and (slip_at(b, a) is not None) is apart
