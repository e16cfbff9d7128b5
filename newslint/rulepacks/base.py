"""What every pack rule shares: the PackRule base, the units of text a scope covers, the time budget, matching."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

import regex

from newslint.document import text as textutil
from newslint.engine.diagnostic import Diagnostic, Severity, Span
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document




# A pack rule's time budget for a run (see TimeBudget), measured 2026-12-05. On the bench (170 stories, 0.5 MB) no
# shipped rule spends more than 0.11 µs a character for each of its patterns (AP101); on the worst text found for
# them (2 MB of "ly-ly-") AP101 spends 0.7 µs, in linear time. A backtracking pattern, (a|aa)+$, spends 16 ms on
# a paragraph of 23 letters: 700 µs a character, and more the longer the paragraph.
RULE_TIME_BASE = 0.5  # seconds a rule may spend in a run before what it reads earns it more


RULE_TIME_PER_CHAR = 5e-6  # seconds more for every character one of its patterns is run over: 5 s a megabyte


SCOPES = ("headline", "body", "sentence", "metadata", "raw")


COMMON_KEYS = frozenset(
    "kind code name message severity scope fix ignorecase outside_quotes enabled description source tests".split()
)


CODE_RE = re.compile(r"[A-Z][A-Z0-9]*[0-9]+")


NAME_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


WORD = regex.compile(r"\w")


PLACEHOLDER_NAMES = ("match", "suggestion", "count", "max", "min")


PLACEHOLDERS = ", ".join("{" + name + "}" for name in PLACEHOLDER_NAMES)


class Unit(NamedTuple):
    """A stretch of text a rule looks at: a headline, a paragraph, a sentence, a metadata value, the whole file."""

    text: str
    start: int
    end: int


class PackError(Exception):
    def __init__(self, key: str, problem: str, test: int | None = None):
        super().__init__(problem)
        self.key, self.problem, self.test = key, problem, test


class PatternTimeout(Exception):
    def __init__(self, pattern: str, at: int):
        super().__init__(pattern)
        self.at = at


class TimeBudget:
    """The time a pack rule's patterns may still take in this run: RULE_TIME_BASE to start with, and
    RULE_TIME_PER_CHAR more for each character a pattern is run over. A rule whose patterns take time in proportion
    to the text never runs out; one that backtracks is cut off however the text is divided, and stays off. Kept by
    the rule object, which lives as long as its Linter: one configuration for one run (with --jobs, each worker
    process keeps its own). One search may overrun what is left by up to what was left when it began."""

    __slots__ = ("left", "used_up_by")

    def __init__(self) -> None:
        self.left = RULE_TIME_BASE
        self.used_up_by: str | None = None  # the pattern that was running when the budget ran out


def finditer_within_budget(pattern: regex.Pattern, unit: Unit, budget: TimeBudget) -> Iterator[regex.Match]:
    """Matches of pattern in unit, each search timed against the rule's budget."""
    budget.left += (unit.end - unit.start) * RULE_TIME_PER_CHAR
    matches = pattern.finditer(unit.text, unit.start, unit.end, timeout=budget.left)  # the limit of each search
    while True:
        began = time.perf_counter()
        try:
            found = next(matches, None)
        except TimeoutError:
            found, budget.left = None, 0.0
        budget.left -= time.perf_counter() - began
        if budget.left <= 0:
            budget.used_up_by = pattern.pattern
            raise PatternTimeout(pattern.pattern, unit.start)
        if found is None:
            return
        yield found


def literal_pattern(phrase: str, flags: int) -> regex.Pattern:
    """A pattern for a word or phrase that does not match inside a longer word."""
    left = r"(?<!\w)" if WORD.match(phrase[:1]) else ""
    right = r"(?!\w)" if WORD.match(phrase[-1:]) else ""
    return regex.compile(left + regex.escape(phrase) + right, flags)


