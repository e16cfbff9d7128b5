"""Regenerate the snapshot files of tests/rules and tests/corpus (see tests/test_snapshots.py) and drop orphans.

Usage: .venv/bin/python scripts/update_snapshots.py [pytest arguments, e.g. -k NL201]

Deletes every `.snap` whose fixture no longer exists, then runs `pytest tests/test_snapshots.py
--update-snapshots` (each fixture's `.snap` is rewritten from the current output; the meta-tests still check
that every rule has its flags and allows fixtures). Read `git diff -- tests/rules tests/corpus`
before committing: the snapshot diff is what the reviewer reads.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT_FOLDERS = (ROOT / "tests" / "rules", ROOT / "tests" / "corpus")


def remove_orphans() -> list[Path]:
    removed = []
    for folder in SNAPSHOT_FOLDERS:
        for snap in sorted(folder.rglob("*.snap")):
            if not snap.with_name(snap.name.removesuffix(".snap")).is_file():
                snap.unlink()
                removed.append(snap)
    return removed


def main(argv: list[str]) -> int:
    for snap in remove_orphans():
        print(f"removed orphan snapshot {snap.relative_to(ROOT)}")
    code = pytest.main([str(ROOT / "tests" / "test_snapshots.py"), "--update-snapshots", "-q", *argv])
    print("review the changes with: git diff -- tests/rules tests/corpus")
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
