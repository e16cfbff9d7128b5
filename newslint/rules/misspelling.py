"""NL101: a word that is not in the dictionary and not a name."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from newslint.document.text import (
    NAME_PARTICLES,
    TITLES,
    WORD_RE,
    Token,
    abbreviated,
    in_other_script,
    match_case,
    stuck_to_digits,
)
from newslint.engine.diagnostic import Applicability, Diagnostic, Severity, Span
from newslint.engine.explain import Step, Trace
from newslint.engine.rule import Rule
from newslint.engine.tuning import tuned
from newslint.language.context_model import CORRECTION_EDIT_WEIGHT
from newslint.language.lexicon import AUTO, COMMON_WORD, Lexicon, edit_cost, slip
from newslint.language.names import NameEvidence, is_capitalised, slip_at, strip_possessive, swapped
from newslint.language.other_languages import OtherLanguages
from newslint.language.spoken_quotes import SpokenQuotes, clipped, clipped_have, elided, spoken_form
from newslint.language.story_dialect import StoryDialect
from newslint.wordlists import entries, words

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.resources import Resources

# Word parts that stand before a hyphen without being words of their own.
PREFIXES = words("hyphen-prefixes")
# Endings that stand after a hyphen as a part of their own: crisp-ish, Kafka-esque.
SUFFIXES = words("hyphen-suffixes")
# Articles of other languages that English never writes before a word of its own: la chatte, chef de partie.
FOREIGN_ARTICLES = words("foreign-articles")
# Endings that coin a word inside a compound: have-nots, touchy-feely, no-hoper, ad-libbed.
COINING_SUFFIXES = entries("coining-suffixes")

# The bench the main thresholds were swept on.
DEV_BENCH = ("dev bench (/tmp/B: 170 BBC stories, 85 with 367 injected errors, 73 of them non-words), en-GB, "
             "swept 2026-12-05")
PLAUSIBLE_WORD = tuned(
    -6.5,
    means="log10 frequency above which a word one edit away makes a closed compound or a term the story introduces "
    "a slip, not a coinage (spokeman) nor a term (called volunters)",
    bench="set in 4a489ef with no measurement; " + DEV_BENCH,
    result="-5.5 to -8.5 alike (non-word recall 100.0, precision 93.8, 8 NL101 remarks in the clean stories); -4.5 "
    "loses 3 of the 73 injected non-words (recall 95.9) for 2 fewer remarks; benchmarks/sweep.py at d5d5985 on "
    "the dev, other-seed (17-19) and Brown-press (5-8) benches, natural_train and clean copy: -6.0: one slip "
    "fewer on one bench; -7.0: one injected slip more (dieharmony), on all 500 Brown files two misspellings "
    "(stirups, bellyfull) and a coinage (nonism) reported more: not moved for one slip; as the bar of step "
    "introduced-term (6 December 2026), on the same sets: at COMMON_WORD (-4.5) an injected slip quoted after 'called' "
    "on a Brown-press bench is lost; at -6.5 no remark changes on them",
    date="2026-12-06")
DERIVATION = tuned(
    -1.0,
    means="log10: a word derived with an affix is taken as ten times rarer than the word it comes from, so a slip of "
    "a commoner word beats an unlikely derivation (troughly: trough + ly, but roughly)",
    bench="dev bench and the corpus (daee284); " + DEV_BENCH,
    result="daee284: benches and corpus unchanged, the nearest clean-copy derivation (retimed) stays 10^0.44 short of "
    "being taken for a slip; the sweep: -0.5 to -2.0 alike (non-word recall 100.0, FP/1kw 0.77), -2.5 and -3.0 "
    "add a false alarm in the clean stories (0.80); benchmarks/sweep.py at d5d5985 on the dev, other-seed "
    "(17-19) and Brown-press (5-8) benches, natural_train and clean copy: -0.5: four benches' remarks fewer, "
    "but they are real misspellings of the published copy (severly, demage) that a derivation then covers; "
    "-1.5: precision down a little, Brown 35",
    date="2026-12-06")
PARTICLE_LENGTH = tuned(
    3,
    means="letters of the longest particle of a name in its own language (sa, ng, wa, bin, ibn)",
    bench="errors injected into probe copy (e171c8b); benchmarks/sweep.py at 639eba2 (run time): the dev bench, the "
    "other-seed benches (seeds 17-19), the Brown-press benches (seeds 5-8), natural_train, the clean BBC and "
    "Brown press copy",
    result="'the Japanese qinger Daichi Morimoto' is a slip again (e171c8b); 2 and 4: no remark changed on "
    "any set (the probe story's slip is what decides it)",
    date="2026-12-06")
UNIT_LENGTH = tuned(
    4,
    means="letters of the longest lower-case word straight after a number that is taken for a unit or abbreviation "
    "(90 mins, 79 og, 474,000 bpd)",
    bench="set in 03b3e66 with no measurement; " + DEV_BENCH,
    result="4 and 5 alike (precision 93.8); 3 takes a unit for a slip (precision 93.5); benchmarks/sweep.py at 1b3ff9e "
    "on the dev, other-seed (17-19) and Brown-press (5-8) benches, natural_train and clean copy: 3: BBC 13 -> "
    "14, precision down on three benches; 5: one slip fewer on one bench",
    date="2026-12-06")
SHORTEST_SLIP_UNIT = tuned(
    3,
    means="letters of the shortest word after a number that may be a slip of a function word rather than a unit (frm; "
    "never ft, m)",
    bench="errors injected into probe copy, dev bench and corpus (40ac5d5); benchmarks/sweep.py at 1b3ff9e (run "
    "time): the dev bench, the other-seed benches (seeds 17-19), the Brown-press benches (seeds 5-8), "
    "natural_train, the clean BBC and Brown press copy",
    result="benches and corpus unchanged; '1-22 frm nine overs' is caught; 2: BBC 13 -> 15, precision down on four "
    "benches; 4: no remark changed",
    date="2026-12-06")
CLOSED_UP_BENCH = (
    "benchmarks/slip_simulation.py --closed-up: 400 neighbouring lower-case words closed up at random places (one a "
    "copy, seed 7) of the 170 BBC stories (en-GB) and of all 500 Brown files (en-US), found and first suggestion "
    "right; the 15 sets of the session's checks (dev, other-seed, Brown-press benches, natural_train, clean BBC and "
    "Brown press, all 500 Brown files); a probe list of 118 closed forms in use and slips (onsite, upfront, "
    "wellbeing, ingame, anymore, inbetween, alot ...)")
RUN_TOGETHER_PAIRS = tuned(
    7.0,
    means="log10 count, in the word pairs' lists (Google Books), of two words side by side at or above which their "
    "closed-up form is a slip of the two (step run-together)",
    bench=CLOSED_UP_BENCH,
    result="at 7.0 and association 1.5 (slip_simulation.py --closed-up, seed 7): BBC found 142 -> 235 of 400, word "
    "meant first 18 -> 198; Brown 160 -> 265, 26 -> 237. The sweep (an earlier draw of the kind, found/first right, "
    "BBC and Brown; without the step 140/16 and 136/23): at association 1.5, 8.0 196/131 and 176/120, 7.5 218/160 and "
    "188/135, 7.0 250/208 and 232/191, no remark more on any set, of the probe list only slips (alot, aswell, infact, "
    "infront, ofcourse, eachother, thankyou, inbetween); at association 1.0, 7.0 adds ingame (a closed form in use) "
    "on the probe list and lookit, inpost on all 500 Brown files",
    date="2026-12-07")
DROPPED_SPACE = tuned(
    -1.5,
    means="log10 likelihood of a space left out between two words, beside the keystroke slips' (a dropped letter "
    "-1.5, lexicon.DROPPED_LETTER): weighed against the unknown word's corrections in context (step run-together)",
    bench=CLOSED_UP_BENCH,
    result="at 8.0 pairs: -1.0 BBC 196/135, Brown 176/124, -1.5 196/131 and 176/120, -2.0 196/128 and 176/114, the "
    "same remarks: only which suggestion comes first; -1.5 is a dropped letter's cost, and with it the injected "
    "letter slips of the other-seed benches that make two words (atest, orher) keep their corrections (latest, "
    "other)",
    date="2026-12-07")
CAPITAL_ASSOCIATION = tuned(
    2.0,
    means="RUN_TOGETHER_ASSOCIATION for a word capitalised only because it opens a sentence (Infact, Noone): names "
    "split into two words too (Andover: and over, 1.86), so only a set phrase counts",
    bench=CLOSED_UP_BENCH + "; 400 sentence-opening pairs closed up (In fact: Infact) the same way; 37 names "
    "opening a sentence that split into a function word and a word (Andover, Bywater, Toland, Onslow, Atwater ...)",
    result="sentence-opening pairs found, first suggestion right (BBC; Brown), without it 57, 28; 80, 39: 1.5 234, "
    "220; 248, 227, and Toland (to land) among the names; 2.0 198, 184; 225, 200, no name; 2.5 145, 127; 159, 133. "
    "No remark changed on the 15 sets at 2.0",
    date="2026-12-08")
CLOSED_FORM_MARGIN = tuned(
    1.5,
    means="log10: how much likelier the language model must find two words side by side than their closed-up form, "
    "when it knows that form, for the form to be a slip of the two (step run-together)",
    bench=CLOSED_UP_BENCH,
    result="closed forms the model knows, gap in log10: alot 2.05, noone 1.95 (slips), everytime 1.00, inflight 1.25, "
    "onsite, inhouse, downpayment 1.00, wellbeing 0.95, onboard 0.80, upfront 0.40 (in use); 1.0 and 2.0 change "
    "nothing on the random closures, 1.0 takes everytime too, 2.0 loses noone: 1.5 lies between",
    date="2026-12-07")
RUN_TOGETHER_ASSOCIATION = tuned(
    1.5,
    means="log10: how many times more often than chance (the two words' own counts) the word pairs' lists find two "
    "words side by side for their closed-up form to be a slip of the two (step run-together): a set phrase (in "
    "fact, thank you), not two common words that meet by chance (and over, the on)",
    bench=CLOSED_UP_BENCH,
    result="pairs of 10^8 or more: the slips' phrases (a lot 3.39, even though 4.33, in case 2.20, on top 2.27) "
    "against chance meetings (and over 1.86, the on 0.07); at 7.0 pairs: 1.5 as RUN_TOGETHER_PAIRS gives; 1.0 flags "
    "ingame, lookit, inpost; 2.0 BBC 196/131, Brown 176/120 (at 8.0 pairs)",
    date="2026-12-07")
FUNCTION_WORD = tuned(
    -2.5,
    means="log10 frequency of the commonest hundred words or so (from, with, the): a short word after a number one "
    "slip from one is a slip, not a unit",
    bench="errors injected into probe copy, dev bench and corpus "
    "(40ac5d5); " + DEV_BENCH,
    result="40ac5d5: benches and corpus unchanged, 90 mins, 79 og, 474,000 bpd stay units; the sweep: -1.5 to -3.5 "
    "alike (precision 93.8), -4.5 takes a unit for a slip (93.3); benchmarks/sweep.py at d5d5985 on the dev, "
    "other-seed (17-19) and Brown-press (5-8) benches, natural_train and clean copy: -2.0 and -3.0: no remark "
    "changed on any set",
    date="2026-12-06")
COINED_STEM = tuned(
    3,
    means="letters of the shortest known stem a coining ending makes a hyphenated part of (nots, hoper)",
    bench="benchmarks/sweep.py at db58f92 (run time): the dev bench, the other-seed benches (seeds 17-19), the "
    "Brown-press benches (seeds 5-8), natural_train, the clean BBC and Brown press copy",
    result="set in 03b3e66 with no figure; at 2 no remark changed; at 4 a false alarm more on BBC and on three benches",
    date="2026-12-06")
SHORTEST_PART = tuned(
    3,
    means="a part of a hyphenated word shorter than this is left alone (e-mail, x-ray, al-Assad)",
    bench="benchmarks/sweep.py at db58f92 (run time): the dev bench, the other-seed benches (seeds 17-19), the "
    "Brown-press benches (seeds 5-8), natural_train, the clean BBC and Brown press copy",
    result="set in 4a489ef with no figure; at 2 and at 4 no remark changed on any set",
    date="2026-12-06")
SLIP_SOURCE = tuned(
    -8.0,
    means="log10: a word is a slip only if some word a slip away, times the slip's likelihood, is at least this "
    "common; below it the word is likelier a rare term than a slip of a rare word",
    bench=DEV_BENCH + "; the clean BBC and Brown press stories; probe terms of Indian, Nigerian, Irish and New "
    "Zealand English written by the team",
    result="-7.0 loses three of the dev bench's injected typos (tsunamnis -7.32, backerws -7.18, deplort -7.52) and "
    "two published in Brown; -8.0 loses none, leaves alone four Brown terms and coinages (bunkered, skiddy, "
    "-8.0 to -9.3) and probe terms (tehsildar -9.5, jawans -8.9, danfo -8.6) while langar (-7.8), vakil (-6.5) "
    "and doosra (-6.0) are still flagged; BBC unchanged; benchmarks/sweep.py at d5d5985 on the dev, other-seed "
    "(17-19) and Brown-press (5-8) benches, natural_train and clean copy: -7.5: two injected non-words fewer on "
    "the dev bench and one slip fewer on three other benches, BBC 12, Brown 33; -8.5: two slips more on two "
    "benches (suffraghettes), Brown 35",
    date="2026-12-06")
PHRASE_LIFT = tuned(
    3.0,
    means="log10: how much likelier the language model finds a word beside its neighbour than anywhere, for the two "
    "to be a set phrase",
    bench="the Latin and French phrases of the Brown press stories and a list of set phrases written by the team (de "
    "facto, bona fide, ad hoc ...); misspellings the model's vocabulary holds (goverment, thier, alot, whats, "
    "cant); for hyphenated phrases (summed over their parts), the hyphenated words NL101 reported on all 500 "
    "Brown files and those misspellings after or before 20 common prefixes (anti-, self-, well- ...); "
    "benchmarks/sweep.py at d5d5985 (run time): the dev bench, the other-seed benches (seeds 17-19), the "
    "Brown-press benches (seeds 5-8), natural_train, the clean BBC and Brown press copy",
    result="phrases 3.4 to 6.4 (per se the lowest), misspellings at most 1.7 beside any common word; hyphenated "
    "phrases 3.35 (forty-niners) to 7.95 (tete-a-tete), misspellings with a prefix at most 0.85: 29 false "
    "alarms fewer on all 500 Brown files, none more (6 December 2026); 2.5 and 3.5: no remark changed on any "
    "set",
    date="2026-12-06")
HABIT_LENGTH = tuned(
    5,
    means="letters of the shortest lower-case word used twice that is still a slip when one edit from an everyday "
    "word (goverment twice); a shorter one is an abbreviation or unit (bpd, kph), one edit from dozens of words",
    bench=DEV_BENCH + "; clean BBC and Brown press stories",
    result="4 takes 'bpd' (used twice in a clean story) for a slip of 'bad'; 5 adds no remark on clean copy; "
    "benchmarks/sweep.py at d5d5985 on the dev, other-seed (17-19) and Brown-press (5-8) benches, natural_train "
    "and clean copy: 4: Brown 36, precision down on two benches; 6: no remark changed",
    date="2026-12-06")
LONGEST_QUOTED = tuned(
    40, means="letters of a word too long to correct that its message quotes", bench="none: a display length "
    "(4d5d737)", result="messages stay one line", date="2026-12-05")
# Strings one file may have looked up in the word list while searching for slips (spelling candidates, and the
# one-edit neighbours the exemptions ask about). Past the budget, the rule stops in that file and says so at the next
# unknown word.
SEARCH_BUDGET = tuned(
    1_000_000, means="word-list look-ups one file may spend searching for slips", bench="the 170 dev bench stories "
    "and random-letter files (2bd221f; benchmarks/linearity.py invented-words)", result="the heaviest bench story "
    "needs 18,317, the average 1,473 (55 times under); at 5,000,000 (2bd221f) 10 KB of invented words took 6.3 s, "
    "all of it the search, at 1,000,000 1.3 s", date="2026-12-05")

OTHER_LANGUAGE_EVIDENCE = tuned(
    2,
    means="the fewest different lower-case words of one other language (its common words the English lists lack, no "
    "slip of an everyday word) for a story to be read as writing that language too (step other-language-word)",
    bench="the 16 sets of issue 17 (dev bench, other-seed benches 17-19, Brown-press benches 5-8, clean BBC and Brown "
    "press copy, all 500 Brown files, natural_train) and 36 probe stories of other Englishes, beats and formats, "
    "2026-12-07",
    result="at 2: no remark changed on any bench; 9 remarks fewer on all 500 Brown files (French, German and "
    "Italian phrases, noli me tangere), 12 on the probes (an opera review's Italian, a menu's, a border town's "
    "Spanish); at 3, measured before OTHER_LANGUAGE_MARGIN: 6 fewer on all 500 Brown files, the same on the probes; "
    "a story's other language read from any one of its words would take typos that are Dutch or Portuguese words "
    "(wil, sair) for them",
    date="2026-12-07")
RANKING_SHOWN = tuned(5, means="candidates whose ranking newslint explain shows, best first", bench="none: a display "
                      "count (the rule suggests at most 3)", result="enough to show what the suggestions beat",
                      date="2026-12-05")
Detail = dict[str, Any]  # what an exemption found, for the trace; None when it does not apply


class SearchBudget(NamedTuple):
    """What one file's search for slips has spent of SEARCH_BUDGET."""

    lexicon: Lexicon
    start: int  # lexicon.searched when the file's check began

    @property
    def spent(self) -> bool:
        return self.lexicon.searched - self.start > SEARCH_BUDGET


