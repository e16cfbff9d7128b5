"""Finding rules: the built-in modules, third-party entry points (group ``newslint.rules``) and rule packs."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from newslint.config import CODE_SETTINGS, Config, ConfigError, Origin
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


SHIPPED_PACK_FOLDERS = (Path(__file__).parent / "packs", Path(__file__).parent.parent / "rules")  # installed, source


def pack_path(spec: str, base: Path) -> Path:
    """A pack given by name (a folder in the packs shipped with newslint) or by path."""
    candidate = (base / spec)
    if candidate.is_dir():
        return candidate
    for shipped in SHIPPED_PACK_FOLDERS:
        if (shipped / spec).is_dir():
            return shipped / spec
    raise ConfigError(f"packs: no rule pack {spec!r} (looked in {base} and the packs shipped with newslint)")


def shipped_packs() -> dict[str, Path]:
    """The packs shipped with newslint, by name."""
    found: dict[str, Path] = {}
    for folder in SHIPPED_PACK_FOLDERS:
        if folder.is_dir():
            for pack in sorted(folder.iterdir()):
                if pack.is_dir() and any(pack.glob("*.toml")):
                    found.setdefault(pack.name, pack)
    return found


LOOKALIKE_DIGITS = str.maketrans("OIL", "011")


class KnownCodes:
    """The codes of the enabled rules and packs, to tell whether a code or prefix someone wrote names one."""

    def __init__(self, codes: Iterable[str], packs: tuple[str, ...] = ()):
        self.codes = frozenset(codes)
        self.prefixes = frozenset(code[:end] for code in self.codes for end in range(1, len(code) + 1))
        self.packs = packs  # the enabled packs, as configured

    def problem(self, code: str) -> str | None:
        """None when some known rule's code starts with code (or code is ALL), else what is wrong, on one line."""
        if code == "ALL" or code in self.prefixes:
            return None
        if pack := self._disabled_pack(code):
            return f"{code} belongs to the pack {pack!r}, which is not enabled (packs = [\"{pack}\"])"
        nearest = self.nearest(code)
        hint = f" (did you mean {' or '.join(nearest)}?)" if nearest else ""
        return f"unknown rule code {code!r}{hint}"

    def nearest(self, code: str) -> list[str]:
        """The known codes or prefixes closest to code: the code with a letter O, I or L after its first digit
        read as the digit it looks like; else, those of its length first, the best by difflib's score (at least
        0.6), none when more than three tie."""
        import difflib

        digits = next((i for i, char in enumerate(code) if char.isdigit()), len(code))
        lookalike = code[:digits] + code[digits:].translate(LOOKALIKE_DIGITS)
        if lookalike != code and lookalike in self.prefixes:
            return [lookalike]
        pool = [known for known in self.prefixes if len(known) == len(code)] or self.prefixes
        scored = sorted((-difflib.SequenceMatcher(None, code, known).ratio(), known) for known in pool)
        best = [known for score, known in scored if score == scored[0][0] and -score >= 0.6] if scored else []
        return best if len(best) <= 3 else []

    def _disabled_pack(self, code: str) -> str | None:
        """The shipped pack, not enabled, that has a rule whose code starts with code (read only on this error
        path, so a run with good codes never loads packs it does not use)."""
        from newslint.pack import load_dir

        for name, folder in shipped_packs().items():
            if name in self.packs or str(folder.resolve()) in self.packs:
                continue
            try:
                if any(cls.code.startswith(code) for cls in load_dir(folder)):
                    return name
            except ConfigError:
                continue
        return None


def check_codes(config: Config, known: KnownCodes) -> None:
    """Every code or prefix the configuration or the command line names must name a known rule: else a
    ConfigError naming the file, line and key (or the option), the code and what is near it."""
    def written(setting: str) -> tuple[Origin, ...]:
        """Who wrote each item; a setting made in code (no file, no option) is named by its key."""
        named = Origin(setting.replace("_", "-"))
        return tuple(origin if origin.key else named for origin in config.item_origins(setting))

    for setting in CODE_SETTINGS:
        for code, origin in zip(getattr(config, setting), written(setting)):
            if problem := known.problem(code):
                raise origin.error(problem)
    for (code, _), origin in zip(config.severity, written("severity")):
        if problem := known.problem(code):
            raise origin.error(problem, item=code)
    for (glob, codes), origin in zip(config.per_file_ignores, written("per_file_ignores")):
        for code in codes:
            if problem := known.problem(code):
                raise origin.error(problem, item=glob)
