"""Rule packs: declarative rules read from a folder of TOML files, each rule with its own bad/good tests."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

import regex

from newslint.document import text as textutil
from newslint.engine.config import ConfigError, read_toml
from newslint.engine.diagnostic import Applicability, Diagnostic, Severity, Span
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


def _finditer(pattern: regex.Pattern, unit: Unit, budget: TimeBudget) -> Iterator[regex.Match]:
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


def _literal(phrase: str, flags: int) -> regex.Pattern:
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


def _patterns(table: dict[str, Any], flags: int) -> tuple[regex.Pattern, ...]:
    """``tokens`` (literal words and phrases) and ``patterns`` (regular expressions)."""
    out = [_literal(t, flags) for t in _str_list(table, "tokens")]
    out += [_compile("patterns", p, flags) for p in _str_list(table, "patterns")]
    if not out:
        raise PackError("tokens", "give at least one of 'tokens' (words) or 'patterns' (regular expressions)")
    return tuple(out)


def _compile(key: str, pattern: str, flags: int) -> regex.Pattern:
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


def _str_list(table: dict[str, Any], key: str) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise PackError(key, "expected a list of non-empty strings")
    return value


def _exceptions(table: dict[str, Any], flags: int) -> tuple[regex.Pattern, ...]:
    """``exceptions``: phrases inside which a match is fine ("Internet Explorer" for a lower-case "internet")."""
    return tuple(_literal(e, flags) for e in _str_list(table, "exceptions"))


def _excused(m: regex.Match, unit: Unit, exceptions: tuple[regex.Pattern, ...], budget: TimeBudget) -> bool:
    around = Unit(unit.text, max(unit.start, m.start() - 80), min(unit.end, m.end() + 80))
    return any(e.start() <= m.start() and m.end() <= e.end()
               for pattern in exceptions for e in _finditer(pattern, around, budget))


def _matches(patterns: Iterable[regex.Pattern], units: list[Unit], budget: TimeBudget,
             exceptions: tuple[regex.Pattern, ...] = ()):
    """Every match of the patterns in the units, leftmost first; an earlier pattern wins an overlap."""
    found = []
    for rank, pattern in enumerate(patterns):
        for unit in units:
            found.extend((m.start(), rank, m) for m in _finditer(pattern, unit, budget)
                         if not _excused(m, unit, exceptions, budget))
    found.sort(key=lambda item: (item[0], item[1]))
    last_end = -1
    for start, rank, m in found:
        if start >= last_end and m.end() > start:
            last_end = m.end()
            yield rank, m


class Existence(PackRule):
    kind_doc = "flags every match of its words (tokens) or regular expressions (patterns)"
    keys = frozenset({"tokens", "patterns", "exceptions"})
    patterns: ClassVar[tuple[regex.Pattern, ...]] = ()
    exceptions: ClassVar[tuple[regex.Pattern, ...]] = ()

    @classmethod
    def configure(cls, table):
        return {"patterns": _patterns(table, _flags(table)), "exceptions": _exceptions(table, _flags(table))}

    def find(self, units):
        for _, m in _matches(self.patterns, units, self.budget, self.exceptions):
            yield self.say(m)


class Substitution(PackRule):
    kind_doc = "flags each key of its swap table and suggests the value"
    keys = frozenset({"swap", "regex", "pattern", "exceptions"})
    swaps: ClassVar[tuple[tuple[regex.Pattern, str], ...]] = ()
    is_regex: ClassVar[bool] = False
    exceptions: ClassVar[tuple[regex.Pattern, ...]] = ()

    @classmethod
    def configure(cls, table):
        swap = table.get("swap")
        if not isinstance(swap, dict) or not swap or not all(isinstance(v, str) for v in swap.values()):
            raise PackError("swap", "expected a table of \"bad\" = \"good\" strings")
        is_regex = _bool(table, "regex")
        template = table.get("pattern", "{}")
        if "pattern" in table and not (is_regex and isinstance(template, str) and "{}" in template):
            raise PackError("pattern", "expected a regular expression with '{}' where each key goes (and regex = true)")
        flags = _flags(table)
        if is_regex:
            for bad in swap:
                _compile("swap", bad, flags)  # so that an error points into the key, not the template
        swaps = tuple(
            (_compile("pattern", template.replace("{}", f"(?:{bad})"), flags) if is_regex else _literal(bad, flags),
             good)
            for bad, good in swap.items()
        )
        if is_regex:
            for (pattern, good), bad in zip(swaps, swap):
                _check_replacement(pattern, bad, good)
        return {"swaps": swaps, "is_regex": is_regex, "exceptions": _exceptions(table, flags)}

    def find(self, units):
        for rank, m in _matches([p for p, _ in self.swaps], units, self.budget, self.exceptions):
            good = self.swaps[rank][1]
            suggestion = m.expand(good) if self.is_regex else textutil.match_case(m.group(), good)
            if suggestion != m.group():
                yield self.say(m, suggestion)


class Consistency(PackRule):
    kind_doc = ("flags the less used of two forms when both appear in one story (a tie keeps the form that "
                "came first)")
    keys = frozenset({"either", "regex"})
    pairs: ClassVar[tuple[tuple[regex.Pattern, regex.Pattern], ...]] = ()

    @classmethod
    def configure(cls, table):
        either = table.get("either")
        if not isinstance(either, list) or not either or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) and s for s in p) for p in either
        ):
            raise PackError("either", "expected a list of pairs of forms, e.g. [[\"e-mail\", \"email\"]]")
        flags, is_regex = _flags(table), _bool(table, "regex")
        make = (lambda s: _compile("either", s, flags)) if is_regex else (lambda s: _literal(s, flags))
        return {"pairs": tuple((make(a), make(b)) for a, b in either)}

    def find(self, units):
        for pair in self.pairs:
            a, b = ([m for unit in units for m in _finditer(p, unit, self.budget)] for p in pair)
            if not a or not b:
                continue
            keep, drop = (a, b) if (len(a), -a[0].start()) >= (len(b), -b[0].start()) else (b, a)
            for m in drop:
                yield self.say(m, keep[0].group())


class Capitalisation(PackRule):
    kind_doc = ("flags a word or phrase written in a case other than the one given (a capital first letter is "
                "fine where a sentence or headline starts)")
    keys = frozenset({"phrases", "exceptions"})
    phrases: ClassVar[tuple[tuple[regex.Pattern, str], ...]] = ()
    exceptions: ClassVar[tuple[regex.Pattern, ...]] = ()

    @classmethod
    def configure(cls, table):
        phrases = _str_list(table, "phrases")
        if not phrases:
            raise PackError("phrases", "give at least one phrase in the case it must be written")
        return {"phrases": tuple((_literal(p, regex.IGNORECASE), p) for p in phrases),
                "exceptions": _exceptions(table, 0)}

    def find(self, units):
        for unit in units:
            starts = set(textutil.sentence_starts(unit.text[unit.start:unit.end], unit.start)) | {unit.start}
            for pattern, phrase in self.phrases:
                for m in _finditer(pattern, unit, self.budget):
                    found = m.group()
                    if found == phrase or found.isupper() and unit.text[unit.start:unit.end].isupper():
                        continue
                    if _excused(m, unit, self.exceptions, self.budget):
                        continue
                    if found == phrase[:1].upper() + phrase[1:] and _starts_sentence(unit.text, m.start(), starts):
                        continue
                    yield self.say(m, phrase)


def _starts_sentence(text: str, at: int, starts: set[int]) -> bool:
    while at not in starts and at > 0 and text[at - 1] in textutil.OPENERS + " \u2014\u2013-*_#":
        at -= 1
    return at in starts or (at > 0 and text[at - 1] in ":\n")


class Occurrence(PackRule):
    kind_doc = "counts matches of its tokens or patterns in each scope unit and flags more than max or fewer than min"
    keys = frozenset({"tokens", "patterns", "exceptions", "max", "min"})
    patterns: ClassVar[tuple[regex.Pattern, ...]] = ()
    exceptions: ClassVar[tuple[regex.Pattern, ...]] = ()
    low: ClassVar[int | None] = None
    high: ClassVar[int | None] = None

    @classmethod
    def configure(cls, table):
        bounds = {k: table.get(k) for k in ("min", "max")}
        for key, value in bounds.items():
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                raise PackError(key, "expected a whole number, 0 or more")
        if bounds["min"] is None and bounds["max"] is None:
            raise PackError("max", "give 'max', 'min' or both")
        return {"patterns": _patterns(table, _flags(table)), "exceptions": _exceptions(table, _flags(table)),
                "low": bounds["min"], "high": bounds["max"]}

    def find(self, units):
        for unit in units:
            hits = [m for _, m in _matches(self.patterns, [unit], self.budget, self.exceptions)]
            if self.high is not None and len(hits) > self.high:
                yield self.say(hits[self.high], count=len(hits), max=self.high, min=self.low)
            if self.low is not None and len(hits) < self.low:
                yield self.say((unit.start, unit.start, ""), count=len(hits), max=self.high, min=self.low)


KINDS: dict[str, type[PackRule]] = {
    "existence": Existence, "substitution": Substitution, "consistency": Consistency,
    "capitalisation": Capitalisation, "capitalization": Capitalisation, "occurrence": Occurrence,
}


def _flags(table: dict[str, Any]) -> int:
    return regex.IGNORECASE if _bool(table, "ignorecase") else 0


def _bool(table: dict[str, Any], key: str, default: bool = False) -> bool:
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


def _tests(table: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    tests = table.get("tests")
    if not isinstance(tests, list) or not tests:
        raise PackError("tests", "every rule needs [[tests]] with at least one 'bad' example")
    out = []
    for n, test in enumerate(tests):
        if not isinstance(test, dict) or not set(test) <= {"bad", "good"} or not test:
            raise PackError("tests", "each test is a table with 'bad' and/or 'good' text", n)
        for key in ("bad", "good"):
            if key in test and not (isinstance(test[key], str) and test[key].strip()):
                raise PackError(key, "expected non-empty text", n)
            if key in test:
                out.append((key, test[key]))
    if not any(key == "bad" for key, _ in out):
        raise PackError("tests", "every rule needs at least one 'bad' example")
    return tuple(out)


def build(table: dict[str, Any], file: str) -> type[PackRule]:
    """One rule class from one TOML table; raises PackError naming the key at fault."""
    kind_name = _choice(table, "kind", KINDS, None)
    if kind_name is None:
        raise PackError("kind", f"missing; one of {', '.join(KINDS)}")
    kind = KINDS[kind_name]
    for key in table:
        if key not in COMMON_KEYS | kind.keys:
            raise PackError(key, f"unknown key for a {kind_name} rule")
    code, name, message = _identity(table)
    scopes = _scopes(table)
    fix = _choice(table, "fix", [a.value for a in Applicability], None)
    if fix and kind in (Existence, Occurrence):
        raise PackError("fix", f"a {kind_name} rule suggests no replacement, so it has no fix")
    for key in ("description", "source"):
        if not isinstance(table.get(key, ""), str):
            raise PackError(key, "expected text")
    attrs: dict[str, Any] = {
        "code": code, "name": name, "message": message, "file": file, "scopes": scopes,
        "severity": Severity(_choice(table, "severity", [s.value for s in Severity], "warning")),
        "fix_safety": Applicability(fix) if fix else None,
        "enabled_by_default": _bool(table, "enabled", True),
        "outside_quotes": _bool(table, "outside_quotes"),
        "tests": _tests(table),
        **kind.configure(table),
    }
    attrs["__doc__"] = _documentation(table, kind, attrs)
    return type(f"{kind.__name__}_{code}", (kind,), attrs)


def _identity(table: dict[str, Any]) -> tuple[str, str, str]:
    """A rule's code, name and message, checked."""
    code, name, message = (table.get(k) for k in ("code", "name", "message"))
    if not isinstance(code, str) or not CODE_RE.fullmatch(code):
        raise PackError("code", "expected a rule code such as AP101 (capital letters, then digits)")
    if not isinstance(name, str) or not NAME_RE.fullmatch(name):
        raise PackError("name", "expected a lower-case hyphenated name such as ly-adverb-hyphen")
    if not isinstance(message, str) or not message:
        raise PackError("message", "expected text, with {match} where the found text goes")
    _check_message(message)
    return code, name, message


