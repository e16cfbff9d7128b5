"""NL408: a punctuation mark typed twice: ",,", "..", ";;", "::", ",."."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.document.patterns import LazyPattern
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

DOUBLED_RE = LazyPattern(r"(?<![,;:.])(?:,,|;;|::|,\.)(?![,;:.])|(?<![.\d])\.\.(?![.\d])")
DOUBLED_PAIRS = (",,", ";;", "::", ",.", "..")  # one of which every match of DOUBLED_RE holds


class DoubledPunctuation(Rule):
    """A comma, semicolon, colon or full stop typed twice, or a comma before a full stop.

    What it does: flags ",,", ";;", "::", ",." and exactly two full stops in prose. An ellipsis ("..." or
    "…"), mixed marks such as "?!", and dots between figures ("1..5") are left alone, and URLs and code are
    not prose.

    Why it matters: a doubled mark is a keyboard slip that spell checkers ignore; after an abbreviation
    ("U.S..") it is a common slip in edited copy.

    Example: "the firm said,, adding" -> "the firm said, adding".

    Fix safety: safe for ",,", ";;" and "::" (one mark is removed); unsafe for ".." and ",." (the writer
    may have meant an ellipsis or a comma).
    """

    code = "NL408"
    name = "doubled-punctuation"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        prose = doc.prose
        if not any(pair in prose for pair in DOUBLED_PAIRS):  # nothing to find; the pattern is not even compiled
            return
        for block in doc.prose_blocks:
            for m in DOUBLED_RE.finditer(prose, block.start, block.end):
                found = m.group()
                span = Span(m.start(), m.end())
                if found in ("..", ",."):
                    suggestions = (".", "...") if found == ".." else (".", ",")
                    yield self.report(span, f"Doubled punctuation '{found}'", suggestions,
                                      applicability=Applicability.UNSAFE)
                else:
                    yield self.report(span, f"Doubled punctuation '{found}'", (found[0],))
