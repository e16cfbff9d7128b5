"""Every rule code someone writes must name a rule: on the command line, in a configuration, in a directive."""

from __future__ import annotations

import pytest

from newslint.config import Config, ConfigError
from newslint.linter import Linter
from newslint.registry import KnownCodes, builtin_rules

DOUBLED = "Storm hits coast\n\nThe storm hit the the coast on Monday.\n"
AP_HINT = "AP belongs to the pack 'ap-2024', which is not enabled (packs = [\"ap-2024\"])"


@pytest.fixture
def config_file(tree, tmp_path):
    """Write newslint.toml (and a draft beside it); returns the file's path as messages show it."""
    tree("story.txt", DOUBLED)

    def write(text: str, name: str = "newslint.toml") -> str:
        tree(name, text)
        return str(tmp_path.resolve() / name)

    return write


def fails(cli, *args: str) -> str:
    """The one line a run that must stop says on stderr (exit 2, nothing on stdout)."""
    result = cli(*args)
    assert (result.code, result.out) == (2, ""), result.out + result.err
    return result.err


# -- the command line ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "message"), [
    (("--select", "NL5O1"), "--select: unknown rule code 'NL5O1' (did you mean NL501?)"),  # a letter O
    (("--select", "XYZ"), "--select: unknown rule code 'XYZ'"),
    (("--select", "NL501,nl1o1"), "--select: unknown rule code 'NL1O1' (did you mean NL101?)"),
    (("--ignore", "NL9O1"), "--ignore: unknown rule code 'NL9O1' (did you mean NL901?)"),
    (("--extend-select", "NL5011"), "--extend-select: unknown rule code 'NL5011' (did you mean NL501?)"),
    (("--extend-select", "AP"), "--extend-select: " + AP_HINT),
    (("--extend-select", "ap101"), "--extend-select: AP101 belongs to the pack 'ap-2024', which is not enabled "
                                   "(packs = [\"ap-2024\"])"),
    (("--select", "NL6"), "--select: unknown rule code 'NL6'"),  # six families tie: no guess
])
def test_unknown_code_on_the_command_line_stops_the_run(cli, config_file, args, message):
    config_file("")
    assert fails(cli, *args, "story.txt") == f"newslint: {message}\n"


@pytest.mark.parametrize("codes", ["NL5", "nl501", "NL", "ALL", "N"])
def test_known_codes_and_prefixes_in_any_case_are_accepted(cli, config_file, codes):
    config_file("")
    result = cli("--format", "concise", "--select", codes, "story.txt")
    assert (result.code, result.err) == (1, "")


# -- configuration files ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "where"), [
    ('select = ["XYZ"]\n', "1: select: unknown rule code 'XYZ'"),
    ('dialect = "en-GB"\nselect = ["nl501", "NL5O1"]\n', "2: select: unknown rule code 'NL5O1' (did you mean NL501?)"),
    ('ignore = ["NL4O1"]\n', "1: ignore: unknown rule code 'NL4O1' (did you mean NL401?)"),
    ('extend-select = ["AP"]\n', "1: extend-select: " + AP_HINT),
    ('[severity]\nNL401 = "info"\nnl5o1 = "off"\n', "3: severity.NL5O1: unknown rule code 'NL5O1' (did you mean NL501?)"),
    ('[per-file-ignores]\n"*.md" = ["NL4"]\n"wires/*" = ["XYZ"]\n', "3: per-file-ignores.wires/*: unknown rule code 'XYZ'"),
])
def test_unknown_code_in_a_config_names_file_line_and_key(cli, config_file, text, where):
    path = config_file(text)
    assert fails(cli, "story.txt") == f"newslint: {path}:{where}\n"


def test_pyproject_codes_name_the_tool_table_key(cli, config_file):
    path = config_file('[tool.ruff]\nselect = ["E"]\n\n[tool.newslint]\nextend-select = ["NL1O2"]\n', "pyproject.toml")
    assert fails(cli, "story.txt") == (f"newslint: {path}:5: tool.newslint.extend-select: unknown rule code 'NL1O2' "
                                       "(did you mean NL102?)\n")


