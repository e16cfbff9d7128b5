"""One tuned number at several values, each measured on every bench at once: the record `tuned()` asks for.

A tuned number (`NAME = tuned(VALUE, means=..., bench=..., result=..., date=...)` in `newslint/`) is moved only when
the move improves every bench at once (issue 17), and its record says what was measured. This script measures it:
for each value it copies the package, writes the value in place of the number's (the source text, so that tables
built from the number at import see it too), and runs that copy on

- each bench given with `--bench DIR:DIALECT` (built by `../shared/eval/bench.py build`, e.g. the dev bench and the
  benches of `other_seed.py`), scored by `bench.py run`: real-word slips found of those injected, slips of the other
  types found, precision over all remarks in docs with errors, false positives per 1,000 words of clean docs and the
  share of first suggestions right;
- the natural real-word slips (`natural.py`, train split): detected, error-level precision, corrected twins
  flagged;
- the clean published copy (`clean_copy.py`): false alarms on the BBC and Brown press stories after adjudication;
- with `--flips`, NL203's slips made from all the Brown files and the BBC stories (`possessive_flips.py`).

The current value is measured too (unless `--without-current`), so that each row reads against it. The data files
are not built again: a number the data build also reads (the edit model's costs, which weigh the rare list;
COMMON_WORD) is measured at run time only, and a move of it is measured again with the data rebuilt
(`scripts/build_data.py`), as their records say.

    python benchmarks/sweep.py SAME_STORY_BONUS 0.5,1.5 --bench /tmp/B:en-GB \\
        --bench ~/.cache/newslint-eval/other-seed/bench-edits-17:en-GB
    python benchmarks/sweep.py --bench /tmp/B:en-GB -- KEYBOARD_SLIP -0.75,-1.25   # negative values after --
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TUNED_RE = r"^(?P<head>{name} = tuned\(\s*)(?P<value>-?[\d_.]+)"
FLIPS_ALL_RE = re.compile(r"^\| all \| (\d+) \| (\d+) \| [\d.]+ \| \d+ \| (\d+) \|$")
CLEAN_ROW_RE = re.compile(r"^\| (bbc|brown) \| default \| \d+ \| \d+ \| \d+ \| [\d.]+ \| \d+ \| (\d+) \| ([\d.]+) \|$")


class Failure(Exception):
    pass


def number_pattern(qualified: str) -> re.Pattern[str]:
    return re.compile(TUNED_RE.format(name=re.escape(qualified.rpartition(".")[2])), re.MULTILINE)


def find_number(qualified: str) -> tuple[Path, str]:
    """The module that defines the tuned number (NAME, or module.NAME where several modules have one), and its value
    as written."""
    module, pattern = qualified.rpartition(".")[0], number_pattern(qualified)
    found = [(path, m.group("value")) for path in sorted((ROOT / "newslint").rglob("*.py"))
             if (not module or path.stem == module) and (m := pattern.search(path.read_text(encoding="utf-8")))]
    if len(found) != 1:
        raise Failure(f"{qualified}: {'no' if not found else len(found)} definitions as 'NAME = tuned(VALUE, ...)' "
                      "in newslint/ (name the module, e.g. real_word_error.THRESHOLD)")
    return found[0]


def patched_copy(module: Path, qualified: str, value: str, into: Path) -> Path:
    """A copy of the package in `into` with the number written as `value` (the data folder linked, not copied)."""
    package = into / "newslint"
    shutil.copytree(ROOT / "newslint", package, ignore=shutil.ignore_patterns("__pycache__", "data"), symlinks=True)
    (package / "data").symlink_to(ROOT / "newslint" / "data")
    target = package / module.relative_to(ROOT / "newslint")
    source = target.read_text(encoding="utf-8")
    target.write_text(number_pattern(qualified).sub(lambda m: m.group("head") + value, source, count=1),
                      encoding="utf-8")
    return into


def command(tree: Path) -> str:
    return shlex.join(["env", f"PYTHONPATH={tree}", sys.executable, "-P", "-m", "newslint"])


def bench_scores(eval_dir: Path, bench: str, newslint: str, scratch: Path) -> dict:
    folder, _, dialect = bench.rpartition(":")
    out = scratch / f"{Path(folder).name}.json"
    subprocess.run([sys.executable, str(eval_dir / "bench.py"), "run", "--bench", folder, "--tools", "newslint",
                    "--dialect", dialect, "--newslint-cmd", newslint, "--json", str(out)],
                   check=True, capture_output=True)
    metrics = json.loads(out.read_text(encoding="utf-8"))["tools"]["newslint"]["metrics"]
    return {"found": metrics["found_by_type"]["realword"], "errors": metrics["errors_by_type"]["realword"],
            "other_found": sum(n for t, n in metrics["found_by_type"].items() if t != "realword"),
            "precision": metrics["precision"], "fp_per_1kw": metrics["fp_per_1k_words"],
            "suggestion_at_1": metrics["suggestion_at_1"]}


def natural_scores(eval_dir: Path, newslint: str, scratch: Path) -> dict:
    out = scratch / "natural.json"
    subprocess.run([sys.executable, str(eval_dir / "natural.py"), "--tools", "newslint", "--sets", "natural_train",
                    "--newslint-cmd", newslint, "--examples", "0", "--out", str(scratch / "natural-bench"),
                    "--json", str(out)], check=True, capture_output=True)
    metrics = json.loads(out.read_text(encoding="utf-8"))["metrics"]["natural_train"]["newslint en-US"]
    return {"detected": metrics["detected"], "n": metrics["n"], "precision": metrics["error_precision"],
            "twins": metrics["twin_flagged"]}


def clean_scores(newslint: str, scratch: Path) -> dict:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "clean_copy.py"), "--newslint-cmd", newslint,
                           "--scratch", str(scratch / "clean")], check=True, capture_output=True, text=True)
    rows = {m.group(1): (int(m.group(2)), m.group(3)) for line in done.stdout.splitlines()
            if (m := CLEAN_ROW_RE.match(line))}
    if set(rows) != {"bbc", "brown"}:
        raise Failure("clean_copy.py printed no summary rows for bbc and brown")
    return rows


def flips_scores(newslint: str, scratch: Path) -> str:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "possessive_flips.py"), "--all-brown",
                           "--newslint-cmd", newslint, "--scratch", str(scratch / "flips")],
                          check=True, capture_output=True, text=True)
    found = [m for line in done.stdout.splitlines() if (m := FLIPS_ALL_RE.match(line))]
    if not found:
        raise Failure("possessive_flips.py printed no 'all' row")
    slips, reported, alarms = found[0].groups()
    return f"{reported}/{slips}, {alarms} false"


def measure(tree: Path, args: argparse.Namespace, scratch: Path) -> list[str]:
    newslint = command(tree)
    cells = []
    for bench in args.bench:
        s = bench_scores(args.eval_dir, bench, newslint, scratch)
        cells.append(f"{s['found']}/{s['errors']} +{s['other_found']}, P {100 * s['precision']:.1f}, "
                     f"FP {s['fp_per_1kw']:.2f}, sugg@1 {100 * s['suggestion_at_1']:.1f}")
    n = natural_scores(args.eval_dir, newslint, scratch)
    cells.append(f"{n['detected']}/{n['n']}, P {n['precision']:.2f}, twins {n['twins']}")
    clean = clean_scores(newslint, scratch)
    cells.extend(f"{clean[c][0]} ({clean[c][1]})" for c in ("bbc", "brown"))
    return cells + ([flips_scores(newslint, scratch)] if args.flips else [])


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", help="the tuned number: NAME, or module.NAME (real_word_error.THRESHOLD)")
    parser.add_argument("values", help="comma-separated values to measure beside the current one")
    parser.add_argument("--bench", action="append", default=[], metavar="DIR:DIALECT",
                        help="a bench built by bench.py, and the dialect to lint it with (repeat)")
    parser.add_argument("--flips", action="store_true",
                        help="also possessive_flips.py --all-brown (NL203's slips made from clean copy, and its false "
                             "alarms on it)")
    parser.add_argument("--without-current", action="store_true",
                        help="measure only the values given, not the current one (measured by an earlier sweep)")
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    for bench in args.bench:
        folder, _, dialect = bench.rpartition(":")
        if not (Path(folder) / "answers.json").is_file() or dialect not in ("en-GB", "en-US"):
            parser.error(f"--bench {bench}: expected a bench folder (with answers.json) and :en-GB or :en-US")
    if not (args.eval_dir / "bench.py").is_file():
        parser.error(f"--eval-dir {args.eval_dir}: no bench.py there")
    return args


def given_values(text: str, current: str) -> list[str]:
    """The comma-separated values, each a number of the current value's kind (an int where it is one)."""
    values = [v.strip() for v in text.split(",") if v.strip()]
    number = r"-?\d[\d_]*" if re.fullmatch(r"-?[\d_]+", current) else r"-?\d[\d_]*(?:\.\d+)?"
    wrong = [v for v in values if not re.fullmatch(number, v)]
    if wrong or not values:
        raise Failure(f"values {text!r}: expected comma-separated numbers like {current}")
    return values


