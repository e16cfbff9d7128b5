"""NL303: one word written hyphenated, closed up or as two words in the same story."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import chain
from typing import TYPE_CHECKING

from newslint.document.text import match_case
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule
from newslint.language.names import NameEvidence, strip_possessive
from newslint.wordlists import words

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

# Words that make a pair a phrase rather than a split compound: "set up" (verb) beside "setup" (noun),
# "every day" beside "everyday", "for a long time" beside "a longtime aide", "the front line" beside "frontline
# troops", "a hard line" beside "hardline", "world wide" beside "worldwide".
PHRASE_WORDS = words("phrase-words")
# Prefixes whose hyphen can change the word: re-cover / recover, re-sign / resign, un-ionised / unionised.
MEANINGFUL_HYPHEN = words("meaningful-hyphen-prefixes")


class HyphenationConsistency(Rule):
    """The same word written in more than one way: hyphenated, closed up or open.

    What it does: groups the words of a story by their letters without hyphens (e-mail / email, co-operate /
    cooperate, ceasefire / cease-fire) and flags the forms the story uses less, with the form it uses most
    (ties: the first seen). Two separate words count as a form of a closed compound only when the compound
    appears closed in the story (ceasefire / cease fire); a hyphenated modifier beside an open phrase is
    grammar, not inconsistency (a long-term plan / in the long term), and so is a verb beside its noun (set up
    / setup). Names are left to the name-variant rule.

    Why it matters: house style fixes one spelling of each compound; a story that says e-mail in one paragraph
    and email in the next looks careless.

    Example: "a ceasefire ... the ceasefire ... the cease-fire collapsed" -> "ceasefire".

    Fix safety: safe; the story's own majority form is applied, in the case of the word it replaces.
    """

    code = "NL303"
    name = "hyphenation-consistency"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        tokens = doc.tokens
        evidence = doc.derived(NameEvidence)
        # Which keys are written both closed up and another way is settled first; only their occurrences are then
        # kept (keeping every word of a long story with its span took some 170 bytes a word).
        after_numbers = _after_numbers(tokens, doc.prose)
        # keys written closed up; keys written hyphenated
        closed, apart = self._closed_and_apart(tokens, evidence, res, after_numbers)
        pairs = list(self._pairs(doc, tokens, closed, evidence))
        apart.update(key for _, _, _, key in pairs)
        varied = closed & apart
        if not varied:  # most stories: nothing written two ways, so no second pass over the words
            return
        forms: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # key -> (start, end, form in lower case)
        for start, end, form, key in chain(self._words(tokens, evidence, res, after_numbers), pairs):
            if key in varied:
                forms[key].append((start, end, form))
        for found in forms.values():
            found.sort()
            votes: dict[str, int] = {}
            for _, _, form in found:
                votes[form] = votes.get(form, 0) + 1
            majority = max(votes, key=votes.__getitem__)  # max keeps the first seen on ties
            for start, end, form in found:
                if form != majority:
                    text = doc.text[start:end]
                    fix = match_case(text, majority)
                    yield self.report(Span(start, end), f"'{text}' is written '{majority}' elsewhere in this story",
                                      (fix,))

    @staticmethod
    def _closed_and_apart(tokens, evidence: NameEvidence, res, after_numbers: set[int]) -> tuple[set[str], set[str]]:
        """The keys of the words that _words yields written closed up, and those written hyphenated: each different
        word is worked out once. A word not capitalised is no name wherever it stands, so only the capitalised tokens
        are visited one by one; a word with no hyphen is its own key (_form), so only the hyphenated are asked of."""
        texts = tokens.texts
        unnamed = {text for text in set(texts) if not text[:1].isupper()}
        unnamed.difference_update(texts[index] for index in after_numbers)
        unnamed.update(texts[index] for index in [index for index, text in enumerate(texts) if text[:1].isupper()]
                       if evidence.reason_at(index) is None)
        closed = {strip_possessive(text).lower() for text in unnamed if "-" not in text}
        apart = {form[1] for text in unnamed if "-" in text and (form := _form(text, res.lexicon)) is not None}
        return closed, apart

    @staticmethod
    def _words(tokens, evidence: NameEvidence, res, after_numbers: set[int]) -> Iterator[tuple[int, int, str, str]]:
        """Start, end, form in lower case and key (the form without hyphens) of each word that is no name, but
        those whose hyphen makes another word (re-cover). Read from the token arrays: no Token is made."""
        starts = tokens.starts
        for index, text in _unnamed(tokens, evidence):
            if index not in after_numbers and (form := _form(text, res.lexicon)) is not None:
                yield starts[index], starts[index] + len(form[0]), *form

    @staticmethod
    def _pairs(doc, tokens, closed: set[str], evidence: NameEvidence) -> Iterator[tuple[int, int, str, str]]:
        """Start, end, form and key of each two words a space apart that are a compound the story writes closed up,
        written open (not a phrase such as "set up" or "every day", nor words of a name: the Wild Life Sanctuary).
        A first word that starts no closed-up key with at least three letters after it is passed over before
        anything else is made of the pair."""
        heads = {key[:i] for key in closed for i in range(3, len(key) - 2)}
        if not heads:
            return
        starts, texts, prose = tokens.starts, tokens.texts, doc.prose
        for index in range(len(texts) - 1):
            head = texts[index].lower()
            if head not in heads:
                continue
            second_start = starts[index + 1]
            pair = (head, strip_possessive(texts[index + 1]).lower())
            key = "".join(pair)
            spaced = prose[starts[index] + len(texts[index]):second_start] == " "
            if key in closed and spaced and _open_form(pair, key) \
                    and evidence.reason_at(index) is None and evidence.reason_at(index + 1) is None:
                yield starts[index], second_start + len(pair[1]), " ".join(pair), key

def _open_form(pair: tuple[str, str], key: str) -> bool:
    """Two words that may be a compound written open: no hyphen, each of three letters or more, not a phrase."""
    return "-" not in key and min(map(len, pair)) > 2 and not PHRASE_WORDS.intersection(pair)


def _after_numbers(tokens, prose: str) -> set[int]:
    """The hyphenated tokens that go on from a number (a 3-to-o lead, 3-D-printed): the tail of a number's phrase,
    no compound of its own."""
    starts = tokens.starts
    return {index for index, word in enumerate(tokens.texts)
            if "-" in word and starts[index] > 1 and prose[starts[index] - 1] == "-"
            and prose[starts[index] - 2].isdigit()}


def _unnamed(tokens, evidence: NameEvidence) -> Iterator[tuple[int, str]]:
    """The index and text of each token that is no name."""
    for index, text in enumerate(tokens.texts):
        if not (text[:1].isupper() and evidence.reason_at(index) is not None):
            yield index, text


def _form(text: str, lexicon) -> tuple[str, str] | None:
    """A word's form in lower case and its key (the form without hyphens); None when its hyphen makes another word
    (re-cover)."""
    word = strip_possessive(text).lower()
    key = word.replace("-", "")
    return (word, key) if "-" not in word or not _meaningful(word, key, lexicon) else None


def _meaningful(word: str, key: str, lexicon) -> bool:
    """re-cover beside recover: the hyphen makes another word, unless it only parts two vowels (re-elect)."""
    head, _, tail = word.partition("-")
    return head in MEANINGFUL_HYPHEN and lexicon.is_word(key) and head[-1] != tail[:1]
