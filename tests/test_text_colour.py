"""Colour in text output: only on a terminal or when forced, never with NO_COLOR; the words are the same."""

from __future__ import annotations

import re

from conftest import run_cli

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_forced_colour_styles_the_same_text(story, monkeypatch):
    path = story("Officials met on the the border.\n")
    plain = run_cli(str(path)).out
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run_cli(str(path)).out
    assert "\x1b[1;31m" in coloured  # the error code and span in bold red
    assert ANSI.sub("", coloured) == plain
    monkeypatch.setenv("NO_COLOR", "1")
    assert run_cli(str(path)).out == plain


def test_piped_output_has_no_colour(story):
    assert "\x1b[" not in run_cli(str(story("Officials met on the the border.\n"))).out
