"""Configuration: [tool.newslint] in pyproject.toml, or newslint.toml / .newslint.toml, found walking up.

Where each setting comes from, later over earlier: the defaults; the files a configuration extends
(``extend = "../newslint.toml"``, a newslint.toml, .newslint.toml or pyproject.toml, relative to the file that
names it; an extended file may extend another, and a cycle is an error); the configuration file itself; the
command line (``Config.override``).

A file is merged over the one it extends as ruff merges them: a plain key or a list replaces the parent's value
(``select``, ``dialect``, ``packs``, ``words``, ...); rule selection is layered: ``ignore`` and ``extend-select``
add to the parent's, unless the file sets ``select``, which starts the selection afresh (the parent's ``ignore``
and ``extend-select`` no longer apply); ``extend-exclude`` adds to the parent's; ``exclude`` replaces the parent's ``exclude`` (or the default excludes) and keeps what the
parent's ``extend-exclude`` added; the tables ``[severity]`` and ``[per-file-ignores]`` merge key by key, the
child's value winning where both set a key. Every path stays relative to the file that wrote it: word lists,
pack folders, exclude patterns and per-file-ignores globs. ``Config.origins`` remembers which file (or
command-line option) wrote each setting and each item of a list, for error messages and ``settings_text``.

Rule codes may be written in any letter case; they are kept in upper case. Whether each names a known rule is
checked once the enabled rules are known (``registry.check_codes``), naming the file, line and key (or the
option) that wrote it, and the code meant when a rule's name was written instead. Values that name one of a
few choices may also be written in any letter case: ``dialect = "en-gb"`` is en-GB, ``fail-on = "Error"`` error.

Exclude patterns and per-file-ignores globs are .gitignore patterns (read with the pathspec library), relative
to the folder of the config file that wrote them (the default excludes: to the configuration's own folder):
``archive/`` is any folder named archive, ``/archive/`` only the one beside the config file, ``wires/*.txt`` the
text files directly inside wires/ beside it, ``**/old/*.md`` Markdown in any folder named old; ``*`` does not
cross ``/``, and ``!keep.md`` takes back what an earlier pattern matched. A pattern that matches a folder covers
everything in it. For a path outside the pattern's folder only a pattern without an inner slash applies, to the
path's name.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from newslint.document.patterns import LazyPattern

CONFIG_FILES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
AUTO = "auto"  # no standard configured: the story decides (see NL302)
DIALECTS = (AUTO, "en-US", "en-GB", "en-GB-oxendict", "en-AU")
SEVERITIES = ("error", "warning", "info")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", "build", "dist")
KEYS = ("extend", "dialect", "select", "extend-select", "ignore", "severity", "per-file-ignores", "exclude",
        "extend-exclude", "respect-gitignore", "force-exclude", "fail-on", "words", "reject", "names", "packs")
CODE_SETTINGS = ("select", "extend_select", "ignore")
CODE_RE = LazyPattern(r"[A-Z][A-Z0-9]*")
RULE_NAME_RE = LazyPattern(r"[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z][A-Za-z0-9]*)+")  # repeated-word: a word a code never is
# The command-line option behind each setting Config.override takes.
OPTIONS = {"select": "--select", "extend_select": "--extend-select", "ignore": "--ignore", "dialect": "--dialect",
           "respect_gitignore": "--no-respect-gitignore", "force_exclude": "--force-exclude", "fail_on": "--fail-on"}
PLAIN_NAME_RE = re.compile(r"[^*?\[\]\\/!#\s]+")  # a pattern that is just a name (or name/): no pathspec needed
# A newsroom's configuration and a pack file are a few KB (the largest shipped pack file: 8 KB); a larger file
# is not a configuration, and reading it whole could take all memory (/dev/zero).
MAX_CONFIG_BYTES = 1024 * 1024
TOO_DEEP = 100  # brackets inside one another: where a file nested too deeply to read is said to go wrong


class ConfigError(Exception):
    """Invalid configuration; the message names the file (and line) and the key."""


class Origin(NamedTuple):  # a NamedTuple, as Pattern: cheaper to define than a dataclass, and start-up counts
    """Where a setting was written: a key in a configuration file, or a command-line option (no file)."""

    key: str = ""  # as written: "select", "tool.newslint.severity", "--select"; "" for a default
    file: Path | None = None

    def __str__(self) -> str:
        if self.file is not None:
            return f"from {self.file}"
        return self.key or "default"

    @property
    def short_key(self) -> str:
        return self.key.removeprefix("tool.newslint.")

    def error(self, problem: str, item: str = "") -> ConfigError:
        """'file:line: key: problem' (key.item for one entry of a table), or '--option: problem'."""
        if self.file is None:
            return ConfigError(f"{self.key}: {problem}" if self.key else problem)
        return _fail(self.file, f"{self.key}.{item}" if item else self.key, problem)


DEFAULT = Origin()


class Written(NamedTuple):
    """One origin's share of a setting: `count` consecutive items of a list or table (1 for a plain value)."""

    origin: Origin
    count: int


