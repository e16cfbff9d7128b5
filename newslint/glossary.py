"""The house glossary: canonical names with their known wrong variants, read from the team's names files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from newslint.config import ConfigError
from newslint.resources import read_word_file


@dataclass
class Glossary:
    canonical: list[str] = field(default_factory=list)
    variants: dict[str, str] = field(default_factory=dict)  # variant (exact) -> canonical
    _pattern: re.Pattern | None = None

    @classmethod
    def from_files(cls, paths: tuple[Path, ...]) -> Glossary:
        glossary = cls()
        for path in paths:
            for number, entry in enumerate(read_word_file(path), 1):
                name, _, rest = entry.partition("=")
                name = name.strip()
                if not name:
                    raise ConfigError(f"{path}: entry {number}: {entry!r} has no canonical name before '='")
                glossary.canonical.append(name)
                for variant in (v.strip() for v in rest.split(",")):
                    if variant and variant != name:
                        glossary.variants[variant] = name
        return glossary

    @property
    def words(self) -> set[str]:
        """Every word of every canonical name: accepted by the spelling rules."""
        return {w for name in self.canonical for w in re.split(r"[\s]+", name) if w}

    def find(self, text: str):
        """(start, end, variant, canonical) for each known variant in text, longest first at each place."""
        if not self.variants:
            return
        if self._pattern is None:
            alternatives = sorted(self.variants, key=len, reverse=True)
            self._pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(v) for v in alternatives) + r")(?![\w-])")
        for m in self._pattern.finditer(text):
            yield m.start(), m.end(), m.group(), self.variants[m.group()]
