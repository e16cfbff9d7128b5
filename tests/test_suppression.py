"""Inline suppressions in HTML comments and the copy's own [sic], and NL901 for the directives that do nothing."""

from __future__ import annotations

import pytest
from conftest import explained_part


def found(cli, path, codes: str = "NL501,NL901") -> list[tuple[int, int, str]]:
    result = cli("--format", "json", "--select", codes, str(path))
    return [(d["line"], d["column"], d["code"]) for d in result.json["diagnostics"]]


def test_disable_and_enable_bound_a_range(cli, story):
    text = ("Budget\n\nIt it rose.\n<!-- newslint-disable NL501 -->\nIt it fell.\nIt it fell again.\n"
            "<!-- newslint-enable NL501 -->\nIt it rose again.\n")
    assert found(cli, story(text, "story.md")) == [(3, 4, "NL501"), (8, 4, "NL501")]


def test_enable_of_some_codes_leaves_the_rest_of_a_disable_in_force(cli, story):
    text = ("Budget\n\n<!-- newslint-disable NL501 NL408 -->\nIt it fell,, again.\n<!-- newslint-enable NL501 -->\n"
            "It it fell,, again.\n<!-- newslint-enable -->\nIt it fell,, again.\n"
            "<!-- newslint-disable -->\nIt it fell,, again.\n<!-- newslint-enable NL408 -->\nIt it fell,, again.\n")
    assert found(cli, story(text, "story.md"), "NL501,NL408,NL901") == [
        (6, 4, "NL501"), (8, 4, "NL501"), (8, 11, "NL408"), (12, 11, "NL408")]


def test_disable_without_codes_covers_every_rule_to_the_end(cli, story):
    text = "Budget\n\nIt it rose.\n<!-- newslint-disable -->\nIt it fell,, then rose.\n"
    assert found(cli, story(text, "story.md"), "NL501,NL408,NL901") == [(3, 4, "NL501")]


def test_disable_next_line_skips_blank_lines_and_disable_line_covers_its_own(cli, story):
    text = ("Budget\n\n<!-- newslint-disable-next-line NL501 -->\n\nIt it rose.\nIt it fell.\n"
            "It it held. <!-- newslint-disable-line NL5 -->\n")
    assert found(cli, story(text, "story.md")) == [(6, 4, "NL501")]


def test_unused_directive_is_reported_at_the_comment(cli, story):
    text = "Budget\n\nCalm copy.\n<!-- newslint-disable-next-line NL501 -->\nNo doubles here.\n"
    path = story(text, "story.md")
    result = cli("--format", "json", "--select", "NL501,NL901", str(path))
    [diagnostic] = result.json["diagnostics"]
    assert (diagnostic["line"], diagnostic["column"], diagnostic["code"], diagnostic["severity"]) == (4, 1, "NL901", "warning")
    assert diagnostic["message"] == "Suppression '<!-- newslint-disable-next-line NL501 -->' suppresses nothing"
    assert diagnostic["fix"]["applicability"] == "safe"


def test_enable_with_nothing_open_is_reported(cli, story):
    path = story("Budget\n\nCalm copy.\n<!-- newslint-enable NL501 -->\n", "story.md")
    result = cli("--format", "concise", "--select", "NL501,NL901", str(path))
    assert result.out.splitlines()[0].endswith(
        "story.md:4:1: NL901 [warning] Suppression '<!-- newslint-enable NL501 -->' closes no open disable (suggestion: delete it)")


def test_unused_directives_are_reported_only_when_nl901_is_selected(cli, story):
    path = story("Budget\n\nCalm copy. <!-- newslint-disable-line NL501 -->\n", "story.md")
    assert found(cli, path, "NL501") == []
    assert found(cli, path, "NL501,NL901") == [(3, 12, "NL901")]


def test_per_file_ignore_of_nl901_silences_it(cli, story, tmp_path):
    path = story("Budget\n\nCalm copy. <!-- newslint-disable-line NL501 -->\n", "story.md")
    (tmp_path / "newslint.toml").write_text('[per-file-ignores]\n"*.md" = ["NL901"]\n', encoding="utf-8")
    assert found(cli, path) == []


def test_directive_shown_in_code_is_an_example_not_a_directive(cli, story):
    text = ("Budget\n\nWrite `<!-- newslint-disable NL501 -->` to silence it.\n\n"
            "```\n<!-- newslint-enable -->\n```\n\nIt it rose.\n")
    assert found(cli, story(text, "story.md")) == [(9, 4, "NL501")]


def test_fix_removes_an_unused_directive(cli, story):
    path = story("Budget\n\nCalm copy. <!-- newslint-disable-line NL501 -->\n", "story.md")
    cli("--fix", "--select", "NL501,NL901", str(path))
    assert path.read_text(encoding="utf-8") == "Budget\n\nCalm copy. \n"


def test_nl901_is_a_documented_selectable_rule(cli):
    result = cli("rule", "NL901")
    assert result.code == 0
    assert result.out.startswith("NL901 unused-suppression (default severity: warning; fix: safe)")


def test_directive_codes_are_checked_in_text_order(story):
    from newslint.document.document import Document
    from newslint.document.source import Source
    from newslint.engine.suppression import DirectiveError, parse

    doc = Document(Source("story.md", "Budget\n\n<!-- newslint-disable nl5 -->\nIt it.\n<!-- newslint-enable NL5O1 NL9O1 -->\n",
                          "utf-8", False))
    known = {"NL5", "NL501"}
    assert [d.codes for d in parse(doc)] == [("NL5",), ("NL5O1", "NL9O1")]  # nothing to check against: as written
    with pytest.raises(DirectiveError) as error:
        parse(doc, lambda code: None if code in known else f"unknown rule code {code!r}")
    assert str(error.value) == "story.md:5: newslint-enable: unknown rule code 'NL5O1'"


def test_unknown_code_in_a_directive_makes_the_file_an_input_error(cli, story):
    path = story("Budget\n\nIt it rose. <!-- newslint-disable-line NL5O1 -->\n", "story.md")
    result = cli("--format", "json", str(path))
    assert result.code == 2 and result.json["diagnostics"] == []
    assert result.json["errors"] == [f"{path}:3: newslint-disable-line: unknown rule code 'NL5O1' (did you mean NL501?)"]


@pytest.mark.parametrize("name", ["story.txt", "story.md"])
def test_text_the_copy_marks_sic_or_cq_is_written_so_on_purpose_and_not_reported(cli, story, name):
    text = ("Budget\n\n"
            'The sign read "the goverment" [sic], and the tweet said they would of (SIC) won.\n'
            "The the [sic] end came, and she wrote *there* [*sic*] plan. The reserch cq was done by the teh [CQ] team.\n"
            "But the goverment said the the end was near, as CQ Roll Call reported.\n")
    assert found(cli, story(text, name), "NL1,NL2,NL501") == [(5, 9, "NL101"), (5, 28, "NL501")]


def test_explain_says_a_remark_was_left_out_for_its_mark(cli, story):
    path = story("Budget\n\nThe sign read \"the goverment\" [sic] on Monday.\n")
    assert explained_part(cli, f"{path}:3:20", "NL101")[-1] == "    step marked-as-written (left alone): mark: [sic]"
    assert explained_part(cli, f"{path}:3:20", "NL101")[1] == "  NL101: left alone"
