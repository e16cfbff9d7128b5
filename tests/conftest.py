"""Shared test helpers: run the CLI in-process and write drafts to temporary folders."""

from __future__ import annotations

import io
import json
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from newslint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3cffd693bd966c30.txt"


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    @property
    def json(self) -> dict:
        return json.loads(self.out)


def run_cli(*args: str, stdin: bytes | None = None) -> CliResult:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    finally:
        sys.stdin = old_stdin
    return CliResult(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def story(tmp_path):
    """Write a draft into tmp_path (with an empty newslint.toml so the repo's config is not picked up)."""
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")

    def write(text: str, name: str = "story.txt", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """Work from tmp_path and write files under it (no config unless a test writes one)."""
    monkeypatch.chdir(tmp_path)

    def write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return path

    return write


def pytest_addoption(parser):
    parser.addoption(
        "--update-snapshots", action="store_true", default=False,
        help="tests/test_snapshots.py: write each fixture's .snap from the current output instead of comparing",
    )


def explained_part(cli, place: str, code: str) -> list[str]:
    """The place's line and one rule's part of what `newslint explain` prints there (other rules weigh words too)."""
    result = cli("explain", place)
    assert result.code == 0, result.err
    head, *rest = result.out.splitlines()
    parts: dict[str, list[str]] = {}
    current = ""
    for line in rest:
        if not line.startswith("    "):
            current = line.split()[0].rstrip(":")
        parts.setdefault(current, []).append(line)
    return [head, *parts.get(code, [])]
