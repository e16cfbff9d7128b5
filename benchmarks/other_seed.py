"""Real-word recall on a bench newslint was never tuned to: confusions drawn at random, another build seed.

Issue 17 asks for real-word recall of at least 0.65 "on a bench you build with a different seed and a confusion
list you did not tune to". This script draws such lists, builds such benches with the evaluation kit
(`../shared/eval/bench.py`) and runs newslint and its peers on them.

The lists (written to the scratch folder, in bench.py's `correct -> injected` format, with their seed and size):

- `edits`: with `random.Random(LIST_SEED)`, WORDS words drawn from the TOP most frequent words of pyspellchecker's
  English frequency list (function words included: news slips hit them too), and for each up to PER_WORD of its
  real-word neighbours one edit away (substitution, insertion, deletion, transposition of letters or an
  apostrophe) that are themselves common (among the COMMON most frequent). `their -> there` style.
- `inflections`: drawn the same way (the next draws of the same generator), each word's common neighbours that
  are another form of the same stem by spelling alone: -s, -es, -ly, -ed, -ing, -er, -est taken off and put on,
  with a final e dropped or a consonant doubled (follow -> followed, big -> biggest), at least two edits away so
  that no pair is also an `edits` pair. The rules know no morphology, so a few pairs are chance look-alikes
  (units -> united, mother -> moth).

Words of one letter and words that the system word list (`/usr/share/dict/words`, when present) knows only
capitalised (names, lower-cased in the frequency list) are left out. Every pair of the kit's
`confusions-dev.txt`, the list newslint was tuned on, is left out in either direction.

Each list is built into a bench for each of `--seeds` (default BENCH_SEED; the dev bench uses seed 0 and
confusions-dev.txt) with `bench.py build --articles ../shared/corpus/news --seed SEED --confusions LIST`, and
run with `bench.py run --tools newslint,harper,codespell --dialect en-GB`; bench.py prints its table (recall
per error type, precision over all remarks in docs with errors, FP/1kw in clean docs, sugg@1, wall time). The
summary gives each tool's realword recall, the figure issue 17 asks about, with precision; newslint's
real-word-error precision (its NL201 remarks in docs with errors that are on an injected error); and
newslint's realword recall pooled over the seeds with its 95% interval: with about 70 injected real-word slips
a bench, one slip is 1.4 points.

    python benchmarks/other_seed.py                       # both lists, this checkout's newslint
    python benchmarks/other_seed.py --lists edits --newslint-cmd "/other/.venv/bin/newslint"
    python benchmarks/other_seed.py --seeds 17,18,19 --missed   # three benches a list, pooled; the missed pairs

Another newsroom's copy with the dev bench's kinds of slips: `--lists dev` injects the kit's own
confusions-dev.txt, and `--articles brown` builds from the 44 Brown press stories (American newspapers of 1961,
prepared as benchmarks/clean_copy.py prepares them), linted with `--dialect en-US`:

    python benchmarks/other_seed.py --articles brown --dialect en-US --lists dev --seeds 5,6,7,8
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import shlex
import string
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from clean_copy import CACHE, Failure, brown_source, prepare_brown, shared_dir  # noqa: E402

LIST_SEED = 20261205  # draws the words of both lists
LIST_KINDS = ("edits", "inflections", "dev")  # dev: the kit's confusions-dev.txt as it is
BENCH_SEED = 17  # bench.py build --seed (the dev bench: 0)
TOP = 3000  # words are drawn from this many most frequent words
COMMON = 20000  # a neighbour must be among this many most frequent words
WORDS = 400  # words drawn per list
PER_WORD = 2  # at most this many neighbours kept per word (drawn at random)
LETTERS = string.ascii_lowercase + "'"
PLAIN_SUFFIXES = ("s", "es", "ly")
VOWEL_SUFFIXES = ("ed", "ing", "er", "est")
TOOLS = "newslint,harper,codespell"


def lowercase_words(system_words: Path | None) -> set[str] | None:
    """The lower-case entries of a system word list, or None when there is none."""
    if system_words is None or not system_words.is_file():
        return None
    return {w for w in system_words.read_text(encoding="utf-8", errors="ignore").split() if w.islower()}


def ranked_words(system_words: Path | None) -> list[str]:
    """pyspellchecker's English words, most frequent first, without one-letter words and capitalised-only names."""
    from spellchecker import SpellChecker

    counts = SpellChecker(language="en").word_frequency.dictionary
    lower = lowercase_words(system_words)
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    plain = [w for w in ranked if len(w) > 1 and set(w) <= set(LETTERS) and w[0] != "'"]
    return plain if lower is None else [w for w in plain if w in lower]


