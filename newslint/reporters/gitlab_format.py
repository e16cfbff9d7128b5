"""GitLab Code Quality: a JSON array of issues whose fingerprints survive edits elsewhere in the file; a rule that
found more problems in a file than are reported has one more issue at the end saying how many. Written as
json.dump(..., indent=1) would write it, each file's issues as soon as the file is done."""

from __future__ import annotations

import hashlib
from typing import TextIO

from newslint.engine.report import Located, Report
from newslint.reporters import JsonArray, Options, fingerprints, truncation_note

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def issue(item: Located, description: str, severity: str, fingerprint: str, end_line: int) -> dict:
    return {
        "type": "issue",
        "check_name": item.diagnostic.code,
        "description": f"{item.diagnostic.code} {description}",
        "categories": ["Style"],
        "severity": severity,
        "fingerprint": fingerprint,
        "location": {"path": item.path, "lines": {"begin": item.line, "end": end_line}},
    }


class Reporter:
    shows_errors = False

    def __init__(self, stream: TextIO, options: Options):
        self.stream = stream
        self.issues = JsonArray(stream, "", 1)
        self.notes: list[dict] = []  # the truncation notes, which come after every file's issues

    def file_done(self, items: list[Located], error: str) -> None:
        for item, fingerprint in zip(items, fingerprints(items)):
            severity = SEVERITIES[item.diagnostic.severity.value]
            self.issues.add(issue(item, item.diagnostic.message, severity, fingerprint, item.end_line))
        self.notes += [issue(item, truncation_note(item), "info", hashlib.sha256(
            "\0".join((item.path, item.diagnostic.code, "more")).encode()).hexdigest()[:32], item.line)
            for item in items if item.more]

    def finish(self, report: Report) -> None:
        for note in self.notes:
            self.issues.add(note)
        self.issues.close()
        self.stream.write("\n")
