"""End to end: `newslint server` started as a subprocess and driven over stdio by pygls' own LSP client."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED
from lsprotocol import types
from pygls.lsp.client import LanguageClient

TIMEOUT = 30  # seconds: the first lint loads the word lists and models


class Session:
    """A client that started the server, with every diagnostics notification it received."""

    def __init__(self) -> None:
        self.client = LanguageClient("newslint-tests", "1")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.changed = asyncio.Event()
        self.messages: list[str] = []

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append(params)
            self.changed.set()

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def show(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def log(params: types.LogMessageParams) -> None:
            self.messages.append(params.message)

    async def start(self, root: Path, *args: str) -> types.InitializeResult:
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        await self.client.start_io(sys.executable, "-m", "newslint", "server", *args, env=env, cwd=str(root))
        result = await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(root.as_uri(), root.name)]))
        self.client.initialized(types.InitializedParams())
        return result

    async def diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The diagnostics published for uri (for that version, if given), waiting for them."""
        async def wait() -> list[types.Diagnostic]:
            while True:
                for params in reversed(self.published.get(uri, [])):
                    if version is None or params.version == version:
                        return list(params.diagnostics)
                self.changed.clear()
                await self.changed.wait()

        return await asyncio.wait_for(wait(), TIMEOUT)

    def open(self, path: Path, text: str | None = None, language: str = "plaintext", version: int = 1) -> str:
        uri = path.as_uri()
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
            uri, language, version, text if text is not None else path.read_text(encoding="utf-8"))))
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version, uri), [types.TextDocumentContentChangeWholeDocument(text)]))

    async def stop(self) -> int | None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await asyncio.wait_for(self.client.stop(), TIMEOUT)
        return self.client._server.returncode if self.client._server else None


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 120))


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions) to text, last first."""
    from newslint.server.core import Positions

    positions = Positions(text)
    spans = sorted(((positions.offset(e.range.start), positions.offset(e.range.end), e.new_text) for e in edits),
                   reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A workspace with an empty newslint.toml (so the repository's own configuration is not used) and the
    sample story."""
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    shutil.copy(SEED, tmp_path / "story.txt")
    return tmp_path


def where(d: types.Diagnostic) -> tuple[int, int, int, int, str | int | None]:
    return (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code)


def test_a_session_on_the_sample_story_from_open_to_exit(desk: Path):
    """Initialize, open the sample story, get its three errors at the right ranges, apply the quick fix for 'no'
    -> 'on', change the text and see the diagnostics follow, shut down and exit with 0."""
    async def session() -> None:
        s = Session()
        init = await s.start(desk)
        capabilities = init.capabilities
        assert capabilities.hover_provider and capabilities.code_action_provider
        assert init.server_info.name == "newslint"
        uri = s.open(desk / "story.txt")
        found = await s.diagnostics(uri, 1)
        # 12:19 NL201 'no', 23:62 NL301 'Koran', 26:1 NL401 'TAGS:' (1-based lines and columns; LSP is 0-based)
        assert [where(d) for d in found] == [(11, 18, 11, 20, "NL201"), (22, 61, 22, 66, "NL301"),
                                             (25, 0, 25, 5, "NL401")]
        assert {d.severity for d in found} == {types.DiagnosticSeverity.Error}
        assert {d.source for d in found} == {"newslint"}
        assert found[0].code_description is not None and found[0].code_description.href.endswith("NL201.md")

        actions = await s.client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), found[0].range, types.CodeActionContext([found[0]])))
        titles = [a.title for a in actions]
        assert "Replace with 'on' (NL201)" in titles and "Disable NL201 for this line" in titles
        quick_fix = next(a for a in actions if a.title == "Replace with 'on' (NL201)")
        assert quick_fix.kind == types.CodeActionKind.QuickFix and not quick_fix.is_preferred  # unsafe: a guess
        text = (desk / "story.txt").read_text(encoding="utf-8")
        fixed = apply(text, quick_fix.edit.changes[uri])
        assert "Trump’s point man on North Korea" in fixed

        s.change(uri, fixed, 2)
        assert [d.code for d in await s.diagnostics(uri, 2)] == ["NL301", "NL401"]
        s.change(uri, fixed.replace("TAGS:", "TAGS: North Korea"), 3)
        assert [d.code for d in await s.diagnostics(uri, 3)] == ["NL301"]
        assert await s.stop() == 0

    run(session())


def test_a_burst_of_changes_publishes_the_latest_text(desk: Path):
    async def session() -> None:
        s = Session()
        await s.start(desk)
        uri = s.open(desk / "story.txt")
        await s.diagnostics(uri, 1)
        text = (desk / "story.txt").read_text(encoding="utf-8")
        for version in range(2, 12):  # faster than the debounce: only the last is sure to be linted
            s.change(uri, text.replace("point man no", "point man on") if version == 11 else text + " " * version,
                      version)
        assert [d.code for d in await s.diagnostics(uri, 11)] == ["NL301", "NL401"]
        await asyncio.sleep(0.3)  # nothing older arrives after it
        assert s.published[uri][-1].version == 11
        assert await s.stop() == 0

    run(session())


