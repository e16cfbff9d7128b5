"""NL303: one word written hyphenated, closed up or as two words in the same story."""

from __future__ import annotations

from collections import defaultdict

from newslint.diagnostic import Applicability, Severity, Span
from newslint.names import NameEvidence, strip_possessive
from newslint.rule import Rule
from newslint.text import match_case

# Words that make a pair a phrase rather than a split compound: "set up" (verb) beside "setup" (noun),
# "every day" beside "everyday", "for a long time" beside "a longtime aide", "the front line" beside "frontline
# troops", "a hard line" beside "hardline", "world wide" beside "worldwide".
PHRASE_WORDS = frozenset("""a all an any every some no may can in on up down out off over back away through about
    around by to into onto together with under upon per for be who what how where when ever time line way hand wide
    while long near""".split())
# Prefixes whose hyphen can change the word: re-cover / recover, re-sign / resign, un-ionised / unionised.
MEANINGFUL_HYPHEN = frozenset(("re", "un"))


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

    def check(self, doc, res):
        tokens = doc.tokens
        evidence = doc.derived(NameEvidence)
        forms: dict[str, list[tuple[Span, str]]] = defaultdict(list)  # key -> (span, form in lower case)
        for index, token in enumerate(tokens):
            if token.text[:1].isupper() and evidence.looks_like_name(token, index):
                continue
            word = strip_possessive(token.text).lower()
            key = word.replace("-", "")
            if "-" not in word or not _meaningful(word, key, res.lexicon):
                forms[key].append((Span(token.start, token.start + len(word)), word))
        closed = {key for key, found in forms.items() if any(key == form for _, form in found)}
        for first, second in zip(tokens, tokens[1:]):
            pair = (first.text.lower(), strip_possessive(second.text).lower())
            key = "".join(pair)
            if (key in closed and doc.prose[first.end:second.start] == " " and "-" not in key
                    and min(map(len, pair)) > 2 and not PHRASE_WORDS.intersection(pair)):
                forms[key].append((Span(first.start, second.start + len(pair[1])), " ".join(pair)))
        for key in closed:
            if all(form == key for _, form in forms[key]):
                continue
            found = sorted(forms[key], key=lambda item: item[0].start)
            votes: dict[str, int] = {}
            for _, form in found:
                votes[form] = votes.get(form, 0) + 1
            majority = max(votes, key=votes.__getitem__)  # max keeps the first seen on ties
            for span, form in found:
                if form != majority:
                    text = doc.text[span.start:span.end]
                    fix = match_case(text, majority)
                    yield self.report(span, f"'{text}' is written '{majority}' elsewhere in this story", (fix,))


def _meaningful(word: str, key: str, lexicon) -> bool:
    """re-cover beside recover: the hyphen makes another word, unless it only parts two vowels (re-elect)."""
    head, _, tail = word.partition("-")
    return head in MEANINGFUL_HYPHEN and lexicon.is_word(key) and head[-1] != tail[:1]
