"""Quotation marks paired within a paragraph: what is quoted, and the marks left without a partner."""

from __future__ import annotations

import re
from typing import NamedTuple

OPEN_BEFORE = " \t\n([{\u2014\u2013-/\u2018"  # a straight " after one of these (or at the start) opens
CLOSE_AFTER = " \t\r\n.,;:!?)]}\u2014\u2013-\u2019"  # a straight " before one of these (or at the end) closes
QUOTE_MARK_RE = re.compile("[\u201c\u201d\"\u2018\u2019]")  # the marks scan_quotes pairs: it passes over the rest


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
    """Pair double quotes (curly and straight) and curly single quotes in text[start:end]; a quotation may hold
    another of either kind ("the "Father of the House" said" pairs both), so an opening mark inside an open quotation
    leaves it open, unless a sentence has ended before it (a paragraph break lost: the first quotation runs on).

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

    for mark in QUOTE_MARK_RE.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if ch == "\u201c" or (ch == '"' and _double_role(text, i, start, end, bool(depths["d"]))):
            if depths["d"] and last_mark_before(text, start, i) in ".!?":  # a lost paragraph break: the quote runs on
                where = depths["d"][-1]
                spans.append((stack[where][0], i))
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