def quoted(word: str) -> str:
    """A word as a message quotes it: whole, or the start of one too long to correct."""
    return f"'{word}'" if len(word) <= LONGEST_QUOTED else f"'{word[:LONGEST_QUOTED]}…'"


class Unknown(NamedTuple):
    """A word the dictionary does not know, or a part of one joined by hyphens, as the steps weigh it."""

    index: int  # of the token in doc.tokens
    token: Token
    word: str  # the token without a possessive 's, or one part of it
    start: int  # the span of word
    end: int
    part: bool = False  # one part of a hyphenated word


# A lower-case abbreviation in round brackets, the words before it in its paragraph that it may stand for, and the
# words of grammar an abbreviation leaves out (bpd: barrels of oil per day).
BRACKETED_ABBREVIATION_RE = re.compile(r"\(([a-z]{2,8})\)")
ABBREVIATION_SKIPS = frozenset(("of", "and", "the", "a", "an", "for", "in", "on", "to", "by"))
# The endings of a species' name in Latin, and what stands between it and its genus: a space, or a hybrid's sign.
LATIN_ENDING_RE = re.compile(r"..(?:us|um|is|a|ii|ensis|oides)$")  # two letters before at least: no particle (sa)
SPECIES_GAPS = frozenset((" ", " \u00d7 ", " x "))
MACRON_VOWELS = frozenset("\u0101\u0113\u012b\u014d\u016b\u0100\u0112\u012a\u014c\u016a")  # ā ē ī ō ū, Ā ...
TE_REO_SHAPE = re.compile("(?:(?:ng|wh|[hkmnprtw])?[aeiou]){2,}")  # open syllables, at least two


class FileCheck:
    """What the check of one file knows: the word lists, the story's name evidence, the search budget, and what it
    has read once for all its words."""

    def __init__(self, doc: Document, res: Resources, lexicon: Lexicon, accepted: set[str], evidence: NameEvidence,
                 budget: SearchBudget, trace: Trace | None):
        self.doc = doc
        self.res = res
        self.lexicon = lexicon
        self.accepted = accepted
        self.evidence = evidence
        self.budget = budget
        self.trace = trace
        self.italicises_foreign = False
        self.phrases: dict[tuple[int, int], Phrase] = {}  # each italic span's words, read once
        self.searched: dict[str, list[str]] = {}  # each unknown word's candidates, searched once
        self.stopped = False  # the search budget is spent: no word after is checked
        self.languages_read: dict[int, bool] = {}  # whether the story writes each other language read so far
        # each unknown word's run_together, by its start and spelling: four steps ask of one word
        self.spaced: dict[tuple[int, str], str | None] = {}

    @cached_property
    def defined_abbreviations(self) -> frozenset[str]:
        """The lower-case abbreviations the story defines in brackets after the words they stand for (step
        defined-abbreviation)."""
        prose = self.doc.prose
        if "(" not in prose:
            return frozenset()
        return frozenset(m.group(1) for m in BRACKETED_ABBREVIATION_RE.finditer(prose)
                         if stands_for(m.group(1), words_before(self.doc, m.start())))

    @cached_property
    def unknown(self) -> set[str]:
        """The spellings of the story's tokens that the lists lack, each asked once (not once a token)."""
        is_word = self.lexicon.is_word
        return {text for text in set(self.doc.tokens.texts) if not is_word(strip_possessive(text))}

    @cached_property
    def other_language_words(self) -> list[tuple[str, int]]:
        """The story's lower-case words the lists lack, not even as words in everyday use (prix, pharma), that are
        common words of another language, each with its languages' bits (OtherLanguages), in alphabetical order."""
        languages, everyday = OtherLanguages.load(), self.lexicon.attested
        found = ((text, languages.of(text)) for text in sorted(self.unknown)
                 if text.isalpha() and text.islower() and text not in everyday)
        return [(word, bits) for word, bits in found if bits]

    def languages_written(self, bits: int) -> int:
        """Those of the languages (bits) that the story writes: OTHER_LANGUAGE_EVIDENCE of its words of each are
        plainly foreign (no slip of an everyday word). Each language is read once a story, and no further than the
        search budget allows."""
        written = 0
        while bits:
            bit = bits & -bits
            bits ^= bit
            if bit not in self.languages_read:
                evidence = 0
                for word, word_bits in self.other_language_words:
                    if evidence >= OTHER_LANGUAGE_EVIDENCE or self.budget.spent:
                        break
                    if word_bits & bit:
                        evidence += plainly_foreign(word, self.lexicon)
                self.languages_read[bit] = evidence >= OTHER_LANGUAGE_EVIDENCE
            if self.languages_read[bit]:
                written |= bit
        return written

    @cached_property
    def writes_te_reo(self) -> bool:
        """Whether the story writes a vowel with a macron, as te reo Māori is written (step te-reo-word)."""
        return not MACRON_VOWELS.isdisjoint(self.doc.prose)

    def candidates(self, word: str) -> list[str]:
        """The word's spelling candidates, searched once in the file however often it is written."""
        if word not in self.searched:
            self.searched[word] = self.lexicon.candidates(word)
        return self.searched[word]


# -- the steps, in the order they are weighed ---------------------------------------------------------------------
# A word of prose stuck to no number, in the Latin alphabet and unknown to the dictionary for the dialect, the team's
# words file and (under a configured dialect) the other standard's list, which NL302 reports, is weighed by these
# steps in order: the first exemption that applies leaves it alone; a word none applies to gets a verdict.

UNIT_AFTER_NUMBER = Step(
    "NL101", "unit-after-number",
    decides="a short lower-case word straight after a number is a unit or abbreviation, unless one slip from one of "
    "the commonest words",
    allows=("Output was 474,000 [[bpd]] last year.", "The pitch was 90 [[yds]] long."))
EVERYDAY_WORD = Step(
    "NL101", "everyday-word",
    decides="a word in everyday use that the dictionaries lack (crypto, pharma, prix), unless one slip from an "
    "everyday word",
    allows=("The [[crypto]] market fell.",))
