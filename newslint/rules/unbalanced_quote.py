"""NL403: a quotation mark opened and not closed (or closed and not opened) within a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.document.layout import MAX_HEADING_WORDS
from newslint.document.patterns import LazyPattern
from newslint.document.quotes import QuoteScan, last_mark_before, scan_quotes
from newslint.document.text import CLOSERS
from newslint.engine.diagnostic import Severity, Span
from newslint.engine.rule import Rule
from newslint.wordlists import entries

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

# ", she said", ", the minister added", ", said Mr Smith": the speaker named inside the quote, so it ended earlier.
ATTRIBUTION_RE = LazyPattern(r",\s+(?:[\w.'\u2019-]+\s+){0,3}(?:%s)\b"
                            % "|".join(map(re.escape, entries("attribution-verbs"))))


class ParagraphEnd:
    """How a paragraph ends, read once for all the quotations it leaves open (once for each would be quadratic in a
    paragraph of unclosed quotes)."""

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        while stop > start and text[stop - 1] in CLOSERS:
            stop -= 1
        self.last_mark_at = stop - 1  # its last character but trailing blanks and closing marks, or start - 1
        self._last_attribution: int | None = None

    @property
    def last_attribution(self) -> int:
        """Where the paragraph's last speaker attribution (", she said") starts, or -1."""
        if self._last_attribution is None:
            self._last_attribution = -1
            comma = self.end
            while (comma := self.text.rfind(",", self.start, comma)) >= 0:
                if ATTRIBUTION_RE.match(self.text, comma, self.end):
                    self._last_attribution = comma
                    break
        return self._last_attribution

    def runs_on(self, opener: int) -> bool:
        """True when a quotation left open at the end of its paragraph reads as one running on into the next with
        its opening mark dropped: it opens a sentence, ends the paragraph on a full stop and names no speaker."""
        before = last_mark_before(self.text, self.start, opener)
        last = self.text[self.last_mark_at] if self.last_mark_at >= opener else ""
        return (not before or before in ".!?:") and last in (".", "!", "?") and self.last_attribution < opener


class Scans:
    """Each block's quote scan (None past the last block), made when first asked for and kept while the check reads
    near it (the block, the next, a stanza after them): scanning every paragraph first held four lists a paragraph at
    once."""

    def __init__(self, prose: str, blocks):
        self.prose, self.blocks = prose, blocks
        self.kept: dict[int, QuoteScan] = {}

    def __call__(self, index: int) -> QuoteScan | None:
        found = self.kept.get(index)
        if found is None and index < len(self.blocks):
            self.kept = {i: scan for i, scan in self.kept.items() if i >= index - 1}
            block = self.blocks[index]
            found = self.kept[index] = scan_quotes(self.prose, block.start, block.end)
        return found


def opens_with_quote(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip(" \t>*-")
    return stripped[:1] in ("\u201c", '"', "\u2018")


def resumes_after_subheads(prose: str, blocks, n: int) -> bool:
    """Whether a quotation left open in paragraph n runs on past the subheads after it: the next paragraph opens
    with a quotation mark, as it would straight after (a subhead set into a long quote)."""
    m = n + 1
    while m < len(blocks) and blocks[m].kind == "heading":
        m += 1
    return n + 1 < m < len(blocks) and blocks[m].kind == "paragraph" and opens_with_quote(prose, blocks[m].start,
                                                                                        blocks[m].end)


def stanza_close(prose: str, blocks, scan, n: int) -> int | None:
    """Where a quotation that block `n` leaves open closes when it quotes verse set one line a line: the later line of
    the same stanza that closes it, or None. A stanza is a run of short lines (at most MAX_HEADING_WORDS words each
    after the first) with no blank line between, most of them running on (no full stop at their end, as prose
    paragraphs have); the lines between hold no quotation mark. `scan(i)` is block i's QuoteScan."""
    m, stops = n + 1, 0
    while m < len(blocks) and prose[blocks[m - 1].end:blocks[m].start] == "\n" \
            and len(prose[blocks[m].start:blocks[m].end].split()) <= MAX_HEADING_WORDS:
        stops += runs_to_a_stop(prose, blocks[m - 1])
        found = scan(m)
        if found.unopened:
            return m if 2 * stops < m - n else None
        if found.spans or found.unclosed or found.open_at_end:
            return None
        m += 1
    return None


def runs_to_a_stop(prose: str, block) -> bool:
    """Whether a line ends a sentence (a full stop, ! or ?, before any closing marks): a line of verse runs on."""
    last = ParagraphEnd(prose, block.start, block.end).last_mark_at
    return last >= block.start and prose[last] in ".!?"


class UnbalancedQuote(Rule):
    """A quotation mark with no partner in its paragraph.

    What it does: pairs double quotation marks (curly and straight) and curly single quotes within each
    paragraph and heading, allowing nested quotes of either kind. An opening mark never closed, or a closing
    mark with nothing open, is flagged. Apostrophes and possessives ("don’t", "Jones’") are not quotation
    marks, and a quotation left open at the end of a paragraph is fine when the next paragraph opens with a
    quotation mark (how news copy runs one quote over several paragraphs, past a subhead too) or closes it (a
    paragraph broken inside a quote), and so is a quotation of verse set one line a line that a later line of the
    same stanza closes (short lines, no blank line between). A new opening mark straight after a full stop inside
    an open quotation is read the same way (a paragraph break lost when copy was pasted).

    Why it matters: a missing closing quote makes the reporter's words read as the speaker's, which can put
    words in someone's mouth; a stray one makes readers hunt for a quote that is not there.

    Example: “We will not back down, the minister said. -> close the quote after "down,".

    Fix safety: no automatic fix; only the writer knows where the quote ends.
    """

    code = "NL403"
    name = "unbalanced-quote"
    severity = Severity.WARNING

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        prose = doc.prose
        blocks = doc.prose_blocks
        scans = Scans(prose, blocks)
        verse_closing: set[int] = set()  # the lines that close a quotation of verse opened lines before
        carried = False  # the previous paragraph left a quotation open that this one may close
        for n, block in enumerate(blocks):
            found = scans(n)
            follows = n + 1 < len(blocks) and blocks[n + 1].kind == block.kind == "paragraph"
            continues = bool(found.open_at_end) and continued(prose, blocks, scans, n, follows, verse_closing)
            ending = ParagraphEnd(prose, block.start, block.end)
            left_open = [] if continues else [(offset, mark) for offset, mark in found.open_at_end
                                              if not (follows and ending.runs_on(offset))]
            for offset, mark in found.unclosed + left_open:
                yield self.report(Span(offset, offset + 1),
                                  f"Quotation mark '{mark}' is never closed in this paragraph")
            for offset, mark in found.unopened[1 if carried or n in verse_closing else 0:]:
                yield self.report(Span(offset, offset + 1), f"Closing quotation mark '{mark}' has no opening mark")
            carried = continues


def continued(prose: str, blocks, scans: Scans, n: int, follows: bool, verse_closing: set[int]) -> bool:
    """Whether the quotation block `n` leaves open runs on: into the next paragraph, which opens with a quotation mark
    or closes it; past subheads into a paragraph that opens with one; or to a later line of its stanza of verse
    (stanza_close, whose closing line is added to `verse_closing`)."""
    if follows:
        if opens_with_quote(prose, blocks[n + 1].start, blocks[n + 1].end) or scans(n + 1).unopened:
            return True
    elif blocks[n].kind == "paragraph" and resumes_after_subheads(prose, blocks, n):
        return True
    closer = stanza_close(prose, blocks, scans, n)
    if closer is not None:
        verse_closing.add(closer)
    return closer is not None
