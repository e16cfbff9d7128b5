"""Why a heuristic rule did or did not report a word: the trace it keeps when asked, and its named steps.

A rule's decisions are ordered, named steps (``Step``), each with the examples it alone decides. When a run is asked
to explain (``newslint explain PATH:LINE:COL``, or ``--explain`` for the JSON formats), the linter hands the Document
a ``Trace``; a rule that finds ``doc.trace`` set records, for the words it considered, the evidence it weighed and the
step that decided. With no trace (every ordinary run) a rule records nothing and pays one attribute test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

DISABLED_STEPS: set[str] = set()  # "CODE:step-name" turned off by Step.off(), for the test that each step decides


class Step(NamedTuple):
    """One named decision of a heuristic rule. Examples mark the word in question with [[ ]]: in ``flags`` the
    rule reports it because of this step, in ``allows`` it leaves it alone because of this step; with the step
    off, each example's outcome flips (tests/test_steps.py checks both)."""

    code: str
    name: str
    decides: str  # one line: what the step decides and why
    flags: tuple[str, ...] = ()
    allows: tuple[str, ...] = ()

    @property
    def on(self) -> bool:
        return not DISABLED_STEPS or f"{self.code}:{self.name}" not in DISABLED_STEPS  # asked at every word

    @contextmanager
    def off(self) -> Iterator[None]:
        key = f"{self.code}:{self.name}"
        DISABLED_STEPS.add(key)
        try:
            yield
        finally:
            DISABLED_STEPS.discard(key)


class Entry(NamedTuple):
    code: str
    start: int
    end: int
    step: str  # the step that decided, or "" for evidence gathered on the way
    verdict: str  # "reported", "left alone", or "" for evidence
    detail: dict[str, Any]


class Trace:
    """What rules record of their decisions: at one offset (newslint explain) or everywhere (offset None)."""

    def __init__(self, offset: int | None = None):
        self.offset = offset
        self.entries: list[Entry] = []

    def wants(self, start: int, end: int) -> bool:
        return self.offset is None or start <= self.offset < max(end, start + 1)

    def note(self, code: str, start: int, end: int, **detail: Any) -> None:
        """Evidence weighed for the text at start..end."""
        if self.wants(start, end):
            self.entries.append(Entry(code, start, end, "", "", detail))

    def decide(self, code: str, start: int, end: int, step: str, reported: bool, **detail: Any) -> None:
        """The step that decided whether the text at start..end is reported."""
        if self.wants(start, end):
            self.entries.append(Entry(code, start, end, step, "reported" if reported else "left alone", detail))

    def about(self, code: str, start: int, end: int) -> list[Entry]:
        return [e for e in self.entries if e.code == code and e.start == start and e.end == end]


def evidence(entries: list[Entry]) -> list[dict[str, Any]]:
    """Entries as JSON: step, verdict and detail, numbers rounded to three places."""
    out = []
    for e in entries:
        item: dict[str, Any] = {"step": e.step, "verdict": e.verdict} if e.step else {}
        item.update({key: _plain(value) for key, value in e.detail.items()})
        out.append(item)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
