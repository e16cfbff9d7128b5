"""NL301 name-variant: one name written in more than one form in a story, and the look-alikes left alone."""

from __future__ import annotations

import pytest
from conftest import SEED, run_cli

from newslint.language.names import fold, slip_at


def found(story, text: str) -> list[tuple[int, int, str, str, str]]:
    """(line, column, code, flagged text, first suggestion) of every NL301 diagnostic."""
    path = story(text)
    result = run_cli("--select", "NL301", "--format", "json", str(path))
    assert result.code in (0, 1), result.err
    lines = text.splitlines()
    return [(d["line"], d["column"], d["code"], lines[d["line"] - 1][d["column"] - 1:d["end_column"] - 1],
             d["suggestions"][0]) for d in result.json["diagnostics"]]


MINISTER = """Minister defends port plan

Housing minister Pilar Marsh-Okonjo said on Monday that the Lagos port plan would go ahead.
Critics say Marsh-Okonjo has ignored the fishermen of Apapa, who fear for their moorings.
Ms Marsh Okonjo said the fishermen would be consulted before any work began.
A spokesman for Marsh-Okonjo later said talks with Apapa fishermen had begun.
In Abuja, officials said Marsh-Okanjo had the backing of the cabinet.
"""


def test_spacing_and_one_letter_slip_of_a_hyphenated_name(story):
    assert found(story, MINISTER) == [
        (5, 4, "NL301", "Marsh Okonjo", "Marsh-Okonjo"),
        (7, 26, "NL301", "Marsh-Okanjo", "Marsh-Okonjo"),
    ]


KIM = """Summit talks resume

North Korean leader Kim Jong-un arrived in Singapore on Tuesday.
Officials said Kim Jong-un would meet the president at noon, and that Kim Jong Un had slept on the train.
Aides to Kim Jongun declined to comment. Later Kim Jong-Un waved to reporters.
The South's negotiator Kim Do-gyun said Kim Jong-un had kept his word, and Kim Do-gyun thanked him.
"""


def test_hyphen_spacing_and_case_variants_of_one_name(story):
    assert found(story, KIM) == [
        (4, 75, "NL301", "Jong Un", "Jong-un"),
        (5, 14, "NL301", "Jongun", "Jong-un"),
        (5, 52, "NL301", "Jong-Un", "Jong-un"),
    ]


def test_title_case_in_a_headline_is_not_a_variant(story):
    text = "Kim Jong-Un Meets Envoy\n\nKim Jong-un met the envoy, and Kim Jong-un smiled.\n"
    assert found(story, text) == []


def test_slips_in_place_and_person_names(story):
    text = """Talks in the capital

Envoys flew to Pyongyang on Sunday, and officials in Pyongyang said the talks went well.
Tony Blair, who visited Pyongyang in 2003, said Mr Blair would not comment. Mr Bliar later said more.
The envoys left Pyonyang on Monday.
"""
    assert found(story, text) == [
        (4, 80, "NL301", "Bliar", "Blair"),
        (5, 17, "NL301", "Pyonyang", "Pyongyang"),
    ]


def test_accents_and_doubled_letter_variants_of_a_name(story):
    text = """Kyiv visit

President Volodymyr Zelenskyy met the delegation in Kyiv. Zelenskyy said the talks went well.
Later Zelensky thanked them, and an aide to Zelenskýy spoke to reporters.
"""
    assert found(story, text) == [
        (4, 7, "NL301", "Zelensky", "Zelenskyy"),
        (4, 45, "NL301", "Zelenskýy", "Zelenskyy"),
    ]


def test_a_real_word_slip_inside_a_longer_name_is_found_by_its_neighbour(story):
    text = """Border talks

The North Korean delegation arrived early, and North Korean officials said little.
Across the table, the North Koran general smiled.
"""
    assert found(story, text) == [(4, 29, "NL301", "Koran", "Korean")]


def test_ties_go_to_the_form_seen_first(story):
    text = "Vote count\n\nAnalysts at Berenberg said so. Later Berenburg said the count was close.\n"
    assert found(story, text) == [(3, 38, "NL301", "Berenburg", "Berenberg")]


