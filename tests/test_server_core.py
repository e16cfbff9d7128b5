"""The language server's answers, without the protocol's plumbing: positions, diagnostics, code actions, hovers
and configuration problems (newslint/server/core.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED
from lsprotocol import types

from newslint.server.core import Positions, Settings, State, hover_text

SAMPLE = SEED.read_text(encoding="utf-8")


def state_with(tmp_path: Path, text: str, name: str = "story.txt", config: str = "", language: str = "plaintext"):
    (tmp_path / "newslint.toml").write_text(config, encoding="utf-8")
    state = State(root=tmp_path, settings=Settings(docs_url="https://docs.example/rules/"))
    uri = (tmp_path / name).as_uri()
    state.open(uri, text, 1, language, tmp_path / name)
    return state, uri


def apply(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    positions = Positions(text, encoding)
    for start, end, new in sorted(((positions.offset(e.range.start), positions.offset(e.range.end), e.new_text)
                                   for e in edits), reverse=True):
        text = text[:start] + new + text[end:]
    return text


@pytest.mark.parametrize("encoding, column", [("utf-16", 7), ("utf-32", 6), ("utf-8", 13)])
def test_positions_count_in_the_agreed_encoding(encoding, column):
    text = "a\r\n🎉 “x” the the\rlast\n"
    positions = Positions(text, encoding)
    offset = text.index("the the")  # after an emoji (2 UTF-16 units, 4 UTF-8 bytes) and curly quotes
    assert positions.position(offset) == types.Position(1, column)
    assert positions.offset(types.Position(1, column)) == offset
    assert positions.position(text.index("last")) == types.Position(2, 0)  # a lone \r ends a line
    assert positions.offset(types.Position(1, 999)) == text.index("\rlast")  # past the line: its end
    assert positions.offset(types.Position(99, 0)) == len(text)


def test_the_sample_storys_diagnostics_carry_code_severity_source_link_and_offsets(tmp_path):
    state, uri = state_with(tmp_path, SAMPLE)
    outcome = state.lint(uri)
    assert [(d.range.start.line, d.range.start.character, d.code) for d in outcome.diagnostics] == [
        (11, 18, "NL201"), (22, 61, "NL301"), (25, 0, "NL401")]
    first = outcome.diagnostics[0]
    assert first.severity == types.DiagnosticSeverity.Error and first.source == "newslint"
    assert first.code_description.href == "https://docs.example/rules/NL201.md"
    assert first.data == {"rule": "real-word-error", "start": 1575, "end": 1577}


def test_severities_map_to_the_protocols(tmp_path):
    state, uri = state_with(tmp_path, SAMPLE, config='[severity]\nNL2 = "warning"\nNL3 = "info"\n')
    assert [d.severity for d in state.lint(uri).diagnostics] == [
        types.DiagnosticSeverity.Warning, types.DiagnosticSeverity.Information, types.DiagnosticSeverity.Error]


def test_without_a_docs_url_the_link_is_the_checkouts_rule_page(tmp_path):
    state, uri = state_with(tmp_path, SAMPLE)
    state.settings.docs_url = None
    href = state.lint(uri).diagnostics[0].code_description.href
    assert href.startswith("file://") and href.endswith("/docs/rules/NL201.md")
    assert Path(href.removeprefix("file://")).is_file()


def test_quick_fixes_safe_preferred_unsafe_offered_and_every_suggestion(tmp_path):
    state, uri = state_with(tmp_path, "Talks resume\n\nThe the talks resumed. Her statment was brief.\n")
    found = state.lint(uri).diagnostics
    repeated, misspelt = found
    actions = state.code_actions(uri, repeated.range)
    safe = [a for a in actions if a.is_preferred]
    assert [a.title for a in safe] == ["Delete the repeated 'the' (NL501)"]
    actions = state.code_actions(uri, misspelt.range)
    titles = [a.title for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert titles[0] == "Replace with 'statement' (NL101)" and not actions[0].is_preferred
    assert titles[-1] == "Disable NL101 for this line"
    assert len(titles) == len(set(titles))


def test_disabling_each_of_the_sample_storys_errors_leaves_the_others_and_no_unused_directive(tmp_path):
    state, uri = state_with(tmp_path, SAMPLE)
    for diagnostic in state.lint(uri).diagnostics:
        (action,) = [a for a in state.code_actions(uri, diagnostic.range) if a.title.startswith("Disable")]
        text = apply(SAMPLE, action.edit.changes[uri])
        other, other_uri = state_with(tmp_path, text)
        left = [d.code for d in other.lint(other_uri).diagnostics]
        assert diagnostic.code not in left and "NL901" not in left and len(left) == 2


def test_disabling_a_second_rule_on_a_line_adds_to_the_directive_above_it(tmp_path):
    text = "Talks resume\n\n  <!-- newslint-disable-next-line NL501 -->\n  The the talks. Her statment was brief.\r\n"
    state, uri = state_with(tmp_path, text)
    (misspelt,) = state.lint(uri).diagnostics
    (action,) = [a for a in state.code_actions(uri, misspelt.range) if a.title.startswith("Disable")]
    assert apply(text, action.edit.changes[uri]) == text.replace("NL501 -->", "NL501 NL101 -->")


def test_a_new_directive_keeps_the_lines_indent_and_line_ending(tmp_path):
    text = "Talks resume\r\n\r\n  Her statment was brief.\r\n"
    state, uri = state_with(tmp_path, text)
    (misspelt,) = state.lint(uri).diagnostics
    (action,) = [a for a in state.code_actions(uri, misspelt.range) if a.title.startswith("Disable")]
    assert action.edit.changes[uri][0].new_text == "  <!-- newslint-disable-next-line NL101 -->\r\n"


def test_fix_all_is_offered_only_with_a_safe_fix_and_respects_only(tmp_path):
    state, uri = state_with(tmp_path, SAMPLE)
    whole = types.Range(types.Position(0, 0), types.Position(30, 0))
    assert state.fix_all(uri) is None  # the sample's fixes are all guesses
    assert state.code_actions(uri, whole, only=["source.fixAll"]) == []
    text = "Talks resume\n\nThe the talks resumed and and ended.\n"
    state, uri = state_with(tmp_path, text)
    (action,) = state.code_actions(uri, whole, only=["source.fixAll"])
    assert action.kind == "source.fixAll.newslint"
    assert apply(text, action.edit.changes[uri]) == "Talks resume\n\nThe talks resumed and ended.\n"
    assert all(a.kind == "quickfix" for a in state.code_actions(uri, whole, only=["quickfix"]))


def test_hover_shows_the_problem_the_evidence_and_the_rules_documentation(tmp_path):
    state, uri = state_with(tmp_path, SAMPLE)
    found = state.lint(uri).diagnostics
    hover = state.hover(uri, found[0].range.start)
    text = hover.contents.value
    assert text.startswith("**NL201** `real-word-error` (error): 'no' may be a slip for 'on' here")
    assert "Suggestions: `on`" in text and "What it does" in text
    assert "[NL201 documentation](https://docs.example/rules/NL201.md)" in text
    assert hover.range == found[0].range
    assert state.hover(uri, types.Position(0, 0)) is None  # nothing flagged there


def test_hover_text_shows_generic_evidence_entries_shortly():
    from newslint.engine.diagnostic import Diagnostic, Severity, Span

    d = Diagnostic("NL201", "real-word-error", "'no' may be a slip for 'on' here", Span(0, 2), Severity.ERROR, ("on",))
    evidence = [{"step": "context-beats-word", "verdict": "reported", "ratio": 12.5}, {"left": "x" * 200}] * 5
    text = hover_text(d, evidence, "", None)
    assert "- step `context-beats-word`: reported; ratio 12.5" in text
    assert "x" * 79 + "…" in text and "2 more" in text


def test_a_broken_configuration_is_a_diagnostic_on_its_line(tmp_path):
    state, uri = state_with(tmp_path, SAMPLE, config='dialect = "en-GB"\nselect = ["NL5O1"]\n')
    outcome = state.lint(uri)
    assert outcome.diagnostics == []
    problem = outcome.config_problem
    assert problem.path.resolve() == (tmp_path / "newslint.toml").resolve()
    assert problem.diagnostic.range.start.line == 1 and "NL501" in problem.diagnostic.message
    (tmp_path / "newslint.toml").write_text('dialect = "en-GB"\nselect = ["NL501"]\n', encoding="utf-8")
    import os
    os.utime(tmp_path / "newslint.toml", ns=(1, 1))  # a change the next lint notices, however fast the disk
    outcome = state.lint(uri)
    assert outcome.config_problem is None


def test_a_configuration_that_is_not_toml_is_a_diagnostic_too(tmp_path):
    state, uri = state_with(tmp_path, SAMPLE, config='select = ["NL4"\n')
    problem = state.lint(uri).config_problem
    assert problem is not None and problem.diagnostic.severity == types.DiagnosticSeverity.Error


def test_an_inline_directive_that_names_no_rule_is_a_diagnostic_on_its_line(tmp_path):
    text = "Talks resume\n\n<!-- newslint-disable-next-line NL5O1 -->\nThe the talks.\n"
    state, uri = state_with(tmp_path, text)
    (problem,) = state.lint(uri).diagnostics
    assert problem.range.start.line == 2 and "NL5O1" in problem.message
    assert state.code_actions(uri, problem.range) == [] and state.hover(uri, problem.range.start) is None


def test_an_untitled_markdown_buffer_is_read_as_markdown(tmp_path):
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    state = State(root=tmp_path)
    state.open("untitled:Untitled-1", "# Talks\n\n```\nthe the\n```\n", 1, "markdown")
    assert state.lint("untitled:Untitled-1").diagnostics == []
    state.open("untitled:Untitled-2", "Talks\n\nthe the\n", 1, "plaintext")
    assert [d.code for d in state.lint("untitled:Untitled-2").diagnostics] == ["NL501"]


def test_hover_shows_the_evidence_a_heuristic_rule_recorded(tmp_path):
    """Any rule that records its decisions in doc.trace (as `newslint explain` reads them) has them in the hover."""
    from newslint.engine.diagnostic import Severity, Span
    from newslint.engine.rule import Rule

    class Weighed(Rule):
        """Flags 'talks' after weighing it."""

        code, name, severity = "XX001", "weighed-word", Severity.WARNING

        def check(self, doc, res):
            at = doc.text.index("talks")
            if doc.trace is not None and doc.trace.wants(at, at + 5):
                doc.trace.note(self.code, at, at + 5, left="the", ratio=3.14159)
                doc.trace.decide(self.code, at, at + 5, "context-beats-word", True)
            yield self.report(Span(at, at + 5), "'talks' weighed and found wanting")

    state, uri = state_with(tmp_path, "Talks resume\n\nThe talks resumed.\n")
    linter = state.linter_for(state.documents[uri])
    linter.rules.append(Weighed())
    linter._precedence["XX001"] = 0
    (found,) = state.lint(uri).diagnostics
    text = state.hover(uri, found.range.start).contents.value
    assert "Evidence:\n- left the, ratio 3.142\n- step `context-beats-word`: reported" in text
