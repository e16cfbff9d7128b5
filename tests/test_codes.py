"""Every rule code someone writes must name a rule: on the command line, in a configuration, in a directive."""

from __future__ import annotations

import pytest

from newslint.engine.config import Config, ConfigError
from newslint.engine.linter import Linter
from newslint.engine.registry import KnownCodes, builtin_rules

DOUBLED = "Storm hits coast\n\nThe storm hit the the coast on Monday.\n"
AP_HINT = "AP belongs to the pack 'ap-2024', which is not enabled (packs = [\"ap-2024\"])"
FAMILIES = "(known prefixes: NL1, NL2, NL3, NL4, NL5, NL9)"


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
    (("--select", "XYZ"), f"--select: unknown rule code 'XYZ' {FAMILIES}"),  # nothing near: the families
    (("--select", "NL501,nl1o1"), "--select: unknown rule code 'NL1O1' (did you mean NL101?)"),
    (("--ignore", "NL9O1"), "--ignore: unknown rule code 'NL9O1' (did you mean NL901?)"),
    (("--extend-select", "NL5011"), "--extend-select: unknown rule code 'NL5011' (did you mean NL501?)"),
    (("--extend-select", "AP"), "--extend-select: " + AP_HINT),
    (("--extend-select", "ap101"), "--extend-select: AP101 belongs to the pack 'ap-2024', which is not enabled "
                                   "(packs = [\"ap-2024\"])"),
    (("--select", "NL6"), f"--select: unknown rule code 'NL6' {FAMILIES}"),  # six families tie: no guess
    (("--select", "NL7"), f"--select: unknown rule code 'NL7' {FAMILIES}"),
    (("--select", "NL0"), f"--select: unknown rule code 'NL0' {FAMILIES}"),
])
def test_unknown_code_on_the_command_line_stops_the_run(cli, config_file, args, message):
    config_file("")
    assert fails(cli, *args, "story.txt") == f"newslint: {message}\n"


def test_the_known_prefixes_include_the_enabled_packs_families(cli, config_file):
    config_file('packs = ["ap-2024"]\n')
    assert fails(cli, "--select", "XYZ", "story.txt") == (
        "newslint: --select: unknown rule code 'XYZ' (known prefixes: AP1, NL1, NL2, NL3, NL4, NL5, NL9)\n")


@pytest.mark.parametrize(("args", "message"), [
    (("--select", "repeated-word"), "--select: 'repeated-word' is a rule name; select rules by code: NL501"),
    (("--ignore", "NL4,Doubled-Space"), "--ignore: 'doubled-space' is a rule name; select rules by code: NL407"),
    (("--extend-select", "placeholder"), "--extend-select: 'placeholder' is a rule name; select rules by code: NL405"),
    (("--select", "repeated_word"), "--select: 'repeated-word' is a rule name; select rules by code: NL501"),
])
def test_a_rule_name_given_for_a_code_names_the_code(cli, config_file, args, message):
    config_file("")
    assert fails(cli, *args, "story.txt") == f"newslint: {message}\n"


@pytest.mark.parametrize(("text", "where"), [
    ('select = ["repeated-word"]\n', "1: select: 'repeated-word' is a rule name; select rules by code: NL501"),
    ('ignore = ["Misspelling"]\n', "1: ignore: 'misspelling' is a rule name; select rules by code: NL101"),
    ('[severity]\ndoubled-space = "off"\n',
     "2: severity.doubled-space: 'doubled-space' is a rule name; select rules by code: NL407"),
    ('[per-file-ignores]\n"*.md" = ["empty-metadata"]\n',
     "2: per-file-ignores.*.md: 'empty-metadata' is a rule name; select rules by code: NL401"),
    ('select = ["no-such-rule"]\n', f"1: select: unknown rule code 'no-such-rule' {FAMILIES}"),
])
def test_a_rule_name_in_a_config_names_the_code(cli, config_file, text, where):
    path = config_file(text)
    assert fails(cli, "story.txt") == f"newslint: {path}:{where}\n"


@pytest.mark.parametrize("codes", ["NL5", "nl501", "NL", "ALL", "N"])
def test_known_codes_and_prefixes_in_any_case_are_accepted(cli, config_file, codes):
    config_file("")
    result = cli("--format", "concise", "--select", codes, "story.txt")
    assert (result.code, result.err) == (1, "")