RARE_DICTIONARY_WORD = Step(
    "NL101", "rare-dictionary-word",
    decides="a word the larger dictionaries list and that is in use, more often than slips of a commoner word would "
    "make it: a regional, legal, sport or borrowed term (marae, obiter, poutine, gardai); not ballons or persue",
    allows=("Elders met at the [[marae]] on Sunday.", "A voter bought [[poutine]] after the rally.",
            "The pact was signed at a [[marae]]-based hui."))
NAME_PARTICLE = Step(
    "NL101", "name-particle",
    decides="a particle leading into a name (von der Leyen, auf Naxos) belongs to the name",
    allows=("They met Maria [[bint]] Khalid.",))
FOREIGN_NAME_PARTICLE = Step(
    "NL101", "foreign-name-particle",
    decides="a short lower-case word inside a name, beside a word of it the dictionary does not know, is a particle "
    "of the name's own language; between known words it is a slip (Bank fo England)",
    allows=("The group Samahang Pilipino [[sa]] Kanlurang Sydney wrote.",))
LOOKS_LIKE_NAME = Step(
    "NL101", "looks-like-name",
    decides="a capitalised word the story treats as a name: away from a sentence start, capitalised there elsewhere, "
    "after a title, with inner capitals or shaped as a romanised given name; not a name in everyday use with two "
    "letters swapped (Isreal, Britian), nor a title one slip off before a name (Chancellr Kimpton; a short one with "
    "two letters swapped, Msis Okafor, or one the story writes before the same name, Mis Adeyemi beside Miss "
    "Adeyemi), nor a word one slip off a fixed name's word beside the name's other word (the "
    "Suprme Court, Wall Stret, the Bank of Englnd: misspelt_fixed_name)",
    allows=("They wrote to [[Goverment]] House.", "He met Mr [[Reserch]] on Monday."))
DROPPED_APOSTROPHE = Step(
    "NL101", "dropped-apostrophe",
    decides="a contraction or possessive written without its apostrophe (dont, theyre, childrens) is a slip, "
    "reported with the apostrophe restored, however often the story writes it: not a derived word (children + s), "
    "a term the story means, a word after an apostrophe that stands for its h ('im: elision decides) nor a word "
    "beside another language's article (dans la rue: after-foreign-article decides)",
    flags=("Staff at the [[childrens]] ward said so.", "I [[dont]] know, he said. I dont care."))
RUN_TOGETHER = Step(
    "NL101", "run-together",
    decides="two words closed up with no space (alot, inspite, eventhough, upto) are a slip, reported with the space "
    "restored: a lower-case unknown word made of two known words, one of them a function word (a, in, at, no, "
    "though, you ...; not be or being: wellbeing), that the counts of word pairs find side by side at least "
    "10^RUN_TOGETHER_PAIRS times and 10^RUN_TOGETHER_ASSOCIATION times as often as chance would, and, when the "
    "language model knows the closed form, 10^CLOSED_FORM_MARGIN times likelier than it (not onboard, wellbeing); "
    "the likelier slip in context when a letter's slip makes a word too (atest: latest); not a phrasal verb's noun "
    "(signup, walkout: a particle after), a name (capitalised: only a word opening a sentence, once in the story, "
    "no name of the lists', on a set phrase's odds, 10^CAPITAL_ASSOCIATION: Infact, not Andover or Toland), nor a "
    "word that a step before leaves alone (pro forma: set-phrase; I don't wanta: spoken-quote)",
    flags=("He stayed on [[eventhough]] the vote went against him.", "The two sides blamed [[eachother]]."))
SET_PHRASE = Step(
    "NL101", "set-phrase",
    decides="a word bound to its neighbour in a set phrase that WordNet lists (ex gratia, sub judice, in absentia, "
    "maitre d'hotel) or that the language model knows (de facto, bona fide, prima facie): after or before it, the "
    "model finds it 10^PHRASE_LIFT times likelier than anywhere; a slip is not (the goverment: 10^0.9); a part of a "
    "hyphenated phrase likewise, its parts after the parts before them (bric-a-brac, vis-a-vis)",
    allows=("The case was bona [[fide]] from the start.", "The attic was full of bric-a-[[brac]] and old books.",
            "The council made an ex [[gratia]] payment.", "He was tried in [[absentia]] last year."))
ACCENTED_LETTER = Step(
    "NL101", "accented-letter",
    decides="a word with a letter an English keyboard does not type (gardaí, whānau) is written so on purpose: a "
    "foreign or regional term, no slip of an English word",
    allows=("The Taoiseach said [[gardaí]] had made two arrests.",))
TE_REO_WORD = Step(
    "NL101", "te-reo-word",
    decides="in a story that writes te reo Māori (a vowel with a macron anywhere in it), a lower-case word spelt only "
    "in te reo's open syllables (h k m n p r t w ng wh before each vowel: kuia, karanga, kaupapa) is a te reo word, "
    "unless it is one slip from an everyday English word (mone, tiem)",
    allows=("Whānau and [[kuia]] gathered on the marae for the tangi.",))
ELISION = Step(
    "NL101", "elision",
    decides="a word written with its last letter elided, an apostrophe in its place, is speech set down on purpose "
    "(countin', darlin', ol'): with the letter back it is a known word; so is a word no list knows whose h an "
    "apostrophe stands for ('ome, 'olidays, be'ind), a word joined to the northern article t' (t'lot, t'club) and "
    "a modal said as one word with its have (shoulda, shouldda, musta)",
    allows=("'Ye must be [[countin]]' the days,' he said.", "\"Ah 'ad a job an' '[[olidays]],\" she said.",
            "\"Ah came 'ome an' went down [[t'club]],\" she said.", "\"We [[shoulda]] won that,\" he said."))
SPOKEN_QUOTE = Step(
    "NL101", "spoken-quote",
    decides="a short lower-case word no list knows (capitalised where it opens the quotation or a sentence), or one "
    "that drops the g of an -ing word (nothin), inside a paragraph whose quotations hold at least SPOKEN_FORMS "
    "different such words or elided ones (an', 'ome; where those mark the speech, short words the lists know but "
    "English seldom writes too: nae, yer; a paragraph quotes one speaker), is speech set down as spoken, on "
    "purpose (dialect, pidgin, text speak, another language: I telt them fae the start), a part of a hyphenated word "
    "too (dug-cairt); one such word alone in a paragraph's quotations, and a longer word (LONGEST_SPOKEN_FORM), are "
    "still weighed as slips",
    allows=("\"I'm no giving up, I [[telt]] them that fae the start,\" she said.",
            "\"[[Ek]] is baie trots op die manne,\" the coach said.",
            "\"Ye learnt fae the men, or ye didna learn,\" he said. \"The sea was ma [[schoolin]].\""))
INTERJECTION = Step(
    "NL101", "interjection",
    decides="a capitalised word of at most LONGEST_SPOKEN_FORM letters that opens a quotation, or a sentence inside "
    "one, with a comma, a stop, ! or ? straight after it, is an interjection or a name called out (\"Eish, this "
    "thing\", \"Naw.\", \"Lovie, come here\"): the speaker's own, not a slip; unless two letters swapped make it an "
    "everyday word (Yse, Wlel: a typing slip; not Mais, whose swap is the rare amis)",
    allows=("\"[[Eish]], this thing is killing us,\" said the hairdresser.",))
FOREIGN_QUOTATION = Step(
    "NL101", "foreign-quotation",
    decides="a word inside a quotation that sets speech down as spoken (see spoken-quote) and holds at least "
    "FOREIGN_QUOTE_WORDS lower-case words, half of them or more no word any list knows, is in another language: "
    "however long, hyphenated or not (madaling-araw, napalikas)",
    allows=("\"Dona eis requiem, Domine, lux luceat eis in [[aeternam]],\" the choir sang.",))
FOREIGN_RUN = Step(
    "NL101", "foreign-run",
    decides="a word beside a lower-case word that no dictionary knows, one of the two no slip of an everyday word, "
    "is part of a foreign phrase (pas une goutte, nolo contendere); two slips side by side are each a slip of a "
    "word in use (teh goverment)",
    allows=("The crowd shouted: pas [[une]] goutte de sang.",))
FOREIGN_LIST = Step(
    "NL101", "foreign-list",
    decides="a lower-case word joined by a comma, 'and' or 'or' to a lower-case word that is plainly a foreign or "
    "regional term (one no list knows that no slip of an everyday word explains, or a rare dictionary word) is another "
    "item of the same list of terms: stalls sold seswaa, morogo and phane; a slip in a list of English words is "
    "still a slip",
    allows=("Vendors will sell buai, [[daka]] and kambang at the market.",))
BRACKETED_CODE = Step(
    "NL101", "bracketed-code",
    decides="a capitalised word of two to four letters that is all a pair of round brackets holds is a code (a "
    "country, a party, a state: Swe, Sco, Nir after a golfer's name), not a misspelling, in a heading too",
    allows=("Leaderboard after the third round\n\nLindqvist ([[Swe]]) leads by seven\n\nTomas Lindqvist shot 63 on "
            "Saturday.\n",))
DEFINED_ABBREVIATION = Step(
    "NL101", "defined-abbreviation",
    decides="a lower-case abbreviation the story defines in round brackets straight after the words it stands for, "
    "their first letters (million tonnes per annum (mtpa), barrels of oil per day (bpd): a short word of grammar "
    "between may be passed over), is the story's own, there and wherever the story writes it again",
    allows=("The terminal will ship 10 million tonnes per annum ([[mtpa]]) from 2027.",))
PREFIX_BEFORE_NUMBER = Step(
    "NL101", "prefix-before-number",
    decides="a prefix written before a hyphen and a number (pre-1919, mid-1990s) is the prefix of the number's "
    "phrase, as it would be of a word (pre-war)",
    allows=("Many of the city's [[pre]]-1919 tenements need new roofs.",))
AFTER_FOREIGN_ARTICLE = Step(
    "NL101", "after-foreign-article",
    decides="a lower-case word right after a lower-case article of another language, a space between (la, le, de, "
    "au, el, il, der: word list foreign-articles), or right before one that goes on to another lower-case word, is "
    "that language's word: la chatte, chef de partie, pan de yema, tarte au citron",
    allows=("Pupils first learn to read \"la [[chatte]]\".",
            "The [[tarte]] au citron (£8) had a crisp base."))
OTHER_LANGUAGE_WORD = Step(
    "NL101", "other-language-word",
    decides="in a story that writes at least OTHER_LANGUAGE_EVIDENCE different lower-case words of another language "
    "(common words of it, by wordfreq's lists, that the English lists lack and that are no slip of an everyday word), "
    "a lower-case word of that language is its word, a slip away from an English word or not: messa di voce in a "
    "review that quotes Italian arias, pero in a Spanish aside",
    allows=("Her abuela baked conchas with calabaza. \"People complained, [[pero]] they understood,\" she said.",))
SPECIES_NAME = Step(
    "NL101", "species-name",
    decides="a lower-case word with a Latin ending (-us, -um, -is, -a, -ii, -ensis, -oides) after two letters or more, "
    "straight after a word capitalised mid-sentence (a hybrid's sign between allowed), is the species of a "
    "scientific name: Galanthus nivalis, Helleborus × hybridus, Daphne bholua; not after a capital that opens a "
    "sentence (His encylopedia) or a possessive (Trump's agneda), nor a particle (Pilipino sa Kanlurang)",
    allows=("In February the common Galanthus [[nivalis]] flowers under the beech hedge.",))
USED_TWICE = Step(
    "NL101", "used-twice",
    decides="a word the story uses more than once, in the same form (or in lower case, when it is capitalised only "
    "at its first letter where any word is: a sentence or a headline opens with it; a lower-case word with an s "
    "added or taken off, no word of the lists either: matatu and matatus, not wass beside was), is a name or a term "
    "it means, a part of a hyphenated word too (repo-linked beside repo); not a word written in lower case one slip "
    "from an everyday word (goverment twice is a habit, not a term) nor two words run together that the story "
    "never writes apart (alot twice; belowground beside below ground is NL303's inconsistency)",
    allows=("The wugs met. Two [[wugs]] agreed.", "The wugs met. [[Wugs]] agreed.",
            "Wugs met. Two [[wugs]] agreed.", "A matatu stopped. Two [[matatus]] followed.",
            "Banks lend on repo. Loans that are [[repo]]-linked cost more."))
