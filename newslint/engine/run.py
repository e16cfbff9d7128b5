"""One invocation: find the files, pick each file's configuration, lint (and fix), collect the report."""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from itertools import islice, tee
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO

from newslint.document.source import InputError, Source, decode, read_source
from newslint.engine import config as config_module
from newslint.engine.config import Config, ConfigError
from newslint.engine.discovery import Discovery
from newslint.engine.linter import Linter
from newslint.engine.report import Located, Report, locate
from newslint.engine.suppression import DirectiveError
from newslint.engine.tuning import tuned

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from newslint.engine.baseline import Baseline
    from newslint.engine.rule import Rule

MAX_BATCH = 32  # files per task handed to a worker process
PARALLEL_FROM = tuned(
    16, means="files from which a run with no --jobs lints in one process per CPU where workers are forked (fewer, or "
    "spawned workers: in this process alone)",
    bench="the dev bench's first 2, 4, 8, 16 and 30 stories and all 170, --jobs 1 against --jobs 2 on two cores, "
    "wall medians of 9 runs (5 for 30 and 170)", result="2 stories 0.75x (forking costs more than it saves), 4 "
    "0.98x, 8 1.18-1.27x, 16 1.39x, 30 1.54-1.61x, 170 1.70x; CPU +9% at 16 stories, +20% at 8", date="2026-12-06")


class Mode(NamedTuple):
    fix: bool = False
    diff: bool = False
    unsafe: bool = False
    # Real paths of the files and folders named on the command line: --fix writes nowhere else, even through a
    # symbolic link found in a folder (None: no limit).
    write_within: tuple[str, ...] | None = None


class FileOutcome:
    """What checking one file gives back: plain data, cheap to send from a worker process."""

    __slots__ = ("items", "error", "checked", "fixed", "diff", "fixed_text", "notes")

    def __init__(self, items: list[Located] | None = None, error: str = "", checked: bool = True, fixed: int = 0,
                 diff: bytes = b"", fixed_text: bytes | None = None, notes: list[str] | None = None):
        self.items = [] if items is None else items
        self.error = error
        self.checked = checked
        self.fixed = fixed
        self.diff = diff
        self.fixed_text = fixed_text  # fixed stdin, encoded as the file would have been written
        self.notes = [] if notes is None else notes  # warnings for the run: fixes left out, and why


