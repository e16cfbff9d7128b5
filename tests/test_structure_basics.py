"""First rules: NL501 repeated-word, NL401 empty-metadata, NL402 unclosed-tag; exact line, column and fix."""

from __future__ import annotations

from pathlib import Path


def found(cli, path: Path, code: str) -> list[tuple[int, int, int, str, list[str]]]:
    """(line, column, end_column, message, suggestions) of each diagnostic of one rule."""
    result = cli("--format", "json", "--select", code, str(path))
    assert result.err == ""
    return [(d["line"], d["column"], d["end_column"], d["message"], d["suggestions"])
            for d in result.json["diagnostics"]]


# -- NL501 repeated-word ------------------------------------------------------------------------------------
REPEATS = (
    "Storm hits coast\n"
    "\n"
    "The storm hit the the coast. The the pier went first.\n"
    "It had had enough, and that that was the end. Duran Duran played.\n"
    "It was the\n"
    "the end, in in a word.\n"
)


def test_repeated_word_positions_and_suggestion(cli, story):
    assert found(cli, story(REPEATS), "NL501") == [
        (3, 19, 22, "Repeated word 'the'", [""]),
        (3, 34, 37, "Repeated word 'the'", [""]),  # "The the": case differs, still a slip
        (6, 13, 15, "Repeated word 'in'", [""]),
    ]


def test_repeated_word_leaves_grammatical_doubles_and_names(cli, story):
    text = "Quiet day\n\nShe had had enough. What it is is clear. Duran Duran played Baden Baden.\n"
    assert found(cli, story(text), "NL501") == []


def test_emphatic_doubles_that_print_often_are_left_but_slips_of_function_words_are_not(cli, story):
    text = ("Quiet day\n\nShe said no no to it, far far away, a very very good and really really long day. "
            "It went to to the vote and of of course he he said so.\n")
    assert [(line, column, message) for line, column, _, message, _ in found(cli, story(text), "NL501")] == [
        (3, 93, "Repeated word 'to'"), (3, 112, "Repeated word 'of'"), (3, 125, "Repeated word 'he'")]


def test_a_species_named_twice_and_a_word_said_three_times_are_left_but_the_the_is_not(cli, story):
    text = ("Swifts\n\nWardens counted Apus apus and Bufo bufo, and fans chanted \"go go go\" at them.\n"
            "The the pier went first. I said, \"Wait wait\" to him. It was a way with it it. It went.\n")
    assert [(line, column, message) for line, column, _, message, _ in found(cli, story(text), "NL501")] == [
        (4, 5, "Repeated word 'the'"), (4, 40, "Repeated word 'wait'"), (4, 75, "Repeated word 'it'")]


def test_is_is_is_a_slip_unless_a_clause_is_the_subject(cli, story):
    text = "Quiet day\n\nThe firm is is also hiring. All it is is a delay.\n"
    assert found(cli, story(text), "NL501") == [(3, 13, 15, "Repeated word 'is'", [""])]


def test_repeated_word_across_a_line_break_is_not_flagged(cli, story):
    assert found(cli, story("Quiet day\n\nIt was the\nthe end.\n"), "NL501") == []


def test_repeated_word_fix_keeps_one_copy(cli, story):
    path = story(REPEATS)
    result = cli("--fix", "--select", "NL501", str(path))
    assert result.code == 0
    assert path.read_text() == (
        "Storm hits coast\n"
        "\n"
        "The storm hit the coast. The pier went first.\n"
        "It had had enough, and that that was the end. Duran Duran played.\n"
        "It was the\n"
        "the end, in a word.\n"
    )


def test_that_that_before_an_article_is_a_slip(cli, story):
    path = story("Storm\n\nShe made sure that that the pier held, and that that was the end.\n")
    assert found(cli, path, "NL501") == [(3, 20, 24, "Repeated word 'that'", [""])]


def test_repeated_word_fix_keeps_crlf_line_endings(cli, story):
    path = story("Storm\r\n\r\nThe the storm hit.\r\n")
    assert cli("--fix", "--select", "NL501", str(path)).code == 0
    assert path.read_bytes() == b"Storm\r\n\r\nThe storm hit.\r\n"


# -- NL401 empty-metadata -----------------------------------------------------------------------------------
def test_empty_metadata_in_a_trailing_block(cli, story):
    text = ("Storm hits coast\n\nThe storm hit the coast.\n\n"
            "LINK:\nTAGS:   \nKEYWORDS: storm, coast\nBYLINE: Jo Bloggs\n")
    assert found(cli, story(text), "NL401") == [
        (5, 1, 6, "Empty metadata field 'LINK:'", []),
        (6, 1, 6, "Empty metadata field 'TAGS:'", []),
    ]


