"""The one-sweep forms of per-token questions answer as the per-token ones do."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.document.document import Document
from newslint.document.source import decode, read_source

TESTS = Path(__file__).resolve().parent
SAMPLES = sorted(p for p in [*TESTS.glob("rules/*/*.txt"), *TESTS.glob("rules/*/*.md"), *TESTS.glob("corpus/**/*.*")]
                 if p.suffix in (".txt", ".md"))
ODD = ["He said: “No.” — and then: ‘Yes.’\n\nWait... “Really?” (Yes.) [Maybe.] — Fine.\n",
       "One.  Two.\r\n\r\n\u2014 Three. \u2013 Four: five.\n", "   \n", "", ". . . A. B", "x\n:\ny \u201c(z"]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.relative_to(TESTS).as_posix())
def test_sentence_openers_are_the_tokens_that_open_a_sentence(path):
    doc = Document(read_source(path, str(path), None))
    assert list(doc.sentence_openers()) == [s for s in doc.tokens.starts if doc.opens_sentence(s)]


@pytest.mark.parametrize("text", ODD)
def test_sentence_openers_after_quotes_dashes_and_colons(text):
    doc = Document(decode(text.encode(), "odd.txt", None))
    assert list(doc.sentence_openers()) == [s for s in doc.tokens.starts if doc.opens_sentence(s)]


@pytest.mark.parametrize(("paragraph", "openers"), [
    ("The show opened on Nov. 2. My idea of it changed.", ["The", "My"]),  # a number is no initial
    ("It went to J. Smith. He sang.", ["It", "He"]),
])
def test_a_full_stop_after_a_single_letter_is_an_initial_and_after_a_number_ends_the_sentence(paragraph, openers):
    doc = Document(decode(paragraph.encode(), "story.txt", None))
    assert [doc.text[s:doc.text.index(" ", s)] for s in doc.sentence_openers()] == openers


@pytest.mark.parametrize(("paragraph", "openers"), [
    ("Guests included the ex-Mrs. Bud Arvey. She sang.", ["Guests", "She"]),
    ("The ex-Gov. Daniel spoke; Lt.-Gen. Ross did not. Then rain.", ["The", "Then"]),
    ("He was the ex-mayor. Bud Arvey sang.", ["He", "Bud"]),  # a hyphenated word is no abbreviation for its end
])
def test_an_abbreviation_after_a_hyphen_ends_no_sentence(paragraph, openers):
    doc = Document(decode(paragraph.encode(), "story.txt", None))
    assert [doc.text[s:doc.text.index(" ", s)] for s in doc.sentence_openers()] == openers
