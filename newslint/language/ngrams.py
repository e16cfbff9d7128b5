"""Compact n-gram count tables: sorted 64-bit key hashes and counts, mapped from a data file, searched by bisection."""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from newslint.language.memo import Memo


def key_hash(key: str) -> int:
    data = key.encode("utf-8")
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


MEMO_SIZE = 100_000  # lookups remembered: copy repeats its words, so most lookups are repeats


class NgramTable:
    """A read-only map from 'w1 w2 ...' to a positive count (0 when absent). The arrays are views of a mapped data
    file, so a one-story run pays nothing for entries it never asks about. Hash collisions are possible and
    harmless."""

    def __init__(self, keys: Sequence[int], counts: Sequence[int]):  # arrays, or typed views of a data file
        self.keys = keys
        self.counts = counts
        self._memo = Memo(MEMO_SIZE, self._look_up)  # key -> count

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

    def _look_up(self, key: str) -> int:
        h = key_hash(key)
        i = bisect_left(self.keys, h)
        return self.counts[i] if i < len(self.keys) and self.keys[i] == h else 0

    def __contains__(self, key: str) -> bool:
        return self.get(key) > 0

    def __len__(self) -> int:
        return len(self.keys)
