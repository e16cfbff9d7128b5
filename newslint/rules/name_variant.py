"""NL301: one name written in more than one form in the same story."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from newslint.document.text import TITLES
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule
from newslint.language.lexicon import COMMON_WORD
from newslint.language.names import NameEvidence, deletions, fold, is_capitalised, slip_at, strip_possessive

# log10 frequency under which a word written as a name counts as no word: under once in 100,000 words.
UNCOMMON_WORD = -5.0
MIN_SLIP_KEY = 2  # a two-letter spelling is taken for a slip only when it is no word (Dw for Dow)
# No name is longer (the longest place name in Wales has 58 letters), and a key's deletions take room in the square
# of its length: a run of thousands of letters is not weighed as a slip.
MAX_SLIP_KEY = 64
# Spellings that differ from one another by one letter at one place (Ab1, Ab2 ... Ab40): more than this are a family of
# names or codes, none of them a slip, and weighing every pair of them would take time in the square of their number.
# The largest family in the 170 bench stories and the test drafts has 4 (measured 2026-12-05).
MAX_SLIP_FAMILY = 16
SHORT_NAME = 3  # a name this short is one letter from other names (Del, Dal)
VOWELS = frozenset("aeiouy")


class Occurrence(NamedTuple):
    span: Span
    text: str
    index: int  # of the (first) token
    heading: bool
    named: bool  # written where only a name is capitalised (not at a sentence start, not in a heading)


class Surroundings(NamedTuple):
    """What the story says around every occurrence of one spelling."""

    neighbours: dict[int, set[str]]  # the names written before (-1) and after (1) it anywhere
    always_beside: dict[int, bool]  # whether a name stands before (-1) or after (1) it every time
    all_in_roster: bool
    any_in_roster: bool
    all_after_title: bool
    any_after_title: bool
    never_initial: bool  # no occurrence opens a sentence or stands in a heading


@dataclass(slots=True)
class Variant:
    """Every occurrence of the spellings that fold to one key ('Jong-un', 'Jong-Un', 'Jong Un')."""

    key: str
    named: bool = False  # some occurrence has evidence of a name (capitalised mid-sentence, after a title, ...)
    # Where it is written: the index of each token, or ~index of the first of two words. An Occurrence takes some
    # 200 bytes and an index 40, and a 10 MB draft may hold a million capitalised words: occurrences are made only
    # for the spellings weighed against another or reported (occurrences).
    written: list[int] = field(default_factory=list)
    # Counted once every occurrence is in (settle): counted on every use, a name written many times in many forms
    # would be counted again for each of its occurrences, and a spelling weighed against each of its slips.
    votes: dict[str, int] = field(default_factory=dict)
    majority: str = ""
    first: int = 0  # where it is first written
    surroundings: Surroundings | None = None  # gathered when it is first weighed against another spelling
    found: list[Occurrence] | None = None  # made when first asked for

    def settle(self, doc) -> None:
        """Put the occurrences in order and count the votes: how often each form occurs outside headings (title
        case there is not a spelling), first seen first; the majority is the form used most (max keeps the first
        seen on ties), as first written."""
        self.written.sort(key=_token_index)
        first_written: dict[str, str] = {}
        for entry in self.written:
            text, heading = _text_at(doc, entry), doc.in_heading(doc.tokens[_token_index(entry)].start)
            plain = _plain(text)
            self.votes[plain] = self.votes.get(plain, 0) + (not heading)
            first_written.setdefault(plain, text)
        self.majority = first_written[max(self.votes, key=self.votes.__getitem__)]
        self.first = doc.tokens[_token_index(self.written[0])].start

    @property
    def count(self) -> int:
        """How often the name is written, headings too: a results line (Western Sydney Wanderers 1) spells it."""
        return len(self.written)

    def occurrences(self, evidence: NameEvidence) -> list[Occurrence]:
        """Each occurrence in order, with its span, text and evidence."""
        if self.found is None:
            doc = evidence.doc
            self.found = []
            for entry in self.written:
                index = _token_index(entry)
                start = doc.tokens[index].start
                text = _text_at(doc, entry)
                self.found.append(Occurrence(Span(start, start + len(text)), text, index, doc.in_heading(start),
                                             evidence.looks_like_name(doc.tokens[index], index)))
        return self.found

    def around(self, evidence: NameEvidence) -> Surroundings:
        """What the story says around this spelling, gathered once."""
        if self.surroundings is None:
            found = self.occurrences(evidence)
            neighbours: dict[int, set[str]] = {-1: set(), 1: set()}
            always_beside = {-1: True, 1: True}
            for o in found:
                found_beside = evidence.name_neighbours(o.index)
                for side, word in found_beside:
                    neighbours[side].add(word)
                for side in always_beside:
                    always_beside[side] = always_beside[side] and any(s == side for s, _ in found_beside)
            in_roster = [evidence.in_roster(o.span.start) for o in found]
            after_title = [evidence.after_title(o.index) for o in found]
            self.surroundings = Surroundings(neighbours, always_beside, all(in_roster), any(in_roster),
                                             all(after_title), any(after_title),
                                             all(o.span.start not in evidence.initial for o in found))
        return self.surroundings


def _token_index(entry: int) -> int:
    """The token a Variant.written entry starts at."""
    return entry if entry >= 0 else ~entry


def _text_at(doc, entry: int) -> str:
    """The spelling written at a Variant.written entry: one word without its possessive, or two words."""
    tokens = doc.tokens
    if entry >= 0:
        return strip_possessive(tokens[entry].text)
    index = ~entry
    end = tokens[index + 1].start + len(strip_possessive(tokens[index + 1].text))
    return doc.text[tokens[index].start:end]


class NameVariant(Rule):
    """A name written in more than one form in the same story.

    What it does: groups the capitalised words and two-word names of a story by their spelling with case,
    accents, hyphens and spaces removed, and links groups one slip apart (a changed, dropped, added or
    swapped letter). Where a name appears in more than one form (Kim Jong-un / Kim Jong Un / Kim Jongun,
    Jong-un / Jong-Un, Zelenskyy / Zelensky, Pyongyang / Pyonyang, Blair / Bliar), the forms the story uses
    less are flagged with the form it uses most (ties: the first seen). Two established words or names one
    letter apart (Iran / Iraq, Brown / Browne) are left alone unless they share a neighbouring capitalised
    word ("North Koran" beside "North Korean"); different people who share a family name (Kim Jong-un,
    Kim Do-gyun) differ by more than a slip.

    Why it matters: a misspelt name is the error readers and subjects notice first, and a spell checker
    cannot see it: the wrong form is either unknown to every dictionary or a real word.

    Example: "Pyongyang ... Pyongyang ... talks in Pyonyang" -> "Pyongyang".

    Fix safety: unsafe; the suggestion is the story's own majority, which is usually but not always right.
    """

    code = "NL301"
    name = "name-variant"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE

    def check(self, doc, res):
        for diagnostic in self._check(doc, res):
            # The house glossary has the last word: its canonical forms are never a story's minority spelling.
            house = res.glossary.words if res.config.names else set()
            if not (house and all(w in house for w in doc.text[diagnostic.span.start:diagnostic.span.end].split())):
                yield diagnostic

    def _check(self, doc, res):
        evidence = doc.derived(NameEvidence)
        variants = self._variants(doc)
        slips = self._slips(res, evidence, variants)
        for key, variant in variants.items():
            if key in slips:
                target = slips[key]
                for o in variant.occurrences(evidence):
                    yield self._report(o.span, o.text, target.majority, target.count)
                continue
            votes = variant.votes
            if len(votes) < 2 or not variant.named:
                continue
            majority = _plain(variant.majority)
            for o in variant.occurrences(evidence):
                plain = _plain(o.text)
                if plain != majority and (o.named and not o.heading or plain.lower() != majority.lower()):
                    yield self._report(o.span, o.text, variant.majority, votes[majority])  # case: only in names

    def _report(self, span: Span, form: str, majority: str, count: int):
        times = "once" if count == 1 else f"{count} times"
        return self.report(span, f"'{form}' is written '{majority}' elsewhere in this story ({times})", (majority,))

    @staticmethod
    def _variants(doc) -> dict[str, Variant]:
        """Capitalised words (not acronyms) and pairs of them, grouped by folded spelling. A pair only joins a
        group that holds a single word (Jong Un beside Jong-un)."""
        evidence = doc.derived(NameEvidence)
        tokens = doc.tokens
        groups: dict[str, Variant] = {}
        pairs: list[tuple[str, int]] = []  # (folded spelling, first token) of two words
        for index, token in enumerate(tokens):
            word = strip_possessive(token.text)
            joined = index + 1 < len(tokens) and evidence.joined(index, index + 1)
            title = joined and word.lower() in TITLES and is_capitalised(tokens[index + 1].text)
            if title or not _is_name_like(word):
                continue  # a title before a name (Adm Curry) is no name; "Adm" alone may be a slip of "Adam"
            named = evidence.looks_like_name(token, index)
            group = groups.setdefault(fold(word), Variant(fold(word)))
            group.named = group.named or named
            group.written.append(index)
            if joined and _is_name_like(strip_possessive(tokens[index + 1].text)):
                pairs.append((fold(_text_at(doc, ~index)), index))
        for key, index in pairs:
            if key in groups:
                groups[key].written.append(~index)
        for group in groups.values():
            group.settle(doc)
        return groups

    @staticmethod
    def _slips(res, evidence, variants) -> dict[str, Variant]:
        """Minority spelling -> the group it is a slip of."""
        # A deletion -> first letters -> the keys with both, in the order met: keys one slip apart share a deletion,
        # and only those that share a first letter are weighed.
        index: dict[str, dict[str, dict[str, None]]] = defaultdict(lambda: defaultdict(dict))
        for key in variants:
            if MIN_SLIP_KEY <= len(key) <= MAX_SLIP_KEY:
                for d in deletions(key):
                    index[d][key[0]][key] = None
        crowded = {key for families in index.values() for keys in families.values() if len(keys) > MAX_SLIP_FAMILY
                   for key in keys}
        best: dict[str, tuple[int, int, Variant]] = {}  # minority key -> (score, count, majority group)
        seen: set[tuple[str, str]] = set()
        for families in index.values():
            for keys in families.values():
                if len(keys) > MAX_SLIP_FAMILY:
                    continue
                for a in keys:
                    for b in keys:
                        if a < b and a not in crowded and b not in crowded and (a, b) not in seen:
                            seen.add((a, b))
                            big, small = sorted((variants[a], variants[b]), key=lambda v: (-v.count, v.first))
                            score = _slip_score(res, evidence, big, small)
                            if score and (small.key not in best or best[small.key][:2] < (score, big.count)):
                                best[small.key] = (score, big.count, big)
        return {key: big for key, (_, _, big) in best.items() if big.key not in best}  # not a slip of a slip


def _slip_score(res, evidence: NameEvidence, big: Variant, small: Variant) -> int:
    """How sure it is that the story's less used spelling is a slip of the other: 0 (a second name or word),
    1, or 2 (the two share a neighbouring name)."""
    at = slip_at(big.key, small.key)
    if at is None or (small.count > 1 and 2 * small.count > big.count and not _swapped_unknowns(res, big, small, at)):
        return 0
    around = [big.around(evidence), small.around(evidence)]
    if around[1].all_in_roster and around[0].any_in_roster:
        return 0  # two entries of one team sheet are two people (Horgan, Horan)
    lexicon = res.lexicon
    form, other = big.majority, small.majority
    near = [a.neighbours for a in around]
    if not (big.named or form in lexicon.proper or not lexicon.is_word(form)
            or ((near[0][1] or near[0][-1]) and lexicon.frequency(form) < COMMON_WORD)):
        return 0  # a name: by position, by the word lists, or as part of a longer one (Amnesty International)
    if around[1].all_after_title and (near[0][-1] or around[0].any_after_title):
        return 1  # a title names the story's family name: Dr Whitcomb is Dr Helen Whitcombe, Ms Lindsey Ms Lindsay
    # Dw, Ls and Nt are no words, whatever the lists say; nor, beside a name, are rarities (Sab beside Saab, Pul
    # beside Paul): what stands for a word here is a name or a word in everyday use.
    known = [bool(VOWELS & set(v.key)) and (w in res.accepted_words or lexicon.is_word(w) and (
        w in lexicon.proper or lexicon.frequency(w.lower()) > UNCOMMON_WORD)) for v, w in ((big, form), (small, other))]
    shorter = min(len(big.key), len(small.key))
    if at >= shorter - (len(big.key) == len(small.key)) and (all(known) or not _doubled(big.key, small.key)):
        return 0  # the last letter: Korea, Korean, Koreas; Iran, Iraq; but Zelensky, Zelenskyy
    # The same first name: North Korean, North Koran. The same family name (Fank Lloyd, Frank Lloyd; Hung Kong,
    # Hong Kong) only for a word that is no name of its own (not Mary Smith, Mark Smith; Mi Bergamasco, Ma Bergamasco;
    # but an everyday word is no given name: Pal McKee, Paul McKee).
    given = other in lexicon.proper or (len(small.key) <= SHORT_NAME and VOWELS & set(small.key)
                                       and other.lower() not in lexicon.words)
    sides = (-1,) if given else (-1, 1)
    if small.named and any(_alike(a, b) for side in sides for a in near[0][side] for b in near[1][side]):
        return 2
    if lexicon.frequency(form) > COMMON_WORD and form not in lexicon.proper and any(
            around[0].always_beside[side] and not near[1][side] for side in (-1, 1)):
        return 0  # an everyday word that is a name only in company (Standard Life) is one slip from many (Liffe)
    if not known[1]:
        if not small.named:  # opening a sentence: a name only if no slip of an everyday word ("Idnia", not "Teh")
            return int(not lexicon.near_common_word(other))
        # A short name is one letter from other short names (Del, Dal) unless it cannot be a word (Dw).
        return int(len(big.key) > SHORT_NAME or big.count > 1 or not VOWELS & set(small.key))
    # A lower-case word written as a name, one slip from a name: "Mr Leis" beside "Mr Lewis", "the Toy party"
    # beside "the Tory party".
    if other in lexicon.proper or other.lower() not in lexicon.words or (known[0] and form not in lexicon.proper):
        return 0
    if around[1].any_after_title:
        return 1
    alone = around[1].never_initial and not any(near[1].values())
    return int(alone and lexicon.frequency(other) > lexicon.frequency(form))


def _swapped_unknowns(res, big: Variant, small: Variant, at: int) -> bool:
    """Two forms no word list knows, two adjacent letters swapped, the rarer written fewer times: one name typed
    wrong twice (Thirkettle three times, Thrikettle twice), not two people."""
    a, b = big.key, small.key
    return (small.count < big.count and len(a) == len(b) and a[at] != b[at] and a[at + 1:at + 2] == b[at:at + 1]
            and not any(res.lexicon.is_word(v.majority) for v in (big, small)))


def _alike(a: str, b: str) -> bool:
    """The same neighbouring name, allowing for an ending (Lanka, Lankan)."""
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _is_name_like(word: str) -> bool:
    """Capitalised, and not an initial or an acronym (NATO, MPs, UK-based)."""
    return len(word) > 1 and is_capitalised(word) and not any(
        len(part.rstrip("s")) > 1 and part.rstrip("s").isupper() for part in word.split("-"))


def _plain(form: str) -> str:
    return form.replace("\u2019", "'")


def _doubled(a: str, b: str) -> bool:
    """The longer ends in a doubled letter the shorter has once (Zelenskyy, Zelensky)."""
    longer = max(a, b, key=len)
    return len(a) != len(b) and longer[-1] == longer[-2]
