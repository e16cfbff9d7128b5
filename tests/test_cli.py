"""End-to-end command line: exit codes, paths and folders, stdin, selection, dialect, formats, sub-commands."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import __version__
from newslint.cli import main
from newslint.engine.registry import builtin_rules

DOUBLED = "Storm hits coast\n\nThe storm hit the the coast on Monday.\n"
CLEAN = "Calm day\n\nNothing much happened on Monday.\n"
# Three problems of three families: a repeated word (NL501), an empty field (NL401), a doubled space (NL407).
TYPO = "Storm hits coast\n\nThe storm hit the the reserch site.\n"  # NL501 has a safe fix, NL101 an unsafe one
MIXED = "Storm hits coast\n\nThe storm hit the the coast  on Monday.\n\nTAGS:\n"


@pytest.fixture
def here(tree):
    """Work inside tmp_path (with an empty config), so that reported paths are short and exact."""
    tree("newslint.toml", "")
    return tree


def codes(cli, *args: str, stdin: bytes | None = None) -> list[str]:
    result = cli("--format", "json", *args, stdin=stdin)
    return [d["code"] for d in result.json["diagnostics"]]


def paths(cli, *args: str) -> list[str]:
    result = cli("--format", "json", *args)
    return sorted({d["path"] for d in result.json["diagnostics"]})


# -- exit codes ---------------------------------------------------------------------------------------------
def test_clean_file_exits_0(cli, here):
    here("clean.txt", CLEAN)
    result = cli("clean.txt")
    assert (result.code, result.err) == (0, "")
    assert result.out == "All clear: 1 file checked.\n"


def test_file_with_repeated_word_exits_1_and_names_the_place(cli, here):
    here("story.txt", DOUBLED)
    result = cli("--format", "concise", "story.txt")
    assert result.code == 1
    assert result.out == "story.txt:3:19: NL501 [error] Repeated word 'the' (suggestion: delete it)\n"


def test_missing_path_exits_2_naming_it(cli, here):
    result = cli("--format", "concise", "nowhere.txt")
    assert result.code == 2
    assert result.out == "error: nowhere.txt: no such file or directory\n"


def test_binary_file_exits_2_naming_it(cli, here):
    here("photo.txt", b"JFIF\x00\x01\x02")
    result = cli("--format", "concise", "photo.txt")
    assert result.code == 2
    assert result.out == "error: photo.txt: looks like a binary file (NUL byte at offset 4); skipped\n"


def test_input_error_beats_diagnostics_in_the_exit_code(cli, here):
    here("story.txt", DOUBLED)
    assert cli("story.txt", "nowhere.txt").code == 2


def test_bad_config_exits_2_with_one_line(cli, here, tmp_path):
    here("newslint.toml", 'dialect = "en-NZ"\n')
    here("story.txt", CLEAN)
    result = cli("story.txt")
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"newslint: {tmp_path.resolve() / 'newslint.toml'}:1: dialect: "
                          "'en-NZ' is not one of auto, en-US, en-GB, en-GB-oxendict, en-AU\n")


def test_no_paths_is_a_usage_error(cli, here):
    result = cli()
    assert result.code == 2
    assert "no paths given" in result.err


def test_unknown_option_is_a_usage_error(cli, here):
    with pytest.raises(SystemExit) as exc:
        cli("--formt", "json", "story.txt")
    assert exc.value.code == 2


# -- folders ------------------------------------------------------------------------------------------------
def test_folder_recursion_takes_text_and_markdown_only(cli, here):
    for name in ("a.txt", "sub/b.md", "sub/deeper/c.markdown", "notes.rst", "sub/d.html", "e.TXT"):
        here(name, DOUBLED)
    assert paths(cli, ".") == ["a.txt", "e.TXT", "sub/b.md", "sub/deeper/c.markdown"]


def test_folder_recursion_skips_default_excludes(cli, here):
    for name in ("a.txt", ".git/COMMIT.txt", "node_modules/pkg/README.md", ".venv/x.txt"):
        here(name, DOUBLED)
    assert paths(cli, ".") == ["a.txt"]


def test_folder_recursion_honours_config_exclude(cli, here):
    here("newslint.toml", 'exclude = ["archive", "*.draft.md"]\n')
    for name in ("a.txt", "archive/old.txt", "b.draft.md", "c.md", "node_modules/x.md"):
        here(name, DOUBLED)
    # `exclude` replaces the defaults, so node_modules is linted again
    assert paths(cli, ".") == ["a.txt", "c.md", "node_modules/x.md"]


def test_explicit_file_in_an_excluded_folder_is_linted_unless_force_exclude(cli, here):
    here("newslint.toml", 'extend-exclude = ["archive"]\n')
    here("archive/old.txt", DOUBLED)
    assert codes(cli, "archive/old.txt") == ["NL501"]  # named on the command line: linted, as ruff does
    result = cli("--force-exclude", "archive/old.txt")
    assert (result.code, result.out) == (0, "All clear: 0 files checked.\n")


def test_a_file_given_twice_is_linted_once(cli, here):
    here("a.txt", DOUBLED)
    assert codes(cli, "a.txt", ".", "./a.txt") == ["NL501"]


# -- stdin --------------------------------------------------------------------------------------------------
def test_stdin_is_reported_as_dash(cli, here):
    result = cli("--format", "concise", "-", stdin=DOUBLED.encode())
    assert (result.code, result.out) == (1, "-:3:19: NL501 [error] Repeated word 'the' (suggestion: delete it)\n")


def test_stdin_filename_is_reported(cli, here):
    result = cli("--format", "concise", "--stdin-filename", "desk/story.txt", "-", stdin=DOUBLED.encode())
    assert result.out == "desk/story.txt:3:19: NL501 [error] Repeated word 'the' (suggestion: delete it)\n"


def test_stdin_filename_ending_md_reads_markdown(cli, here):
    text = "# Storm\n\nRun `the the` to test.\n".encode()
    assert codes(cli, "--stdin-filename", "story.txt", "-", stdin=text) == ["NL501"]
    assert codes(cli, "--stdin-filename", "story.md", "-", stdin=text) == []  # code spans are not prose


def test_stdin_front_matter_only_counts_in_markdown(cli, here):
    text = "---\ntitle: Storm\ntags: []\n---\n\n# Storm\n\nIt rained.\n".encode()
    result = cli("--format", "concise", "--select", "NL401", "--stdin-filename", "storm.md", "-", stdin=text)
    assert result.out == "storm.md:3:1: NL401 [error] Empty metadata field 'tags:'\n"


def test_fixing_stdin_prints_the_fixed_text_and_reports_what_remains_on_stderr(cli, here):
    draft = DOUBLED + "\nTAGS:\n"
    result = cli("--fix", "--format", "concise", "-", stdin=draft.encode())
    assert result.code == 1
    assert result.out == draft.replace("the the", "the")
    assert result.err == "-:5:1: NL401 [error] Empty metadata field 'TAGS:'\n"
    clean = cli("--fix", "-", stdin=CLEAN.encode())
    assert (clean.code, clean.out) == (0, CLEAN)


# -- selection ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "expected"), [
    ((), ["NL501", "NL407", "NL401"]),
    (("--select", "NL501"), ["NL501"]),
    (("--select", "NL4"), ["NL407", "NL401"]),
    (("--select", "nl401,NL501"), ["NL501", "NL401"]),
    (("--ignore", "NL4"), ["NL501"]),
    (("--ignore", "NL407"), ["NL501", "NL401"]),
    (("--select", "NL4", "--ignore", "NL407"), ["NL401"]),
    (("--select", "NL501", "--extend-select", "NL401"), ["NL501", "NL401"]),
    (("--select", "ALL", "--ignore", "NL40"), ["NL501"]),
])
def test_select_and_ignore_by_code_and_prefix(cli, here, args, expected):
    here("story.txt", MIXED)
    assert codes(cli, *args, "story.txt") == expected


def test_command_line_ignore_adds_to_the_config_ignore(cli, here):
    here("newslint.toml", 'ignore = ["NL407"]\n')
    here("story.txt", MIXED)
    assert codes(cli, "--ignore", "NL401", "story.txt") == ["NL501"]


# -- dialect ------------------------------------------------------------------------------------------------
BRITISH = "Paint row\n\nThe colour of the centre was odd.\n"


def test_default_dialect_is_the_story_s_own(cli, here):
    here("paint.txt", BRITISH)
    assert cli("paint.txt").code == 0  # auto: a consistently British story is fine
    here("mixed.txt", "Paint row\n\nThe colour of the centre was odd, and the color of the gate too.\n")
    result = cli("--format", "concise", "mixed.txt")
    assert result.out.splitlines() == [
        "mixed.txt:3:43: NL302 [warning] 'color' is American spelling; this story mostly uses British spelling: "
        "'colour' (suggestion: 'colour')",
    ]


def test_dialect_option_enforces_us_english(cli, here):
    here("paint.txt", BRITISH)
    result = cli("--format", "concise", "--dialect", "en-US", "paint.txt")
    assert result.out.splitlines() == [
        "paint.txt:3:5: NL302 [warning] 'colour' is British spelling; en-US uses 'color' (suggestion: 'color')",
        "paint.txt:3:19: NL302 [warning] 'centre' is British spelling; en-US uses 'center' (suggestion: 'center')",
    ]


@pytest.mark.parametrize("dialect", ["auto", "en-GB", "en-AU"])
def test_dialect_option_accepts_british_spelling(cli, here, dialect):
    here("paint.txt", BRITISH)
    assert cli("--dialect", dialect, "paint.txt").code == 0


def test_dialect_option_beats_the_config(cli, here):
    here("newslint.toml", 'dialect = "en-GB"\n')
    here("paint.txt", BRITISH)
    assert cli("paint.txt").code == 0
    assert codes(cli, "--dialect", "en-US", "paint.txt") == ["NL302", "NL302"]
    here("newslint.toml", 'dialect = "en-US"\n')
    assert cli("--dialect", "auto", "paint.txt").code == 0


def test_unknown_dialect_is_a_usage_error(cli, here):
    with pytest.raises(SystemExit) as exc:
        cli("--dialect", "en-NZ", "paint.txt")
    assert exc.value.code == 2


# -- formats and fixes --------------------------------------------------------------------------------------
def test_concise_format_exact_lines(cli, here):
    here("a.txt", MIXED)
    here("b.txt", CLEAN)
    result = cli("--format", "concise", "a.txt", "b.txt")
    assert result.out.splitlines() == [
        "a.txt:3:19: NL501 [error] Repeated word 'the' (suggestion: delete it)",
        "a.txt:3:28: NL407 [warning] 2 spaces in a row (suggestion: ' ')",
        "a.txt:5:1: NL401 [error] Empty metadata field 'TAGS:'",
    ]


def test_fix_applies_safe_fixes_only(cli, here):
    path = here("story.txt", TYPO)
    result = cli("--fix", "--format", "concise", "story.txt")
    assert path.read_text() == "Storm hits coast\n\nThe storm hit the reserch site.\n"
    assert result.out == "story.txt:3:19: NL101 [error] Unknown word 'reserch' (suggestion: 'research')\n"


def test_unsafe_fixes_apply_guesses_too(cli, here):
    path = here("story.txt", TYPO)
    assert cli("--fix", "--unsafe-fixes", "story.txt").code == 0
    assert path.read_text() == "Storm hits coast\n\nThe storm hit the research site.\n"


def test_diff_shows_the_fix_and_writes_nothing(cli, here):
    path = here("story.txt", DOUBLED)
    result = cli("--diff", "story.txt")
    assert result.code == 1
    assert path.read_text() == DOUBLED
    assert "-The storm hit the the coast on Monday.\n+The storm hit the coast on Monday.\n" in result.out


# -- sub-commands -------------------------------------------------------------------------------------------
def test_rules_lists_every_builtin_rule(cli):
    result = cli("rules")
    assert result.code == 0
    rows = {line.split()[0]: line.split()[:4] for line in result.out.splitlines()[1:]}
    for rule in builtin_rules():
        safety = rule.fix_safety.value if rule.fix_safety else "none"
        assert rows[rule.code] == [rule.code, rule.name, rule.severity.value, safety]
    assert rows["NL501"] == ["NL501", "repeated-word", "error", "safe"]
    assert rows["NL401"] == ["NL401", "empty-metadata", "error", "none"]
    assert rows["NL103"] == ["NL103", "rejected-word", "error", "safe"]
    assert rows["NL101"] == ["NL101", "misspelling", "error", "unsafe"]


def test_rule_prints_its_documentation(cli):
    result = cli("rule", "NL501")
    assert result.code == 0
    assert result.out.startswith("NL501 repeated-word (default severity: error; fix: safe)\n\n"
                                 "A word repeated by accident: \"the the\".\n")
    for heading in ("What it does:", "Why it matters:", "Example:", "Fix safety: safe"):
        assert heading in result.out


def test_rule_by_name_and_lower_case_code(cli):
    assert cli("rule", "repeated-word").out == cli("rule", "nl501").out == cli("rule", "NL501").out


def test_unknown_rule_exits_2(cli):
    result = cli("rule", "NL999")
    assert (result.code, result.out) == (2, "")
    assert result.err == ("newslint: no rule 'NL999' (did you mean NL409 or NL901?); 'newslint rules' lists them "
                          "(a pack's rules once the configuration or --pack enables it)\n")


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"newslint {__version__}\n"


def test_python_dash_m_newslint(here, tmp_path):
    here("story.txt", DOUBLED)
    run = subprocess.run([sys.executable, "-m", "newslint", "--format", "concise", "story.txt"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout) == (1, "story.txt:3:19: NL501 [error] Repeated word 'the' (suggestion: delete it)\n")
    version = subprocess.run([sys.executable, "-m", "newslint", "--version"], capture_output=True, text=True,
                             timeout=60)
    assert (version.returncode, version.stdout) == (0, f"newslint {__version__}\n")


def test_a_profiler_wrapping_the_command_gets_its_results_written(here, tmp_path):
    here("story.txt", DOUBLED)
    run = subprocess.run([sys.executable, "-m", "cProfile", "-o", "profile.out", "-m", "newslint", "--format",
                          "concise", "story.txt"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "NL501" in run.stdout  # (cProfile exits 0 whatever the program's code)
    assert (tmp_path / "profile.out").stat().st_size > 0  # os._exit would have left no file


# -- the README's usage section works as written ------------------------------------------------------------
def readme_blocks(language: str) -> list[str]:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    usage = readme.split("<!-- usage:start -->")[1].split("<!-- usage:end -->")[0]
    return re.findall(rf"^```{language}\n(.*?)^```", usage, re.S | re.M)


def test_readme_commands_run(here, tmp_path):
    for name in ("story.txt", "story.md", "drafts/a.txt", "drafts/b.md", "wires/brief.md"):
        here(name, DOUBLED)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    commands = readme_blocks("sh")[0].splitlines()
    assert len(commands) == 19
    for command in commands:
        run = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
        if " --fix - " in command:  # the fixed text on stdout, the report on stderr
            assert (run.returncode, run.stdout) == (0, DOUBLED.replace("the the", "the")), command
            assert run.stderr == "All clear: 1 file checked.\nFixed 1 problem.\n"
            continue
        assert (run.returncode in (0, 1), run.stderr) == (True, ""), command


def test_readme_suppression_example_is_clean(cli, here):
    (example,) = [block for block in readme_blocks("text") if "newslint-disable" in block]
    here("talks.txt", example)
    assert cli("talks.txt").out == "All clear: 1 file checked.\n"
    here("bare.txt", re.sub(r" ?<!--.*?-->", "", example))
    assert codes(cli, "bare.txt") == ["NL301", "NL501", "NL101"]
