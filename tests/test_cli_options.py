"""Options that would do nothing are errors; sub-commands have their own help and read the project's packs."""

from __future__ import annotations

import json
import os

import pytest
from conftest import run_cli

from newslint.cli import main


@pytest.mark.parametrize(("args", "message"), [
    (["--unsafe-fixes", "s.txt"], "--unsafe-fixes applies only with --fix or --diff"),
    (["--fix", "--diff", "s.txt"], "--fix writes the fixes and --diff only shows them: choose one"),
    (["--diff", "--format", "json", "s.txt"], "--diff prints a unified diff; --format does not apply to it"),
    (["--diff", "--statistics", "s.txt"], "--diff prints a unified diff; --statistics does not apply to it"),
    (["--statistics", "--format", "sarif", "s.txt"], "--statistics prints a table (text) or JSON, not --format sarif"),
    (["--exit-non-zero-on-fix", "s.txt"], "--exit-non-zero-on-fix applies only with --fix"),
    (["--fix", "--exit-zero", "--exit-non-zero-on-fix", "s.txt"],
     "--exit-zero and --exit-non-zero-on-fix contradict each other: choose one"),
    (["--stdin-filename", "x.md", "s.txt"], "--stdin-filename names standard input: add '-' to the paths"),
    (["--fix", "-", "s.txt"], "--fix on standard input prints the fixed text: give '-' alone"),
    (["--show-settings", "a.txt", "b.txt"], "--show-settings takes exactly one file or folder"),
    (["--show-files", "--fix", "s.txt"],
     "--show-settings and --show-files lint nothing: drop --fix, --diff, --statistics and --write-baseline"),
    (["--write-baseline", "s.txt"], "--write-baseline needs --baseline FILE"),
    (["-", "-"], "standard input can be read once: give '-' once"),
    (["--select", "", "s.txt"], "--select: no rule code given"),
    (["--ignore", ",", "s.txt"], "--ignore: no rule code given"),
    (["--show-files", "--format", "json", "s.txt"],
     "--show-settings and --show-files print plain text; --format does not apply to them"),
    ([], "no paths given (use '-' for stdin); see 'newslint --help'"),
])
def test_a_combination_that_would_be_ignored_is_an_error(tree, args, message):
    tree("s.txt", "Storm hits coast\n\nThe storm hit the the coast.\n")
    result = run_cli(*args)
    assert (result.code, result.out, result.err) == (2, "", f"newslint: {message}\n")


@pytest.mark.parametrize("command", ["rules", "rule", "check-pack", "check"])
def test_every_subcommand_has_its_own_help(command, capsys):
    with pytest.raises(SystemExit) as stopped:
        main([command, "--help"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: newslint{' ' + command if command != 'check' else ''}")


def test_rules_as_json_for_tools(tree):
    rules = run_cli("rules", "--format", "json").json
    by_code = {r["code"]: r for r in rules}
    assert by_code["NL501"] == {"code": "NL501", "name": "repeated-word", "severity": "error", "fix": "safe",
                                "default": "on", "source": "built-in",
                                "summary": 'A word repeated by accident: "the the".'}
    assert not [code for code in by_code if code.startswith("AP")]


HOUSE_RULE = '''code = "HS101"
name = "house-utilise"
kind = "substitution"
message = "House style: '{suggestion}', not '{match}'"
severity = "warning"
swap = { utilise = "use" }

[[tests]]
bad = "They utilise the port."

[[tests]]
good = "They use the port."
'''


@pytest.fixture
def project(tree):
    """A desk repository whose configuration enables a pack of its own and the shipped AP pack."""
    tree("style/house/utilise.toml", HOUSE_RULE)
    tree("newslint.toml", 'packs = ["style/house", "ap-2024"]\n')
    return tree


def test_rules_lists_the_configured_packs(project):
    by_code = {r["code"]: r for r in run_cli("rules", "--format", "json").json}
    assert by_code["HS101"]["source"] == "pack house"
    assert by_code["AP101"]["source"] == "pack ap-2024"


def test_rule_documents_a_configured_pack_rule(project):
    result = run_cli("rule", "hs101")
    assert result.code == 0
    assert result.out.startswith("HS101 house-utilise (default severity: warning; fix: ")


@pytest.mark.parametrize("form", [["--pack", "ap-2024"], ["--pack=ap-2024"]])
def test_rules_takes_a_shipped_pack_by_name_with_or_without_equals(tree, form):
    listed = run_cli("rules", *form).out
    assert "AP101  ly-adverb-hyphen" in listed


def test_check_pack_runs_every_configured_pack_or_one_by_name(project):
    everything = run_cli("check-pack")
    assert (everything.code, everything.out.splitlines()[-1]) == (0, "75 passed, 0 failed")
    shipped = run_cli("check-pack", "ap-2024")
    assert (shipped.code, shipped.out) == (0, "73 passed, 0 failed\n")
    house = run_cli("check-pack", "style/house")
    assert (house.code, house.out) == (0, "2 passed, 0 failed\n")


def test_unknown_rule_names_what_lists_them(tree):
    result = run_cli("rule", "HS101")
    assert result.code == 2
    assert result.err == ("newslint: no rule 'HS101' (did you mean NL101?); 'newslint rules' lists them (a pack's "
                          "rules once the configuration or --pack enables it)\n")


def test_rules_json_is_valid_for_every_shipped_rule(tree):
    rules = json.loads(run_cli("rules", "--pack", "ap-2024", "--format", "json").out)
    assert all(set(r) == {"code", "name", "severity", "fix", "default", "source", "summary"} for r in rules)


def test_show_settings_defaults_to_the_current_folder(tree, tmp_path):
    tree("newslint.toml", 'dialect = "en-GB"\n')
    result = run_cli("--show-settings")
    assert result.code == 0
    assert f'dialect = "en-GB"  # from {tmp_path.resolve() / "newslint.toml"}' in result.out.splitlines()


def test_show_files_says_which_patterns_matched_nothing(tree, tmp_path):
    tree("newslint.toml", 'extend-exclude = ["spiked/"]\n')
    tree("drafts/a.txt", "Calm day\n\nNothing happened.\n")
    result = run_cli("--show-files", ".")
    assert (result.code, result.out) == (0, "drafts/a.txt\n")
    assert result.err == (f"newslint: warning: extend-exclude pattern 'spiked/' (from "
                          f"{tmp_path.resolve() / 'newslint.toml'}) matched no file\n")


def test_dialect_and_fail_on_take_any_letter_case_as_the_config_does(tree):
    tree("story.txt", "Paint job\n\nThe color of the harbour wall.\n")
    lower = run_cli("story.txt", "--dialect", "en-gb", "--format", "concise")
    assert lower.out.startswith("story.txt:3:5: NL302 [warning] 'color' is American spelling; en-GB uses 'colour'")
    assert run_cli("story.txt", "--dialect", "EN-GB", "--fail-on", "Error").code == 0  # a warning: no failure


def test_newslint_s_own_lines_show_a_file_name_that_is_not_utf8_readably(tree, tmp_path):
    odd = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(odd, "wb") as handle:
        handle.write(b"Cafe row\n\nThe the cafe shut.\n")
    listed = run_cli("--show-files", ".")
    assert listed.out == "caf\\xe9.txt\n"
    written = run_cli(".", "--select", "NL501", "--output-file", "report.txt")  # the report is not linted itself
    assert written.out == "newslint: 1 problem in 1 of 1 file; text report written to report.txt\n"
