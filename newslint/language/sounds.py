"""Whether a word starts with a vowel sound, as "a" and "an" hear it: from the CMU Pronouncing Dictionary's list of
words whose first letter misleads (first_sounds.txt, built by scripts/build_first_sounds.py), the way initialisms are
read out, and the first letter otherwise."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from pathlib import Path

SOUNDS_FILE = Path(__file__).with_name("first_sounds.txt")
# Letters whose names start with a vowel sound: "an MP", "an SUV", "an X-ray", "an F-16".
VOWEL_LETTER_NAMES = frozenset("AEFILMNORSX")
# Letters that a word spelt with them may start with a vowel sound or not, when read as a word: "NATO", "NASA".
WORDLIKE_IF_VOWELS = frozenset("FLMNRSX")
# Words CMU lacks whose sound the spelling cannot tell: "an historic", "an hotel" (older British usage), "a/an herb".
UNCERTAIN = re.compile(r"h(?:ist|ot|ypo|abit|ero|ila|umble|erb)", re.IGNORECASE)
# Beginnings that mislead in words CMU lacks (derivations, compounds): "an honourably", "a unionised", "a euro-zone".
VOWEL_SOUND = re.compile(r"(?:hour|honest|honour|honor|heir)", re.IGNORECASE)
CONSONANT_SOUND = re.compile(r"(?:uni|use|usu|ura|uro|eu|ewe|one\b|once|ubiq|utop|uten|ufo)", re.IGNORECASE)


@cache
def _entries() -> list[str]:
    """The lines "word<TAB>sound" of first_sounds.txt, in its order: sorted by word, each word once
    (tests/test_first_sounds.py)."""
    return [line for line in SOUNDS_FILE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def listed() -> dict[str, str]:
    """word -> "vowel", "consonant" or "either", for the words in first_sounds.txt."""
    return dict(line.split("\t") for line in _entries())


def first_sound(word: str) -> str | None:
    """listed().get(word), found by bisection in the sorted list: making the dict took 6.7 million instructions,
    a run that asks about a few words needs none of it."""
    entries, key = _entries(), word + "\t"
    i = bisect_left(entries, key)
    return entries[i][len(key):] if i < len(entries) and entries[i].startswith(key) else None


def starts_with_vowel_sound(word: str) -> bool | None:
    """True or False, or None when newslint cannot tell: an h-word in flux, a word spelt with a u that CMU lacks, a
    name or brand whose first letter misleads (CMU's reading of it may not be its owner's: Uber), an acronym read as
    a word or spelt out."""
    part = word.split("-")[0]
    if not part[:1].isalpha() or (len(part) == 1 and part == word and part.isupper()):
        return None  # a capital alone is an initial as often as a letter: A N Other, A R Rahman
    sound = first_sound(part.lower())
    if part.isupper():
        return _initialism(part, sound)
    if sound == "either":
        return None
    if sound is not None:
        if part[0].isupper() and (sound == "vowel") != (part[0].lower() in "aeiou"):
            return _name(part, sound)
        return sound == "vowel"
    if part[0] in "uU" or UNCERTAIN.match(part):
        return None
    if VOWEL_SOUND.match(part):
        return True
    if CONSONANT_SOUND.match(part):
        return False
    return part[0].lower() in "aeiou"


def _name(part: str, sound: str) -> bool | None:
    """A capitalised word whose first letter misleads: CMU's reading only where a spelling pattern agrees (a European,
    an Honourable, a Union flag), since a name or brand may be said its owner's way (an Uber, an Uma Thurman film)."""
    pattern = True if VOWEL_SOUND.match(part) else False if CONSONANT_SOUND.match(part) else None
    return pattern if pattern == (sound == "vowel") else None


def _initialism(part: str, sound: str | None) -> bool | None:
    """A capital letter or a word in capitals: as CMU reads it if it lists it (AAA, "triple A"; US, either way), else
    letter by letter when it has no vowel to be read as a word by (NHS, an MP), else by what both readings share."""
    if sound is not None:
        return None if sound == "either" else sound == "vowel"
    first = part[0]
    if first == "H":
        return None  # "aitch" and "haitch": an HGV, a HGV
    if first in WORDLIKE_IF_VOWELS and len(part) > 1 and any(ch in "AEIOU" for ch in part):
        return None  # NASA, NATO: read as words; FBI, SNP-like initialisms with a vowel: spelt out
    return first in VOWEL_LETTER_NAMES
