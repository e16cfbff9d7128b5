"""`newslint server` on the command line: routed by the CLI, its options, and a clear message without the lsp
extra. The command line itself never imports the server's dependencies."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, SEED

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=ENV,
                          stdin=subprocess.DEVNULL, timeout=60)


def test_without_the_lsp_extra_the_server_says_what_to_install_and_exits_2():
    result = run("import sys; sys.modules['pygls'] = None\nfrom newslint.cli import main\nsys.exit(main(['server']))")
    assert result.returncode == 2
    assert result.stderr == ("newslint: server: pygls is not installed; install the lsp extra: "
                             "pip install 'newslint[lsp]'\n")


def test_server_help_and_the_stdio_flag_editors_pass(cli):
    result = subprocess.run([sys.executable, "-m", "newslint", "server", "--help"], capture_output=True, text=True,
                            cwd=ROOT, env=ENV, timeout=60)
    assert result.returncode == 0 and "--stdio" in result.stdout and "newslint[lsp]" in result.stdout


def test_linting_from_the_command_line_imports_neither_pygls_nor_the_server_nor_the_api():
    code = (f"import sys\nfrom newslint.cli import main\nmain([{str(SEED)!r}])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'cattrs') "
            "or m.startswith(('newslint.server', 'newslint.api'))), file=sys.stderr)")
    assert run(code).stderr.strip() == "[]"
