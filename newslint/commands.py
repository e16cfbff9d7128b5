"""The informational sub-commands: ``rules``, ``rule CODE`` and ``check-pack DIR``."""

from __future__ import annotations

import sys
from pathlib import Path

from newslint import registry
from newslint.config import Config, ConfigError


def run(command: str, args: list[str]) -> int:
    try:
        if command == "rules":
            return list_rules(args)
        if command == "rule":
            return show_rule(args)
        return check_pack(args)
    except ConfigError as exc:
        print(f"newslint: {exc}", file=sys.stderr)
        return 2


def _config(args: list[str]) -> Config:
    packs = tuple(a.split("=", 1)[1] for a in args if a.startswith("--pack="))
    return Config(packs=packs)


def list_rules(args: list[str]) -> int:
    rows = []
    for rule in sorted(registry.all_rules(_config(args)), key=lambda r: r.code):
        safety = rule.fix_safety.value if rule.fix_safety else "none"
        default = "on" if rule.enabled_by_default else "off"
        rows.append((rule.code, rule.name, rule.severity.value, safety, default, rule.summary()))
    widths = [max(len(r[i]) for r in rows + [("code", "name", "severity", "fix", "default", "")]) for i in range(5)]
    header = ("code", "name", "severity", "fix", "default", "summary")
    for row in [header, *rows]:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5])
    return 0


def show_rule(args: list[str]) -> int:
    if not args:
        print("newslint: usage: newslint rule CODE", file=sys.stderr)
        return 2
    rule = registry.find_rule(args[0].upper() if args[0][:2].isalpha() and args[0][2:].isdigit() else args[0], _config(args[1:]))
    if rule is None:
        print(f"newslint: no rule {args[0]!r}; 'newslint rules' lists them", file=sys.stderr)
        return 2
    safety = rule.fix_safety.value if rule.fix_safety else "no fix"
    print(f"{rule.code} {rule.name} (default severity: {rule.severity.value}; fix: {safety})\n")
    print(rule.documentation())
    return 0


def check_pack(args: list[str]) -> int:
    if len(args) != 1:
        print("newslint: usage: newslint check-pack DIR", file=sys.stderr)
        return 2
    from newslint.pack import run_pack_tests

    failures, total = run_pack_tests(Path(args[0]))
    for failure in failures:
        print(failure)
    print(f"{total - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0