class ConfigFields(NamedTuple):
    """The settings of a Config, in order."""

    select: tuple[str, ...] = ()  # empty: every rule enabled by default
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    dialect: str = AUTO
    severity: tuple[tuple[str, str], ...] = ()
    words: tuple[Path, ...] = ()  # files of accepted words and names, one per line
    reject: tuple[Path, ...] = ()  # files of words always flagged, one per line (optionally "bad = good")
    names: tuple[Path, ...] = ()  # house glossary: "Canonical = variant, variant"
    packs: tuple[str, ...] = ()  # rule packs to enable: a shipped pack's name, or a folder's absolute path
    respect_gitignore: bool = True  # inside a git work tree, leave out what git ignores
    force_exclude: bool = False  # apply the exclude patterns to paths named on the command line too
    fail_on: str = "warning"  # the lowest severity that makes the exit code 1
    explain: bool = False  # --explain: heuristic rules keep their evidence for the JSON formats (command line only)
    path: Path | None = None  # the file this came from
    root: Path | None = None  # its folder (Config makes None the current folder)
    chain: tuple[Path, ...] = ()  # the configuration files read, each extended by the next; path is the last
    origins: tuple[tuple[str, tuple[Written, ...]], ...] = ()  # setting -> who wrote its items (none: defaults)


