"""NL501: a word written twice in a row."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from itertools import compress, count
from operator import eq
from typing import TYPE_CHECKING

from newslint.document.patterns import LazyPattern
from newslint.document.text import OPENERS, stuck_to_digits
from newslint.engine.diagnostic import Applicability, Edit, Fix, Severity, Span
from newslint.engine.rule import Rule
from newslint.engine.tuning import tuned
from newslint.language.names import NameEvidence
from newslint.wordlists import words

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

# Doublings that can be grammatical ("he had had") or deliberate ("bye bye") but are too rare in the bigram counts
# for DELIBERATE_DOUBLE to see them.
ALLOWED_DOUBLES = words("allowed-doubles")
FUNCTION_WORDS = words("function-words")
DELIBERATE_DOUBLE = tuned(
    0.05,
    means="the share of a word's occurrences, in the context model's Google Books counts, that are the word written "
    "twice, from which a doubling is taken for emphasis or grammar (very very, far far, no no, had had) rather "
    "than a slip",
    bench="the context model's own counts: the doubles of 40 common words; benchmarks/sweep.py at d5d5985 (run time): "
    "the dev bench, the other-seed benches (seeds 17-19), the Brown-press benches (seeds 5-8), natural_train, "
    "the clean BBC and Brown press copy (0.1 also on all 500 Brown files and probe doubles)",
    result="slips of function words double 0.5-2.5% of the time in scanned books (the 1.5%, of 0.5%, he 2.4%); "
    "emphatic and grammatical doubles 5.5% (no) to 31% (really); 0.05 lies between; 0.02: no remark changed; "
    "0.1: four injected repeats more, but no no and far far are then reported: kept",
    date="2026-12-06")
SPOKEN_DOUBLE = tuned(
    0.5,
    means="log10: how much likelier the trigram model (speech) finds a word right after itself than anywhere, for a "
    "doubling the print counts take for deliberate (DELIBERATE_DOUBLE) to be left alone",
    bench="the words of wordfreq's 40,000 commonest that DELIBERATE_DOUBLE takes for deliberate (200); benches built "
    "from the Brown press stories (bench.py build --articles, seeds 5-8), the dev bench and all 500 Brown "
    "files; benchmarks/sweep.py at d5d5985 (run time): the dev bench, the other-seed benches (seeds 17-19), the "
    "Brown-press benches (seeds 5-8), natural_train, the clean BBC and Brown press copy",
    result="of the 200, 110 pass (very, really, no, many, much, far, long, yes, bye, blah; also web-spam nouns both "
    "sources share, loans, mortgage) and 90 are reported again (girl, good, loan, reply, man, end, text); on "
    "the benches 6 more injected repeats found (girl, loan, reply, good x3), none lost, and no new remark on "
    "the BBC stories, all 500 Brown files or tests/corpus; much (0.50) is the lowest emphatic double; 0.25: "
    "three injected repeats fewer; 1.0: two more, by reporting doubles the speech model finds as emphatic as "
    "much much (0.50): kept",
    date="2026-12-06")
# "is is" is grammatical only after a clause that is itself the subject: "what it is is", "all it is is".
CLAUSE_OPENERS = words("clause-openers")
# "that that" is grammatical before the demonstrative's noun or verb ("that that man", "that that was"), never
# before an article: "make sure that that the transition".
ARTICLES = frozenset("the a an".split())
# Space within a line: any white space but what ends a line (str.splitlines' line ends, as editors show them: a
# lone CR, form feed, vertical tab, NEL, U+2028, U+2029...). Words a line break separates are not repeated "in a
# row", and deleting the break would join two lines.
LINE_SPACE_RE = LazyPattern(r"[^\S\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


class RepeatedWord(Rule):
    """A word repeated by accident: "the the".

    What it does: flags the second of two identical words separated only by spaces on one line, in any case
    ("The the"), markup between them too ("the <b>the"). Left alone: doubles of grammar or printed often in books
    (had had, that that, what it is is, bye bye, no no), names (Duran Duran; a species, Apus apus), a word said three
    times (go go go; not the the the) and words no dictionary knows (boda boda); "that that" before an article is a
    slip.

    Why it matters: a doubled word survives spell checking and is one of the commonest slips in fast copy.

    Example: "officials met on the the border" -> delete the second "the".

    Fix safety: safe; the second copy and the space before it are deleted (with markup between the two, the
    space on one side of the second copy, so that the markup stays).
    """

    code = "NL501"
    name = "repeated-word"
    severity = Severity.ERROR
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        tokens = doc.tokens
        prose = doc.prose
        lower = list(map(str.lower, tokens.texts))
        evidence = partial(doc.derived, NameEvidence)
        for index in compress(count(), map(eq, lower, lower[1:])):  # a word written twice: a handful a story
            first, second, word = tokens[index], tokens[index + 1], lower[index]
            if self._left_alone(word, tokens, prose, index, res):
                continue
            # Letters stuck to a number are its suffix: a word after them in another case is another word ("61st
            # St."), the suffix written again a repeat ("110th th").
            if first.text != second.text and stuck_to_digits(prose, first):
                continue
            if not LINE_SPACE_RE.fullmatch(prose, first.end, second.start):
                continue
            if first.text[:1].isupper() and (second.text[:1].isupper()
                                              or self._named_twice(prose, first, index, evidence)):
                continue
            span = Span(second.start, second.end)
            fix = Fix(f"Delete the repeated '{second.text}'", (Edit(self._deletion(doc.text, first, second), ""),),
                      Applicability.SAFE)
            yield self.report(span, f"Repeated word '{second.text}'", ("",), fix=fix)

    @staticmethod
    def _named_twice(prose: str, first, index: int, evidence) -> bool:
        """A capitalised word before itself in lower case, opening no sentence nor quotation and no word of grammar: a
        species named by genus and species (Apus apus, Bufo bufo), not "The the" nor "Wait wait"."""
        return (first.text.lower() not in FUNCTION_WORDS and (first.start == 0 or prose[first.start - 1] not in OPENERS)
                and not evidence().initial_tokens[index])

    @staticmethod
    def _deletion(text: str, first, second) -> Span:
        """What deleting the repeat removes: the space before it and the word; when markup stands between the two
        words ("the <b>the", blank in the prose), only the word and the space right before or after it."""
        if LINE_SPACE_RE.fullmatch(text, first.end, second.start):
            return Span(first.end, second.end)
        start = second.start
        while start > first.end and LINE_SPACE_RE.match(text, start - 1):
            start -= 1
        if start < second.start:
            return Span(start, second.end)
        space = LINE_SPACE_RE.match(text, second.end)
        return Span(second.start, space.end() if space else second.end)

    @staticmethod
    def _deliberate(word: str, res: Resources) -> bool:
        """Whether the word is written twice often enough in print to be doubled on purpose (very very, no no), and
        said twice in speech too (SPOKEN_DOUBLE): the print counts run sentences together (a loan. Loan ...)."""
        model = res.context_model
        count = model.words.get(word)
        if not (count > 0 and model.pairs.get(f"{word} {word}") >= DELIBERATE_DOUBLE * count):
            return False
        spoken = res.language_model
        return spoken.known(word) and spoken.seen_pair(word, word) and \
            spoken.logprob(word, word) - spoken.logprob(word) >= SPOKEN_DOUBLE

    @classmethod
    def _left_alone(cls, word: str, tokens, prose: str, index: int, res: Resources) -> bool:
        """Whether `word` doubled at token `index` can be grammatical or deliberate there."""
        if _in_a_run(word, tokens, prose, index):
            return True
        if word == "that":
            return not (index + 2 < len(tokens) and tokens[index + 2].text.lower() in ARTICLES)
        if word == "is":
            return any(t.text.lower() in CLAUSE_OPENERS for t in tokens[max(0, index - 3):index])
        foreign = word.isalpha() and not res.lexicon.is_word(word)  # boda boda
        return word in ALLOWED_DOUBLES or foreign or cls._deliberate(word, res)


def _in_a_run(word: str, tokens, prose: str, index: int) -> bool:
    """A word written three times or more in a row, a space apart, is said so on purpose (go go go, "ok ok ok"): a
    slip doubles; not a word of grammar (the the the: a paste or a stutter of the keys)."""
    if word in FUNCTION_WORDS:
        return False
    for first in (index - 1, index + 1):  # the pair before the doubled word's pair, and the pair after it
        if 0 <= first < len(tokens) - 1 and tokens[first].text.lower() == word == tokens[first + 1].text.lower() \
                and LINE_SPACE_RE.fullmatch(prose, tokens[first].end, tokens[first + 1].start):
            return True
    return False
