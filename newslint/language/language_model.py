"""A word trigram language model (CMU Sphinx's generic US English model, with Katz backoff) stored as a trie.

Words are numbered in the order of a 64-bit checksum of their spelling (at most 65,535 words, so an id fits in
two bytes), and a word's id is found by bisecting the sorted checksums. A word's bigrams are a slice of one
sorted array, and a bigram's trigrams a slice of another, so a lookup is two bisections over compact arrays.
Log10 probabilities and backoff weights are quantised to one byte each. The arrays are mapped from the data
file rather than read, so loading the 20 MB model costs next to nothing.
"""

from __future__ import annotations

import zlib
from bisect import bisect_left
from functools import cache

from newslint import data
from newslint.engine.tuning import tuned
from newslint.language.ngrams import MEMO_SIZE

REACH = tuned(
    2, means="words of context on each side: the trigrams that see the word (NL201, NL203)",
    bench="none: the language model is a trigram model, so two words each side are all it can see (cc25357)",
    result="n/a: a limit of the model, not a tuned choice", date="2026-11-24")
PROB_STEP = tuned(
    0.05, means="log10 probability = -byte * PROB_STEP: the quantisation step of the stored probabilities",
    bench="none: a property of the data format (one byte per probability, cc25357)",
    result="n/a: 0 to -12.75 in steps of 0.05", date="2026-11-24")
BACKOFF_STEP = tuned(
    0.015, means="log10 backoff weight = (byte - BACKOFF_ZERO) * BACKOFF_STEP: -2.25 to 1.575",
    bench="none: a property of the data format (one byte per backoff weight, cc25357)",
    result="n/a: the span of the model's backoff weights in one byte", date="2026-11-24")
BACKOFF_ZERO = tuned(
    150, means="the byte that stands for a backoff weight of 0", bench="none: a property of the data format (cc25357)",
    result="n/a: the span of the model's backoff weights in one byte", date="2026-11-24")
SENTENCE_START, SENTENCE_END = "<s>", "</s>"
TAIL_SLACK = tuned(
    0.1, means="the most two quantised log probabilities (each at most 0 unquantised) can add up to",
    bench="none: a bound of the quantisation, checked on the dev bench (af8ef2c)",
    result="same diagnostics on the dev bench, NL201 4.2 s -> 3.1 s with the other changes of af8ef2c",
    date="2026-11-24")
# Plain floats for the scoring loops: a tuned number is a float subclass, slower in arithmetic.
_PROB_STEP, _BACKOFF_STEP, _BACKOFF_ZERO, _TAIL_SLACK = float(PROB_STEP), float(BACKOFF_STEP), int(BACKOFF_ZERO), \
    float(TAIL_SLACK)


def quantise_prob(logprob: float) -> int:
    return min(255, max(0, round(-logprob / PROB_STEP)))


def quantise_backoff(backoff: float) -> int:
    return min(255, max(0, round(backoff / BACKOFF_STEP) + BACKOFF_ZERO))


def word_key(word: str) -> int:
    """A 64-bit checksum of the word's spelling: its place in the vocabulary (unique there, checked at build)."""
    raw = word.encode()
    return zlib.crc32(raw) << 32 | zlib.adler32(raw)