def test_markdown_hover_fix_all_and_disable(desk: Path):
    """A Markdown story: hover shows the rule's documentation; 'fix all' applies the safe fixes; 'disable this
    rule here' inserts the directive, after which the rule says nothing there."""
    story = "# Talks resume\n\nThe the talks resumed on Tuesday.\n\nThe envoy said said little.\n"

    async def session() -> None:
        s = Session()
        await s.start(desk)
        uri = s.open(desk / "brief.md", story, "markdown")
        found = await s.diagnostics(uri, 1)
        assert [d.code for d in found] == ["NL501", "NL501"]
        hover = await s.client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri), found[1].range.start))
        assert "**NL501**" in hover.contents.value and "What it does" in hover.contents.value
        assert hover.range == found[1].range

        actions = await s.client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), found[1].range, types.CodeActionContext([found[1]])))
        preferred = [a for a in actions if a.is_preferred]
        assert len(preferred) == 1 and preferred[0].kind == types.CodeActionKind.QuickFix  # a safe fix
        fix_all = next(a for a in actions if a.kind == "source.fixAll.newslint")
        assert apply(story, fix_all.edit.changes[uri]) == ("# Talks resume\n\nThe talks resumed on Tuesday.\n\n"
                                                             "The envoy said little.\n")
        only = await s.client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), found[1].range,
            types.CodeActionContext([], only=[types.CodeActionKind.SourceFixAll])))
        assert [a.kind for a in only] == ["source.fixAll.newslint"]

        disable = next(a for a in actions if a.title == "Disable NL501 for this line")
        disabled = apply(story, disable.edit.changes[uri])
        assert "<!-- newslint-disable-next-line NL501 -->\nThe envoy said said little." in disabled
        s.change(uri, disabled, 2)
        assert [where(d)[0] for d in await s.diagnostics(uri, 2)] == [2]  # only the first line's is left
        assert await s.stop() == 0

    run(session())


def test_a_broken_configuration_is_one_diagnostic_on_it_and_a_fix_brings_the_story_back(desk: Path):
    config = desk / "newslint.toml"
    config.write_text('dialect = "en-GB"\nselect = ["NL5O1"]\n', encoding="utf-8")

    async def session() -> None:
        s = Session()
        await s.start(desk)
        uri = s.open(desk / "story.txt")
        assert await s.diagnostics(uri, 1) == []
        (problem,) = await s.diagnostics(config.as_uri())
        assert problem.range.start.line == 1 and "NL5O1" in problem.message and "NL501" in problem.message
        config.write_text('dialect = "en-GB"\nselect = ["NL4"]\n', encoding="utf-8")
        s.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]))
        s.change(uri, (desk / "story.txt").read_text(encoding="utf-8"), 2)
        assert [d.code for d in await s.diagnostics(uri, 2)] == ["NL401"]  # the new select applies
        assert await s.diagnostics(config.as_uri()) == []  # the problem is taken down
        assert await s.stop() == 0

    run(session())


def test_the_configuration_is_found_as_the_command_line_finds_it_and_reloaded_when_it_changes(desk: Path):
    desk_folder = desk / "sport"
    desk_folder.mkdir()
    (desk_folder / "newslint.toml").write_text('ignore = ["NL2"]\n', encoding="utf-8")
    shutil.copy(SEED, desk_folder / "story.txt")

    async def session() -> None:
        s = Session()
        await s.start(desk)
        uri = s.open(desk_folder / "story.txt")
        assert [d.code for d in await s.diagnostics(uri, 1)] == ["NL301", "NL401"]
        (desk_folder / "newslint.toml").write_text('ignore = ["NL2", "NL4"]\n', encoding="utf-8")
        s.client.text_document_did_save(types.DidSaveTextDocumentParams(
            types.TextDocumentIdentifier((desk_folder / "newslint.toml").as_uri())))
        async def until_reloaded() -> None:
            while [d.code for d in s.published[uri][-1].diagnostics] != ["NL301"]:
                s.changed.clear()
                await s.changed.wait()
        await asyncio.wait_for(until_reloaded(), TIMEOUT)
        assert await s.stop() == 0

    run(session())


def test_the_docs_url_option_sets_each_diagnostics_link(desk: Path):
    async def session() -> None:
        s = Session()
        await s.start(desk, "--docs-url", "https://newsroom.example/newslint/rules/")
        uri = s.open(desk / "story.txt")
        found = await s.diagnostics(uri, 1)
        assert found[0].code_description.href == "https://newsroom.example/newslint/rules/NL201.md"
        assert await s.stop() == 0

    run(session())
