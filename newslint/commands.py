"""The informational sub-commands: ``rules``, ``rule CODE``, ``check-pack [PACK ...]`` and ``explain
PATH:LINE:COL``. Each reads the project's configuration (found from the current folder, or --config), so the packs
it enables are listed, documented and checked beside the built-in rules."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from newslint.engine import registry
from newslint.engine.config import Config, ConfigError


def run(command: str, args: list[str]) -> int:
    parser = PARSERS[command]()
    options = parser.parse_args(args)
    try:
        return COMMANDS[command](options)
    except ConfigError as exc:
        print(f"newslint: {exc}", file=sys.stderr)
        return 2


def _common(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--config", type=Path, help="configuration file (default: nearest newslint.toml / "
                                                    "pyproject.toml from the current folder)")
    parser.add_argument("--pack", action="append", default=[], metavar="PACK",
                        help="a rule pack to add, by shipped name (ap-2024) or folder; repeat for more")
    return parser


def _rules_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newslint rules", description="List every rule: built-in, from plug-ins and "
                                "from the packs the configuration (or --pack) enables.")
    p.add_argument("--format", choices=("text", "json"), default="text")
    return _common(p)


def _rule_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newslint rule", description="Print one rule's documentation.")
    p.add_argument("rule", metavar="CODE", help="a rule code (NL501, AP101) or name (repeated-word)")
    return _common(p)


def _check_pack_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newslint check-pack", description="Run rule packs' own [[tests]]: every "
                                "bad example must be flagged and no good one. With no PACK, every configured pack.")
    p.add_argument("packs", nargs="*", metavar="PACK", help="a pack folder or the name of a shipped pack")
    p.add_argument("--config", type=Path, help="configuration file (default: nearest newslint.toml / "
                                               "pyproject.toml from the current folder)")
    return p


def project_config(config_path: Path | None, extra_packs: list[str] = ()) -> Config:
    """The configuration that `newslint PATH` would use in the current folder, with extra packs added."""
    from newslint.engine import config as config_module

    found = config_path or config_module.find(Path.cwd())
    config = config_module.load(found) if found else Config()
    added = []
    for spec in extra_packs:  # as a configuration holds them: a folder by its absolute path, a shipped pack by name
        folder = registry.pack_path(spec, Path.cwd())  # a clear error for a pack that is not there
        added.append(str(folder) if (Path.cwd() / spec).is_dir() else spec)
    return config._replace(packs=config.packs + tuple(added)) if added else config


def _origin(rule, builtin: set[type]) -> str:
    if type(rule) in builtin:
        return "built-in"
    return getattr(rule, "pack", "") or type(rule).__module__.split(".")[0]


def list_rules(options: argparse.Namespace) -> int:
    config = project_config(options.config, options.pack)
    builtin = set(registry.builtin_rules())
    rules = sorted(registry.all_rules(config), key=lambda r: r.code)
    records = [{
        "code": r.code, "name": r.name, "severity": r.severity.value,
        "fix": r.fix_safety.value if r.fix_safety else "none",
        "default": "on" if r.enabled_by_default else "off",
        "source": _origin(r, builtin), "summary": r.summary(),
    } for r in rules]
    if options.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    columns = ("code", "name", "severity", "fix", "default", "source")
    widths = [max(len(str(r[c])) for r in [dict(zip(columns, columns)), *records]) for c in columns]
    for record in [dict(zip(columns, columns)) | {"summary": "summary"}, *records]:
        print("  ".join(str(record[c]).ljust(w) for c, w in zip(columns, widths)) + "  " + record["summary"])
    return 0


def show_rule(options: argparse.Namespace) -> int:
    config = project_config(options.config, options.pack)
    wanted = options.rule
    rule = registry.find_rule(wanted, config)
    if rule is None:
        nearest = registry.KnownCodes.of(registry.all_rules(config), config.packs).nearest_rule(wanted)
        hint = f" (did you mean {' or '.join(nearest)}?)" if nearest else ""
        print(f"newslint: no rule {wanted!r}{hint}; 'newslint rules' lists them (a pack's rules once the "
              "configuration or --pack enables it)", file=sys.stderr)
        return 2
    safety = rule.fix_safety.value if rule.fix_safety else "no fix"
    print(f"{rule.code} {rule.name} (default severity: {rule.severity.value}; fix: {safety})\n")
    print(rule.documentation())
    return 0


def check_pack(options: argparse.Namespace) -> int:
    from newslint.rulepacks.selftest import run_pack_tests

    config = project_config(options.config)
    specs = options.packs or list(config.packs)
    if not specs:
        print("newslint: no pack named and none configured; usage: newslint check-pack [PACK ...]", file=sys.stderr)
        return 2
    failed = run_total = 0
    for spec in specs:
        folder = registry.pack_path(spec, Path.cwd() if options.packs else config.root)
        failures, total = run_pack_tests(folder)
        for failure in failures:
            print(failure)
        failed += len(failures)
        run_total += total
    print(f"{run_total - failed} passed, {failed} failed")
    return 1 if failed else 0


def _explain_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newslint explain", description="Say why the heuristic rules did or did not "
                                "report the word at a place: the evidence each weighed and the step that decided.")
    p.add_argument("place", metavar="PATH:LINE:COL", help="a place as diagnostics name it (1-based line and column)")
    p.add_argument("--config", type=Path, help="configuration file (default: the one the file would be linted with)")
    return p


def explain(options: argparse.Namespace) -> int:
    from newslint.document.source import InputError, read_source
    from newslint.engine.explain import Trace
    from newslint.engine.linter import Linter
    from newslint.engine.run import Run

    match = re.fullmatch(r"(.+):(\d+):(\d+)", options.place)
    if not match:
        print(f"newslint: {options.place!r}: expected PATH:LINE:COL, as diagnostics name a place", file=sys.stderr)
        return 2
    path, line, column = Path(match.group(1)), int(match.group(2)), int(match.group(3))
    try:
        source = read_source(path)
    except (InputError, OSError) as exc:
        print(f"newslint: {exc}", file=sys.stderr)
        return 2
    from newslint.document.document import Document

    doc = Document(source)
    offset = _offset(doc, line, column)
    if offset is None:
        print(f"newslint: {path}:{line}:{column}: no such place in the file (it has {doc.line_count} lines)",
              file=sys.stderr)
        return 2
    linter = Linter(Run(config_path=options.config, overrides={}).config_for(path))
    print(_explanation(linter.lint(source, Trace(offset)), offset, f"{path}:{line}:{column}"))
    return 0


def _offset(doc, line: int, column: int) -> int | None:
    """The offset of a 1-based line and column, or None outside the file (a column may point just past the end of
    its line)."""
    if not 1 <= line <= doc.line_count:
        return None
    start, end = doc.line_span(line - 1)
    return start + column - 1 if 1 <= column <= end - start + 1 else None


def _explanation(result, offset: int, place: str) -> str:
    doc, trace = result.document, result.document.trace
    token = next((t for t in doc.tokens if t.start <= offset < t.end), None)
    out = [f"{place}: {repr(token.text) if token else 'no word here'}"]
    here = [d for d in result.diagnostics if d.span.start <= offset < max(d.span.end, d.span.start + 1)]
    by_code: dict[str, list] = {d.code: [] for d in here}
    for entry in trace.entries:
        by_code.setdefault(entry.code, []).append(entry)
    for code, entries in by_code.items():  # each rule's verdict, then its evidence under it
        out.extend(_rule_lines(code, entries, [d for d in here if d.code == code]))
    if len(out) == 1:
        out.append("  no rule reported it, and no heuristic rule weighed it (the word is plainly known, or not prose)")
    return "\n".join(out)


def _rule_lines(code: str, entries: list, reported: list) -> list[str]:
    """One rule's verdict at the place (its diagnostics, or the last step's verdict), then the evidence it recorded."""
    out = [f"  {d.code} {d.rule}: reported: {d.message}" for d in reported]
    if not reported:
        decided = [e for e in entries if e.step]
        out.append(f"  {code}: {decided[-1].verdict if decided else 'considered'}")
    for e in entries:
        detail = "; ".join(f"{k}: {_shown(v)}" for k, v in e.detail.items())
        head = f"step {e.step} ({e.verdict})" if e.step else "evidence"
        out.append(f"    {head}{': ' + detail if detail else ''}")
    return out


def _shown(value) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_shown(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_shown(v)}" for k, v in value.items())
    return str(value)


PARSERS = {"rules": _rules_parser, "rule": _rule_parser, "check-pack": _check_pack_parser,
           "explain": _explain_parser}
COMMANDS = {"rules": list_rules, "rule": show_rule, "check-pack": check_pack, "explain": explain}