def one_edit(word: str) -> set[str]:
    """Every string one substitution, insertion, deletion or transposition away from word."""
    found = set()
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        found |= {head + c + tail for c in LETTERS}
        if tail:
            found |= {head + tail[1:]} | {head + c + tail[1:] for c in LETTERS}
        if len(tail) > 1:
            found.add(head + tail[1] + tail[0] + tail[2:])
    return found - {word}


def distance_at_most_one(a: str, b: str) -> bool:
    return a == b or b in one_edit(a)


def lemmas(word: str) -> set[str]:
    """The word and what it may be an inflection of: -s, -es, -ly taken off; -ed, -ing, -er, -est taken off with a
    final e put back or a doubled consonant undoubled (hoped -> hope, running -> run)."""
    found = {word}
    for suffix in PLAIN_SUFFIXES:
        if word.endswith(suffix):
            found.add(word[: -len(suffix)])
    for suffix in VOWEL_SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and stem:
            found |= {stem, stem + "e"} | ({stem[:-1]} if len(stem) > 1 and stem[-1] == stem[-2] else set())
    return {lemma for lemma in found if len(lemma) >= 3}


def forms(lemma: str) -> set[str]:
    """A lemma with each suffix: -es only after a hissing sound, a final e dropped before a vowel suffix, a final
    consonant after a single vowel doubled."""
    found = {lemma, lemma + "s", lemma + "ly"}
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        found.add(lemma + "es")
    base = lemma[:-1] if lemma.endswith("e") else lemma
    doubled = re.search(r"[^aeiou][aeiou][bdfgklmnprtvz]$", lemma) is not None
    for suffix in VOWEL_SUFFIXES:
        found.add(base + suffix)
        if doubled:
            found.add(lemma + lemma[-1] + suffix)
    return found


def inflect(word: str) -> set[str]:
    """Every other form of every lemma of word."""
    return set().union(*(forms(lemma) for lemma in lemmas(word))) - {word}


def edit_neighbours(word: str, common: set[str]) -> list[str]:
    return sorted(one_edit(word) & common)


def inflection_neighbours(word: str, common: set[str]) -> list[str]:
    return sorted(w for w in inflect(word) & common if not distance_at_most_one(word, w))


def dev_pairs(path: Path) -> set[tuple[str, str]]:
    """The tuned-on pairs of confusions-dev.txt, both directions, lower-cased."""
    pairs = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0]
        if "->" in line:
            a, b = (x.strip().lower() for x in line.split("->", 1))
            pairs |= {(a, b), (b, a)}
    return pairs


