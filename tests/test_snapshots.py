"""Snapshot tests: every rule fixture and corpus story is linted and compared with the `.snap` file beside it.

What is pinned
--------------
Fixtures are the `flags*` and `allows*` files (`.txt`, `.md`, `.markdown`) in `tests/rules/<CODE>/` (or a
subfolder of it with a configuration of its own, e.g. `tests/rules/NL302/en-GB/`),
and every story (same suffixes, `REVIEW.md` and `README.md` excepted) inside `tests/corpus/`. Each folder has its
own `newslint.toml`, so the repository's `pyproject.toml` (which sets `dialect = "en-US"`) never applies: a rule
folder selects its rule (and sets the dialect, lists or pack the rule needs), the corpus runs every default rule
with the dialect left to each story.

A fixture's snapshot, `<fixture>.snap`, is the output of the CLI run in-process from the fixture's folder, so
paths are relative to that folder and do not depend on where the checkout lives:

1. `$ newslint --format concise --no-color NAME`: every remark, then `[exit N]`; anything the run wrote on stderr
   follows, one line each prefixed with `stderr: ` (absolute paths of the checkout replaced by `<repo>`).
2. `$ newslint --diff NAME`: the safe fixes as a unified diff, present only when there is a safe fix.
3. `$ newslint --diff --unsafe-fixes NAME`: present only when the unsafe fixes change the result, so a reviewer
   sees which fixes `--fix` applies and which need `--unsafe-fixes`.

So a change in what a rule reports, where, with which message, suggestion, severity or fix shows up as a diff
of a `.snap` file, and that diff is what a reviewer reads.

`allows*` fixtures hold near misses the rule must leave alone; `flags*` fixtures hold what it must report.
`test_every_rule_has_flags_and_allows_fixtures` keeps that true for every built-in rule and every rule of the
packs shipped in `rules/`; `test_no_orphan_snapshots` fails on a `.snap` whose fixture is gone.

Regenerating
------------
    .venv/bin/python -m pytest tests/test_snapshots.py --update-snapshots
    .venv/bin/python scripts/update_snapshots.py [pytest args, e.g. -k NL201]   # same, and deletes orphans

then read `git diff tests/rules tests/corpus` before committing it.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from newslint.engine.registry import builtin_rules
from newslint.rulepacks.schema import load_dir
from newslint.rulepacks.shipped import shipped_packs

TESTS = Path(__file__).resolve().parent
RULES_DIR = TESTS / "rules"
CORPUS_DIR = TESTS / "corpus"
SUFFIXES = (".txt", ".md", ".markdown")
NOT_STORIES = {"REVIEW.md", "README.md"}
UPDATE_HINT = ".venv/bin/python -m pytest tests/test_snapshots.py --update-snapshots (or scripts/update_snapshots.py)"


def rule_fixtures() -> list[Path]:
    return sorted(
        path for path in RULES_DIR.rglob("*")
        if path.is_file() and path.suffix in SUFFIXES and path.name.startswith(("flags", "allows"))
    )


def corpus_fixtures() -> list[Path]:
    return sorted(
        path for path in CORPUS_DIR.glob("*")
        if path.is_file() and path.suffix in SUFFIXES and path.name not in NOT_STORIES
    )


FIXTURES = rule_fixtures() + corpus_fixtures()


def snapshot_path(fixture: Path) -> Path:
    return fixture.with_name(fixture.name + ".snap")


def _clean(text: str, folder: Path) -> str:
    return text.replace(str(folder) + "/", "").replace(str(ROOT), "<repo>")


def render(fixture: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The snapshot text of one fixture (see the module docstring for its sections)."""
    folder, name = fixture.parent, fixture.name
    with monkeypatch.context() as patch:
        patch.chdir(folder)
        patch.setenv("NO_COLOR", "1")
        patch.setenv("COLUMNS", "80")
        report = run_cli("--format", "concise", "--no-color", name)
        safe = run_cli("--diff", name)
        unsafe = run_cli("--diff", "--unsafe-fixes", name)
    lines = [f"$ newslint --format concise --no-color {name}"]
    lines += _clean(report.out, folder).splitlines()
    lines.append(f"[exit {report.code}]")
    lines += [f"stderr: {line}" for line in _clean(report.err, folder).splitlines()]
    if safe.out or safe.err != report.err:
        lines += ["", f"$ newslint --diff {name}"] + safe.out.splitlines()
        lines += [f"stderr: {line}" for line in _clean(safe.err, folder).splitlines()]
    if (unsafe.out, unsafe.err) != (safe.out, safe.err):
        lines += ["", f"$ newslint --diff --unsafe-fixes {name}"] + unsafe.out.splitlines()
        lines += [f"stderr: {line}" for line in _clean(unsafe.err, folder).splitlines()]
    return "\n".join(lines) + "\n"