def test_title_case_keys_count_when_they_are_known_fields(cli, story):
    text = ("Storm hits coast\n\nThe storm hit the coast. Note: more rain is due.\n\n"
            "Tags:\nKeywords: storm, coast\nByline: \n")
    assert found(cli, story(text), "NL401") == [
        (5, 1, 6, "Empty metadata field 'Tags:'", []),
        (7, 1, 8, "Empty metadata field 'Byline:'", []),
    ]
    assert found(cli, story("The storm hit the coast.\n\nNote:\n", "note.txt"), "NL401") == []


def test_empty_metadata_in_front_matter(cli, story):
    text = "---\ntitle: Storm\ntags: []\nlink: \"\"\nauthor: Jo\n---\n\n# Storm\n\nIt rained.\n"
    assert found(cli, story(text, "storm.md"), "NL401") == [
        (3, 1, 6, "Empty metadata field 'tags:'", []),
        (4, 1, 6, "Empty metadata field 'link:'", []),
    ]


def test_filled_front_matter_is_clean(cli, story):
    text = "---\ntitle: Storm\ntags: [weather, coast]\n---\n\n# Storm\n\nIt rained.\n"
    assert found(cli, story(text, "storm.md"), "NL401") == []


def test_empty_metadata_has_no_fix(cli, story):
    path = story("Storm\n\nIt rained.\n\nTAGS:\n")
    result = cli("--fix", "--select", "NL401", str(path))
    assert result.code == 1
    assert path.read_text() == "Storm\n\nIt rained.\n\nTAGS:\n"


# -- NL402 unclosed-tag -------------------------------------------------------------------------------------
TAGS = ("Storm\n\n"
        "The <b>general said. He <i>was</i> there.<br> Then </i> he left.\n\n"
        "A <a href=\"https://example.com\">link</a>, a line<br/>break and <em>this.\n\n"
        "Next <span>para</span> is fine.\n")


def test_unclosed_and_stray_tags(cli, story):
    assert found(cli, story(TAGS), "NL402") == [
        (3, 5, 8, "Tag '<b>' is never closed", [""]),
        (3, 52, 56, "Closing tag '</i>' has no opening tag", [""]),
        (5, 64, 68, "Tag '<em>' is never closed", [""]),
    ]


def test_void_and_balanced_tags_are_fine(cli, story):
    text = "Storm\n\nA line<br>break, <b>bold</b>, <img src=\"x.png\"> and <hr/>.\n"
    assert found(cli, story(text), "NL402") == []


def test_unclosed_tag_fix_is_unsafe(cli, story):
    path = story("Storm\n\nThe <b>general said.\n")
    assert cli("--fix", "--select", "NL402", str(path)).code == 1
    assert path.read_text() == "Storm\n\nThe <b>general said.\n"
    assert cli("--fix", "--unsafe-fixes", "--select", "NL402", str(path)).code == 0
    assert path.read_text() == "Storm\n\nThe general said.\n"


def test_a_letter_with_combining_marks_typed_after_it_stays_in_its_word():
    from newslint.document.text import WORD_RE

    # o + U+0323 dot below + U+0301 acute, and o + U+0323 + U+0300 grave: one word each, not cut at the marks
    assert WORD_RE.findall("Olúwadámilo\u0323\u0301lá met Adébáyo\u0323\u0300 in Ìbàdàn") == [
        "Olúwadámilo\u0323\u0301lá", "met", "Adébáyo\u0323\u0300", "in", "Ìbàdàn"]
    assert WORD_RE.findall("\u0301 stray mark, co-op, it\u2019s") == ["stray", "mark", "co-op", "it\u2019s"]


def test_numbers_written_with_signs_are_no_words():
    from newslint.document.text import WORD_RE

    assert WORD_RE.findall("Add \u00bd tsp, 2\u00bc cups, 10m\u00b2 of it, Henry \u2167 and \u2460 a note") == [
        "Add", "tsp", "cups", "m", "of", "it", "Henry", "and", "a", "note"]


def test_words_are_the_runs_of_letters_each_with_its_marks_and_inner_hyphens_or_apostrophes():
    import itertools
    import re

    from newslint.document.text import COMBINING_MARK, NUMBER_SIGNS, WORD_RE

    # WORD_RE's parts written as each letter with its marks, as plainly as they can be: the same words in any string
    letters = rf"(?:[^\W\d_{NUMBER_SIGNS}]{COMBINING_MARK}*)+"
    plain = re.compile(rf"{letters}(?:[-'\u2019]{letters})*")
    alphabet = ["a", "\u00e9", "\u0301", "\u20d0", "-", "'", "\u2019", "1", "_", " ", "\u0416", "\u02b0", "\u00bd"]
    for length in range(1, 6):
        for chars in itertools.product(alphabet, repeat=length):
            text = "".join(chars)
            assert [m.span() for m in WORD_RE.finditer(text)] == [m.span() for m in plain.finditer(text)], text
