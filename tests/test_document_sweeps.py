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
