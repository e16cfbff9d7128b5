"""Exit codes and summaries for CI and hooks: --fail-on, --exit-zero, --exit-non-zero-on-fix, -q, --statistics,
the ruff-like summary, and results printed as each file is done."""

from __future__ import annotations

import io
import sys

import pytest
from conftest import run_cli

from newslint.cli import main
from newslint.engine import run as run_module

DOUBLED_SPACE = "Storm hits coast\n\nThe storm  hit the coast on Monday.\n"  # NL407, a warning
REPEATED = "Storm hits coast\n\nThe storm hit the the coast on Monday.\n"  # NL501, an error
TYPO_AND_REPEAT = "Storm hits coast\n\nThe storm hit the the reserch site.\n"  # NL501 safe fix, NL101 unsafe fix


@pytest.fixture
def desk(tree):
    tree("newslint.toml", "")
    return tree


@pytest.mark.parametrize(("config", "args", "code"), [
    ("", (), 1),  # default: a warning fails the run
    ('[severity]\nNL407 = "info"\n', (), 0),  # an info remark never fails it by default
    ('[severity]\nNL407 = "info"\n', ("--fail-on", "info"), 1),
    ("", ("--fail-on", "error"), 0),
    ('fail-on = "error"\n', (), 0),
    ('fail-on = "error"\n', ("--fail-on", "warning"), 1),  # the command line wins
])
def test_fail_on_decides_which_severities_fail_the_run(desk, config, args, code):
    desk("newslint.toml", config)
    desk("story.txt", DOUBLED_SPACE)
    result = run_cli("story.txt", "--format", "concise", *args)
    assert result.code == code
    assert result.out.startswith("story.txt:3:10: NL407 [")  # reported either way


def test_fail_on_follows_each_file_s_own_configuration(desk):
    desk("wires/newslint.toml", 'fail-on = "error"\n')
    desk("wires/brief.txt", DOUBLED_SPACE)
    assert run_cli("wires/brief.txt").code == 0
    desk("desk.txt", DOUBLED_SPACE)
    assert run_cli("wires/brief.txt", "desk.txt").code == 1


def test_exit_zero_reports_but_succeeds(desk):
    desk("story.txt", REPEATED)
    result = run_cli("story.txt", "--exit-zero", "--format", "concise")
    assert (result.code, result.out) == (0, "story.txt:3:19: NL501 [error] Repeated word 'the' (suggestion: delete it)\n")


def test_exit_zero_still_fails_on_an_input_error(desk):
    assert run_cli("missing.txt", "--exit-zero").code == 2


def test_exit_non_zero_on_fix(desk, tmp_path):
    desk("story.txt", REPEATED)
    fixed = run_cli("story.txt", "--fix")
    assert fixed.code == 0  # nothing left to report
    desk("story.txt", REPEATED)
    strict = run_cli("story.txt", "--fix", "--exit-non-zero-on-fix")
    assert (strict.code, (tmp_path / "story.txt").read_text()) == (1, REPEATED.replace("the the", "the"))
    assert run_cli("story.txt", "--fix", "--exit-non-zero-on-fix").code == 0  # nothing more to fix


def test_summary_counts_files_fixes_and_what_unsafe_fixes_would_add(desk):
    desk("a.txt", TYPO_AND_REPEAT)
    desk("b.txt", "Calm day\n\nNothing much happened on Monday.\n")
    result = run_cli("a.txt", "b.txt")
    assert result.out.splitlines()[-2:] == [
        "Found 2 problems (2 errors) in 1 of 2 files checked.",
        "1 fixable with `--fix` (1 more with `--unsafe-fixes`).",
    ]
    fixed = run_cli("a.txt", "b.txt", "--fix")
    assert fixed.out.splitlines()[-3:] == [
        "Found 1 problem (1 error) in 1 of 2 files checked.",
        "Fixed 1 problem.",
        "1 fixable with `--fix --unsafe-fixes`.",
    ]


def test_summary_says_what_a_baseline_hid(desk, tmp_path):
    desk("story.txt", REPEATED)
    assert run_cli("story.txt", "--baseline", "known.json", "--write-baseline").code == 0
    result = run_cli("story.txt", "--baseline", "known.json")
    assert (result.code, result.out) == (0, "All clear: 1 file checked.\n1 known problem hidden by the baseline.\n")


def test_quiet_prints_the_diagnostics_only(desk):
    desk("story.txt", REPEATED)
    result = run_cli("story.txt", "-q")
    assert result.code == 1
    assert result.out.startswith("story.txt:3:19: NL501 repeated-word [error]")
    assert "Found" not in result.out and "fixable" not in result.out
    assert run_cli("story.txt", "--quiet", "--exit-zero").code == 0


def test_quiet_keeps_the_output_file_note_off_the_terminal(desk):
    desk("story.txt", REPEATED)
    result = run_cli("story.txt", "-q", "--format", "json", "--output-file", "out.json")
    assert (result.code, result.out, result.err) == (1, "", "")


