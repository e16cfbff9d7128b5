"""A pack's TOML read into rule classes: the keys each kind takes, checked, with the line a mistake is on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from newslint.engine.config import ConfigError, read_toml
from newslint.engine.diagnostic import Applicability, Severity
from newslint.rulepacks.base import (
    CODE_RE,
    COMMON_KEYS,
    NAME_RE,
    SCOPES,
    PackError,
    PackRule,
    _check_message,
    _choice,
    switch,
)
from newslint.rulepacks.capitalisation import Capitalisation
from newslint.rulepacks.consistency import Consistency
from newslint.rulepacks.existence import Existence
from newslint.rulepacks.occurrence import Occurrence
from newslint.rulepacks.substitution import Substitution

KINDS: dict[str, type[PackRule]] = {
    "existence": Existence, "substitution": Substitution, "consistency": Consistency,
    "capitalisation": Capitalisation, "capitalization": Capitalisation, "occurrence": Occurrence,
}


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
        "enabled_by_default": switch(table, "enabled", True),
        "outside_quotes": switch(table, "outside_quotes"),
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
