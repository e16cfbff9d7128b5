"""The public Python API: lint and fix text or files from other tools (a CMS, a notebook, a batch job, an editor)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

from newslint.engine.config import Config, ConfigError

if TYPE_CHECKING:
    from newslint.engine import linter as engine_linter
    from newslint.engine.report import Located

__all__ = ["Config", "ConfigError", "Diagnostic", "Edit", "Fix", "InputError", "Linter", "clear_caches",
           "fix_text", "lint_paths", "lint_text", "load_config"]

ConfigLike = Union[Config, str, "os.PathLike[str]", None]


class InputError(Exception):
    """A file that cannot be read as a draft (missing, binary, not valid in its encoding, over the size limit); the
    message names each file and why."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] (0-based character offsets) with replacement."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    title: str  # imperative: "Replace with 'on'"
    applicability: Literal["safe", "unsafe", "display"]  # safe: --fix applies it; unsafe: a guess; display: shown only
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found. Lines and columns are 1-based and count Unicode code points (end_column is exclusive);
    start and end are 0-based character offsets into the text, so ``text[d.start:d.end]`` is the flagged text."""

    code: str  # stable: "NL201"
    rule: str  # "real-word-error"
    severity: Literal["error", "warning", "info"]
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    suggestions: tuple[str, ...] = ()  # best first, in the original casing
    fix: Fix | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (the fields of ``newslint --format json``, plus the offsets)."""
        out: dict[str, Any] = {
            "path": self.path, "line": self.line, "column": self.column, "end_line": self.end_line,
            "end_column": self.end_column, "start": self.start, "end": self.end, "code": self.code,
            "rule": self.rule, "severity": self.severity, "message": self.message,
            "suggestions": list(self.suggestions), "fix": None,
        }
        if self.fix is not None:
            out["fix"] = {"title": self.fix.title, "applicability": self.fix.applicability,
                          "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement}
                                    for e in self.fix.edits]}
        return out

    @classmethod
    def from_located(cls, item: Located) -> Diagnostic:
        d = item.diagnostic
        fix = None
        if d.fix is not None:
            fix = Fix(d.fix.title, d.fix.applicability.value,  # type: ignore[arg-type]
                      tuple(Edit(e.span.start, e.span.end, e.replacement) for e in d.fix.edits))
        return cls(d.code, d.rule, d.severity.value, d.message, item.path,  # type: ignore[arg-type]
                   item.line, item.column, item.end_line, item.end_column, d.span.start, d.span.end,
                   tuple(d.suggestions), fix)


# -- configuration ---------------------------------------------------------------------------------------

_lock = threading.RLock()
_engine_linters: dict[Config, engine_linter.Linter] = {}  # one per configuration per process: the data is shared
_runs: dict[tuple, Any] = {}  # (overrides) -> Run: configuration files found and read once per process


def _run(overrides: Mapping[str, Any] | None = None):
    from newslint.engine.run import Run

    key = tuple(sorted((k, v) for k, v in (overrides or {}).items() if v is not None))
    with _lock:
        if key not in _runs:
            _runs[key] = Run(overrides=dict(key))
        return _runs[key]


