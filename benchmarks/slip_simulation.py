"""Slips made one at a time into clean copy: how many newslint finds, before and after a change.

A step that leaves a word alone takes false alarms off the clean copy, and no bench shows what it costs when the
benches' confusion lists never write that word (issue 17's note of 7 December 2026: a step that excused 'if' before a
clause lost 44 of 400 slips of 'of' made 'if'). This script makes such slips at random places of clean stories, each
in its own copy of the story, and counts the ones newslint reports at the slip's place (any rule):

    python benchmarks/slip_simulation.py --pairs "of>if,and>ad" --count 400
    python benchmarks/slip_simulation.py --random --count 1000                    # random words, one-edit neighbours
    python benchmarks/slip_simulation.py --pairs "of>if" --newslint-cmd "/old/.venv/bin/newslint"   # another checkout
    python benchmarks/slip_simulation.py --closed-up --count 400                  # two words closed up (a lot: alot)

`--pairs` takes `correct>written` pairs; `--random` draws each place's word from the story and its slip from the
word's confusion set (context model; not another form of the word); `--closed-up` takes out the space between two
lower-case words. Places are lower-case words (or two) between two spaces in paragraphs, never the headline or the
metadata. The stories (default: the kit's BBC stories) are copied into the scratch folder and never into the
repository. Prints the share found, overall and by pair, and how many of those found have the word meant as their
first suggestion.

Exit status: 0, or 2 on a malformed pair or when newslint fails.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from clean_copy import CACHE, shared_dir  # noqa: E402

PAIR_RE = re.compile(r"([a-z']+)>([a-z']+)")
PLACE_RE = re.compile(r"(?<= )[a-z']+(?= )")  # a lower-case word between two spaces
TWO_WORDS_RE = re.compile(r"(?<= )(?=([a-z]+ [a-z]+)(?= ))")  # two, overlapping: every pair of neighbours


def parse_pairs(text: str) -> list[tuple[str, str]]:
    pairs = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        match = PAIR_RE.fullmatch(item)
        if match is None or match.group(1) == match.group(2):
            raise ValueError(f"not a pair 'correct>written': {item!r}")
        pairs.append((match.group(1), match.group(2)))
    return pairs


def places(story: str, closed_up: bool = False) -> list[tuple[int, int, str]]:
    """(line index, column, word) of every place a slip may go: a word (closed_up: two words) of a paragraph line,
    not the headline (line 0) nor a metadata line (KEY: value)."""
    found = []
    for index, line in enumerate(story.split("\n")):
        if index == 0 or re.match(r"[A-Za-z][\w -]*:", line):
            continue
        if closed_up:
            found.extend((index, m.start(), m.group(1)) for m in TWO_WORDS_RE.finditer(line))
        else:
            found.extend((index, m.start(), m.group()) for m in PLACE_RE.finditer(line))
    return found


def make_slips(stories: list[Path], pairs: list[tuple[str, str]] | None, count: int, seed: int,
               out: Path, closed_up: bool = False) -> dict[str, tuple[int, int, str, str]]:
    """Write `count` copies of stories with one slip each into `out`; the key maps each file to its slip's 1-based
    line and column, the word meant and the word written. Without pairs, a random confusion of the word, or with
    closed_up the two words without their space."""
    rng = random.Random(seed)
    wanted = {correct: [] for correct, _ in pairs} if pairs else None
    candidates = []
    for path in stories:
        story = path.read_text(encoding="utf-8")
        for line, column, word in places(story, closed_up):
            if wanted is None or word in wanted:
                candidates.append((path, story, line, column, word))
    rng.shuffle(candidates)
    confusions = None
    if pairs is None and not closed_up:
        from newslint.language.context_model import ContextModel

        confusions = ContextModel.load()
    out.mkdir(parents=True, exist_ok=True)
    key = {}
    for path, story, line, column, word in candidates:
        if len(key) == count:
            break
        if closed_up:
            written = word.replace(" ", "")
        elif confusions is None:
            written = rng.choice([w for c, w in pairs if c == word])
        else:
            options = [c.word for c in confusions.confusions(word) if not c.inflection and c.word.isalpha()]
            if not options:
                continue
            written = rng.choice(options)
        lines = story.split("\n")
        lines[line] = lines[line][:column] + written + lines[line][column + len(word):]
        name = f"slip-{len(key):05d}-{path.stem}.txt"
        (out / name).write_text("\n".join(lines), encoding="utf-8")
        key[name] = (line + 1, column + 1, word, written)
    return key


def found_by(newslint: list[str], folder: Path, dialect: str, key: dict) -> tuple[set[str], set[str]]:
    """The files whose slip newslint reports (a diagnostic on the slip's line whose columns overlap the word written,
    as the evaluation kit matches: one remark may span the slip and a neighbour, a noun and its verb), and those of
    them whose first fix puts the word meant in its place."""
    result = subprocess.run(newslint + ["--format", "json", "--dialect", dialect, str(folder)],
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"newslint failed (exit {result.returncode}): {result.stderr.strip()[:300]}")
    found, corrected = set(), set()
    for d in json.loads(result.stdout)["diagnostics"]:
        name = Path(d["path"]).name
        if name not in key:
            continue
        line, column, meant, written = key[name]
        if d["line"] == line and d["column"] < column + len(written) and column < d.get("end_column", d["column"] + 1):
            found.add(name)
            if d.get("fix") and undoes(d["fix"]["edits"][0], (folder / name).read_text(encoding="utf-8"), key[name]):
                corrected.add(name)
    return found, corrected


def undoes(edit: dict, text: str, slip: tuple[int, int, str, str]) -> bool:
    """Whether one fix edit (offsets in code points) puts the word meant back in place of the word written."""
    line, column, meant, written = slip
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1][:column - 1] + meant + lines[line - 1][column - 1 + len(written):]
    return text[:edit["start"]] + edit["replacement"] + text[edit["end"]:] == "\n".join(lines)


def report(key: dict, found: set[str], corrected: set[str]) -> list[str]:
    total = Counter(f"{c}>{w}" for c, w in ((v[2], v[3]) for v in key.values()))
    hits = Counter(f"{key[name][2]}>{key[name][3]}" for name in found)
    lines = [f"found {len(found)} of {len(key)} slips ({100 * len(found) / max(1, len(key)):.1f}%), "
             f"the word meant first suggested for {len(corrected)}"]
    if len(total) <= 40:
        lines += [f"  {pair}: {hits[pair]}/{n}" for pair, n in total.most_common()]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = shared_dir()
    parser.add_argument("--stories", type=Path, default=shared / "corpus" / "news" if shared else None,
                        help="folder of clean stories, *.txt (default: ../shared/corpus/news)")
    chosen = parser.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--pairs", help="comma-separated correct>written pairs: of>if,and>ad")
    chosen.add_argument("--random", action="store_true", help="random words and their one-edit real-word neighbours")
    chosen.add_argument("--closed-up", action="store_true", help="two neighbouring words with no space between")
    parser.add_argument("--count", type=int, default=400, help="slips, one a copy (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=7, help="default: %(default)s")
    parser.add_argument("--dialect", default="en-GB", help="newslint's --dialect (default: %(default)s)")
    parser.add_argument("--scratch", type=Path, default=CACHE / "slips", help="default: %(default)s")
    parser.add_argument("--newslint-cmd", default=f"{shlex.quote(sys.executable)} -m newslint",
                        help="the newslint to run (default: this checkout's)")
    args = parser.parse_args()
    try:
        pairs = parse_pairs(args.pairs) if args.pairs else None
    except ValueError as exc:
        print(f"slip_simulation: {exc}", file=sys.stderr)
        return 2
    if args.stories is None:
        print("slip_simulation: no ../shared beside this checkout: give --stories", file=sys.stderr)
        return 2
    stories = sorted(args.stories.glob("*.txt"))
    folder = args.scratch / "docs"
    if folder.exists():
        for old in folder.glob("slip-*.txt"):
            old.unlink()
    key = make_slips(stories, pairs, args.count, args.seed, folder, args.closed_up)
    try:
        found, corrected = found_by(shlex.split(args.newslint_cmd), folder, args.dialect, key)
    except (RuntimeError, ValueError) as exc:
        print(f"slip_simulation: {exc}", file=sys.stderr)
        return 2
    print("\n".join(report(key, found, corrected)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