INTRODUCED_TERM = Step(
    "NL101", "introduced-term",
    decides="a lower-case word the story introduces as a term where it writes it: named so (known as, called, "
    "so-called, dubbed: a dish called jollof) or glossed, by a parenthesis or dash after it that opens with an "
    "article, 'or', 'meaning' or 'literally', or a short ', or ...,' (a matatu (a minibus taxi), jollof, or spiced "
    "rice,); not a word one slip from a plausible word (PLAUSIBLE_WORD: the goverment (the cabinet), called "
    "volunters)",
    allows=("Commuters took a [[matatu]] (a minibus taxi) home.", "They took an [[okada]], or motorbike taxi, to town.",
            "He rode an [[okada]] \u2013 a motorbike taxi \u2013 to work.",
            "Commuters hailed a motorbike taxi called [[okada]]."))
INNER_CAPITALS = Step(
    "NL101", "inner-capitals",
    decides="a word with capitals inside it is a brand or a name (eBay, iPhone)",
    allows=("She sold it on [[eBqy]] last week.",))
OPENS_A_NAME = Step(
    "NL101", "opens-a-name",
    decides="a capitalised word opening a sentence, before a capitalised word that is unknown or only a name, or a "
    "word no everyday one that the story writes as a name elsewhere, opens a name (Oleg Gordievsky, Bea Morley; "
    "Brody Lark beside Lark said; not before Smith, a word too, written so nowhere else; not a title one slip off: "
    "Presdient Biden)",
    allows=("[[Thw]] Gordievsky file was opened.", "They met at the Rickshaw. [[Bea]] Morley sang.",
            "[[Brody]] Lark kicked the goal.\n\"We were cooked,\" Lark said.\n"))
CAPITALISED_NO_SLIP = Step(
    "NL101", "capitalised-no-slip",
    decides="a capitalised word is a name unless one slip from an everyday word or a name in everyday use with two "
    "letters swapped, or a fixed name's word misspelt as looks-like-name finds it (reached by a word opening a "
    "sentence, or one looks-like-name found misspelt)",
    allows=("[[Irfan]] said the talks ended.",))
DERIVED_WORD = Step(
    "NL101", "derived-word",
    decides="a word made of a known one with a productive prefix or suffix (denuclearization, tieless), unless a "
    "slip of a commoner word is likelier than the derivation (troughly)",
    allows=("Decliners outnumbered [[advancers]] today.",))
COMPOUND = Step(
    "NL101", "compound",
    decides="two known words closed up (carmakers), or a bare verb and a short particle (signup), unless one slip "
    "from a plausible word (spokeman)",
    allows=("He threw a [[changeup]] there.", "After the [[signup]] ended."))
ITALICS_MARK_FOREIGN = Step(
    "NL101", "italics-mark-foreign",
    decides="in a story that sets a plainly foreign word in italics, a word in italics is a foreign term",
    allows=("The <i>esusu</i> groups and <i>[[toum]]</i> stalls.",))
FOREIGN_PHRASE_IN_ITALICS = Step(
    "NL101", "foreign-phrase-in-italics",
    decides="a word in an italic phrase that holds no everyday English is part of a foreign term (vin de France); "
    "alone or among English words, a slip set in italics for emphasis (realy)",
    allows=("A glass of <i>[[vin]] de France</i> aside.",))
HYPHEN_JOINED_WORD = Step(
    "NL101", "hyphen-joined-word",
    decides="each part of a hyphenated word that is a known word without its hyphens: the hyphen is house style "
    "(pre-empted, co-ordinated)",
    allows=("The talks were pre-[[empted]] by the vote.",))
KNOWN_PART = Step(
    "NL101", "known-part",
    decides="a part of a hyphenated word known to the dictionary, the team's words or the other standard (NL302's)",
    allows=("A [[lake]]-facing flat.",))
PREFIX_PART = Step(
    "NL101", "prefix-part",
    decides="a part before a hyphen that is a prefix, not a word of its own (socio-, geo-, tri-)",
    allows=("An [[intra]]-squad game.",))
SUFFIX_PART = Step(
    "NL101", "suffix-part",
    decides="a last part after a hyphen that is an ending written apart, not a word of its own (crisp-ish, "
    "Kafka-esque)",
    allows=("The chips stay crisp-[[ish]] to the end.",))
COINED_PART = Step(
    "NL101", "coined-part",
    decides="a part that is a known word with a coining ending (have-nots, touchy-feely, no-hoper, ad-libbed)",
    allows=("A no-[[hoper]] side.",))
CAPITALISED_PART = Step(
    "NL101", "capitalised-part",
    decides="a capitalised part of a hyphenated word is a name (reached at a sentence start: elsewhere the whole "
    "word looks like a name or has inner capitals)",
    allows=("[[Qwertzy]]-style keyboards are rare.",))
SHORT_PART = Step(
    "NL101", "short-part",
    decides="a part of one or two letters is left alone (ng-style, al-Assad)",
    allows=("The [[bq]]-style trial.",))
TOO_LONG_TO_CORRECT = Step(
    "NL101", "too-long-to-correct",
    decides="a word longer than any in the dictionary by more than two letters is no slip of any word: reported as "
    "too long to correct, with no suggestion",
    flags=("It said [[" + "qwerty" * 9 + "]] twice.",))
NO_CANDIDATES = Step(
    "NL101", "no-candidates",
    decides="nothing in the dictionary is a slip away: a rare term, a coinage or a foreign word, left to NL102",
    allows=("He tested positive for [[stanozolol]] in May.",))
NAMES_NEARBY = Step(
    "NL101", "names-nearby",
    decides="a lower-case word whose only neighbours a slip away are names that are no lower-case word (Ada, Craig, "
    "Surya): whoever means a name writes its capital, so the word is a regional word or a term (okada, craic), left "
    "to NL102; among other candidates such names are neither weighed nor offered",
    allows=("The [[craic]] was mighty at the session.",))
UNLIKELY_SLIP = Step(
    "NL101", "unlikely-slip",
    decides="the likeliest slip that would give the word (a candidate's frequency times the slip's likelihood) is "
    "rarer than SLIP_SOURCE: a rare term, a transliteration or a regional word (tehsildar, danfo), no slip of a "
    "word in use (a word two slips from the nearest counts NO_ONE_SLIP: gwijo is no slip of giro); left to NL102",
    allows=("The [[tehsildar]] heard the complaint.", "Supporters sang [[gwijo]] in the stands."))
MISSPELT = Step(
    "NL101", "misspelt",
    decides="an unknown word that no exemption covers and that known words are a slip away from: reported, with "
    "the likeliest corrections",
    flags=("A nuclear [[reserch]] site.", "Officials met on Tuesday. [[Ther]] talks ended.",
           "He took 1-22 [[frm]] nine overs.", "They met at the Bank [[fo]] England.",
           "The halls are <i>[[realy]]</i> busy.", "It does not do [[mustice]] to them."))

Exemption = tuple[Step, Callable[[FileCheck, Unknown], "Detail | None"]]