def _scopes(table: dict[str, Any]) -> tuple[str, ...]:
    scope = table.get("scope", ["headline", "body"])
    scopes = tuple([scope] if isinstance(scope, str) else scope) if isinstance(scope, (str, list)) else ()
    if not scopes or any(s not in SCOPES for s in scopes):
        raise PackError("scope", f"expected one or more of {', '.join(SCOPES)}")
    return scopes


def _documentation(table: dict[str, Any], kind: type[PackRule], attrs: dict[str, Any]) -> str:
    """The rule's documentation in the usual form, from its description, source and first examples."""
    bad = next(text for key, text in attrs["tests"] if key == "bad")
    good = next((text for key, text in attrs["tests"] if key == "good"), "")
    scopes = attrs["scopes"]
    if attrs["fix_safety"]:
        safety = attrs["fix_safety"].value
    else:
        safety = "no automatic fix" + ("" if kind in (Existence, Occurrence) else "; the suggestion is shown")
    source = table.get("source")
    return "\n\n".join([
        table.get("description", "").strip() or attrs["name"],
        f"What it does: {'an' if table['kind'][0] in 'aeiou' else 'a'} {table['kind']} rule from {attrs['file']}; it "
        f"{kind.kind_doc}, in the {' and '.join(scopes)} scope{'s' if len(scopes) > 1 else ''}"
        + (", outside quotations." if attrs["outside_quotes"] else "."),
        "Why it matters: " + (f"house style, as set down in {source}." if source else "house style."),
        f"Example: {bad!r}" + (f" -> {good!r}" if good else ""),
        f"Fix safety: {safety}.",
    ])


