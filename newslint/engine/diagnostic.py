"""Plain data a rule hands back: spans, edits, fixes and diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


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


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open range of character offsets into the document text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Edit:
    span: Span
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    rule: str
    message: str
    span: Span
    severity: Severity
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    # filled in by the linter, not by rules
    path: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def with_(self, **changes) -> Diagnostic:
        return replace(self, **changes)


def replacement_fix(span: Span, replacement: str, applicability: Applicability, title: str | None = None) -> Fix:
    """A fix that replaces one span, titled imperatively."""
    if title is None:
        title = "Delete it" if replacement == "" else f"Replace with '{replacement}'"
    return Fix(title, (Edit(span, replacement),), applicability)
