"""Structure rules NL403-NL410: one fixture per rule with exact line, column, code and suggestion."""

from __future__ import annotations

import pytest

from newslint.document.document import Document
from newslint.document.source import decode


def found(cli, path, codes: str, *extra: str) -> list[tuple[int, int, str, str | None]]:
    result = cli("--format", "json", "--select", codes, *extra, str(path))
    assert result.err == ""
    return [(d["line"], d["column"], d["code"], d["suggestions"][0] if d["suggestions"] else None)
            for d in result.json["diagnostics"]]


QUOTES = (
    "Minister under fire\n"
    "\n"
    "The minister said: \u201cWe will not back down, she said, and left.\n"
    "Aides said \u201cno comment\u201d and \u201cwait\u201d.\n"
    "Then \"yes and she left.\n"
    "It was over. Nobody spoke.\n"
    "\u201cHe called it \u2018a farce\u2019 and the Joneses\u2019 plan \u2018mad\u2019,\u201d she said of Jones\u2019 plan.\n"
    "\u201cWe have run out of money, she wrote.\n"
    "\u201cSo the shop shuts on Friday.\u201d\n"
    "It is the \u201990s again, he said.\n"
)


def test_unbalanced_quote(cli, story):
    assert found(cli, story(QUOTES), "NL403") == [
        (3, 20, "NL403", None),  # opened, the speaker named inside it, and the next paragraph no quote
        (5, 6, "NL403", None),  # straight quote opened and never closed
    ]


def test_quote_broken_across_paragraphs_is_one_quote_but_a_stray_closer_is_not(cli, story):
    text = "Ministers met\n\nShe said: \u201cWe will go on.\nAnd we will win,\u201d she said.\nIt was over.\u201d Nobody spoke.\n"
    assert found(cli, story(text), "NL403") == [(5, 13, "NL403", None)]


def test_multi_paragraph_quote_and_apostrophes_are_not_flagged(cli, story):
    text = ("Budget row\n\n\u201cWe have run out of money,\n\u201cand nobody will say so.\n"
            "\u201cBut we will,\u201d she said of the Smiths\u2019 \u2018rescue\u2019 plan.\n")
    assert found(cli, story(text), "NL403") == []


def test_speech_running_to_the_end_of_a_paragraph_reads_as_a_quote_running_on(cli, story):
    text = ("Campaign trail\n\nShe said: \u201cWe lost the vote. It was very disappointing.\n"
            "This time it really is different. \u201cWhoever runs the campaign has got it right.\u201d\n"
            "He replied: \u201cWe will see, he said.\nThe talks went on.\n")
    assert found(cli, story(text), "NL403") == [(5, 13, "NL403", None)]


def test_quote_reopened_after_a_full_stop_runs_on_but_not_after_a_colon(cli, story):
    text = ("Budget row\n\n\u201cWe are broke. \u201cAnd we will stay broke,\u201d she said.\n"
            "He said: \u201cI lost. He added: \u201cThey failed.\u201d\n")
    assert found(cli, story(text), "NL403") == [(4, 10, "NL403", None)]


def test_unclosed_quote_message_names_the_mark(cli, story):
    result = cli("--format", "concise", "--select", "NL403", str(story("Row\n\nHe said \"no and left.\n")))
    assert result.out.splitlines()[0].endswith("3:9: NL403 [warning] Quotation mark '\"' is never closed in this paragraph")


def test_unbalanced_bracket(cli, story):
    text = ("Results\n\n"
            "The firm (which lost money said so.\n"
            "The options are a) sell and b) wait :) fine (really).\n"
            "See the report (page 4].\n"
            "Profits rose) sharply.\n")
    assert found(cli, story(text), "NL404") == [
        (3, 10, "NL404", None),
        (5, 23, "NL404", None),
        (6, 13, "NL404", None),
    ]


def test_placeholder(cli, story):
    text = ("Fire TK\n\n"
            "The fire killed TK people and hurt XX more, costing \u00a3XX,XXX.\n"
            "Add quote here [CHECK] and the [link] and TKTK. Lorem ipsum dolor.\n"
            "Shoppers at TK Maxx watched Super Bowl XX on TV???\n")
    assert found(cli, story(text), "NL405") == [
        (1, 6, "NL405", None),
        (3, 17, "NL405", None),
        (3, 36, "NL405", None),
        (3, 54, "NL405", None),
        (4, 16, "NL405", None),
        (4, 32, "NL405", None),
        (4, 43, "NL405", None),
        (4, 49, "NL405", None),
        (5, 48, "NL405", None),
    ]


def test_press_release_end_mark_in_plain_text(cli, story):
    path = story("Budget\n\nThe vote was close.\n\n  ###\n\nNotes to editors follow.\n")
    result = cli("--format", "concise", "--select", "NL405", str(path))
    assert result.out.splitlines()[0] == f"{path}:5:3: NL405 [error] End mark '###' left in the copy"


def test_markdown_link_named_link_is_not_a_placeholder(cli, story):
    path = story("# Story\n\nRead the [link](https://example.org/a) and the [link] too.\n", "story.md")
    assert found(cli, path, "NL405") == [(3, 48, "NL405", None)]


