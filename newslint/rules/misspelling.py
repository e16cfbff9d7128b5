"""NL101: a word that is not in the dictionary and not a name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from newslint.document.text import NAME_PARTICLES, WORD_RE, in_other_script, match_case, stuck_to_digits
from newslint.engine.diagnostic import Applicability, Diagnostic, Severity, Span
from newslint.engine.rule import Rule
from newslint.language.lexicon import AUTO, COMMON_WORD, Lexicon
from newslint.language.names import NameEvidence, is_capitalised, strip_possessive
from newslint.language.story_dialect import StoryDialect
from newslint.wordlists import entries, words

# Word parts that stand before a hyphen without being words of their own.
PREFIXES = words("hyphen-prefixes")
PLAUSIBLE_WORD = -6.5  # log10 frequency above which a one-edit neighbour makes a typo likelier than a coinage
# Endings that coin a word inside a compound: have-nots, touchy-feely, no-hoper, ad-libbed.
COINING_SUFFIXES = entries("coining-suffixes")
DERIVATION = -1.0  # log10: a word derived with an affix is about ten times rarer than the word it comes from
PARTICLE_LENGTH = 3  # the longest particle of a name in its own language: sa, ng, wa, bin, ibn
UNIT_LENGTH = 4  # a lower-case word this short straight after a number is a unit or abbreviation: 90 mins, 79 og
FUNCTION_WORD = -2.5  # log10 frequency of the commonest hundred words or so (from, with, the)
LONGEST_QUOTED = 40  # letters of a word too long to correct that its message quotes
# Strings one file may have looked up in the word list while searching for slips (spelling candidates, and the
# one-edit neighbours the exemptions ask about). The heaviest of the 170 bench stories needed 18,000 and the average
# 1,500 (December 2026); a line of random letters needs about 800 a character (13 million, 22 s, for 17 KB), so a
# 10 MB file of it took hours. Past the budget, the rule stops in that file and says so at the next unknown word.
SEARCH_BUDGET = 5_000_000


@dataclass(frozen=True, slots=True)
class SearchBudget:
    """What one file's search for slips has spent of SEARCH_BUDGET."""

    lexicon: Lexicon
    start: int  # lexicon.searched when the file's check began

    @property
    def spent(self) -> bool:
        return self.lexicon.searched - self.start > SEARCH_BUDGET


def quoted(word: str) -> str:
    """A word as a message quotes it: whole, or the start of one too long to correct."""
    return f"'{word}'" if len(word) <= LONGEST_QUOTED else f"'{word[:LONGEST_QUOTED]}…'"