class LanguageModel:
    def __init__(self, arrays: dict[str, memoryview]):
        self.keys = arrays["keys"]
        self.unigram_prob = arrays["unigram_prob"]
        self.unigram_backoff = arrays["unigram_backoff"]
        self.bigram_start = arrays["bigram_start"]
        self.bigram_word = arrays["bigram_word"]
        self.bigram_prob = arrays["bigram_prob"]
        self.bigram_backoff = arrays["bigram_backoff"]
        self.trigram_start = arrays["trigram_start"]
        self.trigram_word = arrays["trigram_word"]
        self.trigram_prob = arrays["trigram_prob"]
        self.ids: dict[str, int] = {}  # the known words looked up so far
        self.unknown: set[str] = set()  # and the latest of the others
        self.unigrams: dict[str, float] = {}  # the log10 probabilities asked of known words alone (logprob)
        self._tables: Tables | bool | None = None

    @classmethod
    @cache
    def load(cls) -> LanguageModel:
        return cls(data.open_data("language_model").sections)

    def seen_pair(self, first: str, second: str) -> bool:
        """True when the model has the bigram: it has seen the two words side by side."""
        a, b = self.id(first), self.id(second)
        return a is not None and b is not None and self._bigram(a, b) >= 0

    def seen_triple(self, first: str, second: str, third: str) -> bool:
        """True when the model has the trigram: it has seen the three words in a row."""
        a, b, c = self.id(first), self.id(second), self.id(third)
        if a is None or b is None or c is None:
            return False
        history = self._bigram(a, b)
        return history >= 0 and self._trigram(history, c) >= 0

    def id(self, word: str) -> int | None:
        found = self.ids.get(word)
        if found is None and word not in self.unknown:
            key = word_key(word)
            i = bisect_left(self.keys, key)
            if i < len(self.keys) and self.keys[i] == key:
                found = self.ids[word] = i
            else:
                if len(self.unknown) >= MEMO_SIZE:  # the words of an archive are unbounded; the model's are not
                    self.unknown.clear()
                self.unknown.add(word)
        return found

    def tables(self) -> Tables | None:
        """The arrays for scoring in batches (`Tables`), built on first use; None without numpy."""
        if self._tables is None:
            try:
                self._tables = Tables(self)
            except ImportError:
                self._tables = False
        return self._tables or None

    def known(self, word: str) -> bool:
        return self.id(word) is not None

    def _bigram(self, first: int, second: int) -> int:
        """Index of the bigram (first, second), or -1."""
        lo, hi = self.bigram_start[first], self.bigram_start[first + 1]
        i = bisect_left(self.bigram_word, second, lo, hi)
        return i if i < hi and self.bigram_word[i] == second else -1

    def logprob(self, word: str, previous: str | None = None, before: str | None = None) -> float:
        """log10 P(word | before previous), backing off to shorter histories; every word must be known."""
        if previous is None:  # a word alone, asked again and again of the same words (NL201's confusions)
            found = self.unigrams.get(word)
            if found is None:
                found = self.unigrams[word] = self._prob(self.id(word), None, None, -1)
            return found
        word_id = self.id
        current = word_id(word)
        last = word_id(previous)
        history = None if before is None or last is None else self._bigram(word_id(before), last)
        return self._prob(current, last, history, -1 if last is None else self._bigram(last, current))

    def _trigram(self, history: int, third: int) -> int:
        """Index of the trigram of bigram `history` and `third`, or -1."""
        lo, hi = self.trigram_start[history], self.trigram_start[history + 1]
        i = bisect_left(self.trigram_word, third, lo, hi)
        return i if i < hi and self.trigram_word[i] == third else -1

    def _prob(self, word: int, previous: int | None, history: int | None, pair: int) -> float:
        """log10 P(word | the words before), given the indexes of the bigrams (before, previous), `history`
        (None without a word before; -1 if unseen), and (previous, word), `pair` (-1 if unseen)."""
        backoff = 0
        if history is not None and history >= 0:
            i = self._trigram(history, word)
            if i >= 0:
                return -self.trigram_prob[i] * _PROB_STEP
            backoff = self.bigram_backoff[history] - _BACKOFF_ZERO
        if previous is not None:
            if pair >= 0:
                return -self.bigram_prob[pair] * _PROB_STEP + backoff * _BACKOFF_STEP
            backoff += self.unigram_backoff[previous] - _BACKOFF_ZERO
        return -self.unigram_prob[word] * _PROB_STEP + backoff * _BACKOFF_STEP

    def unseen_windows(self, words: list[str], position: int, logprob: float) -> float:
        """What `Slot.scores` gives a word the model does not know, from its log probability found elsewhere: the
        trigrams after it lose their history to it."""
        total = logprob
        if position + 1 < len(words):
            total += self.logprob(words[position + 1])
        if position + 2 < len(words):
            total += self.logprob(words[position + 2], words[position + 1])
        return total


