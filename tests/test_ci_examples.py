"""The CI recipes' examples (docs/ci.md), run as their jobs would: the installed newslint on a folder of drafts."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from conftest import ROOT
from test_reporters import DRAFT, sarif_errors

BIN = Path(sys.executable).parent  # the virtual environment's bin, which holds the installed `newslint`
# What the jobs find in DRAFT: a repeated word at line 3 column 24, an empty TAGS: field at line 5.
FOUND = [("NL501", 3, 24), ("NL401", 5, 1)]
EXIT_CODES = "**Exit codes:** `0` nothing found, `1` diagnostics found at the `fail-on` severity or above"


def ci_section() -> str:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    return text[text.index("<!-- ci:start -->"):text.index("<!-- ci:end -->")]


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", ci_section(), re.DOTALL | re.MULTILINE)


def commands(node: object, key: str = "") -> list[str]:
    """The newslint command lines a CI file runs: in every run: step (GitHub) and script: entry (GitLab)."""
    if isinstance(node, dict):
        return [line for k, value in node.items() for line in commands(value, k)]
    if isinstance(node, list):
        return [line for value in node for line in commands(value, key)]
    if key not in ("run", "script") or not isinstance(node, str):
        return []
    return [line.strip() for line in node.splitlines() if line.strip().startswith("newslint ")]


def workflows() -> list[dict]:
    return [yaml.safe_load(block) for block in code_blocks("yaml")]


def github_steps(needle: str) -> list[dict]:
    """The steps of the one GitHub workflow job whose newslint command contains needle."""
    found = [job["steps"] for doc in workflows() if "jobs" in doc for job in doc["jobs"].values()
             if any(needle in line for line in commands(job))]
    assert len(found) == 1
    return found[0]


def the_command(node: object) -> str:
    found = commands(node)
    assert len(found) == 1, found
    return found[0]


def gitlab_job() -> dict:
    jobs = [job for doc in workflows() if "jobs" not in doc for job in doc.values()
            if isinstance(job, dict) and "script" in job]
    assert len(jobs) == 1
    return jobs[0]


def option(cmd: str, name: str) -> str:
    args = shlex.split(cmd)
    return args[args.index(name) + 1]


def all_commands() -> list[str]:
    """Every newslint command in the CI section: the workflows' and the shell examples'."""
    return commands(workflows()) + commands({"run": "\n".join(code_blocks("sh"))})


@pytest.fixture
def checkout(tmp_path):
    """A git-less folder like a newsroom's checkout: drafts/story.txt with known errors."""
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "story.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def run_job(cmd: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "CI": "true"}
    return subprocess.run(cmd, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_ci_recipes_have_every_ci_example():
    assert (BIN / "newslint").exists()
    assert EXIT_CODES in ci_section()
    assert len(workflows()) == 3
    formats = sorted(option(cmd, "--format") for cmd in all_commands())
    assert formats == ["github", "gitlab", "jsonl", "junit", "sarif"]


def test_github_sarif_workflow(checkout):
    steps = github_steps("--format sarif")
    upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert len(upload) == 1 and upload[0]["if"] == "always()"  # upload even when newslint fails the step
    cmd = the_command(steps)
    out = option(cmd, "--output-file")
    assert upload[0]["with"]["sarif_file"] == out
    job = run_job(cmd, checkout)
    assert job.returncode == 1, job.stderr
    assert job.stdout == f"newslint: 2 problems in 1 of 1 file; sarif report written to {out}\n"
    log = json.loads((checkout / out).read_text(encoding="utf-8"))
    assert sarif_errors(log) == []
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in results] == [
        (code, "drafts/story.txt", line, col) for code, line, col in FOUND]
    assert [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]] == ["NL401", "NL501"]


def test_github_annotations_workflow(checkout):
    job = run_job(the_command(github_steps("--format github")), checkout)
    assert job.returncode == 1, job.stderr
    assert job.stdout == (
        "::error file=drafts/story.txt,line=3,endLine=3,col=24,endColumn=27,title=NL501 repeated-word"
        "::Repeated word 'the' (suggestion: delete it)\n"
        "::error file=drafts/story.txt,line=5,endLine=5,col=1,endColumn=6,title=NL401 empty-metadata"
        "::Empty metadata field 'TAGS:'\n"
    )


def test_gitlab_code_quality_job(checkout):
    job = gitlab_job()
    cmd = the_command(job)
    out = option(cmd, "--output-file")
    assert out == job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"
    run = run_job(cmd, checkout)
    assert run.returncode == 1, run.stderr
    report = json.loads((checkout / out).read_text(encoding="utf-8"))
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"], i["severity"])
            for i in report] == [(code, "drafts/story.txt", line, "major") for code, line, _ in FOUND]
    assert all(set(i) >= {"description", "check_name", "fingerprint", "severity", "location"} for i in report)
    assert [i["description"] for i in report] == ["NL501 Repeated word 'the'", "NL401 Empty metadata field 'TAGS:'"]

    story = checkout / "drafts" / "story.txt"
    story.write_text("An extra first line.\n" + DRAFT, encoding="utf-8")
    assert run_job(cmd, checkout).returncode == 1
    moved = json.loads((checkout / out).read_text(encoding="utf-8"))
    assert [i["location"]["lines"]["begin"] for i in moved] == [line + 1 for _, line, _ in FOUND]
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in report]
    assert len({i["fingerprint"] for i in report}) == 2


def test_junit_and_jsonl_commands(checkout):
    junit, jsonl = commands({"run": code_blocks("sh")[0]})
    assert run_job(junit, checkout).returncode == 1
    root = ET.parse(checkout / option(junit, "--output-file")).getroot()
    assert [(s.get("name"), s.get("failures")) for s in root] == [("drafts/story.txt", "2")]
    assert [c.get("name") for c in root.iter("testcase")] == [f"{c} {n} at {l}:{col}" for (c, l, col), n in
                                                               zip(FOUND, ("repeated-word", "empty-metadata"))]
    assert run_job(jsonl, checkout).returncode == 1
    lines = (checkout / option(jsonl, "--output-file")).read_text(encoding="utf-8").splitlines()
    assert [(d["code"], d["line"], d["column"]) for d in map(json.loads, lines)] == FOUND


@pytest.mark.parametrize("cmd", all_commands())
def test_exit_codes_as_documented(cmd, checkout):
    (checkout / "drafts" / "story.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    clean = run_job(cmd, checkout)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    (checkout / "drafts" / "story.txt").unlink()
    (checkout / "drafts").rmdir()
    missing = run_job(cmd, checkout)
    assert missing.returncode == 2
    assert "drafts/: no such file or directory" in missing.stdout + missing.stderr
