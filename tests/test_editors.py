"""docs/editors.md's set-ups: the VS Code, Helix and Zed snippets parsed and checked against the server's command and
settings. Neovim's is tried for real by scripts/try_neovim.py, which needs Neovim installed (apt-get install neovim),
so it is no part of this suite."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib

from conftest import ROOT

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
