"""Runs the selected rules over a document and filters what they find."""

from __future__ import annotations

from collections import Counter
from itertools import islice
from typing import NamedTuple

from newslint.document.document import Document
from newslint.document.source import Source
from newslint.engine import registry, suppression
from newslint.engine.config import Config
from newslint.engine.diagnostic import Diagnostic, Severity
from newslint.engine.explain import Trace, evidence
from newslint.engine.resources import Resources
from newslint.engine.rule import Rule

# Diagnostics one rule reports for one file at most. Real copy comes nowhere near: at most 3 per rule per story on
# the 170-story bench (December 2026). A file past it is generated or pasted junk ("the the the ..." for 1 MB gives
# 262,143 repeated words), and keeping every diagnostic would cost memory with the size of the file: the rest are
# counted, and the report says how many.
MAX_PER_RULE = 500


class FileResult(NamedTuple):
    document: Document
    diagnostics: list[Diagnostic]
    left_out: tuple[tuple[str, int], ...] = ()  # (code, how many more diagnostics its rule found past MAX_PER_RULE)


class Linter:
    """One configuration's rules and resources; lint as many sources as you like with it."""

    def __init__(self, config: Config):
        self.config = config
        self.resources = Resources(config)
        every_rule = registry.all_rules(config)
        self.known = registry.KnownCodes.of(every_rule, config.packs)
        registry.check_codes(config, self.known)  # once per configuration: a code that names no rule stops the run
        self.rules: list[Rule] = [r for r in every_rule if registry.is_selected(r, config)]
        self._precedence = registry.precedence(self.rules)

    def before_workers(self, files: int) -> None:
        """Worker processes are about to be forked from this one to lint about `files` more files: the data loaded,
        and what each rule would otherwise build in every worker built here once, for them to share."""
        self.resources.preload()
        for rule in self.rules:
            rule.before_workers(self.resources, files)

    def ahead(self, files: int) -> None:
        """This process is to lint about `files` more files, the first done: what each rule prepares for them."""
        for rule in self.rules:
            rule.ahead(self.resources, files)

    def lint(self, source: Source, trace: Trace | None = None) -> FileResult:
        """The file's diagnostics. With a trace (or --explain), the heuristic rules record why they decided, and
        each diagnostic they report carries its evidence."""
        doc = Document(source)
        doc.trace = trace if trace is not None or not self.config.explain else Trace()
        ignored = self.config.ignored_for(source.path)
        found: list[Diagnostic] = []
        left_out: Counter[str] = Counter()
        for rule in self.rules:
            if ignored and not registry.is_selected(rule, self.config, ignored):
                continue
            diagnostics = iter(rule.check(doc, self.resources))
            found.extend(diagnostic.with_(path=source.path) for diagnostic in islice(diagnostics, MAX_PER_RULE))
            left_out.update(diagnostic.code for diagnostic in diagnostics)
        found = suppression.marked_as_written(doc, self._drop_overlaps(self._apply_severity(found)))
        found, directives = suppression.apply(doc, found, self.known.problem)
        for rule in self.rules:
            if rule.reads_suppressions and (not ignored or registry.is_selected(rule, self.config, ignored)):
                found.extend(d.with_(path=source.path) for d in rule.check_suppressions(doc, directives))
        found.sort(key=lambda d: (d.span.start, d.span.end, d.code))
        if doc.trace is not None:
            found = [self._with_evidence(d, doc.trace) for d in found]
        return FileResult(doc, found, tuple((code, n) for code, n in left_out.items()
                                            if self.config.severity_for(code) != "off"))

    @staticmethod
    def _with_evidence(diagnostic: Diagnostic, trace: Trace) -> Diagnostic:
        entries = trace.about(diagnostic.code, diagnostic.span.start, diagnostic.span.end)
        return diagnostic.with_(extra={**diagnostic.extra, "evidence": evidence(entries)}) if entries else diagnostic

    def _apply_severity(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        out = []
        for d in diagnostics:
            level = self.config.severity_for(d.code)
            if level == "off":
                continue
            out.append(d.with_(severity=Severity(level)) if level else d)
        return out

    def _drop_overlaps(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """Where two rules flag overlapping text, keep one: the higher severity, then the rule listed first.
        Ranked within each run of overlapping spans, so that a file with thousands of findings stays linear."""
        kept: list[Diagnostic] = []
        cluster: list[Diagnostic] = []
        end = -1
        for d in sorted(diagnostics, key=lambda d: (d.span.start, d.span.end)):
            if cluster and d.span.start >= end:
                kept.extend(self._rank(cluster))
                cluster, end = [], -1
            cluster.append(d)
            end = max(end, d.span.end)
        kept.extend(self._rank(cluster))
        return kept

    def _rank(self, cluster: list[Diagnostic]) -> list[Diagnostic]:
        chosen: list[Diagnostic] = []
        for d in sorted(cluster, key=lambda d: (-d.severity.rank, self._precedence[d.code], d.span.start)):
            if not any(k.code != d.code and k.span.overlaps(d.span) for k in chosen):
                chosen.append(d)
        return chosen
