"""NL202: "a" before a vowel sound or "an" before a consonant sound (and "an" typed for "and")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.document.text import match_case
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule
from newslint.language.names import NameEvidence
from newslint.language.sounds import starts_with_vowel_sound
from newslint.language.spoken_quotes import SpokenQuotes
from newslint.wordlists import words

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

NOT_AFTER_AN_ARTICLE = words("not-after-an-article")


CODE = "NL202"


class ArticleAgreement(Rule):
    """An article that does not match the sound that follows it: "a apple", "an report".

    What it does: checks "a" and "an" against the first sound of the next word: by the CMU Pronouncing
    Dictionary where the first letter misleads (an hour, a union, a one-off, a European), letter by letter for
    initialisms (an MP, an SUV, a BBC), by the first letter otherwise. Words whose sound newslint cannot tell
    are left alone: h-words in flux (an historic / a historic), acronyms read as words (NATO), u-words the
    dictionary lacks, and names and brands whose first letter misleads (a Ukrainian, an Uber); so is a capital A
    or An in mid-sentence, a label or a name (Group A are, Category A inmates, An Post), an An opening a sentence
    that the story shows to be part of a name (the surname of Mr An; the Irish article of An Bord Pleanála, before
    a word no list knows), an article in a quotation that sets speech down as spoken (dialect: the speaker's own),
    and a misspelt word one slip from a word that takes the article written (an naecdote: the slip is the word's).
    When "an" stands before a consonant sound and "and" fits its neighbours better than "a" (bread an butter), "and"
    is suggested.

    Why it matters: a wrong article reads as a typo, and "an" for "and" is a one-keystroke slip a spell
    checker cannot see.

    Example: "an report" -> "a report"; "bread an butter" -> "bread and butter".

    Fix safety: unsafe; the next word's sound is judged from a dictionary and its spelling.
    """

    code = CODE
    name = "article-agreement"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        tokens = doc.tokens
        prose = doc.prose
        articles = {text for text in set(tokens.texts) if text.lower() in ("a", "an")}
        for index in (index for index, text in enumerate(tokens.texts[:-1]) if text in articles):
            token = tokens[index]
            article = token.text.lower()
            if prose[token.end:tokens[index + 1].start] != " ":
                continue
            following = tokens[index + 1].text
            if self._left_alone(doc, res, index, token, following):
                continue
            vowel = starts_with_vowel_sound(following)
            if vowel is not None and vowel != (article == "an") and misspelt_for_agreeing_word(res, following, article):
                vowel = None
            if doc.trace is not None:
                doc.trace.note(self.code, token.start, token.end, following=following,
                               sound={True: "vowel", False: "consonant", None: "cannot tell"}[vowel])
            if vowel is None or vowel == (article == "an"):
                continue
            suggestion = "an" if vowel else self._a_or_and(doc, res, index)
            suggestion = match_case(token.text, suggestion)
            yield self.report(Span(token.start, token.end),
                              f"'{token.text} {following}': use '{suggestion}' here", (suggestion,))

    def _left_alone(self, doc, res, index: int, token, following: str) -> bool:
        """An article that is no article: a label (Class A and B, Plan A or B), a capital A or An mid-sentence
        (Group A are, Category A inmates, An Post), or An opening a sentence as part of a name (the surname of Mr An,
        the Irish article of An Bord Pleanála) or an inside one (Bóthar an Mhuilinn); or the speaker's own, in a
        quotation that sets speech down as spoken ("I telt him fae the start an he went")."""
        if following.lower() in NOT_AFTER_AN_ARTICLE or doc.derived(SpokenQuotes).spoken_at(token.start):
            return True
        if token.text[0] == "A" and not doc.is_sentence_start(token) and not doc.in_heading(token.start):
            return True
        name = token.text in ("An", "an") and doc.derived(NameEvidence).article_in_name(index, res.lexicon.is_word)
        if name and doc.trace is not None:
            doc.trace.note(self.code, token.start, token.end, following=following, part_of_a_name=name)
        return bool(name)

    @staticmethod
    def _a_or_and(doc, res, index: int) -> str:
        left, right = doc.neighbours(index)
        if left is None:
            return "a"  # after a comma or a full stop, or first in its line, "an" opens a noun phrase: no "and" there
        model = res.context_model
        fits = {word: model.fit(word, left, right) for word in ("a", "and")}
        if doc.trace is not None:
            token = doc.tokens[index]
            doc.trace.note(CODE, token.start, token.end, neighbours=[left, right or "(none)"], context_fit=fits)
        return max(fits, key=fits.get)


def misspelt_for_agreeing_word(res, word: str, article: str) -> bool:
    """A lower-case word no list knows, one slip from a word that takes the article written (an naecdote, for
    anecdote): the writer's article agrees with the word meant, and the slip is the word's. A rare word with no such
    look-alike is judged by its letters (a anaprapath)."""
    part = word.split("-")[0]
    if not part.islower() or res.lexicon.is_word(part) or part in res.accepted_words:
        return False
    return any(starts_with_vowel_sound(c) == (article == "an") for c in res.lexicon.candidates(part, max_distance=1))
