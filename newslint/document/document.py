"""The Document: text, line index, regions (headline, paragraphs, metadata) and prose tokens."""

from __future__ import annotations

import bisect
import heapq
import re
from array import array
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from newslint.document import text as textutil
from newslint.document.patterns import LazyPattern
from newslint.document.regions import Blocks, Layout, MetadataField, Offsets, Spans
from newslint.document.source import Source

if TYPE_CHECKING:
    from newslint.engine.explain import Trace

T = TypeVar("T")
BEFORE_A_SENTENCE = textutil.OPENERS + " \u2014\u2013-"  # what may stand between a sentence start and its first word
# A run of those read forward from a sentence start, and a colon or line break with the run after it: where a word
# that opens a sentence may start (sentence_openers).
_RUN_BEFORE_A_SENTENCE_RE = re.compile("[" + re.escape(BEFORE_A_SENTENCE) + "]*+")
_AFTER_A_BREAK_RE = re.compile("[:\n][" + re.escape(BEFORE_A_SENTENCE) + "]*+")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
# Text set in italics: <i>terroir</i> or <em>terroir</em> in any draft; *terroir* or _terroir_ in Markdown (not
# **bold**, and not an asterisk or underscore inside a word).
HTML_ITALIC_RE = LazyPattern(r"<(i|em)>([^<>\n]+)</\1>")
MARKDOWN_ITALIC_RE = LazyPattern(r"(?<![*_\w])([*_])(?=[^*_\s])([^*_\n]+?)(?<=\S)\1(?![*_\w])")


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
        self.trace: Trace | None = None  # set by the linter when a run explains itself (engine/explain.py)

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
        from newslint.document import layout

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
        found = [m.span(2) for m in HTML_ITALIC_RE.finditer(self.markup)] if "<" in self.markup else []
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
        return self.opens_sentence(token.start)

    def sentence_openers(self) -> Iterator[int]:
        """The start of each token that opens_sentence, in order. A word opens a sentence when the run of
        BEFORE_A_SENTENCE before it holds a sentence start or follows a colon or line break: the places where such a
        run ends (read forward from each sentence start, and found after each colon and line break) are merged in
        order and each is looked for among the token starts, instead of every token's run being read backwards."""
        prose, starts = self.prose, self.tokens.starts
        run = _RUN_BEFORE_A_SENTENCE_RE.match
        ends = heapq.merge((run(prose, start).end() for start in self.sentence_starts),
                           (m.end() for m in _AFTER_A_BREAK_RE.finditer(prose)))
        last = -1
        for end in ends:
            if end != last:
                last = end
                i = bisect.bisect_left(starts, end)
                if i < len(starts) and starts[i] == end:
                    yield end

    def opens_sentence(self, start: int) -> bool:
        """True when a word starting here opens a sentence, a heading, or follows an opening quote or a colon."""
        if start in self.sentence_starts:
            return True
        i = start
        prose = self.prose
        while i > 0 and prose[i - 1] in BEFORE_A_SENTENCE:
            i -= 1
            if i in self.sentence_starts:
                return True
        return i > 0 and prose[i - 1] in ":\n"
