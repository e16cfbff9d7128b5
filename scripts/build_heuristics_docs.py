#!/usr/bin/env python3
"""Write docs/heuristics/<CODE>.md for each heuristic rule: what a newcomer reads to find the step that decided a
word, and the record of every tuned number it uses. A page is a hand-written head (kept as committed), the MARKER,
then what this script generates from the code: the rule's named steps in order (by group where the rule groups
them), each with the examples it alone decides, and the tuned() records of the rule's modules.

    .venv/bin/python scripts/build_heuristics_docs.py

tests/test_docs.py fails when a committed page differs from what this script writes.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "heuristics"
# code -> the rule's modules, the one with its STEPS first; each module's own tuned() records are listed.
RULES = {
    "NL101": ("newslint.rules.misspelling", "newslint.rules.unknown_word", "newslint.language.lexicon",
              "newslint.language.spoken_quotes"),
    "NL201": ("newslint.rules.real_word_error", "newslint.language.context_model", "newslint.language.language_model",
              "newslint.rules.possessive_contraction"),
    "NL301": ("newslint.rules.name_variant", "newslint.language.names"),
}
MARKER = ("<!-- Generated below by scripts/build_heuristics_docs.py from the rule's STEPS and tuned() records. "
          "Do not edit below this line: change the code, then run the script. -->")
MARK_RE = re.compile(r"\[\[(.+?)\]\]")


def _example(text: str) -> str:
    """An example as Markdown: the word in question in bold, line breaks shown as ⏎."""
    return MARK_RE.sub(r"**\1**", _cell(text.replace("\n", " ⏎ ")))


def _cell(text: object) -> str:
    return re.sub(r"([\\*_<`|])", r"\\\1", str(text)).replace("\n", " ")


def generated(code: str) -> str:
    """The steps in order, then the records of the tuned numbers, as Markdown."""
    from newslint.engine.tuning import TunedFloat, TunedInt

    modules = [importlib.import_module(name) for name in RULES[code]]
    out = []
    for module in modules:
        groups = getattr(module, "STEP_GROUPS", None) or ((f"{code}'s steps, in order", getattr(module, "STEPS", ())),)
        for title, steps in groups:
            if not steps:
                continue
            out += [f"## {title}", ""]
            for step in steps:
                out.append(f"1. **`{step.name}`** ({step.code}): {_cell(step.decides)}")
                out += [f"    - {kind}: {_example(e)}" for kind, examples in (("flags", step.flags),
                                                                             ("allows", step.allows))
                        for e in examples]
            out.append("")
    out += ["## Tuned numbers", "", "| module | name | value | means | measured on | result | date |",
            "|---|---|---|---|---|---|---|"]
    for module in modules:
        source = Path(module.__file__).read_text(encoding="utf-8")
        for name, value in vars(module).items():  # the module's own records, not those it imports
            if isinstance(value, (TunedFloat, TunedInt)) and re.search(rf"^{name} = tuned\(", source, re.M):
                r = value.record()
                out.append(f"| `{module.__name__.rsplit('.', 1)[1]}` | `{name}` | {r['value']:,} | {_cell(r['means'])} "
                           f"| {_cell(r['bench'])} | {_cell(r['result'])} | {r['date']} |")
    return "\n".join(out) + "\n"


def page(code: str) -> str:
    """The page as it should be: the head as committed, the marker, the generated part."""
    path = OUT / f"{code}.md"
    head = path.read_text(encoding="utf-8").split(MARKER)[0].rstrip("\n") if path.exists() else f"# {code}"
    return f"{head}\n\n{MARKER}\n\n{generated(code)}"


def main(codes: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    for code in codes or sorted(RULES):
        (OUT / f"{code}.md").write_text(page(code), encoding="utf-8")
        print(f"wrote docs/heuristics/{code}.md")


if __name__ == "__main__":
    main(sys.argv[1:])
