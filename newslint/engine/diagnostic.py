"""Plain data a rule hands back: spans, edits, fixes and diagnostics."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Applicability(str, Enum):
    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes
    DISPLAY = "display"  # shown, never applied


class Span(NamedTuple):
    """Half-open range of character offsets into the document text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Edit(NamedTuple):
    span: Span
    replacement: str


class Fix(NamedTuple):
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability


class Diagnostic(NamedTuple):
    code: str
    rule: str
    message: str
    span: Span
    severity: Severity
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    # filled in by the linter, not by rules
    path: str = ""
    extra: dict = {}  # shared by every diagnostic not given one: replaced (with_), never changed in place

    def with_(self, **changes) -> Diagnostic:
        return self._replace(**changes)

    # extra carries evidence along: two diagnostics that differ only there are the same finding.
    def __eq__(self, other: object) -> bool:
        return self[:-1] == other[:-1] if isinstance(other, Diagnostic) else NotImplemented

    def __ne__(self, other: object) -> bool:
        return self[:-1] != other[:-1] if isinstance(other, Diagnostic) else NotImplemented

    def __hash__(self) -> int:
        return hash(self[:-1])


def replacement_fix(span: Span, replacement: str, applicability: Applicability, title: str | None = None) -> Fix:
    """A fix that replaces one span, titled imperatively."""
    if title is None:
        title = "Delete it" if replacement == "" else f"Replace with '{replacement}'"
    return Fix(title, (Edit(span, replacement),), applicability)