@pytest.mark.parametrize("text", [
    # Two countries one letter apart, each used consistently.
    "Gulf talks\n\nEnvoys from Iran met officials from Iraq. Iran wants calm, and Iraq agreed; Iran and Iraq meet.\n",
    # Two places that look alike.
    "Ski season\n\nVisitors from Austria and Australia arrived. Austria expects more, Australia fewer.\n",
    # Two people who share a family name.
    "Border talks\n\nKim Jong-un and Kim Do-gyun spoke. Kim Do-gyun later said Kim Jong-un agreed.\n",
    # Two people with names one letter apart.
    "Cabinet\n\nGordon Brown and Des Browne met. Mr Brown spoke first; Mr Browne spoke after Mr Brown.\n",
    # A country, its people and its plural are one word's forms, not slips.
    "Two Koreas\n\nNorth Korea and South Korea met; the North Korean side said the two Koreas agree.\n",
    # A dictionary word one slip from a name, in its own company.
    "Talks\n\nThe North Korean general and North Korean aides said the general had read the Koran.\n",
    # A capital at a sentence start is no spelling of a name.
    "Graft\n\nThe Anti-Corruption Commission met. Anti-corruption groups said the Anti-Corruption Commission lied.\n",
    # Two names, each in its own country's spelling of one word.
    "Labour wins\n\nAustralia's Labor Party won the election, a result the Labour Party in Britain welcomed.\n",
    # A name spelt the same way throughout.
    "Port plan\n\nPilar Marsh-Okonjo spoke in Lagos. Marsh-Okonjo's plan was backed by Lagos officials.\n",
])
def test_look_alikes_used_consistently_are_left_alone(story, text):
    assert found(story, text) == []


def test_seed_story_has_only_the_koran_slip():
    result = run_cli("--select", "NL301", "--format", "json", str(SEED))
    assert [(d["line"], d["column"], d["suggestions"][0]) for d in result.json["diagnostics"]] == [(23, 62, "Korean")]


def test_seed_story_errors_are_the_known_three():
    result = run_cli("--format", "json", str(SEED))
    errors = [(d["line"], d["column"], d["code"]) for d in result.json["diagnostics"] if d["severity"] == "error"]
    assert [(line, column) for line, column, _ in errors] == [(12, 19), (23, 62), (26, 1)]
    assert errors[1][2] == "NL301"


@pytest.mark.parametrize("a, b, at", [
    ("pyongyang", "pyonyang", 4),  # deletion
    ("blair", "bliar", 2),  # transposition
    ("korean", "koran", 3),
    ("iran", "iraq", 3),  # substitution
    ("zelensky", "zelenskyy", 8),  # insertion at the end
    ("kim", "kim", None),
    ("jongun", "dogyun", None),
])
def test_slip_at(a, b, at):
    assert slip_at(a, b) == at == slip_at(b, a)


def test_fold_drops_case_accents_hyphens_spaces_and_apostrophes():
    assert fold("Jong-Un") == fold("Jong Un") == fold("jongun") == "jongun"
    assert fold("Zelenský") == "zelensky"
    assert fold("O\u2019Brien") == fold("OBrien")


def test_two_names_a_letter_apart_on_one_team_sheet_are_two_players(story):
    text = ("Ireland edge Italy\n\n"
            "Shane Horgan threw the pass and Stringer scored, with O'Gara landing the conversion.\n"
            "Murphy, Horgan, O'Driscoll, D'Arcy, Hickie, O'Gara, Stringer.\n"
            "Sheahan, Horan, O'Callaghan, Miller, G Easterby.\n"
            "Later Shane Hogran limped off.\n")
    assert found(story, text) == [(6, 13, "NL301", "Hogran", "Horgan")]


def test_an_everyday_word_before_the_same_family_name_is_a_slip_of_the_given_name(story):
    text = ("Athletics\n\nPaul McKee won the race on Sunday. Later Pal McKee said the course was hard.\n"
            "Mark Smith and Mary Smith arrived. Rob Jones met Bob Jones.\n")
    assert found(story, text) == [(3, 42, "NL301", "Pal", "Paul")]


