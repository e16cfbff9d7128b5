"""NL409: front matter that does not parse."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.engine.diagnostic import Severity, Span
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources


class InvalidFrontMatter(Rule):
    """Front matter (YAML between --- lines, TOML between +++ lines) that does not parse.

    What it does: reads the front matter at the top of a draft and, when it is not valid YAML or TOML or is
    not a list of keys and values, reports where the parser stopped and why.

    Why it matters: the site generator or CMS rejects the story, or publishes it without its title, tags
    and date; and newslint cannot check the fields of front matter it cannot read.

    Example: "title: Budget: the winners" -> quote the value: title: "Budget: the winners".

    Fix safety: no automatic fix; only the editor knows what was meant.
    """

    code = "NL409"
    name = "invalid-front-matter"
    severity = Severity.ERROR

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        if doc.front_matter_problem:
            offset, reason = doc.front_matter_problem
            line, _ = doc.locate(offset)
            end = doc.line_span(line - 1)[1]  # the end of the line as the line index has it (a lone CR ends one)
            yield self.report(Span(offset, max(offset + 1, end)), reason)
