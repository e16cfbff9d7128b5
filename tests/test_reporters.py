"""Every output format, byte for byte, on one small draft with a repeated word and an empty TAGS: line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from conftest import run_cli

from newslint.engine.report import content_fingerprint
from newslint.reporters import FORMATS
from newslint.reporters.github_format import escape_data, escape_property
from newslint.reporters.gitlab_format import fingerprints
from newslint.reporters.sarif_format import uri
from newslint.rules.empty_metadata import EmptyMetadata
from newslint.rules.repeated_word import RepeatedWord

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
# Line 3 col 24 is the second "the" (offsets 43-47 with the space before it); line 5 is the empty TAGS: field.
DRAFT = "Harbor vote delayed\n\nThe council met on the the quay on Tuesday.\n\nTAGS:\n"
ONLY = ("--select", "NL401,NL501")  # keep other rules out of these exact outputs
REPEATED = {
    "path": "story.txt", "line": 3, "column": 24, "end_line": 3, "end_column": 27,
    "code": "NL501", "rule": "repeated-word", "severity": "error", "message": "Repeated word 'the'",
    "suggestions": [""],
    "fix": {"title": "Delete the repeated 'the'", "applicability": "safe",
            "edits": [{"start": 43, "end": 47, "replacement": ""}]},
}
EMPTY_TAGS = {
    "path": "story.txt", "line": 5, "column": 1, "end_line": 5, "end_column": 6,
    "code": "NL401", "rule": "empty-metadata", "severity": "error", "message": "Empty metadata field 'TAGS:'",
    "suggestions": [], "fix": None,
}


def expected_fingerprint(code: str, start: int, end: int) -> str:
    """GitLab's and SARIF's fingerprint: path, code and the baseline's content fingerprint; never the line."""
    content = content_fingerprint(DRAFT, start, end)
    return hashlib.sha256("\0".join(("story.txt", code, content, "0")).encode()).hexdigest()[:32]


FINGERPRINT_REPEATED = expected_fingerprint("NL501", 44, 47)  # the second "the"
FINGERPRINT_TAGS = expected_fingerprint("NL401", 66, 71)  # "TAGS:"

EXACT = {
    "text": (
        "story.txt:3:24: NL501 repeated-word [error] Repeated word 'the'\n"
        "    3 | The council met on the the quay on Tuesday.\n"
        "                               ^^^\n"
        "      = suggestion: delete it [safe fix]\n"
        "\n"
        "story.txt:5:1: NL401 empty-metadata [error] Empty metadata field 'TAGS:'\n"
        "    5 | TAGS:\n"
        "        ^^^^^\n"
        "\n"
        "Found 2 problems (2 errors) in 1 of 1 file checked.\n"
        "1 fixable with `--fix`.\n"
    ),
    "concise": (
        "story.txt:3:24: NL501 [error] Repeated word 'the' (suggestion: delete it)\n"
        "story.txt:5:1: NL401 [error] Empty metadata field 'TAGS:'\n"
    ),
    "github": (
        "::error file=story.txt,line=3,endLine=3,col=24,endColumn=27,title=NL501 repeated-word::Repeated word 'the' (suggestion: delete it)\n"
        "::error file=story.txt,line=5,endLine=5,col=1,endColumn=6,title=NL401 empty-metadata"
        "::Empty metadata field 'TAGS:'\n"
    ),
    "junit": (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="newslint" tests="2" failures="2" errors="0">\n'
        '  <testsuite name="story.txt" tests="2" failures="2" errors="0">\n'
        '    <testcase name="NL501 repeated-word at 3:24" classname="story.txt" file="story.txt" line="3">\n'
        '      <failure message="Repeated word \'the\'" type="NL501">'
        "story.txt:3:24: NL501 [error] Repeated word 'the' (suggestion: delete it)</failure>\n"
        "    </testcase>\n"
        '    <testcase name="NL401 empty-metadata at 5:1" classname="story.txt" file="story.txt" line="5">\n'
        '      <failure message="Empty metadata field \'TAGS:\'" type="NL401">'
        "story.txt:5:1: NL401 [error] Empty metadata field 'TAGS:'</failure>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n"
    ),
}