class Spelling(Rule):
    """A misspelt word: not in the dictionary for the dialect, and not a name.

    What it does: checks every word of prose against the word list for the dialect (with none configured, every
    supported standard's: colour and color, organise and organize, theatre and theater are all words; a configured
    en-US, en-GB, en-GB-oxendict or en-AU leaves the other standard's spellings to NL302), the words in everyday use
    that the lists lack (crypto, grand prix), the larger dictionaries' rarer words in use (marae, poutine, certiorari)
    and the team's accepted words, and suggests the likeliest corrections, ranked by how likely the slip is (keyboard
    neighbours, transpositions, doubled letters, a dropped apostrophe, a dropped space: alot, inspite) times how well
    each candidate fits between its neighbours, in the dialect's spelling: with none configured, the story's own (colur
    -> colour in a story that writes centre and defence), and the American where the story has no dialect-marked word to
    go by. Names are not errors: capitalised words away from a sentence start, romanised given names (Do-gyun, Ik-san),
    words after a title, acronyms, words with inner capitals, a short word inside a foreign name (Pilipino sa Kanlurang)
    and a lower-case word used twice in the story are left alone, and so are the short words of a quotation that sets
    speech down as spoken (dialect or text speak: "I telt them fae the start") and a short word that opens a quotation
    with a mark after it (an interjection or a name called out: "Eish, this thing"); numbers with units, web and e-mail
    addresses (gov.uk, https://...) and handles are not prose, an abbreviation the story defines in brackets after the
    words it stands for (million tonnes per annum (mtpa)) is the story's own, and words in other scripts (москва, 梦) are
    not English, nor are words with a letter an English keyboard does not type (gardaí, whānau): no slip makes one.
    Words set in italics (*terroir*, <i>esusu</i>, *vin de France*) are a foreign term, as house styles mark them,
    unless one is a slip of an everyday word alone or among English words (*realy*). A "word" of more than 47 letters,
    two more than the longest in the dictionary, is no slip of any word: it is reported as too long to correct, with no
    suggestion. The search for slips has a budget per file, some 270 times what the heaviest story needs: a file of
    random letters that uses it up is checked no further, and the rule says at which word it stopped.

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

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        lexicon = res.lexicon
        accepted = res.accepted_words | (res.glossary.words if res.config.names else set())
        budget = SearchBudget(lexicon, lexicon.searched)
        f = FileCheck(doc, res, lexicon, accepted, doc.derived(NameEvidence), budget, doc.trace)
        f.italicises_foreign = italicises_foreign(doc, lexicon, budget)
        prose, starts, texts = doc.prose, doc.tokens.starts, doc.tokens.texts
        # Most words are known, and the checks below leave them alone too: only the tokens of the spellings not known
        # are visited.
        unknown = f.unknown
        for index in [index for index, text in enumerate(texts) if text in unknown]:
            start, text = starts[index], texts[index]
            word = strip_possessive(text)
            token = Token(start, text)
            if stuck_to_digits(prose, token) or in_other_script(text):
                continue  # not prose (5km, Hwasong-15), not English (москва)
            known = known_elsewhere(f, token, word)
            if known is not None:
                if f.trace is not None:
                    f.trace.note(self.code, token.start, token.start + len(word), known=known)
                continue
            yield from self._weigh(f, Unknown(index, token, word, token.start, token.start + len(word)))
            if f.stopped:
                return

    def _weigh(self, f: FileCheck, unknown: Unknown) -> Iterator[Diagnostic]:
        """The steps for one unknown word, in order: the exemptions, then a verdict on the word, or on each of its
        parts that no exemption covers when it is hyphenated. The search budget is looked at once the one exemption
        that costs next to nothing has been tried, and before each part's verdict."""
        if self._exempt(f, unknown, (UNIT_AFTER_NUMBER_EXEMPTION,)):
            return
        if f.budget.spent:
            yield self._out_of_budget(f, unknown)
            return
        if self._exempt(f, unknown, NAME_EXEMPTIONS, (UNIT_AFTER_NUMBER_EXEMPTION,)):
            return
        if DROPPED_APOSTROPHE.on and (restored := dropped_apostrophe(f, unknown)):
            yield self._restore_apostrophe(f, unknown, restored)
            return
        if self._exempt(f, unknown, SHAPE_EXEMPTIONS, (UNIT_AFTER_NUMBER_EXEMPTION,) + NAME_EXEMPTIONS):
            return
        if RUN_TOGETHER.on and (phrase := run_together(f, unknown)):
            yield self._restore_space(f, unknown, phrase)
            return
        if "-" not in unknown.word:
            yield from self._verdict(f, unknown)
            return
        for part in parts(unknown):
            if self._exempt(f, part, PART_EXEMPTIONS):
                continue
            if f.budget.spent:  # a hyphen-joined run may hold thousands of parts
                yield self._out_of_budget(f, part)
                return
            yield from self._verdict(f, part)

    def _exempt(self, f: FileCheck, unknown: Unknown, exemptions: tuple[Exemption, ...],
                before: tuple[Exemption, ...] = ()) -> bool:
        """Whether one of the exemptions, tried in order, leaves the word alone; the trace names it, and the steps
        tried before it."""
        for i, (step, applies) in enumerate(exemptions):
            if step.on and (detail := applies(f, unknown)) is not None:
                if f.trace is not None:
                    f.trace.decide(self.code, unknown.start, unknown.end, step.name, False,
                                   **considered(unknown, before + exemptions[:i]), **detail)
                return True
        return False

    def _verdict(self, f: FileCheck, unknown: Unknown) -> Iterator[Diagnostic]:
        """An unknown word that no exemption covers: too long to correct, nothing near it, or a slip, reported with
        the likeliest corrections."""
        word, span, lexicon = unknown.word, Span(unknown.start, unknown.end), f.lexicon
        if TOO_LONG_TO_CORRECT.on and lexicon.too_long_to_correct(word):
            self._decide(f, unknown, TOO_LONG_TO_CORRECT, True, letters=len(word))
            yield self.report(span, f"Unknown word {quoted(word)}, too long to correct ({len(word):,} letters)")
            return
        story = f.doc.derived(StoryDialect) if f.res.config.dialect == AUTO else None
        candidates = f.candidates(word)
        preferred = story.prefer(candidates) if story else lexicon.prefer_native(candidates)
        if f.trace is not None:
            note_candidates(f, self.code, unknown, candidates, preferred)
        if NO_CANDIDATES.on and not preferred:
            self._decide(f, unknown, NO_CANDIDATES, False)
            return  # nothing a slip away: a rare term, a coinage or a foreign word (stanozolol, numerique)
        preferred = self._without_names(f, unknown, preferred)
        if preferred is None:
            return
        source = max((lexicon.frequency(c) + edit_cost(word.lower(), c) for c in preferred), default=None)
        if UNLIKELY_SLIP.on and source is not None and source < SLIP_SOURCE:
            self._decide(f, unknown, UNLIKELY_SLIP, False, likeliest_source=source, floor=float(SLIP_SOURCE))
            return
        if not MISSPELT.on:
            return
        left, right = f.doc.neighbours(unknown.index)
        ranked = ranked_corrections(f, unknown, preferred, left, right)
        best = [match_case(word, c) for c in (story.respell(ranked) if story else ranked)]
        if f.trace is not None:
            note_ranking(f, self.code, unknown, preferred, left, right)
        self._decide(f, unknown, MISSPELT, True, suggestions=best)
        yield self.report(span, f"Unknown word '{word}'", best)

    def _without_names(self, f: FileCheck, unknown: Unknown, candidates: list[str]) -> list[str] | None:
        """The candidates a lower-case word may be a slip of: not names that are no lower-case word; None when they
        are all such names (the step names-nearby decides)."""
        if not NAMES_NEARBY.on or not unknown.word.islower():
            return candidates
        names = [c for c in candidates if c in f.lexicon.name_only]
        if names and len(names) == len(candidates):
            self._decide(f, unknown, NAMES_NEARBY, False, names=names)
            return None
        return [c for c in candidates if c not in names]

    def _restore_apostrophe(self, f: FileCheck, unknown: Unknown, restored: str) -> Diagnostic:
        """A contraction or possessive without its apostrophe: the restored form first, then (for an -s form that
        may be a mass noun's plural, informations) the word it was made from."""
        word = unknown.word
        best = [restored] + ([word[:-1].lower()] if restored.endswith("'s") and restored[:-2] == word[:-1].lower()
                             else [])
        best = [match_case(word, c) for c in best]
        self._decide(f, unknown, DROPPED_APOSTROPHE, True, tried=(UNIT_AFTER_NUMBER_EXEMPTION,) + NAME_EXEMPTIONS,
                     suggestions=best)
        return self.report(Span(unknown.start, unknown.end), f"Missing apostrophe in '{word}'", best)

    def _restore_space(self, f: FileCheck, unknown: Unknown, phrase: str) -> Diagnostic:
        """Two words closed up: the two, with the space restored."""
        self._decide(f, unknown, RUN_TOGETHER, True, suggestions=[phrase])
        return self.report(Span(unknown.start, unknown.end), f"Missing space in '{unknown.word}'", [phrase])

    def _decide(self, f: FileCheck, unknown: Unknown, step: Step, reported: bool,
                tried: tuple[Exemption, ...] | None = None, **detail: Any) -> None:
        """A verdict step's decision, in the trace with the exemptions considered before it (by default all)."""
        if f.trace is not None:
            if tried is None:
                tried = PART_EXEMPTIONS if unknown.part else (UNIT_AFTER_NUMBER_EXEMPTION,) + WORD_EXEMPTIONS
            f.trace.decide(self.code, unknown.start, unknown.end, step.name, reported, **considered(unknown, tried),
                           **detail)

    def _out_of_budget(self, f: FileCheck, unknown: Unknown) -> Diagnostic:
        f.stopped = True  # the rule checks no word after this one in the file
        if f.trace is not None:
            f.trace.note(self.code, unknown.start, unknown.end,
                         search_budget=f"spent: {f.lexicon.searched - f.budget.start:,} look-ups of {SEARCH_BUDGET:,}")
        return self.report(Span(unknown.start, unknown.end),
                           f"Unknown word {quoted(unknown.word)} not checked for a slip, nor any word after it: the "
                           f"search has used up its budget for this file ({SEARCH_BUDGET:,} look-ups)")


# -- the exemptions: each returns what it found (for the trace) when it applies, else None --------------------------

def unit_after_number(f: FileCheck, u: Unknown) -> Detail | None:
    """90 mins, 79 og, 474,000 bpd; not '1-22 frm nine overs'. Asked of the token as written."""
    text, start = u.token.text, u.token.start
    if len(text) <= UNIT_LENGTH and text.islower() and start >= 2 and f.doc.prose[start - 1] == " " \
            and f.doc.prose[start - 2].isdigit():
        if not (len(text) >= SHORTEST_SLIP_UNIT and f.lexicon.near_common_word(text, FUNCTION_WORD)):
            return {}
    return None


def everyday_word(f: FileCheck, u: Unknown) -> Detail | None:
    return {} if u.word in f.lexicon.attested and not f.lexicon.near_common_word(u.word) else None


def rare_dictionary_word(f: FileCheck, u: Unknown) -> Detail | None:
    zipf = f.lexicon.rare.get(u.word.lower()) if u.word[1:].islower() else None
    return None if zipf is None else {"uses_per_billion_words": f"10^{zipf}"}


def name_particle(f: FileCheck, u: Unknown) -> Detail | None:
    return {} if f.evidence.is_name_particle(u.index) else None


def foreign_name_particle(f: FileCheck, u: Unknown) -> Detail | None:
    """Samahang Pilipino sa Kanlurang Sydney; not the Bank fo England (known words either side), nor the Japanese
    qinger Daichi Morimoto (too long for a particle)."""
    tokens, evidence, index = f.doc.tokens, f.evidence, u.index
    word = tokens[index].text
    if index == 0 or index + 1 == len(tokens) or len(word) > PARTICLE_LENGTH or not word.islower():
        return None
    if not (evidence.joined(index - 1, index) and evidence.joined(index, index + 1)):
        return None
    sides = (strip_possessive(tokens[index - 1].text), tokens[index + 1].text)
    if all(is_capitalised(w) for w in sides) and not all(f.lexicon.is_word(w) for w in sides):
        return {"between": list(sides)}
    return None


def looks_like_name(f: FileCheck, u: Unknown) -> Detail | None:
    reason = f.evidence.reason(u.token, u.index)
    return unless_misspelt_name(f, u, name_evidence=reason) if reason else None


def unless_misspelt_name(f: FileCheck, u: Unknown, **detail: str) -> Detail | None:
    """The detail of an exemption of a capitalised word as a name, unless the word is a name misspelt
    (misspelt_name): then None, and the trace notes the detail and why."""
    overruled = misspelt_name(f, u)
    if overruled is None:
        return detail
    if f.trace is not None:
        f.trace.note("NL101", u.start, u.end, **detail, misspelt=overruled)
    return None


def misspelt_name(f: FileCheck, u: Unknown) -> str | None:
    """Why a capitalised word is a misspelling, not a name, whatever the story shows: a name in everyday use with two
    letters swapped, a title misspelt before a name, or a fixed name's word misspelt; None when it is none of them."""
    if misspelt_everyday_name(f, u):
        return "a name in everyday use with two letters swapped"
    if misspelt_title(f, u):
        return "a title misspelt before a name"
    fixed = misspelt_fixed_name(f, u)
    return None if fixed is None else f"a word of the fixed name '{fixed}' misspelt"


FUNCTION_WORDS = words("function-words")
FIXED_NAME_PAIR = tuned(
    -1.0,
    means="log10 P(second word | first) under the trigram model from which two words are a fixed name (Supreme Court "
    "-0.15, White House -0.75, Wall Street -0.7; Air Force -1.05 stays out), for a capitalised word one slip "
    "from one of them beside the other to be that name misspelt (step looks-like-name)",
    bench="-1.5 and -1.0 on the 170 BBC and 44 Brown press stories (clean), all 500 Brown files, the dev bench, the "
    "other-seed (seed 17) and Brown-press (seed 5) benches, natural_train, artificial_token and tests/corpus; "
    "benchmarks/sweep.py at d5d5985 (run time): the dev bench, the other-seed benches (seeds 17-19), the "
    "Brown-press benches (seeds 5-8), natural_train, the clean BBC and Brown press copy",
    result="-1.0: 3 remarks more on all 500 Brown files (a college name misspelt in the published press copy; a "
    "county's name twice, which the model of speech spells as a common word), nothing else changed (a name word "
    "beside it that is no everyday word, as Puerto, is not weighed, which keeps the search to 273 spellings, "
    "about 0.05 s of 2.1 s over the 170 dev stories, whole runs interleaved, median of 7); -1.5 also reported a "
    "football league's name (-1.35) and a song title's syllables (-1.35) on BBC copy. The same bar for the "
    "third word after 'X of' (Bank of England -0.9, Secretary of State -0.4): no remark more or less on any of "
    "those sets; -0.75: a few remarks fewer in the Brown-press benches' clean stories (names the -1.0 record "
    "found misspelt in the published copy among them); -1.25: no remark changed",
    date="2026-12-06")


def misspelt_fixed_name(f: FileCheck, u: Unknown) -> str | None:
    """A capitalised word one slip from a word that makes a fixed name with the capitalised word joined to it, or
    with the two before it when they are a capitalised word and "of" (Suprme Court, the Whte House, Wall Stret, the
    Bank of Englnd): the language model has the second word after the first, or the third after "X of", at least
    10^FIXED_NAME_PAIR of the time, and the word beside it is an everyday word (name_words_beside: not An Apologie For
    Love). The name misspelt, no name of its own; not for a slip at the last letter, which makes another form (Nova
    Scotian). The fixed name, or None."""
    if u.part or not is_capitalised(u.word):
        return None
    before, right = name_words_beside(f, u.index)
    if not before and right is None:
        return None
    lower = u.word.lower()
    model = f.res.language_model
    for look_alike in f.lexicon.candidates(lower, max_distance=1):
        if look_alike[-1:] != lower[-1:] or not model.known(look_alike):
            continue
        if before and model.logprob(look_alike, before[-1], before[0] if len(before) == 2 else None) \
                >= FIXED_NAME_PAIR:
            return " ".join((*before, look_alike))
        if right is not None and model.logprob(right, look_alike) >= FIXED_NAME_PAIR:
            return f"{look_alike} {right}"
    return None


