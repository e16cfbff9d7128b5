"""NL406: a headline or subheading with nothing after it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.document.patterns import LazyPattern
from newslint.document.regions import Blocks
from newslint.engine.diagnostic import Severity, Span
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

ATX_RE = LazyPattern(r" {0,3}(#{1,6})(?:\s|$)")
SETEXT_RE = LazyPattern(r" {0,3}(=+|-+)\s*$")
HEADINGS = ("headline", "heading")
CONTENT = frozenset(Blocks.KINDS) - {"metadata", "front_matter", "html"}


def heading_level(doc: Document, start: int, end: int) -> int:
    """1-6 for a Markdown heading (ATX "## x" or setext underline), 1 for a plain-text headline or heading."""
    atx = ATX_RE.match(doc.text, start)
    if atx:
        return len(atx.group(1))
    last_line = doc.text[start:end].splitlines()[-1] if doc.text[start:end] else ""
    setext = SETEXT_RE.match(last_line)
    return 2 if setext and setext.group(1)[0] == "-" else 1


class EmptyHeading(Rule):
    """A headline or subheading with no text under it.

    What it does: flags a headline with no story under it (only metadata, or nothing, after it) and, in
    Markdown, a heading that ends the file or is followed directly by another heading of the same or a
    higher level ("## Reaction" then "## Background"). A deeper heading ("## Reaction" then "### In Seoul")
    is structure, not an empty section, and code blocks, tables and lists count as content. In plain text
    only the headline of a draft with a metadata block is checked: a short last line there is as often a
    credit or a tagline, and a one-line draft as often a brief.

    Why it matters: an empty section is a sign that a paragraph was cut or never written; published, it
    looks like a broken page.

    Example: "## Reaction" followed directly by "## Background" -> write the section or delete the heading.

    Fix safety: no automatic fix; the missing text has to be written or the heading removed.
    """

    code = "NL406"
    name = "empty-heading"
    severity = Severity.WARNING

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        if not (doc.is_markdown or doc.metadata):
            return  # a one-line plain draft is as likely a brief as a bare headline
        blocks = doc.blocks.of_kinds(CONTENT)
        for n, block in enumerate(blocks):
            if block.kind not in HEADINGS or (block.kind == "heading" and not doc.is_markdown):
                continue  # a short last line of plain text is as often a credit or a tagline as a heading
            following = blocks[n + 1] if n + 1 < len(blocks) else None
            if following is not None and not (
                doc.is_markdown and following.kind in HEADINGS
                and heading_level(doc, following.start, following.end) <= heading_level(doc, block.start, block.end)
            ):
                continue
            first_line_end = doc.text.find("\n", block.start, block.end)
            end = block.end if first_line_end < 0 else first_line_end
            title = doc.text[block.start:end].strip().lstrip("#").strip()
            where = "at the end of the story" if following is None else "before the next heading"
            yield self.report(Span(block.start, end), f"Heading '{title}' has nothing under it ({where})")
