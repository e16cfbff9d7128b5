"""Inline suppressions in HTML comments, which never show in published copy.

``<!-- newslint-disable NL301 NL2 -->`` ... ``<!-- newslint-enable NL301 NL2 -->`` (no codes: every rule),
``<!-- newslint-disable-next-line NL201 -->`` for the next non-blank line, ``<!-- newslint-disable-line -->``
for its own line. Codes may be prefixes, in any letter case; one that names no enabled rule makes the file an
input error (DirectiveError), as a directive that silently does nothing would hide what it meant to allow.
And the copy's own marks, ``[sic]`` and a copy desk's ``cq``: the text just before one is written so on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newslint.document.document import Document
from newslint.document.patterns import LazyPattern
from newslint.engine.diagnostic import Diagnostic, Span

DIRECTIVE_RE = LazyPattern(
    r"<!--\s*newslint-(?P<kind>disable-next-line|disable-line|disable|enable)\b(?P<codes>[^>]*?)\s*-->"
)


# "[sic]" or "(sic)" after a word (a closing quotation mark may come between) tells readers the error is the
# source's, quoted as written; a copy desk's "cq" (bare, in lower case, or bracketed) says a reporter checked an
# odd spelling. Either is the copy's own mark: no rule reports the text it follows.
MARK_LEAD = "\"'\u201d\u2019*_ \t\r\n\u00a0"  # what may stand between the text and its mark: quotes, emphasis, spaces
AS_WRITTEN_RE = LazyPattern(rf"[{re.escape(MARK_LEAD)}]*(?:[\[(]\s*[*_]?(?i:sic|cq)[*_]?!?\s*[\])]|cq(?![\w'\u2019-]))")
MARK_HINT_RE = re.compile(r"(?i:sic|cq)")  # in every mark: a file without it is not looked at again


class DirectiveError(Exception):
    """A directive names a code that no enabled rule has; the message names the file and line."""


class Directive:
    def __init__(self, kind: str, codes: tuple[str, ...], span: Span, first_line: int = 0, last_line: int = 0,
                 used: bool = False, excepted: tuple[str, ...] = (), continues: Directive | None = None):
        self.kind = kind
        self.codes = codes  # empty: every rule
        self.span = span
        self.first_line = first_line  # 1-based line range it covers
        self.last_line = last_line
        self.used = used
        self.excepted = excepted  # codes an enable has taken back out of a disable of every rule
        self.continues = continues  # the disable this one carries on after a partial enable

    def covers(self, code: str) -> bool:
        return ((not self.codes or "ALL" in self.codes or any(code.startswith(c) for c in self.codes))
                and not any(code.startswith(c) for c in self.excepted))

    def mark_used(self) -> None:
        self.used = True
        if self.continues is not None:
            self.continues.mark_used()


def parse(doc: Document, problem: Callable[[str], str | None] | None = None) -> list[Directive]:
    """The document's directives; problem(code) says what is wrong with a code (None: it names a rule)."""
    directives = []
    open_ranges: list[Directive] = []
    for m in DIRECTIVE_RE.finditer(doc.markup):  # code is blanked there: a directive shown in code is an example
        codes = tuple(c.upper() for c in re.split(r"[\s,]+", m.group("codes")) if c)
        d = Directive(m.group("kind"), codes, Span(m.start(), m.end()))
        line = doc.locate(m.start())[0]
        for code in codes if problem else ():
            if wrong := problem(code):
                raise DirectiveError(f"{doc.path}:{line}: newslint-{d.kind}: {wrong}")
        if d.kind == "disable-line":
            d.first_line = d.last_line = line
        elif d.kind == "disable-next-line":
            d.first_line = d.last_line = _next_line_with_text(doc, line)
        elif d.kind == "disable":
            d.first_line, d.last_line = line, doc.line_count
            open_ranges.append(d)
        else:
            directives += _enable(d, line, doc.line_count, open_ranges)
        directives.append(d)
    return directives


def _next_line_with_text(doc: Document, line: int) -> int:
    target = line + 1
    while target <= doc.line_count and not doc.line_text(target - 1).strip():
        target += 1
    return target


def _enable(enable: Directive, line: int, last_line: int, open_ranges: list[Directive]) -> list[Directive]:
    """An enable closes the open ranges it names (all of them when it names none); what they named besides stays
    disabled, in a range carried on from here, which is returned."""
    codes = enable.codes
    closed = [o for o in open_ranges if not codes or (set(o.codes or codes) & set(codes))]
    carried_on = []
    for o in closed:
        o.last_line = line
        open_ranges.remove(o)
        rest = tuple(c for c in o.codes if c not in codes)
        if codes and (rest or not o.codes):
            carried = Directive("disable", rest, o.span, line, last_line,
                                excepted=o.excepted + (() if o.codes else codes), continues=o)
            open_ranges.append(carried)
            carried_on.append(carried)
    enable.used = bool(closed)
    return carried_on


def marked_as_written(doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics whose text the copy does not mark [sic] or cq; with a trace, each one left out says so."""
    if not diagnostics or not MARK_HINT_RE.search(doc.text):
        return diagnostics
    prose, kept = doc.prose, []
    for d in diagnostics:
        mark = AS_WRITTEN_RE.match(prose, d.span.end)
        if mark is None:
            kept.append(d)
        elif doc.trace is not None:
            doc.trace.decide(d.code, d.span.start, d.span.end, "marked-as-written", False,
                             mark=mark.group().lstrip(MARK_LEAD))
    return kept


def apply(doc: Document, diagnostics: list[Diagnostic],
          problem: Callable[[str], str | None] | None = None) -> tuple[list[Diagnostic], list[Directive]]:
    """The diagnostics no directive suppresses, and the directives, each marked used or not. problem(code)
    checks each directive's codes (see parse)."""
    if "newslint-" not in doc.text:
        return diagnostics, []
    directives = parse(doc, problem)
    kept = []
    for diagnostic in diagnostics:
        line = doc.locate(diagnostic.span.start)[0]
        hit = [d for d in directives
               if d.kind != "enable" and d.first_line <= line <= d.last_line and d.covers(diagnostic.code)]
        for d in hit:
            d.mark_used()
        if not hit:
            kept.append(diagnostic)
    return kept, directives
