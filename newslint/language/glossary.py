"""The house glossary: canonical names with their known wrong variants, read from the team's names files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from newslint.engine.config import ConfigError
from newslint.language.word_lists import read_word_lines


@dataclass
class Glossary:
    canonical: list[str] = field(default_factory=list)
    variants: dict[str, str] = field(default_factory=dict)  # variant (exact) -> canonical
    _pattern: re.Pattern | None = None

    @classmethod
    def from_files(cls, paths: tuple[Path, ...]) -> Glossary:
        """The glossaries' entries ("Canonical = variant, variant", one a line), checked: an error names file:line."""
        glossary = cls()
        name_at: dict[str, str] = {}  # canonical name -> "file:line" of its first entry
        variant_at: dict[str, str] = {}  # variant -> "file:line" of the entry that gave it
        for path in paths:
            for number, entry in read_word_lines(path):
                where = f"{path}:{number}"
                name, _, rest = entry.partition("=")
                name = name.strip()
                if not name:
                    raise ConfigError(f"{where}: names: {entry!r} has no canonical name before '='")
                glossary.canonical.append(name)
                name_at.setdefault(name, where)
                for variant in (v.strip() for v in rest.split(",")):
                    if not variant or variant == name:
                        continue
                    if glossary.variants.get(variant, name) != name:
                        raise ConfigError(f"{where}: names: {variant!r} is already a variant of "
                                          f"{glossary.variants[variant]!r} ({variant_at[variant]})")
                    glossary.variants[variant] = name
                    variant_at.setdefault(variant, where)
        for name in glossary.canonical:
            # A canonical name that holds a variant would be flagged again after every --fix.
            if (hit := next(glossary.find(name), None)) is not None:
                _, _, variant, other = hit
                holds = "is itself" if variant == name else f"contains {variant!r},"
                raise ConfigError(f"{name_at[name]}: names: the canonical name {name!r} {holds} a variant of "
                                  f"{other!r} ({variant_at[variant]}), so --fix would never finish")
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