class Config(ConfigFields):
    def __new__(cls, *args: Any, **kwargs: Any) -> Config:
        config = super().__new__(cls, *args, **kwargs)
        return config if config.root is not None else config._replace(root=Path.cwd())

    def override(self, **changes: Any) -> Config:
        """Command-line settings over this file's: ignore and extend-select add to the configured codes, the
        rest replace the configured values. None means not given."""
        values: dict[str, Any] = {}
        origins = dict(self.origins)
        for key, value in changes.items():
            if value is None:
                continue
            where = Origin(OPTIONS.get(key, "--" + key.replace("_", "-")))
            if key in CODE_SETTINGS:
                value = tuple(kept_code(str(code)) for code in value)
            count = len(value) if isinstance(value, tuple) else 1
            if key in ("ignore", "extend_select"):
                values[key] = getattr(self, key) + value
                origins[key] = _added(self.written(key), Written(where, count))
            else:
                values[key] = value
                origins[key] = (Written(where, count),)
        return self._replace(**values, origins=tuple(origins.items())) if values else self

    def written(self, setting: str) -> tuple[Written, ...]:
        """Who wrote a setting's items, in order."""
        for name, runs in self.origins:
            if name == setting:
                return runs
        value = getattr(self, setting)
        return (Written(DEFAULT, len(value) if isinstance(value, tuple) else 1),)

    def item_origins(self, setting: str) -> tuple[Origin, ...]:
        """The origin of each item of a list or table setting, in order."""
        return tuple(run.origin for run in self.written(setting) for _ in range(run.count))

    def setting_origins(self, setting: str) -> tuple[Origin, ...]:
        """Every origin that wrote a part of a setting, each once."""
        return tuple(dict.fromkeys(run.origin for run in self.written(setting)))

    def severity_for(self, code: str) -> str | None:
        best: tuple[int, str] | None = None
        for prefix, level in self.severity:
            length = 0 if prefix == "ALL" else len(prefix)
            if (length == 0 or code.startswith(prefix)) and (best is None or length > best[0]):
                best = (length, level)
        return best[1] if best else None

    def folder_of(self, origin: Origin) -> str:
        """The folder a pattern is relative to: its config file's, or this configuration's for a default."""
        return str((origin.file.parent if origin.file else self.root).resolve())

    @cached_property
    def exclude_patterns(self) -> Patterns:
        folders: dict[Origin, str] = {}
        return Patterns(Pattern(text, folders.setdefault(origin, self.folder_of(origin)), origin)
                        for text, origin in zip(self.exclude, self.item_origins("exclude")))

    @cached_property
    def per_file_patterns(self) -> tuple[tuple[Patterns, tuple[str, ...]], ...]:
        return tuple((Patterns([Pattern(glob, self.folder_of(origin), origin)]), codes)
                     for (glob, codes), origin in zip(self.per_file_ignores, self.item_origins("per_file_ignores")))

    @cached_property
    def _real_folders(self) -> dict[str, str]:
        return {}  # absolute folder -> links resolved: one lookup per folder, not per file

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Codes ignored for one file by per-file-ignores (a glob matching the file or one of its folders)."""
        if not self.per_file_ignores:
            return ()
        full = absolute(path, self._real_folders)
        return tuple(code for patterns, codes in self.per_file_patterns
                     if patterns.excludes(full, is_dir=False, with_parents=True) for code in codes)

    def is_excluded(self, path: str | Path, is_dir: bool = False) -> bool:
        """Whether the exclude patterns match a path named on the command line, or one of its folders."""
        return self.exclude_patterns.excludes(absolute(str(path)), is_dir, with_parents=True)


class Pattern(NamedTuple):
    """A .gitignore pattern and the folder it is relative to: that of the config file that wrote it."""

    text: str
    folder: str  # absolute, links resolved
    origin: Origin = DEFAULT

    @property
    def anywhere(self) -> bool:
        """No slash but a trailing one: the pattern matches a name at any depth (and outside its folder)."""
        return "/" not in self.text.rstrip("/")


class Patterns:
    """.gitignore patterns in order: the last one that matches a path decides, and a '!' pattern takes back what an
    earlier one matched. A path is matched by itself, not through its folders (``excludes`` looks at those), so a
    walk that skips an excluded folder behaves as git does. pathspec is imported only for patterns that are more
    than a plain name."""

    def __init__(self, patterns: Iterable[Pattern], skip_invalid: bool = False):
        self.patterns = tuple(patterns)
        self.skip_invalid = skip_invalid  # as git does with a .gitignore line it cannot read
        plain = all(PLAIN_NAME_RE.fullmatch(p.text.removesuffix("/")) for p in self.patterns)
        self._names = frozenset(p.text for p in self.patterns if not p.text.endswith("/")) if plain else None
        self._folder_names = frozenset(p.text[:-1] for p in self.patterns if p.text.endswith("/"))  # "archive/"
        self._compiled: list[tuple[str, re.Pattern[str], bool, bool]] | None = None

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def _compile(self) -> list[tuple[str, re.Pattern[str], bool, bool]]:
        """(folder, regex, include, anywhere) per pattern; a pattern pathspec cannot read is a ConfigError."""
        from pathspec import GitIgnoreSpec

        compiled = []
        for p in self.patterns:
            try:
                found = GitIgnoreSpec.from_lines([p.text]).patterns
            except (ValueError, re.error) as exc:  # pathspec's GitIgnorePatternError; a bad [z-a] range
                if self.skip_invalid:
                    continue
                raise p.origin.error(f"{p.text!r} is not a valid pattern ({exc})") from None
            compiled.extend((p.folder, c.regex, bool(c.include), p.anywhere) for c in found if c.include is not None)
        return compiled

    def decide(self, path: str, is_dir: bool) -> bool | None:
        """True: a pattern matches the path; False: a '!' pattern takes it back; None: no pattern matches it.
        path is absolute, its folders' links resolved."""
        if self._names is not None:
            name = os.path.basename(path)
            return True if name in self._names or (is_dir and name in self._folder_names) else None
        if self._compiled is None:
            self._compiled = self._compile()
        for folder, regex, include, anywhere in reversed(self._compiled):
            relative = below(path, folder)
            if relative is None:
                if not anywhere:
                    continue
                relative = os.path.basename(path)
            if _matches_itself(regex, relative + "/" if is_dir else relative):
                return include
        return None

    def excludes(self, path: str, is_dir: bool, with_parents: bool = False) -> bool:
        """Whether the patterns match the path; with_parents, also when they match one of its folders below the
        patterns' own folders (as git would never look inside an ignored folder)."""
        if with_parents:
            tops = [p.folder for p in self.patterns if below(path, p.folder) is not None]
            if tops:
                top, parents, folder = min(tops, key=len), [], os.path.dirname(path)
                while below(folder, top) is not None:
                    parents.append(folder)
                    folder = os.path.dirname(folder)
                if any(self.decide(parent, True) for parent in reversed(parents)):
                    return True
        return bool(self.decide(path, is_dir))


