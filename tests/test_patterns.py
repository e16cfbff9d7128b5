"""LazyPattern: a regular expression compiled when first used, that answers as the compiled pattern does."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from newslint.document.patterns import LazyPattern

ROOT = Path(__file__).resolve().parent.parent


def test_a_lazy_pattern_is_not_compiled_until_used(monkeypatch):
    compiled = []
    real_compile = re.compile
    monkeypatch.setattr(re, "compile", lambda *args: compiled.append(args) or real_compile(*args))
    pattern = LazyPattern(r"(?P<word>\w+)-(\w+)", re.ASCII)
    assert compiled == []
    assert pattern.search("a well-known fact").group("word") == "well"
    assert compiled == [(r"(?P<word>\w+)-(\w+)", re.ASCII)]
    assert [m.span() for m in pattern.finditer("pre-war, post-war", 3)] == [(9, 17)]
    assert len(compiled) == 1  # the method used is bound to the compiled pattern from then on


def test_a_lazy_pattern_answers_as_the_compiled_pattern_does():
    source, flags = r"^ {0,3}\[", re.MULTILINE
    lazy, eager = LazyPattern(source, flags), re.compile(source, flags)
    text = "a\n [x]: y\n    [z]\n["
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.sub("<", text) == eager.sub("<", text)
    assert (lazy.pattern, lazy.flags, lazy.groups) == (eager.pattern, eager.flags, eager.groups)
    assert LazyPattern(rb"[^\n]*\n").findall(b"one\ntwo\n") == [b"one\n", b"two\n"]


def test_linting_a_plain_story_compiles_no_markdown_or_suppression_pattern():
    """The sample story has no Markdown, tag or suppression comment: the patterns only those need stay uncompiled."""
    code = ("import sys\nfrom newslint.cli import main\nmain(['seeds/000_3cffd693bd966c30.txt'])\n"
            "from newslint.document import document, layout\nfrom newslint.engine import suppression\n"
            "from newslint.rules import unclosed_tag\n"
            "lazy = [document.MARKDOWN_ITALIC_RE, document.HTML_ITALIC_RE, layout.LINK_TARGET_RE,\n"
            "        suppression.DIRECTIVE_RE, unclosed_tag.TAG_RE]\n"
            "print(sum(\"_compiled\" in vars(p) for p in lazy), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-P", "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.stderr.strip().splitlines()[-1] == "0"