@pytest.fixture
def lint(story, tmp_path, monkeypatch):
    """Write DRAFT as story.txt, work from its folder (so paths are relative) and lint it in a format."""
    story(DRAFT)
    monkeypatch.chdir(tmp_path)

    def run(fmt: str, *extra: str):
        return run_cli("story.txt", *ONLY, "--format", fmt, *extra)

    return run


def sarif_errors(log: dict) -> list[str]:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


@pytest.mark.parametrize("fmt", EXACT)
def test_exact_output(lint, fmt):
    result = lint(fmt)
    assert (result.code, result.out, result.err) == (1, EXACT[fmt], "")


def test_json(lint):
    result = lint("json")
    assert result.code == 1
    assert result.json == {"diagnostics": [REPEATED, EMPTY_TAGS], "errors": []}


@pytest.mark.parametrize("files", [
    {},  # nothing checked
    {"calm.txt": "Calm\n\nNothing happened.\n"},  # no diagnostic
    {"a.txt": DRAFT, "b.txt": "Café \u201cthe the\u201d\n", "scan.txt": b"\x00binary", "c.txt": b"caf\xe9 \xff"},
    {"many.txt": "Doubles\n\n" + "It was was so. " * 600 + "\n"},  # more than MAX_PER_RULE: a truncated list
])
@pytest.mark.parametrize("fmt", ["json", "gitlab"])
def test_json_formats_streamed_file_by_file_are_what_json_dump_writes(tmp_path, monkeypatch, files, fmt):
    """Each file's diagnostics are written as it is done; the whole is byte for byte json.dump(indent=1)."""
    for name, content in files.items():
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    out = run_cli(".", "--format", fmt).out
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=1) + "\n"
    more = "truncated" in out if fmt == "json" else "more NL501 repeated-word problems not shown" in out
    assert more == ("many.txt" in files)


def test_jsonl_is_one_json_object_a_line_with_the_json_fields(lint):
    result = lint("jsonl")
    assert result.code == 1
    assert result.out.splitlines() == [json.dumps(REPEATED), json.dumps(EMPTY_TAGS)]
    assert result.out.endswith("\n")


def test_github_escaping_follows_the_actions_toolkit():
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext%3A a%2C b"


def test_github_escapes_the_file_property_and_input_errors(story, tmp_path, monkeypatch):
    story(DRAFT, name="a,b:c.txt")
    monkeypatch.chdir(tmp_path)
    result = run_cli("a,b:c.txt", "missing%.txt", "--select", "NL401", "--format", "github")
    assert result.code == 2
    assert result.out == (
        "::error file=a%2Cb%3Ac.txt,line=5,endLine=5,col=1,endColumn=6,title=NL401 empty-metadata"
        "::Empty metadata field 'TAGS:'\n"
        "::error::missing%25.txt: no such file or directory\n"
    )


def test_gitlab_code_quality(lint):
    result = lint("gitlab")
    assert result.code == 1
    assert result.json == [
        {"type": "issue", "check_name": "NL501", "description": "NL501 Repeated word 'the'", "categories": ["Style"],
         "severity": "major", "fingerprint": FINGERPRINT_REPEATED,
         "location": {"path": "story.txt", "lines": {"begin": 3, "end": 3}}},
        {"type": "issue", "check_name": "NL401", "description": "NL401 Empty metadata field 'TAGS:'",
         "categories": ["Style"], "severity": "major", "fingerprint": FINGERPRINT_TAGS,
         "location": {"path": "story.txt", "lines": {"begin": 5, "end": 5}}},
    ]