def name_words_beside(f: FileCheck, index: int) -> tuple[tuple[str, ...], str | None]:
    """The words of a name before token `index`, in lower case: the capitalised word joined to it, or a capitalised
    word and "of" (Bank of); and the capitalised word joined after it, or None. Each capitalised word must be an
    everyday word (Court, Street; not a given name, Jamie Foxx, nor a function word) that the language model knows;
    () or None for a side without one."""
    tokens = f.doc.tokens
    before: tuple[str, ...] = ()
    if index > 0 and f.evidence.joined(index - 1, index):
        if tokens[index - 1].text == "of":
            if index > 1 and f.evidence.joined(index - 2, index - 1) and (word := name_word(f, index - 2)):
                before = (word, "of")
        elif word := name_word(f, index - 1):
            before = (word,)
    right = name_word(f, index + 1) if index + 1 < len(tokens) and f.evidence.joined(index, index + 1) else None
    return before, right


def name_word(f: FileCheck, index: int) -> str | None:
    """Token `index` in lower case, when it is capitalised and an everyday word the language model knows (no given
    name, no function word); else None."""
    word = strip_possessive(f.doc.tokens[index].text)
    lower = word.lower()
    lexicon = f.lexicon
    fits = (is_capitalised(word) and lower in lexicon.words and lower not in lexicon.name_only
            and lower not in FUNCTION_WORDS and f.res.language_model.known(lower))
    return lower if fits else None


# Titles long enough that a word one slip from one is no given name of its own (Gen is one slip from Ben and Ken);
# shorter ones of four letters or more are taken misspelt only with two letters swapped (Msis, Lrod): fast fingers'
# slip, which leaves no given name (Mis, Lor and Lori are one slip from Miss and Lord too).
LONG_TITLES = frozenset(title for title in TITLES if len(title) >= 6)
SWAPPED_TITLES = frozenset(title for title in TITLES if 4 <= len(title) < 6)
TITLE_SLIPS_REMEMBERED = tuned(
    4096, means="capitalised spellings whose likeness to a title (title_slip) a process remembers",
    bench="none: a bound on memory (some 0.5 MB); no answer depends on it (a forgotten one is worked out again)",
    result="n/a: the names a story repeats are asked once", date="2026-12-06")


def misspelt_title(f: FileCheck, u: Unknown) -> bool:
    """A capitalised word one slip from a title of LONG_TITLES, or with two letters of one of SWAPPED_TITLES swapped,
    before a capitalised word: the title misspelt before a name (Chancellr Kimpton, Presdient Biden, Msis Okafor), no
    name of its own; not the title with letters added at its end, another language's form (Presidente Lula,
    Generali). Or one slip from any title that the story writes before the same name (Mis Adeyemi beside Miss
    Adeyemi)."""
    return (before_capitalised(f, u) and f.evidence.joined(u.index, u.index + 1)
            and (title_slip(u.word.lower()) or title_before_same_name(f, u.index)))


def before_capitalised(f: FileCheck, u: Unknown) -> bool:
    """A capitalised word (not part of a hyphenated one) right before a capitalised word."""
    tokens = f.doc.tokens
    return (not u.part and is_capitalised(u.word) and u.index + 1 < len(tokens)
            and is_capitalised(tokens[u.index + 1].text))


def ranked_corrections(f: FileCheck, u: Unknown, candidates: list[str], left: str | None, right: str | None
                       ) -> list[str]:
    """The best corrections, best first (ContextModel.rank_corrections); for a capitalised word before a capitalised
    word, those that the story writes before that word elsewhere first (Miss for Mis before Adeyemi, when the story
    writes Miss Adeyemi)."""
    model = f.res.context_model
    written = written_before_next(f, u.index) if before_capitalised(f, u) else set()
    first = [c for c in candidates if c in written]
    if not first:
        return model.rank_corrections(u.word, candidates, left, right)
    from newslint.language.context_model import MAX_SUGGESTIONS

    rest = [c for c in candidates if c not in written]
    return (model.rank_corrections(u.word, first, left, right)
            + model.rank_corrections(u.word, rest, left, right))[:MAX_SUGGESTIONS]


def title_before_same_name(f: FileCheck, index: int) -> bool:
    """Token `index` is one slip from a title that the story writes elsewhere before the name that follows it."""
    lower = f.doc.tokens.texts[index].lower()
    return any(title in TITLES and slip_at(lower, title) is not None for title in written_before_next(f, index))


def written_before_next(f: FileCheck, index: int) -> set[str]:
    """The words, in lower case, that the story writes elsewhere right before the capitalised word that follows token
    `index`."""
    texts = f.doc.tokens.texts
    own = texts[index].lower()
    return {word for word, n in f.doc.derived(CapitalisedWords).before(texts[index + 1]).items() if n > (word == own)}


class CapitalisedWords:
    """Where a story writes each capitalised word: made once a story, when NL101 first asks (a draft of thousands of
    names asks of each, so each question is no pass over the story)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.at: dict[str, list[int]] = {}  # each capitalised spelling -> its token indexes
        for index, text in enumerate(doc.tokens.texts):
            if text[:1].isupper():
                self.at.setdefault(text, []).append(index)
        self._before: dict[str, Counter[str]] = {}

    def before(self, capitalised: str) -> Counter[str]:
        """The words, in lower case, that the story writes right before a capitalised spelling, with how often (made
        once a spelling: a name written thousands of times is asked of as often)."""
        found = self._before.get(capitalised)
        if found is None:
            texts = self.doc.tokens.texts
            found = self._before[capitalised] = Counter(texts[i - 1].lower() for i in self.at.get(capitalised, ())
                                                        if i > 0)
        return found


@lru_cache(maxsize=TITLE_SLIPS_REMEMBERED)
def title_slip(lower: str) -> bool:
    """One slip from a title of LONG_TITLES and not the title with letters added at its end, or one of SWAPPED_TITLES
    with two neighbouring letters swapped (misspelt_title)."""
    return (any(slip_at(lower, title) is not None and not lower.startswith(title) for title in LONG_TITLES)
            or any(swapped(lower, title) for title in SWAPPED_TITLES))


def misspelt_everyday_name(f: FileCheck, u: Unknown) -> bool:
    """A capitalised word that is a name in everyday use and no lower-case word (Israel, Britain; not Angel beside
    Nagel) with two letters swapped: fast fingers' slip, no name of its own. A letter doubled or dropped is not
    enough: Budd, Foxx, Parisse and Holliday are names."""
    word, lexicon = u.word, f.lexicon
    if not is_capitalised(word):
        return False
    for i in range(len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if swapped != word and swapped.lower() in lexicon.name_only and lexicon.frequency(swapped) > COMMON_WORD:
            return True
    return False


def known_elsewhere(f: FileCheck, token: Token, word: str) -> str | None:
    """Why a word the dictionary lacks is not weighed, or None: the team's words know it, it is an acronym, the other
    standard's spelling (NL302 reports it) or an abbreviation with its full stop."""
    if word in f.accepted or word.lower() in f.accepted:
        return "in the team's words"
    if word.isupper():
        return "in capitals: an acronym"
    if f.lexicon.is_other_dialect(word):
        return (f"the other standard's spelling (NL302 reports it; "
                f"{f.lexicon.counterpart(word) or 'no direct counterpart'} in this one)")
    if abbreviated(f.doc.prose, word, token.end):
        return "an abbreviation with its full stop (Coun., Gen.)"
    return None


def dropped_apostrophe(f: FileCheck, u: Unknown) -> str | None:
    """dont, theyre, childrens; a capitalised word (Thats) only when no name comes before the apostrophe (Lloyds)."""
    if "-" in u.word or not (u.word.islower() or is_capitalised(u.word)):
        return None
    if elided(f.doc.prose, u.start, u.word, f.lexicon.is_word) or after_foreign_article(f, u) is not None:
        return None  # the writer's own apostrophe before it ('im: elision); another language's word (dans la rue)
    restored = f.lexicon.restored_apostrophe(u.word, f.res.language_model.known)
    if restored and not u.word.islower() and restored.partition("'")[0].capitalize() in f.lexicon.proper:
        return None
    if restored and listed_phrase(f, u) is not None:
        return None  # mens rea
    return restored


def listed_phrase(f: FileCheck, u: Unknown) -> str | None:
    """The set phrase of the lexicon's (WordNet's) that the word makes with a neighbour (ex gratia, maitre d'hotel),
    or None."""
    left, right = f.doc.neighbours(u.index)
    return f.lexicon.set_phrase(left, u.word.lower(), right)


def set_phrase(f: FileCheck, u: Unknown) -> Detail | None:
    """de facto, bona fide: a phrase of the lexicon's (listed_phrase), or the model's likelihood of the word after its
    left neighbour (or of the right neighbour after it) against its likelihood anywhere. A part of a hyphenated word
    is weighed with the whole of it (hyphenated_phrase)."""
    model = f.res.language_model
    word = u.word.lower()
    if u.part:
        return hyphenated_phrase(model, u.token.text.lower().split("-"))
    if "-" in word:
        return None
    if (phrase := listed_phrase(f, u)) is not None:
        return {"phrase": phrase}
    if not model.known(word):
        return None
    left, right = f.doc.neighbours(u.index)
    if left is not None and model.known(left) and model.logprob(word, left) - model.logprob(word) >= PHRASE_LIFT:
        return {"after": left}
    if right is not None and model.known(right) and model.logprob(right, word) - model.logprob(right) >= PHRASE_LIFT:
        return {"before": right}
    return None


def hyphenated_phrase(model, parts: list[str]) -> Detail | None:
    """bric-a-brac, vis-a-vis: every part known to the model, which finds each after the parts before it (two at
    most) 10^PHRASE_LIFT times likelier, in all, than each anywhere."""
    if not all(model.known(part) for part in parts):
        return None
    lift = sum(model.logprob(part, parts[i - 1], parts[i - 2] if i > 1 else None) - model.logprob(part)
               for i, part in enumerate(parts) if i)
    return {"phrase": "-".join(parts), "lift": round(lift, 2)} if lift >= PHRASE_LIFT else None


def accented_letter(f: FileCheck, u: Unknown) -> Detail | None:
    letters = "".join(ch for ch in u.word if ch.isalpha() and not ch.isascii())
    return {"letters": letters} if letters else None


def te_reo_word(f: FileCheck, u: Unknown) -> Detail | None:
    word = u.word
    te_reo = word.islower() and TE_REO_SHAPE.fullmatch(word) and f.writes_te_reo
    return {} if te_reo and not f.lexicon.near_common_word(word) else None


def elision(f: FileCheck, u: Unknown) -> Detail | None:
    """countin', darlin' (g), ol', an' (d): the apostrophe right after the word stands for its last letter
    (spoken_quotes.clipped); 'ome, be'ind (h), t'lot (the article): spoken_quotes.elided."""
    prose, is_word = f.doc.prose, f.lexicon.is_word
    restored = clipped(prose, u.start, u.word, is_word) or clipped_have(u.word)
    if restored is None and not u.part:  # a part's front is no word's
        restored = elided(prose, u.start, u.word, is_word)
    return {"restored": restored} if restored else None


def foreign_run(f: FileCheck, u: Unknown) -> Detail | None:
    """Pas une goutte de sang; nolo contendere: a plainly foreign lower-case neighbour, joined by a space."""
    if "-" in u.word:
        return None
    tokens, lexicon = f.doc.tokens, f.lexicon
    for other, word in zip((u.index - 1, u.index + 1), f.doc.neighbours(u.index)):
        if word is not None and word.isalpha() and tokens[other].text.islower() and not lexicon.is_word(word) \
                and (plainly_foreign(word, lexicon) or plainly_foreign(u.word, lexicon)):
            return {"beside": word}
    return None


def other_language_word(f: FileCheck, u: Unknown) -> Detail | None:
    """messa, voce and pianto in a review that quotes Italian; pero in a Spanish aside."""
    if not (u.word.isalpha() and u.word.islower()):
        return None
    languages = OtherLanguages.load()
    bits = languages.of(u.word)
    written = bits and f.languages_written(bits)
    return {"language": languages.named(written)} if written else None


