"""docs/editors.md's set-ups, each tried as far as this machine allows: Neovim headless for real (when installed),
the VS Code, Helix and Zed snippets parsed and checked against the server's command and settings."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT, SEED

PAGE = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", PAGE, re.S)


def section(title: str) -> str:
    return PAGE.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def section_blocks(title: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", section(title), re.S)


def test_vs_code_settings_are_json_and_start_the_server():
    (settings,) = section_blocks("VS Code", "json")
    data = json.loads(settings)
    assert [data["glspc.server.command"], *data["glspc.server.commandArguments"]] == ["newslint", "server"]
    assert set(data["glspc.server.languageId"]) == {"markdown", "plaintext"}
    assert set(data["glspc.server.initializationOptions"]) <= {"docsUrl", "debounceMs"}
    assert "source.fixAll.newslint" in data["[markdown]"]["editor.codeActionsOnSave"]


def test_helix_languages_toml_parses_and_starts_the_server():
    (languages,) = section_blocks("Helix", "toml")
    data = tomllib.loads(languages)
    server = data["language-server"]["newslint"]
    assert [server["command"], *server["args"]] == ["newslint", "server"]
    assert set(server["config"]) <= {"docsUrl", "debounceMs"}
    assert all("newslint" in language["language-servers"] for language in data["language"])
    assert {"scope", "file-types"} <= set(data["language"][1])


def test_zed_extension_and_settings_parse_and_name_the_same_server():
    (extension,) = section_blocks("Zed", "toml")
    (settings,) = section_blocks("Zed", "json")
    (rust,) = section_blocks("Zed", "rust")
    manifest = tomllib.loads(extension)
    assert {"id", "name", "version", "schema_version"} <= set(manifest)
    assert manifest["language_servers"]["newslint"]["languages"] == ["Markdown", "Plain Text"]
    data = json.loads(settings)
    assert all("newslint" in language["language_servers"] for language in data["languages"].values())
    assert set(data["lsp"]["newslint"]["initialization_options"]) <= {"docsUrl", "debounceMs"}
    assert 'which("newslint")' in rust and 'vec!["server".into()]' in rust


def test_the_options_the_page_names_are_the_servers():
    out = subprocess.run([sys.executable, "-m", "newslint", "server", "--help"], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True).stdout
    for option in ("--docs-url", "--debounce", "--log-file"):
        assert option in out and option in section("Settings")


# -- Neovim, for real --------------------------------------------------------------------------------------

# Neovim 0.7 (Debian 12's) has neither vim.lsp.start nor vim.fs, which the page's snippet (for 0.8+) uses: small
# stand-ins, used only where they are missing.
STAND_INS = """
if not vim.fs then
  vim.fs = {}
  function vim.fs.dirname(path) return vim.fn.fnamemodify(path, ":h") end
  function vim.fs.find(names, opts)
    local dir = opts.path
    while true do
      for _, name in ipairs(names) do
        local candidate = dir .. "/" .. name
        if vim.loop.fs_stat(candidate) then return { candidate } end
      end
      local parent = vim.fn.fnamemodify(dir, ":h")
      if parent == dir then return {} end
      dir = parent
    end
  end
end
if not vim.lsp.start then
  function vim.lsp.start(config)
    local id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(0, id)
    return id
  end
end
"""

# Open the story, wait for its diagnostics, ask for the code actions on line 12, apply the quick fix for 'no' ->
# 'on' as Neovim applies a workspace edit, and wait for the diagnostics to follow; write what happened as JSON.
DRIVE = """
local out = { before = {}, after = {}, titles = {} }
local function lsp_diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    local text = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1] or ""
    local _, utf16 = vim.str_utfindex(text, d.col)  -- Neovim counts bytes; the protocol, UTF-16 units
    local start = lsp.range and lsp.range.start or { line = d.lnum, character = utf16 }
    table.insert(found, { line = start.line, character = start.character, code = lsp.code or d.code })
  end
  return found
end
vim.cmd("edit story.txt")
vim.wait(30000, function() return #vim.diagnostic.get(0) >= 3 end, 50)
out.before = lsp_diagnostics()
local client = vim.lsp.get_active_clients()[1]
out.client = client and client.name or ""
local params = {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  range = { start = { line = 11, character = 18 }, ["end"] = { line = 11, character = 20 } },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics and vim.lsp.diagnostic.get_line_diagnostics(0, 11) or {} },
}
local responses = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000) or {}
for _, response in pairs(responses) do
  for _, action in ipairs(response.result or {}) do
    table.insert(out.titles, action.title)
    if action.title == "Replace with 'on' (NL201)" then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
    end
  end
end
out.line12 = vim.api.nvim_buf_get_lines(0, 11, 12, false)[1]
vim.wait(10000, function() return #vim.diagnostic.get(0) == 2 end, 50)
out.after = lsp_diagnostics()
local file = io.open("result.json", "w")
file:write(vim.fn.json_encode(out))
file:close()
vim.cmd("qa!")
"""


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed (apt-get install neovim)")
def test_neovim_headless_with_the_pages_snippet_shows_the_errors_and_applies_the_quick_fix(tmp_path):
    pytest.importorskip("pygls")
    snippet = section_blocks("Neovim", "lua")[0]
    assert "vim.lsp.start(" in snippet
    (tmp_path / "init.lua").write_text(STAND_INS + snippet, encoding="utf-8")
    (tmp_path / "drive.lua").write_text(DRIVE, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    shutil.copy(SEED, tmp_path / "story.txt")
    bin_dir = tmp_path / "bin"  # `newslint` on the PATH, as the snippet expects: this checkout's
    bin_dir.mkdir()
    (bin_dir / "newslint").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newslint "$@"\n', encoding="utf-8")
    (bin_dir / "newslint").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path)}
    subprocess.run(["nvim", "--headless", "-n", "-i", "NONE", "-u", "init.lua", "-c", "luafile drive.lua"],
                   cwd=tmp_path, env=env, timeout=120, check=True, stdin=subprocess.DEVNULL,
                   capture_output=True)
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert result["client"] == "newslint"
    assert [(d["line"], d["character"], d["code"]) for d in result["before"]] == [
        (11, 18, "NL201"), (22, 61, "NL301"), (25, 0, "NL401")]
    assert "Replace with 'on' (NL201)" in result["titles"] and "Disable NL201 for this line" in result["titles"]
    assert "Trump’s point man on North Korea" in result["line12"]
    assert [d["code"] for d in result["after"]] == ["NL301", "NL401"]
