"""The pre-commit hook, end to end: `pre-commit try-repo <this repo> newslint` in a throwaway editorial repo.

try-repo clones this repository (its HEAD, plus any uncommitted changes to tracked files), builds the hook's
virtual environment with pip (network access to PyPI needed) and runs it; this takes a minute."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def try_repo(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "newslint", "--files", "story.txt"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def test_hook_definition():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"], hook["types_or"]) == (
        "newslint", "newslint --force-exclude", "python", ["text", "markdown"])  # staged files stay excluded
    assert [name for name in ("a.txt", "B.MD", "c.markdown", "d.rst", "e.txt.bak", "txt")
            if re.search(hook["files"], name)] == ["a.txt", "B.MD", "c.markdown"]
    assert hook["require_serial"] is True  # newslint shares its files among the CPUs itself, data loaded once


def test_try_repo_fails_on_an_error_and_passes_a_clean_story(tmp_path):
    repo = tmp_path / "desk"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "desk@example.com")
    git(repo, "config", "user.name", "Desk")
    story = repo / "story.txt"
    story.write_text("Storm hits coast\n\nThe storm hit the the coast on Monday.\n", encoding="utf-8")
    git(repo, "add", "story.txt")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)

    failed = try_repo(repo, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "story.txt:3:19: NL501 repeated-word [error] Repeated word 'the'" in failed.stdout
    assert "newslint" in failed.stdout and "Failed" in failed.stdout

    story.write_text("Storm hits coast\n\nThe storm hit the coast on Monday.\n", encoding="utf-8")
    git(repo, "add", "story.txt")
    passed = try_repo(repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
