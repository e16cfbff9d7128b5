"""Common words of other languages that the English lists lack (an aria's Italian, a Spanish aside, a Filipino
greeting), each with the languages that use it: built from wordfreq's lists by scripts/build_data.py."""

from __future__ import annotations

from functools import cache

from newslint import data
from newslint.language.ngrams import NgramTable


class OtherLanguages:
    """A word's languages as bits (bit i: the data build's OTHER_LANGUAGES[i]), looked up in place in lexicon.bin."""

    def __init__(self, names: tuple[str, ...], table: NgramTable):
        self.names = names
        self.table = table

    @classmethod
    @cache
    def load(cls) -> OtherLanguages:
        raw = data.open_data("lexicon")
        return cls(tuple(raw.values["other_languages"]),
                   NgramTable(raw.sections["other_languages.keys"], raw.sections["other_languages.counts"]))

    def of(self, word: str) -> int:
        """The bits of the languages whose common words include `word` (0: none)."""
        return self.table.get(word)

    def named(self, bits: int) -> str:
        """The languages of some bits, as their codes: "es, it"."""
        return ", ".join(name for i, name in enumerate(self.names) if bits >> i & 1)
