"""Judging a word in context, from Google Books word-pair counts (symspellpy's list of the most frequent pairs).

The list keeps only pairs seen more than a few million times, so a missing pair means "rarer than the cut-off",
not "never": its count is estimated generously (ten times what independence predicts, capped below the cut-off),
so that only pairs well attested for one candidate and not for the other carry evidence.
"""

from __future__ import annotations

import math
from functools import cache

from newslint import data
from newslint.lexicon import edit_cost
from newslint.ngrams import NgramTable

HOMOPHONE_COST = -1.0  # their/there, peace/piece: the ear's slip, about as likely as a keyboard one
UNKNOWN_COUNT = 1000.0
SIDE_CACHE_SIZE = 200_000
# A missing pair may still be up to this many times commoner than chance: the list is silent below its cut-off,
# so a rare word's missing pairs say little against it.
ABSENT_PAIR_SLACK = 10  # pair estimates remembered across documents  # corpus count assumed for a word outside the list


@cache
def slip_cost(written: str, intended: str) -> float:
    """log10 likelihood of writing `written` for `intended`: one keystroke, or a homophone."""
    return edit_cost(written, intended) if abs(len(written) - len(intended)) <= 1 else HOMOPHONE_COST


class ContextModel:
    def __init__(self, words: dict[str, int], pairs: NgramTable, total: int, cutoff: int, confusions: dict[str, list[str]],
                 name_pairs: dict[str, int]):
        self.words = words
        self.pairs = pairs
        self.name_pairs = name_pairs
        self.total = total
        self.cutoff = cutoff
        self.confusions = confusions
        self._sides: dict[tuple[str, str, str | None], tuple[float, bool]] = {}

    @classmethod
    @cache
    def load(cls) -> ContextModel:
        raw = data.load("context")
        return cls(raw["words"], NgramTable.from_bytes(raw["pairs"]), raw["total"],
                   raw["cutoff"], raw["confusions"], raw["name_pairs"])

    def count(self, word: str) -> float:
        return self.words.get(word) or UNKNOWN_COUNT

    def side_count(self, left: str, right: str, name_side: str | None = None) -> tuple[float, bool]:
        """Estimated count of a pair and whether the list attests it. A neighbour that is a name ("<" on the
        left, ">" on the right) is counted as the class of all names, since a name's own pairs are too rare."""
        key = (left, right, name_side)
        found = self._sides.get(key)
        if found is None:
            if len(self._sides) > SIDE_CACHE_SIZE:
                self._sides.clear()
            found = self._sides[key] = self._side_count(left, right, name_side)
        return found

    def _side_count(self, left: str, right: str, name_side: str | None) -> tuple[float, bool]:
        if name_side == ">":
            found = self.name_pairs.get(f"{left} >", 0)
        elif name_side == "<":
            found = self.name_pairs.get(f"< {right}", 0)
        else:
            found = self.pairs.get(f"{left} {right}")
            if not found:
                return min(self.count(left) * self.count(right) / self.total * ABSENT_PAIR_SLACK, self.cutoff * 0.5), False
        return (found or self.cutoff * 0.5), bool(found)

    def evidence(self, word: str, left: str | None, right: str | None, left_name: bool = False,
                 right_name: bool = False) -> tuple[float, int]:
        """(log10 P(left | word) + log10 P(right | word), how many of the two sides the pair list attests)."""
        count = self.count(word)
        score, attested = 0.0, 0
        if left is not None:
            estimate, seen = self.side_count(left, word, "<" if left_name else None)
            score += math.log10(estimate / count)
            attested += seen
        if right is not None:
            estimate, seen = self.side_count(word, right, ">" if right_name else None)
            score += math.log10(estimate / count)
            attested += seen
        return score, attested

    def fit(self, word: str, left: str | None, right: str | None, count: float | None = None) -> float:
        """log10 P(word) P(left | word) P(right | word), up to a constant shared by every candidate; `count`
        overrides the corpus count for words outside the list."""
        count = count or self.count(word)
        score = math.log10(count)
        for estimate in (self._estimate(left, word, count, True), self._estimate(word, right, count, False)):
            if estimate is not None:
                score += math.log10(estimate / count)
        return score

    def _estimate(self, left: str | None, right: str | None, count: float, word_on_right: bool) -> float | None:
        if left is None or right is None:
            return None
        found = self.pairs.get(f"{left} {right}")
        if found:
            return found
        other = self.count(left if word_on_right else right)
        return min(count * other / self.total, self.cutoff * 0.5)
