"""GitLab Code Quality: a JSON array of issues whose fingerprints survive edits elsewhere in the file; a rule that
found more problems in a file than are reported has one more issue there saying how many."""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

from newslint.engine.report import Report
from newslint.reporters import fingerprints, truncation_note

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    issues = [{
        "type": "issue",
        "check_name": item.diagnostic.code,
        "description": f"{item.diagnostic.code} {item.diagnostic.message}",
        "categories": ["Style"],
        "severity": SEVERITIES[item.diagnostic.severity.value],
        "fingerprint": fingerprint,
        "location": {"path": item.path, "lines": {"begin": item.line, "end": item.end_line}},
    } for item, fingerprint in zip(report.items, fingerprints(report.items))]
    issues += [{
        "type": "issue",
        "check_name": item.diagnostic.code,
        "description": f"{item.diagnostic.code} {truncation_note(item)}",
        "categories": ["Style"],
        "severity": "info",
        "fingerprint": hashlib.sha256("\0".join((item.path, item.diagnostic.code, "more")).encode()).hexdigest()[:32],
        "location": {"path": item.path, "lines": {"begin": item.line, "end": item.line}},
    } for item in report.items if item.more]
    json.dump(issues, stream, ensure_ascii=False, indent=1)
    stream.write("\n")