def test_gitlab_severity_follows_configured_severity(story, tmp_path, monkeypatch):
    story(DRAFT)
    (tmp_path / "newslint.toml").write_text('[severity]\nNL401 = "warning"\nNL501 = "info"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("story.txt", *ONLY, "--format", "gitlab")
    assert result.code == 1, result.err
    assert [(issue["check_name"], issue["severity"]) for issue in result.json] == [("NL501", "info"), ("NL401", "minor")]


def test_gitlab_fingerprint_survives_a_line_inserted_above(story, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    story("A new first line with with a slip of its own.\n" + DRAFT)
    shifted = run_cli("story.txt", *ONLY, "--format", "gitlab").json
    assert [(i["check_name"], i["location"]["lines"]["begin"]) for i in shifted] == [
        ("NL501", 1), ("NL501", 4), ("NL401", 6)]
    assert shifted[1]["fingerprint"] == FINGERPRINT_REPEATED
    assert shifted[2]["fingerprint"] == FINGERPRINT_TAGS
    assert shifted[0]["fingerprint"] not in (FINGERPRINT_REPEATED, FINGERPRINT_TAGS)


def test_fingerprints_depend_on_path_code_content_and_occurrence():
    from newslint.engine.diagnostic import Diagnostic, Severity, Span
    from newslint.engine.report import Excerpt, Located

    def item(path: str, code: str, line: int, content: str) -> Located:
        d = Diagnostic(code, "rule", "message", Span(0, 3), Severity.ERROR)
        return Located(d, path, line, 1, line, 4, Excerpt("the the", 1, False), fingerprint=content)

    prints = fingerprints([item("a.txt", "NL501", 1, "f1"), item("b.txt", "NL501", 9, "f1"),
                           item("a.txt", "NL502", 1, "f1"), item("a.txt", "NL501", 1, "f2"),
                           item("a.txt", "NL501", 1, "f1")])
    assert len(set(prints)) == 5  # the last one is the second occurrence of the first
    assert fingerprints([item("a.txt", "NL501", 40, "f1")]) == prints[:1]  # the line does not count


def test_junit_clean_files_pass_and_input_errors_are_errors(story, tmp_path, monkeypatch):
    story("All quiet at the harbor.\n", name="clean.txt")
    monkeypatch.chdir(tmp_path)
    result = run_cli("clean.txt", "gone.txt", *ONLY, "--format", "junit")
    assert result.code == 2
    assert result.out == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="newslint" tests="2" failures="0" errors="1">\n'
        '  <testsuite name="newslint" tests="2" failures="0" errors="1">\n'
        '    <testcase name="1 file without problems" classname="newslint" />\n'
        '    <testcase name="gone.txt: no such file or directory" classname="newslint">\n'
        '      <error message="gone.txt: no such file or directory" />\n'
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n"
    )


def test_junit_replaces_characters_xml_cannot_hold(story, tmp_path, monkeypatch):
    story(DRAFT, name="odd\x1b.txt")
    monkeypatch.chdir(tmp_path)
    result = run_cli("odd\x1b.txt", "--select", "NL401", "--format", "junit")
    root = ET.fromstring(result.out.split("\n", 1)[1])  # parses: no raw control character left
    assert [suite.get("name") for suite in root] == ["odd\ufffd.txt"]
    assert root.find("testsuite/testcase/failure").text == "odd\ufffd.txt:5:1: NL401 [error] Empty metadata field 'TAGS:'"


def test_sarif_is_valid_and_exact(lint):
    result = lint("sarif")
    assert result.code == 1
    log = result.json
    assert sarif_errors(log) == []
    run = log["runs"][0]
    assert (log["version"], run["columnKind"], run["tool"]["driver"]["name"]) == ("2.1.0", "unicodeCodePoints", "newslint")
    assert run["tool"]["driver"]["rules"] == [
        {"id": "NL401", "name": "empty-metadata",
         "shortDescription": {"text": 'A metadata field left empty: "TAGS:" with nothing after it, or "tags: []" in front matter.'},
         "defaultConfiguration": {"level": "error"},
         "fullDescription": {"text": EmptyMetadata.documentation()}, "help": {"text": EmptyMetadata.documentation()}},
        {"id": "NL501", "name": "repeated-word",
         "shortDescription": {"text": 'A word repeated by accident: "the the".'},
         "defaultConfiguration": {"level": "error"},
         "fullDescription": {"text": RepeatedWord.documentation()}, "help": {"text": RepeatedWord.documentation()}},
    ]
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
    assert run["results"] == [
        {"ruleId": "NL501", "ruleIndex": 1, "level": "error", "message": {"text": "Repeated word 'the' (suggestion: delete it)"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "story.txt"},
                                             "region": {"startLine": 3, "startColumn": 24, "endLine": 3, "endColumn": 27}}}],
         "partialFingerprints": {"newslint/v1": FINGERPRINT_REPEATED},
         "fixes": [{"description": {"text": "Delete the repeated 'the'"}, "artifactChanges": [{
             "artifactLocation": {"uri": "story.txt"},
             "replacements": [{"deletedRegion": {"charOffset": 43, "charLength": 4}, "insertedContent": {"text": ""}}]}]}]},
        {"ruleId": "NL401", "ruleIndex": 0, "level": "error", "message": {"text": "Empty metadata field 'TAGS:'"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "story.txt"},
                                             "region": {"startLine": 5, "startColumn": 1, "endLine": 5, "endColumn": 6}}}],
         "partialFingerprints": {"newslint/v1": FINGERPRINT_TAGS}},
    ]