# -- configuration files ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "where"), [
    ('select = ["XYZ"]\n', f"1: select: unknown rule code 'XYZ' {FAMILIES}"),
    ('dialect = "en-GB"\nselect = ["nl501", "NL5O1"]\n', "2: select: unknown rule code 'NL5O1' (did you mean NL501?)"),
    ('ignore = ["NL4O1"]\n', "1: ignore: unknown rule code 'NL4O1' (did you mean NL401?)"),
    ('extend-select = ["AP"]\n', "1: extend-select: " + AP_HINT),
    ('[severity]\nNL401 = "info"\nnl5o1 = "off"\n', "3: severity.NL5O1: unknown rule code 'NL5O1' (did you mean NL501?)"),
    ('[per-file-ignores]\n"*.md" = ["NL4"]\n"wires/*" = ["XYZ"]\n',
     f"3: per-file-ignores.wires/*: unknown rule code 'XYZ' {FAMILIES}"),
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


# -- newslint rule CODE -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("wanted", "hint"), [
    ("NL5O1", " (did you mean NL501?)"),  # a letter O
    ("nl5", " (did you mean NL501?)"),  # a family of one rule
    ("NL4", ""),  # a family of ten: no guess
    ("repeted-word", " (did you mean repeated-word?)"),
    ("spelling", " (did you mean misspelling?)"),
    ("XYZ", ""),
])
def test_rule_command_says_which_rule_was_meant(cli, config_file, wanted, hint):
    config_file("")
    assert fails(cli, "rule", wanted) == (f"newslint: no rule {wanted!r}{hint}; 'newslint rules' lists them (a "
                                          "pack's rules once the configuration or --pack enables it)\n")


@pytest.mark.parametrize("wanted", ["NL501", "nl501", "repeated-word", "Repeated-Word", "REPEATED_WORD"])
def test_rule_command_takes_a_code_or_name_in_any_case(cli, config_file, wanted):
    config_file("")
    result = cli("rule", wanted)
    assert (result.code, result.out.splitlines()[0]) == (0, "NL501 repeated-word (default severity: error; fix: safe)")


# -- the Python API ----------------------------------------------------------------------------------------------
def test_linter_checks_codes_once_per_configuration():
    with pytest.raises(ConfigError, match=r"^--select: unknown rule code 'NL5O1' \(did you mean NL501\?\)$"):
        Linter(Config().override(select=("NL5O1",)))
    with pytest.raises(ConfigError, match=r"^select: unknown rule code 'XYZ' \(known prefixes: NL1, NL2, NL3, NL4, "
                                          r"NL5, NL9\)$"):  # set in code: named by its key
        Linter(Config(select=("XYZ",)))


def test_a_rule_name_set_in_code_names_the_code():
    with pytest.raises(ConfigError, match=r"^--select: 'repeated-word' is a rule name; select rules by code: NL501$"):
        Linter(Config().override(select=("Repeated-Word",)))


def test_known_codes_families_and_nearest_rule():
    known = KnownCodes.of(builtin_rules(), packs=())
    assert known.families == ["NL1", "NL2", "NL3", "NL4", "NL5", "NL9"]
    assert known.nearest_rule("NL5O1") == ["NL501"] and known.nearest_rule("nl5011") == ["NL501"]
    assert known.nearest_rule("repeated_wrd") == ["repeated-word"]
    assert known.problem("REPEATED-WORD") == "'repeated-word' is a rule name; select rules by code: NL501"


def test_known_codes_nearest():
    known = KnownCodes(rule.code for rule in builtin_rules())
    assert known.problem("NL501") is None and known.problem("NL50") is None and known.problem("ALL") is None
    assert known.nearest("NL5O1") == ["NL501"]
    assert known.nearest("NL2O1") == ["NL201"]
    assert known.nearest("QQQQQ") == []


# -- the table of codes ----------------------------------------------------------------------------------------
def test_the_table_of_codes_is_what_the_rule_classes_say():
    from newslint.engine.registry import builtin_rules
    from newslint.rules import CODES

    assert [(c.code, c.name, c.severity) for c in CODES] == [
        (rule.code, rule.name, rule.severity.value) for rule in builtin_rules()]
    assert all(rule.__module__ == f"newslint.rules.{code.module}" for code, rule in zip(CODES, builtin_rules()))
    assert [c.priority for c in CODES] == sorted({c.priority for c in CODES})  # unique, in the table's order
    assert {c.family for c in CODES} == {"spelling", "context", "consistency", "structure", "repetition",
                                         "suppressions"}


def test_of_two_overlapping_diagnostics_of_one_severity_the_higher_priority_is_kept(cli, story):
    from newslint.rules import CODES

    priority = {c.code: c.priority for c in CODES}
    assert priority["NL103"] < priority["NL101"]  # the house's replacement beats the dictionary's guess
    path = story("Budget\n\nThe plan was recieved well.\n")
    (path.parent / "reject.txt").write_text("recieved = received\n", encoding="utf-8")
    (path.parent / "newslint.toml").write_text('reject = ["reject.txt"]\n', encoding="utf-8")
    result = cli("--format", "json", str(path))
    assert [(d["code"], d["column"]) for d in result.json["diagnostics"]] == [("NL103", 14)]
