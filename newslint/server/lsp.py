"""The Language Server Protocol over stdio, with pygls: documents in, diagnostics, code actions and hovers out.

Linting runs on one worker thread, so the protocol keeps answering while a story is linted. A change after a pause
of at least `debounce` seconds is linted at once; a change that follows another sooner (a fast typist, a paste, a
multi-cursor edit) waits `debounce` seconds for the next one, which cancels the wait. The diagnostics of text that
has changed since are never published: the latest text wins."""

from __future__ import annotations

import asyncio
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from newslint import __version__
from newslint.server.core import FIX_ALL, SOURCE, Outcome, Settings, State, is_config_file

log = logging.getLogger("newslint.server")
CONFIG_GLOBS = ("**/newslint.toml", "**/.newslint.toml", "**/pyproject.toml")


class NewslintProtocol(LanguageServerProtocol):
    """pygls' protocol, answering a request whose parameters cannot be read with an error response (pygls only
    reports it in a message, and the client would wait for ever)."""

    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "method" in data and isinstance(data.get("id"), (int, str)):
                self._send_response(data["id"], error=exc.to_response_error())
                exc.answered = True  # type: ignore[attr-defined]
            raise


class NewslintServer(LanguageServer):
    def __init__(self, settings: Settings | None = None):
        super().__init__(SOURCE, f"v{__version__}", text_document_sync_kind=types.TextDocumentSyncKind.Full,
                         protocol_cls=NewslintProtocol)
        self.shut_down = False  # a shutdown request came before exit: the exit code is 0
        self.state = State(settings=settings or Settings())
        self.worker = ThreadPoolExecutor(1, thread_name_prefix="newslint-lint")
        self.pending: dict[str, asyncio.Task] = {}
        self.last_change: dict[str, float] = {}  # story -> when its last change came (the event loop's clock)
        self.blamed: dict[str, str] = {}  # story -> the configuration file whose problem stops its lint
        self.told: set[str] = set()  # configuration problems already shown in a message

    def report_server_error(self, error: Exception, source: Any) -> None:
        """A message that is not JSON gets a parse error (id null), as JSON-RPC says; a request already answered
        with an error is only logged; anything else is logged for the user to see."""
        if isinstance(error, json.JSONDecodeError):
            from lsprotocol.types import ResponseError

            self.protocol._send_response(None, error=ResponseError(-32700, f"Parse error: {error}"))  # type: ignore[arg-type]
            return
        if getattr(error, "answered", False) or getattr(error.__cause__, "answered", False):
            log.warning("answered a malformed request with an error: %s", error)
            return
        log.error("%s", error)
        self.window_log_message(types.LogMessageParams(types.MessageType.Error, f"newslint: {error}"))

    async def in_worker(self, function, *args) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self.worker, function, *args)

    # -- diagnostics -----------------------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint a story after delay seconds, cancelling the lint it was waiting for: the latest text wins."""
        if (waiting := self.pending.pop(uri, None)) is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            outcome = await self.in_worker(self._lint, uri)
        except asyncio.CancelledError:
            return
        if isinstance(outcome, Exception):
            self.window_log_message(types.LogMessageParams(
                types.MessageType.Error, f"newslint: internal error linting {uri} "
                                         f"({type(outcome).__name__}: {outcome}); please report it"))
            return
        if outcome is None:
            return
        document = self.state.documents.get(uri)
        if document is None or document.version != outcome.version:
            return  # closed, or changed since: its own lint is on the way
        self.publish(outcome)
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]

    def _lint(self, uri: str) -> Outcome | Exception | None:
        """On the worker thread: the story's outcome, or the exception a rule raised (told on the event loop)."""
        if uri not in self.state.documents:
            return None
        try:
            return self.state.lint(uri)
        except Exception as exc:  # noqa: BLE001 - one story's crash must not take the editor's linter down
            log.exception("linting %s", uri)
            return exc

    def publish(self, outcome: Outcome) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(outcome.uri, outcome.diagnostics, version=outcome.version))
        problem = outcome.config_problem
        blamed = self.blamed.pop(outcome.uri, None)
        if problem is not None:
            uri = from_fs_path(str(problem.path)) if problem.path else outcome.uri
            self.blamed[outcome.uri] = uri
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri, [problem.diagnostic], version=outcome.version if uri == outcome.uri else None))
            if problem.message not in self.told:
                self.told.add(problem.message)
                self.window_show_message(types.ShowMessageParams(types.MessageType.Warning,
                                                                 f"newslint: {problem.message}"))
        elif blamed is not None and blamed != outcome.uri and blamed not in self.blamed.values():
            self.clear_config_problems([blamed])

    def clear_config_problems(self, uris: list[str] | None = None) -> None:
        """Take down the diagnostics shown on configuration files (these, or all)."""
        for uri in set(self.blamed.values()) if uris is None else uris:
            if uri not in self.state.documents or uris is None:
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))
        if uris is None:
            self.blamed.clear()
        self.told.clear()

    def reload(self) -> None:
        """A configuration changed: read them all again and lint every open story."""
        self.worker.submit(self.state.reload)
        self.clear_config_problems()
        for uri in list(self.state.documents):
            self.schedule(uri)


def _path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    found = to_fs_path(uri)
    return Path(found) if found else None


def build(settings: Settings | None = None) -> NewslintServer:
    server = NewslintServer(settings)

    @server.feature(types.INITIALIZE)
    def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        if isinstance(options.get("docsUrl"), str) and options["docsUrl"]:
            ls.state.settings.docs_url = options["docsUrl"]
        if isinstance(options.get("debounceMs"), (int, float)) and options["debounceMs"] >= 0:
            ls.state.settings.debounce = options["debounceMs"] / 1000
        ls.state.settings.encoding = str(ls.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        root = ls.workspace.root_path
        ls.state.root = Path(root) if root else None

    @server.feature(types.INITIALIZED)
    async def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                [types.FileSystemWatcher(glob) for glob in CONFIG_GLOBS])
            try:
                await ls.client_register_capability_async(types.RegistrationParams(
                    [types.Registration("newslint-config", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)]))
            except Exception:  # noqa: BLE001 - a client that refuses still gets saves of open configuration files
                log.warning("the client would not watch the configuration files")

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        ls.state.open(item.uri, item.text, item.version, item.language_id, _path(item.uri))
        ls.schedule(item.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri not in ls.state.documents:
            return
        text = ls.workspace.get_text_document(uri).source  # full sync: the client sends the whole text
        ls.state.change(uri, text, params.text_document.version)
        debounce = ls.state.settings.debounce
        now = asyncio.get_running_loop().time()
        after_a_pause = now - ls.last_change.get(uri, float("-inf")) >= debounce
        ls.last_change[uri] = now
        ls.schedule(uri, 0.0 if after_a_pause else debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if is_config_file(uri):
            ls.reload()
        elif uri in ls.state.documents:
            ls.schedule(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if (waiting := ls.pending.pop(uri, None)) is not None:
            waiting.cancel()
        ls.last_change.pop(uri, None)
        if uri in ls.state.documents:
            ls.state.close(uri)
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(is_config_file(change.uri) for change in params.changes):
            ls.reload()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    async def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        if uri not in ls.state.documents:
            return None
        only = [str(kind) for kind in params.context.only] if params.context.only else None
        return await ls.in_worker(ls.state.code_actions, uri, params.range, only)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        if uri not in ls.state.documents:
            return None
        return await ls.in_worker(ls.state.hover, uri, params.position)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: NewslintServer, params: None) -> None:
        ls.shut_down = True
        for task in ls.pending.values():
            task.cancel()
        ls.pending.clear()

    return server
