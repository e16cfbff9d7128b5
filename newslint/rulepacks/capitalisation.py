"""The capitalisation kind: flags a word written in the wrong case for its place."""

from __future__ import annotations

from typing import ClassVar

import regex

from newslint.document import text as textutil
from newslint.rulepacks.base import (
    PackError,
    PackRule,
    compiled_exceptions,
    excused,
    finditer_within_budget,
    literal_pattern,
    str_list,
)


class Capitalisation(PackRule):
    kind_doc = ("flags a word or phrase written in a case other than the one given (a capital first letter is "
                "fine where a sentence or headline starts)")
    keys = frozenset({"phrases", "exceptions"})
    phrases: ClassVar[tuple[tuple[regex.Pattern, str], ...]] = ()
    exceptions: ClassVar[tuple[regex.Pattern, ...]] = ()

    @classmethod
    def configure(cls, table):
        phrases = str_list(table, "phrases")
        if not phrases:
            raise PackError("phrases", "give at least one phrase in the case it must be written")
        return {"phrases": tuple((literal_pattern(p, regex.IGNORECASE), p) for p in phrases),
                "exceptions": compiled_exceptions(table, 0)}

    def find(self, units):
        for unit in units:
            starts = set(textutil.sentence_starts(unit.text[unit.start:unit.end], unit.start)) | {unit.start}
            for pattern, phrase in self.phrases:
                for m in finditer_within_budget(pattern, unit, self.budget):
                    found = m.group()
                    if found == phrase or found.isupper() and unit.text[unit.start:unit.end].isupper():
                        continue
                    if excused(m, unit, self.exceptions, self.budget):
                        continue
                    if found == phrase[:1].upper() + phrase[1:] and _starts_sentence(unit.text, m.start(), starts):
                        continue
                    yield self.say(m, phrase)


def _starts_sentence(text: str, at: int, starts: set[int]) -> bool:
    while at not in starts and at > 0 and text[at - 1] in textutil.OPENERS + " \u2014\u2013-*_#":
        at -= 1
    return at in starts or (at > 0 and text[at - 1] in ":\n")
