"""NL404: a bracket opened and not closed (or closed and not opened) within a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.document.patterns import LazyPattern
from newslint.engine.diagnostic import Severity, Span
from newslint.engine.rule import Rule
from newslint.engine.tuning import tuned

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

PAIRS = {")": "(", "]": "[", "}": "{"}
# "a)" and "2)" enumerate a list; ":)" and ";-)" are faces. Neither needs an opening bracket.
BRACKET_RE = re.compile(r"[()\[\]{}]")
UNPAIRED_CLOSER_RE = LazyPattern(r"(?:(?<![^\s(])[0-9A-Za-z]{1,2}|[:;=8][-']?)\Z")
UNPAIRED_CLOSER_CONTEXT = tuned(
    3, means="characters before a closing bracket that UNPAIRED_CLOSER_RE reads: two and the one before them; handing "
             "it no more keeps a paragraph of stray brackets linear",
    bench="none: the longest text the pattern matches (22e067b)", result="a paragraph of stray brackets in linear "
    "time (benchmarks/linearity.py stray-brackets, 1.0x from 100 KB to 1 MB)", date="2026-12-05")


class UnbalancedBracket(Rule):
    """A bracket with no partner in its paragraph.

    What it does: pairs round, square and curly brackets within each paragraph and heading. An opening
    bracket never closed, a closing bracket with nothing open, or a closing bracket of the wrong shape
    ("(see below]") is flagged. List markers ("a)", "2)") and faces (":)") are not brackets.

    Why it matters: a missing closing bracket swallows the rest of the sentence into an aside, and readers
    lose track of what is parenthetical; it is also a sign that an edit cut text in the wrong place.

    Example: "The firm (which made a loss last year said" -> close the bracket after "year".

    Fix safety: no automatic fix; only the writer knows where the aside ends.
    """

    code = "NL404"
    name = "unbalanced-bracket"
    severity = Severity.WARNING

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        prose = doc.prose
        for block in doc.prose_blocks:
            stack: list[int] = []
            for found in BRACKET_RE.finditer(prose, block.start, block.end):
                i, ch = found.start(), found.group()
                if ch in "([{":
                    stack.append(i)
                elif ch in PAIRS:
                    if stack and prose[stack[-1]] == PAIRS[ch]:
                        stack.pop()
                    elif stack:
                        opener = stack.pop()
                        yield self.report(Span(i, i + 1), f"Bracket '{ch}' does not match '{prose[opener]}' at column "
                                          f"{doc.locate(opener)[1]}")
                    elif not UNPAIRED_CLOSER_RE.search(prose[max(block.start, i - UNPAIRED_CLOSER_CONTEXT):i]):
                        yield self.report(Span(i, i + 1), f"Closing bracket '{ch}' has no opening bracket")
            for opener in stack:
                yield self.report(Span(opener, opener + 1),
                                  f"Bracket '{prose[opener]}' is never closed in this paragraph")
