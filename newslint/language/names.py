"""Evidence that a word is a name, gathered from the whole story (capitalisation, repetition, titles, shape)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING

from newslint.document.regions import Offsets, Spans
from newslint.document.text import APOSTROPHES, NAME_PARTICLES, TITLES, Token
from newslint.engine.tuning import tuned
from newslint.language.memo import Memo

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from newslint.document.document import Document

# Romanised Korean, Chinese and similar given names: a capitalised syllable, a hyphen, a lower-case one.
ROMANISED_GIVEN_NAME_RE = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")
# " and " only from the start of a run of blanks (tried from each blank of a long run, it would read to the run's end
# from each).
ROSTER_SPLIT_RE = re.compile(r",\s*|(?<!\s)\s++and\s+")
MIN_ROSTER = tuned(
    4,
    means="the fewest entries in a paragraph that only lists names, for it to be read as a team sheet",
    bench="benchmarks/sweep.py at db58f92 (run time): the dev bench, the other-seed benches (seeds 17-19), the "
    "Brown-press benches (seeds 5-8), natural_train, the clean BBC and Brown press copy",
    result="set so that two names a letter apart in one team sheet are two people (Horgan, Horan; 52c69cf); at 3 "
    "and at 5 no remark changed on any set",
    date="2026-12-06")
ROSTER_ENTRY_WORDS = tuned(
    3,
    means="the most words in one entry of a team sheet (a name with a particle: Paul de Vere)",
    bench="benchmarks/sweep.py at db58f92 (run time): the dev bench, the other-seed benches (seeds 17-19), the "
    "Brown-press benches (seeds 5-8), natural_train, the clean BBC and Brown press copy",
    result="set with MIN_ROSTER for team sheets (52c69cf); at 2 and at 4 no remark changed on any set",
    date="2026-12-06")

NAME_AFTER_AN = tuned(
    3, means="the most capitalised words after An, or an inside a name, that article_in_name reads for one no list "
    "knows",
    bench="none: a bound on work (a line of capitalised words thousands long is not read from each An in it)",
    result="the Irish names seen have one or two (An Post, An Bord Pleanála, An Garda Síochána)", date="2026-12-06")

# What reason() answers: why the story shows a capitalised word to be a name.
ROMANISED = "a romanised given name"  # Jong-un, Seo-yeon
INNER_CAPITAL = "a capital inside the word"  # McKee, DeVito, NATO
MID_SENTENCE = "capitalised mid-sentence"
MID_SENTENCE_ELSEWHERE = "capitalised mid-sentence elsewhere in the story"  # here it opens a sentence
AFTER_TITLE = "after a title"  # Dr Okafor opening a sentence
REPEATED = "a capitalised word written more than once"  # only when asked for (repeated=True)
# What the Irish or Gaelic article does to the word after it: lenition (Mhuilinn, Chaisil) or a t before a capital
# (article_in_name; NL301's initial-mutation reads the lenition of a name's other forms).
# the lenited consonant (Bh, Ch ... Th) before any letter, vowel or not (an Mhuilinn, an Chnoic), or t before a capital
GAELIC_ARTICLE_MARK = re.compile(r"[BCDFGMPST]h[a-zá-ú]|t[A-ZÁÉÍÓÚ]")
UNLISTED_NAME_WORD = "a capitalised word no list knows joined after it"  # An Bord Pleanála (article_in_name)


def strip_possessive(word: str) -> str:
    if len(word) > 2 and word[-2] in APOSTROPHES and word[-1] in "sS":
        return word[:-2]
    return word


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def fold(form: str) -> str:
    """A name's spelling with case, accents, hyphens, apostrophes and spaces removed: 'Jong-Un' -> 'jongun'."""
    return _FOLDED[form] if len(form) <= LONGEST_FOLD_REMEMBERED else _fold(form)


def _fold(form: str) -> str:
    decomposed = unicodedata.normalize("NFKD", form.lower())
    return "".join(c for c in decomposed if c.isalnum())


FOLDS_REMEMBERED = tuned(
    65_536, means="spellings whose fold() is kept before the memo is cleared (some 15 MB at most)",
    bench="none: a bound on memory; no answer depends on it (a cleared answer is worked out again)",
    result="the 170 dev stories fold 6,390 different spellings: never cleared there", date="2026-12-06")
LONGEST_FOLD_REMEMBERED = tuned(
    64, means="the longest spelling (in characters) whose fold() is remembered: a name of several words fits, a run "
    "of capitals thousands long in a hostile file is worked out each time instead of held",
    bench="none: a bound on memory; no answer depends on it",
    result="every spelling of the 170 dev stories fits (the longest 31)",
    date="2026-12-06")
