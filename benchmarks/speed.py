"""Issue 18's instrument: newslint beside codespell as whole processes (cold start, the dev bench, 10,000 stories),
--jobs scaling, peak memory per process, and where one process spends its time, rule by rule."""

from __future__ import annotations

import argparse
import compileall
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared") if Path("/work/shared/eval").is_dir() else ROOT.parent / "shared"
SEED_NAME = "000_3cffd693bd966c30.txt"
PEAK = textwrap.dedent("""
    import os, resource, subprocess, sys, time
    def tree(pid):
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as handle:
                children = [int(c) for c in handle.read().split()]
        except OSError:
            return [pid]
        return [pid] + [p for c in children for p in tree(c)]
    def anon(pid):
        try:
            with open(f"/proc/{pid}/status") as handle:
                return next(int(line.split()[1]) for line in handle if line.startswith("RssAnon:"))
        except (OSError, StopIteration):
            return 0
    child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_anon = 0
    while child.poll() is None:
        peak_anon = max([peak_anon] + [anon(p) for p in tree(child.pid)])
        time.sleep(0.05)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, peak_anon)
""")
# Run inside one newslint process (the tree measured): where the time goes, rule by rule, over the files given.
BREAKDOWN = textwrap.dedent("""
    import sys, time
    clock = time.process_time
    t0 = clock()
    import newslint.cli, newslint.engine.run
    from newslint.engine import registry
    t1 = clock()
    registry.builtin_rules()
    t2 = clock()
    from pathlib import Path
    from newslint.document.source import read_source
    from newslint.engine.config import Config
    from newslint.engine.linter import Linter
    from newslint.engine.report import locate
    from newslint.language.names import NameEvidence
    from newslint.language.story_dialect import StoryDialect
    config = Config().override(dialect=sys.argv[1])
    times = {"imports (cli, engine)": t1 - t0, "imports (rule modules)": t2 - t1}
    def timed(label, thunk):
        start = clock()
        value = thunk()
        times[label] = times.get(label, 0.0) + clock() - start
        return value
    linter = timed("linter (rules built, codes checked)", lambda: Linter(config))
    res = linter.resources
    for name in ("lexicon", "context_model", "language_model"):
        timed(f"data: {name}", lambda: getattr(res, name))
    prepared = set()
    def prepare(doc):
        if id(doc) in prepared:
            return
        prepared.add(id(doc))
        timed("document: regions", lambda: doc.prose)
        timed("document: tokens", lambda: doc.tokens)
        timed("document: sentences", lambda: doc.sentence_starts)
        evidence = doc.derived(NameEvidence)
        timed("names evidence (shared)", lambda: (evidence.forms, evidence.initial, evidence.lower_forms,
                                                  evidence.capitalised_mid_sentence, evidence.name_particles))
        if config.dialect == "auto":
            timed("story dialect (shared)", lambda: doc.derived(StoryDialect).majorities)
    def wrap(rule):
        check, label = rule.check, f"{rule.code} {rule.name}"
        def timed_check(doc, res):
            prepare(doc)
            return timed(label, lambda: list(check(doc, res)))
        rule.check = timed_check
    for rule in linter.rules:
        wrap(rule)
    files = sorted(str(p) for p in Path(sys.argv[2]).rglob("*") if p.suffix in (".txt", ".md"))
    words = 0
    inside = 0.0
    for name in files:
        source = timed("reading files", lambda: read_source(Path(name), name, None))
        before = sum(times.values())
        start = clock()
        result = linter.lint(source)
        locate(result)
        spent = clock() - start
        inside += spent - (sum(times.values()) - before)
        words += len(result.document.tokens)
    times["the rest: Document, severities, overlaps, suppressions, locating"] = inside
    print(len(files), words)
    for label, seconds in times.items():
        print(f"{seconds:.6f}\t{label}")
""")


def tree_env(tree: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(tree), env.get("PYTHONPATH", "")) if p)
    return env


