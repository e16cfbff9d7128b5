"""Output formats: one small module each, with a ``Reporter`` class that takes each file's diagnostics as soon as the
file is done. The formats of one document (json, gitlab, sarif, junit) write it piece by piece, or spool the pieces
until the end where the document's head needs what only the end knows (sarif's rules, junit's totals)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple, Protocol, TextIO

from newslint.engine.linter import MAX_PER_RULE

if TYPE_CHECKING:
    from newslint.engine.report import Located, Report

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit")


class Options(NamedTuple):
    color: bool = False
    width: int = 80  # terminal columns the text format fits its source excerpts into
    quiet: bool = False  # diagnostics only: no summary


class Reporter(Protocol):
    """Takes each file's diagnostics as the file is done and keeps none it has written or spooled: the run keeps
    none for it either (report.items stays empty), so a run's memory does not grow with its problems."""

    shows_errors: bool  # input errors appear in the report itself, where each file's result stands

    def file_done(self, items: list[Located], error: str) -> None: ...

    def finish(self, report: Report) -> None: ...


class ReadableErrors:
    """A format's reporter, handed input errors as report.readable writes them: an error names its file, and a
    file name's bytes that are not UTF-8 would stop a strict UTF-8 stream (locate escapes the paths of items)."""

    def __init__(self, inner: Reporter):
        self.inner = inner
        self.shows_errors = inner.shows_errors

    def file_done(self, items: list[Located], error: str) -> None:
        from newslint.engine.report import readable

        self.inner.file_done(items, readable(error))

    def finish(self, report: Report) -> None:
        from newslint.engine.report import readable

        # a shallow copy, as copy.copy makes one, without importing copy and weakref for it (3 million instructions)
        shown = object.__new__(type(report))
        vars(shown).update(vars(report), errors=[readable(error) for error in report.errors])
        self.inner.finish(shown)


def reporter(name: str, stream: TextIO, options: Options = Options()) -> Reporter:
    module = importlib.import_module(f"newslint.reporters.{name}_format")
    return ReadableErrors(module.Reporter(stream, options))


SPOOL_IN_MEMORY = 8 * 1024 * 1024  # characters a format holds in memory before its spool moves to a temporary file


def spool() -> TextIO:
    """Where a format keeps what it can write only at the end: in memory up to SPOOL_IN_MEMORY characters, then in a
    temporary file, so that a run's memory does not grow with its problems."""
    import tempfile

    return tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY, mode="w+", encoding="utf-8")  # type: ignore


def line_for(item: Located) -> str:
    """path:line:col: code [severity] message (suggestion: ...): a diagnostic on one line."""
    d = item.diagnostic
    return f"{item.path}:{item.line}:{item.column}: {d.code} [{d.severity.value}] {with_hint(d)}"


def truncated(path: str, code: str, more: int) -> dict:
    """How many more problems a rule found in a file than are reported, as the JSON formats say it."""
    return {"path": path, "code": code, "more": more}


def fingerprints(items: list[Located]) -> list[str]:
    """One hash per item from its path, code, content fingerprint (the flagged text in context) and how many
    items with the same three came before it: no line numbers, so edits elsewhere in the file keep it."""
    import hashlib  # only for the formats with fingerprints: 2 ms of a run's start otherwise

    from newslint.engine.report import occurrences

    return [hashlib.sha256("\0".join((item.path, item.diagnostic.code, item.fingerprint, str(n))).encode())
            .hexdigest()[:32] for item, n in zip(items, occurrences(items))]


def nested_json(value, depth: int) -> str:
    """value as json.dump(..., ensure_ascii=False, indent=1) writes it `depth` levels down, for a format that writes
    one JSON document piece by piece (JSON strings hold no raw line break)."""
    import json

    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)


class JsonArray:
    """A JSON array written element by element, laid out as json.dump(indent=1) lays it out `depth` levels down,
    after `opening` (what the document holds before the array)."""

    def __init__(self, stream: TextIO, opening: str, depth: int):
        self.stream, self.opening, self.depth = stream, opening, depth
        self.count = 0

    def add(self, value) -> None:
        self.stream.write(("," if self.count else self.opening + "[") + "\n" + " " * self.depth
                          + nested_json(value, self.depth))
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n" + " " * (self.depth - 1) + "]" if self.count else self.opening + "[]")


def suggestion_text(suggestion: str) -> str:
    """A suggestion as an editor reads it: the replacement, or what an empty one does."""
    return repr(suggestion) if suggestion else "delete it"


def with_hint(d) -> str:
    """A diagnostic's message and its first suggestion."""
    return d.message + (f" (suggestion: {suggestion_text(d.suggestions[0])})" if d.suggestions else "")


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def truncation_note(item: Located) -> str:
    """What a report says, beside a rule's last item in a file, of the problems it found there past MAX_PER_RULE."""
    d = item.diagnostic
    return (f"{item.more:,} more {d.code} {d.rule} problem{'' if item.more == 1 else 's'} not shown "
            f"(at most {MAX_PER_RULE} are reported per rule and file)")


def summary_lines(report: Report, options: Options) -> list[tuple[str, str]]:
    """The end of a human-readable report, as ruff writes it: what was found where, what was fixed, what
    --fix would fix, what a baseline hid and what could not be read; (text, rich style) pairs."""
    out: list[tuple[str, str]] = []
    checked = f"{report.files} file{'' if report.files == 1 else 's'} checked"
    tally = report.tally
    if tally.problems:
        breakdown = ", ".join(plural(tally.by_severity[level], level) for level in ("error", "warning", "info")
                              if tally.by_severity[level])
        out.append((f"Found {plural(tally.problems, 'problem')} ({breakdown}) in {tally.files_with_problems} of "
                    f"{checked}.", "bold"))
    elif report.errors:
        out.append((f"No problems found in {checked}.", "bold red"))
    else:
        out.append((f"All clear: {checked}.", "bold green"))
    if report.truncated:
        more = sum(n for _, _, n in report.truncated)
        out.append((f"{more:,} more not shown: at most {MAX_PER_RULE} problems are reported per rule and file.",
                    "bold"))
    if report.fixed:
        out.append((f"Fixed {plural(report.fixed, 'problem')}.", "green"))
    safe, unsafe = tally.safe, tally.unsafe
    if safe:
        more = f" ({unsafe} more with `--unsafe-fixes`)" if unsafe else ""
        out.append((f"{safe} fixable with `--fix`{more}.", ""))
    elif unsafe:
        out.append((f"{unsafe} fixable with `--fix --unsafe-fixes`.", ""))
    if report.hidden_by_baseline:
        out.append((f"{plural(report.hidden_by_baseline, 'known problem')} hidden by the baseline.", ""))
    if report.errors:
        out.append((f"{plural(len(report.errors), 'input error')} (see above).", "bold red"))
    return out