class Run:
    def __init__(self, config_path: Path | None = None, overrides: dict | None = None, encoding: str | None = None):
        self.args = (config_path, overrides, encoding)
        self.overrides = overrides or {}
        self.encoding = encoding
        self.fixed_config = config_module.load(config_path).override(**self.overrides) if config_path else None
        self._configs: dict[Path | None, Config] = {}  # configuration file -> its settings, the command line over
        self._config_files: dict[str, Path | None] = {}  # folder (absolute, links resolved) -> its config file
        self._by_parent: dict[Path, Config] = {}  # a file's folder as given -> its configuration
        self._linters: dict[int, Linter] = {}
        self._diffs: list[bytes] = []
        self.discovery = Discovery(self.config_for_folder)
        self.baseline_size = 0
        self.stdin_fixed: bytes | None = None  # with --fix, stdin's text with the fixes, as it would be written
        self._pool_notes: list[str] = []  # what happened to worker processes that stopped abruptly

    @property
    def diff(self) -> bytes:
        return b"".join(self._diffs)

    def write_diff(self, stream: TextIO) -> None:
        """The diff as bytes (each file in its own encoding), so that ``patch`` applies it."""
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            stream.write(self.diff.decode("utf-8", "replace"))
            return
        stream.flush()
        buffer.write(self.diff)
        buffer.flush()

    # -- configuration -----------------------------------------------------------------------------
    def config_for(self, path: Path, is_file: bool = False) -> Config:
        """The settings for a file or folder: --config's, or the nearest configuration file's, the command line
        over them."""
        if self.fixed_config:
            return self.fixed_config
        if is_file:  # files in one folder share its configuration: look it up once
            if path.parent not in self._by_parent:
                self._by_parent[path.parent] = self.config_for_folder(os.path.realpath(path.parent))
            return self._by_parent[path.parent]
        return self.config_for_folder(os.path.realpath(path if path.is_dir() else path.parent))

    def config_for_folder(self, folder: str) -> Config:
        """The settings for the files in a folder (absolute, links resolved)."""
        if self.fixed_config:
            return self.fixed_config
        found = self._config_file(folder)
        if found not in self._configs:
            base = config_module.load(found) if found else Config()
            self._configs[found] = base.override(**self.overrides)
        return self._configs[found]

    def _config_file(self, folder: str) -> Path | None:
        """The nearest configuration file in folder or above it; each folder looked at once per run."""
        passed = []
        while folder not in self._config_files:
            here = config_module.in_folder(Path(folder))
            parent = os.path.dirname(folder)
            if here is not None or parent == folder:
                self._config_files[folder] = here
                break
            passed.append(folder)
            folder = parent
        for below_it in passed:
            self._config_files[below_it] = self._config_files[folder]
        return self._config_files[folder]

    def linter_for(self, config: Config) -> Linter:
        key = id(config)
        if key not in self._linters:
            self._linters[key] = Linter(config)
        return self._linters[key]

    # -- files -------------------------------------------------------------------------------------
    def files(self, raw_paths: list[str]) -> tuple[list[str], list[str]]:
        """The files a run over these paths would lint, in order ('-' for stdin), and the problems met."""
        entries = list(self._entries(raw_paths, None, self._survey(raw_paths, real_paths(raw_paths))[1]))
        return [path for kind, path, _ in entries if kind != "error"], [error for kind, _, error in entries if error]

    def _survey(self, raw_paths: list[str], roots: tuple[str, ...]) -> tuple[int, Once]:
        """A first walk, keeping no path: how many files the paths name (a file through a link and itself count
        twice), and how to tell a file met again (roots: the paths' real paths). It finds every configuration the
        run uses (so a bad one stops the run before any result) and which user patterns matched nothing."""
        count, linked = 0, set()
        for raw in raw_paths:
            if raw != "-":
                for _, real, link in self.discovery.expand(raw, []):
                    count += 1
                    if link:
                        linked.add(real)
        return count, Once(overlapping(roots), linked)

    def _entries(self, raw_paths: list[str], stdin_filename: str | None, once: Once
                 ) -> Iterator[tuple[str, str, str]]:
        """(kind, path, error) for each file to lint, in the order given, folders walked as the run goes:
        ("file", path, ""), ("stdin", shown name, "") or ("error", path, message). Each file once, even through a
        link or two overlapping folders."""
        for raw in raw_paths:
            if raw == "-":
                yield "stdin", stdin_filename or "-", ""
                continue
            errors: list[tuple[str, str]] = []
            for path, real, link in self.discovery.expand(raw, errors):
                if once.first(real, link):
                    yield "file", path, ""
            yield from (("error", path, message) for path, message in errors)

    # -- linting -----------------------------------------------------------------------------------
    def lint_paths(self, raw_paths: list[str], stdin_filename: str | None = None, fix: bool = False,
                   diff: bool = False, unsafe: bool = False, jobs: int | None = 1, baseline: Path | None = None,
                   write_baseline: bool = False,
                   on_file: Callable[[str, list[Located], str], None] | None = None, keep_items: bool = True) -> Report:
        """Lint every path (in the order given, folders sorted) with `jobs` processes (0: one per CPU; None: one
        per CPU from PARALLEL_FROM files, else one); the report is the same for any number of jobs.
        on_file(path, items, error) hears of each file as soon as it is done, in the report's order; without
        keep_items the report only counts them (its tally), so that memory stays flat."""
        known = None
        if baseline:
            from newslint.engine.baseline import Baseline

            known = Baseline.load(baseline, missing_ok=write_baseline)
        mode = Mode(fix, diff, unsafe, real_paths(raw_paths))
        report = Report(keep_items=keep_items)
        count, once = self._survey(raw_paths, mode.write_within)
        report.warnings.extend(self.discovery.warnings())
        report.rules = self._every_linter(stdin_filename or "-" if "-" in raw_paths else None)
        # Two readers of one walk: tee holds only the files the workers have been handed ahead of the report.
        entries, ahead = tee(self._entries(raw_paths, stdin_filename, once))
        outcomes = self._outcomes((path for kind, path, _ in ahead if kind == "file"), count, mode, jobs)
        for kind, path, error in entries:
            if kind == "error":
                outcome = FileOutcome(error=error, checked=False)
            else:
                outcome = next(outcomes) if kind == "file" else self._lint_stdin(path, mode)
                self._diffs.append(outcome.diff)
            items = self._add(report, path, outcome, known, write_baseline)
            if on_file and (outcome.checked or outcome.error):
                on_file(path, items, outcome.error)
        if known is not None and write_baseline:
            self.baseline_size = known.save()
        report.warnings.extend(self._pool_notes)
        return report

    def _every_linter(self, stdin_name: str | None) -> dict[str, Rule]:
        """Build the linter of every configuration the run will use, so that a code that names no rule stops the
        run before any file's result is out; every rule they hold, by code."""
        for config in self.discovery.configs.values():
            self.linter_for(config)
        if stdin_name is not None:
            self.linter_for(self.config_for(Path(stdin_name)))
        return {rule.code: rule for linter in self._linters.values() for rule in linter.rules}

    @staticmethod
    def _add(report: Report, path: str, outcome: FileOutcome, known: Baseline | None,
             write_baseline: bool) -> list[Located]:
        """One file's outcome into the report (the baseline, if any, recording it or hiding what it knows); the
        items reported."""
        if outcome.error:
            report.errors.append(outcome.error)
        report.warnings.extend(outcome.notes)
        report.fixed += outcome.fixed
        items = outcome.items
        if outcome.checked:
            if known is not None:
                if write_baseline:
                    known.record(path, items)
                new = known.new(items)
                report.hidden_by_baseline += len(items) - len(new)
                items = new
            report.add_items(items)
        return items

    def _outcomes(self, paths: Iterator[str], count: int, mode: Mode, jobs: int | None) -> Iterator[FileOutcome]:
        """Each path's outcome, in order (count: about how many there are): from this process, or from worker
        processes with their own linters. The first file is linted here and the data loaded (before the first
        outcome is out, when the command line freezes what is loaded for the garbage collector), so that forked
        workers share the word lists and models and start warm; only a few batches are in flight at a time, so
        memory does not grow with the number of files. Then the rules are told how many files are left
        (Linter.ahead, or before_workers), to prepare for them."""
        if jobs is None:  # measured with forked workers: spawned ones each load the data again
            jobs = 0 if count >= PARALLEL_FROM and forks() else 1
        jobs = min(jobs if jobs > 0 else cpus(), count)
        first = next(paths, None)
        if first is None:
            return
        yield self.lint_file(first, mode)
        if jobs <= 1:
            for linter in self._linters.values():
                linter.ahead(count - 1)
            yield from (self.lint_file(path, mode) for path in paths)
            return
        from concurrent.futures.process import BrokenProcessPool

        self._before_workers(count - 1)
        left = count - 1

        def next_batch() -> list[str]:
            # An eighth of each worker's share of the files left (at most MAX_BATCH): the tasks shrink towards the
            # end, so that the workers finish together rather than one waiting on the other's last batch.
            nonlocal left
            batch = list(islice(paths, max(1, min(MAX_BATCH, left // (jobs * 8)))))
            left -= len(batch)
            return batch

        batch = next_batch()
        while batch:
            pool = self._pool(jobs, mode)
            in_flight: deque[tuple[list[str], Future[list[FileOutcome]]]] = deque()
            try:
                while batch or in_flight:
                    try:
                        while batch and len(in_flight) <= 2 * jobs:
                            in_flight.append((batch, pool.submit(_work, batch)))
                            batch = next_batch()
                        done = in_flight[0][1].result()
                    except BrokenProcessPool:  # a worker was killed: the files in flight are looked at below
                        break
                    in_flight.popleft()
                    yield from done
            finally:
                pool.shutdown(cancel_futures=True)
            if in_flight:
                yield from self._after_a_broken_pool(in_flight, mode)

    def _before_workers(self, files: int) -> None:
        """What the first file did not need loaded too, and what the rules would build in each worker for about
        `files` more files, before workers are forked to share it."""
        for linter in self._linters.values():
            linter.before_workers(files)

    def _pool(self, workers: int, mode: Mode) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        inherit = forks()
        for stream in (sys.stdout, sys.stderr):  # a forked worker must not print what is buffered here again
            stream.flush()
        return ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(self if inherit else self.args, mode))

    def _after_a_broken_pool(self, in_flight: deque[tuple[list[str], Future[list[FileOutcome]]]],
                             mode: Mode) -> Iterator[FileOutcome]:
        """The outcomes of the batches in flight when a worker stopped abruptly (killed, crashed or out of memory):
        those it finished, and the others' files checked again one at a time, each in a worker of its own, so
        that a file that stops its worker again is named as lost and no other file is."""
        finished = [future.done() and not future.cancelled() and future.exception() is None for _, future in in_flight]
        unfinished = sum(len(batch) for (batch, _), done in zip(in_flight, finished) if not done)
        self._pool_notes.append(f"a worker process stopped abruptly; {unfinished} unfinished "
                                f"{'file was' if unfinished == 1 else 'files were'} checked again, one at a time")
        for (batch, future), done in zip(in_flight, finished):
            yield from future.result() if done else self._one_at_a_time(batch, mode)

    def _one_at_a_time(self, paths: list[str], mode: Mode) -> Iterator[FileOutcome]:
        from concurrent.futures.process import BrokenProcessPool

        pool: ProcessPoolExecutor | None = None
        try:
            for path in paths:
                pool = pool or self._pool(1, mode)
                try:
                    outcome = pool.submit(_work, [path]).result()[0]
                except BrokenProcessPool:
                    pool.shutdown()
                    pool = None
                    outcome = FileOutcome(error=f"{path}: lost: the worker process checking it stopped abruptly "
                                                "(killed, crashed or out of memory); not checked", checked=False)
                yield outcome
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def lint_file(self, name: str, mode: Mode) -> FileOutcome:
        path = Path(name)
        try:
            source = read_source(path, name, self.encoding)
        except InputError as exc:
            return FileOutcome(error=str(exc), checked=False)
        return self.check(source, path, mode, is_file=True)

    def _lint_stdin(self, name: str, mode: Mode) -> FileOutcome:
        """Lint standard input as the file `name`; with --fix, keep the fixed text (or, when nothing could be
        fixed, the text as it came) in stdin_fixed instead of writing anything."""
        from newslint.document.source import read_stream

        try:
            data = read_stream(sys.stdin.buffer, name)
        except InputError as exc:  # too long: nothing is printed as its fixed text
            return FileOutcome(error=str(exc), checked=False)
        if mode.fix:
            self.stdin_fixed = data
        try:
            source = decode(data, name, self.encoding)
        except InputError as exc:
            return FileOutcome(error=str(exc), checked=False)
        path = Path(name)
        config = self.config_for(path)
        if config.force_exclude and name != "-" and config.is_excluded(name):
            return FileOutcome(checked=False)
        outcome = self.check(source, path, mode, write=False)
        if outcome.fixed_text is not None:
            self.stdin_fixed = outcome.fixed_text
        return outcome

    def check(self, source: Source, path: Path, mode: Mode, is_file: bool = False, write: bool = True) -> FileOutcome:
        """Lint (and fix) one source; a crash inside a rule becomes an error naming the file, not a traceback.
        write=False keeps fixed text in the outcome instead of writing it to path."""
        try:
            return self._check(source, path, mode, is_file, write)
        except DirectiveError as exc:
            return FileOutcome(error=str(exc), checked=False)
        except (ConfigError, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop a newsroom's whole run
            return FileOutcome(error=f"{source.path}: internal error ({type(exc).__name__}: {exc}); please report it",
                               checked=False)

    def _check(self, source: Source, path: Path, mode: Mode, is_file: bool, write: bool) -> FileOutcome:
        linter = self.linter_for(self.config_for(path, is_file))
        if not (mode.fix or mode.diff):
            return FileOutcome(locate(linter.lint(source)))
        from newslint.engine import fixer

        outcome = fixer.fix_source(linter, source, unsafe=mode.unsafe)
        notes = outcome.refusal_notes()
        try:
            if mode.diff or not outcome.changed:
                return FileOutcome(locate(outcome.result), diff=outcome.diff() if mode.diff else b"", notes=notes)
            if not write:
                return FileOutcome(locate(outcome.result), fixed=outcome.applied, fixed_text=outcome.fixed_bytes(),
                                   notes=notes)
            fixer.write_back(path, source, outcome.fixed_bytes(), mode.write_within)
        except InputError as exc:
            return FileOutcome(locate(linter.lint(source)), error=str(exc))
        return FileOutcome(locate(outcome.result), fixed=outcome.applied, notes=notes)


class Once:
    """Tells a file met again, remembering as few paths as it can: every file's real path when two of the paths a run
    names overlap; otherwise only links and the files they point to (a walk meets no other file twice), so that
    memory does not grow with the files of an archive."""

    def __init__(self, everything: bool, linked: set[str]):
        self.everything, self.linked = everything, linked
        self.met: set[str] = set()

    def first(self, real: str, link: bool) -> bool:
        if not (self.everything or link or real in self.linked):
            return True
        if real in self.met:
            return False
        self.met.add(real)
        return True


def real_paths(raw_paths: list[str]) -> tuple[str, ...]:
    """The real paths of the files and folders a run names (not stdin)."""
    return tuple(os.path.realpath(raw) for raw in raw_paths if raw != "-")


def overlapping(roots: tuple[str, ...]) -> bool:
    """Whether two of these real paths name one file or folder, or one lies inside another's folder."""
    named = set(roots)
    if len(named) < len(roots):
        return True
    for root in roots:
        parent = os.path.dirname(root)
        while parent != root:
            if parent in named:
                return True
            root, parent = parent, os.path.dirname(parent)
    return False


_worker: Run | None = None
_worker_mode = Mode()


def forks() -> bool:
    """Whether worker processes start as forks of this one, sharing what it has loaded."""
    import multiprocessing

    return multiprocessing.get_start_method() == "fork"


def cpus() -> int:
    """The CPUs this process may run on (fewer than the machine's in a container or under taskset)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _start_worker(run: Run | tuple, mode: Mode) -> None:
    """A worker's Run: the parent's own when forked (linters built, resources loaded), else built afresh."""
    global _worker, _worker_mode
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _worker, _worker_mode = run if isinstance(run, Run) else Run(*run), mode


def _work(paths: list[str]) -> list[FileOutcome]:
    assert _worker is not None
    return [_worker.lint_file(path, _worker_mode) for path in paths]
