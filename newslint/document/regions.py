"""A draft's regions as the layout finds them (blocks, metadata fields) and compact sets of offsets and spans."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Container, Iterable, Iterator, Sequence
from typing import NamedTuple, overload


class Block(NamedTuple):
    """A region of the document: one of Blocks.KINDS."""

    kind: str
    start: int
    end: int


class Blocks(Sequence[Block]):
    """Blocks in three arrays (kind, start, end), made Block tuples when read: a list of Block tuples takes some 130
    bytes a block, this 17, and a 10 MB draft of one-word lines has five million blocks."""

    KINDS = ("headline", "heading", "paragraph", "metadata", "front_matter", "code", "html")
    _CODES = {kind: code for code, kind in enumerate(KINDS)}
    __slots__ = ("_kinds", "_starts", "_ends")

    def __init__(self, blocks: Iterable[Block] = ()):
        self._kinds, self._starts, self._ends = bytearray(), array("q"), array("q")
        for block in blocks:
            self.append(block)

    def append(self, block: Block) -> None:
        self._kinds.append(self._CODES[block.kind])
        self._starts.append(block.start)
        self._ends.append(block.end)

    def __len__(self) -> int:
        return len(self._kinds)

    @overload
    def __getitem__(self, index: int) -> Block: ...

    @overload
    def __getitem__(self, index: slice) -> Blocks: ...

    def __getitem__(self, index: int | slice) -> Block | Blocks:
        if isinstance(index, slice):
            return Blocks(self[i] for i in range(*index.indices(len(self))))
        return Block(self.KINDS[self._kinds[index]], self._starts[index], self._ends[index])

    def __iter__(self) -> Iterator[Block]:
        return map(Block, map(self.KINDS.__getitem__, self._kinds), self._starts, self._ends)

    def of_kinds(self, kinds: Container[str]) -> Blocks:
        return Blocks(block for block in self if block.kind in kinds)

    def by_start(self) -> Blocks:
        """The same blocks sorted by start, those that start together in their present order."""
        order = sorted(range(len(self)), key=self._starts.__getitem__)
        return Blocks(self[i] for i in order)


class MetadataField(NamedTuple):
    key: str
    key_start: int
    key_end: int  # after the colon
    value: str
    value_start: int
    value_end: int
    origin: str  # "block" (KEY: value lines) or "front_matter" (YAML or TOML)


class Layout(NamedTuple):
    blocks: Blocks
    metadata: list[MetadataField]
    markup: str  # text with code, metadata and front matter blanked; tags and addresses kept
    prose: str  # markup with tags, addresses, handles and entities blanked too
    front_matter_problem: tuple[int, str] | None = None  # where and why the front matter does not parse


class Offsets:
    """A set of offsets kept sorted in an array: 8 bytes each, where a set of ints takes some 60 (a 10 MB draft of
    one-word lines has two million sentence starts)."""

    __slots__ = ("_sorted",)

    def __init__(self, offsets: Iterable[int]):
        self._sorted = array("q", sorted(offsets))

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_left(self._sorted, offset)
        return i < len(self._sorted) and self._sorted[i] == offset

    def __iter__(self) -> Iterator[int]:
        return iter(self._sorted)

    def __len__(self) -> int:
        return len(self._sorted)

    @property
    def ordered(self) -> array:
        """The offsets in order, for a caller that asks of many offsets in a loop of its own."""
        return self._sorted

    def at_or_before(self, offset: int) -> int:
        """The greatest offset of the set at or before `offset`, or -1."""
        i = bisect.bisect_right(self._sorted, offset)
        return self._sorted[i - 1] if i else -1


class Spans:
    """Spans (start, end) sorted by start and not overlapping, in two arrays (a tuple per span takes 56 bytes and
    two ints, and a 10 MB draft of one-word lines has two million headings)."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = array("q", (start for start, _ in ordered))
        self._ends = array("q", (end for _, end in ordered))

    @property
    def arrays(self) -> tuple[array, array]:
        """The starts and the ends, in order, for a caller that asks of many offsets in a loop of its own."""
        return self._starts, self._ends

    def containing(self, offset: int) -> tuple[int, int] | None:
        """The span holding offset, or None."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return (self._starts[i], self._ends[i]) if i >= 0 and offset < self._ends[i] else None

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self._starts, self._ends)

    def __len__(self) -> int:
        return len(self._starts)