def draw(rng: random.Random, ranked: list[str], neighbours, banned: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """WORDS words from the TOP, each with up to PER_WORD of its neighbours among the COMMON: (correct, injected)."""
    common = set(ranked[:COMMON])
    pairs = []
    for word in rng.sample(ranked[:TOP], WORDS):
        found = [n for n in neighbours(word, common) if (word, n) not in banned]
        pairs += [(word, n) for n in rng.sample(found, min(PER_WORD, len(found)))]
    return pairs


def write_list(path: Path, kind: str, pairs: list[tuple[str, str]]) -> str:
    lines = [f"# {kind}: drawn by newslint benchmarks/other_seed.py, seed {LIST_SEED}, {len(pairs)} pairs",
             f"# {WORDS} words from the {TOP} most frequent (pyspellchecker en), neighbours among the {COMMON}",
             "# most frequent, confusions-dev.txt pairs left out in either direction",
             *(f"{a} -> {b}" for a, b in pairs)]
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def make_lists(scratch: Path, dev: Path, system_words: Path | None) -> dict[str, Path]:
    ranked = ranked_words(system_words)
    banned = dev_pairs(dev)
    rng = random.Random(LIST_SEED)
    made = {}
    for kind, neighbours in (("edits", edit_neighbours), ("inflections", inflection_neighbours)):
        pairs = draw(rng, ranked, neighbours, banned)
        path = scratch / f"confusions-{kind}.txt"
        digest = write_list(path, kind, pairs)
        correct = len({a for a, _ in pairs})
        print(f"{kind}: {len(pairs)} pairs for {correct} words, seed {LIST_SEED}, sha256 {digest}: {path}")
        made[kind] = path
    return made


def default_newslint() -> str:
    return shlex.join(["env", f"PYTHONPATH={ROOT}", sys.executable, "-m", "newslint"])


def bench(eval_dir: Path, args: argparse.Namespace, kind: str, seed: int, confusions: Path) -> Path:
    out = args.scratch / f"bench-{kind}-{seed}"
    script = str(eval_dir / "bench.py")
    subprocess.run([sys.executable, script, "build", "--articles", str(args.articles), "--out", str(out),
                    "--seed", str(seed), "--confusions", str(confusions)], check=True)
    print(f"\n## {kind} list, bench seed {seed}\n", flush=True)
    subprocess.run([sys.executable, script, "run", "--bench", str(out), "--tools", args.tools, "--dialect",
                    args.dialect, "--newslint-cmd", args.newslint_cmd or default_newslint(),
                    "--json", str(out / "results.json")], check=True)
    return out


def rule_precision(results: dict, answers: dict, rule: str) -> str:
    """newslint's remarks of one rule in docs with errors: how many are on an injected error."""
    tool = results["tools"].get("newslint", {})
    if tool.get("status") != "ok":
        return "-"
    injected = {name for name, doc in answers["docs"].items() if not doc["clean"]}
    mine = {i for i, d in enumerate(tool["diagnostics"]) if d["rule"] == rule and d["path"] in injected}
    hits = {m["diagnostic"] for m in tool["metrics"]["matches"]} & mine
    return f"{len(hits)}/{len(mine)} = {100 * len(hits) / len(mine):.1f}" if mine else "0/0"


def wilson(found: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion."""
    if not total:
        return (0.0, 1.0)
    p = found / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return (centre - half, centre + half)


def load(out: Path) -> tuple[dict, dict]:
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return results, json.loads((out / "answers.json").read_text(encoding="utf-8"))


def tool_row(kind: str, seed: int, name: str, tool: dict, nl201: str) -> str:
    if tool.get("status") != "ok":
        return f"| {kind} | {seed} | {name} | {tool.get('status')} | | | | | |"
    m = tool["metrics"]
    return (f"| {kind} | {seed} | {name} | {100 * m['recall_by_type']['realword']:.1f} | "
            f"{m['found_by_type']['realword']}/{m['errors_by_type']['realword']} | {100 * m['precision']:.1f} | "
            f"{100 * m['f1']:.1f} | {m['fp_per_1k_words']:.2f} | {nl201} |")


def summary(runs: dict[tuple[str, int], Path]) -> list[str]:
    """One row per list, seed and tool: realword recall, precision, F1, FP/1kw; newslint's NL201 precision."""
    rows = ["| list | bench seed | tool | realword recall | realword found | precision | F1 | FP/1kw | "
            "NL201 precision |", "|---|---|---|---|---|---|---|---|---|"]
    for (kind, seed), out in runs.items():
        results, answers = load(out)
        for name, tool in results["tools"].items():
            nl201 = rule_precision(results, answers, "real-word-error") if name == "newslint" else ""
            rows.append(tool_row(kind, seed, name, tool, nl201))
    return rows


def pooled(runs: dict[tuple[str, int], Path]) -> list[str]:
    """newslint's real-word recall per list over all the seeds run, with its 95% interval."""
    lines = []
    for kind in dict.fromkeys(k for k, _ in runs):
        found = total = 0
        for (other, _), out in runs.items():
            metrics = load(out)[0]["tools"].get("newslint", {}).get("metrics")
            if other == kind and metrics:
                found += metrics["found_by_type"]["realword"]
                total += metrics["errors_by_type"]["realword"]
        low, high = wilson(found, total)
        lines.append(f"newslint realword recall, {kind}, all seeds: {found}/{total} = "
                     f"{100 * found / max(total, 1):.1f}% (95% interval {100 * low:.1f}-{100 * high:.1f})")
    return lines


def missed(runs: dict[tuple[str, int], Path]) -> list[str]:
    """The confusion pairs (correct -> injected, lower case) whose injected slips newslint did not find."""
    lines = []
    for (kind, seed), out in runs.items():
        results, answers = load(out)
        matched = {m["error"] for m in results["tools"].get("newslint", {}).get("metrics", {}).get("matches", [])}
        pairs = Counter(f"{e['original'].lower()} -> {e['injected'].lower()}" for i, e in enumerate(answers["errors"])
                        if e["type"] == "realword" and i not in matched)
        lines.append(f"{kind}, seed {seed}, missed: " + ", ".join(f"{p}" + (f" x{n}" if n > 1 else "")
                                                                 for p, n in sorted(pairs.items())))
    return lines


def arguments() -> argparse.Namespace:
    shared = shared_dir()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=shared / "eval" if shared else None,
                        help="the evaluation kit (default: ../shared/eval)")
    parser.add_argument("--articles", type=Path, default=shared / "corpus" / "news" if shared else None,
                        help="the stories to build from, or 'brown' for the Brown press stories (default: "
                             "../shared/corpus/news)")
    parser.add_argument("--dialect", default="en-GB", help="newslint's --dialect on the benches (default: %(default)s)")
    parser.add_argument("--scratch", type=Path, default=CACHE / "other-seed", help="default: %(default)s")
    parser.add_argument("--seeds", default=str(BENCH_SEED),
                        help="bench.py build seeds, comma-separated: one bench per list and seed (default %(default)s)")
    parser.add_argument("--lists", default="edits,inflections",
                        help="which lists to run: edits, inflections, dev (the kit's confusions-dev.txt) (default: "
                             "%(default)s)")
    parser.add_argument("--tools", default=TOOLS, help="default: %(default)s")
    parser.add_argument("--newslint-cmd", help="default: this checkout, run by this interpreter")
    parser.add_argument("--missed", action="store_true", help="list the pairs whose slips newslint missed")
    parser.add_argument("--system-words", type=Path, default=Path("/usr/share/dict/words"),
                        help="word list whose capitalised-only entries are names (default: %(default)s)")
    return parser.parse_args()


def main() -> int:
    args = arguments()
    if args.eval is None or args.articles is None:
        print("other_seed: the evaluation kit was not found beside this checkout: give --eval and --articles",
              file=sys.stderr)
        return 2
    kinds = [kind for kind in args.lists.split(",") if kind]
    unknown = [kind for kind in kinds if kind not in LIST_KINDS]
    if unknown or not kinds:
        print(f"other_seed: unknown list {', '.join(unknown) or '(none given)'}: choose from {', '.join(LIST_KINDS)}",
              file=sys.stderr)
        return 2
    args.scratch.mkdir(parents=True, exist_ok=True)
    if str(args.articles) == "brown":
        try:
            args.articles = prepare_brown(brown_source(None), args.scratch / "brown-articles").folder
        except Failure as error:
            print(f"other_seed: {error}", file=sys.stderr)
            return 2
    print(f"system word list: {args.system_words if args.system_words.is_file() else 'none'}")
    lists = make_lists(args.scratch, args.eval / "confusions-dev.txt", args.system_words)
    lists["dev"] = args.eval / "confusions-dev.txt"
    seeds = [int(seed) for seed in args.seeds.split(",") if seed.strip()]
    runs = {(kind, seed): bench(args.eval, args, kind, seed, lists[kind]) for kind in kinds for seed in seeds}
    print(f"\n## Summary: list seed {LIST_SEED}, --dialect {args.dialect} (in %)\n")
    print("\n".join(summary(runs) + [""] + pooled(runs) + ([""] + missed(runs) if args.missed else [])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
