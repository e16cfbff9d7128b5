"""Configuration: [tool.newslint] in pyproject.toml, or newslint.toml / .newslint.toml, found walking up."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

CONFIG_FILES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
DIALECTS = ("en-US", "en-GB", "en-GB-oxendict", "en-AU")
SEVERITIES = ("error", "warning", "info")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", "build", "dist")


class ConfigError(Exception):
    """Invalid configuration; the message names the file (and line) and the key."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # empty: every rule enabled by default
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    dialect: str = "en-US"
    severity: tuple[tuple[str, str], ...] = ()
    words: tuple[Path, ...] = ()  # files of accepted words and names, one per line
    reject: tuple[Path, ...] = ()  # files of words always flagged, one per line (optionally "bad = good")
    names: tuple[Path, ...] = ()  # house glossary: "Canonical = variant, variant"
    packs: tuple[str, ...] = ()  # rule packs to enable, by name or path
    path: Path | None = None  # the file this came from
    root: Path = field(default_factory=Path.cwd)

    def override(self, **changes) -> Config:
        """Command-line settings over this file's: select and dialect replace; ignore and extend-select add."""
        changes = {k: v for k, v in changes.items() if v is not None}
        for key in ("ignore", "extend_select"):
            if key in changes:
                changes[key] = getattr(self, key) + tuple(changes[key])
        return replace(self, **changes)

    def severity_for(self, code: str) -> str | None:
        best: tuple[int, str] | None = None
        for prefix, level in self.severity:
            length = 0 if prefix == "ALL" else len(prefix)
            if (length == 0 or code.startswith(prefix)) and (best is None or length > best[0]):
                best = (length, level)
        return best[1] if best else None

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Codes ignored for one file by per-file-ignores (globs relative to the config's folder)."""
        rel = _relative(path, self.root) or Path(path).as_posix()
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                out.extend(codes)
        return tuple(out)

    def is_excluded(self, path: Path) -> bool:
        """Exclude patterns match the path below the config's folder; a file outside that folder is never excluded."""
        rel = _relative(str(path), self.root)
        if rel is None:
            return False
        parts = Path(rel).parts
        for pattern in self.exclude:
            if fnmatch.fnmatch(rel, pattern) or any(fnmatch.fnmatch(part, pattern) for part in parts):
                return True
        return False


def _relative(path: str, root: Path) -> str | None:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return None


def _key_location(path: Path, keys: tuple[str, ...]) -> str:
    """'file:line' of the first line that sets one of keys (in pyproject.toml, only inside [tool.newslint...]
    tables), or just the file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return str(path)
    ours = path.name != "pyproject.toml"
    inside = [ours]
    for line in lines:
        if re.match(r"\s*\[", line):
            ours = path.name != "pyproject.toml" or re.match(r"\s*\[\s*tool\.newslint\b", line) is not None
        inside.append(ours)
    for key in keys:
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[=.]")
        for number, line in enumerate(lines, 1):
            if inside[number] and pattern.match(line):
                return f"{path}:{number}"
    return str(path)


def _fail(path: Path, key: str, problem: str) -> ConfigError:
    """'file:line: key: problem'; key is the dotted name shown, its first part a top-level key (sub-keys such as
    a per-file-ignores glob may hold dots of their own)."""
    top, _, sub = key.removeprefix("tool.newslint.").partition(".")
    return ConfigError(f"{_key_location(path, (sub, top) if sub else (top,))}: {key}: {problem}")


def _strings(path: Path, key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, key, "expected a list of strings")
    return tuple(value)


def _code_list(path: Path, key: str, value: object) -> tuple[str, ...]:
    codes = _strings(path, key, value)
    for code in codes:
        if not re.fullmatch(r"[A-Z]+[0-9]*|ALL", code):
            raise _fail(path, key, f"{code!r} is not a rule code or code prefix (e.g. NL1, NL201)")
    return codes


def _paths(path: Path, key: str, value: object) -> tuple[Path, ...]:
    out = []
    for item in _strings(path, key, value):
        resolved = (path.parent / item).resolve()
        if not resolved.is_file():
            raise _fail(path, key, f"no such file {item!r}")
        out.append(resolved)
    return tuple(out)


def parse(table: dict, path: Path) -> Config:
    """Validate a [tool.newslint] table (or a whole newslint.toml)."""
    prefix = "tool.newslint." if path.name == "pyproject.toml" else ""
    values: dict[str, object] = {"path": path, "root": path.parent}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        name = prefix + raw_key
        if key in ("select", "ignore", "extend_select"):
            values[key] = _code_list(path, name, value)
        elif key in ("exclude", "extend_exclude"):
            values[key] = _strings(path, name, value)
        elif key == "dialect":
            if value not in DIALECTS:
                raise _fail(path, name, f"{value!r} is not one of {', '.join(DIALECTS)}")
            values[key] = value
        elif key in ("words", "reject", "names"):
            values[key] = _paths(path, name, value)
        elif key == "packs":
            from newslint.registry import pack_path

            values[key] = _strings(path, name, value)
            for spec in values[key]:
                try:
                    pack_path(spec, path.parent)
                except ConfigError:
                    raise _fail(path, name, f"no rule pack {spec!r} (neither a folder here nor a shipped pack)") from None
        elif key == "per_file_ignores":
            if not isinstance(value, dict):
                raise _fail(path, name, "expected a table of glob = [codes]")
            values[key] = tuple((glob, _code_list(path, f"{name}.{glob}", codes)) for glob, codes in value.items())
        elif key == "severity":
            if not isinstance(value, dict):
                raise _fail(path, name, "expected a table of code = 'error' | 'warning' | 'info' | 'off'")
            for code, level in value.items():
                if level not in SEVERITIES + ("off",):
                    raise _fail(path, f"{name}.{code}", f"{level!r} is not one of error, warning, info, off")
                _code_list(path, f"{name}.{code}", code)
            values[key] = tuple(value.items())
        else:
            raise _fail(path, name, "unknown key")
    extend = values.pop("extend_exclude", ())
    values["exclude"] = values.get("exclude", DEFAULT_EXCLUDE) + extend  # type: ignore[operator]
    return Config(**values)


def read_toml(path: Path) -> tuple[str, dict]:
    """The text and parsed table of a TOML file; unreadable or invalid files raise ConfigError naming file:line."""
    try:
        text = path.read_text(encoding="utf-8")
        return text, tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}:1: (file): not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        message, _, where = str(exc).partition(" (at ")  # "line 2, column 11)" or "end of document)"
        line = where[5:].split(",")[0] if where.startswith("line ") else max(1, text.count("\n"))
        raise ConfigError(f"{path}:{line}: (syntax): {message}") from None


def load(path: Path) -> Config:
    _, data = read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("newslint", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: tool.newslint: expected a table")
    return parse(data, path)


def find(start: Path) -> Path | None:
    """The nearest config file in start's folder or above it."""
    folder = start if start.is_dir() else start.parent
    for candidate in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "[tool.newslint" in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
