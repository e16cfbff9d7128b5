"""The consistency kind: flags the less used of two forms a story mixes."""

from __future__ import annotations

from typing import ClassVar

import regex

from newslint.rulepacks.base import (
    PackError,
    PackRule,
    compiled,
    finditer_within_budget,
    literal_pattern,
    regex_flags,
    switch,
)


class Consistency(PackRule):
    kind_doc = ("flags the less used of two forms when both appear in one story (a tie keeps the form that "
                "came first)")
    keys = frozenset({"either", "regex"})
    pairs: ClassVar[tuple[tuple[regex.Pattern, regex.Pattern], ...]] = ()

    @classmethod
    def configure(cls, table):
        either = table.get("either")
        if not isinstance(either, list) or not either or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) and s for s in p) for p in either
        ):
            raise PackError("either", "expected a list of pairs of forms, e.g. [[\"e-mail\", \"email\"]]")
        flags, is_regex = regex_flags(table), switch(table, "regex")
        make = (lambda s: compiled("either", s, flags)) if is_regex else (lambda s: literal_pattern(s, flags))
        return {"pairs": tuple((make(a), make(b)) for a, b in either)}

    def find(self, units):
        for pair in self.pairs:
            a, b = ([m for unit in units for m in finditer_within_budget(p, unit, self.budget)] for p in pair)
            if not a or not b:
                continue
            keep, drop = (a, b) if (len(a), -a[0].start()) >= (len(b), -b[0].start()) else (b, a)
            for m in drop:
                yield self.say(m, keep[0].group())
