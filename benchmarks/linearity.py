"""Lint time per megabyte and peak memory of whole newslint runs on pathological inputs from 10 KB to 10 MB."""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3cffd693bd966c30.txt"
KB = 1024
MB = 1024 * KB
SIZES = {"10KB": 10 * KB, "100KB": 100 * KB, "1MB": MB, "10MB": 10 * MB}  # 10 MB is newslint's input limit
SUPERLINEAR = 2.5  # net s/MB at the largest size over that at 100 KB above which a shape is marked


@dataclass(frozen=True, slots=True)
class Shape:
    name: str
    what: str
    suffix: str  # ".txt" or ".md"
    make: Callable[[int], str]  # text of at most this many bytes in UTF-8, close to it


@dataclass(frozen=True, slots=True)
class Measurement:
    seconds: float
    peak_mib: float
    lines_out: int  # lines newslint printed: one per diagnostic with --format concise -q
    failure: str  # "" when the run ended with exit 0 or 1 and no traceback; else what went wrong


def repeat(unit: str, size: int, head: str = "", tail: str = "\n") -> str:
    """head + unit repeated + tail, as many units as fit in size bytes."""
    room = size - len((head + tail).encode())
    return head + unit * max(1, room // len(unit.encode())) + tail


def seed_sentences() -> list[str]:
    """The sample story's sentences (its body lines, metadata left out)."""
    lines = SEED.read_text(encoding="utf-8").splitlines()[1:]
    return [line for line in lines if line.strip() and not line.isupper() and ":" not in line[:6]]


def copy_paragraphs(size: int, separator: str = "\n\n") -> str:
    """Real news sentences shuffled into paragraphs of one to three sentences, under a headline."""
    sentences = seed_sentences()
    rng = random.Random(15)
    parts = ["Missile work resumes near Pyongyang"]
    used = len(parts[0].encode())
    while True:
        paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3)))
        cost = len((separator + paragraph).encode())
        if used + cost + 1 > size:
            break
        parts.append(paragraph)
        used += cost
    return separator.join(parts) + "\n"


def one_line(size: int) -> str:
    return copy_paragraphs(size, separator=" ")


def random_sentences(size: int, word: Callable[[random.Random], str], length: Callable[[random.Random], int]) -> str:
    """Sentences of random words, one paragraph each, up to about size bytes."""
    rng = random.Random(15)
    out, used = [], 0
    while used < size - 200:
        sentence = " ".join(word(rng) for _ in range(length(rng)))
        sentence = sentence[:1].upper() + sentence[1:] + ".\n\n"
        out.append(sentence)
        used += len(sentence.encode())
    return "".join(out)


def dictionary_words(size: int) -> str:
    """Sentences of the sample's words in random order: words a dictionary knows, no sense."""
    vocabulary = sorted({w.strip(".,“”‘’()\"") for s in seed_sentences() for w in s.split()} - {""})
    return random_sentences(size, lambda rng: rng.choice(vocabulary), lambda rng: rng.randint(6, 20))


def backtick_runs(size: int) -> str:
    """Runs of one, two, three... backticks, no two the same length, so none closes another."""
    out, used, n = ["Code "], 5, 1
    while used + n + 6 < size:
        out.append("`" * n + "x ")
        used += n + 2
        n += 1
    return "".join(out) + "end\n"


def deep_nesting(size: int) -> str:
    """Block quotes six deep holding lists six deep, over and over (markdown-it stops at 20 levels of nesting)."""
    unit = "".join("> " * 6 + "  " * depth + "- The item said “so” (once).\n" for depth in range(6)) + "\n"
    return repeat(unit, size, head="# Nested\n\n")