class Slot:
    """A run of known words with the word at `position` left open: the trigrams that see whatever is put there,
    with the words and bigrams around it looked up once for every alternative."""

    def __init__(self, model: LanguageModel, words: list[str], position: int):
        self.model = model
        self.written = words[position]
        self.neighbours = (words[position - 1] if position >= 1 else None,
                           words[position + 1] if position + 1 < len(words) else None)
        trial = [model.id(w) for w in words]
        n = len(trial)
        self.before = trial[position - 1] if position >= 1 else None
        self.first_history = model._bigram(trial[position - 2], self.before) if position >= 2 else None
        self.after = trial[position + 1] if position + 1 < n else None
        self.further = trial[position + 2] if position + 2 < n else None
        self.last_pair = model._bigram(self.after, self.further) if self.further is not None else -1

    def scores(self, alternatives: list[str], floors: list[float] | None = None) -> list[float | None]:
        """For each alternative put in the slot, the log10 probability of the trigrams that see it: the one it
        ends and the two after it. With `floors`, an alternative whose first trigram alone falls below its floor
        is not scored further (None): the other two cannot lift it."""
        model = self.model
        word_id, bigram, prob = model.id, model._bigram, model._prob
        before, after, further = self.before, self.after, self.further
        out: list[float | None] = []
        for k, word in enumerate(alternatives):
            current = word_id(word)
            pair = -1 if before is None else bigram(before, current)
            total = prob(current, before, self.first_history, pair)
            if floors is not None and total < floors[k] - _TAIL_SLACK:
                out.append(None)
                continue
            if after is not None:
                history = None if before is None else pair
                next_pair = bigram(current, after)
                total += prob(after, current, history, next_pair)
                if further is not None:
                    total += prob(further, after, next_pair, self.last_pair)
            out.append(total)
        return out

    def context_lift(self, word: str) -> float:
        """How much more the context favours `word` than the word written, each over its unigram probability
        (log10): what is left of an alternative's odds once frequency is taken out. A written word the model does
        not know has no unigram to compare: it is not held to this (inf)."""
        model, written = self.model, self.written
        if not model.known(written):
            return float("inf")
        fit, own = self.scores([word, written])
        return (fit - model.logprob(word)) - (own - model.logprob(written))

    def attested(self, word: str) -> bool:
        """True when the model has seen `word` in the slot beside either neighbour: its score then rests on
        context, not on how common the word is alone."""
        model = self.model
        current = model.id(word)
        return ((self.before is not None and model._bigram(self.before, current) >= 0)
                or (self.after is not None and model._bigram(current, self.after) >= 0))


