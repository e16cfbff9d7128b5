"""Third-party rules are found through the entry-point group newslint.rules."""

from __future__ import annotations

import sys

from conftest import run_cli

from newslint.engine import registry

PLUGIN = '''
from newslint.engine.diagnostic import Severity, Span
from newslint.engine.rule import Rule


class NoExclamation(Rule):
    """Exclamation marks in copy.

    What it does: flags "!". Why it matters: house style. Example: "Wow!" Fix safety: no fix.
    """

    code = "XP101"
    name = "no-exclamation"
    severity = Severity.WARNING

    def check(self, doc, res):
        for i, ch in enumerate(doc.prose):
            if ch == "!":
                yield self.report(Span(i, i + 1), "Exclamation mark")
'''


def test_an_installed_plugin_rule_is_found_and_runs(tmp_path, story, monkeypatch):
    (tmp_path / "newsplug.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "newsplug-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsplug\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[newslint.rules]\nno-exclamation = newsplug:NoExclamation\n",
                                           encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry.plugin_rules.cache_clear()
    try:
        path = story("Officials met on Tuesday!\n")
        result = run_cli("--format", "concise", str(path))
        assert result.out == f"{path}:1:25: XP101 [warning] Exclamation mark\n"
    finally:
        registry.plugin_rules.cache_clear()
        sys.modules.pop("newsplug", None)


def test_without_plugins_nothing_extra_is_loaded():
    registry.plugin_rules.cache_clear()
    assert registry.plugin_rules() == ()
