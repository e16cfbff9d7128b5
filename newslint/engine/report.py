"""What reporters receive: diagnostics with their lines and columns resolved, plus run-level facts."""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from newslint.document.document import Document
from newslint.document.source import checksum
from newslint.engine.diagnostic import Diagnostic
from newslint.engine.fixer import line_break_refusal
from newslint.engine.linter import FileResult
from newslint.engine.rule import Rule

CONTEXT = 20  # characters each side of the flagged text that take part in its fingerprint
SPACE_RE = re.compile(r"\s+")
# Characters of a line kept for display each side of the flagged text, and of the flagged text itself: more than the
# text view's window (sized to the terminal) shows beside a span on any real terminal. Keeping the whole line instead
# cost memory with diagnostics times line length: one 1 MB line of "the the ..." gave 262,143 copies of it.
EXCERPT_MARGIN = 500


def readable(text: str) -> str:
    """text with each byte that was not UTF-8 (a lone surrogate U+DC80..U+DCFF, as Python decodes a file name's
    undecodable bytes) written as a backslash escape, \\xe9, and any other lone surrogate as \\udXXX: printable on a
    strict UTF-8 stream, and two names that differ only in such bytes still differ."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join(f"\\x{ord(c) - 0xDC00:02x}" if "\udc80" <= c <= "\udcff" else
                       f"\\u{ord(c):04x}" if "\ud800" <= c <= "\udfff" else c for c in text)


def content_fingerprint(text: str, start: int, end: int) -> str:
    """A hash of the flagged text and a little context, spacing and line endings normalised."""
    before = SPACE_RE.sub(" ", text[max(0, start - 4 * CONTEXT):start])[-CONTEXT:]
    after = SPACE_RE.sub(" ", text[end:end + 4 * CONTEXT])[:CONTEXT]
    snippet = "\0".join((before, SPACE_RE.sub(" ", text[start:end]), after))
    return checksum(snippet.encode("utf-8", "surrogatepass"))


class Excerpt(NamedTuple):
    """The part of a diagnostic's first line kept for display: the flagged text (at most EXCERPT_MARGIN characters of
    it) and at most EXCERPT_MARGIN characters each side."""

    text: str
    column: int  # 1-based column of text's first character in the line
    cut_after: bool  # the line goes on after text

    @property
    def cut_before(self) -> bool:
        return self.column > 1


def excerpt(doc: Document, line: int, start: int, end: int) -> Excerpt:
    """The excerpt of 1-based line `line` around the span start..end (which may run on past the line)."""
    line_start, line_end = doc.line_span(line - 1)
    first = max(line_start, start - EXCERPT_MARGIN)
    last = min(line_end, min(end, start + EXCERPT_MARGIN) + EXCERPT_MARGIN)
    last = max(first, last)
    return Excerpt(doc.text[first:last], first - line_start + 1, last < line_end)


class Located(NamedTuple):
    diagnostic: Diagnostic
    path: str  # as given, with bytes of the name that are not UTF-8 escaped (see readable)
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive
    excerpt: Excerpt  # the line around the flagged text, for display
    fingerprint: str = ""  # the flagged text in its context, hashed: what a baseline matches on
    # On the last item of a rule in a file: how many more diagnostics the rule found there past MAX_PER_RULE.
    more: int = 0
    refused: bool = False  # its fix would add, remove or join a line break outside its text: --fix leaves it out

    @property
    def fixable(self) -> str:
        """'safe' or 'unsafe': what --fix would do with it (with --unsafe-fixes for 'unsafe'); '' for nothing."""
        fix = self.diagnostic.fix
        return fix.applicability.value if fix and not self.refused else ""

    def as_dict(self) -> dict:
        d = self.diagnostic
        out = {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
            "code": d.code, "rule": d.rule, "severity": d.severity.value, "message": d.message,
            "suggestions": list(d.suggestions), "fix": None,
        }
        if d.fix:
            out["fix"] = {
                "title": d.fix.title, "applicability": d.fix.applicability.value,
                "edits": [{"start": e.span.start, "end": e.span.end, "replacement": e.replacement} for e in d.fix.edits],
            }
        if "evidence" in d.extra:
            out["evidence"] = d.extra["evidence"]
        return out


def locate(result: FileResult) -> list[Located]:
    """A file's diagnostics with lines and columns; a rule that found more than MAX_PER_RULE says how many more on
    its last item (a rule whose every item the filters took out, suppressions or severity "off", says nothing)."""
    doc = result.document
    path = readable(doc.path)
    out = []
    for d in result.diagnostics:
        line, column = doc.locate(d.span.start)
        end_line, end_column = doc.locate(d.span.end)
        out.append(Located(d, path, line, column, end_line, end_column, excerpt(doc, line, d.span.start, d.span.end),
                           content_fingerprint(doc.text, d.span.start, d.span.end),
                           refused=d.fix is not None and bool(line_break_refusal(doc.text, d))))
    for code, more in result.left_out:
        last = next((i for i in range(len(out) - 1, -1, -1) if out[i].diagnostic.code == code), None)
        if last is not None:
            out[last] = out[last]._replace(more=more)
    return out


def left_out(items: list[Located]) -> list[tuple[str, str, int]]:
    """(path, code, how many more) for each rule whose diagnostics in a file were cut at MAX_PER_RULE."""
    return [(item.path, item.diagnostic.code, item.more) for item in items if item.more]


def occurrences(items: list[Located]) -> list[int]:
    """For each item, how many items before it share its path, code and content fingerprint: with the
    fingerprint, an identity that survives edits elsewhere in the file (no line numbers)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for item in items:
        key = (item.path, item.diagnostic.code, item.fingerprint)
        out.append(seen[key])
        seen[key] += 1
    return out


