"""Word tokens and sentence boundaries over a paragraph of prose."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import repeat
from typing import NamedTuple, overload

from newslint.document.patterns import LazyPattern
from newslint.wordlists import words

# Letters joined by inner hyphens or apostrophes: "Jong-un", "it's", "Pyongyang’s"; each letter with any combining
# marks typed after it (Yoruba and Vietnamese names often are: o, U+0323 dot below, U+0301 acute), which are no letters
# to \w and cut such a name in two.
COMBINING_MARK = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
# Numbers that are no decimal digits are word characters to \w all the same: fractions (½), superscripts (²),
# Roman numerals (Ⅻ), circled numbers (①). They are numbers, not letters.
NUMBER_SIGNS = ("\u00b2\u00b3\u00b9\u00bc-\u00be\u2070\u2074-\u2079\u2080-\u2089\u2150-\u2189"
                "\u2460-\u249b\u24ea-\u24ff\u2776-\u2793")
# The letters of such a part: a run of letters, then any runs of marks each with the letters after it. The same
# strings as (?:[^\W\d_]{COMBINING_MARK}*)+ (less NUMBER_SIGNS), each letter with its marks, matched with
# possessive quantifiers (nothing after a word needs them given back): some 40% faster, and read at every word of
# every story.
_LETTER = rf"[^\W\d_{NUMBER_SIGNS}]"
_LETTERS = rf"{_LETTER}++(?:{COMBINING_MARK}++{_LETTER}*+)*+"
WORD_RE = re.compile(rf"{_LETTERS}(?:[-'\u2019]{_LETTERS})*+")
# Up to U+024F (Latin-1, Latin Extended-A and -B) every letter is a Latin one but the micro sign; General Punctuation
# (U+2000-U+206F: curly apostrophes, dashes) holds no letter. A word of these alone needs no look at Unicode scripts.
NEAR_LATIN_RE = LazyPattern("[\x00-\u024f\u2000-\u206f]*")
MICRO_SIGN = "\u00b5"  # a letter of the Common script, not the Latin
APOSTROPHES = "'\u2019"
OPENERS = "\"'\u2018\u201c([{"
CLOSING_QUOTES = "\"'\u2019\u201d"
CLOSERS = CLOSING_QUOTES + ")]}"
ABBREVIATIONS = words("abbreviations")  # Mr., Gen., Jan.: a full stop that ends no sentence
TITLES = words("titles")  # President, Mr: a capitalised word after one is a name
# Lower-case words inside names: Ursula von der Leyen, Ariadne auf Naxos, Abdullah bin Zayed.
NAME_PARTICLES = words("name-particles")


class Token(NamedTuple):
    """A word of prose at its offset. Its end is not stored: a 10 MB story holds up to five million tokens, and each
    stored field costs some 40 bytes a token."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def abbreviated(prose: str, word: str, end: int) -> bool:
    """An abbreviation of the word list's written with its full stop, which stands at `end` (Gen., Rd.)."""
    return word.lower() in ABBREVIATIONS and prose[end:end + 1] == "."


def stuck_to_digits(prose: str, token: Token) -> bool:
    """True for letters written against a number: 5km, 1990s, 5th, Hwasong-15."""
    start, end = token.start, token.start + len(token.text)
    return (start > 0 and prose[start - 1].isdigit()) or prose[end:end + 1].isdigit()


_tuple = tuple.__new__


class Tokens(Sequence[Token]):
    """A document's words in order: their offsets in an array and their texts in a list, made Token tuples when read.
    A list of Token tuples takes some 100 bytes a word, this takes 16, and a 10 MB draft may hold five million."""

    __slots__ = ("starts", "texts")

    def __init__(self, starts: array | None = None, texts: list[str] | None = None):
        self.starts = array("q") if starts is None else starts
        self.texts = [] if texts is None else texts

    def add_words(self, text: str, start: int, end: int, spellings: dict[str, str]) -> None:
        """Add the words of text[start:end]; the tokens of one spelling share one string."""
        starts, texts = self.starts, self.texts
        for m in WORD_RE.finditer(text, start, end):
            starts.append(m.start())
            texts.append(spellings.setdefault(word := m.group(), word))

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> Tokens: ...

    def __getitem__(self, index: int | slice) -> Token | Tokens:
        if isinstance(index, slice):
            return Tokens(self.starts[index], self.texts[index])
        return _tuple(Token, (self.starts[index], self.texts[index]))

    def __iter__(self) -> Iterator[Token]:
        return map(_tuple, repeat(Token), zip(self.starts, self.texts))


# A boundary starts where a run of marks starts and gives nothing back: a long run of dots with no space after it is
# read once, not once from each of its dots. The pattern opens with a mark, and the look back that makes it the run's
# first comes after it: so the regex engine skips to the next mark, where a look back first was tried at every
# character (the same matches, a third of the time: read at every paragraph of every story).
_BOUNDARY_RE = re.compile(r"[.!?](?<![.!?].)[.!?]*+[" + re.escape(CLOSERS) + r"]*+\s+")
_DOTTED_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?$")


def sentence_starts(text: str, offset: int = 0) -> list[int]:
    """Offsets where sentences begin: the paragraph start, then after . ! ? (and closing quotes) followed
    by space and a capital, digit or opening quote; never after an abbreviation, initial or inside a decimal."""
    starts = []
    first = len(text) - len(text.lstrip())
    if first < len(text):
        starts.append(first + offset)
    for m in _BOUNDARY_RE.finditer(text):
        nxt = text[m.end():m.end() + 1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in OPENERS):
            continue
        punct = m.group().rstrip().rstrip(CLOSERS)
        if punct == ".":
            last = _word_before(text, m.start()).lstrip(OPENERS)
            if (last.rpartition("-")[2].lower() in ABBREVIATIONS  # the ex-Mrs. Arvey
                    or _DOTTED_RE.match(last + ".") or (len(last) == 1 and last.isalpha())):
                continue
        starts.append(m.end() + offset)
    return starts


def _word_before(text: str, end: int) -> str:
    """The last whitespace-separated word of text[:end] ("" if none), read backwards from end: splitting the whole
    prefix at every full stop of a long paragraph would take time quadratic in its length."""
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    begin = stop
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:stop]


def plain_word(word: str) -> str:
    """Lower case with straight apostrophes: the form word lists and models use."""
    return word.lower().replace("\u2019", "'")


def house_apostrophe(suggestion: str, written: str, text: str) -> str:
    """A suggestion with the apostrophe the copy uses: curly when the word written or the story has one."""
    if "'" in suggestion and ("\u2019" in written or ("'" not in written and "\u2019" in text)):
        return suggestion.replace("'", "\u2019")
    return suggestion


def match_case(template: str, word: str) -> str:
    """word with template's casing: 'Teh' -> 'The', 'TEH' -> 'THE'."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def in_other_script(word: str) -> bool:
    """True for a word with letters outside the Latin alphabet (a quoted slogan, a place in Cyrillic): English word
    lists have nothing to say about it."""
    if word.isascii():
        return False
    if NEAR_LATIN_RE.fullmatch(word):
        return MICRO_SIGN in word
    return other_script_re().search(word) is not None


@cache
def other_script_re():
    """A letter of Chinese, Cyrillic, Greek, Arabic...: the regex module (10 ms to import) only for such a word."""
    import regex

    return regex.compile(r"(?V1)[\p{L}--\p{Latin}]")
