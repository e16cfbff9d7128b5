"""--jobs N: the same report, fixes and diff as one process, from worker processes; memory flat with many files."""

from __future__ import annotations

import concurrent.futures
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SELECT = ("--select", "NL401,NL402,NL501", "--format", "json")
PARAGRAPHS = ["Council members met on Tuesday to discuss the new budget for the harbour district.",
              "The mayor said that the the plan would be ready before the winter storms arrived.",
              "Residents asked for more buses, and officials promised a <b>review of the routes.",
              "Nobody expected the vote to pass so quickly, one reporter wrote afterwards."]


def make_stories(folder: Path, count: int) -> None:
    """count small stories of our own copy, in nested folders, with a known mix of problems."""
    for i in range(count):
        body = "\n\n".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(1 + i % 4))
        tags = "TAGS:" if i % 5 == 0 else "TAGS: Harbour, Council"
        path = folder / f"desk{i % 7}" / f"story{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Budget story {i}\n\n{body}\n\n{tags}\n", encoding="utf-8")


@pytest.fixture
def newsroom(tmp_path):
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    make_stories(tmp_path, 40)
    (tmp_path / "desk3" / "scan.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "desk5" / "old.txt").write_bytes("Caf\u00e9 the the \u201cend\u201d\n".encode("cp1252"))
    return tmp_path


@pytest.mark.parametrize("jobs", ["2", "3", "0"])
def test_report_is_the_same_with_any_number_of_jobs(cli, newsroom, jobs):
    serial = cli(*SELECT, "--jobs", "1", str(newsroom))
    parallel = cli(*SELECT, "--jobs", jobs, str(newsroom))
    assert (parallel.code, parallel.out, parallel.err) == (serial.code, serial.out, serial.err)
    assert serial.code == 2 and len(serial.json["diagnostics"]) > 40 and len(serial.json["errors"]) == 2


def test_fix_and_diff_are_the_same_with_jobs(cli, newsroom, tmp_path_factory):
    twin = tmp_path_factory.mktemp("twin") / "newsroom"
    shutil.copytree(newsroom, twin, symlinks=True)
    assert cli("--diff", *SELECT, "--jobs", "2", str(newsroom)).out == cli("--diff", *SELECT, str(newsroom)).out
    cli("--fix", *SELECT, str(newsroom))
    cli("--fix", *SELECT, "--jobs", "2", str(twin))
    for path in sorted(newsroom.rglob("*.txt")):
        assert path.read_bytes() == (twin / path.relative_to(newsroom)).read_bytes(), path
    assert b"the the" not in (newsroom / "desk1" / "story00001.txt").read_bytes()


@pytest.fixture
def pools(monkeypatch) -> list[int]:
    """The worker count of each process pool the run starts."""
    started: list[int] = []

    class Spy(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, workers, **kwargs):
            started.append(workers)
            super().__init__(workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Spy)
    return started


def test_jobs_run_in_worker_processes(cli, newsroom, pools):
    cli(*SELECT, "--jobs", "2", str(newsroom))
    cli(*SELECT, "--jobs", "2", str(newsroom / "desk0" / "story00000.txt"))  # one file: no pool
    assert pools == [2]


def test_without_jobs_a_run_of_many_files_uses_every_cpu_and_a_few_files_one_process(cli, tmp_path, pools,
                                                                                      monkeypatch):
    from newslint.cli import _parser
    from newslint.engine.run import PARALLEL_FROM

    monkeypatch.setattr("newslint.engine.run.cpus", lambda: 2)
    few, many = tmp_path / "few", tmp_path / "many"
    make_stories(few, int(PARALLEL_FROM) - 1)
    make_stories(many, int(PARALLEL_FROM))
    assert cli(*SELECT, str(many)).out == cli(*SELECT, "--jobs", "1", str(many)).out
    cli(*SELECT, str(few))
    assert pools == [2]
    monkeypatch.setattr("newslint.engine.run.forks", lambda: False)  # spawned workers would each load the data
    cli(*SELECT, str(many))
    assert pools == [2]
    assert f"from {int(PARALLEL_FROM)} files" in " ".join(_parser().format_help().split())


def test_bad_jobs_value_is_refused(cli):
    with pytest.raises(SystemExit) as exit_info:
        cli("--jobs", "-1", "x.txt")
    assert exit_info.value.code == 2


MEASURE = textwrap.dedent("""
    import resource, subprocess, sys
    subprocess.run([sys.executable, "-m", "newslint", "--jobs", "2", "--format", "concise", "--select", "NL4,NL5",
                    sys.argv[1]], stdout=subprocess.DEVNULL, check=False)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
""")


def peak_kib(folder: Path) -> int:
    out = subprocess.run([sys.executable, "-c", MEASURE, str(folder)], capture_output=True, text=True, check=True)
    return int(out.stdout)


def test_memory_stays_flat_as_the_folder_grows(tmp_path):
    small, large = tmp_path / "small", tmp_path / "large"
    make_stories(small, 200)
    make_stories(large, 2000)
    growth = peak_kib(large) - peak_kib(small)
    assert growth < 16 * 1024, f"peak memory grew by {growth} KiB for 1,800 more stories"


def test_each_file_is_linted_once(cli, newsroom):
    one = newsroom / "desk1" / "story00001.txt"
    (newsroom / "alias.txt").symlink_to(one)
    alone = cli(*SELECT, str(one)).json["diagnostics"]
    result = cli(*SELECT, "--fix", "--jobs", "2", str(one), str(newsroom / "desk1"), str(newsroom / "alias.txt"))
    assert not result.json["errors"]  # no "changed on disk" from fixing one file twice at once
    assert len([d for d in result.json["diagnostics"] if d["path"] == str(one)]) == len(alone) - 1  # "the the" fixed
    assert not [d for d in result.json["diagnostics"] if d["path"].endswith("alias.txt")]


def test_paths_are_shown_as_given(cli, newsroom, monkeypatch):
    monkeypatch.chdir(newsroom / "desk1")
    for root, shown in ((".", "story00001.txt"), ("./", "story00001.txt"), ("../desk1", "../desk1/story00001.txt")):
        paths = [d["path"] for d in cli(*SELECT, "--jobs", "2", root).json["diagnostics"]]
        assert paths[0] == shown, root


def kill_worker_on(monkeypatch, name: str, times: int | None = None, marks: Path | None = None) -> None:
    """Make a forked worker process die (SIGKILL, as the out-of-memory killer does) when it reaches `name`: every
    time, or only the first `times` times (counted with files in `marks`, which processes share)."""
    import os
    import signal

    from newslint.engine import run

    parent, real = os.getpid(), run.Run.lint_file

    def lint_file(self, path, mode):
        if path.endswith(name) and os.getpid() != parent:
            if times is None or len(list(marks.iterdir())) < times:
                if marks is not None:
                    (marks / str(os.getpid())).touch()
                os.kill(os.getpid(), signal.SIGKILL)
        return real(self, path, mode)

    monkeypatch.setattr(run.Run, "lint_file", lint_file)


needs_fork = pytest.mark.skipif(__import__("multiprocessing").get_start_method() != "fork",
                                reason="the test makes forked workers die")


@needs_fork
def test_a_killed_worker_loses_only_its_file(cli, newsroom, monkeypatch):
    poison = newsroom / "desk2" / "story00009.txt"
    serial = cli(*SELECT, str(newsroom)).json
    kill_worker_on(monkeypatch, "story00009.txt")
    result = cli(*SELECT, "--jobs", "2", str(newsroom))
    assert result.code == 2
    assert sorted(result.json["errors"]) == sorted(serial["errors"] + [
        f"{poison}: lost: the worker process checking it stopped abruptly (killed, crashed or out of memory); "
        "not checked"])
    assert result.json["diagnostics"] == [d for d in serial["diagnostics"] if d["path"] != str(poison)]
    assert "newslint: warning: a worker process stopped abruptly;" in result.err
    assert "checked again, one at a time" in result.err


@needs_fork
def test_a_worker_killed_once_loses_nothing(cli, newsroom, monkeypatch, tmp_path_factory):
    serial = cli(*SELECT, str(newsroom))
    kill_worker_on(monkeypatch, "story00021.txt", times=1, marks=tmp_path_factory.mktemp("marks"))
    result = cli(*SELECT, "--jobs", "3", str(newsroom))
    assert (result.code, result.out) == (serial.code, serial.out)
    assert "a worker process stopped abruptly" in result.err


@needs_fork
def test_a_killed_worker_during_fix_leaves_every_other_file_fixed(cli, newsroom, monkeypatch):
    kill_worker_on(monkeypatch, "story00005.txt")
    result = cli(*SELECT, "--fix", "--jobs", "2", str(newsroom))
    assert result.code == 2 and any("story00005.txt: lost:" in error for error in result.json["errors"])
    assert b"the the" in (newsroom / "desk5" / "story00005.txt").read_bytes()
    unfixed = [p.name for p in newsroom.rglob("*.txt") if b"the the" in p.read_bytes()]
    assert sorted(unfixed) == ["old.txt", "story00005.txt"]  # old.txt is cp1252: an input error
