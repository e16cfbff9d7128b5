"""Meta-test: every built-in rule is documented in the house form and exercised by some test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.engine.registry import builtin_rules
from newslint.engine.rule import Rule

HEADINGS = ("What it does", "Why it matters", "Example", "Fix safety")
TESTS = Path(__file__).resolve().parent
RULES = builtin_rules()


def test_codes_and_names_are_unique_and_well_formed():
    codes = [rule.code for rule in RULES]
    names = [rule.name for rule in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"NL[1-9][0-9]{2}", code) for code in codes)
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name) for name in names)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_docstring_has_every_heading(rule: type[Rule]):
    doc = rule.documentation()
    assert [h for h in HEADINGS if f"{h}:" not in doc] == []
    assert doc.splitlines()[0].strip() and len(doc.splitlines()[0]) <= 120  # one summary line for 'newslint rules'


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_code_appears_in_a_test(rule: type[Rule]):
    files = [p.name for p in sorted(TESTS.glob("test_*.py"))
             if p.name != Path(__file__).name and rule.code in p.read_text(encoding="utf-8")]
    assert files, f"{rule.code} ({rule.name}) is not named in any test file"


def test_rule_index_lists_every_rule_with_its_name():
    index = (Path(__file__).resolve().parent.parent / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    for rule in builtin_rules():
        assert f"| [{rule.code}]({rule.code}.md) | {rule.name} |" in index, rule.code