def test_empty_heading_in_markdown(cli, story):
    text = ("# Council votes\n\n"
            "## Reaction\n"
            "## Background\n\n"
            "The vote was close.\n\n"
            "### Figures\n\n"
            "```\nyes 5, no 4\n```\n\n"
            "## Next steps\n")
    assert found(cli, story(text, "story.md"), "NL406") == [(3, 1, "NL406", None), (14, 1, "NL406", None)]


def test_empty_headline_before_metadata_in_plain_text(cli, story):
    assert found(cli, story("Council votes\n\nTAGS: council\n"), "NL406") == [(1, 1, "NL406", None)]
    assert found(cli, story("Council votes\n\nThe vote was close.\n\nTAGS: council\n"), "NL406") == []


def test_doubled_space(cli, story):
    text = ("Budget  day\n\n"
            "The minister  said so.  Then she left.\n"
            "Use `a  b` in code.  \n"
            "| cell  | other |\n")
    assert found(cli, story(text, "story.md"), "NL407") == [
        (1, 7, "NL407", " "),
        (3, 13, "NL407", " "),
        (3, 23, "NL407", " "),
    ]


def test_doubled_punctuation(cli, story):
    text = ("Budget day\n\n"
            "The firm said,, adding that;; sales fell.. And the U.S.. But wait...\n"
            "Really?! Pages 1..5 said: fine,. Done::\n")
    assert found(cli, story(text), "NL408") == [
        (3, 14, "NL408", ","),
        (3, 28, "NL408", ";"),
        (3, 41, "NL408", "."),
        (3, 55, "NL408", "."),
        (4, 31, "NL408", "."),
        (4, 38, "NL408", ":"),
    ]


@pytest.mark.parametrize(("before", "after"), [
    ("Budget day\n\nThe minister  said,, so.\n", "Budget day\n\nThe minister said, so.\n"),
    ("Budget day\n\nIt fell.. Then rose.\n", "Budget day\n\nIt fell.. Then rose.\n"),  # ".." is an unsafe fix
])
def test_safe_fixes(cli, story, before, after):
    path = story(before)
    cli("--fix", "--select", "NL407,NL408", str(path))
    assert path.read_text(encoding="utf-8") == after


EMPHASIS = (
    "# Budget **winners** and losers\n"
    "\n"
    "The minister said the plan was **essential for growth.\n"
    "\n"
    "A **bold** claim, a snake__case__name and `a **code** span`.\n"
    "\n"
    "It was __really__ good, then stray** here, and 2 ** 3 is eight.\n"
    "\n"
    "Bold may run **over\n"
    "two lines** of a paragraph.\n"
)


def test_unclosed_emphasis_in_markdown(cli, story):
    assert found(cli, story(EMPHASIS, "budget.md"), "NL410") == [(3, 32, "NL410", ""), (7, 35, "NL410", "")]
    assert found(cli, story(EMPHASIS, "budget.txt"), "NL410") == []  # plain text has no bold markers


def test_structure_rules_document_themselves(cli):
    for code in ("NL403", "NL404", "NL405", "NL406", "NL407", "NL408", "NL410", "NL901"):
        out = cli("rule", code).out
        for heading in ("What it does:", "Why it matters:", "Example:", "Fix safety:"):
            assert heading in out, (code, heading)


@pytest.mark.parametrize(("first_line", "kind"), [
    ("Council votes to close two libraries", "headline"),
    ("Council votes to close two libraries.", "headline"),  # short: a headline, full stop or not
    ("Why did the council close two libraries and a pool in the week before the budget was even set out?", "headline"),
    ("The council voted on Tuesday to close two libraries and a pool, saying the cuts were the only way to balance "
     "its books.", "paragraph"),  # a sentence longer than any heading: copy filed with no headline
])
def test_a_first_line_standing_alone_is_the_headline_unless_it_is_a_sentence(first_line, kind):
    doc = Document(decode(f"{first_line}\n\nCouncillors said it was the hardest decision.\n".encode(), "s.txt", None))
    assert doc.blocks[0].kind == kind


@pytest.mark.parametrize(("line", "kind"), [
    ("Results from the second round", "heading"),
    ("Round 3", "heading"),  # one figure: still a heading
    ("2 Knockroe Lass 8-11-8 (Aidan Mulcahy) Patrick Daly 12/1", "paragraph"),  # a racecard's runner
    ("Mei Ling Chau (HKG) d [29] Daria Orlova (UKR) 3-6 6-3 6-2", "paragraph"),  # a results line
])
def test_a_short_line_ending_in_a_figure_with_another_is_a_row_of_data_not_a_heading(line, kind):
    doc = Document(decode(f"Galway Plate runners\n\nThe runners were declared.\n\n{line}\n\nMore copy.\n".encode(),
                          "s.txt", None))
    assert [b.kind for b in doc.blocks] == ["headline", "paragraph", kind, "paragraph"]


@pytest.mark.parametrize(("line", "kind"), [
    ("Pirates, Reds and Braves", "heading"),
    (", Dick Stuart, Don Hoak", "paragraph"),  # a list of names broken over lines goes on with its sentence
    ("; and the Braves", "paragraph"),
])
def test_a_short_line_opening_with_a_comma_or_semicolon_goes_on_with_a_sentence(line, kind):
    doc = Document(decode(f"Pittsburgh averages\n\nThe list of averages was long.\n\n{line}\n\nMore copy.\n".encode(),
                          "s.txt", None))
    assert [b.kind for b in doc.blocks] == ["headline", "paragraph", kind, "paragraph"]