def reported_codes(snapshot: str) -> set[str]:
    """The codes of the remarks in a snapshot's concise section."""
    concise = snapshot.split("\n\n$ ", 1)[0]
    return {m.group(1) for m in re.finditer(r"^[^\n]*?:\d+:\d+: ([A-Z]+\d+) \[", concise, re.MULTILINE)}


def _fixture_id(path: Path) -> str:
    return path.relative_to(TESTS).as_posix()


@pytest.mark.parametrize("fixture", FIXTURES, ids=_fixture_id)
def test_snapshot(fixture: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    actual = render(fixture, monkeypatch)
    snap = snapshot_path(fixture)
    if request.config.getoption("--update-snapshots"):
        if not snap.exists() or snap.read_text(encoding="utf-8") != actual:
            snap.write_text(actual, encoding="utf-8", newline="\n")
        return
    if not snap.exists():
        pytest.fail(f"no snapshot {snap.relative_to(ROOT)}; create it with {UPDATE_HINT}", pytrace=False)
    expected = snap.read_text(encoding="utf-8")
    if expected != actual:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            f"{snap.relative_to(ROOT)} (checked in)", "current output",
        ))
        pytest.fail(f"snapshot differs; if the change is intended, run {UPDATE_HINT}\n{diff}", pytrace=False)


def expected_codes() -> list[str]:
    codes = [rule.code for rule in builtin_rules()]
    for name in shipped_packs():
        codes += [cls.code for cls in load_dir(shipped_packs()[name])]
    return codes


def test_every_rule_has_flags_and_allows_fixtures() -> None:
    """Every built-in and shipped-pack rule: a flags fixture reporting its code, an allows fixture that does not."""
    problems = []
    for code in expected_codes():
        mine = [p for p in rule_fixtures() if p.relative_to(RULES_DIR).parts[0] == code]
        flags = [p for p in mine if p.name.startswith("flags")]
        allows = [p for p in mine if p.name.startswith("allows")]

        def snapped(paths: list[Path]) -> list[set[str]]:
            return [reported_codes(snapshot_path(p).read_text(encoding="utf-8")) for p in paths
                    if snapshot_path(p).exists()]

        if not any(code in codes for codes in snapped(flags)):
            problems.append(f"{code}: no tests/rules/{code}/flags* fixture whose snapshot reports {code}")
        if not any(code not in codes for codes in snapped(allows)):
            problems.append(f"{code}: no tests/rules/{code}/allows* fixture whose snapshot leaves {code} out")
    assert not problems, "\n".join(problems)


def test_rule_folders_name_known_rules() -> None:
    known = set(expected_codes())
    strays = sorted(p.name for p in RULES_DIR.iterdir() if p.is_dir() and p.name not in known)
    assert not strays, f"tests/rules folders for no known rule: {strays}"


def test_every_fixture_folder_has_its_own_config() -> None:
    """A folder without newslint.toml would pick up the repository's pyproject.toml (dialect en-US)."""
    folders = {p.parent for p in FIXTURES}
    missing = sorted(str(f.relative_to(TESTS)) for f in folders if not (f / "newslint.toml").is_file())
    assert not missing, f"fixture folders without a newslint.toml: {missing}"


def test_no_orphan_snapshots() -> None:
    fixtures = set(FIXTURES)
    orphans = sorted(
        str(snap.relative_to(ROOT)) for base in (RULES_DIR, CORPUS_DIR) for snap in base.rglob("*.snap")
        if snap.with_name(snap.name.removesuffix(".snap")) not in fixtures
    )
    assert not orphans, f"snapshots without a fixture (delete them or run scripts/update_snapshots.py): {orphans}"