def foreign_list(f: FileCheck, u: Unknown) -> Detail | None:
    """seswaa, morogo and phane: an item of a list that holds a plainly foreign or regional term."""
    if not (u.word.isalpha() and u.word.islower()):
        return None
    texts, lexicon = f.doc.tokens.texts, f.lexicon
    for other in list_neighbours(f.doc, u.index):
        word = texts[other]
        if word.isalpha() and word.islower() and not lexicon.is_word(word) \
                and (lexicon.rare.get(word) is not None or plainly_foreign(word, lexicon)):
            return {"listed_with": word}
    return None


LIST_CONJUNCTIONS = frozenset(("and", "or"))


def list_neighbours(doc: Document, index: int) -> Iterator[int]:
    """The tokens joined to token `index` as items of one list: by a comma, or by 'and' or 'or' with or without a comma
    before it."""
    tokens, prose = doc.tokens, doc.prose
    starts, texts = tokens.starts, tokens.texts

    def gap(first: int) -> str:
        return prose[starts[first] + len(texts[first]):starts[first + 1]]

    for side in (-1, 1):
        near = index + side
        if not 0 <= near < len(texts):
            continue
        if gap(min(index, near)) == ", ":
            yield near
        elif texts[near] in LIST_CONJUNCTIONS and gap(min(index, near)) in (" ", ", "):
            far = near + side
            if 0 <= far < len(texts) and gap(min(near, far)) in (" ", ", "):
                yield far


def bracketed_code(f: FileCheck, u: Unknown) -> Detail | None:
    start, end, prose = u.token.start, u.token.end, f.doc.prose
    return {} if 2 <= len(u.word) <= 4 and is_capitalised(u.word) and prose[start - 1:start] == "(" \
        and prose[end:end + 1] == ")" else None


def defined_abbreviation(f: FileCheck, u: Unknown) -> Detail | None:
    return {} if u.word.islower() and u.word in f.defined_abbreviations else None


def words_before(doc: Document, end: int) -> Iterator[str]:
    """The words of the paragraph before offset `end`, nearest first, read back only as far as they are asked for (a
    paragraph may hold thousands of brackets)."""
    starts, texts, prose = doc.tokens.starts, doc.tokens.texts, doc.prose
    index = bisect_left(starts, end)
    while index > 0:
        index -= 1
        if "\n" in prose[starts[index] + len(texts[index]):end]:
            return
        yield texts[index]
        end = starts[index]


def stands_for(abbreviation: str, words: Iterator[str]) -> bool:
    """Whether the letters of `abbreviation` are the first letters of `words` (those before it, nearest first), in
    order, passing over words of ABBREVIATION_SKIPS and at most one other word whose letter is not the next (bpd:
    barrels of oil per day)."""
    letters = list(abbreviation)
    passed = 0
    for word in words:
        if not letters:
            break
        word = word.lower()
        if word[0] == letters[-1]:
            letters.pop()
        elif word not in ABBREVIATION_SKIPS:
            passed += 1
            if passed > 1:
                return False
    return not letters


def prefix_before_number(f: FileCheck, u: Unknown) -> Detail | None:
    prose, end = f.doc.prose, u.end
    return {} if u.word.lower() in PREFIXES and prose[end:end + 1] == "-" and prose[end + 1:end + 2].isdigit() \
        else None


def species_name(f: FileCheck, u: Unknown) -> Detail | None:
    if u.part or not u.word.islower() or not LATIN_ENDING_RE.search(u.word) or u.index == 0:
        return None
    genus = f.doc.tokens[u.index - 1]
    if f.doc.prose[genus.end:u.start] not in SPECIES_GAPS or strip_possessive(genus.text) != genus.text \
            or not f.evidence.reason(genus, u.index - 1):
        return None
    return {"genus": genus.text}


def after_foreign_article(f: FileCheck, u: Unknown) -> Detail | None:
    if not u.word.islower() or "-" in u.word:
        return None
    doc = f.doc
    left, right = doc.neighbours(u.index)
    if left in FOREIGN_ARTICLES and doc.tokens[u.index - 1].text.islower():
        return {"after": left}
    if right in FOREIGN_ARTICLES and doc.tokens[u.index + 1].text.islower() and \
            doc.neighbours(u.index + 1)[1] is not None and doc.tokens[u.index + 2].text.islower():
        return {"before": right}  # tarte au citron: the article joins two words of its language
    return None


def spoken_quote(f: FileCheck, u: Unknown) -> Detail | None:
    """Only a spoken form itself: a longer word no list knows is weighed as a slip in such a quotation too."""
    word = u.word.lower() if f.evidence.initial_tokens[u.index] else u.word
    quotes = f.doc.derived(SpokenQuotes)
    spoken = quotes.spoken_at(u.token.start) if spoken_form(word, quotes.lexicon) else None
    return {"spoken_forms": ", ".join(sorted(spoken))} if spoken else None


def interjection(f: FileCheck, u: Unknown) -> Detail | None:
    if u.part or not f.doc.derived(SpokenQuotes).interjection(u.index):
        return None
    lower = u.word.lower()  # unless two letters swapped make it an everyday word: a typing slip
    return None if any(slip(lower, c) == "transposition" and f.lexicon.frequency(c) > COMMON_WORD
                       for c in f.lexicon.candidates(lower, max_distance=1)) else {}


def foreign_quotation(f: FileCheck, u: Unknown) -> Detail | None:
    return {} if f.doc.derived(SpokenQuotes).foreign.containing(u.token.start) is not None else None


def used_twice(f: FileCheck, u: Unknown) -> Detail | None:
    lower = u.word.lower()
    forms = f.evidence.forms
    lower_uses = forms[lower] if u.word == lower.capitalize() and u.word != lower else 0
    uses = forms[u.word] + lower_uses + u.part  # a part of a hyphenated word is a use of its own, no token
    if u.word == lower:  # its plural or singular too, a word no list knows either: matatu and matatus (not wass)
        other_numbers = (lower + "s", lower[:-1]) if lower.endswith("s") else (lower + "s",)
        uses += sum(forms[other] for other in other_numbers if not f.lexicon.is_word(other))
    if uses == 1 and u.word == lower:
        uses += capitalised_where_any_word_is(f, lower.capitalize())
    written_lower = u.word.islower() or lower_uses > 0
    # alot twice is a habit, still two words; a story that also writes them apart has NL303 say so (belowground)
    if uses > 1 and not (written_lower and len(lower) >= HABIT_LENGTH and f.lexicon.near_common_word(lower)) \
            and not (RUN_TOGETHER.on and (phrase := run_together(f, u))
                     and not re.search(rf"\b{phrase}\b", f.doc.prose, re.IGNORECASE)):
        return {"uses": uses}
    return None


# What names a term a story introduces, just before it ("a dish called jollof", 'the so-called "okada"'), and what
# glosses it, just after it: "matatu (a minibus taxi)", "bakkie \u2013 a pick-up \u2013", "jollof, or spiced rice,". A
# ", or" gloss is a few words closed by a mark, not a clause (a bicyle, or walks to work).
NAMING_RE = re.compile(r"(?:\b(?:known|referred to) as|\b(?:so-)?called|\bdubbed|\bnicknamed|\btermed) "
                       r"(?:an? |the )?[\"\u201c\u2018']?\Z")
_GLOSS_OPENING = r"(?:an?|the|or|meaning|literally)"
GLOSS_RE = re.compile(rf" ?[(\[] ?(?:{_GLOSS_OPENING}|i\.e\.) | ?(?:[\u2013\u2014]|--) ?{_GLOSS_OPENING} "
                      r"|, (?:or|meaning|literally) (?:[^\W\d]+ ){0,2}[^\W\d]+[,;)\u2013\u2014]")
NAMING_REACH = len("referred to as the \u201c")  # the longest naming NAMING_RE reads before a word


def introduced_term(f: FileCheck, u: Unknown) -> Detail | None:
    if u.part or not u.word.islower():
        return None
    prose, start = f.doc.prose, u.token.start
    found = NAMING_RE.search(prose, max(0, start - NAMING_REACH), start) or GLOSS_RE.match(prose, u.token.end)
    if found is None or f.lexicon.near_common_word(u.word, PLAUSIBLE_WORD, names_too=True):
        return None
    return {"introduced_by": found.group().strip()}


def capitalised_where_any_word_is(f: FileCheck, capitalised: str) -> int:
    """How often the story writes a word capitalised where any word is: opening a sentence or in a heading (Hikoi
    opening the headline of a story that writes hikoi)."""
    return f.evidence.capitalised_initial[capitalised] if f.evidence.forms[capitalised] else 0


def inner_capitals(f: FileCheck, u: Unknown) -> Detail | None:
    return {} if any(c.isupper() for c in u.word[1:]) else None


def opens_a_name(f: FileCheck, u: Unknown) -> Detail | None:
    """Oleg Gordievsky opening a sentence: the next word is capitalised and unknown too. A capitalised hyphenated
    word is not taken for a name by its shape: its parts are checked (Anti-govenment)."""
    tokens, index = f.doc.tokens, u.index
    if not is_capitalised(u.word) or "-" in u.word or index + 1 == len(tokens) \
            or not f.evidence.joined(index, index + 1):
        return None
    following = strip_possessive(tokens[index + 1].text)
    lexicon = f.lexicon
    name = not lexicon.is_word(following) or following.lower() in lexicon.name_only  # Gordievsky, Morley; not Smith
    return {"before": following} if is_capitalised(following) and (name or named_elsewhere(f, following)) \
        and not misspelt_title(f, u) else None


def named_elsewhere(f: FileCheck, word: str) -> bool:
    """A word of two letters or more, no everyday one (Lark, not Government), that the story capitalises away from a
    sentence start and never writes in lower case: its name (Brody Lark drilled a field goal ... Lark said)."""
    lower = word.lower()
    return len(word) > 1 and f.evidence.capitalised_mid_sentence[word] > 0 and lower not in f.evidence.lower_forms \
        and f.lexicon.frequency(lower) < COMMON_WORD  # not an initial: Teh U.S. Army is a slip


def capitalised_no_slip(f: FileCheck, u: Unknown) -> Detail | None:
    if not is_capitalised(u.word) or "-" in u.word or f.lexicon.near_common_word(u.word) \
            or RUN_TOGETHER.on and run_together(f, u):
        return None
    return unless_misspelt_name(f, u)


def derived_word(f: FileCheck, u: Unknown) -> Detail | None:
    """Derived, unless likelier a slip of a commoner word than a rare derivation ("resere" is re + sere, but a slip
    of reserve; "troughly" a slip of roughly)."""
    lexicon = f.lexicon
    base = lexicon.derivation_base(u.word)
    if base is not None and not lexicon.likelier_slip(u.word, lexicon.frequency(base) + DERIVATION, base):
        return {"base": base, "base_frequency": lexicon.frequency(base)}
    return None


def compound(f: FileCheck, u: Unknown) -> Detail | None:
    """A compound, unless one slip from a plausible word ("spokeman" is spoke + man, but a typo) or two words run
    together (alot: step run-together)."""
    lexicon = f.lexicon
    if lexicon.is_compound(u.word) and not lexicon.near_common_word(u.word, PLAUSIBLE_WORD, names_too=True) \
            and not (RUN_TOGETHER.on and run_together(f, u)):
        return {}
    return None


# a phrasal verb's particle: the verb closed up with it is its noun (signup, walkout, takeover), or speech drops a
# g before it (workin in)
PARTICLES = frozenset(("up", "in", "on", "by", "out", "off", "down", "over", "away", "back", "about", "through",
                       "around"))
JOINING_WORDS = FUNCTION_WORDS - {"be", "been", "being", "am", "is", "are", "was", "were"}


def run_together(f: FileCheck, u: Unknown) -> str | None:
    """The two words an unknown word closes up (alot: a lot), one of them a function word and the pair common
    (RUN_TOGETHER_PAIRS), a set phrase rather than a chance meeting and likelier in context than a letter's slip;
    None when it is no such pair. Worked out once a word (FileCheck.spaced)."""
    key = (u.start, u.word)
    if key not in f.spaced:
        f.spaced[key] = spaced_phrase(f, u)
    return f.spaced[key]