def _matches_itself(regex: re.Pattern[str], relative: str) -> bool:
    """A pathspec regex also matches what lies inside a matching folder ('archive/old.txt' for 'archive'):
    its ps_d group marks the folder's slash. Only a match that ends at the path's end is the path itself."""
    found = regex.match(relative)
    if found is None or found.end() != len(relative):
        return False
    return "ps_d" not in regex.groupindex or found.group("ps_d") is None or found.end("ps_d") == len(relative)


def below(path: str, folder: str) -> str | None:
    """path relative to folder, with forward slashes, if it lies inside it."""
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    if not path.startswith(prefix) or len(path) == len(prefix):
        return None
    relative = path[len(prefix):]
    return relative if os.sep == "/" else relative.replace(os.sep, "/")


def absolute(path: str, folders: dict[str, str] | None = None) -> str:
    """An absolute path with its folders' links resolved but not its own, as a folder walk sees it; folders
    remembers the resolved folders."""
    head, name = os.path.split(path.rstrip("/" + os.sep) or path)
    if name in ("", ".", ".."):
        return os.path.realpath(path)
    if folders is None:
        return os.path.join(os.path.realpath(head or "."), name)
    folder = os.path.abspath(head or ".")  # not head: the same relative name means another folder after a chdir
    if folder not in folders:
        folders[folder] = os.path.realpath(folder)
    return os.path.join(folders[folder], name)


