"""Configuration: discovery walking up from the linted file, every key, and errors naming file, line and key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.engine.config import DEFAULT_EXCLUDE, Config, canonical_dialect, canonical_severity, load

DOUBLED = "Storm hits coast\n\nThe storm hit the the coast on Monday.\n"
MIXED = "Storm hits coast\n\nThe storm hit the the coast  on Monday.\n\nTAGS:\n"


def lint(cli, *args: str) -> list[tuple[str, int, int, str, str]]:
    """(path, line, column, code, severity) of each diagnostic."""
    result = cli("--format", "json", *args)
    assert result.code in (0, 1), result.err
    return [(d["path"], d["line"], d["column"], d["code"], d["severity"]) for d in result.json["diagnostics"]]


def codes(cli, *args: str) -> list[str]:
    return [found[3] for found in lint(cli, *args)]


# -- discovery ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "text"), [
    ("newslint.toml", 'ignore = ["NL501"]\n'),
    (".newslint.toml", 'ignore = ["NL501"]\n'),
    ("pyproject.toml", '[project]\nname = "desk"\n\n[tool.newslint]\nignore = ["NL501"]\n'),
])
def test_config_is_found_walking_up_from_the_file(cli, tree, name, text):
    tree(name, text)
    tree("desk/2024/story.txt", MIXED)
    assert codes(cli, "desk/2024/story.txt") == ["NL407", "NL401"]


def test_nearest_config_wins(cli, tree):
    tree("newslint.toml", 'ignore = ["NL501"]\n')
    tree("desk/newslint.toml", 'ignore = ["NL401"]\n')
    tree("desk/story.txt", MIXED)
    tree("other.txt", MIXED)
    assert codes(cli, "desk/story.txt") == ["NL501", "NL407"]
    assert codes(cli, "other.txt") == ["NL407", "NL401"]


def test_newslint_toml_beats_pyproject_in_the_same_folder(cli, tree):
    tree("pyproject.toml", '[tool.newslint]\nignore = ["NL401"]\n')
    tree("newslint.toml", 'ignore = ["NL501"]\n')
    tree("story.txt", MIXED)
    assert codes(cli, "story.txt") == ["NL407", "NL401"]


def test_pyproject_without_a_newslint_table_is_passed_over(cli, tree):
    tree("newslint.toml", 'ignore = ["NL501"]\n')
    tree("desk/pyproject.toml", '[tool.ruff]\nselect = ["E"]\n')
    tree("desk/story.txt", MIXED)
    assert codes(cli, "desk/story.txt") == ["NL407", "NL401"]


def test_config_option_overrides_discovery(cli, tree):
    tree("newslint.toml", 'ignore = ["NL501"]\n')
    tree("conf/strict.toml", 'select = ["NL501"]\n')
    tree("story.txt", MIXED)
    assert codes(cli, "--config", "conf/strict.toml", "story.txt") == ["NL501"]


def test_stdin_config_is_found_from_the_stdin_filename(cli, tree):
    tree("desk/newslint.toml", 'select = ["NL401"]\n')
    result = cli("--format", "concise", "--stdin-filename", "desk/story.txt", "-", stdin=MIXED.encode())
    assert result.out == "desk/story.txt:5:1: NL401 [error] Empty metadata field 'TAGS:'\n"


# -- every key ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("config", "expected"), [
    ('select = ["NL5"]\n', ["NL501"]),
    ('select = ["NL501", "NL401"]\n', ["NL501", "NL401"]),
    ('ignore = ["NL4"]\n', ["NL501"]),
    ('select = ["NL5"]\nextend-select = ["NL401"]\n', ["NL501", "NL401"]),
    ('extend_select = ["NL401"]\nignore = ["NL40"]\n', ["NL501", "NL401"]),  # the longer prefix wins
    ('[severity]\nNL4 = "off"\n', ["NL501"]),
])
def test_selection_keys(cli, tree, config, expected):
    tree("newslint.toml", config)
    tree("story.txt", MIXED)
    assert codes(cli, "story.txt") == expected


def test_severity_overrides_by_code_and_prefix(cli, tree):
    tree("newslint.toml", '[severity]\nNL4 = "info"\nNL401 = "warning"\nNL501 = "info"\n')
    tree("story.txt", MIXED)
    assert lint(cli, "story.txt") == [
        ("story.txt", 3, 19, "NL501", "info"),
        ("story.txt", 3, 28, "NL407", "info"),
        ("story.txt", 5, 1, "NL401", "warning"),
    ]


def test_severity_all_is_the_weakest_prefix(cli, tree):
    tree("newslint.toml", '[severity]\nALL = "info"\nNL501 = "error"\n')
    tree("story.txt", MIXED)
    assert [found[4] for found in lint(cli, "story.txt")] == ["error", "info", "info"]


def test_per_file_ignores(cli, tree):
    tree("newslint.toml", '[per-file-ignores]\n"wires/*.txt" = ["NL501"]\n"*.md" = ["NL4"]\n')
    tree("wires/story.txt", MIXED)
    tree("desk/story.txt", MIXED)
    tree("desk/story.md", DOUBLED + "\nThe end  came.\n")
    assert codes(cli, "wires/story.txt") == ["NL407", "NL401"]
    assert codes(cli, "desk/story.txt") == ["NL501", "NL407", "NL401"]
    assert codes(cli, "desk/story.md") == ["NL501"]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(cli, tree):
    for name in ("a.txt", "old/b.txt", "node_modules/c.txt", "drafts/d.txt"):
        tree(name, DOUBLED)
    tree("newslint.toml", 'exclude = ["old"]\n')
    assert sorted({p for p, *_ in lint(cli, ".")}) == ["a.txt", "drafts/d.txt", "node_modules/c.txt"]
    tree("newslint.toml", 'extend-exclude = ["old", "drafts/*.txt"]\n')
    assert sorted({p for p, *_ in lint(cli, ".")}) == ["a.txt"]


def test_extend_exclude_before_exclude_is_kept(cli, tree):
    for name in ("a.txt", "old/b.txt", "spiked/c.txt"):
        tree(name, DOUBLED)
    tree("newslint.toml", 'extend-exclude = ["spiked"]\nexclude = ["old"]\n')
    assert sorted({p for p, *_ in lint(cli, ".")}) == ["a.txt"]


def test_dialect_key(cli, tree):
    tree("story.txt", "Paint row\n\nThe colour was odd.\n")
    tree("newslint.toml", 'dialect = "en-US"\n')
    assert codes(cli, "story.txt") == ["NL302"]
    tree("newslint.toml", 'dialect = "en-GB"\n')
    assert codes(cli, "story.txt") == []


def test_words_file_accepts_a_made_up_word(cli, tree):
    tree("story.txt", "Lab news\n\nThe team tested a gribbletz and a grible on Monday.\n")
    tree("newslint.toml", 'extend-select = ["NL102"]\n')
    assert lint(cli, "story.txt") == [("story.txt", 3, 19, "NL102", "warning"), ("story.txt", 3, 35, "NL101", "error")]
    tree("lists/words.txt", "# the science desk's words\ngribbletz\ngrible\n")
    tree("newslint.toml", 'extend-select = ["NL102"]\nwords = ["lists/words.txt"]\n')
    assert codes(cli, "story.txt") == []


NAMES_STORY = "Summit talk\n\nKim Jong-un met envoys. Later Kim Jong-Un spoke.\nKim Jong Un left.\n"


def test_names_glossary_flags_variants_with_the_canonical_form(cli, tree):
    tree("names.txt", "# house names\nKim Jong Un = Kim Jong-un, Kim Jong-Un\n")
    tree("newslint.toml", 'names = ["names.txt"]\n')
    tree("story.txt", NAMES_STORY)
    result = cli("--format", "json", "--select", "NL304", "story.txt")
    assert [(d["line"], d["column"], d["end_column"], d["message"], d["suggestions"], d["fix"]["applicability"])
            for d in result.json["diagnostics"]] == [
        (3, 1, 12, "'Kim Jong-un' is written 'Kim Jong Un' in house style", ["Kim Jong Un"], "safe"),
        (3, 31, 42, "'Kim Jong-Un' is written 'Kim Jong Un' in house style", ["Kim Jong Un"], "safe"),
    ]


def test_names_glossary_fix(cli, tree):
    tree("names.txt", "Kim Jong Un = Kim Jong-un, Kim Jong-Un\n")
    tree("newslint.toml", 'names = ["names.txt"]\nselect = ["NL304"]\n')
    story = tree("story.txt", NAMES_STORY)
    assert cli("--fix", "story.txt").code == 0
    assert story.read_text() == "Summit talk\n\nKim Jong Un met envoys. Later Kim Jong Un spoke.\nKim Jong Un left.\n"


REJECTS = "# house bans\nutilise = use\nirregardless\nin order to = to\nalot = a lot\n"
REJECT_STORY = "Plan row\n\nOfficials will Utilise the site, irregardless of cost,\nin order\nto save alot.\n"


def test_reject_list_flags_words_and_phrases(cli, tree):
    tree("reject.txt", REJECTS)
    tree("newslint.toml", 'reject = ["reject.txt"]\n')
    tree("story.txt", REJECT_STORY)
    result = cli("--format", "concise", "story.txt")
    assert result.out.splitlines() == [
        "story.txt:3:16: NL103 [error] 'Utilise' is not used in house style; write 'use' (suggestion: 'Use')",
        "story.txt:3:34: NL103 [error] 'irregardless' is not used in house style",
        "story.txt:4:1: NL103 [error] 'in order to' is not used in house style; write 'to' (suggestion: 'to')",
        "story.txt:5:9: NL103 [error] 'alot' is not used in house style; write 'a lot' (suggestion: 'a lot')",
    ]


def test_reject_list_fix_replaces_only_where_a_replacement_is_named(cli, tree):
    tree("reject.txt", REJECTS)
    tree("newslint.toml", 'reject = ["reject.txt"]\n')
    story = tree("story.txt", REJECT_STORY)
    assert cli("--fix", "story.txt").code == 1  # "irregardless" has no replacement and stays
    assert story.read_text() == "Plan row\n\nOfficials will Use the site, irregardless of cost,\nto save a lot.\n"


def test_reject_list_matches_whole_words_only(cli, tree):
    tree("reject.txt", "alot\n")
    tree("newslint.toml", 'reject = ["reject.txt"]\n')
    tree("story.txt", "Plan row\n\nThe allotment was in Alotville, not a lot.\n")
    assert codes(cli, "story.txt") == []


def test_packs_by_shipped_name_and_by_path(cli, tree):
    tree("style/house/ban.toml", 'kind = "existence"\ncode = "HS901"\nname = "no-slammed"\n'
                                 'message = "Avoid \'{match}\'"\nseverity = "warning"\nscope = "body"\n'
                                 'tokens = ["slammed"]\n\n[[tests]]\nbad = "They slammed it."\n')
    tree("newslint.toml", 'packs = ["ap-2024", "style/house"]\n')
    tree("story.txt", "Budget row\n\nCritics slammed the plan as prices rose 4.5 per cent.\n")
    assert lint(cli, "story.txt") == [("story.txt", 3, 9, "HS901", "warning"), ("story.txt", 3, 41, "AP102", "warning")]


def test_pyproject_keys_use_the_same_names(cli, tree):
    tree("pyproject.toml", '[tool.newslint]\nselect = ["NL4"]\n\n[tool.newslint.severity]\nNL401 = "info"\n')
    tree("story.txt", MIXED)
    assert lint(cli, "story.txt") == [("story.txt", 3, 28, "NL407", "warning"), ("story.txt", 5, 1, "NL401", "info")]


# -- errors: exit 2 and one line, file:line: key: problem ---------------------------------------------------
@pytest.mark.parametrize(("text", "line", "message"), [
    ('dialect = "en-GB"\ncolour = true\n', 2, "colour: unknown key"),
    ('dialekt = "en-GB"\n', 1, "dialekt: unknown key (did you mean dialect?)"),
    ('\nextend_exclud = ["old"]\n', 2, "extend_exclud: unknown key (did you mean extend-exclude?)"),
    ('[per-file-ignore]\n"*.md" = ["NL4"]\n', 1, "per-file-ignore: unknown key (did you mean per-file-ignores?)"),
    ('SELECT = ["NL5"]\n', 1, "SELECT: unknown key (did you mean select?)"),  # keys are compared in any case
    ('Dialect = "en-GB"\n', 1, "Dialect: unknown key (did you mean dialect?)"),
    ('FAIL_ON = "error"\n', 1, "FAIL_ON: unknown key (did you mean fail-on?)"),  # and '_' as '-'
    ('Extend-Exclud = ["old"]\n', 1, "Extend-Exclud: unknown key (did you mean extend-exclude?)"),
    ('dialect = "en-UK"\n', 1, "dialect: 'en-UK' is not one of auto, en-US, en-GB, en-GB-oxendict, en-AU"),
    ('dialect = 3\n', 1, "dialect: 3 is not one of auto, en-US, en-GB, en-GB-oxendict, en-AU"),
    ('fail-on = "off"\n', 1, "fail-on: 'off' is not one of error, warning, info"),
    ('select = ["NL501"]\ndialect = "en-NZ"\n', 2,
     "dialect: 'en-NZ' is not one of auto, en-US, en-GB, en-GB-oxendict, en-AU"),
    ('select = "nl 5"\n', 1, "select: 'nl 5' is not a rule code or code prefix (e.g. NL1, NL201)"),
    ('ignore = [501]\n', 1, "ignore: expected a list of strings"),
    ('extend-select = ["NL-1"]\n', 1, "extend-select: 'NL-1' is not a rule code or code prefix (e.g. NL1, NL201)"),
    ('exclude = "old"\nextend-exclude = [true]\n', 2, "extend-exclude: expected a list of strings"),
    ('words = ["missing.txt"]\n', 1, "words: no such file 'missing.txt'"),
    ('\nreject = ["missing.txt"]\n', 2, "reject: no such file 'missing.txt'"),
    ('names = 3\n', 1, "names: expected a list of strings"),
    ('packs = ["no-such-pack"]\n', 1, "packs: no rule pack 'no-such-pack' (neither a folder here nor a shipped pack)"),
    ('severity = "off"\n', 1, "severity: expected a table of code = 'error' | 'warning' | 'info' | 'off'"),
    ('[severity]\nNL501 = "warning"\nNL401 = "loud"\n', 3, "severity.NL401: 'loud' is not one of error, warning, info, off"),
    ('[severity]\nnl-501 = "off"\n', 2, "severity.nl-501: 'nl-501' is not a rule code or code prefix (e.g. NL1, NL201)"),
    ('per-file-ignores = ["*.md"]\n', 1, "per-file-ignores: expected a table of glob = [codes]"),
    ('[per-file-ignores]\n"wires/*.txt" = ["NL501"]\n"*.md" = ["nl 4"]\n', 3,
     "per-file-ignores.*.md: 'nl 4' is not a rule code or code prefix (e.g. NL1, NL201)"),
    ('fail-on = "loud"\n', 1, "fail-on: 'loud' is not one of error, warning, info"),
    ('respect-gitignore = "no"\n', 1, "respect-gitignore: expected true or false, not 'no'"),
    ('dialect = "en-GB"\nforce-exclude = 1\n', 2, "force-exclude: expected true or false, not 1"),
    ('extend = 3\n', 1, "extend: expected the path of a configuration file to extend"),
    ('dialect = "en-GB"\nextend = "../nope.toml"\n', 2, "extend: no such file '../nope.toml'"),
    ('dialect = "en-GB"\nselect = [NL5]\n', 2, "(syntax): Invalid value"),
    ('dialect = "en-GB"\nselect = [\n', 2, "(syntax): Invalid value"),  # at the end of the document
])
def test_bad_newslint_toml(cli, tree, tmp_path, text, line, message):
    tree("newslint.toml", text)
    tree("story.txt", DOUBLED)
    result = cli("story.txt")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"newslint: {tmp_path.resolve() / 'newslint.toml'}:{line}: {message}\n"


@pytest.mark.parametrize(("pattern", "problem"), [
    ("drafts/\\", "Invalid git pattern: 'drafts/\\\\'"),  # a backslash escaping nothing
    ("[z-a].md", "bad character range z-a at position 10"),
])
def test_invalid_exclude_pattern_stops_a_walk(cli, tree, tmp_path, pattern, problem):
    tree("newslint.toml", f'dialect = "en-GB"\nextend-exclude = ["old", \'{pattern}\']\n')
    tree("story.txt", DOUBLED)
    result = cli(".")
    assert (result.code, result.err) == (
        2, f"newslint: {tmp_path.resolve() / 'newslint.toml'}:2: extend-exclude: {pattern!r} is not a valid pattern "
           f"({problem})\n")


def test_bad_pyproject_names_the_line_inside_the_newslint_table(cli, tree, tmp_path):
    tree("pyproject.toml", '[tool.ruff]\nselect = ["E"]\nignore = ["W"]\n\n[tool.newslint]\nselect = ["NL5"]\n'
                           'ignore = 4\n')
    tree("story.txt", DOUBLED)
    result = cli("story.txt")
    assert result.code == 2
    assert result.err == f"newslint: {tmp_path.resolve() / 'pyproject.toml'}:7: tool.newslint.ignore: expected a list of strings\n"


def test_bad_inline_table_names_the_key_line(cli, tree, tmp_path):
    tree("newslint.toml", 'select = ["NL5"]\nseverity = { NL501 = "loud" }\n')
    tree("story.txt", DOUBLED)
    assert cli("story.txt").err == (f"newslint: {tmp_path.resolve() / 'newslint.toml'}:2: severity.NL501: "
                                    "'loud' is not one of error, warning, info, off\n")


def test_config_that_is_not_utf8(cli, tree, tmp_path):
    tree("newslint.toml", b'dialect = "en-GB" # \xff\n')
    tree("story.txt", DOUBLED)
    result = cli("story.txt")
    assert (result.code, result.err) == (2, f"newslint: {tmp_path.resolve() / 'newslint.toml'}:1: (file): not UTF-8 text\n")


def test_explicit_config_errors_name_the_given_path(cli, tree):
    tree("conf/newslint.toml", 'bogus = 1\n')
    tree("story.txt", DOUBLED)
    result = cli("--config", "conf/newslint.toml", "story.txt")
    assert (result.code, result.err) == (2, "newslint: conf/newslint.toml:1: bogus: unknown key\n")


def test_missing_explicit_config(cli, tree):
    tree("story.txt", DOUBLED)
    result = cli("--config", "nope.toml", "story.txt")
    assert (result.code, result.err) == (2, "newslint: nope.toml: cannot read (No such file or directory)\n")


def test_glossary_line_without_a_canonical_name(cli, tree, tmp_path):
    tree("names.txt", "Kim Jong Un = Kim Jong-un\n= Moon Jae-in\n")
    tree("newslint.toml", 'names = ["names.txt"]\n')
    tree("story.txt", DOUBLED)
    result = cli("story.txt")
    assert (result.code, result.err) == (
        2, f"newslint: {tmp_path.resolve() / 'names.txt'}:2: names: '= Moon Jae-in' has no canonical name before '='\n")


# -- the README's configuration example is valid and means what it says -------------------------------------
def test_readme_configuration_example(cli, tree, tmp_path):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    usage = readme.split("<!-- usage:start -->")[1].split("<!-- usage:end -->")[0]
    (example,) = re.findall(r"^```toml\n(.*?)^```", usage, re.S | re.M)
    tree("newslint.toml", example)
    tree("style/words.txt", "gribbletz\n")
    tree("style/reject.txt", "utilise = use\n")
    tree("style/names.txt", "Kim Jong Un = Kim Jong-un\n")
    config = load(tmp_path / "newslint.toml")
    assert (config.dialect, config.select, config.extend_select, config.ignore, config.packs) == (
        "en-GB", ("NL",), ("AP",), ("NL407",), ("ap-2024",))
    assert config.exclude == DEFAULT_EXCLUDE + ("archive", "*.draft.md")
    assert config.severity == (("NL3", "warning"), ("NL303", "info"), ("NL408", "off"))
    assert config.per_file_ignores == (("wires/*", ("NL101", "NL3")), ("*.md", ("NL406",)))
    tree("story.txt", "Plan row\n\nKim Jong-un will utilise the gribbletz  4 per cent of the time..\n")
    assert lint(cli, "story.txt") == [
        ("story.txt", 3, 1, "NL304", "warning"),  # NL3 = "warning"
        ("story.txt", 3, 18, "NL103", "error"),
        ("story.txt", 3, 41, "AP102", "warning"),
    ]


# -- extend: a desk's configuration over the newsroom's ------------------------------------------------------
ROOT_CONFIG = ('dialect = "en-GB"\nselect = ["NL4", "NL5"]\nextend-select = ["NL102"]\nignore = ["NL407"]\n'
               'words = ["style/words.txt"]\nextend-exclude = ["archive/"]\n'
               '[severity]\nNL4 = "info"\nNL501 = "warning"\n[per-file-ignores]\n"wires/" = ["NL501"]\n')


def test_extend_merges_as_ruff_does(tree, tmp_path):
    tree("style/words.txt", "gribbletz\n")
    tree("newslint.toml", ROOT_CONFIG)
    tree("desk/newslint.toml", 'extend = "../newslint.toml"\nignore = ["NL401"]\nextend-select = ["NL1"]\n'
                               'exclude = ["old/"]\n[severity]\nNL501 = "error"\n[per-file-ignores]\n"*.md" = ["NL4"]\n')
    root, desk = tmp_path.resolve(), tmp_path.resolve() / "desk"
    config = load(desk / "newslint.toml")
    assert config.chain == (root / "newslint.toml", desk / "newslint.toml")
    assert (config.path, config.root) == (desk / "newslint.toml", desk)
    assert (config.dialect, config.select) == ("en-GB", ("NL4", "NL5"))  # from the root: the desk sets neither
    assert config.ignore == ("NL407", "NL401")  # ignore adds while the desk keeps the root's select
    assert config.extend_select == ("NL102", "NL1")  # extend-select adds
    assert config.words == (root / "style" / "words.txt",)  # relative to the file that wrote it
    assert config.exclude == ("old/", "archive/")  # exclude replaces the root's defaults, keeps its extend-exclude
    assert config.severity == (("NL4", "info"), ("NL501", "error"))  # tables merge key by key, the desk winning
    assert config.per_file_ignores == (("wires/", ("NL501",)), ("*.md", ("NL4",)))
    assert [p.folder for p in config.exclude_patterns.patterns] == [str(desk), str(root)]


def test_a_desk_that_selects_its_own_rules_starts_its_selection_afresh(tree, tmp_path):
    tree("style/words.txt", "gribbletz\n")
    tree("newslint.toml", ROOT_CONFIG)
    tree("desk/newslint.toml", 'extend = "../newslint.toml"\nselect = ["NL5"]\nignore = ["NL501"]\n')
    config = load(tmp_path / "desk" / "newslint.toml")
    assert (config.select, config.ignore, config.extend_select) == (("NL5",), ("NL501",), ())


def test_extended_patterns_stay_relative_to_their_file(cli, tree):
    tree("newslint.toml", '[per-file-ignores]\n"/wires/" = ["NL501"]\n')
    tree("desk/newslint.toml", 'extend = "../newslint.toml"\nextend-exclude = ["/old/"]\n')
    for name in ("wires/a.txt", "desk/wires/b.txt", "desk/old/c.txt", "old/d.txt", "desk/e.txt"):
        tree(name, DOUBLED)
    assert [(p, c) for p, _, _, c, _ in lint(cli, "desk/wires/b.txt", "wires/a.txt")] == [("desk/wires/b.txt", "NL501")]
    assert sorted({p for p, *_ in lint(cli, "desk")}) == ["desk/e.txt", "desk/wires/b.txt"]  # desk/old: the desk's


def test_extend_chains_and_reads_pyproject(cli, tree, tmp_path):
    tree("pyproject.toml", '[tool.newslint]\nselect = ["NL5", "NL4"]\n')
    tree("desk/newslint.toml", 'extend = "../pyproject.toml"\nignore = ["NL407"]\n')
    tree("desk/politics/.newslint.toml", 'extend = "../newslint.toml"\nextend-select = ["NL102"]\n')
    tree("desk/politics/story.txt", MIXED)
    config = load(tmp_path / "desk" / "politics" / ".newslint.toml")
    assert [p.name for p in config.chain] == ["pyproject.toml", "newslint.toml", ".newslint.toml"]
    assert codes(cli, "desk/politics/story.txt") == ["NL501", "NL401"]


def test_extend_cycle_names_the_file_and_the_loop(cli, tree, tmp_path):
    tree("newslint.toml", 'dialect = "en-GB"\nextend = "desk/newslint.toml"\n')
    tree("desk/newslint.toml", 'extend = "../newslint.toml"\n')
    tree("desk/story.txt", DOUBLED)
    root, desk = tmp_path.resolve() / "newslint.toml", tmp_path.resolve() / "desk" / "newslint.toml"
    result = cli("desk/story.txt")
    assert (result.code, result.err) == (2, f"newslint: {root}:2: extend: 'desk/newslint.toml' leads back to a file "
                                            f"that extends it ({desk} -> {root} -> {desk})\n")
    tree("desk/newslint.toml", 'extend = "newslint.toml"\n')
    assert cli("desk/story.txt").err == (f"newslint: {desk}:1: extend: 'newslint.toml' leads back to a file that "
                                         f"extends it ({desk} -> {desk})\n")


def test_extend_of_a_pyproject_without_our_table(cli, tree, tmp_path):
    tree("pyproject.toml", '[project]\nname = "desk"\n')
    tree("desk/newslint.toml", '\nextend = "../pyproject.toml"\n')
    tree("desk/story.txt", DOUBLED)
    assert cli("desk/story.txt").err == (f"newslint: {tmp_path.resolve() / 'desk' / 'newslint.toml'}:2: extend: "
                                         "'../pyproject.toml' has no [tool.newslint] table\n")


def test_pack_folders_stay_relative_to_the_file_that_names_them(cli, tree):
    tree("style/house/ban.toml", 'kind = "existence"\ncode = "HS901"\nname = "no-slammed"\n'
                                 'message = "Avoid \'{match}\'"\nseverity = "warning"\nscope = "body"\n'
                                 'tokens = ["slammed"]\n\n[[tests]]\nbad = "They slammed it."\n')
    tree("newslint.toml", 'packs = ["style/house"]\n')
    tree("desk/newslint.toml", 'extend = "../newslint.toml"\nselect = ["HS"]\n')
    tree("desk/story.txt", "Budget row\n\nCritics slammed the plan.\n")
    assert codes(cli, "desk/story.txt") == ["HS901"]


# -- the new switches ------------------------------------------------------------------------------------------
def test_switch_keys_and_their_defaults(tree, tmp_path):
    assert (Config().respect_gitignore, Config().force_exclude, Config().fail_on) == (True, False, "warning")
    tree("pyproject.toml", '[tool.newslint]\nrespect-gitignore = false\nforce_exclude = true\nfail-on = "error"\n')
    config = load(tmp_path / "pyproject.toml")
    assert (config.respect_gitignore, config.force_exclude, config.fail_on) == (False, True, "error")
    over = config.override(respect_gitignore=None, force_exclude=False, fail_on="info")
    assert (over.respect_gitignore, over.force_exclude, over.fail_on) == (False, False, "info")


def test_override_upper_cases_codes_and_remembers_the_option(tree, tmp_path):
    tree("newslint.toml", 'ignore = ["NL407"]\nselect = ["NL4"]\n')
    config = load(tmp_path / "newslint.toml").override(select=("nl5",), ignore=("nl401",), extend_select=None)
    assert (config.select, config.ignore) == (("NL5",), ("NL407", "NL401"))
    # a rule's name is no code: kept as written, for the registry to say which code was meant
    assert Config().override(select=("repeated-word", "nl5")).select == ("repeated-word", "NL5")
    assert [str(o) for o in config.item_origins("ignore")] == [f"from {tmp_path.resolve() / 'newslint.toml'}", "--ignore"]
    assert [str(o) for o in config.setting_origins("select")] == ["--select"]


# -- --show-settings -------------------------------------------------------------------------------------------
def test_settings_text_shows_every_setting_and_where_it_came_from(tree, tmp_path):
    from newslint.engine.config import settings_text
    from newslint.engine.run import Run

    tree("style/words.txt", "gribbletz\n")
    tree("newslint.toml", ROOT_CONFIG)
    tree("desk/newslint.toml", 'extend = "../newslint.toml"\nignore = ["NL401"]\n[severity]\nNL501 = "error"\n')
    run = Run(overrides={"select": ("NL5",), "extend_select": ("nl1",), "dialect": None})
    root, desk = tmp_path.resolve() / "newslint.toml", tmp_path.resolve() / "desk" / "newslint.toml"
    assert settings_text(run.config_for(Path("desk"))) == f"""\
