"""The house's rejected words and phrases, read from the team's reject lists, checked, and found in text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from newslint.engine.config import ConfigError
from newslint.language.word_lists import read_word_lines


class Rejected(NamedTuple):
    """One entry: the rejected word or phrase as written (one space between its words) and its replacement."""

    words: str
    good: str | None
    where: str  # "file:line", for messages


class RejectList:
    """Entries are matched as whole words in any letter case, a run of whitespace between a phrase's words. The
    regular expression holds each entry as written in a group of its own, so a match names its entry: looking a
    match up by its lower-case text would miss where case mapping does not go both ways (ſ matches s; İ matches i,
    but lower-cases to two characters)."""

    def __init__(self, entries: list[Rejected]):
        self.entries = sorted(entries, key=lambda entry: len(entry.words), reverse=True)  # longest first
        alternatives = "|".join("(" + r"\s+".join(map(re.escape, entry.words.split())) + ")" for entry in self.entries)
        self.pattern = re.compile(rf"(?<![\w'-])(?:{alternatives})(?![\w-])", re.IGNORECASE) if entries else None

    @classmethod
    def from_files(cls, paths: tuple[Path, ...]) -> RejectList:
        """The entries of the lists ("bad" or "bad = good", one a line), checked: an error names file:line."""
        entries: dict[str, tuple[Rejected, str]] = {}  # words in a canonical form -> entry, line as written
        for path in paths:
            for number, line in read_word_lines(path):
                bad, _, good = line.partition("=")
                entry = Rejected(" ".join(bad.split()), good.strip() or None, f"{path}:{number}")
                if not entry.words:
                    raise ConfigError(f"{entry.where}: reject: {line!r} has nothing before '='")
                key = entry.words.casefold()
                if key in entries and entries[key][0].good != entry.good:
                    raise ConfigError(f"{entry.where}: reject: {line!r}: {entry.words!r} is already rejected with "
                                      f"another replacement at {entries[key][0].where}")
                entries.setdefault(key, (entry, line))
        found = cls([entry for entry, _ in entries.values()])
        for entry, line in entries.values():
            # A replacement that is itself flagged would be replaced again on every --fix pass.
            if entry.good is not None and (hit := next(found.find(entry.good), None)) is not None:
                start, end, other = hit
                by = "this line" if other is entry else other.where
                raise ConfigError(f"{entry.where}: reject: {line!r}: the replacement contains "
                                  f"{entry.good[start:end]!r}, rejected by {by}, so --fix would never finish")
        return found

    def __bool__(self) -> bool:
        return bool(self.entries)

    def find(self, text: str) -> Iterator[tuple[int, int, Rejected]]:
        """(start, end, entry) for each rejected word or phrase in text."""
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            yield m.start(), m.end(), self.entries[m.lastindex - 1]  # type: ignore[operator]
