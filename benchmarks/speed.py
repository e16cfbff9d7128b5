"""Speed and memory as whole processes, side by side: newslint vs codespell, --jobs 2 vs 1, 10,000 stories."""

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
SEED = ROOT / "seeds" / "000_3cffd693bd966c30.txt"
SHARED = ROOT.parent / "shared"
PEAK = textwrap.dedent("""
    import resource, subprocess, sys
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
""")


def newslint() -> list[str]:
    script = Path(sys.executable).with_name("newslint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newslint"]


def codespell() -> list[str] | None:
    cached = Path.home() / ".cache" / "newslint-eval" / "venv" / "bin" / "codespell"
    found = str(cached) if cached.exists() else shutil.which("codespell")
    return [found] if found else None


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the command and its workers) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def seconds(argv: list[str]) -> float:
    return timed(argv)[0]


def side_by_side(commands: list[list[str]], runs: int, cpu: bool = False) -> list[float]:
    """Median wall (or CPU) time of each command, their runs interleaved, after one warm-up run each."""
    for argv in commands:
        seconds(argv)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for argv, bucket in zip(commands, times):
            bucket.append(timed(argv)[cpu])
    return [statistics.median(bucket) for bucket in times]


def peak_mib(argv: list[str]) -> float:
    """Peak resident memory of the command and its worker processes (the largest of them), in MiB."""
    out = subprocess.run([sys.executable, "-c", PEAK, *argv], capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024


def compare(label: str, ours: list[str], theirs: list[str] | None, target: float, runs: int) -> None:
    if theirs is None:
        (mine,) = side_by_side([ours], runs)
        print(f"{label}: newslint {mine:.3f}s; codespell not found (run: python ../shared/eval/bench.py setup)")
        return
    mine, other = side_by_side([ours, theirs], runs)
    verdict = "ok" if mine <= target * other else "TOO SLOW"
    print(f"{label}: newslint {mine:.3f}s, codespell {other:.3f}s, ratio {mine / other:.2f} "
          f"(target <= {target}) {verdict}")


def build_bench(work: Path) -> Path:
    out = work / "B"
    subprocess.run([sys.executable, str(SHARED / "eval" / "bench.py"), "build", "--articles",
                    str(SHARED / "corpus" / "news"), "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out / "docs"


def make_stories(folder: Path, count: int) -> None:
    """count stories from the sample's own lines: a headline, then some lines with their words shuffled."""
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(5)
    for i in range(count):
        body = []
        for line in rng.sample(lines[1:], k=min(len(lines) - 1, rng.randint(3, 8))):
            words = line.split()
            if rng.random() < 0.5:
                a, b = rng.randrange(len(words)), rng.randrange(len(words))
                words[a], words[b] = words[b], words[a]
            body.append(" ".join(words))
        path = folder / f"{i // 100:03d}" / f"story{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(lines[0] + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, epilog="Each figure is the median of --runs runs, the "
                                     "tools' runs interleaved so that both see the same machine.")
    parser.add_argument("folder", nargs="?", type=Path, help="folder of stories (default: a dev bench built with "
                        "'python ../shared/eval/bench.py build --articles ../shared/corpus/news --out B' "
                        "in a temporary folder)")
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (default 7)")
    parser.add_argument("--stories", type=int, default=10_000, help="stories in the generated folder for (d)")
    args = parser.parse_args()
    ours, theirs = newslint(), codespell()
    # Both tools start from bytecode, as pip leaves an installed package (an editable install, or one run with
    # PYTHONDONTWRITEBYTECODE set, would otherwise compile newslint's sources on every start).
    compileall.compile_dir(ROOT / "newslint", quiet=1)
    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as scratch:
        work = Path(scratch)
        folder = args.folder or build_bench(work)
        files = sum(1 for _ in folder.rglob("*.txt"))
        print(f"newslint: {' '.join(ours)}; codespell: {theirs[0] if theirs else 'not found'}; "
              f"median of {args.runs} runs")
        compare(f"(a) cold start on {SEED.name}", ours + [str(SEED)], theirs and theirs + [str(SEED)], 1.5, args.runs)
        compare(f"(b) {files} files in {folder}", ours + ["--format", "concise", str(folder)],
                theirs and theirs + [str(folder)], 1.0, args.runs)
        jobs = [ours + ["--format", "concise", "--jobs", str(n), str(folder)] for n in (1, 2)]
        one, two = side_by_side(jobs, args.runs)
        cpu_one, cpu_two = side_by_side(jobs, 1, cpu=True)
        print(f"(c) --jobs 2 vs --jobs 1 on the same files: {two:.3f}s vs {one:.3f}s, speed-up {one / two:.2f}x "
              f"(CPU {cpu_two:.2f}s vs {cpu_one:.2f}s; load average {os.getloadavg()[0]:.1f} on "
              f"{len(os.sched_getaffinity(0))} cores)")
        stories = work / "stories"
        make_stories(stories, args.stories)
        for n in (1, 2):
            argv = ours + ["--format", "concise", "--jobs", str(n), str(stories)]
            wall, cpu = timed(argv)
            print(f"(d) {args.stories} generated stories, --jobs {n}: {wall:.1f}s (CPU {cpu:.1f}s), "
                  f"peak memory {peak_mib(argv):.0f} MiB (largest process)")
        small = work / "small"
        make_stories(small, args.stories // 10)
        argv = ours + ["--format", "concise", "--jobs", "2", str(small)]
        print(f"    for comparison, {args.stories // 10} stories, --jobs 2: peak memory {peak_mib(argv):.0f} MiB")


if __name__ == "__main__":
    main()
