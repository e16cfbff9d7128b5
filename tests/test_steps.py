"""The named steps of the heuristic rules (engine/explain.Step): each decides the examples it carries, alone, and
says so in the trace that `newslint explain` prints. An example marks the word in question with [[ ]]."""

from __future__ import annotations

import importlib
import re

import pytest

from newslint.document.source import decode
from newslint.engine.config import Config
from newslint.engine.explain import Step, Trace
from newslint.engine.linter import Linter
from newslint.engine.registry import BUILTIN_MODULES

HEURISTIC_RULES = {"NL101": "misspelling", "NL201": "real_word_error", "NL301": "name_variant"}
MARK_RE = re.compile(r"\[\[(.+?)\]\]")


def steps_of(module_name: str) -> tuple[Step, ...]:
    return getattr(importlib.import_module(f"newslint.rules.{module_name}"), "STEPS", ())


def unmark(example: str) -> tuple[str, int, int]:
    """The example without its [[ ]] and the span of the word they marked."""
    match = MARK_RE.search(example)
    assert match and len(MARK_RE.findall(example)) == 1, f"mark exactly one word with [[ ]]: {example!r}"
    text = example[:match.start()] + match.group(1) + example[match.end():]
    return text, match.start(), match.start() + len(match.group(1))


def outcome(step: Step, example: str) -> tuple[bool, list[str]]:
    """Whether the step's rule reports the marked word, and the steps its trace names as deciding there."""
    text, start, end = unmark(example)
    trace = Trace()
    result = Linter(Config(select=(step.code,))).lint(decode(text.encode(), "story.txt"), trace)
    reported = any(d.code == step.code and d.span.start == start and d.span.end == end for d in result.diagnostics)
    return reported, [e.step for e in trace.about(step.code, start, end) if e.step]


@pytest.mark.parametrize("code", sorted(HEURISTIC_RULES))
def test_each_step_decides_its_examples_alone_and_says_so(code):
    steps = steps_of(HEURISTIC_RULES[code])
    assert steps, f"{code} names no steps"
    assert len({s.name for s in steps}) == len(steps), "step names repeat"
    wrong = []
    for step in steps:
        assert step.code == code and step.decides and (step.flags or step.allows), step
        for kind, examples in (("flags", step.flags), ("allows", step.allows)):
            for example in examples:
                reported, deciding = outcome(step, example)
                if reported != (kind == "flags"):
                    wrong.append(f"{step.name}: {kind} example not decided so: {example!r}")
                elif step.name not in deciding:
                    wrong.append(f"{step.name}: the trace names {deciding or 'no step'} for {example!r}")
                with step.off():
                    if outcome(step, example)[0] == reported:
                        wrong.append(f"{step.name}: with the step off, {example!r} is decided the same way")
    assert wrong == []


def test_the_heuristic_rules_are_registered_modules():
    assert set(HEURISTIC_RULES.values()) <= set(BUILTIN_MODULES)