def spaced_phrase(f: FileCheck, u: Unknown) -> str | None:
    """run_together, worked out."""
    read = closed_up_word(f, u)
    if read is None:
        return None
    word, association_bar = read
    best, phrase = likeliest_pair(f.lexicon, f.res.context_model.pairs, word)
    if best < 10 ** float(RUN_TOGETHER_PAIRS):
        return None
    model = f.res.context_model
    head, tail = phrase.split()
    if math.log10(best * model.total / (model.count(head) * model.count(tail))) < association_bar:
        return None
    language_model = f.res.language_model
    if language_model.known(word) and language_model.logprob(head) + language_model.logprob(tail, head) \
            - language_model.logprob(word) < float(CLOSED_FORM_MARGIN):
        return None  # a closed form in use (onboard, wellbeing, upfront), not only a slip (alot, noone)
    # a letter's slip may make two words too (atest: latest, not a test): the likelier slip in context decides
    left, right = f.doc.neighbours(u.index)
    spaced = model.phrase_fit(head, tail, left, right) + float(DROPPED_SPACE) * float(CORRECTION_EDIT_WEIGHT)
    if any(model.correction_score(word, c, left, right) > spaced for c in f.candidates(word)):
        return None
    return match_case(u.word, phrase)


def closed_up_word(f: FileCheck, u: Unknown) -> tuple[str, float] | None:
    """The word run_together reads, in lower case, and the association its pair needs: a lower-case word's, or for a
    word capitalised only because it opens a sentence, once in the story and no name of the lists' (Infact: In fact),
    a set phrase's all the more (CAPITAL_ASSOCIATION: not Andover, and over); None for any other word."""
    word = u.word
    if not word.isalpha() or len(word) < 4:
        return None
    if word.islower():
        return word, float(RUN_TOGETHER_ASSOCIATION)
    if word[1:].islower() and f.doc.opens_sentence(u.start) and f.evidence.forms[word] == 1 \
            and word not in f.lexicon.proper:
        return word.lower(), float(CAPITAL_ASSOCIATION)
    return None


def likeliest_pair(lexicon: Lexicon, pairs, word: str) -> tuple[int, str]:
    """The commonest pair of known words, one a function word and no particle after, that `word` closes up, and its
    count in the pairs' lists (0 and "" when there is none)."""
    best, phrase = 0, ""
    for i in range(1, len(word)):
        head, tail = word[:i], word[i:]
        if (head in JOINING_WORDS or tail in JOINING_WORDS) and tail not in PARTICLES \
                and lexicon.is_word(head) and lexicon.is_word(tail):
            count = pairs.get(head + " " + tail) or 0
            if count > best:
                best, phrase = count, head + " " + tail
    return best, phrase


def italics_mark_foreign(f: FileCheck, u: Unknown) -> Detail | None:
    return {} if f.italicises_foreign and f.doc.italic_span(u.token.start) is not None else None


def foreign_phrase_in_italics(f: FileCheck, u: Unknown) -> Detail | None:
    """Italics mark a foreign term (*vin de France*); a slip of an everyday word alone in italics (*realy*), or among
    English words (*this is realy odd*), is set in italics for emphasis."""
    span = f.doc.italic_span(u.token.start)
    if span is None:
        return None
    if span not in f.phrases:
        f.phrases[span] = Phrase.read(f.doc.prose[span[0]:span[1]], f.lexicon)
    phrase = f.phrases[span]
    others = phrase.length - phrase.words[u.word]
    everyday_others = len(phrase.everyday) - (u.word in phrase.everyday)
    return {"phrase_words": phrase.length} if others > 0 and not everyday_others else None


def hyphen_joined_word(f: FileCheck, u: Unknown) -> Detail | None:
    """Asked of each part, of the whole word: co-ordinated, pre-empted."""
    joined = strip_possessive(u.token.text).replace("-", "")
    return {"joined": joined} if f.lexicon.is_word(joined) or f.lexicon.is_derived(joined) else None


def known_part(f: FileCheck, u: Unknown) -> Detail | None:
    part = u.word
    if f.lexicon.is_word(part):
        return {}
    if part in f.accepted:
        return {"known": "in the team's words"}
    return {"known": "the other standard's spelling (NL302)"} if f.lexicon.is_other_dialect(part) else None


def prefix_part(f: FileCheck, u: Unknown) -> Detail | None:
    return {} if u.word.lower() in PREFIXES else None


def suffix_part(f: FileCheck, u: Unknown) -> Detail | None:
    lower = u.word.lower()
    return {} if lower in SUFFIXES and u.token.text.lower().endswith("-" + lower) else None


def coined_part(f: FileCheck, u: Unknown) -> Detail | None:
    """A known word with a coining ending, its last consonant doubled or not (nots, feely, hoper, libbed)."""
    lower, lexicon = u.word.lower(), f.lexicon
    for suffix in COINING_SUFFIXES:
        stem = lower[: -len(suffix)]
        if lower.endswith(suffix) and len(stem) >= COINED_STEM:
            if lexicon.is_word(stem) or (stem[-1] == stem[-2] and lexicon.is_word(stem[:-1])):
                return {"ending": suffix}
    return None


def capitalised_part(f: FileCheck, u: Unknown) -> Detail | None:
    return {} if is_capitalised(u.word) else None


def short_part(f: FileCheck, u: Unknown) -> Detail | None:
    return {} if len(u.word) < SHORTEST_PART else None


# The first is tried before the search budget is looked at, then the others in order; a hyphenated word no exemption
# covers is weighed part by part.
UNIT_AFTER_NUMBER_EXEMPTION: Exemption = (UNIT_AFTER_NUMBER, unit_after_number)
# Then the name exemptions; a word none of them covers is checked for a dropped apostrophe before the others.
NAME_EXEMPTIONS: tuple[Exemption, ...] = (
    (EVERYDAY_WORD, everyday_word), (RARE_DICTIONARY_WORD, rare_dictionary_word), (NAME_PARTICLE, name_particle),
    (FOREIGN_NAME_PARTICLE, foreign_name_particle), (LOOKS_LIKE_NAME, looks_like_name))
SHAPE_EXEMPTIONS: tuple[Exemption, ...] = (
    (SET_PHRASE, set_phrase), (ACCENTED_LETTER, accented_letter), (TE_REO_WORD, te_reo_word), (ELISION, elision),
    (SPOKEN_QUOTE, spoken_quote), (INTERJECTION, interjection), (FOREIGN_QUOTATION, foreign_quotation),
    (FOREIGN_RUN, foreign_run), (FOREIGN_LIST, foreign_list), (AFTER_FOREIGN_ARTICLE, after_foreign_article),
    (OTHER_LANGUAGE_WORD, other_language_word), (SPECIES_NAME, species_name),
    (BRACKETED_CODE, bracketed_code),
    (DEFINED_ABBREVIATION, defined_abbreviation),
    (PREFIX_BEFORE_NUMBER, prefix_before_number), (USED_TWICE, used_twice),
    (INTRODUCED_TERM, introduced_term), (INNER_CAPITALS, inner_capitals), (OPENS_A_NAME, opens_a_name),
    (CAPITALISED_NO_SLIP, capitalised_no_slip), (DERIVED_WORD, derived_word), (COMPOUND, compound),
    (ITALICS_MARK_FOREIGN, italics_mark_foreign), (FOREIGN_PHRASE_IN_ITALICS, foreign_phrase_in_italics))
WORD_EXEMPTIONS = NAME_EXEMPTIONS + SHAPE_EXEMPTIONS
PART_EXEMPTIONS: tuple[Exemption, ...] = (
    (HYPHEN_JOINED_WORD, hyphen_joined_word), (KNOWN_PART, known_part),
    (RARE_DICTIONARY_WORD, rare_dictionary_word), (DERIVED_WORD, derived_word),
    (COMPOUND, compound), (PREFIX_PART, prefix_part), (SUFFIX_PART, suffix_part), (COINED_PART, coined_part),
    (SET_PHRASE, set_phrase), (CAPITALISED_PART, capitalised_part), (SHORT_PART, short_part), (USED_TWICE, used_twice),
    (ELISION, elision), (SPOKEN_QUOTE, spoken_quote))
VERDICTS = (TOO_LONG_TO_CORRECT, NO_CANDIDATES, NAMES_NEARBY, UNLIKELY_SLIP, MISSPELT)
STEPS: tuple[Step, ...] = tuple(dict.fromkeys(
    [UNIT_AFTER_NUMBER] + [step for step, _ in NAME_EXEMPTIONS] + [DROPPED_APOSTROPHE]
    + [step for step, _ in SHAPE_EXEMPTIONS] + [RUN_TOGETHER] + [step for step, _ in PART_EXEMPTIONS]
    + list(VERDICTS)))


def parts(unknown: Unknown) -> Iterator[Unknown]:
    """The parts of a hyphenated word, each with its span."""
    offset = unknown.start
    for part in unknown.word.split("-"):
        yield unknown._replace(word=part, start=offset, end=offset + len(part), part=True)
        offset += len(part) + 1


def considered(unknown: Unknown, tried: tuple[Exemption, ...]) -> dict[str, list[str]]:
    """The exemptions tried (and turned on) before a decision, for the trace; for a part of a hyphenated word, the
    whole word's and then the part's."""
    word_steps = (UNIT_AFTER_NUMBER_EXEMPTION,) + WORD_EXEMPTIONS if unknown.part else tried
    out = {"considered": [s.name for s, _ in word_steps if s.on]}
    if unknown.part:
        out["considered_for_part"] = [s.name for s, _ in tried if s.on]
    return {key: names for key, names in out.items() if names}


def note_candidates(f: FileCheck, code: str, unknown: Unknown, found: list[str], preferred: list[str]) -> None:
    """The known words a slip away, with their log10 frequencies, commonest first; and those the dialect drops."""
    frequency = f.lexicon.frequency
    f.trace.note(code, unknown.start, unknown.end, candidates={
        c: frequency(c) for c in sorted(found, key=lambda c: (-frequency(c), c))})
    dropped = sorted(set(found) - set(preferred))
    if dropped:
        f.trace.note(code, unknown.start, unknown.end, other_spelling_dropped=dropped)


def note_ranking(f: FileCheck, code: str, unknown: Unknown, candidates: list[str], left: str | None,
                 right: str | None) -> None:
    """How the best candidates rank, best first: the kind of slip and its log10 likelihood, how well the candidate
    fits between its neighbours (the context model's log10 P(word) P(left | word) P(right | word)), and the score
    rank_corrections orders them by, fit + slip cost x CORRECTION_EDIT_WEIGHT."""
    from newslint.language.context_model import CORRECTION_EDIT_WEIGHT

    model, lower = f.res.context_model, unknown.word.lower()
    fits = {c: model.fit(c, left, right) for c in candidates}
    scores = {c: fits[c] + edit_cost(lower, c) * CORRECTION_EDIT_WEIGHT for c in candidates}
    f.trace.note(code, unknown.start, unknown.end, neighbours=[left or "(none)", right or "(none)"],
                 score=f"context fit + slip cost x {float(CORRECTION_EDIT_WEIGHT)}")
    for c in sorted(scores, key=lambda c: (-scores[c], c))[:RANKING_SHOWN]:
        f.trace.note(code, unknown.start, unknown.end, candidate=c, slip=slip(lower, c), slip_cost=edit_cost(lower, c),
                     context_fit=fits[c], score=scores[c])


def italicises_foreign(doc, lexicon: Lexicon, budget: SearchBudget) -> bool:
    """The story sets a plainly foreign word in italics (so italics mark its foreign terms); taken as so once the
    search budget is spent, which flags the fewer words."""
    for start, end in doc.italic_spans:
        for w in WORD_RE.findall(doc.prose[start:end]):
            if budget.spent or plainly_foreign(w, lexicon):
                return True
    return False


def plainly_foreign(word: str, lexicon: Lexicon) -> bool:
    """Unknown to the dictionary and no slip of an everyday word: terroir, esusu, pièce."""
    return not lexicon.is_word(word) and (not word.isascii() or not lexicon.near_common_word(word))


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
