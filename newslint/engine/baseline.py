"""Baselines: known diagnostics, matched by file, rule and content (not line), so only new ones are reported."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NamedTuple

from newslint.engine.config import ConfigError
from newslint.engine.report import Located, occurrences

VERSION = 1
# About 200 bytes an entry: some 300,000 known problems. Reading one takes about five times its size in memory
# (a 12 MB baseline of 60,000 entries: 60 MB peak, 0.16 s; measured 2026-12-05, issue 15).
MAX_BASELINE_BYTES = 64 * 1024 * 1024


class Entry(NamedTuple):
    path: str  # relative to the baseline file's folder, with forward slashes
    code: str
    fingerprint: str
    occurrence: int  # among the file's diagnostics with the same code and fingerprint, in text order
    message: str  # for people reading the file; not matched


def _entry(number: int, item: dict) -> Entry:
    """One recorded diagnostic, its fields of the types written (sorting mixed types would fail in save)."""
    entry = Entry(**{key: item[key] for key in Entry._fields})
    for key, value in entry._asdict().items():
        if not isinstance(value, int if key == "occurrence" else str) or isinstance(value, bool):
            kind = "a whole number" if key == "occurrence" else "text"
            raise TypeError(f"diagnostics[{number}].{key} is {json.dumps(value)}, not {kind}")
    return entry


class Baseline:
    """A baseline file's entries; ``record`` replaces a file's entries, ``known`` filters a file's items."""

    def __init__(self, path: Path, entries: list[Entry] | None = None):
        self.path = path
        self.root = path.resolve().parent
        self.entries: dict[str, dict[tuple[str, str, int], Entry]] = {}
        for entry in entries or ():
            self.entries.setdefault(entry.path, {})[entry[1:4]] = entry

    @classmethod
    def load(cls, path: Path, missing_ok: bool = False) -> Baseline:
        from newslint.document.source import InputError, read_regular_file

        try:
            data = json.loads(read_regular_file(path, str(path), MAX_BASELINE_BYTES, "a baseline").decode("utf-8"))
            entries = [_entry(n, item) for n, item in enumerate(data["diagnostics"])]
        except FileNotFoundError:
            if missing_ok:
                return cls(path)
            raise ConfigError(f"{path}: no such baseline; create it with --write-baseline") from None
        except InputError as exc:
            raise ConfigError(str(exc)) from None
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read baseline ({exc.strerror or exc})") from None
        except RecursionError:  # the json module reads an array inside another by recursion
            raise ConfigError(f"{path}: not a newslint baseline (arrays or objects nested too deeply)") from None
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path}: not a newslint baseline ({type(exc).__name__}: {exc})") from None
        return cls(path, entries)

    def relative(self, shown: str) -> str:
        if shown == "-" or not shown:
            return shown
        try:
            return Path(os.path.relpath(os.path.abspath(shown), self.root)).as_posix()
        except ValueError:  # another drive
            return Path(shown).as_posix()

    def entries_for(self, items: list[Located]) -> list[Entry]:
        return [Entry(self.relative(item.path), item.diagnostic.code, item.fingerprint, n, item.diagnostic.message)
                for item, n in zip(items, occurrences(items))]

    def record(self, shown: str, items: list[Located]) -> None:
        """Make the file's entries exactly its current diagnostics."""
        self.entries[self.relative(shown)] = {e[1:4]: e for e in self.entries_for(items)}

    def new(self, items: list[Located]) -> list[Located]:
        """The items of one file that the baseline does not know."""
        return [item for item, entry in zip(items, self.entries_for(items))
                if entry[1:4] not in self.entries.get(entry.path, {})]

    def save(self) -> int:
        """Write the file (sorted, so it diffs well); returns the number of entries."""
        entries = sorted(e for per_file in self.entries.values() for e in per_file.values())
        data = {"version": VERSION, "tool": "newslint", "diagnostics": [e._asdict() for e in entries]}
        try:
            self.path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"{self.path}: cannot write baseline ({exc.strerror or exc})") from None
        return len(entries)
