"""One invocation: find the files, pick each file's configuration, lint (and fix), collect the report."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from newslint import config as config_module
from newslint.config import Config
from newslint.linter import Linter
from newslint.report import Report
from newslint.source import InputError, Source, decode, read_source

SUFFIXES = (".txt", ".md", ".markdown")


class Run:
    def __init__(self, config_path: Path | None = None, overrides: dict | None = None, encoding: str | None = None):
        self.overrides = overrides or {}
        self.encoding = encoding
        self.fixed_config = config_module.load(config_path).override(**self.overrides) if config_path else None
        self._configs: dict[Path | None, Config] = {}
        self._linters: dict[int, Linter] = {}
        self.diff_text = ""

    # -- configuration -----------------------------------------------------------------------------
    def config_for(self, path: Path) -> Config:
        if self.fixed_config:
            return self.fixed_config
        found = config_module.find(path)
        if found not in self._configs:
            base = config_module.load(found) if found else Config()
            self._configs[found] = base.override(**self.overrides)
        return self._configs[found]

    def linter_for(self, config: Config) -> Linter:
        key = id(config)
        if key not in self._linters:
            self._linters[key] = Linter(config)
        return self._linters[key]

    # -- files -------------------------------------------------------------------------------------
    def expand(self, raw: str, errors: list[str]) -> list[Path]:
        path = Path(raw)
        if path.is_dir():
            return self._walk(path, errors)
        if not path.exists() and not path.is_symlink():
            errors.append(f"{raw}: no such file or directory")
            return []
        return [] if self.config_for(path).is_excluded(path) else [path]

    def _walk(self, root: Path, errors: list[str]) -> list[Path]:
        found = []

        def on_error(exc: OSError) -> None:
            errors.append(f"{exc.filename}: cannot read directory ({exc.strerror})")

        config = self.config_for(root)
        for folder, dirs, files in os.walk(root, onerror=on_error, followlinks=False):
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if not config.is_excluded(here / d))
            for name in sorted(files):
                candidate = here / name
                if name.lower().endswith(SUFFIXES) and not config.is_excluded(candidate):
                    found.append(candidate)
        return found

    # -- linting -----------------------------------------------------------------------------------
    def lint_paths(self, raw_paths: list[str], stdin_filename: str | None = None, fix: bool = False,
                   diff: bool = False, unsafe: bool = False) -> Report:
        report = Report()
        for raw in raw_paths:
            if raw == "-":
                name = stdin_filename or "-"
                try:
                    source = decode(sys.stdin.buffer.read(), name, self.encoding)
                except InputError as exc:
                    report.errors.append(str(exc))
                    continue
                self._lint_one(source, Path(name), report, fix=False, diff=diff, unsafe=unsafe)
                continue
            for path in self.expand(raw, report.errors):
                try:
                    source = read_source(path, str(path), self.encoding)
                except InputError as exc:
                    report.errors.append(str(exc))
                    continue
                self._lint_one(source, path, report, fix=fix, diff=diff, unsafe=unsafe)
        return report

    def _lint_one(self, source: Source, path: Path, report: Report, fix: bool, diff: bool, unsafe: bool) -> None:
        linter = self.linter_for(self.config_for(path))
        if fix or diff:
            from newslint import fixer

            outcome = fixer.fix_source(linter, source, unsafe=unsafe)
            if diff:
                self.diff_text += outcome.diff()
            elif outcome.changed:
                try:
                    fixer.write_back(path, source, outcome.text)
                    report.fixed += outcome.applied
                except InputError as exc:
                    report.errors.append(str(exc))
                    report.add(linter.lint(source))
                    return
            report.add(outcome.result)
            return
        report.add(linter.lint(source))
