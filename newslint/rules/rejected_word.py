"""NL103: a word or phrase the house has banned, from the team's reject lists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.document.text import match_case
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources


class RejectedWord(Rule):
    """A word the house style rejects, from the files named by the `reject` configuration key.

    What it does: reads the reject lists (one entry a line: `bad`, or `bad = good` to name the replacement;
    `#` starts a comment) and flags every occurrence in prose, in any case, as a whole word. A phrase of
    several words may be an entry too, matched with any run of spaces or a line break between its words. A list
    with an entry that has nothing before `=`, or whose replacement would be flagged again, stops the run with
    the list's file and line.

    Why it matters: every newsroom has words it never prints (a slur, a retired term, a brand name used
    generically, a spelling it has dropped); a spell checker accepts them because they are real words.

    Example: with "utilise = use" in the list, "officials will utilise the site" -> "use".

    Fix safety: safe when the list names a replacement (the house decided it); otherwise no fix.
    """

    code = "NL103"
    name = "rejected-word"
    severity = Severity.ERROR
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        if not res.config.reject:
            return
        prose = doc.prose
        for start, end, entry in res.reject_list.find(prose):
            found, good = " ".join(prose[start:end].split()), entry.good
            message = f"'{found}' is not used in house style" + (f"; write '{good}'" if good else "")
            yield self.report(Span(start, end), message, (match_case(found, good),) if good else ())
