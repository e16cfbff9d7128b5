"""NL204: a set phrase with a real word in place of its own (free reign, would of been, baited breath)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.document.text import match_case
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule
from newslint.language.misused_phrases import matches

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources


class MisusedPhrase(Rule):
    """A set phrase written with a real word in place of its own: "free reign" (rein), "would of been" (have),
    "baited breath" (bated), "sneak peak" (peek).

    What it does: looks for the phrases of a list of eggcorns and malapropisms that are nearly always slips
    (newslint/wordlists/misused-phrases.txt), in any letter case, with any spacing and either apostrophe, and
    reports the word or words that differ from the set phrase, suggesting the phrase's own. An entry may name the
    words after which the phrase is something else ("would of course"). Headlines are left alone: a pun there is
    deliberate. Phrases a pun or a literal use writes on purpose (fowl play, grizzly details) and those some
    dictionaries accept (could care less) are not on the list.

    Why it matters: every word of these is spelt right, so a spell checker passes them, and the context model rarely
    knows the phrase well enough to doubt them; readers notice them at once.

    Example: "gave the agency free reign to cut costs" -> "rein".

    Fix safety: unsafe; the phrase is nearly always a slip, but a story may quote one on purpose (marked [sic], it
    is not reported at all).
    """

    code = "NL204"
    name = "misused-phrase"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        tokens, prose = doc.tokens, doc.prose
        for index, entry in matches(doc):
            if doc.in_heading(tokens[index].start):
                continue
            first, wrong_end, right_end = entry.differing()
            start, end = tokens[index + first].start, tokens[index + wrong_end - 1].end
            found = prose[start:end]
            suggestion = match_case(found, " ".join(entry.right[first:right_end]))
            written = " ".join(t.text for t in tokens[index:index + len(entry.wrong)])
            phrase = " ".join(entry.right).replace("'", "’") if "’" in written else " ".join(entry.right)
            yield self.report(Span(start, end), f"'{written}': the set phrase is '{phrase}'", (suggestion,))