class Spelling(Rule):
    """A misspelt word: not in the dictionary for the dialect, and not a name.

    What it does: checks every word of prose against the word list for the dialect (with none configured,
    every supported standard's: colour and color, organise and organize, theatre and theater are all words; a
    configured en-US, en-GB, en-GB-oxendict or en-AU leaves the other standard's spellings to NL302), the words in
    everyday use that the lists lack (crypto, grand prix) and the team's accepted words, and suggests the likeliest
    corrections, ranked by how likely the slip is (keyboard neighbours, transpositions, doubled letters, a dropped
    apostrophe) times how well each candidate fits between its neighbours, in the dialect's spelling: with none
    configured, the story's own (colur -> colour in a story that writes centre and defence), and the American
    where the story has no dialect-marked word to go by. Names are not errors: capitalised words away from a
    sentence start, romanised given names (Do-gyun, Ik-san), words after a title, acronyms, words with inner
    capitals, a short word inside a foreign name (Pilipino sa Kanlurang) and a lower-case word used twice in the
    story are left alone; numbers with units, URLs, e-mail addresses and handles are not prose, and words in other
    scripts (москва, 梦) are not English. Words set in italics (*terroir*, <i>esusu</i>, *vin de France*) are a
    foreign term, as house styles mark them, unless one is a slip of an everyday word alone or among English words
    (*realy*). A "word" of more than 47 letters, two more than the longest in the dictionary, is no slip of any
    word: it is reported as too long to correct, with no suggestion. The search for slips has a budget per file,
    some 270 times what the heaviest story needs: a file of random letters that uses it up is checked no further,
    and the rule says at which word it stopped.

    Why it matters: a typo in published copy costs credibility; but a checker that flags Pyongyang or
    Hwasong is switched off within a day, so names are given the benefit of the doubt (the name-variant
    rule catches a name misspelt once).

    Example: "a nuclear reserch site" -> "research".

    Fix safety: unsafe; the first suggestion is a guess, applied only with --unsafe-fixes (with any dialect
    setting: under auto, the dialect of the suggestion is a guess from the story as well).
    """

    code = "NL101"
    name = "misspelling"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE

    def check(self, doc, res):
        lexicon = res.lexicon
        accepted = res.accepted_words | (res.glossary.words if res.config.names else set())
        evidence = doc.derived(NameEvidence)
        prose = doc.prose
        budget = SearchBudget(lexicon, lexicon.searched)
        italicises_foreign = self._italicises_foreign(doc, lexicon, budget)
        phrases: dict[tuple[int, int], Phrase] = {}  # each italic span's words, read once
        searched: dict[str, list[str]] = {}  # each unknown word's candidates, searched once in a file
        for index, token in enumerate(doc.tokens):
            if stuck_to_digits(prose, token) or in_other_script(token.text):
                continue
            if self._unit_after_number(token, prose, lexicon):
                continue  # 474,000 bpd
            word = strip_possessive(token.text)
            if lexicon.is_word(word) or word in accepted or word.lower() in accepted or word.isupper():
                continue
            if lexicon.is_other_dialect(word):
                continue  # the dialect-consistency rule (NL302) reports it
            if budget.spent:
                yield self._out_of_budget(Span(token.start, token.start + len(word)), word)
                return
            if word in lexicon.attested and not lexicon.near_common_word(word):
                continue  # crypto, pharma, grand prix: in everyday use, missing from the dictionaries
            if evidence.is_name_particle(index) or self._links_foreign_name(index, evidence, lexicon):
                continue  # Ursula von der Leyen, Samahang Pilipino sa Kanlurang
            if self._is_name_or_term(word, token, index, evidence, lexicon) or self._is_derived(word, lexicon):
                continue
            if self._foreign_in_italics(doc, token, word, lexicon, italicises_foreign, phrases):
                continue
            if "-" not in word:
                yield from self._flag(doc, res, index, Span(token.start, token.start + len(word)), word, searched)
                continue
            for span, part in self._unknown_parts(res, token, word, accepted):
                if budget.spent:  # a hyphen-joined run may hold thousands of parts
                    yield self._out_of_budget(span, part)
                    return
                yield from self._flag(doc, res, index, span, part, searched)

    def _out_of_budget(self, span: Span, word: str) -> Diagnostic:
        return self.report(span, f"Unknown word {quoted(word)} not checked for a slip, nor any word after it: the "
                                 f"search has used up its budget for this file ({SEARCH_BUDGET:,} look-ups)")

    def _is_name_or_term(self, word, token, index, evidence, lexicon) -> bool:
        if word[:1].isupper():
            if evidence.looks_like_name(token, index) or evidence.forms[word] > 1:
                return True
            if "-" in word:
                return False  # check the parts of "Anti-govenment"
            # A capitalised unknown word opening a sentence is a name if an unknown capitalised word follows it
            # (Oleg Gordievsky), or unless it is one slip from a common word.
            return self._before_unknown_name(index, evidence, lexicon) or not lexicon.near_common_word(word)
        return evidence.forms[word] > 1 or any(c.isupper() for c in word)

    @staticmethod
    def _links_foreign_name(index, evidence, lexicon) -> bool:
        """A short lower-case word inside a name, beside a word of it the dictionary does not know, is a particle of
        the name's own language (Samahang Pilipino sa Kanlurang Sydney); between known words it is a slip (the Bank
        fo England), and a longer word is no particle (the Japanese qinger Daichi Morimoto)."""
        tokens = evidence.doc.tokens
        word = tokens[index].text
        if index == 0 or index + 1 == len(tokens) or len(word) > PARTICLE_LENGTH or not word.islower():
            return False
        if not (evidence.joined(index - 1, index) and evidence.joined(index, index + 1)):
            return False
        sides = (strip_possessive(tokens[index - 1].text), tokens[index + 1].text)
        return all(is_capitalised(w) for w in sides) and not all(lexicon.is_word(w) for w in sides)

    @staticmethod
    def _foreign_in_italics(doc, token, word, lexicon, italicises_foreign: bool,
                            phrases: dict[tuple[int, int], Phrase]) -> bool:
        """Italics mark a foreign term (*esusu*, *pièce*). A word one slip from an everyday word is one too when the
        story sets plainly foreign words in italics (*toum* beside *kibbeh nayeh*) or its phrase holds no everyday
        English (*vin de France*); alone, it is a slip set in italics for emphasis (*realy*, *this is realy odd*)."""
        span = doc.italic_span(token.start)
        if span is None:
            return False
        if italicises_foreign:
            return True
        if span not in phrases:
            phrases[span] = Phrase.read(doc.prose[span[0]:span[1]], lexicon)
        phrase = phrases[span]
        others = phrase.length - phrase.words[word]
        everyday_others = len(phrase.everyday) - (word in phrase.everyday)
        return others > 0 and not everyday_others

    @classmethod
    def _italicises_foreign(cls, doc, lexicon, budget: SearchBudget) -> bool:
        """The story sets a plainly foreign word in italics (so italics mark its foreign terms); taken as so once the
        search budget is spent, which flags the fewer words."""
        for start, end in doc.italic_spans:
            for w in WORD_RE.findall(doc.prose[start:end]):
                if budget.spent or cls._plainly_foreign(w, lexicon):
                    return True
        return False

    @staticmethod
    def _plainly_foreign(word, lexicon) -> bool:
        """Unknown to the dictionary and no slip of an everyday word: terroir, esusu, pièce."""
        return not lexicon.is_word(word) and (not word.isascii() or not lexicon.near_common_word(word))

    @staticmethod
    def _unit_after_number(token, prose, lexicon) -> bool:
        """A short lower-case word straight after a number: a unit or abbreviation (90 mins, 79 og), unless it is
        one slip from one of the commonest words ("1-22 frm nine overs")."""
        word = token.text
        return (len(word) <= UNIT_LENGTH and word.islower() and _after_number(prose, token.start)
                and not (len(word) > 2 and lexicon.near_common_word(word, FUNCTION_WORD)))

    @staticmethod
    def _before_unknown_name(index, evidence, lexicon) -> bool:
        tokens = evidence.doc.tokens
        if index + 1 == len(tokens) or not evidence.joined(index, index + 1):
            return False
        following = strip_possessive(tokens[index + 1].text)
        return following[:1].isupper() and not lexicon.is_word(following)

    @staticmethod
    def _is_derived(word, lexicon) -> bool:
        """Derived, unless likelier a slip of a commoner word than a rare derivation ("resere" is re + sere, but a
        slip of reserve; "troughly" a slip of roughly); or a compound unless one slip from a plausible word
        ("spokeman" is spoke + man, but a typo)."""
        base = lexicon.derivation_base(word)
        if base is not None and not lexicon.likelier_slip(word, lexicon.frequency(base) + DERIVATION, base):
            return True
        return lexicon.is_compound(word) and not lexicon.near_common_word(word, PLAUSIBLE_WORD, names_too=True)

    def _unknown_parts(self, res, token, word, accepted) -> Iterator[tuple[Span, str]]:
        """The parts of a hyphenated word to check for a slip, with their spans."""
        joined = word.replace("-", "")
        if res.lexicon.is_word(joined) or res.lexicon.is_derived(joined):
            return  # co-ordinated, pre-empted: the hyphen is house style, the word is known
        offset = token.start
        for part in word.split("-"):
            known = (res.lexicon.is_word(part) or self._is_derived(part, res.lexicon) or part.lower() in PREFIXES
                     or self._is_coined(part, res.lexicon)
                     or part in accepted or part[:1].isupper() or len(part) < 3
                     or res.lexicon.is_other_dialect(part))  # NL302 reports it
            if not known:
                yield Span(offset, offset + len(part)), part
            offset += len(part) + 1

    @staticmethod
    def _is_coined(part, lexicon) -> bool:
        """A known word with a coining ending, its last consonant doubled or not (nots, feely, hoper, libbed)."""
        lower = part.lower()
        for suffix in COINING_SUFFIXES:
            stem = lower[: -len(suffix)]
            if lower.endswith(suffix) and len(stem) >= 3:
                if lexicon.is_word(stem) or (stem[-1] == stem[-2] and lexicon.is_word(stem[:-1])):
                    return True
        return False

    def _flag(self, doc, res, index, span, word, searched: dict[str, list[str]]):
        if res.lexicon.too_long_to_correct(word):
            yield self.report(span, f"Unknown word {quoted(word)}, too long to correct ({len(word):,} letters)")
            return
        story = doc.derived(StoryDialect) if res.config.dialect == AUTO else None
        candidates = searched.get(word)
        if candidates is None:
            candidates = searched[word] = res.lexicon.candidates(word)
        candidates = story.prefer(candidates) if story else res.lexicon.prefer_native(candidates)
        if not candidates:
            return  # nothing a slip away: a rare term, a coinage or a foreign word (stanozolol, numerique)
        left, right = doc.neighbours(index)
        ranked = res.context_model.rank_corrections(word, candidates, left, right)
        best = [match_case(word, c) for c in (story.respell(ranked) if story else ranked)]
        yield self.report(span, f"Unknown word '{word}'", best)


class Phrase(NamedTuple):
    """The words of an italic span, counted once for all the unknown words in it."""

    words: Counter[str]
    length: int  # words in all
    everyday: frozenset[str]  # lower-case words in everyday use, not particles of a name

    @classmethod
    def read(cls, text: str, lexicon) -> Phrase:
        words = Counter(WORD_RE.findall(text))
        everyday = frozenset(w for w in words if w.islower() and w not in NAME_PARTICLES
                             and lexicon.frequency(w) > COMMON_WORD)
        return cls(words, sum(words.values()), everyday)


def _after_number(prose: str, start: int) -> bool:
    return start >= 2 and prose[start - 1] == " " and prose[start - 2].isdigit()
