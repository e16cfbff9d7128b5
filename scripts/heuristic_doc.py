#!/usr/bin/env python3
"""Write the generated half of docs/heuristics/<CODE>.md: a heuristic rule's named steps in order, with the examples
each alone decides, and the record of every tuned number in its modules. The page's first half, above the marker,
is written by hand and kept. Run

    .venv/bin/python scripts/heuristic_doc.py NL101

tests/test_explain_nl101.py fails when the committed page differs from what this script writes.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.engine.tuning import TunedFloat, TunedInt  # noqa: E402

# The modules whose steps and numbers each page lists: the rule's own first.
MODULES = {"NL101": ("newslint.rules.misspelling", "newslint.rules.unknown_word", "newslint.language.lexicon")}
MARKER = ("<!-- Generated below by scripts/heuristic_doc.py from the rule modules' STEPS and tuned records. "
          "Do not edit below this line: change the code, then run the script. -->")


def path_of(code: str) -> Path:
    return ROOT / "docs" / "heuristics" / f"{code}.md"


def generated(code: str) -> str:
    """The steps of each module, in order, then the tuned numbers of each, as Markdown."""
    modules = [importlib.import_module(name) for name in MODULES[code]]
    out = ["## The steps, in order", ""]
    for module in modules:
        steps = getattr(module, "STEPS", ())
        if not steps:
            continue
        out += [f"`{module.__name__}.STEPS` ({steps[0].code}):", ""]
        for number, step in enumerate(steps, 1):
            out.append(f"{number}. **{step.name}**: {step.decides}.")
            for kind, examples in (("flags", step.flags), ("allows", step.allows)):
                for example in examples:
                    out.append(f"{' ' * len(f'{number}. ')}- {kind}: `{example}`")
        out.append("")
    out += ["## Tuned numbers", ""]
    for module in modules:
        source = Path(module.__file__).read_text(encoding="utf-8")
        records = [(name, value.record()) for name, value in vars(module).items()
                   if isinstance(value, (TunedFloat, TunedInt)) and re.search(rf"^{name} = tuned\(", source, re.M)]
        if not records:
            continue
        out += [f"`{module.__name__.replace('.', '/')}.py`:", "",
                "| name | value | means | measured on | result | date |", "|---|---|---|---|---|---|"]
        for name, r in records:
            cells = [f"`{name}`", f"{r['value']:,}", r["means"], r["bench"], r["result"], r["date"]]
            out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        out.append("")
    return "\n".join(out)


def page(code: str) -> str:
    """The page as it should be: the hand-written half as committed, the marker, the generated half."""
    current = path_of(code).read_text(encoding="utf-8")
    head = current.split(MARKER)[0].rstrip("\n")
    return f"{head}\n\n{MARKER}\n\n{generated(code)}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main(codes: list[str]) -> int:
    for code in codes or sorted(MODULES):
        path_of(code).write_text(page(code), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