class PackRule(Rule):
    """A rule read from a pack; ``kind_doc`` says what each kind does."""

    kind_doc: ClassVar[str] = ""
    keys: ClassVar[frozenset[str]] = frozenset()
    file: ClassVar[str] = ""
    scopes: ClassVar[tuple[str, ...]] = ("body",)
    message: ClassVar[str] = "{match}"
    outside_quotes: ClassVar[bool] = False
    tests: ClassVar[tuple[tuple[str, str], ...]] = ()  # ("bad" | "good", text)
    pack: ClassVar[str] = ""  # the pack's folder name, shown by 'newslint rules'

    @classmethod
    def configure(cls, table: dict[str, Any]) -> dict[str, Any]:
        """Validate the kind's own keys; returns class attributes."""
        return {}

    def __init__(self) -> None:
        self.budget = TimeBudget()

    def check(self, doc: Document, res: object) -> Iterator[Diagnostic]:
        if self.budget.used_up_by is not None:
            message = (f"Rule {self.code} ({self.name}) skipped: its pattern {self.budget.used_up_by} ran out of "
                       "time earlier in this run; simplify the pattern")
            return iter((self.report(Span(0, 0), message, severity=Severity.WARNING),))
        return self.run(doc_units(doc, self.scopes, self.outside_quotes))

    def run(self, units: list[Unit]) -> Iterator[Diagnostic]:
        try:
            yield from self.find(units)
        except PatternTimeout as exc:
            message = (f"Rule {self.code} ({self.name}) skipped for the rest of this run: its pattern {exc} ran "
                       "out of time; simplify the pattern")
            yield self.report(Span(exc.at, exc.at), message, severity=Severity.WARNING)

    def find(self, units: list[Unit]) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def say(self, m: regex.Match | tuple[int, int, str], suggestion: str | None = None,
            **numbers: int | None) -> Diagnostic:
        start, end, found = (m.start(), m.end(), m.group()) if isinstance(m, regex.Match) else m
        message = _filled(self.message, found, suggestion or "", **numbers)
        return self.report(Span(start, end), message, () if suggestion is None else (suggestion,))


def _filled(message: str, match: str, suggestion: str, **numbers: int | None) -> str:
    """A rule's message with its placeholders filled, every one with text ("" for a number not given), at run
    time and when a pack is loaded alike, so that a message that loads cannot fail on a match."""
    values = dict.fromkeys(PLACEHOLDER_NAMES, "")
    values.update({name: str(number) for name, number in numbers.items() if number is not None})
    return message.format_map({**values, "match": match, "suggestion": suggestion})


def _check_message(message: str) -> None:
    """Placeholders by name alone ({match}, not {match.upper} or {0}), each with a format text can take."""
    import string

    try:
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(message) if name is not None]
    except ValueError as exc:  # a lone { or }
        raise PackError("message", f"bad placeholder ({exc}); use {PLACEHOLDERS}") from None
    for name, spec in fields:
        if name not in PLACEHOLDER_NAMES:
            raise PackError("message", f"bad placeholder ({name!r}); use {PLACEHOLDERS}")
        if "{" in (spec or ""):
            raise PackError("message", f"bad placeholder {{{name}:{spec}}} (a placeholder inside another); "
                                       f"use {PLACEHOLDERS}")
    try:
        _filled(message, "", "")
    except ValueError as exc:
        raise PackError("message", f"bad placeholder format ({exc}); each placeholder is filled with text") from None


def compiled_patterns(table: dict[str, Any], flags: int) -> tuple[regex.Pattern, ...]:
    """``tokens`` (literal words and phrases) and ``patterns`` (regular expressions)."""
    out = [literal_pattern(t, flags) for t in str_list(table, "tokens")]
    out += [compiled("patterns", p, flags) for p in str_list(table, "patterns")]
    if not out:
        raise PackError("tokens", "give at least one of 'tokens' (words) or 'patterns' (regular expressions)")
    return tuple(out)


def compiled(key: str, pattern: str, flags: int) -> regex.Pattern:
    try:
        return regex.compile(pattern, flags)
    except regex.error as exc:
        raise PackError(key, f"bad regular expression {pattern!r}: {exc}") from None


def _check_replacement(pattern: regex.Pattern, bad: str, good: str) -> None:
    """A swap's replacement read as Match.expand reads it at run time (\\1, \\g<name>), against a pattern with
    the same groups that matches the empty text: a reference to no group fails here, not on every match."""
    names = {number: name for name, number in pattern.groupindex.items()}
    groups = "".join(f"(?P<{names[n]}>)" if n in names else "()" for n in range(1, pattern.groups + 1))
    try:
        regex.compile(groups).match("").expand(good)  # type: ignore[union-attr]
    except (regex.error, IndexError) as exc:
        raise PackError("swap", f"{bad!r} = {good!r}: bad replacement ({exc})") from None


