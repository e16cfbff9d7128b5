"""The substitution kind: flags a word or pattern and suggests its replacement."""

from __future__ import annotations

from typing import ClassVar

import regex

from newslint.document import text as textutil
from newslint.rulepacks.base import (
    PackError,
    PackRule,
    _check_replacement,
    compiled,
    compiled_exceptions,
    literal_pattern,
    matches,
    regex_flags,
    switch,
)


class Substitution(PackRule):
    kind_doc = "flags each key of its swap table and suggests the value"
    keys = frozenset({"swap", "regex", "pattern", "exceptions"})
    swaps: ClassVar[tuple[tuple[regex.Pattern, str], ...]] = ()
    is_regex: ClassVar[bool] = False
    exceptions: ClassVar[tuple[regex.Pattern, ...]] = ()

    @classmethod
    def configure(cls, table):
        swap = table.get("swap")
        if not isinstance(swap, dict) or not swap or not all(isinstance(v, str) for v in swap.values()):
            raise PackError("swap", "expected a table of \"bad\" = \"good\" strings")
        is_regex = switch(table, "regex")
        template = table.get("pattern", "{}")
        if "pattern" in table and not (is_regex and isinstance(template, str) and "{}" in template):
            raise PackError("pattern", "expected a regular expression with '{}' where each key goes (and regex = true)")
        flags = regex_flags(table)
        if is_regex:
            for bad in swap:
                compiled("swap", bad, flags)  # so that an error points into the key, not the template
        swaps = tuple(
            (compiled("pattern", template.replace("{}", f"(?:{bad})"), flags) if is_regex else literal_pattern(bad, flags),
             good)
            for bad, good in swap.items()
        )
        if is_regex:
            for (pattern, good), bad in zip(swaps, swap):
                _check_replacement(pattern, bad, good)
        return {"swaps": swaps, "is_regex": is_regex, "exceptions": compiled_exceptions(table, flags)}

    def find(self, units):
        for rank, m in matches([p for p, _ in self.swaps], units, self.budget, self.exceptions):
            good = self.swaps[rank][1]
            suggestion = m.expand(good) if self.is_regex else textutil.match_case(m.group(), good)
            if suggestion != m.group():
                yield self.say(m, suggestion)