def test_a_rare_word_written_as_a_name_is_a_slip_of_the_story_name(story):
    text = ("Carmaker cuts jobs\n\n"
            "Saab is losing money. The Saab factory in Sweden will shed staff, and Saab has said so.\n"
            "Another way to reduce Sab's losses would be to share parts. Wasps beat Sale, and a Wasps wing starred.\n"
            "The Owl and the Lark are pubs; Lark Lane is nearby, and the Owl serves food.\n")
    assert found(story, text) == [(4, 23, "NL301", "Sab", "Saab")]


def test_a_name_typed_with_two_letters_swapped_twice_is_a_slip_unless_one_form_is_a_known_name(story):
    text = ("Fraud trial opens\n\n"
            "Mark Thirkettle, 52, denies fraud. Thirkettle ran the club's accounts for a decade.\n"
            "The court heard Thrikettle bought a motorhome. Jurors were told Thrikettle kept the receipts.\n"
            "Mr Thirkettle will give evidence next week. Martin Brown and Martin Borwn also gave evidence, "
            "as did Ms Brown and Mr Borwn.\n")
    assert found(story, text) == [
        (4, 17, "NL301", "Thrikettle", "Thirkettle"), (4, 65, "NL301", "Thrikettle", "Thirkettle")]


def test_a_name_written_only_where_lists_and_results_lines_start_still_has_its_slips_found(story):
    text = ("Weekend round-up\n\n"
            "Goals: Sydney: Calloway 5, Merritt 3. Best: Sydney: Calloway, Nguyen.\n"
            "Tom Callwoay kicked five goals for Sydney from centre half-forward.\n"
            "Sydney FC 2 (Marchetti 14) d Western Sydney Wanderers 1 (Dragovic 58)\n"
            "Stefan Dragovic headed the Wandeers level early in the second half.\n")
    assert found(story, text) == [
        (4, 5, "NL301", "Callwoay", "Calloway"), (6, 28, "NL301", "Wandeers", "Wanderers")]


def test_a_family_name_after_a_title_is_one_slip_from_the_story_s_even_at_its_last_letter(story):
    text = ("Bee study\n\n"
            "Dr Helen Whitcombe led the study with councillor Jane Marchbank. Whitcombe said bees were at risk.\n"
            "Dr Whitcomb said the team would extend the study. Ms Marchbanks said the council would help.\n"
            "Marchbank later said funding was agreed. Korea and the Koreas were not mentioned.\n")
    assert found(story, text) == [
        (4, 4, "NL301", "Whitcomb", "Whitcombe"), (4, 54, "NL301", "Marchbanks", "Marchbank")]


def test_name_evidence_says_why_a_word_is_a_name_and_looks_like_name_agrees():
    from newslint.document.document import Document
    from newslint.document.source import decode
    from newslint.language import names
    from newslint.language.names import NameEvidence

    text = ("Dr Adeyemi quits\n\nSeo-yeon Ahn met McAvoy in Lisbon. Lisbon was warm. Dr Okafor spoke.\n"
            "Okafor left. Harbour staff waited. Harbour fees rose. The talks ended.\n")
    doc = Document(decode(text.encode(), "story.txt"))
    evidence = NameEvidence(doc)
    reasons = {}
    for index, token in enumerate(doc.tokens):
        reason = evidence.reason(token, index)
        assert evidence.looks_like_name(token, index) is (reason is not None)
        reasons.setdefault(token.text, (reason, evidence.reason(token, index, repeated=True)))
    assert reasons["Seo-yeon"][0] == names.ROMANISED
    assert reasons["McAvoy"][0] == names.INNER_CAPITAL
    assert reasons["Adeyemi"][0] == names.AFTER_TITLE  # in the headline, where any word is capitalised
    assert reasons["Harbour"] == (None, names.REPEATED)  # opening two sentences: a term, or a name, written twice
    assert reasons["The"] == (None, None) and reasons["talks"] == (None, None)
    lisbon = [evidence.reason(t, i) for i, t in enumerate(doc.tokens) if t.text == "Lisbon"]
    assert lisbon == [names.MID_SENTENCE, names.MID_SENTENCE_ELSEWHERE]