class Tables:
    """The model's arrays as numpy arrays, with every bigram and trigram as one sorted composite key (the first
    word's id, or the history bigram's index, times 65,536 plus the last word's id), so that a batch of lookups is
    one `searchsorted`. numpy is imported here only: a run builds this once it has enough words to weigh for the
    batches to pay for the import and the keys (about 0.1 s)."""

    def __init__(self, model: LanguageModel):
        import numpy as np  # its linear-algebra library set to one thread by cli.main

        self.np = np
        arrays = {name: np.asarray(getattr(model, name)) for name in (
            "unigram_prob", "unigram_backoff", "bigram_start", "bigram_word", "bigram_prob", "bigram_backoff",
            "trigram_start", "trigram_word", "trigram_prob")}
        for name in ("unigram_prob", "unigram_backoff", "bigram_prob", "bigram_backoff", "trigram_prob"):
            setattr(self, name, arrays[name])
        self.bigram_keys = composite(np, arrays["bigram_start"], arrays["bigram_word"], np.uint32)  # 8 MB
        self.trigram_keys = composite(np, arrays["trigram_start"], arrays["trigram_word"], np.int64)  # 13 MB

    def find(self, keys, first, second):
        """The index of each n-gram (first, second) in the table of composite `keys`, or -1; first may be -1 (no
        such history)."""
        np = self.np
        # -1 (no history) reads 2^32 - 1 in the bigrams' four-byte keys: no bigram's (ids are below 65,535)
        query = np.where(first >= 0, first << 16 | second, -1).astype(keys.dtype)
        order = np.argsort(query)  # sorted queries search several times faster
        at = np.empty_like(order)
        at[order] = np.minimum(np.searchsorted(keys, query[order]), len(keys) - 1)
        return np.where(keys[at] == query, at, -1).astype(np.int64)

    def scores(self, current, before, first_history, after, further, last_pair, floors):
        """`Slot.scores` for rows of slots (arrays, one value a row; -1 where a slot has no such word or bigram):
        the log10 probability of the trigrams that see `current`, the first of them alone, and which rows were not
        scored in full because the first fell below the floor (the same test as Slot.scores, in the same float
        arithmetic)."""
        np = self.np
        pair = self.find(self.bigram_keys, before, current)
        first = self.prob(current, before, first_history, pair)
        pruned = first < floors - _TAIL_SLACK
        total = first.copy()
        rows = np.flatnonzero(~pruned & (after >= 0))
        current, after, further, last_pair = current[rows], after[rows], further[rows], last_pair[rows]
        next_pair = self.find(self.bigram_keys, current, after)
        total[rows] = total[rows] + self.prob(after, current, pair[rows], next_pair)
        on = further >= 0
        rows, after, further, next_pair, last_pair = rows[on], after[on], further[on], next_pair[on], last_pair[on]
        total[rows] = total[rows] + self.prob(further, after, next_pair, last_pair)
        return total, first, pruned

    def windows(self, before_before, before, current, after, further):
        """For rows of windows (arrays of ids, -1 where there is no such word), the bigram indexes (before_before,
        before) and (after, further) that every word put in the slot shares, and `scores` of the word `current` in
        it without floors: value for value, with one bigram search and one trigram search for all three trigrams."""
        np, rows = self.np, len(current)
        first_history, last_pair, pair, next_pair = self.find(
            self.bigram_keys, np.concatenate((before_before, after, before, current)),
            np.concatenate((before, further, current, after))).reshape(4, rows)
        second = np.flatnonzero(after >= 0)
        third = np.flatnonzero((after >= 0) & (further >= 0))
        probs = self.prob(np.concatenate((current, after[second], further[third])),
                          np.concatenate((before, current[second], after[third])),
                          np.concatenate((first_history, pair[second], next_pair[third])),
                          np.concatenate((pair, next_pair[second], last_pair[third])))
        total = probs[:rows].copy()
        total[second] = total[second] + probs[rows:rows + len(second)]
        total[third] = total[third] + probs[rows + len(second):]
        return first_history, last_pair, total

    def prob(self, word, previous, history, pair):
        """`LanguageModel._prob` for arrays of ids and bigram indexes (-1 for none or unseen), value for value."""
        np = self.np
        trigram = self.find(self.trigram_keys, history, word)
        backoff = np.where(history >= 0, at(np, self.bigram_backoff, history) - _BACKOFF_ZERO, 0)
        bigram = (trigram < 0) & (pair >= 0)
        backoff_unigram = backoff + np.where(previous >= 0, at(np, self.unigram_backoff, previous) - _BACKOFF_ZERO, 0)
        return np.where(trigram >= 0, -at(np, self.trigram_prob, trigram) * _PROB_STEP,
                        np.where(bigram, -at(np, self.bigram_prob, pair) * _PROB_STEP + backoff * _BACKOFF_STEP,
                                 -at(np, self.unigram_prob, word) * _PROB_STEP + backoff_unigram * _BACKOFF_STEP))


def at(np, values, indexes):
    """values[indexes] (index -1 reads the first) as plain int64, so that the arithmetic is Python's: exact integers
    (no wrapping of a uint8), then one float product each."""
    return values[np.maximum(indexes, 0)].astype(np.int64)


def composite(np, start, word, dtype):
    """Each n-gram of a trie level as (index of its history) * 65,536 + its last word's id, as `dtype`: sorted, as
    the level is grouped by history and sorted within. Built in place, so that the peak is one count a row."""
    history = np.bincount(start[1:-1], minlength=len(word) + 1)[:len(word)]
    np.cumsum(history, out=history)
    keys = history.astype(dtype, copy=False)
    del history
    keys <<= 16
    keys |= word
    return keys
