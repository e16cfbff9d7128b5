"""The text format's view of a source line: a window sized to the terminal, the caret under the span."""

from __future__ import annotations

import pytest
from conftest import run_cli

from newslint.reporters.text_format import cells, window

LONG = ("In a statement released late on Tuesday the regional council said that the the harbour "
        "redevelopment would go ahead despite objections from residents, fishermen and two local MPs.")


def test_a_line_that_fits_is_shown_whole():
    assert window("The the cat.", 4, 7, 40) == ("The ", "the", " cat.")


def test_a_long_line_is_cut_around_the_span_and_marked_at_both_ends():
    start = LONG.index("the the") + 4
    assert window(LONG, start, start + 3, 40) == ("…il said that the ", "the", " harbour redevelop…")


def test_span_near_the_start_gives_its_unused_context_to_the_right():
    assert window(LONG, 3, 4, 30) == ("In ", "a", " statement released late…")


def test_span_near_the_end_gives_its_unused_context_to_the_left():
    end = len(LONG) - 1
    assert window(LONG, end - 3, end, 30) == ("…fishermen and two local ", "MPs", ".")


def test_a_span_wider_than_the_room_is_shown_from_its_start():
    assert window("x" * 10 + "y" * 100, 10, 110, 20) == ("…", "y" * 18, "…")


def test_wide_characters_take_two_columns():
    line = "東京" * 30 + " teh " + "東京" * 30
    start = line.index("teh")
    before, span, after = window(line, start, start + 3, 40)
    assert (before, span, after) == ("…東京東京東京東京 ", "teh", " 東京東京東京東京…")
    assert (cells(before), cells(before + span + after)) == (18, 39)


def carets_under(lines: list[str]) -> str:
    """The text of the excerpt line above the carets."""
    excerpt, carets = lines[1], lines[2]
    first = carets.index("^")
    return excerpt[first:first + carets.count("^")]


@pytest.mark.parametrize(("columns", "excerpt"), [
    ("60", "    3 | … council said that the the harbour redevelopment …"),
    ("100", "    3 | …Tuesday the regional council said that the the harbour redevelopment would go ahead despi…"),
])
def test_the_excerpt_fits_the_terminal_with_the_caret_under_the_span(story, tmp_path, monkeypatch, columns, excerpt):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", columns)
    story(f"Council backs harbour plan\n\n{LONG}\n")
    lines = run_cli("story.txt", "--select", "NL501").out.splitlines()
    assert lines[0] == "story.txt:3:76: NL501 repeated-word [error] Repeated word 'the'"
    assert lines[1] == excerpt
    assert cells(lines[1]) < int(columns)
    assert carets_under(lines) == "the"
    assert lines[1][lines[2].index("^") - 4:lines[2].index("^")] == "the "


def test_a_pipe_is_80_columns(story, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    story(f"Council backs harbour plan\n\n{LONG}\n")
    lines = run_cli("story.txt", "--select", "NL501").out.splitlines()
    assert cells(lines[1]) == 79
    assert carets_under(lines) == "the"


def test_wide_characters_keep_the_caret_under_the_span(story, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "60")
    story("Tokyo notes\n\n" + "東京" * 30 + " the the " + "東京" * 30 + "\n")
    lines = run_cli("story.txt", "--select", "NL501").out.splitlines()
    assert cells(lines[1]) < 60
    # the caret's column, counted in cells, is where the second 'the' starts in the excerpt
    assert lines[2] == " " * cells(lines[1][:lines[1].index("the the") + 4]) + "^^^"


def test_an_emoji_family_keeps_its_joiners_and_a_control_character_is_shown_as_a_replacement(story, tmp_path,
                                                                                              monkeypatch):
    monkeypatch.chdir(tmp_path)
    story("Family day\n\nA \U0001F468\u200d\U0001F469\u200d\U0001F467 family\x07 and the the dog.\n")
    lines = run_cli("story.txt", "--select", "NL501").out.splitlines()
    assert lines[1] == "    3 | A \U0001F468\u200d\U0001F469\u200d\U0001F467 family\ufffd and the the dog."
    assert lines[2] == " " * cells(lines[1][:lines[1].index("the the") + 4]) + "^^^"


def test_an_excerpt_cut_from_a_longer_line_is_marked_cut_even_where_it_fits():
    assert window("said the the harbour", 9, 12, 80, cut_before=True, cut_after=True) == (
        "…said the ", "the", " harbour…")
    assert window("said the the harbour", 9, 12, 80, cut_after=True) == ("said the ", "the", " harbour…")


def test_a_located_item_keeps_a_window_of_its_line_not_the_line():
    from newslint.document.document import Document
    from newslint.document.source import Source
    from newslint.engine.diagnostic import Diagnostic, Severity, Span
    from newslint.engine.linter import FileResult
    from newslint.engine.report import EXCERPT_MARGIN, locate

    line = "x" * 100_000 + " the the " + "y" * 100_000
    start = line.index("the the") + 4
    doc = Document(Source("story.txt", f"Headline\n\n{line}\n", "utf-8", False))
    found = Diagnostic("NL501", "repeated-word", "Repeated word 'the'", Span(start + 10, start + 13), Severity.ERROR)
    [item] = locate(FileResult(doc, [found]))
    assert (item.line, item.column) == (3, start + 1)
    assert item.excerpt.text == line[start - EXCERPT_MARGIN:start + 3 + EXCERPT_MARGIN]
    assert (item.excerpt.column, item.excerpt.cut_before, item.excerpt.cut_after) == (
        start - EXCERPT_MARGIN + 1, True, True)
