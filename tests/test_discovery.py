"""Which files a run lints: folders walked in order, exclude patterns as .gitignore reads them, and, inside a git
work tree, what git ignores (.gitignore files, .git/info/exclude, the global excludes file)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from newslint.engine.config import Config, Origin, Pattern, Patterns
from newslint.engine.discovery import git_dir, work_tree
from newslint.engine.run import Run, real_paths

DOUBLED = "Storm hits coast\n\nThe storm hit the the coast on Monday.\n"


def linted(cli, *args: str) -> list[str]:
    """The files a run reports on, in report order (each file here has one problem)."""
    result = cli("--format", "concise", "--select", "NL501", *args)
    assert result.code in (0, 1), result.out + result.err
    return [line.split(":")[0] for line in result.out.splitlines()]


@pytest.fixture
def home(tmp_path_factory, monkeypatch) -> Path:
    """A home folder of our own, so that the user's git configuration and global excludes stay out of the tests."""
    folder = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    return folder


@pytest.fixture
def repo(tree, tmp_path, home):
    """tmp_path as a git work tree (the current folder), with an empty newslint.toml."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    tree("newslint.toml", "")
    return tree


NEWSROOM = {
    ".gitignore": "archive/\n*.draft.md\n!keep.draft.md\n",
    ".git/info/exclude": "# this clone's own\nprivate/\n",
    "desk/.gitignore": "notes.txt\n",
    "story.txt": DOUBLED,
    "notes.txt": DOUBLED,  # the desk's .gitignore applies below the desk only
    "archive/old.txt": DOUBLED,
    "desk/a.draft.md": DOUBLED,
    "desk/keep.draft.md": DOUBLED,  # taken back by the negation
    "desk/notes.txt": DOUBLED,
    "desk/politics/notes.txt": DOUBLED,  # a pattern without a slash matches at any depth below its file
    "desk/politics/vote.txt": DOUBLED,
    "private/p.txt": DOUBLED,
    "wires/x.tmp.txt": DOUBLED,  # the global excludes file
    "wires/y.txt": DOUBLED,
}
KEPT = ["notes.txt", "story.txt", "desk/keep.draft.md", "desk/politics/vote.txt", "wires/y.txt"]


def write_newsroom(write) -> None:
    for name, text in NEWSROOM.items():
        write(name, text)


# -- git ---------------------------------------------------------------------------------------------------------
def test_git_ignores_are_honoured_inside_a_work_tree(cli, repo, home):
    write_newsroom(repo)
    (home / ".config" / "git").mkdir(parents=True)
    (home / ".config" / "git" / "ignore").write_text("*.tmp.txt\n", encoding="utf-8")
    assert Run().files(["."]) == (KEPT, [])
    assert linted(cli, ".") == KEPT


def test_no_respect_gitignore_lints_everything(cli, repo, home):
    write_newsroom(repo)
    everything = ["notes.txt", "story.txt", "archive/old.txt", "desk/a.draft.md", "desk/keep.draft.md",
                  "desk/notes.txt", "desk/politics/notes.txt", "desk/politics/vote.txt", "private/p.txt",
                  "wires/x.tmp.txt", "wires/y.txt"]
    assert Run(overrides={"respect_gitignore": False}).files(["."])[0] == everything
    repo("newslint.toml", "respect-gitignore = false\n")
    assert linted(cli, ".") == everything
    repo("newslint.toml", "")
    assert linted(cli, "--no-respect-gitignore", ".") == everything


def test_core_excludes_file_from_git_config(cli, repo, home, tmp_path, monkeypatch):
    write_newsroom(repo)
    (home / ".config" / "git").mkdir(parents=True)
    (home / ".config" / "git" / "ignore").write_text("story.txt\n", encoding="utf-8")  # not read: git names another
    (home / "my-ignores").write_text("*.tmp.txt\n", encoding="utf-8")
    (home / "gitconfig").write_text("[core]\n\texcludesFile = ~/my-ignores\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    assert linted(cli, ".") == KEPT


def test_a_walk_below_the_top_of_the_work_tree_uses_the_ignore_files_above_it(cli, repo):
    write_newsroom(repo)
    assert linted(cli, "desk") == ["desk/keep.draft.md", "desk/politics/vote.txt"]
    assert linted(cli, "desk/politics") == ["desk/politics/vote.txt"]


def test_a_file_named_explicitly_is_linted_though_git_ignores_it(cli, repo):
    write_newsroom(repo)
    assert linted(cli, "archive/old.txt", "desk/a.draft.md") == ["archive/old.txt", "desk/a.draft.md"]
    assert linted(cli, "archive") == ["archive/old.txt"]  # a folder named explicitly too


def test_outside_a_work_tree_gitignore_files_mean_nothing(cli, tree, home):
    tree("newslint.toml", "")
    tree(".gitignore", "*.txt\n")
    tree("story.txt", DOUBLED)
    assert linted(cli, ".") == ["story.txt"]


def test_a_work_tree_nested_in_a_walk_has_its_own_ignores(cli, tree, tmp_path, home):
    tree("newslint.toml", "")
    tree("outside.txt", DOUBLED)
    tree(".gitignore", "*.txt\n")  # no work tree here: means nothing
    subprocess.run(["git", "init", "-q", str(tmp_path / "desk")], check=True)
    tree("desk/.gitignore", "old/\n")
    tree("desk/old/a.txt", DOUBLED)
    tree("desk/b.txt", DOUBLED)
    assert linted(cli, ".") == ["outside.txt", "desk/b.txt"]


def test_work_tree_and_git_dir(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path / "main")], check=True)
    (tmp_path / "main" / "sub").mkdir()
    assert work_tree(str(tmp_path / "main" / "sub")) == str(tmp_path / "main")
    assert git_dir(str(tmp_path / "main")) == str(tmp_path / "main" / ".git")
    (tmp_path / "linked").mkdir()  # a linked work tree: .git is a file pointing into the main repository
    (tmp_path / "main" / ".git" / "worktrees" / "linked").mkdir(parents=True)
    (tmp_path / "main" / ".git" / "worktrees" / "linked" / "commondir").write_text("../..\n")
    (tmp_path / "linked" / ".git").write_text(f"gitdir: {tmp_path / 'main' / '.git' / 'worktrees' / 'linked'}\n")
    assert os.path.normpath(git_dir(str(tmp_path / "linked"))) == str(tmp_path / "main" / ".git")


# -- exclude patterns ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("patterns", "kept"), [
    (["archive/"], ["a.txt", "desk/archive.txt", "desk/b.txt"]),  # a folder at any depth (fnmatch matched none)
    (["/archive/"], ["a.txt", "desk/archive.txt", "desk/b.txt", "desk/archive/d.txt"]),  # only beside the config
    (["desk/*.txt"], ["a.txt", "archive/c.txt", "desk/archive/d.txt"]),  # * does not cross /
    (["desk/**/*.txt"], ["a.txt", "archive/c.txt"]),
    (["*.txt", "!b.txt"], ["desk/b.txt"]),
    (["archive"], ["a.txt", "desk/archive.txt", "desk/b.txt"]),
])
def test_exclude_patterns_read_as_gitignore_does(cli, tree, patterns, kept):
    for name in ("a.txt", "archive/c.txt", "desk/b.txt", "desk/archive.txt", "desk/archive/d.txt"):
        tree(name, DOUBLED)
    tree("newslint.toml", f"extend-exclude = {patterns!r}\n".replace("'", '"'))
    assert linted(cli, ".") == kept


def test_exclude_patterns_are_relative_to_their_config_file(cli, tree):
    tree("newslint.toml", 'extend-exclude = ["/old/"]\n')
    tree("desk/newslint.toml", 'extend-exclude = ["/spiked.txt"]\n')
    for name in ("old/a.txt", "desk/old/b.txt", "desk/spiked.txt", "spiked.txt"):
        tree(name, DOUBLED)
    assert linted(cli, ".") == ["spiked.txt", "desk/old/b.txt"]  # each folder under its nearest configuration


def test_a_file_named_explicitly_is_linted_unless_force_exclude(cli, tree):
    tree("newslint.toml", 'extend-exclude = ["archive/"]\n')
    tree("archive/2020/old.txt", DOUBLED)
    assert linted(cli, "archive/2020/old.txt") == ["archive/2020/old.txt"]
    assert linted(cli, "--force-exclude", "archive/2020/old.txt", "archive/2020") == []
    tree("newslint.toml", 'extend-exclude = ["archive/"]\nforce-exclude = true\n')
    result = cli("archive/2020/old.txt")
    assert (result.code, result.out) == (0, "All clear: 0 files checked.\n")


def test_force_exclude_applies_to_the_stdin_filename(cli, tree):
    tree("newslint.toml", 'extend-exclude = ["wires/"]\nforce-exclude = true\n')
    result = cli("--format", "concise", "--stdin-filename", "wires/agency.txt", "-", stdin=DOUBLED.encode())
    assert (result.code, result.out) == (0, "")


def test_files_lists_what_would_be_linted_and_the_problems(tree):
    tree("newslint.toml", "")
    for name in ("b.txt", "a.md", "sub/c.txt", "sub/notes.rst", "node_modules/x.md"):
        tree(name, DOUBLED)
    assert Run().files([".", "a.md", "gone.txt", "-"]) == (
        ["a.md", "b.txt", "sub/c.txt", "-"], ["gone.txt: no such file or directory"])


def test_show_files_on_the_command_line(cli, tree):
    tree("newslint.toml", 'extend-exclude = ["sub/"]\n')
    for name in ("b.txt", "a.md", "sub/c.txt"):
        tree(name, DOUBLED)
    result = cli("--show-files", ".")
    assert (result.code, result.out) == (0, "a.md\nb.txt\n")


# -- warnings: a pattern that matches nothing ----------------------------------------------------------------------
def test_a_pattern_that_matches_nothing_is_a_warning(cli, tree, tmp_path):
    config = tmp_path.resolve() / "newslint.toml"
    tree("newslint.toml", 'exclude = ["archive/", "spiked/"]\n[per-file-ignores]\n"wires/" = ["NL501"]\n'
                          '"*.md" = ["NL4"]\n')
    tree("archive/a.txt", DOUBLED)
    tree("story.txt", DOUBLED)
    result = cli("--format", "concise", ".")
    assert result.code == 1
    assert result.err == (f"newslint: warning: exclude pattern 'spiked/' (from {config}) matched no file\n"
                          f"newslint: warning: per-file-ignores pattern 'wires/' (from {config}) matched no file\n"
                          f"newslint: warning: per-file-ignores pattern '*.md' (from {config}) matched no file\n")
    run = Run()
    assert run.lint_paths(["."]).warnings == [line.removeprefix("newslint: warning: ")
                                              for line in result.err.splitlines()]


def test_no_pattern_warning_without_a_walk_over_the_config_folder(cli, tree):
    tree("newslint.toml", 'extend-exclude = ["spiked/"]\n[per-file-ignores]\n"wires/" = ["NL501"]\n')
    tree("desk/story.txt", DOUBLED)
    assert cli("desk/story.txt").err == ""  # one story: the patterns had no chance to match
    assert cli("desk").err == ""  # the patterns may match outside desk/
    assert "spiked/" in cli(".").err


def test_default_excludes_never_warn(cli, tree):
    tree("newslint.toml", "")
    tree("story.txt", DOUBLED)
    assert cli(".").err == ""


# -- the walk ------------------------------------------------------------------------------------------------------
def test_walk_order_links_and_duplicates(tree, tmp_path):
    tree("newslint.toml", "")
    for name in ("b.txt", "a/z.txt", "a.txt", "a/b/y.md", "c/x.markdown", "elsewhere/e.txt"):
        tree(name, DOUBLED)
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")  # a link to a folder is not followed
    (tmp_path / "alias.txt").symlink_to(tmp_path / "a.txt")  # a link to a file is linted, once
    files, errors = Run().files([".", "a.txt", "elsewhere"])
    assert files == ["a.txt", "b.txt", "a/z.txt", "a/b/y.md", "c/x.markdown", "elsewhere/e.txt"] and errors == []


def test_a_file_linked_from_another_folder_is_linted_once_where_first_met(tree, tmp_path):
    tree("newslint.toml", "")
    tree("a/story.txt", DOUBLED)
    tree("b/other.txt", DOUBLED)
    (tmp_path / "b" / "alias.txt").symlink_to(tmp_path / "a" / "story.txt")
    assert Run().files(["a", "b"]) == (["a/story.txt", "b/other.txt"], [])
    assert Run().files(["b", "a"]) == (["b/alias.txt", "b/other.txt"], [])


def test_a_walk_keeps_no_path_of_the_files_it_passed(tree):
    tree("newslint.toml", "")
    for name in ("desk/b.txt", "desk/a.txt", "desk/old/c.md"):
        tree(name, DOUBLED)
    run = Run()
    count, once = run._survey(["desk"], real_paths(["desk"]))
    entries = list(run._entries(["desk"], None, once))
    assert count == 3 and entries == [("file", "desk/a.txt", ""), ("file", "desk/b.txt", ""),
                                      ("file", "desk/old/c.md", "")]
    assert once.met == set()  # an archive of a million files holds none of them


# -- patterns, unit by unit ------------------------------------------------------------------------------------------
def patterns(*texts: str, folder: str = "/news") -> Patterns:
    return Patterns(Pattern(text, folder, Origin("exclude", Path(folder) / "newslint.toml")) for text in texts)


@pytest.mark.parametrize(("texts", "path", "is_dir", "expected"), [
    (("archive/",), "/news/desk/archive", True, True),
    (("archive/",), "/news/desk/archive", False, None),  # a folder pattern does not match a file
    (("archive",), "/news/desk/archive/old.txt", False, None),  # by itself, not through its folder
    (("/desk/*.md",), "/news/desk/a.md", False, True),
    (("/desk/*.md",), "/news/desk/sub/a.md", False, None),
    (("*.md", "!keep.md"), "/news/keep.md", False, False),
    (("*.md", "!keep.md"), "/news/x/y.md", False, True),
    (("**/old/*.md",), "/news/a/b/old/c.md", False, True),
    (("*.md",), "/elsewhere/c.md", False, True),  # outside its folder, a pattern without a slash still applies
    (("/desk/",), "/elsewhere/desk", True, None),  # and an anchored one does not
    (("node_modules", ".git"), "/elsewhere/node_modules", True, True),  # plain names: no pathspec needed
])
def test_patterns_decide(texts, path, is_dir, expected):
    assert patterns(*texts).decide(path, is_dir) == expected


def test_patterns_through_parents():
    archive = patterns("archive/")
    assert archive.excludes("/news/archive/2020/old.txt", is_dir=False, with_parents=True)
    assert not archive.excludes("/news/archive/2020/old.txt", is_dir=False)
    assert not archive.excludes("/archive/old.txt", is_dir=False, with_parents=True)  # above the pattern's folder
    taken_back = patterns("archive/", "!archive/keep.txt")  # git never looks inside an ignored folder
    assert taken_back.excludes("/news/archive/keep.txt", is_dir=False, with_parents=True)


def test_plain_names_do_not_import_pathspec():
    import sys

    config = Config(exclude=(".git", "node_modules", "archive/"))
    sys.modules.pop("pathspec", None)
    assert config.exclude_patterns.decide(str(Path.cwd() / "node_modules"), True)
    assert config.exclude_patterns.decide(str(Path.cwd() / "desk" / "archive"), True)
    assert config.exclude_patterns.decide(str(Path.cwd() / "desk" / "archive"), False) is None
    assert "pathspec" not in sys.modules
