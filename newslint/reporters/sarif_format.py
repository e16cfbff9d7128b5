"""SARIF 2.1.0 for GitHub code scanning: rule metadata, locations with regions, fixes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from newslint import __version__
from newslint.report import Report

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    return Path(path).as_posix() if path != "-" else "stdin"


def _region(doc_line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": doc_line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    rules: dict[str, dict] = {}
    results = []
    for item in report.items:
        d = item.diagnostic
        if d.code not in rules:
            rules[d.code] = {
                "id": d.code, "name": d.rule,
                "shortDescription": {"text": d.rule.replace("-", " ")},
                "helpUri": "https://github.com/newslint/newslint#rules",
                "defaultConfiguration": {"level": LEVELS[d.severity.value]},
            }
        result = {
            "ruleId": d.code,
            "ruleIndex": list(rules).index(d.code),
            "level": LEVELS[d.severity.value],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(item.path)},
                "region": _region(item.line, item.column, item.end_line, item.end_column),
            }}],
            "partialFingerprints": {"newslint/v1": d.extra.get("fingerprint", f"{d.code}:{item.source_line[item.column - 1:item.end_column - 1]}")},
        }
        if d.fix:
            result["fixes"] = [{
                "description": {"text": d.fix.title},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(item.path)},
                    "replacements": [{
                        "deletedRegion": {"charOffset": e.span.start, "charLength": e.span.end - e.span.start},
                        "insertedContent": {"text": e.replacement},
                    } for e in d.fix.edits],
                }],
            }]
        results.append(result)
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "newslint", "version": __version__, "informationUri": "https://github.com/newslint/newslint",
                                "rules": list(rules.values())}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    json.dump(sarif, stream, ensure_ascii=False, indent=1)
    stream.write("\n")
