"""A word-in-context model: how well a word fits between its neighbours, from Google Books word-pair counts.

The pair list keeps only frequent pairs, so a missing pair means "rarer than the cut-off", not "never": its
count is estimated as if the two words were independent, capped below the cut-off.
"""

from __future__ import annotations

import math
from functools import cache

from newslint import data


class ContextModel:
    def __init__(self, total: int, unigrams: dict[str, int], bigrams: dict[str, int], confusions: dict[str, list[str]]):
        self.total = total
        self.unigrams = unigrams
        self.bigrams = bigrams
        self.confusions = confusions
        self.cutoff = min(bigrams.values()) if bigrams else 1
        self.floor = 1.0  # count given to a word the list lacks

    @classmethod
    @cache
    def load(cls) -> ContextModel:
        raw = data.load("context")
        return cls(raw["total"], raw["unigrams"], raw["bigrams"], raw["confusions"])

    def count(self, word: str) -> float:
        return self.unigrams.get(word, self.floor)

    def pair(self, left: str, right: str, left_count: float | None = None, right_count: float | None = None) -> float:
        """Estimated count of the pair 'left right'."""
        found = self.bigrams.get(f"{left} {right}")
        if found is not None:
            return found
        independent = (left_count or self.count(left)) * (right_count or self.count(right)) / self.total
        return min(independent, self.cutoff * 0.5)

    def fit(self, word: str, left: str | None, right: str | None, count: float | None = None) -> float:
        """log10 of P(word | left) * P(right | word), up to a constant shared by every candidate word.
        `count` overrides the word's corpus count (for words outside the pair list's vocabulary)."""
        count = count or self.count(word)
        score = math.log10(count) if left is None else math.log10(self.pair(left, word, right_count=count))
        if right is not None:
            score += math.log10(self.pair(word, right, left_count=count)) - math.log10(count)
        return score
