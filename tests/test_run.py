"""One run through the Python API: fixing stdin into bytes, streaming each file's result, counting what a baseline
hides."""

from __future__ import annotations

import io
import sys

import pytest

from newslint.engine.run import Run

DOUBLED = "Storm hits coast\n\nThe storm hit the the coast on Monday.\n"
FIXED = "Storm hits coast\n\nThe storm hit the coast on Monday.\n"


@pytest.fixture
def stdin(monkeypatch):
    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    return feed


# -- fixing stdin ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("encoding", "bom", "newline"), [
    ("utf-8", b"", "\n"), ("utf-8", b"\xef\xbb\xbf", "\r\n"), ("cp1252", b"", "\r\n"), ("utf-16-le", b"\xff\xfe", "\n"),
])
def test_stdin_fix_keeps_the_fixed_bytes_and_writes_nothing(tree, tmp_path, stdin, encoding, bom, newline):
    tree("newslint.toml", "")
    original = bom + DOUBLED.replace("\n", newline).replace("Monday", "Café day").encode(encoding)
    stdin(original)
    run = Run(encoding=None if bom or encoding == "utf-8" else encoding)
    report = run.lint_paths(["-"], stdin_filename="desk/story.txt", fix=True, unsafe=False)
    assert run.stdin_fixed == bom + FIXED.replace("\n", newline).replace("Monday", "Café day").encode(encoding)
    assert (report.fixed, report.items, report.errors) == (1, [], [])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newslint.toml"]  # desk/story.txt was not written


def test_stdin_fixed_is_the_input_when_nothing_is_fixed_or_it_cannot_be_read(tree, stdin):
    tree("newslint.toml", "")
    stdin(b"Calm\n\nNothing happened.\n")
    run = Run()
    run.lint_paths(["-"], fix=True)
    assert run.stdin_fixed == b"Calm\n\nNothing happened.\n"
    stdin(b"Calm \xff\n")
    run = Run()
    report = run.lint_paths(["-"], stdin_filename="x.txt", fix=True)
    assert run.stdin_fixed == b"Calm \xff\n"
    assert report.errors == ["x.txt: not valid utf-8 (line 1, byte 0xff at offset 5); pass --encoding (e.g. cp1252) "
                             "to read it"]


def test_stdin_fixed_is_none_without_fix(tree, stdin):
    tree("newslint.toml", "")
    stdin(DOUBLED.encode())
    run = Run()
    assert len(run.lint_paths(["-"]).items) == 1
    assert run.stdin_fixed is None


def test_stdin_fix_config_comes_from_the_stdin_filename(tree, stdin):
    tree("desk/newslint.toml", 'ignore = ["NL501"]\n')
    stdin(DOUBLED.encode())
    run = Run()
    run.lint_paths(["-"], stdin_filename="desk/story.txt", fix=True)
    assert run.stdin_fixed == DOUBLED.encode()


def test_fix_of_stdin_on_the_command_line_prints_the_fixed_text(cli, tree):
    tree("newslint.toml", "")
    result = cli("--fix", "--stdin-filename", "story.txt", "-", stdin=DOUBLED.encode())
    assert (result.code, result.out) == (0, FIXED)


# -- streaming ------------------------------------------------------------------------------------------------------
def newsroom(tree) -> None:
    tree("newslint.toml", "")
    for i in range(6):
        tree(f"desk{i % 2}/story{i}.txt", DOUBLED if i % 3 else "Calm\n\nNothing happened.\n")
    tree("desk1/scan.txt", b"\x00binary")


def test_on_file_hears_of_each_file_as_it_is_done_in_report_order(tree, monkeypatch):
    newsroom(tree)
    events: list[str] = []
    real = Run.lint_file

    def lint_file(self, name, mode):
        events.append(f"lint {name}")
        return real(self, name, mode)

    monkeypatch.setattr(Run, "lint_file", lint_file)
    report = Run().lint_paths(["desk0", "gone.txt", "desk1"],
                              on_file=lambda path, items, error: events.append(f"done {path} {len(items)} {error}"))
    assert events == [
        "lint desk0/story0.txt", "done desk0/story0.txt 0 ",
        "lint desk0/story2.txt", "done desk0/story2.txt 1 ",
        "lint desk0/story4.txt", "done desk0/story4.txt 1 ",
        "done gone.txt 0 gone.txt: no such file or directory",
        "lint desk1/scan.txt", "done desk1/scan.txt 0 desk1/scan.txt: looks like a binary file (NUL byte at offset 0); "
                               "skipped",
        "lint desk1/story1.txt", "done desk1/story1.txt 1 ",
        "lint desk1/story3.txt", "done desk1/story3.txt 0 ",
        "lint desk1/story5.txt", "done desk1/story5.txt 1 ",
    ]
    assert report.files == 6 and len(report.items) == 4 and len(report.errors) == 2


def test_on_file_order_is_the_same_with_jobs(tree):
    newsroom(tree)
    heard: dict[int, list[tuple[str, list[str], str]]] = {}
    for jobs in (1, 3):
        heard[jobs] = []
        Run().lint_paths(["."], jobs=jobs, on_file=lambda path, items, error, jobs=jobs: heard[jobs].append(
            (path, [item.diagnostic.code for item in items], error)))
    assert heard[1] == heard[3] and len(heard[1]) == 7


def test_a_report_that_streams_counts_what_a_kept_report_holds(tree):
    newsroom(tree)
    tree("desk0/story6.txt", "Quake shakes city\n\nThe quake hit the the city on Monday; it it was felt in Toronto.\n")
    from newslint.reporters import Options, summary_lines
    from newslint.reporters.statistics import rows

    kept, counted = (Run().lint_paths(["."], keep_items=keep) for keep in (True, False))
    assert counted.items == [] and len(kept.items) == kept.tally.problems == counted.tally.problems == 6
    assert (counted.tally.files_with_problems, counted.tally.safe) == (5, 6)
    assert summary_lines(counted, Options()) == summary_lines(kept, Options())
    assert rows(counted) == rows(kept) == [{"code": "NL501", "name": "repeated-word", "count": 6,
                                            "fixable": {"safe": 6, "unsafe": 0}}]


# -- baselines ------------------------------------------------------------------------------------------------------
def test_hidden_by_baseline_counts_the_known_problems(tree, tmp_path):
    tree("newslint.toml", "")
    story = tree("story.txt", DOUBLED + "\nA calm paragraph that stays as it is.\n")
    baseline = tmp_path / "baseline.json"
    report = Run().lint_paths(["story.txt"], baseline=baseline, write_baseline=True)
    assert (report.items, report.hidden_by_baseline) == ([], 1)
    story.write_text(DOUBLED + "\nA calm paragraph that stays as it is.\n\nIt it rose.\n", encoding="utf-8")
    report = Run().lint_paths(["story.txt"], baseline=baseline)
    assert (len(report.items), report.hidden_by_baseline) == (1, 1)
    assert Run().lint_paths(["story.txt"]).hidden_by_baseline == 0
