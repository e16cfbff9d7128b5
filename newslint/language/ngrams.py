"""Compact n-gram count tables: sorted 64-bit key hashes and counts, mapped from a data file, searched by bisection."""

from __future__ import annotations

import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from newslint.engine.tuning import tuned
from newslint.language.memo import Memo


def key_hash(key: str) -> int:
    data = key.encode("utf-8")
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


MEMO_SIZE = 100_000  # lookups remembered: copy repeats its words, so most lookups are repeats
BUCKET_BITS = tuned(
    10, means="the leading bits of a key hash that pick the slice of a table a look-up bisects (1,024 slices, each "
    "one's bounds found on its first look-up)",
    bench="the lexicon's table (167,800 keys), timed look-ups of 5,622 strings one edit from a dozen slips, 2026-12-06",
    result="a look-up bisects at most 204 keys instead of all: 8 comparisons of 64-bit keys, not 18, each some 35 ns "
    "(a whole bisection 620 ns before); finding every slice's bounds costs 1.0 ms a table, once a process, so each "
    "is found when first needed (a one-story run asks of a few hundred slices of three tables)",
    date="2026-12-06")

PRESENCE_BITS = tuned(
    22, means="the leading bits of a key hash that a table marks as present (a bitmap of 4 MB, one byte a slot), read "
    "first in a batch look-up: a string whose CRC-32 half starts with bits no key starts with is no key",
    bench="the 200,509 strings NL101's spelling searches look up over the 170 dev stories (en-GB, numpy at hand, "
    "2026-12-07)",
    result="the lexicon's 167,800 keys fill 4% of the 2^22 slots: 8,840 strings pass to the exact look-up, so a "
    "string costs its CRC-32 and one byte read (Adler-32 and the bisection only for those that pass): the searches "
    "0.166 s -> 0.115 s, NL101 0.409 s -> 0.358 s (medians of 5 runs interleaved); at 20 bits 30,469 pass (searches "
    "0.147 s); at 24 bits (16 MB, 3,105 pass) making the map costs more than it saves",
    date="2026-12-07")

_SHIFT = 64 - BUCKET_BITS


class NgramTable:
    """A read-only map from 'w1 w2 ...' to a positive count (0 when absent). The arrays are views of a mapped data
    file, so a one-story run pays nothing for entries it never asks about. Hash collisions are possible and
    harmless."""

    def __init__(self, keys: Sequence[int], counts: Sequence[int]):  # arrays, or typed views of a data file
        self.keys = keys
        self.counts = counts
        self._memo = Memo(MEMO_SIZE, self._look_up)  # key -> count
        # where each bucket of hashes starts in keys (-1 until a look-up needs it), the end last
        self._slices = [-1] * (1 << BUCKET_BITS) + [len(keys)]
        self._present = None  # which PRESENCE_BITS prefixes the keys' hashes have, made when first searched in a batch

    @classmethod
    def build(cls, items: Iterable[tuple[str, int]]) -> NgramTable:
        merged: dict[int, int] = {}
        for key, count in items:
            h = key_hash(key)
            merged[h] = merged.get(h, 0) + count
        ordered = sorted(merged)
        return cls(array("Q", ordered), array("Q", (merged[h] for h in ordered)))

    def get(self, key: str) -> int:
        return self._memo[key]

    def counts_of(self, keys: Iterable[str]) -> dict[str, int]:
        """The keys present and their counts, in the order given. Not remembered: a spelling search asks of thousands
        of strings that are mostly no word, which would crowd out the words the memo keeps. With numpy at hand (a
        long run's NL201 imports it), the keys whose hash no key's starts like are set aside first, in one batch."""
        numpy = sys.modules.get("numpy")  # importing it for this alone would cost a short run more than it saves
        if numpy is not None and len(self.keys):
            keys = self._maybe_present(list(keys), numpy)
        slices, bounds = self._slices, self._bounds  # _look_up written out: thousands of strings a search
        table, counts, size = self.keys, self.counts, len(self.keys)
        crc32, adler32 = zlib.crc32, zlib.adler32
        found = {}
        for key in keys:
            data = key.encode("utf-8")
            h = (crc32(data) << 32) | adler32(data)
            bucket = h >> _SHIFT
            lo, hi = slices[bucket], slices[bucket + 1]
            if lo < 0 or hi < 0:
                lo, hi = bounds(bucket)
            i = bisect_left(table, h, lo, hi)
            if i < size and table[i] == h and (count := counts[i]):
                found[key] = count
        return found

    def _maybe_present(self, keys: list[str], numpy) -> list[str]:
        """The keys whose hash starts with PRESENCE_BITS that some key of the table's starts with, in the order given:
        the keys present, and a few in a hundred that are not. One CRC-32 a key, in C loops."""
        if self._present is None:
            self._present = numpy.zeros(1 << PRESENCE_BITS, dtype=bool)
            self._present[numpy.frombuffer(self.keys, dtype=numpy.uint64) >> numpy.uint64(64 - PRESENCE_BITS)] = True
        crcs = numpy.fromiter(map(zlib.crc32, map(str.encode, keys)), numpy.uint64, len(keys))
        passed = self._present[crcs >> numpy.uint64(32 - PRESENCE_BITS)]
        return [keys[j] for j in numpy.flatnonzero(passed).tolist()]

    def _look_up(self, key: str) -> int:
        h = key_hash(key)
        i = bisect_left(self.keys, h, *self._bounds(h >> _SHIFT))
        return self.counts[i] if i < len(self.keys) and self.keys[i] == h else 0

    def _bounds(self, bucket: int) -> tuple[int, int]:
        """Where a bucket of hashes starts and ends in keys, each bound found on first use."""
        slices = self._slices
        lo, hi = slices[bucket], slices[bucket + 1]
        if lo < 0:
            lo = slices[bucket] = bisect_left(self.keys, bucket << _SHIFT)
        if hi < 0:
            hi = slices[bucket + 1] = bisect_left(self.keys, (bucket + 1) << _SHIFT, lo)
        return lo, hi

    def __contains__(self, key: str) -> bool:
        return self.get(key) > 0

    def __len__(self) -> int:
        return len(self.keys)
