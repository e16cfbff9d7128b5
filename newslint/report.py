"""What reporters receive: diagnostics with their lines and columns resolved, plus run-level facts."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from newslint.diagnostic import Diagnostic
from newslint.linter import FileResult
from newslint.source import checksum

CONTEXT = 20  # characters each side of the flagged text that take part in its fingerprint
SPACE_RE = re.compile(r"\s+")


def content_fingerprint(text: str, start: int, end: int) -> str:
    """A hash of the flagged text and a little context, spacing and line endings normalised."""
    before = SPACE_RE.sub(" ", text[max(0, start - 4 * CONTEXT):start])[-CONTEXT:]
    after = SPACE_RE.sub(" ", text[end:end + 4 * CONTEXT])[:CONTEXT]
    snippet = "\0".join((before, SPACE_RE.sub(" ", text[start:end]), after))
    return checksum(snippet.encode("utf-8", "surrogatepass"))


class Located(NamedTuple):
    diagnostic: Diagnostic
    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive
    source_line: str  # the text of `line`, for display
    fingerprint: str = ""  # the flagged text in its context, hashed: what a baseline matches on

    def as_dict(self) -> dict:
        d = self.diagnostic
        out = {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
            "code": d.code, "rule": d.rule, "severity": d.severity.value, "message": d.message,
            "suggestions": list(d.suggestions), "fix": None,
        }
        if d.fix:
            out["fix"] = {
                "title": d.fix.title, "applicability": d.fix.applicability.value,
                "edits": [{"start": e.span.start, "end": e.span.end, "replacement": e.replacement} for e in d.fix.edits],
            }
        return out


def locate(result: FileResult) -> list[Located]:
    doc = result.document
    out = []
    for d in result.diagnostics:
        line, column = doc.locate(d.span.start)
        end_line, end_column = doc.locate(d.span.end)
        out.append(Located(d, doc.path, line, column, end_line, end_column, doc.line_text(line - 1),
                           content_fingerprint(doc.text, d.span.start, d.span.end)))
    return out


def occurrences(items: list[Located]) -> list[int]:
    """For each item, how many items before it share its path, code and content fingerprint: with the
    fingerprint, an identity that survives edits elsewhere in the file (no line numbers)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for item in items:
        key = (item.path, item.diagnostic.code, item.fingerprint)
        out.append(seen[key])
        seen[key] += 1
    return out


@dataclass
class Report:
    items: list[Located] = field(default_factory=list)
    files: int = 0
    errors: list[str] = field(default_factory=list)  # input problems, one line each
    warnings: list[str] = field(default_factory=list)  # run-level remarks for stderr (a pattern that matches nothing)
    fixed: int = 0
    hidden_by_baseline: int = 0  # known problems a baseline kept out of items

    def add_items(self, items: list[Located]) -> None:
        """One checked file's diagnostics, already located (documents are not kept)."""
        self.files += 1
        self.items.extend(items)
