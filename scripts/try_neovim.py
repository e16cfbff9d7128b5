"""Try docs/editors.md's Neovim set-up for real: Neovim headless, with the page's snippet, opens the sample story,
must see its three errors at the right places, applies the quick fix for line 12 and sees two left.

    apt-get install neovim && .venv/bin/python scripts/try_neovim.py

Tried on Neovim 0.7.2 (Debian 12), with stand-ins for the vim.lsp.start and vim.fs of 0.8 and later."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3cffd693bd966c30.txt"
PAGE = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")


def section_blocks(title: str, language: str) -> list[str]:
    section = PAGE.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", section, re.S)


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


def try_neovim(tmp_path: Path) -> None:
    """Neovim headless with the page's snippet: the sample story's three errors, and the quick fix for line 12."""
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


def main() -> None:
    if shutil.which("nvim") is None:
        sys.exit("Neovim is not installed: apt-get install neovim")
    with tempfile.TemporaryDirectory() as folder:
        try_neovim(Path(folder))
    print("Neovim: the three errors at their places; the quick fix for line 12 applied; two left")


if __name__ == "__main__":
    main()
