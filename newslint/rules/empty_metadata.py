"""NL401: a metadata field with no value."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.engine.diagnostic import Severity, Span
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources


class EmptyMetadata(Rule):
    """A metadata field left empty: "TAGS:" with nothing after it, or "tags: []" in front matter.

    What it does: checks the KEY: value block of plain-text drafts (LINK:, TAGS:, Keywords: ...) and the
    top-level keys of YAML front matter in Markdown drafts, and flags any key whose value is empty
    (blank, "", [] or {}).

    Why it matters: an empty TAGS or LINK line is a dangling tag; the CMS publishes the story without
    its topics or its canonical link, and nobody notices until the page is live.

    Example: "TAGS:" at the end of the story -> fill in the tags or delete the line.

    Fix safety: no automatic fix; only the editor knows the value.
    """

    code = "NL401"
    name = "empty-metadata"
    severity = Severity.ERROR

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        for field in doc.metadata:
            if not field.value:
                label = doc.text[field.key_start:field.key_end]
                yield self.report(Span(field.key_start, field.key_end), f"Empty metadata field '{label}'")