class Tool:
    """A command measured as a whole process: its argv and environment."""

    def __init__(self, name: str, argv: list[str], env: dict[str, str] | None = None):
        self.name, self.argv, self.env = name, argv, env

    def timed(self, args: list[str]) -> tuple[float, float]:
        """Wall time and CPU time (user + system, the command and its workers) of one run."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(self.argv + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                       env=self.env)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime

    def peak_mib(self, args: list[str]) -> tuple[float, float]:
        """Peak resident memory of the largest process of the run (the command or one of its workers), in MiB: all
        of it (pages of the mapped data files included, which processes share and the system can drop), and its
        private part alone (anonymous memory, sampled every 50 ms)."""
        out = subprocess.run([sys.executable, "-c", PEAK, *self.argv, *args], capture_output=True, text=True,
                             check=True, env=self.env)
        total, private = out.stdout.split()
        return int(total) / 1024, int(private) / 1024


def codespell() -> Tool | None:
    cached = Path.home() / ".cache" / "newslint-eval" / "venv" / "bin" / "codespell"
    found = str(cached) if cached.exists() else shutil.which("codespell")
    return Tool("codespell", [found]) if found else None


def side_by_side(runs: list[tuple[Tool, list[str]]], times: int) -> list[tuple[float, float]]:
    """Median (wall, CPU) of each run, the runs interleaved, after one warm-up run each."""
    for tool, args in runs:
        tool.timed(args)
    samples: list[list[tuple[float, float]]] = [[] for _ in runs]
    for _ in range(times):
        for (tool, args), bucket in zip(runs, samples):
            bucket.append(tool.timed(args))
    return [(statistics.median(w for w, _ in bucket), statistics.median(c for _, c in bucket)) for bucket in samples]


def load() -> str:
    return f"load average {os.getloadavg()[0]:.2f} on {len(os.sched_getaffinity(0))} cores"


def compare(label: str, ours: Tool, theirs: Tool | None, args: list[str], target: float, times: int,
            default_too: bool = False) -> None:
    """newslint in one process beside codespell on the same input: CPU and wall medians and their ratios against
    the target; with default_too, newslint without --jobs as well."""
    if theirs is None:
        ((wall, cpu),) = side_by_side([(ours, args)], times)
        print(f"{label}: newslint CPU {cpu:.3f}s wall {wall:.3f}s; codespell not found")
        return
    runs = [(ours, ["--format", "concise", "--jobs", "1", *args]), (theirs, args)]
    if default_too:  # without --jobs: one process per CPU from PARALLEL_FROM files
        runs.append((ours, ["--format", "concise", *args]))
    (wall, cpu), (their_wall, their_cpu), *default = side_by_side(runs, times)
    verdict = "ok" if cpu <= target * their_cpu else "over target"
    print(f"{label}:\n    CPU  newslint {cpu:8.3f}s  codespell {their_cpu:7.3f}s  ratio {cpu / their_cpu:6.2f}x"
          f"  (--jobs 1; target <= {target}x: {verdict})\n"
          f"    wall newslint {wall:8.3f}s  codespell {their_wall:7.3f}s  ratio {wall / their_wall:6.2f}x"
          f"  ({load()})")
    for default_wall, default_cpu in default:
        print(f"    without --jobs: wall {default_wall:8.3f}s ({default_wall / their_wall:.2f}x codespell), "
              f"CPU {default_cpu:.3f}s")


def build_bench(work: Path) -> Path:
    if Path("/tmp/B/docs").is_dir():
        return Path("/tmp/B/docs")
    out = work / "B"
    subprocess.run([sys.executable, str(SHARED / "eval" / "bench.py"), "build", "--articles",
                    str(SHARED / "corpus" / "news"), "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out / "docs"


def make_stories(seed: Path, folder: Path, count: int) -> Path:
    """count stories from the sample's own lines: a headline, then some lines with their words shuffled (about
    110 words each), 100 to a folder."""
    lines = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(5)
    for i in range(count):
        body = []
        for line in rng.sample(lines[1:], k=min(len(lines) - 1, rng.randint(3, 8))):
            words = line.split()
            if rng.random() < 0.5:
                a, b = rng.randrange(len(words)), rng.randrange(len(words))
                words[a], words[b] = words[b], words[a]
            body.append(" ".join(words))
        path = folder / f"{i // 100:04d}" / f"story{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(lines[0] + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    return folder


def scaling(ours: Tool, folder: Path, count: int, times: int) -> None:
    args = ["--format", "concise", str(folder)]
    runs = [(ours, ["--jobs", jobs, *args]) for jobs in ("1", "2", "0")]
    before = load()
    (w1, c1), (w2, c2), (wa, ca) = side_by_side(runs, times)
    print(f"(d) --jobs on {count} stories (median of {times}; {before} before, {load()} after):\n"
          f"    --jobs 1    wall {w1:7.2f}s  CPU {c1:7.2f}s\n"
          f"    --jobs 2    wall {w2:7.2f}s  CPU {c2:7.2f}s  speed-up {w1 / w2:.2f}x "
          "(target >= 1.8x on two idle cores)\n"
          f"    --jobs auto wall {wa:7.2f}s  CPU {ca:7.2f}s  speed-up {w1 / wa:.2f}x ({os.cpu_count()} cores)")


def memory(ours: Tool, small: Path, small_count: int, big: Path, big_count: int) -> None:
    print("(e) peak memory of the largest process, --format concise: resident (mapped data pages included) / "
          "private (anonymous)")
    for jobs in ("1", "2"):
        (a, a_private), (b, b_private) = [ours.peak_mib(["--format", "concise", "--jobs", jobs, str(folder)])
                                          for folder in (small, big)]
        print(f"    --jobs {jobs}: {small_count} stories {a:5.0f} / {a_private:4.0f} MiB; {big_count} stories "
              f"{b:5.0f} / {b_private:4.0f} MiB")


def breakdown(tree: Path, folder: Path, dialect: str, runs: int) -> None:
    """Where one process's CPU time goes over folder's files: the median of runs, each a fresh process."""
    tables = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-P", "-c", BREAKDOWN, dialect, str(folder)], capture_output=True,
                             text=True, check=True, env=tree_env(tree)).stdout.splitlines()
        files, words = out[0].split()
        tables.append({label: float(seconds) for seconds, label in (line.split("\t") for line in out[1:])})
    median = {label: statistics.median(t.get(label, 0.0) for t in tables) for label in tables[0]}
    total = sum(median.values())
    print(f"(f) one process, CPU by component over {files} files ({words} words), --dialect {dialect}, "
          f"median of {runs} (the first rule to ask for a shared analysis or a lazy table pays for it):")
    for label, seconds in sorted(median.items(), key=lambda item: -item[1]):
        print(f"    {seconds:8.3f}s {100 * seconds / total:5.1f}%  {label}")
    print(f"    {total:8.3f}s 100.0%  total ({1e6 * total / max(1, int(words)):.0f} us a word)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, epilog="Each figure is the median of --runs runs, the "
                                     "tools' runs interleaved so that both see the same machine.")
    parser.add_argument("folder", nargs="?", type=Path, help="folder of stories (default: /tmp/B/docs, else a dev "
                        "bench built with ../shared/eval/bench.py in a temporary folder)")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the newslint checkout measured (default: this one)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs of the 10,000-story comparison (default 3)")
    parser.add_argument("--stories", type=int, default=10_000, help="generated stories for (c) (default 10,000)")
    parser.add_argument("--scaling-stories", type=int, default=1_000, help="stories for (d) and (e) (default 1,000)")
    parser.add_argument("--memory-stories", type=int, default=20_000,
                        help="the larger count for (e) (default 20,000: 100,000 takes about ten minutes a run)")
    parser.add_argument("--only", default="abcdef", help="which sections to run, e.g. 'af' (default all)")
    args = parser.parse_args()
    tree = args.tree.resolve()
    # -P: not the working folder's newslint before the tree's (python -m and -c put the working folder first)
    ours, theirs = Tool("newslint", [sys.executable, "-P", "-m", "newslint"], tree_env(tree)), codespell()
    seed = tree / "seeds" / SEED_NAME
    # Both tools start from bytecode, as pip leaves an installed package.
    compileall.compile_dir(tree / "newslint", quiet=1)
    print(f"newslint from {tree} ({sys.executable}); codespell: {theirs.argv[0] if theirs else 'not found'}; "
          f"{load()}")
    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as scratch:
        run_sections(args, ours, theirs, seed, Path(scratch))


def run_sections(args: argparse.Namespace, ours: Tool, theirs: Tool | None, seed: Path, work: Path) -> None:
    folder = args.folder or build_bench(work)
    files = sum(1 for _ in folder.rglob("*.txt"))
    if "a" in args.only:
        compare(f"(a) cold start on one story ({SEED_NAME}), median of {args.runs}", ours, theirs, [str(seed)],
                1.0, args.runs)
    if "b" in args.only:
        compare(f"(b) {files} dev stories in {folder}, one process, median of {args.runs}", ours, theirs,
                [str(folder)], 4.0, args.runs, default_too=True)
    if "c" in args.only:
        stories = make_stories(seed, work / "stories", args.stories)
        compare(f"(c) {args.stories} generated stories, one process, median of {args.big_runs}", ours, theirs,
                [str(stories)], 4.0, args.big_runs)
        shutil.rmtree(stories)
    if "d" in args.only or "e" in args.only:
        small = make_stories(seed, work / "small", args.scaling_stories)
        if "d" in args.only:
            scaling(ours, small, args.scaling_stories, args.runs)
        if "e" in args.only:
            big = make_stories(seed, work / "big", args.memory_stories)
            memory(ours, small, args.scaling_stories, big, args.memory_stories)
    if "f" in args.only:
        for dialect in ("auto", "en-GB"):
            breakdown(args.tree.resolve(), folder, dialect, max(1, min(args.runs, 3)))

if __name__ == "__main__":
    main()