def _key_location(path: Path, keys: tuple[str, ...]) -> str:
    """'file:line' of the first line that sets one of keys (in pyproject.toml, only inside [tool.newslint...]
    tables), or just the file."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")  # as TOML counts lines: U+2028 ends none
    except (OSError, UnicodeDecodeError):
        return str(path)
    ours = path.name != "pyproject.toml"
    inside = [ours]
    for line in lines:
        if re.match(r"\s*\[", line):
            ours = path.name != "pyproject.toml" or re.match(r"\s*\[\s*tool\.newslint\b", line) is not None
        inside.append(ours)
    for key in keys:
        # key = ..., key.sub = ..., or a table's header: [key], [tool.newslint.key]; codes in any letter case
        pattern = re.compile(rf"^\s*(?:\[\s*(?:tool\.newslint\.)?)?[\"']?{re.escape(key)}[\"']?\s*[=.\]]", re.IGNORECASE)
        for number, line in enumerate(lines, 1):
            if inside[number] and pattern.match(line):
                return f"{path}:{number}"
    return str(path)


def _fail(path: Path, key: str, problem: str) -> ConfigError:
    """'file:line: key: problem'; key is the dotted name shown, its first part a top-level key (sub-keys such as
    a per-file-ignores glob may hold dots of their own)."""
    top, _, sub = key.removeprefix("tool.newslint.").partition(".")
    return ConfigError(f"{_key_location(path, (sub, top) if sub else (top,))}: {key}: {problem}")


def _folded(word: str) -> str:
    """A key or value as compared: lower case, '_' read as '-' (SELECT, Fail_On: select, fail-on)."""
    return word.lower().replace("_", "-")


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """' (did you mean X?)' for the known word nearest to word, compared in any letter case and with '_' as '-',
    or ''."""
    import difflib

    by_folded = {_folded(option): option for option in known}
    nearest = difflib.get_close_matches(_folded(word), list(by_folded), n=1)
    return f" (did you mean {by_folded[nearest[0]]}?)" if nearest else ""


def canonical_dialect(value: str) -> str | None:
    """The dialect value names, in its canonical spelling (en-gb, EN_GB: en-GB; Auto: auto), or None when it names
    none. Language tags are case-insensitive (BCP 47), and '_' is the POSIX locale's spelling of '-'."""
    return next((dialect for dialect in DIALECTS if _folded(dialect) == _folded(value)), None)


def canonical_severity(value: str) -> str | None:
    """The severity value names (Error, WARNING: error, warning), or None; 'off' is no severity here."""
    return value.lower() if value.lower() in SEVERITIES else None


def _strings(path: Path, key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, key, "expected a list of strings")
    return tuple(value)


def kept_code(written: str) -> str:
    """A code or prefix as kept: in upper case. Other text that could be a rule's name (repeated-word) is kept as
    written, so that the registry, which knows the names, can say which rule's code was meant."""
    return written.upper() if CODE_RE.fullmatch(written.upper()) else written


def _code_list(path: Path, key: str, value: object) -> tuple[str, ...]:
    """Codes or prefixes in any letter case, kept in upper case (and words that may be rule names, as written)."""
    written = _strings(path, key, value)
    for code in written:
        if not (code.upper() == "ALL" or CODE_RE.fullmatch(code.upper()) or RULE_NAME_RE.fullmatch(code)):
            raise _fail(path, key, f"{code!r} is not a rule code or code prefix (e.g. NL1, NL201)")
    return tuple(kept_code(code) for code in written)


def _paths(path: Path, key: str, value: object) -> tuple[Path, ...]:
    out = []
    for item in _strings(path, key, value):
        resolved = (path.parent / item).resolve()
        if resolved.is_dir():
            raise _fail(path, key, f"{item!r} is a directory, not a file")
        if resolved.exists() and not resolved.is_file():
            raise _fail(path, key, f"{item!r} is not a regular file (a pipe, socket or device)")
        if not resolved.is_file():
            raise _fail(path, key, f"no such file {item!r}")
        out.append(resolved)
    return tuple(out)


def _packs(path: Path, key: str, value: object) -> tuple[str, ...]:
    """Shipped packs by name, pack folders as absolute paths (so that they stay relative to this file)."""
    from newslint.rulepacks.shipped import find_pack

    out = []
    for spec in _strings(path, key, value):
        if find_pack(spec, path.parent) is None:
            raise _fail(path, key, f"no rule pack {spec!r} (neither a folder here nor a shipped pack)")
        folder = path.parent / spec
        out.append(str(folder.resolve()) if folder.is_dir() else spec)
    return tuple(out)


