"""NL202: "a" before a vowel sound or "an" before a consonant sound (and "an" typed for "and")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.document.text import match_case
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

# Words whose spelling misleads about their first sound: "an hour", "a union", "a one-off".
VOWEL_SOUND = re.compile(r"(?:hour|honest|honour|honor|heir)", re.IGNORECASE)
CONSONANT_SOUND = re.compile(r"(?:uni|use|usu|ura|uro|eu|ewe|one\b|once|ubiq|utop|uten|ufo)", re.IGNORECASE)
# "an historic", "an hotel": older British usage, not worth a flag; "a herb" in British, "an herb" in American.
UNCERTAIN = re.compile(r"h(?:ist|ot|ypo|abit|ero|ila|umble|erb)", re.IGNORECASE)


def starts_with_vowel_sound(word: str) -> bool | None:
    """True, False, or None when the spelling cannot tell (abbreviations, numbers, h-words in flux)."""
    word = word.split("-")[0]
    if word.isupper() or not word[:1].isalpha() or UNCERTAIN.match(word):
        return None
    if VOWEL_SOUND.match(word):
        return True
    if CONSONANT_SOUND.match(word):
        return False
    return word[0].lower() in "aeiou"


class ArticleAgreement(Rule):
    """An article that does not match the sound that follows it: "a apple", "an report".

    What it does: checks "a" and "an" against the first sound of the next word, judged from its spelling
    with the usual exceptions (an hour, a union, a one-off); abbreviations and words whose sound the
    spelling cannot tell (an historic / a historic) are left alone. When "an" stands before a consonant
    sound and "and" fits its neighbours better than "a" (bread an butter), "and" is suggested.

    Why it matters: a wrong article reads as a typo, and "an" for "and" is a one-keystroke slip a spell
    checker cannot see.

    Example: "an report" -> "a report"; "bread an butter" -> "bread and butter".

    Fix safety: unsafe; the next word's sound is judged from its spelling.
    """

    code = "NL202"
    name = "article-agreement"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        tokens = doc.tokens
        prose = doc.prose
        for index, token in enumerate(tokens[:-1]):
            article = token.text.lower()
            if article not in ("a", "an") or prose[token.end:tokens[index + 1].start] != " ":
                continue
            following = tokens[index + 1].text
            vowel = starts_with_vowel_sound(following)
            if vowel is None or vowel == (article == "an"):
                continue
            suggestion = "an" if vowel else self._a_or_and(doc, res, index)
            suggestion = match_case(token.text, suggestion)
            yield self.report(Span(token.start, token.end),
                              f"'{token.text} {following}': use '{suggestion}' here", (suggestion,))

    @staticmethod
    def _a_or_and(doc, res, index: int) -> str:
        left, right = doc.neighbours(index)
        model = res.context_model
        return max(("a", "and"), key=lambda word: model.fit(word, left, right))
