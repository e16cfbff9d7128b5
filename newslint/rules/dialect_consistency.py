"""NL302: a word spelt the other dialect's way (color in British copy, colour in American)."""

from __future__ import annotations

from newslint.diagnostic import Applicability, Severity, Span
from newslint.lexicon import BRITISH
from newslint.names import NameEvidence, strip_possessive
from newslint.rule import Rule
from newslint.text import match_case

# American -> British spelling patterns, tried one at a time when the word list gives no counterpart
# ("signaled" -> "signalled"); reversed for American copy. The result must be a known word of the dialect; taking a
# letter out of a digraph (anaemia -> anemia) must give one the word list marks as American (not snowshoed ->
# snowshed).
PATTERNS = (("iz", "is"), ("yz", "ys"), ("or", "our"), ("er", "re"), ("l", "ll"), ("ll", "l"), ("og", "ogue"),
            ("ense", "ence"))
DIGRAPHS = (("e", "ae"), ("e", "oe"))


class DialectConsistency(Rule):
    """A word spelt the way of the other English dialect.

    What it does: checks every word of prose against the list of spellings peculiar to the other dialect
    (SCOWL and breame: color, organization, defense, traveled in British copy; colour, organisation, defence,
    travelled in American copy; en-AU follows British spelling; en-GB-oxendict is British spelling with -ize,
    so organise and realisation are flagged there) and suggests the configured dialect's form.
    Capitalised words with name evidence are left alone (World Health Organization, Lincoln Center), and so
    are words with no spelling counterpart (mom, draught).

    Why it matters: a story that mixes colour and color reads as unedited, and house style is set per
    dialect: the `dialect` setting decides which form is right.

    Example: in en-GB, "the organization said" -> "organisation".

    Fix safety: safe when the word list gives the counterpart; unsafe when it is derived from a spelling
    pattern (traveled -> travelled).
    """

    code = "NL302"
    name = "dialect-consistency"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE

    def check(self, doc, res):
        lexicon = res.lexicon
        dialect = res.config.dialect
        other = "American" if dialect in BRITISH else "British"
        evidence = doc.derived(NameEvidence)
        for index, token in enumerate(doc.tokens):
            if token.text[:1].isupper() and evidence.looks_like_name(token, index):
                continue
            offset = token.start
            for part in strip_possessive(token.text).split("-"):
                if lexicon.is_other_dialect(part):
                    counterpart, applicability = self._counterpart(part.lower(), lexicon, other == "American")
                    if counterpart:
                        fix = match_case(part, counterpart)
                        kind = "the -ise" if part.lower() in lexicon.ise else other
                        yield self.report(Span(offset, offset + len(part)),
                                          f"'{part}' is {kind} spelling; {dialect} uses '{fix}'", (fix,),
                                          applicability=applicability)
                offset += len(part) + 1

    @staticmethod
    def _counterpart(word: str, lexicon, to_british: bool) -> tuple[str, Applicability]:
        """The configured dialect's spelling of word: from the word list, else from a spelling pattern."""
        if lexicon.counterpart(word):
            return lexicon.counterpart(word), Applicability.SAFE
        for patterns, strict in ((PATTERNS, False), (DIGRAPHS, not to_british)):
            for american, british in patterns:
                for candidate in _respellings(word, *((american, british) if to_british else (british, american))):
                    if candidate in lexicon.native or (not strict and lexicon.is_word(candidate)):
                        return candidate, Applicability.UNSAFE
        return "", Applicability.UNSAFE


def _respellings(word: str, old: str, new: str) -> list[str]:
    """word with one occurrence of old replaced by new, for each occurrence."""
    return [word[:i] + new + word[i + len(old):] for i in range(len(word)) if word.startswith(old, i)]