# -- reading a pack ----------------------------------------------------------------------------------------
def _key_line(text: str, key: str, rule: int | None, test: int | None) -> int:
    """1-based line that sets key, inside the rule-th [[rules]] table and its test-th [[tests]] table."""
    lines = text.splitlines()
    lo, hi = 0, len(lines)

    def narrow(header: str, index: int) -> None:
        nonlocal lo, hi
        heads = [i for i in range(lo, hi) if re.match(rf"\s*\[\[\s*{header}\s*\]\]", lines[i])]
        if index < len(heads):
            lo = heads[index]
            hi = heads[index + 1] if index + 1 < len(heads) else hi

    if rule is not None:
        narrow(r"rules", rule)
    if test is not None:
        narrow(r"(?:rules\.)?tests", test)
    key_re = re.compile(rf"""\s*(?:["']?{re.escape(key)}["']?\s*=|\[\[?\s*(?:[\w.]+\.)?{re.escape(key)}\s*\]\]?)""")
    for i in range(lo, hi):
        if key_re.match(lines[i]):
            return i + 1
    return lo + 1


def load_file(path: Path) -> list[type[PackRule]]:
    """The rules in one TOML file: its top-level table is one rule, or it holds a [[rules]] array."""
    text, data = read_toml(path)
    tables: list[Any] = data["rules"] if "rules" in data else [data]
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise ConfigError(f"{path}:{_key_line(text, 'rules', None, None)}: rules: expected [[rules]] tables")
    out = []
    for n, table in enumerate(tables):
        try:
            out.append(build(table, path.name))
        except PackError as exc:
            line = _key_line(text, exc.key, n if "rules" in data else None, exc.test)
            raise ConfigError(f"{path}:{line}: {exc.key}: {exc.problem}") from None
    return out