# configuration files, each extended by the next:
#   {root}
#   {desk}

dialect = "en-GB"  # from {root}
select = ["NL5"]  # --select
extend-select = ["NL102", "NL1"]  # from {root}, --extend-select
ignore = ["NL407", "NL401"]  # from {root}, from {desk}
packs = []  # default
words = ["{tmp_path.resolve() / 'style' / 'words.txt'}"]  # from {root}
reject = []  # default
names = []  # default
exclude = [".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", "build", "dist", "archive/"]  # default, from {root}
respect-gitignore = true  # default
force-exclude = false  # default
fail-on = "warning"  # default

[severity]
NL4 = "info"  # from {root}
NL501 = "error"  # from {desk}

[per-file-ignores]
"wires/" = ["NL501"]  # from {root}
"""


def test_settings_text_without_a_config_file():
    from newslint.engine.config import settings_text

    assert settings_text(Config()).splitlines()[:3] == ["# no configuration file: the defaults", "",
                                                         'dialect = "auto"  # default']


def test_show_settings_on_the_command_line(cli, tree, tmp_path):
    tree("newslint.toml", 'fail-on = "error"\n')
    result = cli("--show-settings", "--dialect", "en-GB", "story.txt")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == f"# configuration file: {tmp_path.resolve() / 'newslint.toml'}"
    assert 'dialect = "en-GB"  # --dialect' in lines
    assert f'fail-on = "error"  # from {tmp_path.resolve() / "newslint.toml"}' in lines


@pytest.mark.parametrize(("written", "kept"), [
    ("en-gb", "en-GB"), ("EN-US", "en-US"), ("en_GB", "en-GB"), ("en-gb-oxendict", "en-GB-oxendict"),
    ("En-Au", "en-AU"), ("AUTO", "auto"), ("en-GB", "en-GB"),
])
def test_dialect_values_are_read_in_any_letter_case(tree, tmp_path, written, kept):
    tree("newslint.toml", f'dialect = "{written}"\n')
    assert load(tmp_path / "newslint.toml").dialect == kept
    assert canonical_dialect(written) == kept  # what the command line's --dialect reads its value with


@pytest.mark.parametrize("value", ["en-UK", "en", "british", "", "en-GB-x"])
def test_canonical_dialect_names_no_dialect_for_other_values(value):
    assert canonical_dialect(value) is None


def test_severity_values_are_read_in_any_letter_case(cli, tree, tmp_path):
    tree("newslint.toml", 'fail-on = "Error"\n[severity]\nNL407 = "INFO"\nNL501 = "Off"\n')
    config = load(tmp_path / "newslint.toml")
    assert (config.fail_on, config.severity) == ("error", (("NL407", "info"), ("NL501", "off")))
    assert [canonical_severity(value) for value in ("Warning", "info", "OFF", "loud")] == ["warning", "info", None, None]
    tree("story.txt", "Storm\n\nThe storm  hit the the coast.\n")
    assert lint(cli, "story.txt") == [("story.txt", 3, 10, "NL407", "info")]


def test_fail_on_key_sets_the_severity_that_fails_the_run(cli, tree):
    tree("story.txt", "Storm\n\nThe storm  hit.\n")  # a doubled space: a warning
    tree("newslint.toml", 'select = ["NL407"]\n')
    assert cli("story.txt").code == 1
    tree("newslint.toml", 'select = ["NL407"]\nfail-on = "error"\n')
    assert cli("story.txt").code == 0
