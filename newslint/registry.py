"""Finding rules: the built-in modules, third-party entry points (group ``newslint.rules``) and rule packs."""

from __future__ import annotations

import importlib
import os
import sys
from functools import cache
from pathlib import Path

from newslint.config import Config, ConfigError
from newslint.rule import Rule

ENTRY_POINT_GROUP = "newslint.rules"
# Order is precedence: when two rules flag overlapping text, the earlier one's diagnostic is kept.
BUILTIN_MODULES = (
    "glossary_variant",
    "name_variant",
    "rejected_word",  # before spelling: the house's own replacement beats a guess
    "spelling",
    "unknown_word",
    "real_word_error",
    "article_agreement",
    "possessive_contraction",
    "repeated_word",
    "empty_metadata",
    "unclosed_tag",
    "dialect_consistency",
    "hyphenation_consistency",
    "unbalanced_quote",
    "unbalanced_bracket",
    "placeholder",
    "empty_heading",
    "doubled_space",
    "doubled_punctuation",
    "invalid_front_matter",
    "unclosed_emphasis",
    "unused_suppression",
)


@cache
def builtin_rules() -> tuple[type[Rule], ...]:
    found = []
    for module_name in BUILTIN_MODULES:
        module = importlib.import_module(f"newslint.rules.{module_name}")
        found.extend(
            obj for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__
        )
    return tuple(found)


def _any_plugin_declared() -> bool:
    """A quick look through the installed packages' entry-point files for our group, so that the (slow to import)
    importlib.metadata machinery is only started when some package declares a newslint rule."""
    needle = f"[{ENTRY_POINT_GROUP}]"
    for folder in sys.path:
        try:
            names = [n for n in os.listdir(folder or ".") if n.endswith((".dist-info", ".egg-info"))]
        except OSError:
            continue
        for name in names:
            try:
                with open(os.path.join(folder or ".", name, "entry_points.txt"), encoding="utf-8") as handle:
                    if needle in handle.read():
                        return True
            except OSError:
                continue
    return False


@cache
def plugin_rules() -> tuple[type[Rule], ...]:
    if not _any_plugin_declared():
        return ()
    from importlib.metadata import entry_points

    found = []
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        obj = entry.load()
        if isinstance(obj, type) and issubclass(obj, Rule):
            found.append(obj)
    return tuple(found)


def pack_rules(config: Config) -> list[Rule]:
    if not config.packs:
        return []
    from newslint.pack import load_pack

    rules: list[Rule] = []
    for spec in config.packs:
        rules.extend(load_pack(spec, config.root))
    return rules


def all_rules(config: Config) -> list[Rule]:
    """Every known rule, instantiated, selected or not."""
    return [cls() for cls in builtin_rules() + plugin_rules()] + pack_rules(config)


def matches(code: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest prefix that selects code (0: none)."""
    return max((len(p) for p in prefixes if p == "ALL" or code.startswith(p)), default=0)


def is_selected(rule: Rule, config: Config, ignored: tuple[str, ...] = ()) -> bool:
    chosen = matches(rule.code, config.select + config.extend_select)
    dropped = matches(rule.code, config.ignore + ignored)
    if config.select:
        return chosen > dropped
    if chosen:
        return chosen > dropped
    return rule.enabled_by_default and not dropped


def find_rule(code_or_name: str, config: Config | None = None) -> Rule | None:
    for rule in all_rules(config or Config()):
        if code_or_name in (rule.code, rule.name):
            return rule
    return None


def pack_path(spec: str, base: Path) -> Path:
    """A pack given by name (a folder in the packs shipped with newslint) or by path."""
    candidate = (base / spec)
    if candidate.is_dir():
        return candidate
    for shipped in (Path(__file__).parent / "packs", Path(__file__).parent.parent / "rules"):
        if (shipped / spec).is_dir():
            return shipped / spec
    raise ConfigError(f"packs: no rule pack {spec!r} (looked in {base} and the packs shipped with newslint)")
