"""Issue 15, quadratic scans: each input shape that once took time in the square of its length is linted whole, in a
process of its own with a time and a memory limit, and what is found in it is still found where it is."""

from __future__ import annotations

import json
import os
import random
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import layout, text
from newslint.document.document import Document
from newslint.document.source import Source

MEMORY_LIMIT = 1024**3  # the bound for any input
# Each input below is linted in about two seconds at most on an idle machine (start-up included) and took from 15 s
# to hours before; the limit leaves room for a loaded machine. benchmarks/linearity.py draws the curves.
TIME_LIMIT = 15.0
SIZE = 512 * 1024  # bytes of a pathological run
LARGE = 1024 * 1024  # for the shapes whose old cost grew more slowly


def lint(folder: Path, name: str, draft: str, *codes: str) -> list[tuple[int, int, str, str]]:
    """Line, column, code and message of each diagnostic of the selected rules, from the real command."""
    (folder / "newslint.toml").write_text("", encoding="utf-8")
    path = folder / name
    path.write_text(draft, encoding="utf-8")

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    done = subprocess.run([sys.executable, "-m", "newslint", "--format", "json", "--select", ",".join(codes), name],
                          cwd=folder, capture_output=True, timeout=TIME_LIMIT, preexec_fn=limit_memory,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode in (0, 1), done.stderr.decode()
    found = json.loads(done.stdout)["diagnostics"]
    return [(d["line"], d["column"], d["code"], d["message"]) for d in found]


def column_of(line: str, needle: str) -> int:
    """1-based column of the last occurrence of needle in one line of text."""
    return line.rindex(needle) + 1


def test_long_run_of_address_characters_with_no_at_sign(tmp_path):
    run = "jane.doe." * (SIZE // 9)
    line = f"Write to TK@example.com or {run} TK."
    assert lint(tmp_path, "story.txt", f"Contact\n\n{line}\n", "NL405") == [
        (3, column_of(line, "TK"), "NL405", "Placeholder 'TK' left in the copy")]  # the first TK is an address


def test_long_run_of_labels_and_dots_that_ends_in_no_domain(tmp_path):
    line = "See " + "ab.c" * (SIZE // 4) + " TK and gov.uk/TK."
    assert lint(tmp_path, "story.txt", f"Dots\n\n{line}\n", "NL405") == [
        (3, line.index("TK") + 1, "NL405", "Placeholder 'TK' left in the copy")]  # the second TK is an address's


def test_thousands_of_quotations_set_down_as_spoken(tmp_path):
    quote = '"I telt them fae the start," she said. '
    line = quote * (SIZE // len(quote)) + '"I telt them fae the start, it wis a goverment decision," he said.'
    assert lint(tmp_path, "story.txt", f"Quotes\n\n{line}\n", "NL101", "NL201") == [
        (3, column_of(line, "goverment"), "NL101", "Unknown word 'goverment'")]  # a long word is weighed still


def test_long_run_of_footnote_openings_never_closed(tmp_path):
    line = "Text " + "[^a" * (SIZE // 3) + " TK."
    assert lint(tmp_path, "story.md", f"# Notes\n\n{line}\n", "NL405") == [
        (3, column_of(line, "TK"), "NL405", "Placeholder 'TK' left in the copy")]


def test_long_run_of_digits(tmp_path):
    line = "The figure was " + "1234567890" * (SIZE // 10) + " TK."
    assert lint(tmp_path, "story.txt", f"Figures\n\n{line}\n", "NL405") == [
        (3, column_of(line, "TK"), "NL405", "Placeholder 'TK' left in the copy")]


def test_many_html_comments_never_closed(tmp_path):
    line = "Text <!-- TK --> " + "word <!-- note " * (SIZE // 15) + "TK."
    assert lint(tmp_path, "story.txt", f"Notes\n\n{line}\n", "NL405") == [
        (3, column_of(line, "TK"), "NL405", "Placeholder 'TK' left in the copy")]


def test_run_of_full_stops_with_no_space_after_it(tmp_path):
    line = "Wait" + "." * SIZE + "TK then Pyongyang, Pyongyang and Pyonyang."
    found = lint(tmp_path, "story.txt", f"Dots\n\n{line}\n", "NL301", "NL405")
    assert found == [(3, column_of(line, "TK"), "NL405", "Placeholder 'TK' left in the copy"),
                     (3, column_of(line, "Pyonyang"), "NL301",
                      "'Pyonyang' is written 'Pyongyang' elsewhere in this story (2 times)")]


def test_thousands_of_sentences_in_one_paragraph(tmp_path):
    line = "Yes. " * (SIZE // 5) + "Officials in Pyongyang, Pyongyang and Pyonyang."
    assert lint(tmp_path, "story.txt", f"Talks\n\n{line}\n", "NL301") == [
        (3, column_of(line, "Pyonyang"), "NL301", "'Pyonyang' is written 'Pyongyang' elsewhere in this story "
                                                 "(2 times)")]


def test_a_name_written_in_a_minority_form_thousands_of_times(tmp_path):
    paragraphs = ["Kim Jong-un.", "Kim Jong-un.", "Kim Jong-Un."]
    count = SIZE // 42
    found = lint(tmp_path, "story.txt", "Summit\n\n" + "\n\n".join(paragraphs * count) + "\n", "NL301")
    message = f"'Jong-Un' is written 'Jong-un' elsewhere in this story ({2 * count} times)"
    assert found and found == [(7 + 6 * n, 5, "NL301", message) for n in range(len(found))]  # however many shown


def test_thousands_of_names_one_letter_apart_are_a_family_not_slips(tmp_path):
    family = ", ".join(f"Ba{chr(0x4E00 + n)}" for n in range(4000))  # Ba一, Ba丁, Ba丂 ...
    line = "Pyongyang, Pyongyang and Pyonyang."
    assert lint(tmp_path, "story.txt", f"Names\n\n{family}.\n\n{line}\n", "NL301") == [
        (5, column_of(line, "Pyonyang"), "NL301", "'Pyonyang' is written 'Pyongyang' elsewhere in this story "
                                                 "(2 times)")]


def test_long_run_of_blanks_in_a_story_with_a_name_variant(tmp_path):
    line = "Pyongyang, Pyongyang and Pyonyang" + " " * SIZE + "talks."
    assert lint(tmp_path, "story.txt", f"Talks\n\n{line}\n", "NL301") == [
        (3, column_of(line, "Pyonyang"), "NL301", "'Pyonyang' is written 'Pyongyang' elsewhere in this story "
                                                 "(2 times)")]


def test_thousands_of_team_sheets(tmp_path):
    sheet = "Horgan, Horgan, Horgan, Horan.\n\n"  # two names on one sheet are two people, not a slip
    count = LARGE // len(sheet)
    line = "Pyongyang, Pyongyang and Pyonyang."
    assert lint(tmp_path, "story.txt", "Squad\n\n" + sheet * count + line + "\n", "NL301") == [
        (3 + 2 * count, column_of(line, "Pyonyang"), "NL301",
         "'Pyonyang' is written 'Pyongyang' elsewhere in this story (2 times)")]


def test_quotes_opened_over_and_over_inside_one_paragraph(tmp_path):
    pile = "\u2018a \u201cb\u201d " * (LARGE // 20)
    stray = "A stray\u201d mark."
    draft = f"Quotes\n\n{pile}\n\n\u201cThen,\u201d she said.\n\n{stray}\n"
    assert lint(tmp_path, "story.txt", draft, "NL403") == [
        (7, column_of(stray, "\u201d"), "NL403", "Closing quotation mark '\u201d' has no opening mark")]


def test_thousands_of_bracketed_abbreviations_in_one_paragraph(tmp_path):
    pile = "the staff of the group (sotg) met " * (SIZE // 34)
    line = pile + "and a slip, teh end."
    assert lint(tmp_path, "story.txt", f"Abbreviations\n\n{line}\n", "NL101") == [
        (3, column_of(line, "teh"), "NL101", "Unknown word 'teh'")]


def test_a_quote_left_open_before_thousands_of_short_lines(tmp_path):
    lines = "\n".join(["\u201cWhen the river wears no ice,"] + ["Count your blessings once, not twice"] * (SIZE // 36))
    found = lint(tmp_path, "story.txt", f"Verse\n\n{lines}\n", "NL403")
    assert found == [(3, 1, "NL403", "Quotation mark '\u201c' is never closed in this paragraph")]


def test_stray_closing_tags_over_a_pile_of_open_ones(tmp_path):
    piles = "<li>a " * (LARGE // 6)  # list items need no closing tag: never reported
    line = piles + "</b> " * 2000 + "end"
    found = lint(tmp_path, "story.txt", f"Tags\n\n{line}\n", "NL402")
    assert found and found == [(3, len(piles) + 1 + 5 * n, "NL402", "Closing tag '</b>' has no opening tag")
                               for n in range(len(found))]  # however many shown


def test_thousands_of_list_markers_and_one_stray_bracket(tmp_path):
    line = "a) " * (SIZE // 3) + "end )"
    assert lint(tmp_path, "story.txt", f"List\n\n{line}\n", "NL404") == [
        (3, len(line), "NL404", "Closing bracket ')' has no opening bracket")]


def test_bracketed_notes_never_closed(tmp_path):
    line = "[TK] " + "[insert name " * (SIZE // 13) + "TK."
    assert lint(tmp_path, "story.txt", f"Notes\n\n{line}\n", "NL405") == [
        (3, 1, "NL405", "Placeholder '[TK]' left in the copy"),
        (3, column_of(line, "TK"), "NL405", "Placeholder 'TK' left in the copy")]


def test_a_metadata_block_of_many_lines(tmp_path):
    count = LARGE // 11
    draft = "Headline\n\nBody TK.\n\n" + "TAGS: news\n" * count + "SLUG:\n"
    assert lint(tmp_path, "story.txt", draft, "NL401", "NL405") == [
        (3, 6, "NL405", "Placeholder 'TK' left in the copy"),
        (5 + count, 1, "NL401", "Empty metadata field 'SLUG:'")]


def test_toml_front_matter_with_a_long_run_of_blanks_in_a_value(tmp_path):
    draft = '+++\ntitle = "a' + " " * SIZE + 'b"\n+++\n\nBody TK.\n'
    assert lint(tmp_path, "story.md", draft, "NL405", "NL409") == [(5, 6, "NL405", "Placeholder 'TK' left in the copy")]


def test_backtick_runs_that_never_close(tmp_path):
    runs = " ".join("`" * n + "x" for n in range(2, 1000))  # 0.5 MB of backticks, no two runs the same length
    line = f"Code `TK` then {runs} TK."
    assert lint(tmp_path, "story.md", f"# Code\n\n{line}\n", "NL405") == [
        (3, column_of(line, "TK"), "NL405", "Placeholder 'TK' left in the copy")]


def test_a_paragraph_of_opening_brackets_in_markdown(tmp_path):
    line = "[" * LARGE + " TK."
    assert lint(tmp_path, "story.md", f"# Links\n\n{line}\n", "NL405") == [
        (3, column_of(line, "TK"), "NL405", "Placeholder 'TK' left in the copy")]


# -- the linear scans find what the regexes they replace found ---------------------------------------------------
OLD_NON_PROSE_RE = re.compile(
    r"""<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&[A-Za-z]+;|&\#\d+;|\b(?:https?|ftp)://[^\s<>"\u201d]+
      |\bwww\.[^\s<>"\u201d]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])[@\#][A-Za-z_][\w]*""", re.VERBOSE | re.DOTALL)
OLD_CODE_SPAN_RE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
OLD_BOUNDARY_RE = re.compile(r"[.!?]+[" + re.escape(text.CLOSERS) + r"]*\s+")
MARKUP_PIECES = list("ab1_.+-@#<>!/&;:` \n\"\u201d") + ["<!--", "-->", "http://", "www.", "a@b.co", "<b>", "``"]
MARKUP = st.lists(st.sampled_from(MARKUP_PIECES + ["&amp;"]), max_size=40).map("".join)
PROSE_PIECES = list("aAM.!?\u201d) \n1") + ["Mr.", "U.S.", "e.g. ", "\u201c"]
PROSE = st.lists(st.sampled_from(PROSE_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKUP)
def test_non_prose_spans_are_those_of_the_single_regex(draft):
    expected = [(m.start(), m.start() + len(layout._trim_address(m.group())))
                for m in OLD_NON_PROSE_RE.finditer(draft)]
    assert list(layout.non_prose_spans(draft, 0, len(draft))) == expected


@settings(max_examples=300, deadline=None)
@given(MARKUP)
def test_code_spans_are_those_of_the_regex(draft):
    assert layout._code_spans(draft, 0, len(draft)) == [m.span() for m in OLD_CODE_SPAN_RE.finditer(draft)]


@settings(max_examples=300, deadline=None)
@given(PROSE)
def test_sentence_starts_are_those_of_splitting_the_paragraph(paragraph):
    def splitting(draft: str) -> list[int]:  # the former reading: the words before every full stop split anew
        starts = [len(draft) - len(draft.lstrip())] if draft.strip() else []
        for m in OLD_BOUNDARY_RE.finditer(draft):
            following = draft[m.end():m.end() + 1]
            if not following or not (following.isupper() or following.isdigit() or following in text.OPENERS):
                continue
            if m.group().rstrip().rstrip(text.CLOSERS) == ".":
                before = draft[:m.start()].split()
                last = before[-1].lstrip(text.OPENERS) if before else ""
                if last.rpartition("-")[2].lower() in text.ABBREVIATIONS or \
                        re.match(r"(?:[A-Za-z]\.)+[A-Za-z]?$", last + ".") or (len(last) == 1 and last.isalpha()):
                    continue
            starts.append(m.end())
        return starts

    assert text.sentence_starts(paragraph) == splitting(paragraph)


@pytest.mark.parametrize("draft", ["@desk.TK@example.com and TK", "a@b.co+TK@example.com TK", "<!-- TK --> TK"])
def test_an_address_straight_after_a_handle_or_an_address_is_not_prose(draft):
    doc = Document(Source("story.txt", f"Head\n\n{draft}\n", "utf-8", False))
    assert doc.prose.count("TK") == 1


def test_thousands_of_invented_two_word_names(tmp_path):
    rng = random.Random(19)

    def name() -> str:
        return "Xq" + "".join(rng.choice("bcdfghjklmnpqrstvwxz") + rng.choice("aeiou") for _ in range(2))

    lines, size = [], 0
    while size < SIZE:  # each name's first word asks what the story writes before the word after it (NL101)
        lines.append("The members met " + " and ".join(f"{name()} {name()}" for _ in range(5)) + " on Monday.")
        size += len(lines[-1]) + 2
    line = "Miss Adeyemi chaired the panel, and Mis Adeyemi closed it."
    found = lint(tmp_path, "story.txt", "Members\n\n" + "\n\n".join(lines) + f"\n\n{line}\n", "NL101")
    assert found == [(3 + 2 * len(lines), column_of(line, "Mis "), "NL101", "Unknown word 'Mis'")]
