"""A bounded memo: the answers to a question remembered by key, at most so many at a time."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


class Memo(dict):
    """answer(key), worked out once and remembered: memo[key]. When `size` answers are kept it starts again (an
    answer forgotten is worked out again), so that the words of an archive, which are unbounded, cannot grow it
    without end."""

    def __init__(self, size: int, answer: Callable[[Any], Any]):
        super().__init__()
        self.size = int(size)
        self.answer = answer

    def __missing__(self, key: Hashable) -> Any:
        if len(self) >= self.size:
            self.clear()
        value = self[key] = self.answer(key)
        return value