def _switch(path: Path, key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise _fail(path, key, f"expected true or false, not {value!r}")
    return value


def _dialect(path: Path, name: str, value: object) -> str:
    checked = canonical_dialect(value) if isinstance(value, str) else None
    if checked is None:
        raise _fail(path, name, f"{value!r} is not one of {', '.join(DIALECTS)}")
    return checked


def _fail_on(path: Path, name: str, value: object) -> str:
    checked = canonical_severity(value) if isinstance(value, str) else None
    if checked is None:
        raise _fail(path, name, f"{value!r} is not one of {', '.join(SEVERITIES)}")
    return checked


def _extend(path: Path, name: str, value: object) -> str:
    if not isinstance(value, str):
        raise _fail(path, name, "expected the path of a configuration file to extend")
    return value


def _per_file_ignores(path: Path, name: str, value: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise _fail(path, name, "expected a table of glob = [codes]")
    return tuple((glob, _code_list(path, f"{name}.{glob}", codes)) for glob, codes in value.items())


def _severity_table(path: Path, name: str, value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise _fail(path, name, "expected a table of code = 'error' | 'warning' | 'info' | 'off'")
    for code, level in value.items():
        if not (isinstance(level, str) and (canonical_severity(level) or level.lower() == "off")):
            raise _fail(path, f"{name}.{code}", f"{level!r} is not one of error, warning, info, off")
    return tuple((_code_list(path, f"{name}.{code}", code)[0], level.lower()) for code, level in value.items())


# Each key's check (attribute name -> function of the file, the key as written and the value), which raises a
# ConfigError naming the file, line and key, or returns the value as the Config holds it.
CHECKS: dict[str, Callable[[Path, str, Any], Any]] = {
    **dict.fromkeys(CODE_SETTINGS, lambda path, name, value: _code_list(path, name, value)),
    **dict.fromkeys(("exclude", "extend_exclude"), lambda path, name, value: _strings(path, name, value)),
    **dict.fromkeys(("respect_gitignore", "force_exclude"), lambda path, name, value: _switch(path, name, value)),
    **dict.fromkeys(("words", "reject", "names"), lambda path, name, value: _paths(path, name, value)),
    "dialect": _dialect, "fail_on": _fail_on, "extend": _extend, "per_file_ignores": _per_file_ignores,
    "severity": _severity_table, "packs": lambda path, name, value: _packs(path, name, value),
}


def _validated(table: dict, path: Path) -> dict[str, tuple[Any, str]]:
    """A configuration table's settings, checked: attribute name -> (value, key as written)."""
    prefix = "tool.newslint." if path.name == "pyproject.toml" else ""
    values: dict[str, tuple[Any, str]] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        name = prefix + raw_key
        if key not in CHECKS:
            raise _fail(path, name, "unknown key" + did_you_mean(raw_key, KEYS))
        values[key] = (CHECKS[key](path, name, value), name)
    return values


def _added(runs: tuple[Written, ...], more: Written) -> tuple[Written, ...]:
    """runs and then more, leaving out the empty runs of a list that was empty until now."""
    return tuple(run for run in runs if run.count) + (more,)


def _runs(origins: Iterable[Origin], empty: Origin) -> tuple[Written, ...]:
    """Consecutive equal origins as runs; an empty setting is still written by `empty`."""
    runs: list[Written] = []
    for origin in origins:
        if runs and runs[-1].origin == origin:
            runs[-1] = Written(origin, runs[-1].count + 1)
        else:
            runs.append(Written(origin, 1))
    return tuple(runs) or (Written(empty, 0),)


def _merged(base: Config, values: dict[str, tuple[Any, str]], path: Path) -> Config:
    """The settings of one file (values) over those of the file it extends (base, or the defaults)."""
    out: dict[str, Any] = {"path": path, "root": path.parent, "chain": base.chain + (path,)}
    origins = dict(base.origins)
    if "select" in values:  # a file that chooses its own rules starts its selection afresh
        base = base._replace(ignore=(), extend_select=())
        for key in ("ignore", "extend_select"):
            origins.pop(key, None)
        base = base._replace(origins=tuple(origins.items()))
    for key, (value, written_as) in values.items():
        where = Origin(written_as, path)
        if key in ("extend_select", "ignore"):
            out[key] = getattr(base, key) + value
            origins[key] = _added(base.written(key), Written(where, len(value)))
        elif key in ("severity", "per_file_ignores"):
            out[key], origins[key] = _merged_table(base, key, value, where)
        elif key not in ("exclude", "extend_exclude"):
            out[key] = value
            origins[key] = (Written(where, len(value) if isinstance(value, tuple) else 1),)
    if "exclude" in values or "extend_exclude" in values:
        out["exclude"], origins["exclude"] = _merged_excludes(base, values, path)
    return base._replace(**out, origins=tuple(origins.items()))


def _merged_table(base: Config, key: str, value: tuple, where: Origin) -> tuple[tuple, tuple[Written, ...]]:
    """A table setting (severity, per-file-ignores) of one file over its base's, entry by entry; and its origins."""
    entries = {entry[0]: (entry, origin) for entry, origin in zip(getattr(base, key), base.item_origins(key))}
    entries.update({entry[0]: (entry, where) for entry in value})
    return tuple(entry for entry, _ in entries.values()), _runs((origin for _, origin in entries.values()), where)


def _merged_excludes(base: Config, values: dict[str, tuple[Any, str]], path: Path) -> tuple[tuple[str, ...],
                                                                                              tuple[Written, ...]]:
    """exclude replaces the base's own excludes (keeping what extend-exclude added), extend-exclude adds to them."""
    items = list(zip(base.exclude, base.item_origins("exclude")))
    if "exclude" in values:
        replacing, written_as = values["exclude"]
        kept = [item for item in items if item[1].short_key.replace("_", "-") == "extend-exclude"]
        items = [(text, Origin(written_as, path)) for text in replacing] + kept
    if "extend_exclude" in values:
        adding, written_as = values["extend_exclude"]
        items += [(text, Origin(written_as, path)) for text in adding]
    empty = Origin(values.get("exclude", ("", ""))[1], path)
    return tuple(text for text, _ in items), _runs((origin for _, origin in items), empty)


def read_toml(path: Path) -> tuple[str, dict]:
    """The text and parsed table of a TOML file; unreadable or invalid files raise ConfigError naming file:line."""
    import tomllib  # only when there is a file to read: 3 ms of a run's start otherwise

    from newslint.document.source import InputError, read_regular_file

    text = ""
    try:
        data = read_regular_file(path, str(path), MAX_CONFIG_BYTES, "a configuration file")
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as a file opened as text reads
        return text, tomllib.loads(text)
    except InputError as exc:
        raise ConfigError(str(exc)) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}:1: (file): not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        message, _, where = str(exc).partition(" (at ")  # "line 2, column 11)" or "end of document)"
        line = where[5:].split(",")[0] if where.startswith("line ") else max(1, text.count("\n"))
        raise ConfigError(f"{path}:{line}: (syntax): {message}") from None
    except RecursionError:  # tomllib reads an array or inline table inside another by recursion
        raise ConfigError(f"{path}:{_deep_line(text)}: (syntax): arrays or inline tables nested too deeply "
                          "to read") from None


def _deep_line(text: str) -> int:
    """The line (counted as TOML counts them: by \\n) where brackets first nest TOO_DEEP levels: roughly where a
    file nested too deeply to read goes wrong."""
    depth = 0
    for bracket in re.finditer(r"[\[{\]}]", text):
        depth += 1 if bracket.group() in "[{" else -1
        if depth >= TOO_DEEP:
            return text.count("\n", 0, bracket.start()) + 1
    return 1


def _table(path: Path) -> dict:
    text, data = read_toml(path)
    if path.name == "pyproject.toml":
        for key in ("tool", "newslint"):  # pyproject.toml is any project's file: tool = 5 is valid TOML
            data = data.get(key, {})
            if not isinstance(data, dict):
                line = next((str(number) for number, row in enumerate(text.split("\n"), 1)
                             if re.match(rf"\s*(?:tool\s*\.\s*)?{key}\s*=", row)), "")
                where = f"{path}:{line}" if line else str(path)
                shown = "tool" if key == "tool" else "tool.newslint"
                raise ConfigError(f"{where}: {shown}: expected a table, not {data!r}")
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: tool.newslint: expected a table")
    return data


def load(path: Path) -> Config:
    """A configuration file, over the files it extends."""
    return _load(path, ())


def _load(path: Path, extended_by: tuple[Path, ...]) -> Config:
    values = _validated(_table(path), path)
    base = Config()
    if "extend" in values:
        spec, written_as = values.pop("extend")
        parent = (path.parent / spec).resolve()
        chain = (*extended_by, path.resolve())
        if parent in chain:
            cycle = " -> ".join(str(p) for p in chain[chain.index(parent):] + (parent,))
            raise _fail(path, written_as, f"{spec!r} leads back to a file that extends it ({cycle})")
        if not parent.is_file():
            raise _fail(path, written_as, f"no such file {spec!r}")
        if parent.name == "pyproject.toml" and not _has_tool_table(parent):
            raise _fail(path, written_as, f"{spec!r} has no [tool.newslint] table")
        base = _load(parent, chain)
    return _merged(base, values, path)


def in_folder(folder: Path) -> Path | None:
    """The configuration file in this folder itself, if any."""
    for name in CONFIG_FILES:
        path = folder / name
        if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
            return path
    return None


def find(start: Path) -> Path | None:
    """The nearest config file in start's folder or above it."""
    folder = (start if start.is_dir() else start.parent).resolve()
    for candidate in [folder, *folder.parents]:
        if found := in_folder(candidate):
            return found
    return None


def _has_tool_table(path: Path) -> bool:
    from newslint.document.source import InputError, read_regular_file

    try:
        return b"[tool.newslint" in read_regular_file(path, str(path), MAX_CONFIG_BYTES, "a configuration file")
    except InputError:
        return path.is_file()  # too long: loading it says so, rather than leave its settings out unsaid
    except OSError:
        return False


# -- what --show-settings prints --------------------------------------------------------------------------------
SHOWN = (("dialect", "dialect"), ("select", "select"), ("extend_select", "extend-select"), ("ignore", "ignore"),
         ("packs", "packs"), ("words", "words"), ("reject", "reject"), ("names", "names"), ("exclude", "exclude"),
         ("respect_gitignore", "respect-gitignore"), ("force_exclude", "force-exclude"), ("fail_on", "fail-on"))
TABLES = (("severity", "severity"), ("per_file_ignores", "per-file-ignores"))


def settings_text(config: Config) -> str:
    """Every resolved setting, one a line as TOML, each with where it came from; the configuration files first."""
    if not config.chain:
        lines = ["# no configuration file: the defaults"]
    elif len(config.chain) == 1:
        lines = [f"# configuration file: {config.chain[0]}"]
    else:
        lines = ["# configuration files, each extended by the next:", *(f"#   {path}" for path in config.chain)]
    lines.append("")
    for attribute, key in SHOWN:
        where = ", ".join(str(origin) for origin in config.setting_origins(attribute))
        lines.append(f"{key} = {_toml(getattr(config, attribute))}  # {where}")
    for attribute, key in TABLES:
        lines += ["", f"[{key}]"]
        for (name, value), origin in zip(getattr(config, attribute), config.item_origins(attribute)):
            lines.append(f"{_toml_key(name)} = {_toml(value)}  # {origin}")
    return "\n".join(lines) + "\n"


def _toml(value: object) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml(key)