def str_list(table: dict[str, Any], key: str) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise PackError(key, "expected a list of non-empty strings")
    return value


def compiled_exceptions(table: dict[str, Any], flags: int) -> tuple[regex.Pattern, ...]:
    """``exceptions``: phrases inside which a match is fine ("Internet Explorer" for a lower-case "internet")."""
    return tuple(literal_pattern(e, flags) for e in str_list(table, "exceptions"))


def excused(m: regex.Match, unit: Unit, exceptions: tuple[regex.Pattern, ...], budget: TimeBudget) -> bool:
    around = Unit(unit.text, max(unit.start, m.start() - 80), min(unit.end, m.end() + 80))
    return any(e.start() <= m.start() and m.end() <= e.end()
               for pattern in exceptions for e in finditer_within_budget(pattern, around, budget))


def matches(patterns: Iterable[regex.Pattern], units: list[Unit], budget: TimeBudget,
             exceptions: tuple[regex.Pattern, ...] = ()):
    """Every match of the patterns in the units, leftmost first; an earlier pattern wins an overlap."""
    found = []
    for rank, pattern in enumerate(patterns):
        for unit in units:
            found.extend((m.start(), rank, m) for m in finditer_within_budget(pattern, unit, budget)
                         if not excused(m, unit, exceptions, budget))
    found.sort(key=lambda item: (item[0], item[1]))
    last_end = -1
    for start, rank, m in found:
        if start >= last_end and m.end() > start:
            last_end = m.end()
            yield rank, m


def regex_flags(table: dict[str, Any]) -> int:
    return regex.IGNORECASE if switch(table, "ignorecase") else 0


def switch(table: dict[str, Any], key: str, default: bool = False) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise PackError(key, "expected true or false")
    return value


def _choice(table: dict[str, Any], key: str, options: Iterable[str], default: str | None) -> str | None:
    value = table.get(key, default)
    options = tuple(options)
    if value is not default and value not in options:
        raise PackError(key, f"{value!r} is not one of {', '.join(options)}")
    return value


# -- where rules look ----------------------------------------------------------------------------------------
def doc_units(doc: Document, scopes: tuple[str, ...], outside_quotes: bool = False) -> list[Unit]:
    prose = _unquoted(doc.prose, [(b.start, b.end) for b in doc.prose_blocks]) if outside_quotes else doc.prose
    units: list[Unit] = []
    for scope in scopes:
        if scope == "raw":
            units.append(Unit(doc.text, 0, len(doc.text)))
        elif scope == "metadata":
            units.extend(Unit(doc.text, f.value_start, f.value_end) for f in doc.metadata)
        elif scope == "sentence":
            starts = sorted(doc.sentence_starts)
            for block in doc.prose_blocks:
                cuts = [s for s in starts if block.start < s < block.end]
                units.extend(Unit(prose, a, b) for a, b in zip([block.start, *cuts], [*cuts, block.end]))
        else:
            kinds = ("headline", "heading") if scope == "headline" else ("paragraph",)
            units.extend(Unit(prose, b.start, b.end) for b in doc.prose_blocks if b.kind in kinds)
    return sorted(units, key=lambda u: u.start)


def text_units(text: str, scopes: tuple[str, ...], outside_quotes: bool = False) -> list[Unit]:
    """How a test example is read: the whole text is one unit of the rule's scope (split into sentences for
    the sentence scope)."""
    if outside_quotes:
        text = _unquoted(text, [(0, len(text))])
    if "sentence" in scopes:
        cuts = textutil.sentence_starts(text)[1:]
        return [Unit(text, a, b) for a, b in zip([0, *cuts], [*cuts, len(text)])]
    return [Unit(text, 0, len(text))]


def _unquoted(text: str, blocks: list[tuple[int, int]]) -> str:
    """text with quoted stretches blanked, so that style rules leave direct quotations alone."""
    from newslint.document.quotes import scan_quotes

    chars = list(text)
    for start, end in blocks:
        for a, b in scan_quotes(text, start, end).spans:
            chars[a:b] = " " * (b - a)
    return "".join(chars)
