#!/usr/bin/env python3
"""Read a CMU Sphinx binary trie language model (pocketsphinx ``*.lm.bin``) and enumerate its n-grams.

Build-time helper (not part of the installed package).  pocketsphinx's own ARPA export
(``NGramModel.write``, ``sphinx_lm_convert -ofmt arpa``) fails on the en-us model shipped with
pocketsphinx 5.1.1, so this reads the file directly.  Only 3-gram models are supported.

    lm = read_trie_lm(path)
    lm.vocab                  # word index -> word
    lm.unigrams               # word index -> (log10 prob, log10 backoff)
    lm.bigrams()              # iterator of (w1, w2, log10 P(w2 | w1), log10 backoff(w1 w2))
    lm.trigrams()             # iterator of (w1, w2, w3, log10 P(w3 | w1 w2))

All values are log10.  The file stores float32 in pocketsphinx's log units (log base 1.0001).

File layout (little-endian, no padding): "Trie Language Model", uint8 order, uint32 counts[order];
int32 (unused, 1); float32 quantisation bins: bigram prob[65536], bigram backoff[65536], trigram
prob[65536]; (counts[0] + 1) unigrams {float32 prob, float32 backoff, int32 first bigram};
bit-packed bigram entries {word, 16-bit backoff bin, 16-bit prob bin, first trigram} in
bitarr_required_bits(...) widths; bit-packed trigram entries {word, 16-bit prob bin}; int32 size and
the NUL-separated vocabulary.  The trie is keyed backwards: a unigram's children are the words
*before* it, so the bigram entry (root u, word v) is "v u" and its trigram child x is "x v u".

Quirks of pocketsphinx's trie builder, handled here:
* "Dummy" bigrams: when an ARPA trigram "x v u" has no bigram "v u", the builder inserts one with
  prob = P(u) + backoff(v) and backoff 0 so the trigram is reachable.  They are recognised by that
  signature (prob bin == the bin the builder picks for P(u) + backoff(v), backoff bin == bin of 0.0;
  a real bigram would have to match both bins exactly) and SKIPPED by bigrams(); ``n_dummy_bigrams``
  counts them.  Scoring is unaffected: the dummy
  holds the backoff estimate pocketsphinx would compute anyway.
* The header's bigram count includes a few dummies the builder counted but never wrote (the last
  unigram's "next" pointer gives the real number of entries); this is why ARPA export asserts.
  Each of those missing dummies left its trigrams appended to the previous bigram entry, i.e. filed
  under the wrong last word.  Where that breaks the ascending word order of the group the tail is
  skipped (kept in ``misfiled_trigrams``, as read); pocketsphinx's interpolation search cannot find
  those entries, nor always the genuine ones sharing the group.  Misfiled groups that happen to stay
  in ascending order cannot be told apart and are enumerated as pocketsphinx itself reads them.
"""

from __future__ import annotations

import math
import struct
from typing import Iterator

import numpy as np

HEADER = b"Trie Language Model"
LOG10_PER_UNIT = math.log10(1.0001)
QUANT_BINS = 1 << 16


def _required_bits(max_value: int) -> int:
    return max_value.bit_length()


def _log10(units: np.ndarray) -> np.ndarray:
    return units.astype(np.float64) * LOG10_PER_UNIT


def _unaligned_u64(buf: bytes, offset: int, size: int) -> np.ndarray:
    """View where element i is the little-endian uint64 at byte offset + i (sections carry 8 bytes of slack)."""
    return np.ndarray((size - 7,), dtype="<u8", buffer=buf, offset=offset, strides=(1,))


def _field(words64: np.ndarray, bit: np.ndarray, nbits: int) -> np.ndarray:
    """Read nbits at each bit offset, as bitarr.c does (64-bit read at byte bit/8, shift by bit%8)."""
    return ((words64[bit >> 3] >> (bit & 7)) & np.uint64((1 << nbits) - 1)).astype(np.int64)


