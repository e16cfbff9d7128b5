"""The documentation stays true: the rule pages match the rules, every relative link leads somewhere, and the
README's set-up and test commands are the ones CI runs."""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT
from markdown_it import MarkdownIt

BUILD_SCRIPT = ROOT / "scripts" / "build_rule_docs.py"
RULE_PAGES = ROOT / "docs" / "rules"
REGENERATE = ".venv/bin/python scripts/build_rule_docs.py"
MARKDOWN = MarkdownIt("commonmark").enable("table")


def markdown_files() -> list[Path]:
    return [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").rglob("*.md"))]


def script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_rule_docs():
    return script("build_rule_docs")


def test_each_heuristic_rules_page_lists_its_current_steps_and_records():
    from newslint.engine.explain import Step

    build = script("build_heuristics_docs")
    stale = [code for code in build.RULES if (ROOT / "docs" / "heuristics" / f"{code}.md").read_text(
        encoding="utf-8") != build.page(code)]
    assert stale == [], f"docs/heuristics/ is out of date for {stale}: run `.venv/bin/python " \
                        "scripts/build_heuristics_docs.py`"
    steps_with_a_page = {step.code for code in build.RULES for name in build.RULES[code]
                         for step in getattr(importlib.import_module(name), "STEPS", ()) if isinstance(step, Step)}
    assert steps_with_a_page >= {"NL101", "NL201", "NL301"}


def test_rule_pages_are_up_to_date():
    expected = build_rule_docs().build()
    committed = {path.name: path.read_text(encoding="utf-8") for path in RULE_PAGES.glob("*.md")}
    missing = sorted(set(expected) - set(committed))
    extra = sorted(set(committed) - set(expected))
    stale = sorted(name for name in set(expected) & set(committed) if expected[name] != committed[name])
    assert (missing, extra, stale) == ([], [], []), (
        f"docs/rules/ is out of date (missing {missing}, not a rule {extra}, stale {stale}): run `{REGENERATE}`")


def test_every_rule_has_a_page_that_newslint_rule_agrees_with():
    from newslint.engine.registry import builtin_rules

    index = (RULE_PAGES / "README.md").read_text(encoding="utf-8")
    for rule in builtin_rules():
        page = (RULE_PAGES / f"{rule.code}.md").read_text(encoding="utf-8")
        assert page.splitlines()[2] == f"# {rule.code} {rule.name}"
        assert f"[{rule.code}]({rule.code}.md)" in index
        assert f"`newslint rule {rule.code}`" in page


def headings(path: Path) -> set[str]:
    """GitHub's anchors for a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens, a
    repeated one numbered."""
    tokens = MARKDOWN.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for opening, inline in zip(tokens, tokens[1:]):
        if opening.type == "heading_open":
            text = "".join(child.content for child in inline.children or [] if child.type in ("text", "code_inline"))
            slug = re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")
            anchor, n = slug, 0
            while anchor in found:
                n += 1
                anchor = f"{slug}-{n}"
            found.add(anchor)
    return found


def links(path: Path) -> list[str]:
    """The targets of a Markdown file's links and images (not what code blocks or code spans show)."""
    targets = []
    for token in MARKDOWN.parse(path.read_text(encoding="utf-8")):
        for child in token.children or []:
            if child.type == "link_open":
                targets.append(child.attrs["href"])
            elif child.type == "image":
                targets.append(child.attrs["src"])
    return targets


@pytest.mark.parametrize("path", markdown_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_relative_links_point_at_files_that_exist(path: Path):
    broken = []
    for target in links(path):
        parts = urlsplit(target)
        if parts.scheme or parts.netloc:  # https:, mailto: ... are not checked here
            continue
        linked = (path.parent / unquote(parts.path)).resolve() if parts.path else path
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif parts.fragment and linked.suffix == ".md" and parts.fragment not in headings(linked):
            broken.append(f"{target}: no heading #{parts.fragment} in {linked.relative_to(ROOT)}")
    assert broken == [], f"{path.relative_to(ROOT)}: broken links"


def test_every_docs_page_is_linked_from_somewhere():
    linked = {(page.parent / urlsplit(target).path).resolve()
              for page in markdown_files() for target in links(page) if not urlsplit(target).scheme}
    orphans = [str(page.relative_to(ROOT)) for page in markdown_files()[2:] if page.resolve() not in linked]
    assert orphans == []


def readme_quickstart() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.index("<!-- quickstart:start -->") < 400, "the quick start must stay at the top of the README"
    quickstart = readme.split("<!-- quickstart:start -->")[1].split("<!-- quickstart:end -->")[0]
    return re.findall(r"^```sh\n(.*?)^```", quickstart, re.S | re.M)


def test_readme_opens_with_the_set_up_and_the_test_command_ci_runs():
    set_up, tests, *_ = readme_quickstart()
    ci = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line and not line.startswith("#")]
    assert tests.strip() == ci[-1], "the README's test command is the one .ci/run runs"
    steps = [shlex.split(step) for step in set_up.strip().split(" && ")]
    assert steps[0] == ["python3", "-m", "venv", ".venv"] and "python3 -m venv .venv" in ci
    assert steps[1] == [".venv/bin/pip", "install", "-e", ".[test]"] and any("install --quiet -e '.[test]'" in line
                                                                                  for line in ci)
    assert steps[2][0] == ".venv/bin/newslint" and (ROOT / steps[2][1]).is_file()