def load_dir(folder: Path) -> list[type[PackRule]]:
    if not folder.is_dir():
        raise ConfigError(f"{folder}: not a rule pack folder")
    classes: list[type[PackRule]] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        for cls in load_file(path):
            if cls.code in seen:
                line = _key_line(path.read_text(encoding="utf-8"), "code", None, None)
                raise ConfigError(f"{path}:{line}: code: {cls.code} is already used in {seen[cls.code]}")
            seen[cls.code] = path.name
            cls.pack = f"pack {folder.name}"
            classes.append(cls)
    return sorted(classes, key=lambda cls: cls.code)


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


# -- a pack's own tests ------------------------------------------------------------------------------------
def run_pack_tests(folder: Path) -> tuple[list[str], int]:
    """Run every rule's [[tests]]: a bad example must be flagged by its rule, a good one must not.
    Returns the failures (``file: code name: what went wrong``) and the number of examples run."""
    failures: list[str] = []
    total = 0
    for cls in load_dir(folder):
        rule = cls()
        for key, example in cls.tests:
            total += 1
            try:
                found = list(rule.find(text_units(example, cls.scopes, cls.outside_quotes)))
            except PatternTimeout as exc:
                failures.append(f"{folder / cls.file}: {cls.code} {cls.name}: pattern {exc} timed out on {example!r}")
                continue
            if key == "bad" and not found:
                failures.append(f"{folder / cls.file}: {cls.code} {cls.name}: bad example not flagged: {example!r}")
            elif key == "good" and found:
                failures.append(f"{folder / cls.file}: {cls.code} {cls.name}: good example flagged: {example!r} "
                                f"({found[0].message})")
    return failures, total
