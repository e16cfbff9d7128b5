"""Judging a word by its neighbours, from Google Books word-pair counts (symspellpy's list of the most frequent
pairs), for ranking spelling suggestions and for the rules that need only one neighbour; and the real-word
confusion sets.

The list keeps only pairs seen more than a few million times, so a missing pair means "rarer than the cut-off",
not "never": its count is estimated from what independence predicts (scaled to the pairs' larger sample, halved
because a pair missing from a list of frequent pairs is on average rarer than chance, and capped below the
cut-off), so that pairs well attested for one candidate and not for the other carry the evidence.
"""

from __future__ import annotations

import math
from functools import cache
from typing import NamedTuple

from newslint import data
from newslint.language.lexicon import edit_cost
from newslint.language.ngrams import NgramTable

HOMOPHONE_COST = -0.5  # their/there, peace/piece: the ear's slip, likelier than any keystroke
SOUND_ALIKE_COST = -1.0  # then/than, affect/effect: one sound apart
# Another form of the same word (target/targets, issuer/issued) is often just as grammatical where it stands,
# so the context must favour it more strongly than a keystroke alone before it counts as the slip.
INFLECTION_COST = -1.5
MAX_SUGGESTIONS = 3
CORRECTION_EDIT_WEIGHT = 1.5  # a typo's own likelihood counts for more than its context when ranking fixes
UNKNOWN_COUNT = 1000.0  # corpus count assumed for a word outside the list
# A missing pair's estimated count, as a share of what independence predicts.
ABSENT_PAIR_SLACK = 0.5


class Confusion(NamedTuple):
    word: str
    cost: float  # log10 likelihood of the slip
    inflection: bool  # another form of the same word: target/targets


@cache
def slip_cost(written: str, intended: str, mark: str = "") -> float:
    """log10 likelihood of writing `written` for `intended`: a homophone ("="), a sound-alike ("~") or one
    keystroke, whichever is likelier; or another form of the same word ("+"), one keystroke away."""
    keystroke = edit_cost(written, intended) if abs(len(written) - len(intended)) <= 1 else -3.0
    if mark == "+":
        return keystroke + INFLECTION_COST
    return max(keystroke, {"=": HOMOPHONE_COST, "~": SOUND_ALIKE_COST}.get(mark, -3.0))


class ContextModel:
    def __init__(self, words: NgramTable, pairs: NgramTable, total: int, cutoff: int, pair_scale: float,
                 confusions: data.StringTable):
        self.pair_scale = pair_scale
        self.words = words
        self.pairs = pairs
        self.total = total
        self.cutoff = cutoff
        self._confusions = confusions  # word -> space-separated alternatives, split when first asked for

    @classmethod
    @cache
    def load(cls) -> ContextModel:
        raw = data.open_data("context")
        values, sections = raw.values, raw.sections
        return cls(NgramTable(sections["words.keys"], sections["words.counts"]),
                   NgramTable(sections["pairs.keys"], sections["pairs.counts"]), values["total"], values["cutoff"],
                   values["pair_scale"], raw.table("confusions"))

    @cache
    def confusions(self, word: str) -> tuple[Confusion, ...]:
        """Real words one keystroke away from word or sounding (nearly) the same, each with the log10
        likelihood of the slip from it to word."""
        out = []
        for entry in self._confusions.get(word, "").split():
            candidate = entry.rstrip("=~+")
            out.append(Confusion(candidate, slip_cost(word, candidate, entry[-1]), entry.endswith("+")))
        return tuple(out)

    def count(self, word: str) -> float:
        return self.words.get(word) or UNKNOWN_COUNT

    def evidence(self, word: str, left: str | None, right: str | None) -> float:
        """log10 P(left | word) + log10 P(right | word)."""
        count = self.count(word)
        score = 0.0
        if left is not None:
            score += math.log10(self._estimate(self.pairs.get(left + " " + word), left, count) / count)
        if right is not None:
            score += math.log10(self._estimate(self.pairs.get(word + " " + right), right, count) / count)
        return score

    def _estimate(self, found: int, neighbour: str, count: float) -> float:
        """A pair's count: as listed, or for a pair missing from the list, what chance predicts (see above)."""
        if found:
            return found
        chance = self.count(neighbour) * count / self.total * self.pair_scale
        return min(chance * ABSENT_PAIR_SLACK, self.cutoff * 0.5)

    def fit(self, word: str, left: str | None, right: str | None) -> float:
        """log10 P(word) P(left | word) P(right | word), up to a constant shared by every candidate, for ranking
        spelling suggestions (names count as plain words here)."""
        return math.log10(self.count(word)) + self.evidence(word, left, right)

    def rank_corrections(self, word: str, candidates: list[str], left: str | None, right: str | None) -> list[str]:
        """Spelling corrections, best first: how likely the slip is times how well each fits its neighbours."""
        lower = word.lower()

        def score(candidate: str) -> float:
            return self.fit(candidate, left, right) + edit_cost(lower, candidate) * CORRECTION_EDIT_WEIGHT

        return sorted(candidates, key=lambda c: (-score(c), c))[:MAX_SUGGESTIONS]
