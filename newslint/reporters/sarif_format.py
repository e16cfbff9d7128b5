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
from newslint.reporters import JsonArray, Options, fingerprints, spool, truncation_note, with_hint

if TYPE_CHECKING:
    from newslint.engine.rule import Rule

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_DESCRIPTION = 1024  # GitHub's limit for rule descriptions
RESULTS_HERE = "newslint: the results go here"  # where the document's results array is written in
RESULTS_DEPTH = 4  # how deep the results stand in the document: {"runs": [{"results": [...]}]}


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


class Reporter:
    """Each file's results as soon as the file is done, spooled (reporters.spool) until the end, where
    the rules are known and the document is written as json.dump(..., indent=1) would write it: the memory of an
    archive's run does not grow with its problems. A result's ruleIndex, the place of its rule among those that
    reported, is set then."""

    shows_errors = False

    def __init__(self, stream: TextIO, options: Options):
        self.stream = stream
        self.spool = spool()
        self.firsts: dict[str, Diagnostic] = {}  # each code's first diagnostic, for its rule's metadata
        self.notes: list[tuple[str, str, str]] = []  # (path, code, note) for each rule cut short in a file

    def file_done(self, items: list[Located], error: str) -> None:
        for item, fingerprint in zip(items, fingerprints(items)):
            self.firsts.setdefault(item.diagnostic.code, item.diagnostic)
            self.spool.write(json.dumps(_result(item, -1, fingerprint), ensure_ascii=False) + "\n")
        self.notes += [(item.path, item.diagnostic.code, truncation_note(item)) for item in items if item.more]

    def finish(self, report: Report) -> None:
        codes = sorted(self.firsts)
        index = {code: i for i, code in enumerate(codes)}
        sarif = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
            "tool": {"driver": {"name": "newslint", "version": __version__,
                                "rules": [_rule(self.firsts[c], report.rules.get(c)) for c in codes]}},
            "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": [
                {"level": "error", "message": {"text": error}} for error in report.errors] + [
                {"level": "warning", "message": {"text": note},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(path)}}}],
                 "associatedRule": {"id": code, "index": index[code]}}
                for path, code, note in self.notes]}],
            "columnKind": "unicodeCodePoints",
            "results": RESULTS_HERE,
        }]}
        before, after = json.dumps(sarif, ensure_ascii=False, indent=1).split(json.dumps(RESULTS_HERE))
        results = JsonArray(self.stream, before, RESULTS_DEPTH)
        self.spool.seek(0)
        for line in self.spool:
            result = json.loads(line)
            result["ruleIndex"] = index[result["ruleId"]]
            results.add(result)
        self.spool.close()
        results.close()
        self.stream.write(after + "\n")
