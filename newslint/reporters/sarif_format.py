"""SARIF 2.1.0 for GitHub code scanning: rule metadata, located results with fingerprints, fixes; a rule that found
more problems in a file than are reported gets a tool notification saying how many."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TYPE_CHECKING, TextIO
from urllib.parse import quote

from newslint import __version__
from newslint.engine.diagnostic import Diagnostic
from newslint.engine.report import Located, Report
from newslint.reporters import fingerprints, truncation_note, with_hint

if TYPE_CHECKING:
    from newslint.engine.rule import Rule

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_DESCRIPTION = 1024  # GitHub's limit for rule descriptions


def uri(path: str) -> str:
    """A URI reference for a reported path: relative paths stay relative, absolute ones become file: URIs."""
    if path == "-":
        return "stdin"
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())


def _clip(text: str) -> str:
    return text if len(text) <= MAX_DESCRIPTION else text[:MAX_DESCRIPTION - 1] + "…"


def _rule(d: Diagnostic, rule: Rule | None) -> dict:
    """The rule's metadata, from its documentation."""
    doc = rule.documentation() if rule else ""
    summary = rule.summary() if rule else d.rule
    level = rule.severity.value if rule else d.severity.value
    out = {"id": d.code, "name": d.rule, "shortDescription": {"text": _clip(summary)},
           "defaultConfiguration": {"level": LEVELS[level]}}
    if doc:
        out |= {"fullDescription": {"text": _clip(doc)}, "help": {"text": doc}}
    return out


def _result(item: Located, index: int, fingerprint: str) -> dict:
    d = item.diagnostic
    location = {"uri": uri(item.path)}
    out = {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": LEVELS[d.severity.value],
        "message": {"text": with_hint(d)},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": {
            "startLine": item.line, "startColumn": item.column, "endLine": item.end_line, "endColumn": item.end_column,
        }}}],
        "partialFingerprints": {"newslint/v1": fingerprint},
    }
    if d.fix:
        out["fixes"] = [{"description": {"text": d.fix.title}, "artifactChanges": [{
            "artifactLocation": location,
            "replacements": [{"deletedRegion": {"charOffset": e.span.start, "charLength": e.span.end - e.span.start},
                              "insertedContent": {"text": e.replacement}} for e in d.fix.edits],
        }]}]
    return out


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    firsts = {item.diagnostic.code: item.diagnostic for item in reversed(report.items)}
    codes = sorted(firsts)
    index = {code: i for i, code in enumerate(codes)}
    results = [_result(item, index[item.diagnostic.code], fingerprint)
               for item, fingerprint in zip(report.items, fingerprints(report.items))]
    sarif = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "newslint", "version": __version__, "rules": [_rule(firsts[c], report.rules.get(c)) for c in codes]}},
        "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": [
            {"level": "error", "message": {"text": error}} for error in report.errors] + [
            {"level": "warning", "message": {"text": truncation_note(item)},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(item.path)}}}],
             "associatedRule": {"id": item.diagnostic.code, "index": index[item.diagnostic.code]}}
            for item in report.items if item.more]}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }]}
    json.dump(sarif, stream, ensure_ascii=False, indent=1)
    stream.write("\n")
