"""NL407: two or more spaces between words."""

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

SPACES_RE = LazyPattern(r"(?<=[^\s|]) {2,}(?=[^\s|])")


class DoubledSpace(Rule):
    """Two or more spaces between words or after a full stop.

    What it does: flags runs of spaces inside a line of prose. Indentation, trailing spaces (a Markdown
    line break), table padding and text that is not prose (code, URLs, tags) are left alone.

    Why it matters: doubled spaces are invisible on screen while editing but survive into feeds, print
    and apps, where they show as gaps; the double space after a full stop is a typewriter habit that
    news styles (AP, Reuters, the BBC) all drop.

    Example: "the minister  said" -> "the minister said".

    Fix safety: safe; the run becomes one space.
    """

    code = "NL407"
    name = "doubled-space"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        prose, text = doc.prose, doc.text
        if "  " not in text:  # nothing to find (and the pattern is not compiled for a story without it)
            return
        for block in doc.prose_blocks:
            for m in SPACES_RE.finditer(text, block.start, block.end):
                before, after = m.start() - 1, m.end()
                if prose[before] != text[before] or prose[after] != text[after]:
                    continue  # next to code, a URL or a tag
                yield self.report(Span(m.start(), m.end()), f"{len(m.group())} spaces in a row", (" ",))
