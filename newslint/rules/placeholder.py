"""NL405: placeholder text left in copy: TK, XX, [link], [CHECK], lorem ipsum, ###."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING

from newslint.engine.diagnostic import Severity, Span
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

UNBRACKETED = r"""(?-i:(?<![\w-])(?:TK)+(?![\w-])(?!\s+[A-Z][a-z]))          # TK, TKTK (not "TK Maxx")
      | (?-i:\bX{1,3}(?:[,.]X{3})+\b)                             # XX,XXX for a missing figure
      | (?-i:(?<![\w-])(?<![A-Z][a-z]+\s)(?:XX+|xx+)(?![\w-]))     # XX, XXX (not "Super Bowl XX")
      | (?-i:\b(?:FIXME|TODO)\b)
      | \blorem\s+ipsum\b
      | \?{3,}
"""
BRACKETED = r"""\[\s*(?:TK|TBC|TBD|XX+|\?+|links?(?:\s+here)?|url|check(?:\s[^\]]*)?|to\s+come|insert[^\]]*
             |add\s[^\]]*|fill\s+in[^\]]*|quote|photo|pic|image|name|date|fact[\s-]?check[^\]]*)\s*\]
"""
# What every match of the patterns above holds, each alternative's: "[", TK, X, or X. (XX,XXX), XX or xx, FIXME,
# TODO, ???, lorem. A paragraph with none of these has no placeholder, and is passed over with this one search: the
# patterns need the regex module (a look-behind of any length), which a run then imports only for a paragraph that
# may hold one (10 ms of a one-story run's start, and 2 ms more to compile them).
HINT_RE = re.compile(r"\[|TK|X[,.]|XX|xx|FIXME|TODO|\?\?\?|(?i:lorem)")
END_MARK_RE = re.compile(r"[ \t]*(?:#{3}|-30-)[ \t]*")  # a press release's end mark, alone on its line


@cache
def patterns():
    """The placeholder pattern, and (after a paragraph's last "]" no bracketed note can end, and searching for one
    there would read from every "[insert" or "[check" to the end of the paragraph) its unbracketed part alone."""
    import regex

    return (regex.compile(BRACKETED + "|" + UNBRACKETED, regex.VERBOSE | regex.IGNORECASE),
            regex.compile(UNBRACKETED, regex.VERBOSE | regex.IGNORECASE))


class Placeholder(Rule):
    """Placeholder text an editor meant to replace: TK, TKTK, XX, [link], [CHECK], [TBC], lorem ipsum, ???.

    What it does: flags the marks newsrooms use for "to come" in prose: TK and TKTK in capitals, XX and XXX
    (and "XX,XXX" for a missing figure), bracketed notes such as [link], [CHECK], [TBC], [insert quote],
    [photo], "lorem ipsum" filler, TODO/FIXME, runs of question marks, and in plain text a press release's
    end mark ("###" or "-30-") left on a line of its own. A Roman numeral after a name
    ("Super Bowl XX") and names that start with TK ("TK Maxx") are left alone, and in Markdown a bracketed
    word that is a real link ("[link](https://...)") is not a placeholder.

    Why it matters: a placeholder that reaches the live site is one of the most visible and most mocked
    errors in publishing; it tells readers the story went out unfinished.

    Example: "The fire killed TK people" -> fill in the number.

    Fix safety: no automatic fix; the missing fact has to be found.
    """

    code = "NL405"
    name = "placeholder"
    severity = Severity.ERROR

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        prose, text = doc.prose, doc.text
        for block in doc.prose_blocks:
            for m in _placeholders(prose, block.start, block.end):
                found = m.group()
                if doc.is_markdown and found.startswith("[") and text[m.end():m.end() + 1] in ("(", "["):
                    continue
                yield self.report(Span(m.start(), m.end()), f"Placeholder '{found}' left in the copy")
            if not doc.is_markdown and END_MARK_RE.fullmatch(prose, block.start, block.end):
                mark = prose[block.start:block.end].strip()
                start = prose.index(mark, block.start)
                yield self.report(Span(start, start + len(mark)), f"End mark '{mark}' left in the copy")


def _placeholders(prose: str, start: int, end: int) -> Iterator:
    """The placeholder matches in prose[start:end]: none without a hint of one."""
    if not HINT_RE.search(prose, start, end):
        return iter(())
    placeholder_re, unbracketed_re = patterns()
    notes_end = prose.rfind("]", start, end) + 1 or start
    return chain(placeholder_re.finditer(prose, start, notes_end), unbracketed_re.finditer(prose, notes_end, end))