_FOLDED = Memo(FOLDS_REMEMBERED, _fold)  # names are written again and again, in story after story


def slip_at(a: str, b: str) -> int | None:
    """Where two strings differ by one slip (substitution, deletion, insertion, adjacent transposition); None when
    they are equal or further apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        if a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i] == b[i + 1] and a[i + 1] == b[i]):
            return i
        return None
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return i if longer[i + 1:] == shorter[i:] else None


def swapped(a: str, b: str, at: int | None = None) -> bool:
    """Two different strings of one length, one with two neighbouring letters of the other swapped (msis, miss); `at`,
    where slip_at finds them apart, when the caller has it."""
    if at is None:
        at = slip_at(a, b)
    return at is not None and len(a) == len(b) and a[at + 1:at + 2] == b[at:at + 1] != a[at:at + 1]


def deletions(key: str) -> list[str]:
    """The key and every string one deletion away: two keys one slip apart share at least one of these."""
    return [key] + [key[:i] + key[i + 1:] for i in range(len(key))]


REASONS_REMEMBERED = tuned(
    65_536, means="answers of NameEvidence.reason kept per document before the memo is cleared (some 10 MB at most)",
    bench="none: a bound on memory; no answer depends on it (a cleared answer is worked out again)",
    result="at most 407 answers kept for one of the 170 dev stories: never cleared there",
    date="2026-12-05")


class InitialOffsets:
    """The start offsets of tokens that open a sentence or sit in a headline or heading, asked of token starts with
    `in`. Those in headings are looked up, not listed: a 10 MB line that reads as a heading would list millions."""

    def __init__(self, doc: Document):
        self.doc = doc
        # Read here in one frame, not through Offsets and doc.in_heading: asked of tens of thousands of tokens.
        self._openers = Offsets(doc.sentence_openers()).ordered
        self._heading_starts, self._heading_ends = doc.headline_spans.arrays

    def __contains__(self, offset: int) -> bool:
        openers = self._openers
        i = bisect_left(openers, offset)
        if i < len(openers) and openers[i] == offset:
            return True
        i = bisect_right(self._heading_starts, offset) - 1  # the heading starting at or before offset, if it holds it
        return i >= 0 and offset < self._heading_ends[i]

    def of_tokens(self, starts: Sequence[int]) -> bytearray:
        """For each token (its start, in order), 1 when it is one of these offsets, else 0: found a sentence opener
        and a heading at a time, not with two bisections a token."""
        flags = bytearray(len(starts))
        for opener in self._openers:  # the start of a token
            flags[bisect_left(starts, opener)] = 1
        for start, end in zip(self._heading_starts, self._heading_ends):
            first, last = bisect_left(starts, start), bisect_left(starts, end)
            flags[first:last] = b"\x01" * (last - first)
        return flags


class NameEvidence:
    """Per-document facts about capitalised words; built once per document and shared by rules."""

    def __init__(self, doc: Document):
        self.doc = doc
        # reason() of capitalised tokens, as asked: several rules ask of the same capitalised words (NL101, NL201,
        # NL301, NL303, the story's dialect)
        self._reasons = Memo(REASONS_REMEMBERED, self._reason)  # token index (~index with repeated) -> reason

    @cached_property
    def forms(self) -> Counter[str]:
        """How often each word form (possessive removed) occurs in prose."""
        forms = Counter(self.doc.tokens.texts)
        for text in [text for text in forms if text[-1:] in "sS"]:  # a possessive ends in s; most spellings do not
            if (word := strip_possessive(text)) != text:
                forms[word] += forms.pop(text)
        return forms

    @cached_property
    def initial(self) -> InitialOffsets:
        """Start offsets of tokens that open a sentence or sit in a headline or heading."""
        return InitialOffsets(self.doc)

    @cached_property
    def initial_tokens(self) -> bytearray:
        """initial, by token index: 1 for a token that opens a sentence or sits in a headline or heading."""
        return self.initial.of_tokens(self.doc.tokens.starts)

    @cached_property
    def capitalised_mid_sentence(self) -> Counter[str]:
        """Forms seen capitalised away from a sentence start: the strongest evidence of a name."""
        return Counter(strip_possessive(text) for text, initial in zip(self.doc.tokens.texts, self.initial_tokens)
                       if not initial and text[:1].isupper())

    @cached_property
    def capitalised_initial(self) -> Counter[str]:
        """Spellings seen capitalised where any word is, opening a sentence or in a heading, as written."""
        return Counter(text for text, initial in zip(self.doc.tokens.texts, self.initial_tokens)
                       if initial and text[:1].isupper())

    @cached_property
    def roster_spans(self) -> Spans:
        """Paragraphs that are lists of names (a team sheet: "Murphy, Horgan, O'Driscoll, D'Arcy, Hickie."),
        where two names a letter apart are two people: a roster does not list anyone twice."""
        prose = self.doc.prose
        out = []
        for block in self.doc.prose_blocks:
            text = prose[block.start:block.end].strip(" .\n")
            # A paragraph of prose is passed over at its first clause, too long for an entry, before it is split.
            first = ROSTER_SPLIT_RE.search(text)
            if first is None or len(text[:first.start()].split()) > ROSTER_ENTRY_WORDS:
                continue
            items = ROSTER_SPLIT_RE.split(text)
            if len(items) >= MIN_ROSTER and all(0 < len(words := item.split()) <= ROSTER_ENTRY_WORDS
                                                and is_capitalised(words[-1]) for item in items):
                out.append((block.start, block.end))
        return Spans(out)

    def in_roster(self, offset: int) -> bool:
        return self.roster_spans.containing(offset) is not None

    @cached_property
    def words_used(self) -> frozenset[str]:
        """The story's words in lower case, from their lower-case and capitalised forms (not acronyms)."""
        return frozenset(form.lower() for form in self.forms if form[1:] == form[1:].lower())

    @cached_property
    def lower_forms(self) -> set[str]:
        return {text for text in set(self.doc.tokens.texts) if text.islower()}  # lower() leaves such a text as it is

    def after_title(self, index: int) -> bool:
        tokens = self.doc.tokens
        if index == 0:
            return False
        prev = tokens[index - 1]
        between = self.doc.prose[prev.end:tokens[index].start]
        return prev.text.lower() in TITLES and between.strip(". ") == ""

    @cached_property
    def name_particles(self) -> frozenset[int]:
        """Indexes of the lower-case particles leading, through any others, into a capitalised word of one name: der in
        Van der Berg, von in Ursula von der Leyen, bin in bin Salman. Found in one pass from the end: following a run
        of particles anew from each of its words would take time in the square of its length ("de la de la ...")."""
        texts = self.doc.tokens.texts
        found: set[int] = set()
        for index in range(len(texts) - 2, -1, -1):
            if texts[index] in NAME_PARTICLES and self.joined(index, index + 1) and (
                    is_capitalised(texts[index + 1]) or index + 1 in found):
                found.add(index)
        return frozenset(found)

    def is_name_particle(self, index: int) -> bool:
        return index in self.name_particles

    def article_in_name(self, index: int, is_word: Callable[[str], bool]) -> str | None:
        """Why token `index`, "An" written capitalised, is a name's own word and not the article (None when the story
        shows nothing): the story writes "An" after a title (Mr An: the Korean surname), or the same two words
        capitalised mid-sentence too (An Post ... said An Post), or one of the capitalised words joined after it is
        one no list knows (`is_word`): An Bord Pleanála, An Garda Síochána, An Cheol-su, the Irish article or the
        surname. An "an" in lower case is a name's own between two of its capitalised words that no list knows, the
        second with the mark the Irish and Gaelic article leaves (a consonant and h, or t before a capital): the article
        inside a place's name (Bóthar an Mhuilinn, Baile an Chnoic, Sráid an tSéipéil); not between two names (Ivan
        Ljubicic an Mario Ancic)."""
        texts = self.doc.tokens.texts
        if index + 1 >= len(texts) or not self.joined(index, index + 1):
            return None
        if texts[index] == "an":
            before, after = (texts[index - 1] if index > 0 else ""), texts[index + 1]
            inside = is_capitalised(before) and self.joined(index - 1, index) and not is_word(before)
            return UNLISTED_NAME_WORD if inside and GAELIC_ARTICLE_MARK.match(after) and not is_word(after) else None
        if texts[index] != "An":
            return None
        surname, written_mid_sentence = self.an_in_names
        if surname:
            return AFTER_TITLE
        if texts[index + 1] in written_mid_sentence:
            return MID_SENTENCE_ELSEWHERE
        return UNLISTED_NAME_WORD if self._unlisted_after(index, is_word) else None

    def _unlisted_after(self, index: int, is_word: Callable[[str], bool]) -> bool:
        """Whether one of the capitalised words joined after token `index` (NAME_AFTER_AN at most) is one no list
        knows."""
        texts = self.doc.tokens.texts
        for after in range(index + 1, min(len(texts), index + 1 + NAME_AFTER_AN)):
            if not (is_capitalised(texts[after]) and self.joined(after - 1, after)):
                break
            if not is_word(strip_possessive(texts[after])):
                return True
        return False

    def articles_in_names(self, is_word: Callable[[str], bool]) -> frozenset[int]:
        """The indexes of the tokens "An" and "an" that are a name's own word (article_in_name)."""
        texts = self.doc.tokens.texts
        return frozenset(i for i, text in enumerate(texts) if text in ("An", "an") and self.article_in_name(i, is_word))

    @cached_property
    def an_in_names(self) -> tuple[bool, frozenset[str]]:
        """What article_in_name reads of the whole story, found in one pass: whether it writes "An" after a title
        (Mr An), and the words it writes after "An" mid-sentence (said An Post)."""
        texts, initial = self.doc.tokens.texts, self.initial_tokens
        mid_sentence = [i for i, text in enumerate(texts[:-1]) if text == "An" and not initial[i]]
        return (any(self.after_title(i) for i in mid_sentence),
                frozenset(texts[i + 1] for i in mid_sentence if self.joined(i, i + 1)))

    def ends_name(self, index: int) -> bool:
        """True when token `index` is the last word of a name of two or more capitalised words: Joe Root, Nippon
        Steel."""
        texts = self.doc.tokens.texts  # read as arrays, capitals first: asked of most tokens, few of them capitalised
        return (index > 0 and texts[index][:1].isupper() and texts[index - 1][:1].isupper() and texts[index] != "I"
                and not self.initial_tokens[index] and self.joined(index - 1, index))

    def reason(self, token: Token, index: int, *, repeated: bool = False) -> str | None:
        """Why the story alone shows a capitalised token (possessive removed) to be a name, the first reason found in
        this order: ROMANISED, INNER_CAPITAL, MID_SENTENCE, MID_SENTENCE_ELSEWHERE, AFTER_TITLE, and with `repeated`
        also REPEATED (a weaker sign: a term written twice is capitalised twice too); None when it shows nothing, or
        the token is not capitalised. The one definition of "is this a name, and why" for every rule. The token is
        doc.tokens[index], as the rules hold it: the answer is remembered by index (reason_at)."""
        return self.reason_at(index, repeated=repeated)

    def reason_at(self, index: int, *, repeated: bool = False) -> str | None:
        """reason() of token `index`, read from the token arrays: asked of every capitalised word by several rules
        (NL101, NL201, NL301, NL303, the story's dialect), it makes no Token."""
        if not self.doc.tokens.texts[index][:1].isupper():  # a possessive's 's is never all of a word
            return None
        return self._reasons[~index if repeated else index]

    def _reason(self, key: int) -> str | None:
        index, repeated = (~key, True) if key < 0 else (key, False)
        tokens = self.doc.tokens
        word = strip_possessive(tokens.texts[index])
        if "-" in word and ROMANISED_GIVEN_NAME_RE.fullmatch(word):  # the pattern holds a hyphen: asked only then
            return ROMANISED
        rest = word[1:]
        if not rest.islower() and any(c.isupper() for c in rest):  # islower: no capital, most words
            return INNER_CAPITAL
        if not self.initial_tokens[index]:
            return MID_SENTENCE
        if self.capitalised_mid_sentence[word] > 0:
            return MID_SENTENCE_ELSEWHERE
        if self.after_title(index):
            return AFTER_TITLE
        if repeated and self.forms[word] > 1:
            return REPEATED
        return None

    def looks_like_name(self, token: Token, index: int) -> bool:
        """Evidence from the story alone that a capitalised token is a name (reason() without `repeated`)."""
        return self.reason_at(index) is not None

    def joined(self, left: int, right: int) -> bool:
        """True when two tokens are neighbours in one name: one space apart and the left one not possessive."""
        starts, texts = self.doc.tokens.starts, self.doc.tokens.texts  # read as arrays: asked of most tokens
        first = texts[left]
        return (self.doc.prose[starts[left] + len(first):starts[right]] == " "
                and strip_possessive(first) == first)

    def name_neighbours(self, index: int) -> set[tuple[int, str]]:
        """The words with name evidence (not titles) either side of a token within one name: {(-1, 'North')}."""
        texts = self.doc.tokens.texts
        out = set()
        for side, left, right in ((-1, index - 1, index), (1, index, index + 1)):
            if left < 0 or right >= len(texts) or not self.joined(left, right):
                continue
            word = strip_possessive(texts[index + side])
            opening = self.initial_tokens[index + side] and word.lower() in self.lower_forms  # "The" opening a sentence
            if word.lower() not in TITLES and not opening and self.reason_at(index + side) is not None:
                out.add((side, fold(word)))
        return out