def _codes(value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    return tuple(code.strip().upper() for item in items for code in item.replace(",", " ").split() if code.strip())


def load_config(path: str | os.PathLike[str] | None = None, *, select: str | Iterable[str] | None = None,
                ignore: str | Iterable[str] | None = None, extend_select: str | Iterable[str] | None = None,
                dialect: str | None = None) -> Config:
    """The settings newslint would use, the keyword arguments over them as the command line's options would be.

    path may be a configuration file (``newslint.toml``, ``.newslint.toml``, a ``pyproject.toml`` with a
    ``[tool.newslint]`` table, or any ``.toml`` file), or a story or folder: then the nearest configuration file
    is found walking up from it, as the command line finds it. None means the current folder. A bad key or value,
    or a code that names no rule, raises ConfigError naming the file, line and key."""
    overrides = {"select": _codes(select), "ignore": _codes(ignore), "extend_select": _codes(extend_select),
                 "dialect": _dialect(dialect)}
    target = Path(path if path is not None else ".")
    if target.suffix == ".toml" and not target.is_dir():
        from newslint.engine.config import load

        if not target.is_file():
            raise ConfigError(f"{target}: no such configuration file")
        config = load(target).override(**overrides)
    else:
        config = _run(overrides).config_for(target.absolute())
    _engine_linter(config)  # checks every rule code it names, as the command line does, before any text is linted
    return config


def _dialect(value: str | None) -> str | None:
    if value is None:
        return None
    from newslint.engine.config import DIALECTS, canonical_dialect

    found = canonical_dialect(value)
    if found is None:
        raise ConfigError(f"dialect: {value!r} is not one of {', '.join(DIALECTS)}")
    return found


def _config(config: ConfigLike, path: str) -> Config:
    if isinstance(config, Config):
        return config
    if config is None:
        return _run().config_for(Path(path).absolute(), is_file=True)
    return load_config(config)


def _engine_linter(config: Config) -> engine_linter.Linter:
    from newslint.engine.linter import Linter as EngineLinter

    with _lock:
        found = _engine_linters.get(config)
        if found is None:
            found = _engine_linters[config] = EngineLinter(config)
        return found


def clear_caches() -> None:
    """Forget the configuration files read and the linters built from them (the word lists and models stay loaded):
    the next call reads the configuration afresh. For a long-running process whose configuration files change."""
    with _lock:
        _engine_linters.clear()
        _runs.clear()


# -- linting ---------------------------------------------------------------------------------------------

class Linter:
    """One configuration, ready to lint many texts: build it once and reuse it, from any number of threads.

    It pickles as its configuration alone (a few hundred bytes), so it can be shipped to worker processes (a
    process pool, Spark, Dask); each worker loads the word lists and models once, on its first text, and every
    unpickled Linter with the same configuration in that worker shares them."""

    def __init__(self, config: ConfigLike = None):
        self.config: Config = config if isinstance(config, Config) else load_config(config)
        self._linter = _engine_linter(self.config)

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.config = state["config"]
        self._linter = _engine_linter(self.config)

    def __repr__(self) -> str:
        return f"newslint.Linter({str(self.config.path) if self.config.path else 'default settings'!r})"

    def lint_text(self, text: str, *, path: str = "story.txt") -> list[Diagnostic]:
        """The problems in text, in order. path names the story in the diagnostics and decides plain text or
        Markdown (``.md``, ``.markdown``) and which per-file-ignores apply; it is never read."""
        from newslint.engine.report import locate

        return [Diagnostic.from_located(item) for item in locate(self._linter.lint(_source(text, path)))]

    def fix_text(self, text: str, *, path: str = "story.txt", unsafe: bool = False) -> str:
        """text with the fixes applied, until nothing more applies (as ``newslint --fix``): safe ones, and with
        unsafe=True the guesses too (a misspelling's first suggestion, a real-word correction)."""
        from newslint.engine.fixer import fix_source

        return fix_source(self._linter, _source(text, path), unsafe=unsafe).text


def _source(text: str, path: str):
    from newslint.document.source import Source

    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__} (decode bytes first)")
    return Source(os.fspath(path), text, "utf-8", False)


def lint_text(text: str, *, path: str = "story.txt", config: ConfigLike = None) -> list[Diagnostic]:
    """The problems in a story's text. path (never read) decides plain text or Markdown and, when config is None,
    where the configuration is found, as for a file at that path; config may be a Config from load_config or
    the path of a configuration file."""
    return Linter(_config(config, path)).lint_text(text, path=path)


def fix_text(text: str, *, path: str = "story.txt", config: ConfigLike = None, unsafe: bool = False) -> str:
    """text with its fixes applied (safe ones; with unsafe=True the guesses too). path and config as for
    lint_text."""
    return Linter(_config(config, path)).fix_text(text, path=path, unsafe=unsafe)


def lint_paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, config: ConfigLike = None,
               on_error: Literal["raise", "skip"] = "raise") -> list[Diagnostic]:
    """The problems in files and folders, as ``newslint PATH ...`` finds them: folders searched for *.txt, *.md
    and *.markdown, excludes and .gitignore honoured, each file with its own configuration unless config is
    given. A file that cannot be read raises InputError (after the others are linted) unless on_error="skip"."""
    from newslint.engine.run import Run

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    names = [os.fspath(p) for p in paths]
    if config is None:
        run = Run()
    else:
        run = Run()
        run.fixed_config = _config(config, ".")
    report = run.lint_paths(names)
    if report.errors and on_error == "raise":
        raise InputError("; ".join(report.errors))
    return [Diagnostic.from_located(item) for item in report.items]