def test_a_family_name_after_given_names_the_other_spelling_never_follows_is_another_person_unless_letters_swap(story):
    two_people = ("Yankees win\n\nThe manager, Ralph Houk, praised the side. The third baseman, Don Hoak, said the "
                  "side had earned it, and Houk agreed.\n")
    assert found(story, two_people) == []
    swapped = ("Estate case\n\nJohn Killingsworth filed the will. His sister, Minnie Kililngsworth, contested it, and "
               "Killingsworth said the court would decide.\n")
    assert found(story, swapped) == [(3, 55, "NL301", "Kililngsworth", "Killingsworth")]


def test_a_short_unknown_spelling_of_a_known_name_written_once_is_its_slip_but_not_beside_an_unknown_one(story):
    text = ("Markets fell on Tuesday.\n\nThe Dow lost 5% in the week after the vote, and the Diw later recovered.\n\n"
            "Officials met Vos and then Vas in the hall, beside Von Hayek and Van Allen.\n")
    assert found(story, text) == [(3, 53, "NL301", "Diw", "Dow")]


def test_two_given_names_before_different_family_names_are_two_people_but_not_before_the_same_one(story):
    people = "Jaylen Brown scored 24 and Jaylen Brown had eight rebounds; Jalen Brunson led New York.\n"
    assert found(story, people) == []
    slip = "Jaylen Brown scored 24 and Jaylen Brown had eight rebounds; Jalen Brown sat out the fourth.\n"
    assert found(story, slip) == [(1, 61, "NL301", "Jalen", "Jaylen")]


def test_a_contraction_and_the_word_without_its_apostrophe_are_two_words_not_forms_of_a_name(story):
    assert found(story, "Talks ended.\nHe laughed and said, \"Well, well, that is news.\" Later she said, \"Well, "
                        "fine.\" We'll see, he said.\nMaxine Well-Jones and Maxine Welljones met.\n") == [
        (3, 30, "NL301", "Welljones", "Well-Jones")]


def test_an_abbreviated_title_and_its_plural_are_two_forms_but_a_misspelt_one_is_a_slip(story):
    plural = ("Senate stalls\n\nSen. Ana Ruiz and Sen. Tom Blake spoke. Two Democrats, Sens. Lee Park and Joan Hale, "
              "voted no, and Sen. Ruiz left.\n")
    assert found(story, plural) == []
    slip = "Senate stalls\n\nSen. Ana Ruiz and Sen. Tom Blake spoke, and Sem. Lee Park voted no with Sen. Ruiz.\n"
    assert found(story, slip) == [(3, 45, "NL301", "Sem", "Sen")]


def test_a_name_given_both_ways_in_brackets_is_left_but_the_other_form_alone_is_reported(story):
    text = "Ferries\n\nThe ferry sails to Uig (Ùig) on Skye, and then to Ùig again, said the operator.\n\nUig waited.\n"
    assert found(story, text) == [(3, 51, "NL301", "Ùig", "Uig")]


def test_a_letter_with_a_macron_in_place_of_another_is_no_slip(story):
    names = "Tangi\n\nHōne Tūtaki was a soldier, and his mother, Hine, a weaver. Hōne died in May.\n"
    assert found(story, names) == []
    slip = "Tangi\n\nHōne Tūtaki was a soldier, and Hone Tūtaki a weaver. Hōne died in May.\n"
    assert found(story, slip) == [(3, 32, "NL301", "Hone", "Hōne")]


def test_a_surname_less_its_last_letter_never_introduced_is_a_slip_of_the_introduced_one(story):
    slip = ("Fire nears town\n\nFire chief Kevin Beaulieu said crews were ready. Beaulieu said the wind had dropped.\n"
            "Beaulie said the plant was safe.\n")
    assert found(story, slip) == [(4, 1, "NL301", "Beaulie", "Beaulieu")]
    plural = "Clan\n\nTom Geraghty met the Geraghtys. Mr Geraghty said so, and Geraghty left.\n"
    assert found(story, plural) == []
