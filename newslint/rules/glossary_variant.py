"""NL304: a name written in a form the house glossary lists as wrong."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources


class GlossaryVariant(Rule):
    """A known variant of a name in the house glossary.

    What it does: reads the names files given by the `names` configuration key, where each line is a
    canonical form optionally followed by known variants ("Kim Jong Un = Kim Jong-un, Kim Jong-Un"), and
    flags every variant in the story.

    Why it matters: consistency across stories. pre-commit hands newslint one story at a time, so a name
    spelt one way throughout a story can still differ from the rest of the site; the glossary is the
    newsroom's memory.

    Example: with "Kim Jong Un = Kim Jong-un", "Kim Jong-un said" -> "Kim Jong Un said".

    Fix safety: safe; the glossary is the house's own decision.
    """

    code = "NL304"
    name = "glossary-variant"
    severity = Severity.ERROR
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        if not res.config.names:
            return
        prose = doc.prose
        for start, end, variant, canonical in res.glossary.find(prose):
            yield self.report(Span(start, end), f"'{variant}' is written '{canonical}' in house style", (canonical,))
