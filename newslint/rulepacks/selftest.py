"""A pack's own [[tests]]: every bad example must be flagged, and no good one (newslint check-pack)."""

from __future__ import annotations

from pathlib import Path

from newslint.rulepacks.base import PatternTimeout, text_units
from newslint.rulepacks.schema import load_dir


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
