"""Rule packs: the shipped packs pass their own tests, every rule kind works, broken packs say where."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from newslint.engine.config import ConfigError
from newslint.rulepacks.schema import load_dir
from newslint.rulepacks.selftest import run_pack_tests

SHIPPED = sorted(p for p in (ROOT / "rules").iterdir() if any(p.glob("*.toml")))
HOUSE = ROOT / "tests" / "fixtures" / "packs" / "house"


def found(cli, path, *args: str) -> list[tuple[int, int, str, str | None]]:
    result = cli("--format", "json", *args, str(path))
    assert result.err == ""
    return [(d["line"], d["column"], d["code"], d["suggestions"][0] if d["suggestions"] else None)
            for d in result.json["diagnostics"]]


def with_packs(tmp_path: Path, *packs: str) -> None:
    (tmp_path / "newslint.toml").write_text(f"packs = {list(packs)!r}\n".replace("'", '"'), encoding="utf-8")


@pytest.mark.parametrize("pack", SHIPPED, ids=lambda p: p.name)
def test_shipped_pack_passes_its_own_tests(pack):
    failures, total = run_pack_tests(pack)
    assert failures == []
    assert total == sum(len(cls.tests) for cls in load_dir(pack)) >= len(load_dir(pack))


def test_ap_pack_is_shipped_with_every_rule_tested():
    assert "ap-2024" in [p.name for p in SHIPPED]
    rules = load_dir(ROOT / "rules" / "ap-2024")
    assert [r.code for r in sorted(rules, key=lambda r: r.code)] == [f"AP{n}" for n in range(101, 117)]
    assert all(any(kind == "bad" for kind, _ in r.tests) for r in rules)


def test_check_pack_command(cli):
    pack = ROOT / "rules" / "ap-2024"
    total = sum(len(cls.tests) for cls in load_dir(pack))
    result = cli("check-pack", str(pack))
    assert (result.code, result.out) == (0, f"{total} passed, 0 failed\n")


def test_check_pack_reports_a_failing_example(cli, tmp_path):
    (tmp_path / "r.toml").write_text(
        'kind = "existence"\ncode = "T1"\nname = "t"\nmessage = "{match}"\ntokens = ["utilise"]\n'
        '[[tests]]\nbad = "We use it."\n[[tests]]\ngood = "We utilise it."\n', encoding="utf-8")
    result = cli("check-pack", str(tmp_path))
    assert result.code == 1
    assert result.out == (f"{tmp_path / 'r.toml'}: T1 t: bad example not flagged: 'We use it.'\n"
                          f"{tmp_path / 'r.toml'}: T1 t: good example flagged: 'We utilise it.' (utilise)\n"
                          "0 passed, 2 failed\n")


def test_every_rule_kind_in_a_house_pack(cli, story, tmp_path):
    path = story("Budget\n\nWe utilise a very unique cease-fire plan! Really! Truly!\n"
                 "The nhs and Downing street sent an e-mail. The email and another email came.\n")
    with_packs(tmp_path, str(HOUSE))
    assert found(cli, path, "--select", "HS") == [
        (1, 1, "HS106", None),
        (3, 4, "HS101", None),
        (3, 14, "HS101", None),
        (3, 26, "HS102", "ceasefire"),
        (3, 49, "HS105", None),
        (4, 5, "HS104", "NHS"),
        (4, 13, "HS104", "Downing Street"),
        (4, 36, "HS103", "email"),
    ]


def test_metadata_sentence_and_raw_scopes(cli, story, tmp_path):
    path = story("Budget\n\nTax and spend and borrow and lend. Save and give.\tDone.\n\nTAGS: budget, TBC\n")
    with_packs(tmp_path, str(HOUSE))
    result = cli("--format", "json", "--select", "HS107,HS108,HS109", str(path))
    assert [(d["line"], d["column"], d["code"], d["message"]) for d in result.json["diagnostics"]] == [
        (3, 26, "HS108", "3 uses of 'and' in one sentence (at most 2)"),
        (3, 50, "HS109", "Tab character in the file"),
        (5, 15, "HS107", "Metadata value still says 'TBC'"),
    ]


def test_pack_messages_and_fixes(cli, story, tmp_path):
    path = story("Budget talks\n\nA Cease-Fire by Xmas.\n")
    with_packs(tmp_path, str(HOUSE))
    result = cli("--format", "concise", "--select", "HS", str(path))
    assert result.out.splitlines()[:2] == [
        f"{path}:3:3: HS102 [error] House style is 'Ceasefire', not 'Cease-Fire' (suggestion: 'Ceasefire')",
        f"{path}:3:17: HS102 [error] House style is 'Christmas', not 'Xmas' (suggestion: 'Christmas')",
    ]
    cli("--fix", "--select", "HS", str(path))
    assert path.read_text(encoding="utf-8") == "Budget talks\n\nA Ceasefire by Christmas.\n"


def test_ap_pack_is_off_by_default_and_on_when_configured(cli, story, tmp_path):
    path = story("Bank chief quits\n\n"
                 "Mr Smith, 54, left the US bank at 10pm on 5 January after a highly-paid career.\n"
                 "He said \"Mr Jones knows why\" and walked towards the door with 3 aides and 4% of shares.\n")
    assert cli("--format", "json", "--select", "AP", str(path)).err == (  # not enabled: a code that names no rule
        "newslint: --select: AP belongs to the pack 'ap-2024', which is not enabled (packs = [\"ap-2024\"])\n")
    assert found(cli, path) == []
    with_packs(tmp_path, "ap-2024")
    assert found(cli, path, "--select", "AP") == [
        (3, 1, "AP110", None),
        (3, 24, "AP108", "U.S."),
        (3, 35, "AP103", "10 p.m."),
        (3, 43, "AP105", "Jan. 5"),
        (3, 61, "AP101", "highly paid"),
        (4, 41, "AP115", "toward"),
        (4, 63, "AP113", "three"),
    ]


def test_ap_headline_rules(cli, story, tmp_path):
    path = story("U.S. says \u201cno\u201d to Internet tax\n\nThe plan failed.\n")
    with_packs(tmp_path, "ap-2024")
    assert found(cli, path, "--select", "AP") == [
        (1, 1, "AP109", "US"),
        (1, 11, "AP114", "\u2018"),
        (1, 14, "AP114", "\u2019"),
        (1, 19, "AP116", "internet"),
    ]


def test_ap_fix_is_applied(cli, story, tmp_path):
    path = story("Polls close\n\nPolls close at 10pm on 5 January 2005, with turnout at 52 per cent.\n")
    with_packs(tmp_path, "ap-2024")
    cli("--fix", "--select", "AP", str(path))
    assert path.read_text(encoding="utf-8") == "Polls close\n\nPolls close at 10 p.m. on Jan. 5, 2005, with turnout at 52%.\n"


def test_pack_rule_documentation(cli):
    result = cli("rule", "AP101", "--pack=ap-2024")
    assert result.code == 0
    assert result.out.splitlines()[:3] == [
        "AP101 ly-adverb-hyphen (default severity: warning; fix: unsafe)",
        "",
        "No hyphen after 'very' or an -ly adverb in a compound modifier: a highly paid executive.",
    ]
    for heading in ("What it does:", "Why it matters: house style, as set down in AP Stylebook 2024", "Example:",
                    "Fix safety: unsafe."):
        assert heading in result.out


RULE = 'kind = "substitution"\ncode = "T101"\nname = "t"\nmessage = "{match}"\n'
TESTS = '[[tests]]\nbad = "x"\n'


@pytest.mark.parametrize(("text", "line", "key", "problem"), [
    (RULE + 'swap = { "a(" = "b" }\nregex = true\n' + TESTS, 5, "swap",
     "bad regular expression 'a(': missing ) at position 2"),
    (RULE + 'swap = { a = "b" }\n', 1, "tests", "every rule needs [[tests]] with at least one 'bad' example"),
    (RULE + 'swap = { a = "b" }\ncolour = "red"\n' + TESTS, 6, "colour", "unknown key for a substitution rule"),
    (RULE + 'swap = { a = "b" }\nscope = "paragraph"\n' + TESTS, 6, "scope",
     "expected one or more of headline, body, sentence, metadata, raw"),
    (RULE + 'swap = { a = "b" }\nseverity = "fatal"\n' + TESTS, 6, "severity", "'fatal' is not one of error, warning, info"),
    (RULE + 'swap = { a = "b" }\n[[tests]]\nbad = "x"\n[[tests]]\nugly = "y"\n', 8, "tests",
     "each test is a table with 'bad' and/or 'good' text"),
    (RULE.replace('"{match}"', '"{found}"') + 'swap = { a = "b" }\n' + TESTS, 4, "message",
     "bad placeholder ('found'); use {match}, {suggestion}, {count}, {max}, {min}"),
    (RULE + 'swap = { a = "b" \n' + TESTS, 5, "(syntax)", "Unclosed inline table"),
    ('[[rules]]\n' + RULE + 'swap = { a = "b" }\n[[rules.tests]]\nbad = "a"\n\n[[rules]]\n'
     + RULE.replace("T101", "t-102") + 'swap = { a = "b" }\n[[rules.tests]]\nbad = "a"\n', 12, "code",
     "expected a rule code such as AP101 (capital letters, then digits)"),
    (RULE.replace("substitution", "existence") + 'tokens = ["a"]\nfix = "safe"\n' + TESTS, 6, "fix",
     "a existence rule suggests no replacement, so it has no fix"),
])
def test_broken_pack_says_file_line_key_and_problem(tmp_path, text, line, key, problem):
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_dir(tmp_path)
    assert str(caught.value) == f"{path}:{line}: {key}: {problem}"


def test_broken_pack_stops_the_run_with_exit_2(cli, story, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "bad.toml").write_text(RULE + 'swap = "a"\n' + TESTS, encoding="utf-8")
    path = story("Budget\n\nCalm copy.\n")
    with_packs(tmp_path, "pack")
    result = cli(str(path))
    assert (result.code, result.err) == (
        2, f"newslint: {pack / 'bad.toml'}:5: swap: expected a table of \"bad\" = \"good\" strings\n")


def test_duplicate_code_in_a_pack(tmp_path):
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text(RULE + 'swap = { a = "b" }\n' + TESTS, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_dir(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'b.toml'}:2: code: T101 is already used in a.toml"


SLOW = ('kind = "existence"\ncode = "SL1"\nname = "slow-pattern"\nmessage = "{match}"\n'
        "patterns = '(a|aa)+$'\n[[tests]]\nbad = \"" + "a" * 40 + "!\"\n")


def test_catastrophic_pattern_is_reported_and_the_run_goes_on(cli, story, tmp_path):
    pack = tmp_path / "slow"
    pack.mkdir()
    (pack / "slow.toml").write_text(SLOW, encoding="utf-8")
    path = story("Budget\n\nThe the " + "a" * 40 + "!\n")
    with_packs(tmp_path, "slow")
    result = cli("--format", "json", "--select", "SL1,NL501", str(path))
    assert [(d["line"], d["column"], d["code"], d["severity"]) for d in result.json["diagnostics"]] == [
        (3, 1, "SL1", "warning"), (3, 5, "NL501", "error")]
    assert result.json["diagnostics"][0]["message"] == (
        "Rule SL1 (slow-pattern) skipped for the rest of this run: its pattern (a|aa)+$ ran out of time; "
        "simplify the pattern")


def test_catastrophic_pattern_fails_its_pack_test(tmp_path):
    (tmp_path / "slow.toml").write_text(SLOW, encoding="utf-8")
    failures, total = run_pack_tests(tmp_path)
    assert total == 1
    assert failures == [f"{tmp_path / 'slow.toml'}: SL1 slow-pattern: pattern (a|aa)+$ timed out on '{'a' * 40}!'"]