def main() -> int:
    args = arguments()
    try:
        module, current = find_number(args.name)
        values = [] if args.without_current else [current]
        values += [v for v in given_values(args.values, current) if v != current]
        header = ["value"] + [f"bench {Path(b.rpartition(':')[0]).name}" for b in args.bench] + [
            "natural_train", "BBC false alarms (per 1kw)", "Brown false alarms (per 1kw)"] + (
            ["possessive flips found, false alarms"] if args.flips else [])
        print(f"{args.name} in {module.relative_to(ROOT)} (now {current}); bench cells: real-word slips found / "
              "injected + other slips found, precision, false positives per 1,000 words of clean docs, first "
              "suggestion right\n")
        print("| " + " | ".join(header) + " |\n|" + "---|" * len(header), flush=True)
        for value in values:
            with tempfile.TemporaryDirectory(prefix="newslint-sweep-") as scratch:
                tree = patched_copy(module, args.name, value, Path(scratch))
                label = f"{value} (now)" if value == current else value
                print("| " + " | ".join([label] + measure(tree, args, Path(scratch))) + " |", flush=True)
    except (Failure, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", None) or b""
        detail = detail.decode(errors="replace") if isinstance(detail, bytes) else detail
        print(f"sweep: {error}" + (f"\n{detail.strip()[-2000:]}" if detail.strip() else ""), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