def name_family(size: int) -> str:
    """Names one letter apart at one place, thousands of them: Baß, Baþ, Baƀ ... each a different letter."""
    letters = [chr(c) for c in range(0xC0, 0x2FFFF)
               if chr(c).isalpha() and chr(c).islower() and unicodedata.normalize("NFKD", chr(c)) == chr(c)]
    out, used, n = ["Names: "], 7, 0
    while True:
        first = "BCDFGHKLMNPRSTVWZ"[n // len(letters) % 17] + "aeiou"[n // len(letters) // 17 % 5]
        word = f"{first}{letters[n % len(letters)]}, "
        cost = len(word.encode())
        if used + cost + 1 > size:
            break
        out.append(word)
        used += cost
        n += 1
    return "".join(out) + "\n"


def roster(size: int) -> str:
    """Team sheets: paragraphs that only list names, two of them a letter apart (Horgan, Horan)."""
    unit = "Murphy, Horgan, O'Driscoll, D'Arcy, Hickie.\n\nHoran, Kelly, Byrne, Walsh, Brennan.\n\n"
    return repeat(unit, size, head="Team news\n\nThe squad named on Tuesday:\n\n")


def invented_words(size: int) -> str:
    """Sentences of random letters: every word unknown, almost every one different."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return random_sentences(size, lambda rng: "".join(rng.choice(letters) for _ in range(rng.randint(4, 10))),
                            lambda rng: 15)


def name_pairs(size: int) -> str:
    """Sentences of invented two-word names, every spelling different: each name's first word asks what the story
    writes before the word after it (NL101's titles and suggestions)."""
    rng = random.Random(19)

    def name() -> str:
        return "Xq" + "".join(rng.choice("bcdfghjklmnpqrstvwxz") + rng.choice("aeiou") for _ in range(2))

    out, used = ["Members\n\n"], 9
    while used < size - 200:
        line = "The members met " + " and ".join(f"{name()} {name()}" for _ in range(5)) + " on Monday.\n\n"
        out.append(line)
        used += len(line)
    return "".join(out)


def distinct_names(size: int) -> str:
    """A list of invented capitalised names, almost every one a different spelling."""
    rng = random.Random(15)
    out, used = ["Names: "], 7
    while used < size - 20:
        name = "B" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz\u00e9\u00e8\u00e0\u00f1\u00f6") for _ in range(4))
        name += ", "
        out.append(name)
        used += len(name.encode())
    return "".join(out) + "\n"


def front_matter(size: int) -> str:
    body = "\nThe story itself is short.\n"
    return repeat("tag: value\n", size - len(body), head="---\ntitle: A long list\n", tail="---\n" + body)


SHAPES = [
    Shape("copy-paragraphs", "news sentences in paragraphs", ".txt", copy_paragraphs),
    Shape("copy-one-line", "the same sentences on one line", ".txt", one_line),
    Shape("dictionary-words", "random dictionary words, one sentence a paragraph", ".txt", dictionary_words),
    Shape("sentences", "short sentences in one paragraph", ".txt",
          lambda n: repeat("The plan will work. Mr. Lee agreed. ", n, head="Talks\n\n")),
    Shape("address-run", "an e-mail address begun and never finished, one run", ".txt",
          lambda n: repeat("jane.doe+news-", n, head="Write to ")),
    Shape("at-chain", "a@a@a@...", ".txt", lambda n: repeat("a@", n, head="See ")),
    Shape("open-comments", "<!-- with no -->, in one paragraph", ".txt",
          lambda n: repeat("word <!-- note ", n, head="Text ")),
    Shape("stray-closing-quotes", "closing quotation marks with nothing open", ".txt",
          lambda n: repeat("word\u201d ", n, head="He said ")),
    Shape("open-quotes", "opening quotation marks never closed", ".txt",
          lambda n: repeat("\u201cword ", n, head="He said ")),
    Shape("single-then-double", "‘ left open, then a stray ”, over and over", ".txt",
          lambda n: repeat("\u2018word \u201d ", n, head="He said ")),
    Shape("straight-quotes", "straight double quotes in one paragraph", ".txt",
          lambda n: repeat('said "word" and "', n, head="He ")),
    Shape("stray-brackets", "closing brackets with nothing open", ".txt",
          lambda n: repeat("word ) ", n, head="Aside ")),
    Shape("stray-tags", "closing tags with nothing open", ".txt", lambda n: repeat("word</b> ", n, head="Bold ")),
    Shape("open-tags-wrong-closer", "<b> left open, then a stray </i>, over and over", ".txt",
          lambda n: repeat("<b>word</i> ", n, head="Bold ")),
    Shape("name-variants", "one name in four forms, many times", ".txt",
          lambda n: repeat("Kim Jong-un met Kim Jong Un in Pyongyang. Jong-Un told Kim Jongun in Pyonyang.\n\n", n,
                           head="Summit\n\n")),
    Shape("name-family", "thousands of names one letter apart at one place", ".txt", name_family),
    Shape("roster", "paragraphs that are lists of names", ".txt", roster),
    Shape("particles", "name particles over and over: de la de la ...", ".txt",
          lambda n: repeat("de la ", n, head="Then ", tail="end.\n")),
    Shape("repeated-word", "one word over and over on one line", ".txt", lambda n: repeat("the ", n)),
    Shape("dots", "a run of full stops", ".txt", lambda n: repeat(".", n, head="Wait")),
    Shape("punctuation", "a run of mixed punctuation", ".txt", lambda n: repeat("?!.,;:", n, head="What")),
    Shape("digits", "a run of digits inside a sentence", ".txt",
          lambda n: repeat("1234567890", n, head="The figure was ", tail=" in all.\n")),
    Shape("spaces", "a run of spaces inside a sentence", ".txt",
          lambda n: repeat(" ", n, head="The gap", tail="ends here.\n")),
    Shape("open-placeholders", "[insert ... with no ]", ".txt",
          lambda n: repeat("[insert name ", n, head="Note ")),
    Shape("metadata-lines", "a metadata block of many KEY: value lines", ".txt",
          lambda n: repeat("TAGS: news\n", n, head="Headline\n\nBody text.\n\n")),
    Shape("short-lines", "one word a line", ".txt", lambda n: repeat("Word\n", n)),
    Shape("letter-lines", "one letter a line", ".txt", lambda n: repeat("x\n", n)),
    Shape("letter-words", "one-letter words on one line", ".txt", lambda n: repeat("x ", n, head="Headline\n\n")),
    Shape("invented-words", "sentences of random letters, every word different", ".txt", invented_words),
    Shape("distinct-names", "a list of invented names, every spelling different", ".txt", distinct_names),
    Shape("name-pairs", "sentences of invented two-word names, every spelling different", ".txt", name_pairs),
    Shape("front-matter", "YAML front matter of many keys", ".md", front_matter),
    Shape("backtick-runs", "Markdown backtick runs of growing length, none closed", ".md", backtick_runs),
    Shape("deep-nesting", "Markdown quotes and lists nested six deep each", ".md", deep_nesting),
    Shape("bold-markers", "Markdown ** opened and never closed", ".md", lambda n: repeat("**word ", n)),
    Shape("open-links", "Markdown ](... with no )", ".md", lambda n: repeat("[a](b ", n, head="Links ")),
    Shape("open-labels", "Markdown lines opening a bracket never closed", ".md",
          lambda n: repeat("[note\n", n, head="# Notes\n\n")),
    Shape("open-brackets", "a Markdown paragraph of [", ".md", lambda n: repeat("[", n, head="# Links\n\n")),
    Shape("md-paragraphs", "Markdown paragraphs of one letter", ".md", lambda n: repeat("x\n\n", n)),
    Shape("md-list", "one Markdown list of one-letter items", ".md", lambda n: repeat("- x\n", n)),
]


def newslint() -> list[str]:
    script = Path(sys.executable).with_name("newslint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newslint"]


def run(argv: list[str], timeout: float, out: Path, memory_mib: int) -> Measurement:
    """One whole run: wall time, the child's own peak resident memory, lines printed, and any failure."""

    def limit_memory() -> None:  # a runaway run fails alone rather than taking the machine with it
        resource.setrlimit(resource.RLIMIT_AS, (memory_mib * MB, memory_mib * MB))

    with open(out, "wb") as stdout, open(out.with_suffix(".err"), "wb") as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=stdout, stderr=stderr, preexec_fn=limit_memory)
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        timer.cancel()
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait for it again
    errors = out.with_suffix(".err").read_text(encoding="utf-8", errors="replace")
    failure = ""
    if child.returncode < 0:
        failure = "timeout" if seconds >= timeout else f"signal {-child.returncode}"
    elif "MemoryError" in errors:
        failure = "memory"
    elif "Traceback" in errors or child.returncode not in (0, 1):
        failure = (errors.strip().splitlines() or [f"exit {child.returncode}"])[-1][:60]
    with open(out, "rb") as printed:
        lines = sum(1 for _ in printed)
    return Measurement(seconds, usage.ru_maxrss / 1024, lines, failure)


def start_up(command: list[str], folder: Path, timeout: float, memory_mib: int) -> float:
    """Seconds of a run on a 2 KB story (every word list and model loaded): the fixed cost taken off every figure."""
    story = folder / "small.txt"
    story.write_text(copy_paragraphs(2 * KB), encoding="utf-8")
    runs = [run(command + [str(story)], timeout, folder / "small.out", memory_mib) for _ in range(3)]
    failed = next((r.failure for r in runs if r.failure), "")
    if failed:
        sys.exit(f"newslint fails on a small story: {failed}")
    return min(r.seconds for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, epilog="Each cell is lint seconds per MB (the start-up "
                                     "cost taken off) and the peak resident memory of the run, in MiB.")
    parser.add_argument("--max-size", choices=list(SIZES), default="1MB", help="largest input (default 1MB; "
                        "10MB takes tens of minutes)")
    parser.add_argument("--shapes", help="comma-separated shape names (default: all; --list shows them)")
    parser.add_argument("--list", action="store_true", help="list the shapes and stop")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is stopped; larger "
                        "sizes of that shape are then skipped (default 120)")
    parser.add_argument("--memory", type=int, default=4096, help="address space allowed to each run, in MiB "
                        "(default 4096); a run that needs more is marked 'memory'")
    parser.add_argument("--keep", type=Path, help="write the generated inputs and outputs here and keep them")
    args = parser.parse_args()
    if args.list:
        for shape in SHAPES:
            print(f"{shape.name:24} {shape.suffix:4} {shape.what}")
        return
    chosen = SHAPES
    if args.shapes:
        wanted = args.shapes.split(",")
        unknown = set(wanted) - {s.name for s in SHAPES}
        if unknown:
            parser.error(f"unknown shapes: {', '.join(sorted(unknown))}")
        chosen = [s for s in SHAPES if s.name in wanted]
    sizes = {label: size for label, size in SIZES.items() if size <= SIZES[args.max_size]}
    command = newslint() + ["--format", "concise", "-q", "--no-color"]
    with tempfile.TemporaryDirectory(prefix="newslint-linearity-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "newslint.toml").write_text("", encoding="utf-8")  # the defaults, whatever surrounds the folder
        fixed = start_up(command, folder, args.timeout, args.memory)
        print(f"newslint: {' '.join(command)}; start-up {fixed:.2f}s (taken off); load average "
              f"{os.getloadavg()[0]:.1f}")
        print(f"{'shape':24}" + "".join(f"{label:>22}" for label in sizes) + "   largest/100KB")
        for shape in chosen:
            cells: list[str] = []
            rates: dict[str, float] = {}
            for label, size in sizes.items():
                if cells and cells[-1].strip().startswith((">", "failed", "memory")):
                    cells.append(f"{'skipped':>22}")
                    continue
                story = folder / f"{shape.name}-{label}{shape.suffix}"
                story.write_text(shape.make(size), encoding="utf-8")
                found = run(command + [str(story)], args.timeout, story.with_suffix(".out"), args.memory)
                if not args.keep:
                    story.unlink()
                if found.failure == "timeout":
                    cells.append(f"{'>' + format(args.timeout, '.0f') + 's':>22}")
                elif found.failure == "memory":
                    cells.append(f"{'memory > ' + str(args.memory) + ' MiB':>22}")
                elif found.failure:
                    cells.append(f"{'failed':>22}")
                    print(f"  {shape.name} {label}: {found.failure}", file=sys.stderr)
                else:
                    rates[label] = max(found.seconds - fixed, 0.0) / (size / MB)
                    cells.append(f"{rates[label]:9.2f} s/MB {found.peak_mib:5.0f} MiB")
            largest = next((label for label in reversed(sizes) if label in rates), None)
            ratio = ""
            if largest and largest != "100KB" and rates.get("100KB"):
                ratio = f"{rates[largest] / rates['100KB']:.1f}x"
                if rates[largest] / rates["100KB"] > SUPERLINEAR:
                    ratio += " SUPERLINEAR"
            elif any(c.strip().startswith(">") for c in cells):
                ratio = "SUPERLINEAR (timed out)"
            print(f"{shape.name:24}" + "".join(cells) + f"   {ratio}", flush=True)


if __name__ == "__main__":
    main()
