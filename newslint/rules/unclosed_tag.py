"""NL402: an HTML tag opened and never closed, or closed without being opened."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.document.patterns import LazyPattern
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule
from newslint.wordlists import words

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

TAG_RE = LazyPattern(r"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?(?P<self>/)?>")
VOID = words("void-elements")
# Elements whose end tag HTML lets you leave out; an editor leaving them open is not a dangling tag.
OPTIONAL_END = words("optional-end-elements")


class UnclosedTag(Rule):
    """An inline HTML tag left open (or closed twice) within a paragraph.

    What it does: pairs opening and closing tags (<b>, <i>, <em>, <strong>, <a>, <span> ...) within each
    paragraph or heading of prose, ignoring void elements (<br>, <img>) and self-closing tags. An opening
    tag with no closing one, or a closing tag with no opening one, is flagged.

    Why it matters: a dangling <b> or <em> turns the rest of the page bold or italic in the CMS, and a
    stray closing tag shows up as literal text in some feeds.

    Example: "the <b>North Korean general said" -> delete "<b>" (or close it).

    Fix safety: unsafe; deleting the tag is suggested, but the editor may have meant to close it.
    """

    code = "NL402"
    name = "unclosed-tag"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        markup = doc.markup
        if "<" not in markup:  # no tag (and the pattern is not compiled for a story without one)
            return
        for block in doc.prose_blocks:
            stack: list[re.Match] = []
            # Where each tag name sits in the stack, innermost last: the tag a closing tag closes is found without
            # searching down the stack, which a paragraph of stray closing tags over open ones would make quadratic.
            depths: dict[str, list[int]] = defaultdict(list)
            for m in TAG_RE.finditer(markup, block.start, block.end):
                name = m.group("name").lower()
                if name in VOID or m.group("self"):
                    continue
                if not m.group("close"):
                    depths[name].append(len(stack))
                    stack.append(m)
                    continue
                if not depths[name]:
                    yield self.report(Span(m.start(), m.end()), f"Closing tag '{m.group()}' has no opening tag", ("",))
                    continue
                match_at = depths[name][-1]
                for unclosed in stack[match_at + 1:]:
                    yield from self._unclosed(unclosed)
                while len(stack) > match_at:
                    depths[stack.pop().group("name").lower()].pop()
            for unclosed in stack:
                yield from self._unclosed(unclosed)

    def _unclosed(self, m: re.Match):
        if m.group("name").lower() in OPTIONAL_END:
            return
        yield self.report(Span(m.start(), m.end()), f"Tag '{m.group()}' is never closed", ("",))
