"""The occurrence kind: counts matches in each scope unit and flags too many or too few."""

from __future__ import annotations

from typing import ClassVar

import regex

from newslint.rulepacks.base import PackError, PackRule, compiled_exceptions, compiled_patterns, matches, regex_flags


class Occurrence(PackRule):
    kind_doc = "counts matches of its tokens or patterns in each scope unit and flags more than max or fewer than min"
    keys = frozenset({"tokens", "patterns", "exceptions", "max", "min"})
    patterns: ClassVar[tuple[regex.Pattern, ...]] = ()
    exceptions: ClassVar[tuple[regex.Pattern, ...]] = ()
    low: ClassVar[int | None] = None
    high: ClassVar[int | None] = None

    @classmethod
    def configure(cls, table):
        bounds = {k: table.get(k) for k in ("min", "max")}
        for key, value in bounds.items():
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                raise PackError(key, "expected a whole number, 0 or more")
        if bounds["min"] is None and bounds["max"] is None:
            raise PackError("max", "give 'max', 'min' or both")
        return {"patterns": compiled_patterns(table, regex_flags(table)), "exceptions": compiled_exceptions(table, regex_flags(table)),
                "low": bounds["min"], "high": bounds["max"]}

    def find(self, units):
        for unit in units:
            hits = [m for _, m in matches(self.patterns, [unit], self.budget, self.exceptions)]
            if self.high is not None and len(hits) > self.high:
                yield self.say(hits[self.high], count=len(hits), max=self.high, min=self.low)
            if self.low is not None and len(hits) < self.low:
                yield self.say((unit.start, unit.start, ""), count=len(hits), max=self.high, min=self.low)
