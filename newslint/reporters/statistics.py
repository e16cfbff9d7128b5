"""``--statistics``: how many problems each rule found, with its name and how many --fix would fix."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from newslint.engine.report import Report


def rows(report: Report) -> list[dict]:
    """One row per rule that found something, the commonest first (ties by code)."""
    by_code = report.tally.by_code
    more = Counter()
    for _, code, n in report.truncated:  # found past those reported
        more[code] += n
    table = [{"code": code, "name": c.rule, "count": c.count + more[code],
              "fixable": {"safe": c.safe, "unsafe": c.unsafe}} for code, c in by_code.items()]
    return sorted(table, key=lambda row: (-row["count"], row["code"]))


def fix_note(row: dict) -> str:
    safe, unsafe = row["fixable"]["safe"], row["fixable"]["unsafe"]
    parts = ([f"{safe} with --fix"] if safe else []) + ([f"{unsafe} with --unsafe-fixes"] if unsafe else [])
    return "fixable: " + ", ".join(parts) if parts else ""


def render(report: Report, stream: TextIO, as_json: bool = False) -> None:
    table = rows(report)
    if as_json:
        json.dump(table, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
        return
    if not table:
        return
    count_width = max(len(str(r["count"])) for r in table)
    code_width = max(len(r["code"]) for r in table)
    name_width = max(len(r["name"]) for r in table)
    for r in table:
        line = f"{r['count']:>{count_width}}  {r['code']:<{code_width}}  {r['name']:<{name_width}}  {fix_note(r)}"
        stream.write(line.rstrip() + "\n")
