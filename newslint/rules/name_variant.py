"""NL301: one name written in more than one form in the same story."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from newslint.document.text import ABBREVIATIONS, NAME_PARTICLES, TITLES
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.explain import Step, Trace
from newslint.engine.rule import Rule
from newslint.engine.tuning import tuned
from newslint.language.lexicon import COMMON_WORD, slip
from newslint.language.memo import Memo
from newslint.language.names import (
    GAELIC_ARTICLE_MARK,
    NameEvidence,
    deletions,
    fold,
    is_capitalised,
    slip_at,
    strip_possessive,
    swapped,
)
from newslint.language.ngrams import MEMO_SIZE

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

CODE = "NL301"
UNCOMMON_WORD = tuned(
    -5.0,
    means="log10 frequency under which a word written as a name counts as no word: under once in 100,000 words (Sab "
    "beside Saab, Pul beside Paul)",
    bench="the U and K name benches and the test corpus (464f7fb); benchmarks/sweep.py at d5d5985 (run time): the dev "
    "bench, the other-seed benches (seeds 17-19), the Brown-press benches (seeds 5-8), natural_train, the clean "
    "BBC and Brown press copy",
    result="name recall U 94.7 -> 96.1, K 90.9 -> 94.8, no new remark on the corpus (464f7fb); -4.5: BBC 13 -> 17, "
    "Brown 34 -> 37, precision down on six benches; -5.5: one slip fewer on one bench, Brown 33",
    date="2026-12-06")
MIN_SLIP_KEY = tuned(
    2,
    means="the fewest letters of a folded spelling weighed as a slip: a two-letter spelling is a slip only when it is "
    "no word (Dw for Dow)",
    bench="benchmarks/sweep.py at db58f92 (run time): the dev bench, the other-seed benches (seeds 17-19), the "
    "Brown-press benches (seeds 5-8), natural_train, the clean BBC and Brown press copy",
    result="set with the rule's first version (a69f371); at 3 one or two slips fewer found on six benches",
    date="2026-12-06")
MAX_SLIP_KEY = tuned(
    64, means="the most letters of a folded spelling weighed as a slip: no name is longer (the longest place name in "
              "Wales has 58 letters), and a key's deletions take room in the square of its length",
    bench="none: a limit of the data and of time (2d9ce8a); checked on the 170 bench stories and 10,000 random drafts",
    result="byte-identical JSON on the 170 bench stories (en-GB and auto), the same NL301 diagnostics on 10,000 "
           "random drafts (2d9ce8a)", date="2026-12-05")
MAX_SLIP_FAMILY = tuned(
    16, means="the most spellings one letter apart at one place (Ab1, Ab2 ... Ab40) weighed as slips of each other; "
              "more are a family of names or codes, and weighing every pair would take time in the square of their "
              "number",
    bench="the 170 bench stories and the test drafts; benchmarks/linearity.py name-variants (2d9ce8a)",
    result="the largest family there has 4; a family of 2,000 names 41 s -> 0.08 s; 500 invented names each written "
           "once: 145 NL301 -> 86 (2d9ce8a)", date="2026-12-05")
MAX_NAME_SPELLINGS = tuned(
    20_000, means="the most different capitalised spellings one file may hold for names to be weighed against each "
                  "other; past it the file is a list or a dump, and the rule says so once and stops, since every "
                  "spelling takes memory (10 MB of invented names took 2.2 GB)",
    bench="the 170 BBC stories and the 44 Brown press stories (ca01-ca44)",
    result="at most 378 different capitalised spellings in a story (Brown ca16, 2,009 words); 20,000 leaves room "
           "for a book-length draft", date="2026-12-05")
SHORT_NAME = tuned(
    3,
    means="letters in a name so short that it is one letter from other names (Del, Dal)",
    bench="benchmarks/sweep.py at db58f92 (run time): the dev bench, the other-seed benches (seeds 17-19), the "
    "Brown-press benches (seeds 5-8), natural_train, the clean BBC and Brown press copy",
    result="set with the rule's first version (a69f371); at 2 one slip more found on one bench (of 8) and nothing "
    "else, at 4 one or two fewer on six benches: 3 kept, as two-letter names are the ones one letter from other "
    "names",
    date="2026-12-06")
REPEATED_SHARE = tuned(
    0.5,
    means="a spelling written more than once and more than this share of the other's count is a second name, not a "
    "slip",
    bench="benchmarks/sweep.py at db58f92 (run time): the dev bench, the other-seed benches (seeds 17-19), the "
    "Brown-press benches (seeds 5-8), natural_train, the clean BBC and Brown press copy",
    result="set with the rule's first version (a69f371); at 0.25 two slips fewer found on one bench, at 0.75 nothing "
    "changed",
    date="2026-12-06")
GIVEN_NAMES_BEFORE = tuned(
    3,
    means="words of a name, at most, looked back past for the given names a family name follows (Walter in Mrs Walter "
    "Dunmore Colter: step different-given-names)",
    bench="the Brown press stories (clean), all 500 Brown files, the dev, other-seed and Brown-press benches; "
    "benchmarks/sweep.py at d5d5985 (run time): the dev bench, the other-seed benches (seeds 17-19), the "
    "Brown-press benches (seeds 5-8), natural_train, the clean BBC and Brown press copy",
    result="measured at 3 only (a given name and up to two middle names): Brown press one false alarm fewer, all 500 "
    "Brown files two remarks fewer (two people's names each), each Brown-press bench one false positive fewer; "
    "dev, BBC, natural and other-seed sets unchanged; 2 and 4: no remark changed on any set",
    date="2026-12-06")
ALIKE_STEM = tuned(
    4,
    means="the fewest letters two neighbouring names share for one to be the other with an ending (Lanka, Lankan)",
    bench="benchmarks/sweep.py at db58f92 (run time): the dev bench, the other-seed benches (seeds 17-19), the "
    "Brown-press benches (seeds 5-8), natural_train, the clean BBC and Brown press copy",
    result="set with the rule's first version (a69f371); at 3 and at 5 no remark changed on any set",
    date="2026-12-06")
VOWELS = frozenset("aeiouy")
NOT_A_SLIP, SLIP, SHARED_NEIGHBOUR = 0, 1, 2  # a pair's score: the higher, the surer; 0 leaves the spelling alone
NO_SLIP_EVIDENCE = "no-slip-evidence"  # what the trace names when no step found a slip: the pair is left alone


class Occurrence(NamedTuple):
    span: Span
    text: str
    index: int  # of the (first) token
    heading: bool
    name_reason: str | None  # why it reads as a name (NameEvidence.reason): None at a sentence start or in a heading


class Surroundings(NamedTuple):
    """What the story says around every occurrence of one spelling."""

    neighbours: dict[int, set[str]]  # the names written before (-1) and after (1) it anywhere
    always_beside: dict[int, bool]  # whether a name stands before (-1) or after (1) it every time
    all_in_roster: bool
    any_in_roster: bool
    all_after_title: bool
    any_after_title: bool
    never_initial: bool  # no occurrence opens a sentence or stands in a heading


class Variant:
    """Every occurrence of the spellings that fold to one key ('Jong-un', 'Jong-Un', 'Jong Un')."""

    __slots__ = ("key", "named", "written", "votes", "majority", "first", "surroundings", "found")

    def __init__(self, key: str):
        self.key = key
        self.named = False  # some occurrence has evidence of a name (capitalised mid-sentence, after a title, ...)
        # Where it is written: the index of each token, or ~index of the first of two words. An Occurrence takes
        # some 200 bytes and an index 40, and a 10 MB draft may hold a million capitalised words: occurrences are
        # made only for the spellings weighed against another or reported (occurrences).
        self.written: list[int] = []
        # Counted once every occurrence is in (settle): counted on every use, a name written many times in many
        # forms would be counted again for each of its occurrences, and a spelling weighed against each of its
        # slips.
        self.votes: dict[str, int] = {}
        self.majority = ""
        self.first = 0  # where it is first written
        self.surroundings: Surroundings | None = None  # gathered when it is first weighed against another spelling
        self.found: list[Occurrence] | None = None  # made when first asked for

    def settle(self, doc) -> None:
        """Put the occurrences in order and count the votes: how often each form occurs outside headings (title
        case there is not a spelling), first seen first; the majority is the form used most (max keeps the first
        seen on ties), as first written."""
        self.written.sort(key=_token_index)
        first_written: dict[str, str] = {}
        starts, texts = doc.tokens.starts, doc.tokens.texts  # read as arrays: a story's names are written often
        for entry in self.written:
            if entry >= 0:
                text, heading = strip_possessive(texts[entry]), doc.in_heading(starts[entry])
            else:
                text, heading = _text_at(doc, entry), doc.in_heading(starts[~entry])
            plain = _plain(text)
            self.votes[plain] = self.votes.get(plain, 0) + (not heading)
            first_written.setdefault(plain, text)
        self.majority = first_written[max(self.votes, key=self.votes.__getitem__)]
        self.first = starts[_token_index(self.written[0])]

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
                start = doc.tokens.starts[index]
                text = _text_at(doc, entry)
                self.found.append(Occurrence(Span(start, start + len(text)), text, index, doc.in_heading(start),
                                             evidence.reason_at(index)))
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
    starts, texts = doc.tokens.starts, doc.tokens.texts  # read as arrays: asked of every two-word name
    if entry >= 0:
        return strip_possessive(texts[entry])
    index = ~entry
    end = starts[index + 1] + len(strip_possessive(texts[index + 1]))
    return doc.text[starts[index]:end]


# The steps, in the order the rule takes them (STEP_GROUPS below). Which capitalised words are spellings of a name:
ACRONYM = Step(
    CODE, "acronym-or-initial", decides="an acronym (NATO, MPs, UK-based), or an abbreviation of the word list's with "
    "no vowel and its full stop (Rd., Mt., Sgt.), is no spelling of a name: its capitals are not a slip (a single "
    "letter, an initial, is never read as one)",
    allows=("The [[OSCE]] monitors met Osce staff and Osce drivers.",
            "The firm moved to Green Bay [[Rd]]. in Evanston, where Red Smith runs it with Red Jones."))
TITLE_BEFORE_NAME = Step(
    CODE, "title-before-a-name", decides="a title before a capitalised word (Gen Farrow) is no spelling of a name; "
    "alone, the same word may be a slip (Gen for Gene)",
    allows=("Later [[Adm]] Okafor met Adam Okafor and Adam Okafor again.",))
PRONUNCIATION_GUIDE = Step(
    CODE, "pronunciation-guide", decides="a capitalised word right after 'pronounced' (an opening quote between "
    "at most) respells how a name sounds (Kearney, pronounced Karney): no spelling of the name",
    allows=("Ms Kearney (pronounced [[Karney]]) won. Kearney and Kearney thanked the crowd.",))
# "pronounced", then spaces and at most an opening quote, ending where the word starts: read from the few characters
# before a capitalised word (PRONUNCIATION_REACH)
PRONOUNCED_BEFORE_RE = re.compile(r"\bpronounced[ \t]+[\"'\u201c\u2018]?\Z", re.IGNORECASE)
PRONUNCIATION_REACH = len("pronounced") + 4
GAELIC_VOWEL_RE = re.compile("[áéíóúàèìòù]")  # the fada of Irish, the grave accent of Scottish Gaelic
# Which pairs of spellings one slip apart are weighed:
FAMILY = Step(
    CODE, "family-of-look-alikes", decides=f"more than {MAX_SLIP_FAMILY} spellings one letter apart at one place are "
    "a family of names or codes, none of them a slip of another",
    allows=("Rooms Vorp, Varp, Virp, Vurp, Vyrp, Vbrp, Vcrp, Vdrp, Vfrp, Vgrp, Vhrp, Vjrp, Vkrp, Vlrp, Vmrp, Vnrp "
            "and [[Vprp]] are booked.",))
# Whether the less used of two spellings one slip apart is a slip of the other: the first step that applies decides.
MARKED_LETTER = Step(
    CODE, "marked-letter", decides="two spellings that differ where one has a letter with a mark no English keyboard "
    "types (Hōne, Hine), or of which one writes such a letter that the other writes bare besides (Río, Rico), are two "
    "names: a slip does not type a macron or an accent in place of another letter, nor add one (the same letter with "
    "and without its mark, Hōne and Hone, is one spelling's two forms: form-variant)",
    allows=("Hōne Tūtaki was a soldier, and his mother, [[Hine]], a weaver.",
            "The Puerto Rico Energy Bureau said power returned to homes in [[Río]] Piedras and across Puerto Rico by "
            "noon."))
INITIAL_MUTATION = Step(
    CODE, "initial-mutation", decides="in a story that writes a vowel with an accent as Irish and Scottish Gaelic do "
    "(Bríd, Dáil, Gàidhlig), two spellings no list knows that differ only by an h after the first letter, one that "
    "the Gaelic languages soften (b, c, d, f, g, m, p, s, t: Cois and Chois, Conghaile and Ní Chonghaile), are one "
    "name in two grammatical forms: an article, a genitive or Ní lenites its first sound and the spelling shows it; "
    "not names the lists know (Tomas, Thomas), nor a dropped h elsewhere (Phouma, Pouma)",
    allows=("Sorcha Conghaile chairs the group and Sorcha Conghaile spoke for it; the councillor Bríd Ní "
            "[[Chonghaile]] agreed.",))
FORMS_OF_A_WORD = Step(
    CODE, "forms-of-one-word", decides="two spellings that are the singular and plural of one word the lists have in "
    "lower case (Patrolman, Patrolmen; Princes, Princess), neither a name alone, are two forms of a word, not a "
    "name and its slip", allows=("Patrolman Jones came and Patrolman Jones left. [[Patrolmen]] Slate and Crawford "
                                 "stayed.",))
TWO_STANDARDS = Step(
    CODE, "two-standards", decides="two spellings that are one word as the two standards spell it (Labor, Labour; "
    "Center, Centre) are two names, each spelt as its own country spells it (Australia's Labor Party and Britain's "
    "Labour Party, the Kennedy Center and the Barbican Centre), not a name and its slip",
    allows=("Sydney's Harbour Trust met on Monday, and Boston's [[Harbor]] Trust met on Tuesday.",))
LISTED_COMPOUND = Step(
    CODE, "listed-compound", decides="a spelling that makes, wherever it is written, a compound WordNet lists with its "
    "neighbour (Pall Mall beside Paul) is that compound's word, no slip of a name",
    allows=("Paul Okafor met the press, and the club moved to 40 [[Pall]] Mall.",))
TWO_PEOPLE = Step(
    CODE, "different-given-names", decides="two spellings of a family name, each written after given names the other "
    "never follows (Ralph Houk, Don Hoak), or of a given name, each always written before family names the other never "
    "precedes (Jaylen Brown, Jalen Brunson), are two people's names, not a name and its slip (past middle names the "
    "lists lack: Mrs Walter Dunmore Colter, Miss Ruth Colver); so are a given name always before a family name and "
    "a family name never before a name, after a given name the lists know, if it is the majority spelling or a name "
    "the lists know (Liam Brosnan, Harvey Lim); unless two letters are swapped, a typing slip whoever it names (John "
    "Killingsworth, Minnie Kililngsworth)",
    allows=("The manager, Ralph Houk, praised the side, and the third baseman, Don [[Hoak]], agreed.",
            "Jaylen Brown scored 24 and Jaylen Brown had eight rebounds; [[Jalen]] Brunson led New York.",
            "The ruckman, [[Liam]] Brosnan, won the hit-outs, and Harvey Lim marked well; Lim kicked two goals before "
            "Lim went off."))
REPEATED = Step(
    CODE, "repeated-spelling", decides="a spelling written more than once, and more than half as often as the other, "
    "is a second name (Halvarsen twice beside Halvorsen three times)",
    allows=("Ola Halvorsen, Ola Halvorsen and Ola Halvorsen met Per Halvarsen and Per [[Halvarsen]].",))
SWAPPED = Step(
    CODE, "swapped-letters", decides="unless both spellings are unknown to every word list and differ by two "
    "adjacent letters swapped: one name typed wrong twice (Guathrie twice beside Gauthrie three times)",
    flags=("Officials met Gauthrie. Later Gauthrie spoke and Gauthrie left; Guathrie agreed and [[Guathrie]] smiled.",))
TEAM_SHEET = Step(
    CODE, "team-sheet", decides="two spellings that both stand in a paragraph that only lists names are two people: "
    "a team sheet does not list anyone twice",
    allows=("Lomax, Tilsley, Harbinson, [[Harbison]], Quayle.\n\nHarbinson scored twice.",))
MAJORITY_NO_NAME = Step(
    CODE, "majority-not-a-name", decides="a majority spelling with no sign of a name (capitalised only where any "
    "word is, an everyday word, beside no name) is a word, and its look-alike no slip of a name",
    allows=("Prices rose. Prices fell. Traders blamed [[Pricse]] yesterday.",))
FAMILY_NAME_AFTER_TITLE = Step(
    CODE, "family-name-after-title", decides="a spelling that only follows a title, one slip from a family name the "
    "story gives in full or after a title, is that family name (Dr Whitlow beside Dr Ann Whitlowe); not one that a "
    "name follows every time, a given name (Mrs Guy Mullenax beside Mr Gay)",
    flags=("Dr Ann Whitlowe spoke, then Dr Whitlowe left and Dr [[Whitlow]] returned.",))
LAST_LETTER = Step(
    CODE, "last-letter", decides="spellings that differ only at the last letter are two words or names, or one "
    "with an ending (Serbia, Serbian; Mali, Malo)",
    allows=("Envoys from Ghana and Ghana met envoys from [[Ghano]].",))
DOUBLED_LAST_LETTER = Step(
    CODE, "doubled-last-letter", decides="unless the longer ends in a doubled letter the shorter has once and not "
    "both are words (Kovalenkoo beside Kovalenko)",
    flags=("The Dmytrenkoo family met Dmytrenkoo aides; later [[Dmytrenko]] spoke.",))
ABBREVIATION_MISSPELT = Step(
    CODE, "abbreviation-misspelt", decides="unless both are written with a full stop, the other a short form of the "
    "abbreviations list that the story writes more than once, and this one no word or name the lists know, nor a short "
    "form of the list or its plural, and with a vowel (Elm Avo. beside Ave. written three times; not Ct. beside Co., "
    "nor Sens. beside Sen.): the abbreviation misspelt",
    flags=("She lives at 12 Elm Ave. and he at 4 Oak Ave.; the office is at 9 Bay [[Avo]]. downtown.",))
NEVER_INTRODUCED = Step(
    CODE, "never-introduced", decides="unless this spelling, no word or name the lists know, is the other less its "
    "last letter and never introduced (never after a given name or a title) while the other is: news copy names a "
    "person in full before the surname alone, so it is a second reference to the same person, misspelt (Beaulie said "
    "beside Kevin Beaulieu; not Geraghtys beside Geraghty, nor Olivet beside Olive)",
    flags=("Fire chief Kevin Beaulieu said crews were ready.\n[[Beaulie]] said the plant was safe.\n",))
SAME_NAME_BEFORE = Step(
    CODE, "same-name-before", decides="unless the last letter is changed, not added (no ending: Coe, Cou), in a "
    "spelling no list knows that follows the same name as the other (Charlie Coe, Charlie Cou): one person's name, "
    "and shared-neighbour decides",
    flags=("Charlie Coe led early, and Charlie Coe held on; nobody caught Charlie [[Cou]].",))
SHARED_NEIGHBOUR_STEP = Step(
    CODE, "shared-neighbour", decides="two spellings beside the same neighbouring name (East Timorese, East Timorse) "
    "are one name; a given name shares only the name before it",
    flags=("The West Bank talks and West Bank visits ended; West [[Back]] roads stayed shut.",))
EVERYDAY_IN_COMPANY = Step(
    CODE, "everyday-word-in-company", decides="an everyday word that is a name only in company (Royal Mail) is one slip "
    "from many words and names: a look-alike without that company is no slip of it; unless the look-alike is no word "
    "or name, written after 'the' as a noun is (the Repubilc beside the Czech Republic), and not made by doubling a "
    "letter, as names are (Liffe beside Life)",
    allows=("Royal Mail staff voted, and Royal Mail managers agreed; [[Mial]] said so.",))
OPENING_EVERYDAY = Step(
    CODE, "opening-slip-of-everyday-word", decides="an unknown word opening a sentence, one slip from an everyday "
    "word, is that word's slip, not the name's (Thw opening a sentence beside Thaw the painter)",
    allows=("Miss Jane Thaw paints. Miss Jane Thaw sings. [[Thw]] painter smiled.",))
OPENING_UNKNOWN = Step(
    CODE, "unknown-opening-word", decides="an unknown word opening a sentence, one slip from a story name and from "
    "no everyday word, is a slip of the name",
    flags=("Officials met Mr Oyelaran and Mr Oyelaran. [[Oyelaren]] said no.",))
SHORT_NAMES = Step(
    CODE, "short-names", decides=f"a name of {SHORT_NAME} letters or fewer, written once, is one letter from other "
    "short names (Del, Dal); not when the other, a name the word lists know (Dow, Ray; not a particle, Van), is "
    "written once too and this one is no word or name they know (Diw, Riy): its slip",
    allows=("Officials met Vos and then [[Vas]] in the hall.",))
UNKNOWN_NAME = Step(
    CODE, "unknown-name", decides="a spelling no word list knows, written as a name, one slip from a story name, is a "
    "slip of it",
    flags=("Officials met Oyelaran and Oyelaran, and then [[Oyelaren]].",))
WORD_OF_ITS_OWN = Step(
    CODE, "word-of-its-own", decides="a spelling that is a known name, or a word beside a majority that is a word too, "
    "is a second name or word, not a slip",
    allows=("Savers used the Bank, and the Bank and the Bank grew; the [[Back]] office shrank.",))
WORD_AFTER_TITLE = Step(
    CODE, "word-after-title", decides="an everyday word after a title, one slip from a story name, is a slip of the "
    "name (Mr Panel beside Patel)",
    flags=("Officials met Patel and Patel; later Mr [[Panel]] Okafor spoke.",))
EVERYDAY_ALONE = Step(
    CODE, "everyday-word-alone", decides="an everyday word capitalised mid-sentence, beside no name and commoner than "
    "the name one slip from it, is a slip of the name (the Flood vote beside Floyd)",
    flags=("Voters backed Floyd and Floyd; the [[Flood]] vote fell.",))
# Which weighed spellings are reported:
SLIP_OF_A_SLIP = Step(
    CODE, "slip-of-a-slip", decides="a spelling one slip from another that is itself a slip of a third is left alone: "
    "its own target is no name the story uses most",
    allows=("Officials met Oyelaran. Oyelaran spoke. Later Oyelaren and [[Oyeloren]] left.",))
NO_NAME_EVIDENCE = Step(
    CODE, "no-name-evidence", decides="forms of one spelling (Cease-fire, Ceasefire) of which none is shown to be a "
    "name (all open sentences or headings) are words, not a name's variants",
    allows=("Counterattacks began. Officials left. [[Counter-attacks]] followed.",))
TWO_WORDS_BY_APOSTROPHE = Step(
    CODE, "two-words-by-an-apostrophe", decides="two forms that differ by an apostrophe and are both words as written "
    "(We'll, Well; He'll, Hell) are two words, a contraction and another, not forms of one name",
    allows=("Talks ended.\nHe laughed and said, \"Well, well, that is news.\" Later she said, \"Well, fine.\" "
            "[[We'll]] see, he said.\n",))
CASE_AT_A_CAPITAL = Step(
    CODE, "case-at-a-capital", decides="a form that differs from the story's only in case, written where any word is "
    "capitalised (a heading's title case, a sentence start), is no variant",
    allows=("Talks With [[Ji-Woo]] Park End\n\nJi-woo Park met envoys. Later Ji-woo Park spoke.",))
BRACKETED_FORM = Step(
    CODE, "bracketed-form", decides="a form in brackets right after another form of the same spelling, or one with "
    "such a form in brackets after it, is the name given both ways on purpose (Uig (Ùig), the Gaelic spelling)",
    allows=("The ferry sails to Uig ([[Ùig]]) on Skye twice a day.",))
FORM_VARIANT = Step(
    CODE, "form-variant", decides="another form of the same spelling, with case, accents, hyphens or spaces changed "
    "(Jong Un, Jong-un), is a variant of the form the story uses most",
    flags=("Officials met Seo-yeon Ahn and Seo-yeon Ahn, and then [[Seo Yeon]] Ahn.",))


class Pair:
    """Two spellings one slip apart as the slip steps weigh them: big, the one the story writes more often (the first
    written on a tie), and small, the other. What the steps read of them is gathered when first asked for."""

    def __init__(self, res, evidence: NameEvidence, big: Variant, small: Variant, at: int):
        self.res, self.lexicon, self.evidence = res, res.lexicon, evidence
        self.big, self.small, self.at = big, small, at
        self.form, self.other = big.majority, small.majority
        self.overruled: list[str] = []  # the "unless" steps that kept an exemption from applying

    @cached_property
    def around(self) -> tuple[Surroundings, Surroundings]:
        return self.big.around(self.evidence), self.small.around(self.evidence)

    @cached_property
    def near(self) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
        """The names written before (-1) and after (1) each spelling."""
        return self.around[0].neighbours, self.around[1].neighbours

    @cached_property
    def known(self) -> tuple[bool, bool]:
        """Whether each majority form stands for a word here: Dw, Ls and Nt are no words, whatever the lists say; nor,
        beside a name, are rarities (Sab beside Saab): a word here is a name or a word in everyday use."""
        lexicon = self.lexicon

        def known(variant: Variant, word: str) -> bool:
            return bool(VOWELS & set(variant.key)) and (word in self.res.accepted_words or lexicon.is_word(word) and (
                word in lexicon.proper or lexicon.frequency(word.lower()) > UNCOMMON_WORD))

        return known(self.big, self.form), known(self.small, self.other)


# The tests of the slip steps, one each: a score when the step answers for the pair, None to pass it on.

def _marked_letter(p: Pair) -> int | None:
    if any(not _letter_at(form, p.at).isascii() for form in (p.form, p.other)):
        return NOT_A_SLIP
    return NOT_A_SLIP if marked_letters(p.form) != marked_letters(p.other) else None


def marked_letters(form: str) -> frozenset[str]:
    """The letters of a spelling with a mark no English keyboard types (Río: í)."""
    return frozenset(letter for letter in form if letter.isalpha() and not letter.isascii())


def _letter_at(form: str, at: int) -> str:
    """The letter of `form` that its fold (names.fold) has at index `at` ("" past its end): Hōne, 1 -> ō."""
    folded = 0
    for letter in form:
        folded += len(fold(letter))
        if folded > at:
            return letter
    return ""


def _initial_mutation(p: Pair) -> int | None:
    plain, softened = sorted((p.form, p.other), key=len)
    mutated = softened[:1] + softened[2:] == plain and GAELIC_ARTICLE_MARK.match(softened) is not None
    return NOT_A_SLIP if mutated and not (p.lexicon.is_word(plain) or p.lexicon.is_word(softened)) \
        and p.evidence.doc.derived(GaelicAccents).written else None


class GaelicAccents:
    """Whether a story writes a vowel with an accent as Irish and Scottish Gaelic do (step initial-mutation), read
    once a story however many pairs ask."""

    def __init__(self, doc):
        self.written = GAELIC_VOWEL_RE.search(doc.text) is not None


def _forms_of_a_word(p: Pair) -> int | None:
    lexicon = p.lexicon
    a, b = sorted((p.form.lower(), p.other.lower()), key=len)
    if not all(lexicon.is_word(w) and w not in lexicon.name_only for w in (a, b)):
        return None
    plural = b in (a + "s", a + "es") or (a.endswith("man") and b == a[:-3] + "men")
    return NOT_A_SLIP if plural else None


def _two_standards(p: Pair) -> int | None:
    a, b = p.form.lower(), p.other.lower()
    one_word = any((mark := p.lexicon.mark(x)) and mark.counterpart == y for x, y in ((a, b), (b, a)))
    return NOT_A_SLIP if one_word else None


def _listed_compound(p: Pair) -> int | None:
    doc, lexicon = p.evidence.doc, p.lexicon
    texts = doc.tokens.texts
    for index in p.small.written:
        if index < 0:  # the first of two words: a two-word spelling
            return None
        left, right = doc.neighbours(index)
        if not lexicon.set_phrase(left, texts[index].lower(), right):
            return None
    return NOT_A_SLIP


def _two_people(p: Pair) -> int | None:
    """Family names after given names the lists know, or given names each time before a family name: the names
    beside one spelling never beside the other (nor one slip from them)."""
    if slip(p.small.key, p.big.key) == "transposition":
        return None
    before, other_before = p.near[0][-1], p.near[1][-1]
    family = before and other_before and all(w.capitalize() in p.lexicon.proper for w in before | other_before)
    if before and other_before and not family:  # past middle names the lists lack: Mrs Walter Dunmore Colter
        before, other_before = _given_names_before(p, p.big), _given_names_before(p, p.small)
        family = before and other_before
    if family and not any(_alike(a, b) for a in before for b in other_before):
        return NOT_A_SLIP
    return NOT_A_SLIP if _two_given_names(p) or _given_and_family_names(p) else None


def _two_given_names(p: Pair) -> bool:
    """Given names each always written before family names the other never precedes (Jaylen Brown, Jalen Brunson)."""
    after, other_after = p.near[0][1], p.near[1][1]
    words = p.lexicon.words  # a title or a word before a name (Patrolman, Patrolmen) is no given name
    given = (p.around[0].always_beside[1] and p.around[1].always_beside[1]
             and p.form.lower() not in words and p.other.lower() not in words)
    return bool(given) and not any(_alike(a, b) for a in after for b in other_after)


def _given_and_family_names(p: Pair) -> bool:
    """A given name, always before a family name, beside a family name never before a name but after a given name
    the lists know, the majority spelling or a name the lists know: Liam Brosnan and Harvey Lim (not Joey Jy beside
    Jay Porter: a family name misspelt once)."""
    return any(_given_role(p, g) and _family_role(p, 1 - g) and (g == 1 or p.known[1]) for g in (0, 1))


def _given_role(p: Pair, k: int) -> bool:
    return bool(p.around[k].always_beside[1] and not p.near[k][-1])


def _family_role(p: Pair, k: int) -> bool:
    before = p.near[k][-1]
    return bool(before and not p.near[k][1] and all(w.capitalize() in p.lexicon.proper for w in before))


def _given_names_before(p: Pair, variant: Variant) -> set[str]:
    """The names the lists know among the words of a name written before each occurrence of a spelling, up to
    GIVEN_NAMES_BEFORE words back (Walter in Mrs Walter Dunmore Colter), folded."""
    evidence, texts = p.evidence, p.evidence.doc.tokens.texts
    found = set()
    for entry in variant.written:
        index = _token_index(entry)
        for before in range(index - 1, max(index - 1 - GIVEN_NAMES_BEFORE, -1), -1):
            word = texts[before]
            if not (evidence.joined(before, before + 1) and word[:1].isupper()) or word.lower() in TITLES:
                break
            if word in p.lexicon.proper:
                found.add(fold(word))
    return found


def _repeated(p: Pair) -> int | None:
    if not (p.small.count > 1 and p.small.count > REPEATED_SHARE * p.big.count):
        return None
    if SWAPPED.on and _swapped_unknowns(p.res, p.big, p.small, p.at):
        p.overruled.append(SWAPPED.name)
        return None
    return NOT_A_SLIP


def _team_sheet(p: Pair) -> int | None:
    return NOT_A_SLIP if p.around[1].all_in_roster and p.around[0].any_in_roster else None


def _majority_no_name(p: Pair) -> int | None:
    lexicon, form = p.lexicon, p.form
    named = (p.big.named or form in lexicon.proper or not lexicon.is_word(form)
             or ((p.near[0][1] or p.near[0][-1]) and lexicon.frequency(form) < COMMON_WORD))
    return None if named else NOT_A_SLIP


def _family_name_after_title(p: Pair) -> int | None:
    """Dr Whitlow beside Dr Ann Whitlowe; not Mrs Guy Mullenax beside Mr Gay: a spelling a name follows every time is
    a given name."""
    around = p.around[1]
    if around.all_after_title and not around.always_beside[1] and (p.near[0][-1] or p.around[0].any_after_title):
        return SLIP
    return None


def _last_letter(p: Pair) -> int | None:
    a, b = p.big.key, p.small.key
    if p.at < min(len(a), len(b)) - (len(a) == len(b)):
        return None
    if DOUBLED_LAST_LETTER.on and not all(p.known) and _doubled(a, b):
        p.overruled.append(DOUBLED_LAST_LETTER.name)
        return None
    if SAME_NAME_BEFORE.on and len(a) == len(b) > 2 and not p.known[1] and p.small.named and _name_before_shared(p):
        p.overruled.append(SAME_NAME_BEFORE.name)
        return None
    if ABBREVIATION_MISSPELT.on and not p.known[1] and _abbreviation_misspelt(p):
        p.overruled.append(ABBREVIATION_MISSPELT.name)
        return SLIP
    if NEVER_INTRODUCED.on and not p.known[1] and _never_introduced(p):
        p.overruled.append(NEVER_INTRODUCED.name)
        return SLIP
    return NOT_A_SLIP


def _never_introduced(p: Pair) -> bool:
    """This spelling is the other less its last letter, and the story introduces the other (after a given name or a
    title) and never this one, which stands alone every time: a second reference to the one person, misspelt (Kevin
    Beaulieu ... Beaulie said)."""
    if p.big.key[:-1] != p.small.key or "'" in p.other:  # an added letter makes a plural or another name;
        return False  # an apostrophe, dropped by the fold, another word (Ch'in beside China)
    introduced = bool(p.near[0][-1]) or p.around[0].any_after_title
    return introduced and not p.near[1][-1] and not p.around[1].any_after_title


def _bracketed(prose: str, span: Span, forms: dict[str, int]) -> bool:
    """Whether the form at `span` stands in brackets right after another of `forms`, or has one in brackets right after
    it: Uig (Ùig), Ùig (Uig)."""
    before = prose[max(0, span.start - 80):span.start]
    if before.endswith(" (") and prose[span.end:span.end + 1] == ")":
        words = before[:-2].split()
        return bool(words) and words[-1] in forms
    after = prose[span.end:span.end + 80]
    if after.startswith(" (") and ")" in after:
        return after[2:after.index(")")] in forms
    return False


def _abbreviation_misspelt(p: Pair) -> bool:
    """The story's spelling is a short form of the abbreviations list written more than once, the other no short form
    of the list (Ct, for Court, beside Co) nor its plural (Sens. beside Sen.) and with a vowel, and both are written
    with a full stop every time (Ave., Avo.)."""
    other, form = p.other.lower(), p.form.lower()
    if form not in ABBREVIATIONS or p.big.count < 2 or other in ABBREVIATIONS or other == form + "s" \
            or not VOWELS & set(other):
        return False
    tokens, prose = p.evidence.doc.tokens, p.evidence.doc.prose
    return all(entry >= 0 and prose[tokens[entry].end:tokens[entry].end + 1] == "."
               for entry in p.big.written + p.small.written)


def _name_before_shared(p: Pair) -> bool:
    """The two spellings written after the same name (Charlie Coe, Charlie Cou)."""
    return any(_alike(a, b) for a in p.near[0][-1] for b in p.near[1][-1])


def _shared_neighbour(p: Pair) -> int | None:
    """The same name before: North Korean, North Koran. The same name after (Fank Lloyd, Frank Lloyd; Hung Kong, Hong
    Kong) only for a word that is no given name of its own (not Mary Smith, Mark Smith; but an everyday word is no
    given name: Pal McKee, Paul McKee)."""
    if not p.small.named:
        return None
    lexicon, key = p.lexicon, p.small.key
    given = p.other in lexicon.proper or (len(key) <= SHORT_NAME and VOWELS & set(key)
                                          and p.other.lower() not in lexicon.words)
    sides = (-1,) if given else (-1, 1)
    shared = any(_alike(a, b) for side in sides for a in p.near[0][side] for b in p.near[1][side])
    return SHARED_NEIGHBOUR if shared else None


def _everyday_in_company(p: Pair) -> int | None:
    lexicon, form = p.lexicon, p.form
    everyday = lexicon.frequency(form) > COMMON_WORD and form not in lexicon.proper
    return NOT_A_SLIP if everyday and not _misspelt_after_the(p) and any(
        p.around[0].always_beside[side] and not p.near[1][side] for side in (-1, 1)) else None


def _misspelt_after_the(p: Pair) -> bool:
    """The other spelling is no word or name, written after "the" as a noun is (the Admiistration, the Repubilc; a
    person's name is not), and not the everyday word with a letter doubled, as names are (Liffe beside Life)."""
    if p.known[1] or slip(p.other.lower(), p.form.lower()) == "doubled letter":
        return False
    texts = p.evidence.doc.tokens.texts
    return any(entry > 0 and texts[entry - 1].lower() == "the" for entry in p.small.written)


def _opening_everyday(p: Pair) -> int | None:
    unknown_opening = not p.known[1] and not p.small.named
    return NOT_A_SLIP if unknown_opening and p.lexicon.near_common_word(p.other) else None


def _opening_unknown(p: Pair) -> int | None:
    return SLIP if not p.known[1] and not p.small.named else None


def _short_names(p: Pair) -> int | None:
    big, small = p.big, p.small
    short = len(big.key) <= SHORT_NAME and big.count <= 1 and VOWELS & set(small.key)
    return NOT_A_SLIP if not p.known[1] and small.named and short and not _known_name(p) else None


def _known_name(p: Pair) -> bool:
    """The spelling written more often is a name the word lists know, not a particle of one (Van, Von)."""
    return p.form in p.lexicon.proper and p.form.lower() not in NAME_PARTICLES


def _unknown_name(p: Pair) -> int | None:
    return SLIP if not p.known[1] and p.small.named else None


def _word_of_its_own(p: Pair) -> int | None:
    lexicon, other = p.lexicon, p.other
    own = other in lexicon.proper or other.lower() not in lexicon.words or (p.known[0] and p.form not in lexicon.proper)
    return NOT_A_SLIP if own else None


def _word_after_title(p: Pair) -> int | None:
    return SLIP if p.around[1].any_after_title else None


def _everyday_alone(p: Pair) -> int | None:
    alone = p.around[1].never_initial and not any(p.near[1].values())
    return SLIP if alone and p.lexicon.frequency(p.other) > p.lexicon.frequency(p.form) else None


# The slip steps with their tests, walked in this order: the first to give a score decides the pair.
SLIP_STEPS: tuple[tuple[Step, Callable[[Pair], int | None]], ...] = (
    (MARKED_LETTER, _marked_letter), (INITIAL_MUTATION, _initial_mutation), (FORMS_OF_A_WORD, _forms_of_a_word),
    (TWO_STANDARDS, _two_standards), (LISTED_COMPOUND, _listed_compound),
    (TWO_PEOPLE, _two_people),
    (REPEATED, _repeated), (TEAM_SHEET, _team_sheet), (MAJORITY_NO_NAME, _majority_no_name),
    (FAMILY_NAME_AFTER_TITLE, _family_name_after_title), (LAST_LETTER, _last_letter),
    (SHARED_NEIGHBOUR_STEP, _shared_neighbour), (EVERYDAY_IN_COMPANY, _everyday_in_company),
    (OPENING_EVERYDAY, _opening_everyday), (OPENING_UNKNOWN, _opening_unknown), (SHORT_NAMES, _short_names),
    (UNKNOWN_NAME, _unknown_name), (WORD_OF_ITS_OWN, _word_of_its_own), (WORD_AFTER_TITLE, _word_after_title),
    (EVERYDAY_ALONE, _everyday_alone))
# The steps by what they decide, in the order the rule takes them (docs/heuristics/NL301.md is made from these).
STEP_GROUPS: tuple[tuple[str, tuple[Step, ...]], ...] = (
    ("Which capitalised words are spellings of a name", (ACRONYM, TITLE_BEFORE_NAME, PRONUNCIATION_GUIDE)),
    ("Which spellings one slip apart are weighed against each other", (FAMILY,)),
    ("Whether the less used of two spellings one slip apart is a slip of the other: the first step that answers "
     f"decides, and when none does the pair is left alone ({NO_SLIP_EVIDENCE}); an \"unless\" step keeps the step "
     "before it from answering", (MARKED_LETTER, INITIAL_MUTATION, FORMS_OF_A_WORD, TWO_STANDARDS, LISTED_COMPOUND,
                                  TWO_PEOPLE, REPEATED, SWAPPED, TEAM_SHEET, MAJORITY_NO_NAME, FAMILY_NAME_AFTER_TITLE,
                                  LAST_LETTER, DOUBLED_LAST_LETTER, ABBREVIATION_MISSPELT, NEVER_INTRODUCED,
                                  SAME_NAME_BEFORE, SHARED_NEIGHBOUR_STEP,
                                  EVERYDAY_IN_COMPANY, OPENING_EVERYDAY, OPENING_UNKNOWN, SHORT_NAMES, UNKNOWN_NAME,
                                  WORD_OF_ITS_OWN, WORD_AFTER_TITLE, EVERYDAY_ALONE)),
    ("Which spellings are reported: a slip with the majority of the spelling it is a slip of, and the other forms of "
     "one spelling with the form the story uses most", (SLIP_OF_A_SLIP, NO_NAME_EVIDENCE, TWO_WORDS_BY_APOSTROPHE,
                                                          CASE_AT_A_CAPITAL, BRACKETED_FORM, FORM_VARIANT)),
)
STEPS: tuple[Step, ...] = tuple(step for _, steps in STEP_GROUPS for step in steps)


class Weighed(NamedTuple):
    """One pair's verdict, as the less used spelling sees it."""

    big: Variant
    score: int
    step: str  # the step that decided, or NO_SLIP_EVIDENCE
    overruled: tuple[str, ...]  # the "unless" steps that kept an exemption from applying


def weigh(res, evidence: NameEvidence, big: Variant, small: Variant, at: int) -> Weighed:
    """How sure it is that the story's less used spelling is a slip of the other: 0 (a second name or word), 1, or 2
    (the two share a neighbouring name), and the step that decided."""
    pair = Pair(res, evidence, big, small, at)
    for step, test in SLIP_STEPS:
        if step.on and (score := test(pair)) is not None:
            return Weighed(big, score, step.name, tuple(pair.overruled))
    return Weighed(big, NOT_A_SLIP, NO_SLIP_EVIDENCE, tuple(pair.overruled))


class Slips(NamedTuple):
    """What weighing the pairs found: minority spelling -> its best verdict (a slip, or, when it is a slip of a slip,
    left alone), and, only when a trace is kept, every verdict of each spelling weighed as the minority."""

    best: dict[str, Weighed]
    crowded: set[str]  # spellings in a family of look-alikes, weighed against none
    weighed: dict[str, list[tuple[Variant, Weighed]]] | None  # key -> (minority, verdict) of each pair it is in


class NameVariant(Rule):
    """A name written in more than one form in the same story.

    What it does: groups the capitalised words and two-word names of a story by their spelling with case,
    accents, hyphens and spaces removed, and links groups one slip apart (a changed, dropped, added or
    swapped letter). Where a name appears in more than one form (Kim Jong-un / Kim Jong Un / Kim Jongun,
    Jong-un / Jong-Un, Zelenskyy / Zelensky, Pyongyang / Pyonyang, Blair / Bliar), the forms the story uses
    less are flagged with the form it uses most (ties: the first seen). Two established words or names one
    letter apart (Iran / Iraq, Brown / Browne) are left alone unless they share a neighbouring capitalised
    word ("North Koran" beside "North Korean"); different people who share a family name (Kim Jong-un,
    Kim Do-gyun) differ by more than a slip, and two family names each written after given names the other never
    follows are two people (Ralph Houk, Don Hoak) unless two letters are swapped; one word as the two standards spell
    it is two names, each spelt as its country does (Australia's Labor Party, Britain's Labour Party).

    Why it matters: a misspelt name is the error readers and subjects notice first, and a spell checker
    cannot see it: the wrong form is either unknown to every dictionary or a real word.

    Example: "Pyongyang ... Pyongyang ... talks in Pyonyang" -> "Pyongyang".

    Fix safety: unsafe; the suggestion is the story's own majority, which is usually but not always right.
    """

    code = CODE
    name = "name-variant"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        for diagnostic in self._check(doc, res):
            # The house glossary has the last word: its canonical forms are never a story's minority spelling.
            house = res.glossary.words if res.config.names else set()
            if not (house and all(w in house for w in doc.text[diagnostic.span.start:diagnostic.span.end].split())):
                yield diagnostic
            elif doc.trace is not None:
                doc.trace.decide(CODE, diagnostic.span.start, diagnostic.span.end, "house-glossary", False)

    def _check(self, doc, res):
        evidence = doc.derived(NameEvidence)
        variants = self._variants(doc)
        if isinstance(variants, int):  # the token where the spellings ran past MAX_NAME_SPELLINGS
            token = doc.tokens[variants]
            yield self.report(Span(token.start, token.end), f"Name variants not checked in this file: it holds more "
                              f"than {MAX_NAME_SPELLINGS:,} different capitalised spellings (a list, not a story)")
            return
        slips = self._slips(res, evidence, variants, doc.trace is not None)
        for key, variant in variants.items():
            if doc.trace is not None:
                _trace_weighed(doc.trace, evidence, variant, slips)
            weighed = slips.best.get(key)
            if weighed is not None and weighed.step != SLIP_OF_A_SLIP.name:
                for o in variant.occurrences(evidence):
                    yield self._report(o.span, o.text, weighed.big.majority, weighed.big.count)
            elif len(variant.votes) > 1:
                yield from self._form_variants(doc.trace, evidence, variant, res.lexicon)

    def _form_variants(self, trace: Trace | None, evidence: NameEvidence, variant: Variant, lexicon):
        """The forms of one spelling other than the story's: each is reported unless a step leaves it alone."""
        majority, votes = _plain(variant.majority), variant.votes
        for o in variant.occurrences(evidence):
            plain = _plain(o.text)
            if plain == majority:
                continue
            if NO_NAME_EVIDENCE.on and not variant.named:
                step = NO_NAME_EVIDENCE
            elif TWO_WORDS_BY_APOSTROPHE.on and _two_words_by_apostrophe(plain, majority, lexicon):
                step = TWO_WORDS_BY_APOSTROPHE
            elif CASE_AT_A_CAPITAL.on and not (o.name_reason and not o.heading) and plain.lower() == majority.lower():
                step = CASE_AT_A_CAPITAL
            elif BRACKETED_FORM.on and _bracketed(evidence.doc.prose, o.span, votes):
                step = BRACKETED_FORM
            elif FORM_VARIANT.on:
                step = FORM_VARIANT
            else:
                continue
            if trace is not None:
                trace.decide(CODE, o.span.start, o.span.end, step.name, step is FORM_VARIANT,
                             variants=_counts(variant.occurrences(evidence)))
            if step is FORM_VARIANT:
                yield self._report(o.span, o.text, variant.majority, votes[majority])

    def _report(self, span: Span, form: str, majority: str, count: int):
        times = "once" if count == 1 else f"{count} times"
        return self.report(span, f"'{form}' is written '{majority}' elsewhere in this story ({times})", (majority,))

    @staticmethod
    def _variants(doc) -> dict[str, Variant] | int:
        """Capitalised words (not acronyms) and pairs of them, grouped by folded spelling. A pair only joins a
        group that holds a single word (Jong Un beside Jong-un). More than MAX_NAME_SPELLINGS groups: the index of
        the token that made one too many."""
        evidence = doc.derived(NameEvidence)
        starts, texts = doc.tokens.starts, doc.tokens.texts
        groups: dict[str, Variant] = {}
        pairs: list[tuple[str, int]] = []  # (folded spelling, first token) of two words
        tracing = doc.trace is not None
        shapes = SHAPES[ACRONYM.on]  # what each spelling says alone, worked out once a spelling, not once a token
        prose = doc.prose
        respelling = _respelling_in(prose)
        for index in _capitalised(texts, every=tracing):
            word, capitalised_word, _, _ = shapes[texts[index]]
            if not (tracing or capitalised_word):
                continue  # no name-like word (below)
            joined = index + 1 < len(texts) and evidence.joined(index, index + 1)
            title = joined and word.lower() in TITLES and is_capitalised(texts[index + 1]) and TITLE_BEFORE_NAME.on
            respelt = respelling(starts[index])
            if title or respelt or not shapes.spelt_as_a_name(prose, starts[index], texts[index]):
                if tracing:
                    _trace_no_spelling(doc, index, word, title, respelt)
                continue  # a title before a name (Adm Curry) is no name; "Adm" alone may be a slip of "Adam"
            key = fold(word)
            group = groups.get(key)
            if group is None:
                if len(groups) == MAX_NAME_SPELLINGS:
                    return index
                group = groups[key] = Variant(key)
            group.named = group.named or evidence.reason_at(index) is not None  # asked until one occurrence says so
            group.written.append(index)
            if joined and shapes[texts[index + 1]][2]:
                pairs.append((fold(_text_at(doc, ~index)), index))
        for key, index in pairs:
            if key in groups:
                groups[key].written.append(~index)
        for group in groups.values():
            group.settle(doc)
        return groups

    @staticmethod
    def _slips(res, evidence: NameEvidence, variants: dict[str, Variant], tracing: bool) -> Slips:
        """Minority spelling -> its best verdict as a slip of another spelling. Pairs are weighed only among the
        spellings that share a deletion and a first letter, which all spellings one slip apart do."""
        best: dict[str, Weighed] = {}  # minority key -> its verdict with the highest (score, majority count)
        weighed: dict[str, list[tuple[Variant, Weighed]]] | None = defaultdict(list) if tracing else None
        seen: set[tuple[str, str]] = set()
        families, crowded = _families(variants)
        for keys in families:
            for a in keys:
                for b in keys:
                    if a < b and (a, b) not in seen:
                        seen.add((a, b))
                        big, small = sorted((variants[a], variants[b]), key=lambda v: (-v.count, v.first))
                        at = slip_at(big.key, small.key)
                        if at is None:
                            continue
                        verdict = weigh(res, evidence, big, small, at)
                        if weighed is not None:
                            weighed[small.key].append((small, verdict))
                            weighed[big.key].append((small, verdict))
                        held = best.get(small.key)
                        if verdict.score and (held is None or (held.score, held.big.count) < (verdict.score, big.count)):
                            best[small.key] = verdict
        if SLIP_OF_A_SLIP.on:  # a slip of a slip is left alone
            best = {key: v._replace(step=SLIP_OF_A_SLIP.name) if v.big.key in best else v for key, v in best.items()}
        return Slips(best, crowded, weighed)


def _families(variants: dict[str, Variant]) -> tuple[list, set[str]]:
    """The spellings that share a deletion and a first letter, in the order met: those one slip apart share one. A
    spelling in a family of more than MAX_SLIP_FAMILY is weighed against none (step family-of-look-alikes)."""
    first_with: dict[str, str] = {}  # deletion -> the first spelling that has it
    shared: dict[str, dict[str, None]] = {}  # deletion -> the spellings that have it, when two or more do
    for key in variants:
        if MIN_SLIP_KEY <= len(key) <= MAX_SLIP_KEY:
            for d in deletions(key):
                first = first_with.setdefault(d, key)
                if first != key:
                    shared.setdefault(d, {first: None})[key] = None
    families = []
    for d in [d for d in first_with if d in shared]:  # in the order the deletions were first met
        by_first_letter: dict[str, dict[str, None]] = {}
        for key in shared[d]:
            by_first_letter.setdefault(key[0], {})[key] = None
        families += [keys for keys in by_first_letter.values() if len(keys) > 1]
    crowded = {key for keys in families if len(keys) > MAX_SLIP_FAMILY for key in keys}
    if not crowded or not FAMILY.on:
        return families, set()
    return [[k for k in keys if k not in crowded] for keys in families if len(keys) <= MAX_SLIP_FAMILY], crowded


def _capitalised(texts: list[str], every: bool) -> Iterable[int]:
    """The indexes of the capitalised words (or, with `every`, of all): the lower-case words, most of a story, are
    passed over at once."""
    return range(len(texts)) if every else [index for index, text in enumerate(texts) if text[:1].isupper()]


def _capitalised_word(word: str) -> bool:
    """More than one letter and capitalised: what _is_name_like asks first."""
    return len(word) > 1 and word[:1].isupper()


class _Shapes(Memo):
    """Spellings (token texts), each mapped to what it says alone, worked out when first asked for: (the word
    without its possessive, _capitalised_word, _is_name_like, and whether, written with its full stop, it is an
    abbreviation of the word list's with no vowel (spelt_as_a_name)). A story writes most names many times, and story
    after story the same ones: remembered per process, MEMO_SIZE at a time (SHAPES)."""

    def __init__(self):
        super().__init__(MEMO_SIZE, _shape)

    def spelt_as_a_name(self, prose: str, start: int, text: str) -> bool:
        """_is_name_like, and (step acronym-or-initial) no abbreviation written with its full stop: not an
        abbreviation of the word list's with no vowel followed by its full stop (Rd., Mt.), while Pp, a slip of Pop,
        and Dw, one of Dow, are spelt as names."""
        word, _, name_like, abbreviation = self[text]
        return name_like and not (ACRONYM.on and abbreviation and prose[start + len(word):start + len(word) + 1] == ".")


def _shape(text: str) -> tuple[str, bool, bool, bool]:
    word = strip_possessive(text)
    lower = word.lower()
    return word, _capitalised_word(word), _is_name_like(word), lower in ABBREVIATIONS and not VOWELS & set(lower)


# The spellings' shapes with step acronym-or-initial on and off (_is_name_like reads it: only a test turns it off).
SHAPES = {True: _Shapes(), False: _Shapes()}


def _respelling_in(prose: str) -> Callable[[int], bool]:
    """Step pronunciation-guide in a story: whether the word at an offset follows 'pronounced'. A story that writes no
    "pronounced", in any case, is not searched word by word (no other letter matches one of it under re.IGNORECASE:
    checked over every code point)."""
    if not PRONUNCIATION_GUIDE.on or "pronounced" not in prose.lower():
        return lambda start: False
    return lambda start: PRONOUNCED_BEFORE_RE.search(prose, max(0, start - PRONUNCIATION_REACH), start) is not None


def _is_name_like(word: str) -> bool:
    """Capitalised, and not an initial or (step acronym-or-initial) an acronym (NATO, MPs, UK-based)."""
    return len(word) > 1 and is_capitalised(word) and not (ACRONYM.on and _acronym(word))


def _acronym(word: str) -> bool:
    return any(len(part.rstrip("s")) > 1 and part.rstrip("s").isupper() for part in word.split("-"))


def _swapped_unknowns(res, big: Variant, small: Variant, at: int) -> bool:
    """Two forms no word list knows, two adjacent letters swapped, the rarer written fewer times: one name typed
    wrong twice (Thirkettle three times, Thrikettle twice), not two people."""
    a, b = big.key, small.key
    return (small.count < big.count and swapped(a, b, at)
            and not any(res.lexicon.is_word(v.majority) for v in (big, small)))


def _alike(a: str, b: str) -> bool:
    """The same neighbouring name, allowing for an ending (Lanka, Lankan)."""
    return a == b or (min(len(a), len(b)) >= ALIKE_STEM and (a.startswith(b) or b.startswith(a)))


def _two_words_by_apostrophe(a: str, b: str, lexicon) -> bool:
    """a and b differ by an apostrophe and are both words as written, in lower case (we'll, well)."""
    return ("'" in a) != ("'" in b) and all(lexicon.is_word(form.lower()) for form in (a, b))


def _plain(form: str) -> str:
    return form.replace("\u2019", "'")


def _doubled(a: str, b: str) -> bool:
    """The longer ends in a doubled letter the shorter has once (Zelenskyy, Zelensky)."""
    longer = max(a, b, key=len)
    return len(a) != len(b) and longer[-1] == longer[-2]


# What the trace records (only when one is kept: doc.trace is not None).

def _counts(occurrences: list[Occurrence]) -> dict[str, int]:
    """How often each form is written, headings too, first written first."""
    return dict(Counter(o.text for o in occurrences))


def _trace_no_spelling(doc, index: int, word: str, title: bool, respelt: bool) -> None:
    """At a capitalised word the rule does not read as a spelling of a name: the step that said so."""
    step = (TITLE_BEFORE_NAME if title else PRONUNCIATION_GUIDE if respelt
            else ACRONYM if len(word) > 1 and is_capitalised(word) else None)
    if step is not None:
        start = doc.tokens[index].start
        doc.trace.decide(CODE, start, start + len(word), step.name, False)


def _trace_weighed(trace: Trace, evidence: NameEvidence, variant: Variant, slips: Slips) -> None:
    """At each occurrence of a spelling weighed against another: its forms and their counts, why it reads as a name,
    each pair's verdict step and score, and, for the less used spelling of a pair, the step that decided."""
    pairs = slips.weighed.get(variant.key, []) if slips.weighed is not None else []
    if not pairs and len(variant.votes) < 2 and variant.key not in slips.crowded:
        return
    for o in variant.occurrences(evidence):
        if not trace.wants(o.span.start, o.span.end):
            continue
        trace.note(CODE, o.span.start, o.span.end, variants=_counts(variant.occurrences(evidence)),
                   name_evidence=o.name_reason or "none (opens a sentence or heading)")
        for small, verdict in pairs:
            if small is variant:
                trace.note(CODE, o.span.start, o.span.end, weighed_against=verdict.big.majority,
                           slip_step=verdict.step, score=verdict.score)
            else:
                trace.note(CODE, o.span.start, o.span.end, less_used_spelling=small.majority, slip_step=verdict.step,
                           score=verdict.score)
        _trace_decided(trace, evidence, variant, slips, o)


def _trace_decided(trace: Trace, evidence: NameEvidence, variant: Variant, slips: Slips, o: Occurrence) -> None:
    """The step that decided whether the less used spelling of a pair is reported here."""
    start, end = o.span.start, o.span.end
    if variant.key in slips.crowded:
        trace.decide(CODE, start, end, FAMILY.name, False)
    best = slips.best.get(variant.key)
    if best is None:
        for small, verdict in slips.weighed.get(variant.key, []) if slips.weighed is not None else []:
            if small is variant:
                for step in verdict.overruled:
                    trace.decide(CODE, start, end, step, False, against=verdict.big.majority)
                trace.decide(CODE, start, end, verdict.step, False, against=verdict.big.majority)
        return
    forms = _counts(best.big.occurrences(evidence) + variant.occurrences(evidence))
    reported = best.step != SLIP_OF_A_SLIP.name
    for step in best.overruled if reported else ():
        trace.decide(CODE, start, end, step, True, variants=forms)
    trace.decide(CODE, start, end, best.step, reported, variants=forms, suggestion=best.big.majority)