class RuleCount(NamedTuple):
    rule: str  # the rule's name
    count: int
    safe: int  # how many --fix would fix
    unsafe: int  # how many more --unsafe-fixes would


class Tally:
    """What a summary and --statistics say of the diagnostics reported, counted as they come: a report that streams
    them keeps no diagnostic, so its memory does not grow with the files checked."""

    def __init__(self) -> None:
        self.problems = 0
        self.files_with_problems = 0
        self.by_severity: Counter[str] = Counter()
        self.by_code: dict[str, RuleCount] = {}

    def add(self, items: list[Located]) -> None:
        """One file's diagnostics."""
        self.problems += len(items)
        self.files_with_problems += bool(items)
        for item in items:
            d = item.diagnostic
            self.by_severity[d.severity.value] += 1
            rule, count, safe, unsafe = self.by_code.get(d.code) or RuleCount(d.rule, 0, 0, 0)
            self.by_code[d.code] = RuleCount(rule, count + 1, safe + (item.fixable == "safe"),
                                             unsafe + (item.fixable == "unsafe"))

    @property
    def safe(self) -> int:
        return sum(c.safe for c in self.by_code.values())

    @property
    def unsafe(self) -> int:
        return sum(c.unsafe for c in self.by_code.values())


class Report:
    def __init__(self, keep_items: bool = True) -> None:
        self.items: list[Located] = []  # empty when keep_items is off: see tally
        self.keep_items = keep_items
        self.tally = Tally()
        self.files = 0
        self.errors: list[str] = []  # input problems, one line each
        self.warnings: list[str] = []  # run-level remarks for stderr (a pattern that matches nothing)
        self.fixed = 0
        self.hidden_by_baseline = 0  # known problems a baseline kept out of items
        # (path, code, how many more) for each rule that found more than MAX_PER_RULE problems in a file
        self.truncated: list[tuple[str, str, int]] = []
        self.rules: dict[str, Rule] = {}  # by code, every rule that could have reported

    def add_items(self, items: list[Located]) -> None:
        """One checked file's diagnostics, already located (documents are not kept)."""
        self.files += 1
        self.tally.add(items)
        if self.keep_items:
            self.items.extend(items)
        self.truncated.extend(left_out(items))