def _quantise(bins: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The bin index lm_trie_quant.c's bins_encode would choose.

    Replicates its binary search step by step because the bin tables are not strictly sorted
    (the trainer's qsort comparator truncates differences to int).
    """
    values = values.astype(np.float32)
    n = len(bins)
    first = np.zeros(values.shape, np.int64)
    count = np.full(values.shape, n, np.int64)
    while count.any():
        step = count // 2
        below = (count > 0) & (bins[np.minimum(first + step, n - 1)] < values)
        first = np.where(below, first + step + 1, first)
        count = np.where(below, count - step - 1, step)
    above, prev = np.minimum(first, n - 1), np.maximum(first - 1, 0)
    nearer_prev = (values - bins[prev]) < (bins[above] - values)
    return np.where(first == 0, 0, np.where(first == n, n - 1, first - nearer_prev))


class TrieLM:
    def __init__(self, buf: bytes):
        if not buf.startswith(HEADER):
            raise ValueError("not a Sphinx trie LM")
        pos = len(HEADER)
        order = buf[pos]
        if order != 3:
            raise ValueError(f"only 3-gram models are supported, got order {order}")
        self.header_counts = struct.unpack_from("<3I", buf, pos + 1)
        n_uni, n_bi, n_tri = self.header_counts
        pos += 1 + 4 * order + 4  # + the unused int32 (former quantisation type)

        quant = np.frombuffer(buf, "<f4", 3 * QUANT_BINS, pos)
        bi_prob_bins, bi_bo_bins, tri_prob_bins = quant.reshape(3, QUANT_BINS)
        pos += quant.nbytes

        uni = np.frombuffer(buf, [("prob", "<f4"), ("bo", "<f4"), ("next", "<i4")], n_uni + 1, pos)
        pos += uni.nbytes

        word_bits = _required_bits(n_uni)
        bi_bits = word_bits + 32 + _required_bits(n_tri)
        tri_bits = word_bits + 16
        # Section sizes follow base_size() in lm_trie.c, computed from the header counts.
        bi_size = ((n_bi + 1) * bi_bits + 7) // 8 + 8
        tri_size = ((n_tri + 1) * tri_bits + 7) // 8 + 8
        bi_mem, tri_mem = _unaligned_u64(buf, pos, bi_size), _unaligned_u64(buf, pos + bi_size, tri_size)
        pos += bi_size + tri_size

        (vocab_bytes,) = struct.unpack_from("<i", buf, pos)
        self.vocab = buf[pos + 4:pos + 4 + vocab_bytes].decode("utf-8").split("\0")[:-1]
        if len(self.vocab) != n_uni or pos + 4 + vocab_bytes != len(buf):
            raise ValueError("unexpected file layout")
        self.unigrams = list(zip(_log10(uni["prob"][:-1]).tolist(), _log10(uni["bo"][:-1]).tolist()))

        # Bigram entries actually written (may be fewer than the header says, see module docstring).
        uni_next = uni["next"].astype(np.int64)
        n_bi_written = int(uni_next[-1])
        bit = np.arange(n_bi_written + 1, dtype=np.uint64) * np.uint64(bi_bits)
        bi_root = np.repeat(np.arange(n_uni), np.diff(uni_next))  # the predicted word, w2
        bi_word = _field(bi_mem, bit[:-1], word_bits)  # the history word, w1
        bi_bo_bin = _field(bi_mem, bit[:-1] + np.uint64(word_bits), 16)
        bi_prob_bin = _field(bi_mem, bit[:-1] + np.uint64(word_bits + 16), 16)
        bi_next = _field(bi_mem, bit + np.uint64(word_bits + 32), _required_bits(n_tri))

        backoff_estimate = uni["prob"][bi_root] + uni["bo"][bi_word]
        dummy = (bi_bo_bin == _quantise(bi_bo_bins, np.zeros(1))[0]) & (
            bi_prob_bin == _quantise(bi_prob_bins, backoff_estimate))
        real = ~dummy
        self.n_dummy_bigrams = int(dummy.sum())
        self._bi = (bi_word[real], bi_root[real], _log10(bi_prob_bins[bi_prob_bin[real]]),
                    _log10(bi_bo_bins[bi_bo_bin[real]]))

        n_tri_written = int(bi_next[-1])
        bit = np.arange(n_tri_written, dtype=np.uint64) * np.uint64(tri_bits)
        tri_parent = np.repeat(np.arange(n_bi_written), np.diff(bi_next))
        tri_word = _field(tri_mem, bit, word_bits)
        tri_prob = _log10(tri_prob_bins[_field(tri_mem, bit + np.uint64(word_bits), 16)])

        keep = np.ones(n_tri_written, bool)
        for k in np.flatnonzero((np.diff(tri_word) <= 0) & (tri_parent[1:] == tri_parent[:-1])) + 1:
            keep[k:bi_next[tri_parent[k] + 1]] = False  # misfiled tail: skip to the end of its group
        self._tri = (tri_word, bi_word[tri_parent], bi_root[tri_parent], tri_prob)
        self.misfiled_trigrams = list(zip(*(a[~keep].tolist() for a in self._tri)))
        self._tri = tuple(a[keep] for a in self._tri)

    def bigrams(self) -> Iterator[tuple[int, int, float, float]]:
        """(w1, w2, log10 P(w2 | w1), log10 backoff of "w1 w2"), dummies excluded."""
        return zip(*(a.tolist() for a in self._bi))

    def trigrams(self) -> Iterator[tuple[int, int, int, float]]:
        """(w1, w2, w3, log10 P(w3 | w1 w2))."""
        return zip(*(a.tolist() for a in self._tri))


def read_trie_lm(path) -> TrieLM:
    with open(path, "rb") as handle:
        return TrieLM(handle.read())


def words_of(lm: TrieLM, *ids: int) -> str:
    return " ".join(lm.vocab[i] for i in ids)


def _self_check() -> None:
    import os
    import random
    import time

    import pocketsphinx

    path = os.path.join(pocketsphinx.get_model_path(), "en-us", "en-us.lm.bin")
    start = time.perf_counter()
    lm = read_trie_lm(path)
    loaded = time.perf_counter()
    bigrams, trigrams = list(lm.bigrams()), list(lm.trigrams())
    done = time.perf_counter()
    print(f"{path}\nload {loaded - start:.2f}s, full enumeration {done - loaded:.2f}s, total {done - start:.2f}s")
    print(f"header counts {lm.header_counts}")
    print(f"unigrams {len(lm.unigrams)}, bigrams {len(bigrams)} real + {lm.n_dummy_bigrams} dummies, "
          f"trigrams {len(trigrams)} (+ {len(lm.misfiled_trigrams)} misfiled, skipped)")
    print(f"header bigrams - written entries = {lm.header_counts[1] - len(bigrams) - lm.n_dummy_bigrams} (dummies counted, never written)")
    assert len(lm.unigrams) == 72_547
    assert len(trigrams) + len(lm.misfiled_trigrams) == lm.header_counts[2] == 1_669_625
    for w1, w2, w3, _ in lm.misfiled_trigrams:
        print("  skipped misfiled trigram (as read):", words_of(lm, w1, w2, w3))

    # Units: unigram probabilities must sum to 1 in linear space.
    print(f"sum of unigram probabilities {sum(10 ** p for p, _ in lm.unigrams):.6f}")

    model = pocketsphinx.NGramModel(pocketsphinx.Config(), pocketsphinx.LogMath(), path)
    words = lm.vocab

    def sphinx_log10(*ngram_in_reverse: int) -> float:  # word first, then history most recent first
        return model.prob([words[w] for w in ngram_in_reverse]) * LOG10_PER_UNIT

    def report(name: str, diffs: list[float]) -> None:
        print(f"{name}: n={len(diffs)}, max |ours - pocketsphinx| = {max(diffs):.2e} log10, mean {sum(diffs) / len(diffs):.2e}")
        assert max(diffs) < 0.01, name

    rng = random.Random(0)
    report("2000 random unigrams", [abs(lm.unigrams[w][0] - sphinx_log10(w)) for w in rng.sample(range(len(words)), 2000)])
    report("2000 random bigrams", [abs(p - sphinx_log10(w2, w1)) for w1, w2, p, _ in rng.sample(bigrams, 2000)])
    report("2000 random trigrams", [abs(p - sphinx_log10(w3, w2, w1)) for w1, w2, w3, p in rng.sample(trigrams, 2000)])
    report("all bigrams", [abs(p - sphinx_log10(w2, w1)) for w1, w2, p, _ in bigrams])
    # pocketsphinx's own lookup misses genuine trigrams that share a group with a misfiled tail.
    corrupted = {(w2, w3) for _, w2, w3, _ in lm.misfiled_trigrams}
    missed = [t for t in trigrams if (t[1], t[2]) in corrupted and abs(t[3] - sphinx_log10(t[2], t[1], t[0])) >= 0.01]
    for w1, w2, w3, _ in missed:
        print("  not found by pocketsphinx (shares a group with a misfiled tail):", words_of(lm, w1, w2, w3))
    report("all trigrams", [abs(p - sphinx_log10(w3, w2, w1)) for w1, w2, w3, p in trigrams if (w1, w2, w3, p) not in missed])

    # Bigram backoffs: for an unseen "w1 w2 w" and "w2 w", P(w | w1 w2) = bo(w1 w2) + bo(w2) + P(w).
    present = {(w1, w2) for w1, w2, _, _ in bigrams} | {(w2, w3) for _, w2, w3, _ in trigrams}  # dummies too
    present_tri = {(w1, w2, w3) for w1, w2, w3, _ in trigrams}
    diffs = []
    for w1, w2, _, bo in rng.sample(bigrams, 2000):
        w = rng.randrange(len(words))
        if (w2, w) not in present and (w1, w2, w) not in present_tri:
            diffs.append(abs(bo + lm.unigrams[w2][1] + lm.unigrams[w][0] - sphinx_log10(w, w2, w1)))
    report("bigram backoffs via unseen trigrams", diffs)


if __name__ == "__main__":
    _self_check()
