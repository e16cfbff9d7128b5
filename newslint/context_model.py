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

HOMOPHONE_COST = -0.5  # their/there, peace/piece: the ear's slip, likelier than any keystroke
SOUND_ALIKE_COST = -1.0  # then/than, affect/effect: one sound apart
UNKNOWN_COUNT = 1000.0  # corpus count assumed for a word outside the list
# A missing pair may still be up to this many times commoner than chance: the list is silent below its cut-off,
# so a rare word's missing pairs say little against it.
ABSENT_PAIR_SLACK = 10


@cache
def slip_cost(written: str, intended: str, sound: str = "") -> float:
    """log10 likelihood of writing `written` for `intended`: a homophone ("="), a sound-alike ("~") or one
    keystroke, whichever is likelier."""
    keystroke = edit_cost(written, intended) if abs(len(written) - len(intended)) <= 1 else -3.0
    return max(keystroke, {"=": HOMOPHONE_COST, "~": SOUND_ALIKE_COST}.get(sound, -3.0))


class ContextModel:
    def __init__(self, words: NgramTable, pairs: NgramTable, total: int, cutoff: int, confusions: dict[str, str],
                 name_pairs: dict[str, int]):
        self.words = words
        self.pairs = pairs
        self.name_pairs = name_pairs
        self.total = total
        self.cutoff = cutoff
        self._confusions = confusions  # word -> space-separated alternatives, split when first asked for

    @classmethod
    @cache
    def load(cls) -> ContextModel:
        raw = data.load("context")
        return cls(NgramTable.from_bytes(raw["words"]), NgramTable.from_bytes(raw["pairs"]), raw["total"],
                   raw["cutoff"], raw["confusions"], raw["name_pairs"])

    @cache
    def confusions(self, word: str) -> tuple[tuple[str, float], ...]:
        """Real words one keystroke away from word or sounding (nearly) the same, each with the log10
        likelihood of the slip from it to word."""
        return tuple((entry.rstrip("=~"), slip_cost(word, entry.rstrip("=~"), entry[-1]))
                     for entry in self._confusions.get(word, "").split())

    def count(self, word: str) -> float:
        return self.words.get(word) or UNKNOWN_COUNT

    def _absent(self, left: str, right: str) -> float:
        """Estimate for a pair the list lacks: generous, since the list is silent below its cut-off."""
        return min(self.count(left) * self.count(right) / self.total * ABSENT_PAIR_SLACK, self.cutoff * 0.5)

    def evidence(self, word: str, left: str | None, right: str | None, left_name: bool = False,
                 right_name: bool = False) -> tuple[float, int]:
        """(log10 P(left | word) + log10 P(right | word), how many of the two sides the pair list attests).
        A neighbour that is a name is counted as the class of all names, since a name's own pairs are rare."""
        count = self.count(word)
        score, attested = 0.0, 0
        if left is not None:
            found = self.name_pairs.get(f"< {word}", 0) if left_name else self.pairs.get(f"{left} {word}")
            if found:
                attested += 1
            else:
                found = self.cutoff * 0.5 if left_name else self._absent(left, word)
            score += math.log10(found / count)
        if right is not None:
            found = self.name_pairs.get(f"{word} >", 0) if right_name else self.pairs.get(f"{word} {right}")
            if found:
                attested += 1
            else:
                found = self.cutoff * 0.5 if right_name else self._absent(word, right)
            score += math.log10(found / count)
        return score, attested

    def fit(self, word: str, left: str | None, right: str | None) -> float:
        """log10 P(word) P(left | word) P(right | word), up to a constant shared by every candidate, for ranking
        spelling suggestions (names count as plain words here)."""
        return math.log10(self.count(word)) + self.evidence(word, left, right)[0]
