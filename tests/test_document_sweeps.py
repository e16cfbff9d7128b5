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


def walked_left(reading, index: int, cut: bool) -> tuple[str, ...]:
    """NL201's context on the left of token `index`, walked back from it word by word: what the gap before each word
    reads and, where the context runs on through it to a word the model knows (not a name's last word when `cut`),
    that word; a sentence's start where the context stops at a sentence opener."""
    from newslint.language.language_model import REACH, SENTENCE_START

    found: list[str] = []
    evidence, texts = reading.evidence, reading.tokens.texts
    while True:
        between, runs_on = reading.gaps[index - 1] if index > 0 else ((), False)
        if not runs_on:
            found += [SENTENCE_START] if reading.tokens.starts[index] in evidence.initial else []
            break
        found += reversed(between)
        if len(between) >= REACH or not reading.known[index - 1] or (
                cut and texts[index - 1][:1].isupper() and evidence.ends_name(index - 1)):
            break
        found.append(reading.words[index - 1])
        index -= 1
        if len(found) >= REACH:
            break
    return tuple(found[:REACH])


def walked_right(reading, index: int) -> tuple[str, ...]:
    """NL201's context on the right of token `index`, walked forward from it word by word."""
    from newslint.language.language_model import REACH

    found: list[str] = []
    while True:
        between, runs_on = reading.gaps[index]
        found += between
        if not (runs_on and index + 1 < len(reading.words) and len(between) < REACH and reading.known[index + 1]):
            break
        found.append(reading.words[index + 1])
        index += 1
        if len(found) >= REACH:
            break
    return tuple(found[:REACH])


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.relative_to(TESTS).as_posix())
def test_real_word_contexts_swept_once_are_those_walked_word_by_word(path):
    from newslint.language.language_model import LanguageModel
    from newslint.language.lexicon import Lexicon
    from newslint.language.names import NameEvidence
    from newslint.rules.real_word_error import Reading

    doc = Document(read_source(path, str(path), None))
    reading = Reading(doc, LanguageModel.load(), doc.derived(NameEvidence), Lexicon.load("en-GB").is_word)
    for cut in (True, False):
        assert [reading.window(i, cut) for i in range(len(doc.tokens))] == [
            (walked_left(reading, i, cut), walked_right(reading, i)) for i in range(len(doc.tokens))]
