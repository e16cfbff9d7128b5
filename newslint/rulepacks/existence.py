"""The existence kind: flags every match of its words or patterns."""

from __future__ import annotations

from typing import ClassVar

import regex

from newslint.rulepacks.base import PackRule, compiled_exceptions, compiled_patterns, matches, regex_flags


class Existence(PackRule):
    kind_doc = "flags every match of its words (tokens) or regular expressions (patterns)"
    keys = frozenset({"tokens", "patterns", "exceptions"})
    patterns: ClassVar[tuple[regex.Pattern, ...]] = ()
    exceptions: ClassVar[tuple[regex.Pattern, ...]] = ()

    @classmethod
    def configure(cls, table):
        return {"patterns": compiled_patterns(table, regex_flags(table)), "exceptions": compiled_exceptions(table, regex_flags(table))}

    def find(self, units):
        for _, m in matches(self.patterns, units, self.budget, self.exceptions):
            yield self.say(m)