def test_statistics_per_rule_with_name_and_fixability(desk):
    desk("a.txt", TYPO_AND_REPEAT)
    desk("b.txt", REPEATED + "\nTAGS:\n")
    result = run_cli("a.txt", "b.txt", "--statistics")
    assert (result.code, result.out) == (1, "2  NL501  repeated-word   fixable: 2 with --fix\n"
                                            "1  NL101  misspelling     fixable: 1 with --unsafe-fixes\n"
                                            "1  NL401  empty-metadata\n")
    table = run_cli("a.txt", "b.txt", "--statistics", "--format", "json").json
    assert table[0] == {"code": "NL501", "name": "repeated-word", "count": 2, "fixable": {"safe": 2, "unsafe": 0}}


def test_diff_can_go_to_an_output_file(desk, tmp_path):
    desk("story.txt", REPEATED)
    result = run_cli("story.txt", "--diff", "--output-file", "fixes.diff")
    assert result.code == 1
    assert result.out == "newslint: diff written to fixes.diff\n"
    assert "-The storm hit the the coast on Monday.\n+The storm hit the coast on Monday.\n" in (
        tmp_path / "fixes.diff").read_text()


def test_repeated_select_flags_add_up_and_take_spaces(desk):
    desk("story.txt", REPEATED.replace("storm hit", "storm  hit") + "\nTAGS:\n")
    for args in (("--select", "NL501", "--select", "NL401"), ("--select", "NL501 NL401"), ("--select", "nl501,NL401")):
        result = run_cli("story.txt", "--format", "concise", *args)
        assert [line.split()[1] for line in result.out.splitlines()] == ["NL501", "NL401"], args


def test_check_is_an_alias(desk):
    desk("story.txt", REPEATED)
    assert run_cli("check", "story.txt", "--format", "concise").out == run_cli("story.txt", "--format", "concise").out


def test_each_file_is_printed_before_the_next_is_linted(desk, monkeypatch):
    """The report streams: by the time the second file is read, the first file's problem is on stdout."""
    desk("a.txt", REPEATED)
    desk("b.txt", REPEATED)
    seen: list[str] = []
    lint_file = run_module.Run.lint_file

    def watching(self, name, mode):
        seen.append(sys.stdout.getvalue())
        return lint_file(self, name, mode)

    monkeypatch.setattr(run_module.Run, "lint_file", watching)
    run_cli("a.txt", "b.txt", "--format", "concise")
    assert seen == ["", "a.txt:3:19: NL501 [error] Repeated word 'the' (suggestion: delete it)\n"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_for_a_long_run(desk, monkeypatch):
    for n in range(31):
        desk(f"drafts/{n:02}.txt", "Calm day\n\nNothing much happened on Monday.\n")
    stdout, stderr = io.StringIO(), Terminal()
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(["drafts"]) == 0
    assert stdout.getvalue() == "All clear: 31 files checked.\n"
    progress = stderr.getvalue()
    assert progress.endswith("\rnewslint: 31 files checked…\r\x1b[K")
    assert "\rnewslint: 29 files checked…" not in progress and "\rnewslint: 30 files checked…" in progress


def test_a_run_that_checks_nothing_says_so(desk):
    desk("notes.rst", "Not a draft\n")
    result = run_cli(".")
    assert (result.code, result.out) == (0, "All clear: 0 files checked.\n")
    assert result.err == ("newslint: warning: no file was checked: the paths hold no *.txt, *.md or *.markdown "
                          "file that is not excluded or ignored by git (see --show-files)\n")


def test_diff_says_what_only_unsafe_fixes_would_show(desk):
    desk("story.txt", "Storm hits coast\n\nThe storm hit the reserch site.\n")  # NL101: an unsafe fix only
    result = run_cli("story.txt", "--diff")
    assert (result.code, result.out, result.err) == (0, "", "newslint: warning: 1 more fix with --unsafe-fixes\n")
    assert "+The storm hit the research site." in run_cli("story.txt", "--diff", "--unsafe-fixes").out


def test_output_file_note_counts_files_with_problems(desk):
    desk("a.txt", REPEATED)
    desk("b.txt", "Calm day\n\nNothing much happened on Monday.\n")
    result = run_cli("a.txt", "b.txt", "--output-file", "report.txt")
    assert result.out == "newslint: 1 problem in 1 of 2 files; text report written to report.txt\n"


def test_a_diff_written_to_a_file_keeps_each_file_s_own_bytes(desk, tmp_path):
    (tmp_path / "story.txt").write_bytes("Café row\n\nThe café shut the the door.\n".encode("cp1252"))
    assert run_cli("story.txt", "--encoding", "cp1252", "--diff", "--output-file", "fixes.diff").code == 1
    assert b"+The caf\xe9 shut the door.\n" in (tmp_path / "fixes.diff").read_bytes()