def test_a_code_from_an_extended_file_names_that_file(cli, config_file, tree):
    root = config_file('dialect = "en-GB"\nignore = ["NL3O1"]\n')
    tree("desk/newslint.toml", 'extend = "../newslint.toml"\n')
    tree("desk/story.txt", DOUBLED)
    assert fails(cli, "desk/story.txt") == f"newslint: {root}:2: ignore: unknown rule code 'NL3O1' (did you mean NL301?)\n"


def test_pack_codes_are_known_once_the_pack_is_enabled(cli, config_file):
    config_file('packs = ["ap-2024"]\nextend-select = ["ap"]\n[severity]\nAP1 = "info"\n')
    result = cli("--format", "concise", "story.txt")
    assert (result.code, result.err) == (1, "")


def test_lower_case_codes_in_a_config_are_upper_cased(cli, config_file, tmp_path):
    config_file('select = ["nl5", "nl401"]\n[severity]\nnl501 = "info"\n[per-file-ignores]\n"*.md" = ["nl4"]\n')
    result = cli("--format", "concise", "story.txt")
    assert result.out == "story.txt:3:19: NL501 [info] Repeated word 'the' (suggestion: delete it)\n"


def test_a_bad_code_in_one_folder_stops_the_run_before_any_output(cli, config_file, tree, tmp_path):
    config_file("")
    tree("desk/newslint.toml", 'select = ["NL5O1"]\n')
    tree("desk/story.txt", DOUBLED)
    assert fails(cli, "--format", "concise", "story.txt", "desk") == (
        f"newslint: {tmp_path.resolve() / 'desk' / 'newslint.toml'}:1: select: unknown rule code 'NL5O1' "
        "(did you mean NL501?)\n")


# -- inline directives -------------------------------------------------------------------------------------------
def test_unknown_code_in_a_directive_is_an_input_error_naming_file_and_line(cli, config_file, tree):
    config_file("")
    tree("story.md", "Storm\n\nThe storm hit the the coast.\n<!-- newslint-disable NL5O1 -->\nIt it rose.\n")
    tree("clean.md", "Calm\n\nNothing happened.\n")
    result = cli("--format", "concise", "story.md", "clean.md")
    assert result.code == 2
    assert result.out == "error: story.md:4: newslint-disable: unknown rule code 'NL5O1' (did you mean NL501?)\n"


def test_directive_codes_in_any_case_and_all(cli, config_file, tree):
    config_file("")
    tree("story.md", "Storm\n\nThe storm hit the the coast. <!-- newslint-disable-line nl5 -->\n"
                     "It it rose. <!-- newslint-disable-line ALL -->\n")
    result = cli("--format", "concise", "story.md")
    assert (result.code, result.out) == (0, "")


def test_directive_naming_a_pack_that_is_not_enabled(cli, config_file, tree):
    config_file("")
    tree("story.md", "Storm\n\nUp 5% today. <!-- newslint-disable-line AP102 -->\n")
    result = cli("--format", "json", "story.md")
    assert result.code == 2
    assert result.json["errors"] == ["story.md:3: newslint-disable-line: AP102 belongs to the pack 'ap-2024', which "
                                     "is not enabled (packs = [\"ap-2024\"])"]


def test_directive_error_with_fix_writes_nothing(cli, config_file, tree):
    config_file("")
    text = "Storm\n\nThe storm hit the the coast. <!-- newslint-disable-line NL5O1 -->\n"
    path = tree("story.md", text)
    assert cli("--fix", "story.md").code == 2
    assert path.read_text(encoding="utf-8") == text


# -- the Python API ----------------------------------------------------------------------------------------------
def test_linter_checks_codes_once_per_configuration():
    with pytest.raises(ConfigError, match=r"^--select: unknown rule code 'NL5O1' \(did you mean NL501\?\)$"):
        Linter(Config().override(select=("NL5O1",)))
    with pytest.raises(ConfigError, match=r"^select: unknown rule code 'XYZ'$"):  # set in code: named by its key
        Linter(Config(select=("XYZ",)))


def test_known_codes_nearest():
    known = KnownCodes(rule.code for rule in builtin_rules())
    assert known.problem("NL501") is None and known.problem("NL50") is None and known.problem("ALL") is None
    assert known.nearest("NL5O1") == ["NL501"]
    assert known.nearest("NL2O1") == ["NL201"]
    assert known.nearest("QQQQQ") == []
