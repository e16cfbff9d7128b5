"""Evidence that a word is a name, gathered from the whole story (capitalisation, repetition, titles, shape)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from newslint.document import Document
from newslint.text import APOSTROPHES, TITLES, Token

# Romanised Korean, Chinese and similar given names: a capitalised syllable, a hyphen, a lower-case one.
ROMANISED_GIVEN_NAME_RE = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")


def strip_possessive(word: str) -> str:
    if len(word) > 2 and word[-2] in APOSTROPHES and word[-1] in "sS":
        return word[:-2]
    return word


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


class NameEvidence:
    """Per-document facts about capitalised words; built once per document and shared by rules."""

    def __init__(self, doc: Document):
        self.doc = doc

    @cached_property
    def forms(self) -> Counter[str]:
        """How often each word form (possessive removed) occurs in prose."""
        return Counter(strip_possessive(t.text) for t in self.doc.tokens)

    @cached_property
    def initial(self) -> set[int]:
        """Start offsets of tokens that open a sentence or sit in a headline or heading."""
        return {t.start for t in self.doc.tokens if self.doc.is_sentence_start(t) or self.doc.in_heading(t.start)}

    @cached_property
    def capitalised_mid_sentence(self) -> Counter[str]:
        """Forms seen capitalised away from a sentence start: the strongest evidence of a name."""
        return Counter(strip_possessive(t.text) for t in self.doc.tokens
                       if is_capitalised(t.text) and t.start not in self.initial)

    @cached_property
    def lower_forms(self) -> set[str]:
        return {t.text.lower() for t in self.doc.tokens if t.text.islower()}

    def after_title(self, index: int) -> bool:
        tokens = self.doc.tokens
        if index == 0:
            return False
        prev = tokens[index - 1]
        between = self.doc.prose[prev.end:tokens[index].start]
        return prev.text.lower() in TITLES and between.strip(". ") == ""

    def looks_like_name(self, token: Token, index: int) -> bool:
        """Evidence from the story alone that a capitalised token is a name."""
        word = strip_possessive(token.text)
        if not is_capitalised(word):
            return False
        if ROMANISED_GIVEN_NAME_RE.fullmatch(word) or any(c.isupper() for c in word[1:]):
            return True
        if token.start not in self.initial:
            return True
        return self.capitalised_mid_sentence[word] > 0 or self.after_title(index)
