"""NL410: Markdown bold markers (** or __) opened and never closed, or closed without being opened."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.document.patterns import LazyPattern
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

# A run of exactly two asterisks or underscores; runs of one or three are italics, bold italics, list bullets or
# rules, too varied to pair safely.
MARKER_RE = LazyPattern(r"(?<![*_\\])(\*\*|__)(?![*_])")


class UnclosedEmphasis(Rule):
    """Markdown bold markers (** or __) opened and never closed, or closed without being opened.

    What it does: in Markdown drafts, pairs the ** and __ markers within each paragraph or heading the way
    Markdown does: a marker before a word opens, a marker after one closes (__ never inside a word). An
    opening marker with no closing one, or a closing one with nothing open, is flagged. Code spans are left
    alone.

    Why it matters: Markdown prints an unpaired marker as it stands, so the page shows "**essential" with the
    asterisks, and the words meant to be bold are not.

    Example: "the plan was **essential for growth." -> close the bold, or delete "**".

    Fix safety: unsafe; deleting the marker is suggested, but the editor may have meant to close it.
    """

    code = "NL410"
    name = "unclosed-emphasis"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        if not doc.is_markdown:
            return
        markup = doc.markup
        for block in doc.prose_blocks:
            open_markers: dict[str, re.Match] = {}
            for m in MARKER_RE.finditer(markup, block.start, block.end):
                marker = m.group()
                before = markup[m.start() - 1] if m.start() > block.start else " "
                after = markup[m.end()] if m.end() < block.end else " "
                if marker == "__" and before.isalnum() and after.isalnum():
                    continue  # snake__case: no emphasis inside a word
                opens, closes = not after.isspace(), not before.isspace()
                if closes and marker in open_markers:
                    del open_markers[marker]
                elif opens:
                    open_markers.setdefault(marker, m)
                elif closes:
                    yield self.report(Span(m.start(), m.end()), f"'{marker}' closes bold that was never opened",
                                      ("",))
            for marker, m in open_markers.items():
                yield self.report(Span(m.start(), m.end()), f"'{marker}' opens bold that is never closed", ("",))
