"""The set phrases that writers get wrong with a real word (free reign for free rein), read from
newslint/wordlists/misused-phrases.txt, and where a document writes them, wrongly or rightly."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import compress, count
from typing import TYPE_CHECKING, NamedTuple

from newslint import wordlists
from newslint.document.text import plain_word

if TYPE_CHECKING:
    from newslint.document.document import Document

class Misused(NamedTuple):
    """An entry of misused-phrases.txt: the phrase as written wrongly and rightly, word by word, and the words
    after which the wrong phrase is something else ("would of course")."""

    wrong: tuple[str, ...]
    right: tuple[str, ...]
    not_before: frozenset[str]

    def differing(self) -> tuple[int, int, int]:
        """The words that differ: from `first` to `wrong_end` in the wrong phrase, to `right_end` in the right one."""
        first = 0
        while first < min(len(self.wrong), len(self.right)) - 1 and self.wrong[first] == self.right[first]:
            first += 1
        wrong_end, right_end = len(self.wrong), len(self.right)
        while min(wrong_end, right_end) - 1 > first and self.wrong[wrong_end - 1] == self.right[right_end - 1]:
            wrong_end, right_end = wrong_end - 1, right_end - 1
        return first, wrong_end, right_end


def parse(line: str) -> Misused:
    """One line of misused-phrases.txt: `wrong = right`, optionally `; not before: word, word`."""
    phrases, _, guard = line.partition(";")
    wrong, equals, right = phrases.partition("=")
    label, _, words = guard.partition(":")
    if not equals or not wrong.split() or not right.split() or (guard and label.strip() != "not before"):
        raise ValueError(f"misused-phrases.txt: {line!r} is not `wrong = right[; not before: word, ...]`")
    return Misused(tuple(wrong.split()), tuple(right.split()),
                   frozenset(w.strip() for w in words.split(",") if w.strip()))


@cache
def entries() -> tuple[Misused, ...]:
    return tuple(map(parse, wordlists.entries("misused-phrases")))


@cache
def phrases(right: bool = False) -> dict[str, tuple[tuple[int, Misused], ...]]:
    """The list's entries by the longest word of the wrong phrase (or, with `right`, of the set phrase): most words
    are common, and each one looked up is a phrase to try: (the word's place in the phrase, entry), longest phrase
    first."""
    def side(entry: Misused) -> tuple[str, ...]:
        return entry.right if right else entry.wrong

    by_anchor: dict[str, list[tuple[int, Misused]]] = {}
    for entry in sorted(entries(), key=lambda e: -len(side(e))):
        words = side(entry)
        place = max(range(len(words)), key=lambda i: len(words[i]))
        by_anchor.setdefault(words[place], []).append((place, entry))
    return {anchor: tuple(anchored) for anchor, anchored in by_anchor.items()}


def matches(doc: Document, right: bool = False) -> Iterator[tuple[int, Misused]]:
    """(index of its first token, entry) for each misused phrase in the document's words (with `right`, each set
    phrase as the list spells it), in any letter case and with either apostrophe, its words whole and separated by
    whitespace alone."""
    by_anchor, tokens, prose = phrases(right), doc.tokens, doc.prose
    plain = doc.derived(PlainWords)
    for index in compress(count(), map(by_anchor.__contains__, plain)):  # C loops: this runs for every word
        for place, entry in by_anchor[plain[index]]:
            words, not_before = (entry.right, frozenset()) if right else (entry.wrong, entry.not_before)
            if written_at(tokens, plain, prose, index - place, words, not_before):
                yield index - place, entry
                break


class PlainWords(list):
    """A document's words in lower case with straight apostrophes (plain_word), made once for both rules that look
    for the phrases and for NL201's reading of the story."""

    def __init__(self, doc: Document):
        super().__init__(map(plain_word, doc.tokens.texts))


def set_phrase_words(doc: Document) -> frozenset[int]:
    """The tokens that are a set phrase's own words where the list's misused form would have others (the squib of
    "damp squib", the rein of "free rein"): a context model may find the misused form likelier."""
    found = set()
    for first, entry in matches(doc, right=True):
        start, _, right_end = entry.differing()
        found.update(range(first + start, first + right_end))
    return frozenset(found)


def written_at(tokens, plain: list[str], prose: str, first: int, words: tuple[str, ...],
               not_before: frozenset[str]) -> bool:
    """The phrase's words are the words from token `first` (`plain`: the tokens as plain_word has them), with
    whitespace alone between them, and the word after them is none of those after which it is another phrase."""
    last = first + len(words) - 1
    return first >= 0 and last < len(tokens) and all(
        plain[i] == word and (i == first or prose[tokens[i - 1].end:tokens[i].start].isspace())
        for i, word in enumerate(words, first)) and (
        not not_before or last + 1 == len(tokens) or plain[last + 1] not in not_before)
