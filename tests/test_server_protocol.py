"""The server speaks JSON-RPC as the protocol says, to a client written here from the specification alone (no
pygls): malformed messages and requests get protocol errors, never a dead server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from queue import Empty, Queue

import pytest
from conftest import ROOT, SEED

TIMEOUT = 30


class RawClient:
    """Content-Length framed JSON-RPC over a subprocess's stdin and stdout."""

    def __init__(self, cwd: Path):
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        self.process = subprocess.Popen([sys.executable, "-m", "newslint", "server"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
        self.inbox: Queue[dict] = Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if not headers:
                return
            self.inbox.put(json.loads(stream.read(int(headers["content-length"]))))

    def send_bytes(self, body: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send(self, message: dict) -> None:
        self.send_bytes(json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8"))

    def request(self, method: str, params: object = None) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, **({"params": params} if params is not None else {})})
        return self.response(self.next_id)

    def notify(self, method: str, params: object) -> None:
        self.send({"method": method, "params": params})

    def response(self, id_: int | None) -> dict:
        return self.wait(lambda m: "method" not in m and m.get("id") == id_)

    def wait(self, wanted) -> dict:
        deadline = time.monotonic() + TIMEOUT
        kept = []
        try:
            while True:
                message = self.inbox.get(timeout=max(0.01, deadline - time.monotonic()))
                if wanted(message):
                    return message
                kept.append(message)
        except Empty:
            raise AssertionError(f"no such message; got {kept}") from None
        finally:
            for message in kept:
                self.inbox.put(message)

    def diagnostics(self, uri: str, version: int) -> list[dict]:
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version)["params"]["diagnostics"]


@pytest.fixture
def server(tmp_path: Path):
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    client = RawClient(tmp_path)
    init = client.request("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}})
    assert init["result"]["serverInfo"]["name"] == "newslint"
    client.notify("initialized", {})
    yield client
    if client.process.poll() is None:
        client.process.kill()
    client.process.wait()


def test_the_sample_story_and_its_quick_fix_over_plain_json_rpc(server: RawClient, tmp_path: Path):
    uri = (tmp_path / "story.txt").as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                            "text": SEED.read_text(encoding="utf-8")}})
    found = server.diagnostics(uri, 1)
    assert [(d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1, d["code"]) for d in found] == [
        (12, 19, "NL201"), (23, 62, "NL301"), (26, 1, "NL401")]
    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": found[0]["range"], "context": {"diagnostics": [found[0]]}})["result"]
    fix = next(a for a in actions if a["title"] == "Replace with 'on' (NL201)")
    assert fix["edit"]["changes"][uri] == [{"range": found[0]["range"], "newText": "on"}]
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})  # linted again on save
    assert [d["code"] for d in server.diagnostics(uri, 1)] == ["NL201", "NL301", "NL401"]
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})  # closed: its diagnostics cleared
    assert server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")["params"]["diagnostics"] == []
    assert server.request("shutdown")["result"] is None
    server.notify("exit", None)
    assert server.process.wait(TIMEOUT) == 0


def test_malformed_messages_get_protocol_errors_and_the_server_lives_on(server: RawClient, tmp_path: Path):
    uri = (tmp_path / "story.txt").as_uri()
    unknown = server.request("newslint/noSuchMethod", {})
    assert unknown["error"]["code"] == -32601  # method not found
    missing = server.request("textDocument/hover", {"position": {"line": 0, "character": 0}})
    assert missing["error"]["code"] in (-32602, -32600, -32603)  # invalid params: no textDocument
    wrong_type = server.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": "everything",
                                                            "context": {"diagnostics": []}})
    assert "error" in wrong_type
    server.send_bytes(b"{this is not json")  # a parse error, answered with id null
    assert server.response(None)["error"]["code"] == -32700
    server.send({"id": 99, "method": "textDocument/hover"})  # no params at all
    assert "error" in server.response(99)
    not_open = server.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": 0, "character": 0}})
    assert not_open["result"] is None
    server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5},  # never opened
                                             "contentChanges": [{"text": "x"}]})

    # still serving: a story opened now is linted, and a position far past its end is answered
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                            "text": "Talks resume\n\nThe the talks resumed.\n"}})
    assert [d["code"] for d in server.diagnostics(uri, 1)] == ["NL501"]
    far = server.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                "position": {"line": 900, "character": 900}})
    assert far["result"] is None
    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 2, "character": 5}})
    assert "NL501" in hover["result"]["contents"]["value"]
    assert server.request("shutdown")["result"] is None
    server.notify("exit", None)
    assert server.process.wait(TIMEOUT) == 0


def test_exit_without_shutdown_is_exit_code_1(server: RawClient):
    server.notify("exit", None)
    assert server.process.wait(TIMEOUT) == 1


def test_the_server_stops_when_the_editor_goes_away(server: RawClient):
    assert server.process.stdin is not None
    server.process.stdin.close()
    assert server.process.wait(TIMEOUT) is not None