def test_sarif_levels_and_input_errors(story, tmp_path, monkeypatch):
    story(DRAFT)
    (tmp_path / "newslint.toml").write_text('[severity]\nNL401 = "info"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("story.txt", "gone.txt", *ONLY, "--format", "sarif")
    assert result.code == 2
    log = result.json
    assert sarif_errors(log) == []
    run = log["runs"][0]
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [("NL501", "error"), ("NL401", "note")]
    assert run["tool"]["driver"]["rules"][0]["defaultConfiguration"] == {"level": "error"}  # the rule's default
    assert run["invocations"] == [{"executionSuccessful": False, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": "gone.txt: no such file or directory"}}]}]


def test_sarif_schema_check_can_fail(lint):
    log = lint("sarif").json
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    log["runs"][0]["results"][1]["level"] = "fatal"
    assert len(sarif_errors(log)) == 2


def test_sarif_uris():
    assert uri("drafts/my story.txt") == "drafts/my%20story.txt"
    assert uri("/srv/news/a#1.txt") == "file:///srv/news/a%231.txt"
    assert uri("-") == "stdin"


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_holds_the_report_and_the_terminal_a_summary(lint, tmp_path, fmt):
    plain = lint(fmt)
    result = lint(fmt, "--output-file", "reports/out.txt")
    assert result.code == plain.code == 1
    assert (tmp_path / "reports" / "out.txt").read_text(encoding="utf-8") == plain.out
    assert result.out == f"newslint: 2 problems in 1 of 1 file; {fmt} report written to reports/out.txt\n"
    assert result.err == ""


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_output_file_keeps_input_errors_on_the_terminal_and_exit_code_2(lint, tmp_path, fmt):
    result = run_cli("story.txt", "gone.txt", *ONLY, "--format", fmt, "--output-file", "out.txt")
    assert result.code == 2
    assert result.err == "newslint: gone.txt: no such file or directory\n"
    assert result.out == f"newslint: 2 problems in 1 of 1 file; {fmt} report written to out.txt\n"


def test_output_file_on_a_clean_draft_exits_0(story, tmp_path, monkeypatch):
    story("All quiet at the harbor.\n", name="clean.txt")
    monkeypatch.chdir(tmp_path)
    result = run_cli("clean.txt", *ONLY, "--format", "sarif", "--output-file", "out.sarif")
    assert result.code == 0
    assert result.out == "newslint: 0 problems in 0 of 1 file; sarif report written to out.sarif\n"
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert (sarif_errors(log), log["runs"][0]["results"], log["runs"][0]["tool"]["driver"]["rules"]) == ([], [], [])


def test_output_file_that_cannot_be_written_is_an_error(lint, tmp_path):
    (tmp_path / "taken").mkdir()
    result = lint("json", "--output-file", "taken")
    assert result.code == 2
    assert result.err.startswith("newslint: taken: cannot write report (")
    assert result.out == ""


MANY = "Harbor vote delayed\n\n" + "The the quay.\n" * 520  # 20 repeated words past the cap of 500


def test_a_rule_past_the_cap_reports_500_and_says_how_many_more_in_each_format(story, tmp_path, monkeypatch):
    from newslint.engine.linter import MAX_PER_RULE

    assert MAX_PER_RULE == 500
    monkeypatch.chdir(tmp_path)
    story(MANY)
    note = "20 more NL501 repeated-word problems not shown (at most 500 are reported per rule and file)"
    text = run_cli("story.txt", "--select", "NL501").out
    assert text.count("NL501 repeated-word [error]") == 500
    assert f"story.txt: {note}\n\n" in text
    assert text.endswith("Found 500 problems (500 errors) in 1 of 1 file checked.\n"
                         "20 more not shown: at most 500 problems are reported per rule and file.\n"
                         "500 fixable with `--fix`.\n")
    concise = run_cli("story.txt", "--select", "NL501", "--format", "concise").out.splitlines()
    assert (len(concise), concise[-1]) == (501, f"story.txt: {note}")
    report = run_cli("story.txt", "--select", "NL501", "--format", "json").json
    assert (len(report["diagnostics"]), report["truncated"]) == (500, [{"path": "story.txt", "code": "NL501", "more": 20}])
    jsonl = run_cli("story.txt", "--select", "NL501", "--format", "jsonl").out.splitlines()
    assert json.loads(jsonl[-1]) == {"truncated": {"path": "story.txt", "code": "NL501", "more": 20}}
    github = run_cli("story.txt", "--select", "NL501", "--format", "github").out.splitlines()
    assert github[-1] == f"::warning file=story.txt,title=NL501 repeated-word::{note}"
    gitlab = json.loads(run_cli("story.txt", "--select", "NL501", "--format", "gitlab").out)
    assert (len(gitlab), gitlab[-1]["description"], gitlab[-1]["severity"]) == (501, f"NL501 {note}", "info")
    sarif = json.loads(run_cli("story.txt", "--select", "NL501", "--format", "sarif").out)
    jsonschema.validate(sarif, SCHEMA)
    [notification] = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert (notification["message"]["text"], notification["associatedRule"]["id"]) == (note, "NL501")
    junit = ET.fromstring(run_cli("story.txt", "--select", "NL501", "--format", "junit").out)
    assert (junit.get("tests"), junit.get("failures")) == ("501", "501")
    assert junit.find("testsuite/testcase[@name='NL501 repeated-word: more']/failure").get("message") == note
    statistics = run_cli("story.txt", "--select", "NL501", "--statistics").out
    assert statistics.startswith("520  NL501  repeated-word")


def test_a_draft_under_the_cap_has_no_truncated_field(lint):
    assert "truncated" not in lint("json").json


def test_jsonl_escapes_the_line_and_paragraph_separators_a_message_may_quote(cli, story):
    path = story("#  the and\u2028the\u2029end\x85now \n", "story.md")  # a heading with no text under it, quoted
    lines = cli("--format", "jsonl", str(path)).out.splitlines()  # str.splitlines breaks at all three
    assert [json.loads(line)["code"] for line in lines] == ["NL406"]
    assert "the and\u2028the\u2029end\x85now" in json.loads(lines[0])["message"]


def test_sarif_keeps_no_diagnostic_in_memory_and_writes_the_document_json_dump_would(tmp_path, monkeypatch):
    from newslint import reporters

    for n in range(3):
        (tmp_path / f"s{n}.txt").write_text(f"Budget {n}\n\nThe the plan was set, and the the vote came.\n\nTAGS:\n",
                                            encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(reporters, "SPOOL_IN_MEMORY", 16)  # the results go to a file at once
    result = run_cli(".", *ONLY, "--format", "sarif")
    log = json.loads(result.out)
    assert result.out == json.dumps(log, ensure_ascii=False, indent=1) + "\n"
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["NL401", "NL501"]
    assert [(r["ruleId"], r["ruleIndex"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for r in run["results"]] == [(code, index, f"s{n}.txt") for n in range(3)
                                         for code, index in (("NL501", 1), ("NL501", 1), ("NL401", 0))]


def test_junit_spools_its_suites_and_writes_the_document_element_tree_would(tmp_path, monkeypatch):
    from xml.etree import ElementTree as ET

    from newslint import reporters

    for n in range(3):
        (tmp_path / f"s{n}.txt").write_text(f"Budget {n}\n\nThe the plan & the vote.\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("Budget\n\nThe plan was set.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(reporters, "SPOOL_IN_MEMORY", 16)
    out = run_cli(".", *ONLY, "--format", "junit").out
    root = ET.fromstring(out.split("\n", 1)[1])
    assert [(s.get("name"), s.get("tests"), s.get("failures")) for s in root] == [
        (f"s{n}.txt", "1", "1") for n in range(3)] + [("newslint", "1", "0")]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "3", "0")
    ET.indent(root)
    assert out == '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
