"""Finding rules: the built-in modules, third-party entry points (group ``newslint.rules``) and rule packs."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from newslint.document.patterns import LazyPattern
from newslint.engine.config import CODE_SETTINGS, Config, ConfigError, Origin
from newslint.engine.rule import Rule
from newslint.rulepacks.shipped import find_pack, shipped_packs
from newslint.rules import CODES

ENTRY_POINT_GROUP = "newslint.rules"
BUILTIN_MODULES = tuple(code.module for code in CODES)  # in priority order: rules/__init__.py


def precedence(rules: list[Rule]) -> dict[str, int]:
    """Each rule's rank where two rules flag overlapping text with the same severity (lower wins): a built-in rule's
    priority in the table of codes, then plug-in and pack rules after every built-in one, in the order given."""
    table = {code.code: code.priority for code in CODES}
    after = max(table.values()) + 1
    return {rule.code: table.get(rule.code, after + i) for i, rule in enumerate(rules)}


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
    from newslint.rulepacks.schema import load_dir

    rules: list[Rule] = []
    for spec in config.packs:
        rules.extend(cls() for cls in load_dir(pack_path(spec, config.root)))
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
    """The rule with this code or name, either in any letter case (and a name with '_' for '-')."""
    for rule in all_rules(config or Config()):
        if code_or_name.upper() == rule.code or _folded_name(code_or_name) == _folded_name(rule.name):
            return rule
    return None


def pack_path(spec: str, base: Path) -> Path:
    """A pack given by name (a folder in the packs shipped with newslint) or by path."""
    found = find_pack(spec, base)
    if found is None:
        raise ConfigError(f"packs: no rule pack {spec!r} (looked in {base} and the packs shipped with newslint)")
    return found


LOOKALIKE_DIGITS = str.maketrans("OIL", "011")
FAMILY_RE = LazyPattern(r"[A-Z]+[0-9]?")  # a code's family: its letters and first digit (NL5 for NL501)


class KnownCodes:
    """The codes of the enabled rules and packs, to tell whether a code or prefix someone wrote names one; and
    their names, to recognise a name written where a code belongs."""

    def __init__(self, codes: Iterable[str], packs: tuple[str, ...] = (), names: Iterable[tuple[str, str]] = ()):
        self.codes = frozenset(codes)
        self.prefixes = frozenset(code[:end] for code in self.codes for end in range(1, len(code) + 1))
        self.packs = packs  # the enabled packs, as configured
        self.code_of_name = {_folded_name(name): (name, code) for name, code in names}

    @classmethod
    def of(cls, rules: Iterable[Rule | type[Rule]], packs: tuple[str, ...] = ()) -> KnownCodes:
        """The codes and names of these rules (instances or classes)."""
        rules = list(rules)
        return cls((rule.code for rule in rules), packs, ((rule.name, rule.code) for rule in rules))

    def problem(self, code: str) -> str | None:
        """None when some known rule's code starts with code (or code is ALL), else what is wrong, on one line."""
        if code == "ALL" or code in self.prefixes:
            return None
        if named := self.code_of_name.get(_folded_name(code)):
            # The rule's own spelling of its name, not code's: the command line upper-cases what it is given.
            name, rule_code = named
            return f"{name!r} is a rule name; select rules by code: {rule_code}"
        if pack := self._disabled_pack(code):
            return f"{code} belongs to the pack {pack!r}, which is not enabled (packs = [\"{pack}\"])"
        if nearest := self.nearest(code):
            return f"unknown rule code {code!r} (did you mean {' or '.join(nearest)}?)"
        return f"unknown rule code {code!r} (known prefixes: {', '.join(self.families)})"

    @property
    def families(self) -> list[str]:
        """The distinct families of the known codes (NL1, NL5, AP1), sorted."""
        return sorted({found.group() for code in self.codes if (found := FAMILY_RE.match(code))})

    def nearest(self, code: str) -> list[str]:
        """The known codes or prefixes closest to code: the code with a letter O, I or L after its first digit
        read as the digit it looks like; else, those of its length first, the best by difflib's score (at least
        0.6), none when more than three tie."""
        if (lookalike := _with_lookalike_digits(code)) != code and lookalike in self.prefixes:
            return [lookalike]
        return _closest(code, [known for known in self.prefixes if len(known) == len(code)] or self.prefixes)

    def nearest_rule(self, code_or_name: str) -> list[str]:
        """The known rules' codes (whole ones, not prefixes) or names closest to what someone wrote for one rule:
        for a known prefix, the few codes it starts; for something with a digit in it, codes, as nearest reads
        them; else names."""
        code = code_or_name.upper()
        if code in self.prefixes:  # a family or part of one (NL5): its rules, when they are few
            family = sorted(known for known in self.codes if known.startswith(code))
            return family if len(family) <= 3 else []
        if any(char.isdigit() for char in code):
            if (lookalike := _with_lookalike_digits(code)) != code and lookalike in self.codes:
                return [lookalike]
            return _closest(code, self.codes)
        return [self.code_of_name[name][0] for name in _closest(_folded_name(code_or_name), self.code_of_name)]

    def _disabled_pack(self, code: str) -> str | None:
        """The shipped pack, not enabled, that has a rule whose code starts with code (read only on this error
        path, so a run with good codes never loads packs it does not use)."""
        from newslint.rulepacks.schema import load_dir

        for name, folder in shipped_packs().items():
            if name in self.packs or str(folder.resolve()) in self.packs:
                continue
            try:
                if any(cls.code.startswith(code) for cls in load_dir(folder)):
                    return name
            except ConfigError:
                continue
        return None


def _folded_name(name: str) -> str:
    """A rule's name as compared: in lower case, '_' read as '-' (Repeated_Word: repeated-word)."""
    return name.lower().replace("_", "-")


def _with_lookalike_digits(code: str) -> str:
    """code with each letter O, I or L after its first digit read as the digit it looks like (NL5O1: NL501)."""
    digits = next((i for i, char in enumerate(code) if char.isdigit()), len(code))
    return code[:digits] + code[digits:].translate(LOOKALIKE_DIGITS)


def _closest(text: str, pool: Iterable[str]) -> list[str]:
    """The items of pool most like text by difflib's score (at least 0.6), sorted; none when more than three tie."""
    import difflib

    scored = sorted((-difflib.SequenceMatcher(None, text, known).ratio(), known) for known in pool)
    best = [known for score, known in scored if score == scored[0][0] and -score >= 0.6] if scored else []
    return best if len(best) <= 3 else []


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
