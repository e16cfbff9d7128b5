"""NL102: a word not in the dictionary, not a name, and not a slip of any known word (off by default)."""

from __future__ import annotations

from newslint.engine.diagnostic import Severity
from newslint.rules.misspelling import Spelling, quoted


class UnknownWord(Spelling):
    """A word the dictionary does not know and that no known word is a slip away from.

    What it does: reports the unknown words that the misspelling rule (NL101) leaves alone because nothing
    in the dictionary is near them: technical terms, coinages, foreign words and keyboard mash ("ferrochrome",
    "cinemagoers", "numerique", "gribbletz"). Names are left alone as in NL101. Off by default: turn it on for
    a strict desk, and add the words it finds to the team's words file.

    Why it matters: most of these are deliberate, so flagging them by default would be noise; but a desk
    that keeps a complete word list wants to see every word outside it.

    Example: "tested positive for the steroid stanozolol" -> add "stanozolol" to the words file.

    Fix safety: no fix; there is nothing to suggest.
    """

    code = "NL102"
    name = "unknown-word"
    severity = Severity.WARNING
    fix_safety = None
    enabled_by_default = False

    def _flag(self, doc, res, index, span, word, searched):
        if word not in searched:
            searched[word] = res.lexicon.candidates(word)
        if not searched[word]:
            yield self.report(span, f"Unknown word {quoted(word)}, and no known word is near it")
