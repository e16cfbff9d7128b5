"""Finding the drafts a run names: folders walked in order, less what the configuration excludes or git ignores."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from newslint.engine.config import Config, Pattern, Patterns, absolute, below

SUFFIXES = (".txt", ".md", ".markdown")


class IgnoreFile:
    """A file of git ignore patterns (a .gitignore, .git/info/exclude, the global excludes file), relative to a
    folder; read only when a path is first matched against it. A line git cannot read matches nothing."""

    def __init__(self, path: str, folder: str):
        self.path, self.folder = path, folder
        self._patterns: Patterns | None = None

    def decide(self, path: str, is_dir: bool) -> bool | None:
        """True: ignored; False: taken back by a '!' line; None: no line matches (a shallower file decides)."""
        if self._patterns is None:
            self._patterns = Patterns((Pattern(line, self.folder) for line in self._lines()), skip_invalid=True)
        return self._patterns.decide(path, is_dir)

    def _lines(self) -> list[str]:
        try:
            with open(self._file(), encoding="utf-8", errors="surrogateescape") as handle:
                return handle.read().splitlines()
        except OSError:  # none there, or unreadable: git reads it as empty too
            return []

    def _file(self) -> str:
        return self.path


class GlobalExcludes(IgnoreFile):
    """The user's global excludes file: git's core.excludesFile, else $XDG_CONFIG_HOME/git/ignore. Asking git
    costs a process (a few milliseconds), so it is asked once per work tree, and only when a path is matched."""

    def _file(self) -> str:
        import subprocess

        try:
            found = subprocess.run(["git", "config", "--path", "--get", "core.excludesFile"], cwd=self.folder,
                                   capture_output=True, text=True, timeout=10)
            if found.returncode == 0 and found.stdout.strip():
                return os.path.join(self.folder, os.path.expanduser(found.stdout.strip()))
        except (OSError, subprocess.SubprocessError):  # no git: its default place
            pass
        config_home = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
        return os.path.join(config_home, "git", "ignore")


def work_tree(folder: str) -> str | None:
    """The git work tree folder lies in (the nearest folder at or above it holding .git), or None."""
    while True:
        if os.path.lexists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def git_dir(tree: str) -> str:
    """The repository folder of a work tree: its .git folder, or where a .git file points (a linked work tree or
    a submodule), whose shared part holds info/exclude."""
    dot_git = os.path.join(tree, ".git")
    if os.path.isdir(dot_git):
        return dot_git
    try:
        with open(dot_git, encoding="utf-8") as handle:
            pointer = handle.read().strip().removeprefix("gitdir:").strip()
    except OSError:
        return dot_git
    found = os.path.join(tree, pointer)
    try:
        with open(os.path.join(found, "commondir"), encoding="utf-8") as handle:
            return os.path.join(found, handle.read().strip())
    except OSError:
        return found


class Discovery:
    """The drafts a run's paths name, which configurations they use, and which patterns the user wrote that
    matched nothing (patterns are only judged in folders a walk covered whole)."""

    def __init__(self, config_for_folder: Callable[[str], Config]):
        self.config_for_folder = config_for_folder  # absolute folder, links resolved -> its configuration
        self.configs: dict[int, Config] = {}  # the configurations of the files found, by id
        self._watched: dict[int, tuple[tuple[tuple[Pattern, Patterns], ...], ...]] = {}  # config -> its patterns
        self._unmatched: dict[Pattern, None] = {}  # user-written patterns not matched yet, in the order met
        self._met: set[Pattern] = set()
        self._walked: list[str] = []  # each walk's top folder, absolute
        self._trees: dict[str, tuple[IgnoreFile, ...]] = {}  # work tree -> its global and info/exclude files

    def expand(self, raw: str, errors: list[tuple[str, str]]) -> Iterator[tuple[str, str, bool]]:
        """The draft files a path names, one at a time as a walk finds them (a walk of a million files holds none
        of them): each as (path as shown, real path, whether it is a symbolic link); a problem is added to errors
        as (path, message). A path named here is linted even when excluded, unless the configuration sets
        force-exclude."""
        if os.path.isdir(raw):
            config = self.config_for_folder(os.path.realpath(raw))
            if not (config.force_exclude and config.is_excluded(raw, is_dir=True)):
                yield from self._walk(str(Path(raw)), errors)  # shown as Path shows it: "./" as "."
            return
        if not os.path.lexists(raw):
            errors.append((raw, f"{raw}: no such file or directory"))
            return
        full = absolute(raw)
        config = self.config_for_folder(os.path.dirname(full))
        self._watch(config, full, is_dir=False, named=True)
        if config.force_exclude and config.is_excluded(full):
            return
        self.configs[id(config)] = config
        yield raw, os.path.realpath(raw), os.path.islink(raw)

    def warnings(self) -> list[str]:
        """One line for each exclude or per-file-ignores pattern the user wrote that matched nothing in a folder
        a walk went through whole."""
        return [f"{p.origin.short_key} pattern {p.text!r} ({p.origin}) matched no file" for p in self._unmatched
                if any(p.folder == top or below(p.folder, top) is not None for top in self._walked)]

    def tree_ignores(self, tree: str) -> tuple[IgnoreFile, ...]:
        """What every path in a work tree is matched against before its .gitignore files: the global excludes
        file, then .git/info/exclude (the later decides first)."""
        if tree not in self._trees:
            info = IgnoreFile(os.path.join(git_dir(tree), "info", "exclude"), tree)
            self._trees[tree] = (GlobalExcludes("", tree), info)
        return self._trees[tree]

    def ignores_above(self, folder: str) -> tuple[IgnoreFile, ...]:
        """The ignore files that apply inside folder from its work tree and the folders above it, shallowest
        first (folder's own .gitignore is read with its listing); none outside a work tree."""
        tree = work_tree(folder)
        if tree is None or tree == folder:
            return ()
        sources = self.tree_ignores(tree)
        parts = (below(folder, tree) or "").split("/")
        for depth in range(len(parts)):  # the tree itself and each folder down to folder's parent
            between = os.path.join(tree, *parts[:depth])
            if os.path.isfile(os.path.join(between, ".gitignore")):
                sources += (IgnoreFile(os.path.join(between, ".gitignore"), between),)
        return sources

    def _walk(self, root: str, errors: list[tuple[str, str]]) -> Iterator[tuple[str, str, bool]]:
        """Draft files under root, sorted, each folder's files before its subfolders', as expand gives them; links
        to folders are not followed. A loop of its own, not os.walk, which recurses and fails on very deep trees."""
        top = os.path.realpath(root)
        self._walked.append(top)
        pending = [(root, top, self.ignores_above(top))]
        while pending:
            folder, real, ignores = pending.pop()
            try:
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda e: e.name)
            except OSError as exc:
                errors.append((folder, f"{folder}: cannot read directory ({exc.strerror or exc})"))
                continue
            names = {entry.name for entry in entries if entry.name.startswith(".git")}
            if ".git" in names:  # a work tree starts here (the top, or one nested in the walk)
                ignores = self.tree_ignores(real)
            if ".gitignore" in names and ignores:  # ignores is never empty inside a work tree
                ignores += (IgnoreFile(os.path.join(real, ".gitignore"), real),)
            config = self.config_for_folder(real)
            git = ignores if config.respect_gitignore else ()
            subfolders = []
            for entry in entries:
                is_dir = _is_dir(entry)
                full = os.path.join(real, entry.name)
                self._watch(config, full, is_dir)
                if (is_dir and entry.is_symlink()) or not (is_dir or entry.name.lower().endswith(SUFFIXES)):
                    continue
                if config.exclude_patterns.decide(full, is_dir) or _ignored(git, full, is_dir):
                    continue
                path = entry.name if folder == "." else os.path.join(folder, entry.name)  # as Path would show it
                if is_dir:
                    subfolders.append((path, full, ignores))
                else:
                    self._watch(config, full, is_dir, kept=True)
                    self.configs[id(config)] = config
                    link = entry.is_symlink()  # its folder is real: any other file's real path is full
                    yield path, os.path.realpath(full) if link else full, link
            pending.extend(reversed(subfolders))

    def _watch(self, config: Config, full: str, is_dir: bool, kept: bool = False, named: bool = False) -> None:
        """Note which of config's user-written patterns match a path: the exclude patterns, each entry a walk meets
        (by itself: its folders were met before it); the per-file-ignores globs, each file a walk keeps; both, a
        file named on the command line (through its folders too)."""
        if id(config) not in self._watched:
            self._watched[id(config)] = self._user_patterns(config)
        elif not self._unmatched:
            return
        excludes, per_file = self._watched[id(config)]
        for pattern, single in (excludes + per_file if named else per_file if kept else excludes):
            if pattern in self._unmatched and (single.decide(full, is_dir) is not None or (
                    (kept or named) and single.excludes(full, is_dir, with_parents=True))):
                del self._unmatched[pattern]

    def _user_patterns(self, config: Config) -> tuple[tuple[tuple[Pattern, Patterns], ...], ...]:
        """config's exclude patterns and per-file-ignores globs that a configuration file wrote (not the
        defaults), each on its own; once met, each waits to be matched."""
        excludes = tuple((p, Patterns([p])) for p in config.exclude_patterns.patterns if p.origin.file is not None)
        per_file = tuple((patterns.patterns[0], patterns) for patterns, _ in config.per_file_patterns)
        for pattern, _ in excludes + per_file:
            if pattern not in self._met:
                self._met.add(pattern)
                self._unmatched[pattern] = None
        return excludes, per_file


def _ignored(sources: tuple[IgnoreFile, ...], full: str, is_dir: bool) -> bool:
    """Whether git ignores a path: the deepest ignore file with a matching line decides."""
    for source in reversed(sources):
        verdict = source.decide(full, is_dir)
        if verdict is not None:
            return verdict
    return False


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a symlink loop: reading it as a file reports the loop
        return False
