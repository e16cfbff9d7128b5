"""NL403: a quotation mark opened and not closed (or closed and not opened) within a paragraph."""

from __future__ import annotations

import re
from typing import NamedTuple

from newslint.diagnostic import Severity, Span
from newslint.rule import Rule
from newslint.text import CLOSERS

OPEN_BEFORE = " \t\n([{\u2014\u2013-/\u2018"  # a straight " after one of these (or at the start) opens
CLOSE_AFTER = " \t\r\n.,;:!?)]}\u2014\u2013-\u2019"  # a straight " before one of these (or at the end) closes
# ", she said", ", the minister added", ", said Mr Smith": the speaker named inside the quote, so it ended earlier.
ATTRIBUTION_RE = re.compile(r",\s+(?:[\w.'\u2019-]+\s+){0,3}(?:said|says|added|adds|told|asked|wrote|writes|replied|"
                            r"explained|insisted|warned|argued|claimed|admitted)\b")


class QuoteScan(NamedTuple):
    spans: list[tuple[int, int]]  # quoted stretches, marks included; an unclosed one runs to the end
    unclosed: list[tuple[int, str]]  # openers left behind when a later mark closed or reopened
    open_at_end: list[tuple[int, str]]  # openers still open at the end
    unopened: list[tuple[int, str]]  # offsets and marks of closers with nothing open


def _double_role(text: str, i: int, start: int, end: int, is_open: bool) -> bool:
    """True when the straight double quote at i opens a quotation."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if before in OPEN_BEFORE and after not in CLOSE_AFTER:
        return True
    if after in CLOSE_AFTER and before not in OPEN_BEFORE:
        return False
    return not is_open


def scan_quotes(text: str, start: int, end: int) -> QuoteScan:
    """Pair double quotes (curly and straight) and curly single quotes in text[start:end].

    A right single quote is also the apostrophe, so it only ever closes an open left single quote, and
    only when it is not between two letters ("don’t"); a stray one is never reported.
    """
    stack: list[tuple[int, str]] = []  # (offset, "d" or "s")
    # Where each kind sits in the stack, innermost last: the quotation a mark closes is found without searching down
    # the stack, which a paragraph of stray closers over a pile of openers would make quadratic.
    depths: dict[str, list[int]] = {"d": [], "s": []}
    spans: list[tuple[int, int]] = []
    unclosed: list[tuple[int, str]] = []
    unopened: list[tuple[int, str]] = []

    def push(offset: int, kind: str) -> None:
        depths[kind].append(len(stack))
        stack.append((offset, kind))

    def cut(depth: int) -> None:
        while len(stack) > depth:
            depths[stack.pop()[1]].pop()

    def close(kind: str, at: int) -> bool:
        if not depths[kind]:
            return False
        where = depths[kind][-1]
        for offset, _ in stack[where + 1:]:
            unclosed.append((offset, text[offset]))
        spans.append((stack[where][0], at + 1))
        cut(where)
        return True

    for i in range(start, end):
        ch = text[i]
        if ch == "\u201c" or (ch == '"' and _double_role(text, i, start, end, bool(depths["d"]))):
            if depths["d"]:
                where = depths["d"][-1]
                if last_mark_before(text, start, i) in ".!?":  # a lost paragraph break: the quote runs on
                    spans.append((stack[where][0], i))
                else:
                    unclosed.append((stack[where][0], text[stack[where][0]]))
                cut(where)
            push(i, "d")
        elif ch in "\u201d\"":
            if not close("d", i):
                unopened.append((i, ch))
        elif ch == "\u2018" and not (i + 1 < end and text[i + 1].isdigit()):
            push(i, "s")
        elif ch == "\u2019" and depths["s"]:
            between_letters = i > start and i + 1 < end and text[i - 1].isalpha() and text[i + 1].isalpha()
            if not between_letters:
                close("s", i)
    spans.extend((offset, end) for offset, _ in stack)
    return QuoteScan(sorted(spans), unclosed, [(offset, text[offset]) for offset, _ in stack], unopened)


def last_mark_before(text: str, start: int, at: int) -> str:
    """The last character of text[start:at] that is not whitespace, or "": text[start:at].rstrip()[-1:], read
    backwards from `at` rather than copying the paragraph so far."""
    while at > start and text[at - 1].isspace():
        at -= 1
    return text[at - 1] if at > start else ""


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


def opens_with_quote(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip(" \t>*-")
    return stripped[:1] in ("\u201c", '"', "\u2018")


class UnbalancedQuote(Rule):
    """A quotation mark with no partner in its paragraph.

    What it does: pairs double quotation marks (curly and straight) and curly single quotes within each
    paragraph and heading, allowing nested quotes. An opening mark never closed, or a closing mark with
    nothing open, is flagged. Apostrophes and possessives ("don’t", "Jones’") are not quotation marks, and a
    quotation left open at the end of a paragraph is fine when the next paragraph opens with a quotation mark
    (how news copy runs one quote over several paragraphs) or closes it (a paragraph broken inside a quote). A new opening mark straight after a full
    stop inside an open quotation is read the same way (a paragraph break lost when copy was pasted).

    Why it matters: a missing closing quote makes the reporter's words read as the speaker's, which can put
    words in someone's mouth; a stray one makes readers hunt for a quote that is not there.

    Example: “We will not back down, the minister said. -> close the quote after "down,".

    Fix safety: no automatic fix; only the writer knows where the quote ends.
    """

    code = "NL403"
    name = "unbalanced-quote"
    severity = Severity.WARNING

    def check(self, doc, res):
        prose = doc.prose
        blocks = doc.prose_blocks
        # Each paragraph's scan and the next one's: scanning them all first held four lists a paragraph at once.
        scans = (scan_quotes(prose, b.start, b.end) for b in blocks)
        following = next(scans, None)
        carried = False  # the previous paragraph left a quotation open that this one may close
        for n, block in enumerate(blocks):
            found, following = following, next(scans, None)
            follows = n + 1 < len(blocks) and blocks[n + 1].kind == block.kind == "paragraph"
            continues = follows and (opens_with_quote(prose, blocks[n + 1].start, blocks[n + 1].end)
                                     or bool(following.unopened))
            ending = ParagraphEnd(prose, block.start, block.end)
            left_open = [] if continues else [(offset, mark) for offset, mark in found.open_at_end
                                              if not (follows and ending.runs_on(offset))]
            for offset, mark in found.unclosed + left_open:
                yield self.report(Span(offset, offset + 1),
                                  f"Quotation mark '{mark}' is never closed in this paragraph")
            for offset, mark in found.unopened[1 if carried else 0:]:
                yield self.report(Span(offset, offset + 1), f"Closing quotation mark '{mark}' has no opening mark")
            carried = continues and bool(found.open_at_end)
