"""The spelling standard a story mostly uses (on a tie, the one it uses first), from its dialect-marked words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import NamedTuple

from newslint.document.document import Document
from newslint.document.text import TITLES, Token
from newslint.engine.diagnostic import Span
from newslint.engine.tuning import tuned
from newslint.language.lexicon import AMERICAN_FORM, AUTO, SPELLING, DialectMark, Lexicon
from newslint.language.memo import Memo
from newslint.language.names import NameEvidence, is_capitalised, strip_possessive


class MarkedWord(NamedTuple):
    """A word, or a part of a hyphenated word, spelt the way of one standard."""

    span: Span
    text: str  # as written
    mark: DialectMark


def in_name(evidence: NameEvidence, token: Token, index: int) -> bool:
    """A capitalised word the story shows to be a name or part of one: with the evidence the other rules use (Lincoln
    Center, the Labor Party), or, opening a sentence or in a headline, beside a word that looks like a name (Centre
    Parcs opened) or before a capitalised title (Defence Secretary Geoff Hoon). An acronym beside it is no such
    evidence (Colour TV arrived)."""
    if not is_capitalised(token.text):
        return False
    if evidence.looks_like_name(token, index):
        return True
    tokens = evidence.doc.tokens
    for left, right in ((index - 1, index), (index, index + 1)):
        if left < 0 or right >= len(tokens) or not evidence.joined(left, right):
            continue
        other = left if right == index else right
        word = strip_possessive(tokens[other].text)
        if not is_capitalised(word) or word.isupper():
            continue
        if other == right and word.lower() in TITLES:
            return True
        opening = tokens[other].start in evidence.initial and word.lower() in evidence.lower_forms  # "The", "But"
        if word.lower() not in TITLES and not opening and evidence.looks_like_name(tokens[other], other):
            return True
    return False


def spelt_parts(doc: Document, wanted: Callable[[str], bool] | None = None) -> Iterator[tuple[int, str]]:
    """Each word of the prose a spelling standard applies to, with its start offset, hyphenated words part by part
    (_parts); not names. Offsets, not Spans: every word is looked at and few are marked (a Span made for each took a
    third of a story's count). With `wanted`, a word none of whose parts is wanted is passed over: each different
    word is asked once."""
    evidence = doc.derived(NameEvidence)
    tokens = doc.tokens
    starts, texts = tokens.starts, tokens.texts
    passed_over = set() if wanted is None else _passed_over(set(texts), wanted)
    for index in [index for index, text in enumerate(texts) if text not in passed_over]:
        text = texts[index]
        if text[:1].isupper() and in_name(evidence, tokens[index], index):  # in_name: never a word in lower case
            continue
        yield from _parts(starts[index], text)


def _passed_over(spellings: set[str], wanted: Callable[[str], bool]) -> set[str]:
    """The spellings none of whose parts (_parts) is wanted; a spelling with no hyphen is one part, the word less a
    possessive, and is asked of without making the list of its parts."""
    over = {text for text in spellings if "-" not in text and not wanted(strip_possessive(text))}
    over.update(text for text in spellings if "-" in text and not any(wanted(part) for _, part in _parts(0, text)))
    return over


def _parts(offset: int, text: str) -> list[tuple[int, str]]:
    """The parts of a word written at `offset` that a spelling standard applies to, each with its offset: the word
    less a possessive, a hyphenated one part by part less a capitalised part after a hyphen (anti-Labour,
    pro-Harbor), which is a name."""
    word = strip_possessive(text)
    if "-" not in word:
        return [(offset, word)]
    parts = []
    for position, part in enumerate(word.split("-")):
        if not (position and is_capitalised(part)):
            parts.append((offset, part))
        offset += len(part) + 1
    return parts


OFFERS_REMEMBERED = tuned(
    65_536, means="answers of StoryDialect.offers kept per document before the memo is cleared",
    bench="none: a bound on memory; no answer depends on it (a cleared answer is worked out again)",
    result="at most 2,473 answers kept for one of the 170 dev stories: never cleared there",
    date="2026-12-05")


class StoryDialect:
    """How a story spells, axis by axis (lexicon.SPELLING for the differences every British-family standard shares,
    one axis for each split such as -ise/-ize); built once per document, and only under auto.

    Each marked word votes on its axes; the standard with more votes is the story's, and on a tie the one of the
    story's first marked word on that axis, as the name-variant rule takes the first form used as the reference.
    Votes are occurrences: a word used five times weighs five times."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.lexicon = Lexicon.load(AUTO)
        self._offers = Memo(OFFERS_REMEMBERED, lambda key: self._offer(*key))  # NL201 asks of every candidate

    @cached_property
    def words(self) -> tuple[MarkedWord, ...]:
        """The story's dialect-marked words, in order."""
        mark = self.lexicon.mark
        marked_parts = spelt_parts(self.doc, lambda part: mark(part) is not None)
        return tuple(MarkedWord(Span(start, start + len(text)), text, marked) for start, text in marked_parts
                     if (marked := mark(text)) is not None)

    @cached_property
    def votes(self) -> dict[str, Counter[str]]:
        """axis -> how many votes each form has on it, the forms in the order the story first uses them."""
        counts: dict[str, Counter[str]] = {}
        for word in self.words:
            for axis, form in word.mark.votes:
                counts.setdefault(axis, Counter())[form] += 1
        return counts

    @cached_property
    def majorities(self) -> dict[str, str]:
        """axis -> the form most of the story's votes on it take (first used on a tie); absent when it has none."""
        return {axis: max(count, key=lambda form: (count[form], form == next(iter(count))))
                for axis, count in self.votes.items()}

    def is_tie(self, axis: str) -> bool:
        """Whether no form has more votes on the axis than every other: the first one used is then the reference."""
        top_counts = sorted(self.votes.get(axis, Counter()).values(), reverse=True)[:2]
        return len(top_counts) == 2 and top_counts[0] == top_counts[1]

    def minority_vote(self, mark: DialectMark) -> tuple[str, str] | None:
        """The first vote of a marked word that goes against the story's majority on its axis: what NL302 flags."""
        return next(((axis, form) for axis, form in mark.votes if self.majorities.get(axis, form) != form), None)

    def expects(self, axis: str) -> str | None:
        """The form the story leads a reader to expect on an axis: its majority there, else its majority on SPELLING
        (a British story with no -ise or -ize word yet is expected to write -ise)."""
        return self.majorities.get(axis) or self.majorities.get(SPELLING)

    def unexpected(self, word: str) -> bool:
        """A spelling the story would not write: on some axis, not the form it leads a reader to expect."""
        mark = self.lexicon.mark(word)
        return mark is not None and any(self.expects(axis) not in (None, form) for axis, form in mark.votes)

    def own_spelling(self, word: str) -> str:
        """The story's spelling of a lower-case word: its counterpart when the story would not write it so."""
        mark = self.lexicon.mark(word)
        return mark.counterpart if mark is not None and self.unexpected(word) else word

    def prefer(self, candidates: list[str]) -> list[str]:
        """Spelling candidates in the story's standard: of two spellings of one word (colour, color), the story's;
        with no marked word to go by, today's order (the American, as before auto)."""
        if SPELLING not in self.majorities:
            return self.lexicon.prefer_native(candidates, AMERICAN_FORM)
        present = set(candidates)
        kept = [c for c in candidates if not (self.unexpected(c) and self.own_spelling(c) in present)]
        return self.lexicon.prefer_native(kept, self.majorities[SPELLING])

    def respell(self, suggestions: list[str]) -> list[str]:
        """Ranked lower-case suggestions, each in the story's spelling (colr: color -> colour in a British story)."""
        if SPELLING not in self.majorities:
            return suggestions
        return list(dict.fromkeys(self.own_spelling(s) for s in suggestions))

    def offers(self, candidate: str, written: str) -> bool:
        """Whether a real-word correction may be offered: never the other standard's spelling of the written word
        (colour for color), nor a spelling the story would not write; with no marked word to go by, no British one
        (as before auto)."""
        return self._offers[candidate, written]

    def _offer(self, candidate: str, written: str) -> bool:
        mark = self.lexicon.mark(candidate)
        if mark is None:
            return True
        written_mark = self.lexicon.mark(written)
        if mark.counterpart == written or (written_mark is not None and written_mark.counterpart == candidate):
            return False
        if not self.majorities:
            return all(form == AMERICAN_FORM for _, form in mark.votes)
        return not self.unexpected(candidate)
