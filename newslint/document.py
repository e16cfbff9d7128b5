"""The Document: text, line index, regions (headline, paragraphs, metadata) and prose tokens."""

from __future__ import annotations

import bisect
from collections.abc import Container, Iterable, Iterator, Sequence
import re
from array import array
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple, TypeVar, overload

from newslint import text as textutil
from newslint.source import Source

T = TypeVar("T")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
METADATA_LINE_RE = re.compile(r"^(?P<key>[A-Z][A-Z0-9_ -]{0,30}[A-Z0-9]|[A-Z]):(?P<value>.*)$")
# Spans inside prose that are not prose: addresses, handles, markup; and HTML comments, found apart (layout's
# non_prose_spans), since a regex would read on from every "<!--" that is never closed to the end of its paragraph.
HTML_COMMENT_OPEN, HTML_COMMENT_CLOSE = "<!--", "-->"
NOT_LINE_BREAK_RE = re.compile(r"[^\r\n]+")
NON_PROSE_RE = re.compile(
    r"""</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>     # HTML tag
      | &[A-Za-z]+;|&\#\d+;                         # entity
      | \b(?:https?|ftp)://[^\s<>"\u201d]+          # URL
      | \bwww\.[^\s<>"\u201d]+
      | (?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+   # e-mail, from the start of its run of characters (*)
      | (?<![\w@])[@\#][A-Za-z_][\w]*               # handle, hashtag
    """,
    re.VERBOSE,
)
# (*) Tried from each character, a long run with no "@" after it would be read again from each; it can only match
# from the run's start anyway, or from where the last match stopped inside the run ("@desk.jo@example.com": a handle,
# then an address), which is where this one is tried.
EMAIL_RESUMED_RE = re.compile(r"(?<=[\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Text set in italics: <i>terroir</i> or <em>terroir</em> in any draft; *terroir* or _terroir_ in Markdown (not
# **bold**, and not an asterisk or underscore inside a word).
HTML_ITALIC_RE = re.compile(r"<(i|em)>([^<>\n]+)</\1>")
MARKDOWN_ITALIC_RE = re.compile(r"(?<![*_\w])([*_])(?=[^*_\s])([^*_\n]+?)(?<=\S)\1(?![*_\w])")


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


@dataclass(frozen=True, slots=True)
class MetadataField:
    key: str
    key_start: int
    key_end: int  # after the colon
    value: str
    value_start: int
    value_end: int
    origin: str  # "block" (KEY: value lines) or "front_matter" (YAML or TOML)


@dataclass(frozen=True, slots=True)
class Layout:
    blocks: Blocks
    metadata: list[MetadataField]
    markup: str  # text with code, metadata and front matter blanked; tags and addresses kept
    prose: str  # markup with tags, addresses, handles and entities blanked too
    front_matter_problem: tuple[int, str] | None = None  # where and why the front matter does not parse


class Document:
    """One draft, read-only. Positions are character offsets into ``text``."""

    def __init__(self, source: Source, markdown: bool | None = None):
        self.source = source
        self.path = source.path
        self.text = source.text
        self.is_markdown = source.path.lower().endswith(MARKDOWN_SUFFIXES) if markdown is None else markdown
        # A line ends at \r\n, \n, or a lone \r (old Mac exports), as editors show it. An array: a list of ints takes
        # 40 bytes a line, and a 10 MB draft may have two million.
        self._line_starts = array("q", [0])
        self._line_starts.extend(m.end() for m in re.finditer(r"\r\n?|\n", self.text))
        self._derived: dict[type, object] = {}

    def derived(self, factory: type[T]) -> T:
        """One instance of factory(self) per document, shared by every rule that asks."""
        if factory not in self._derived:
            self._derived[factory] = factory(self)
        return self._derived[factory]  # type: ignore[return-value]

    # -- positions ---------------------------------------------------------------------------------
    def locate(self, offset: int) -> tuple[int, int]:
        """1-based line and column (code points) of an offset: the one place this is computed."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_span(self, index: int) -> tuple[int, int]:
        """Start and end (before its line break) of 0-based line index."""
        start = self._line_starts[index]
        end = self._line_starts[index + 1] if index + 1 < len(self._line_starts) else len(self.text)
        if end > start and self.text[end - 1] == "\n":
            end -= 1
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def line_text(self, index: int) -> str:
        start, end = self.line_span(index)
        return self.text[start:end]

    # -- regions -----------------------------------------------------------------------------------
    @cached_property
    def _layout(self) -> Layout:
        from newslint import layout

        if self.is_markdown:
            return layout.markdown_layout(self)
        return layout.plain_layout(self)

    @property
    def blocks(self) -> Blocks:
        return self._layout.blocks

    @property
    def metadata(self) -> list[MetadataField]:
        return self._layout.metadata

    @property
    def front_matter_problem(self) -> tuple[int, str] | None:
        return self._layout.front_matter_problem

    @property
    def markup(self) -> str:
        return self._layout.markup

    @property
    def prose(self) -> str:
        """The text with everything that is not prose blanked to spaces: same length, same offsets."""
        return self._layout.prose

    @cached_property
    def prose_blocks(self) -> Blocks:
        return self.blocks.of_kinds(("headline", "heading", "paragraph"))

    @cached_property
    def tokens(self) -> textutil.Tokens:
        prose = self.prose
        out = textutil.Tokens()
        spellings: dict[str, str] = {}
        for block in self.prose_blocks:
            out.add_words(prose, block.start, block.end, spellings)
        return out

    @cached_property
    def sentence_starts(self) -> Offsets:
        prose = self.prose
        return Offsets(start for block in self.prose_blocks
                       for start in textutil.sentence_starts(prose[block.start:block.end], block.start))

    @cached_property
    def headline_spans(self) -> Spans:
        return Spans((b.start, b.end) for b in self.blocks if b.kind in ("headline", "heading"))

    @cached_property
    def italic_spans(self) -> Spans:
        """The text inside each italic span, in document order."""
        found = [m.span(2) for m in HTML_ITALIC_RE.finditer(self.markup)]
        if self.is_markdown:
            found += [m.span(2) for m in MARKDOWN_ITALIC_RE.finditer(self.markup)]
        return Spans(found)

    def italic_span(self, offset: int) -> tuple[int, int] | None:
        return self.italic_spans.containing(offset)

    def in_heading(self, offset: int) -> bool:
        return self.headline_spans.containing(offset) is not None

    def neighbours(self, index: int) -> tuple[str | None, str | None]:
        """The lower-case words just before and after token `index`, when only a space separates them."""
        tokens, prose = self.tokens, self.prose
        token = tokens[index]
        left = right = None
        if index > 0 and prose[tokens[index - 1].end:token.start] == " ":
            left = tokens[index - 1].text.lower()
        if index + 1 < len(tokens) and prose[token.end:tokens[index + 1].start] == " ":
            right = tokens[index + 1].text.lower()
        return left, right

    def is_sentence_start(self, token: textutil.Token) -> bool:
        """True when the token opens a sentence, a heading, or follows an opening quote or a colon."""
        if token.start in self.sentence_starts:
            return True
        i = token.start
        prose = self.prose
        while i > 0 and prose[i - 1] in textutil.OPENERS + " \u2014\u2013-":
            i -= 1
            if i in self.sentence_starts:
                return True
        return i > 0 and prose[i - 1] in ":\n"


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


class Spans:
    """Spans (start, end) sorted by start and not overlapping, in two arrays (a tuple per span takes 56 bytes and
    two ints, and a 10 MB draft of one-word lines has two million headings)."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = array("q", (start for start, _ in ordered))
        self._ends = array("q", (end for _, end in ordered))

    def containing(self, offset: int) -> tuple[int, int] | None:
        """The span holding offset, or None."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return (self._starts[i], self._ends[i]) if i >= 0 and offset < self._ends[i] else None

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self._starts, self._ends)

    def __len__(self) -> int:
        return len(self._starts)


def _spaces(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


class Blanks:
    """A text with ranges to blank to spaces, line breaks kept, applied in one pass when the result is asked for (a
    list of characters would take 8 bytes a character, and a string object for each one outside Latin-1)."""

    def __init__(self, text: str):
        self.text = text
        self._ranges: list[tuple[int, int]] = []
        self._result: str | None = text

    def blank(self, start: int, end: int) -> None:
        if end > start:
            self._ranges.append((start, end))
            self._result = None

    def result(self) -> str:
        if self._result is None:
            pieces, done = [], 0
            for start, end in sorted(self._ranges):
                if end <= done:
                    continue
                start = max(start, done)
                pieces += (self.text[done:start], NOT_LINE_BREAK_RE.sub(_spaces, self.text[start:end]))
                done = end
            pieces.append(self.text[done:])
            self._result = "".join(pieces)
        return self._result
