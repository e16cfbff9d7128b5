"""Every tuned number in a heuristic module carries its record (engine/tuning.py): a module-level number, and any
fractional literal inside a function, is written tuned(value, means=..., bench=..., result=..., date=...)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from newslint.engine.tuning import TunedFloat, TunedInt

PACKAGE = Path(__file__).resolve().parent.parent / "newslint"
HEURISTIC_MODULES = sorted({*(p for p in (PACKAGE / "rules").glob("*.py") if p.name != "__init__.py"),
                            *(PACKAGE / "language" / name for name in ("lexicon.py", "names.py", "context_model.py",
                                                                      "language_model.py", "story_dialect.py",
                                                                      "spoken_quotes.py"))})
TRIVIAL = {0.0, 0.5, 1.0}  # halves and wholes are arithmetic, not tuning (signs are read apart)


def bare_numbers(path: Path) -> list[str]:
    """'NAME = 2.5 (line 12)' for each module-level number, and 'literal 0.3 (line 40)' for each fractional literal
    in a function, that is not the first argument of a tuned(...) call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    recorded = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "tuned" and node.args:
            recorded.update(id(part) for part in ast.walk(node.args[0]))
    found = []
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()]
            value = node.value
            if names and value is not None and _number(value) is not None and id(value) not in recorded:
                found.append(f"{names[0]} = {_number(value)} (line {node.lineno})")
    in_functions = {id(inner): inner for node in ast.walk(tree)
                    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) for inner in ast.walk(node)}
    for key, inner in in_functions.items():
        if isinstance(inner, ast.Constant) and type(inner.value) is float and inner.value not in TRIVIAL \
                and key not in recorded:
            found.append(f"literal {inner.value} (line {inner.lineno})")
    return found


def _number(node: ast.AST) -> int | float | None:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
            and type(node.operand.value) in (int, float):
        return -node.operand.value
    return None


def relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("path", HEURISTIC_MODULES, ids=relative)
def test_every_tuned_number_has_its_record(path):
    found = bare_numbers(path)
    assert found == [], f"{relative(path)}: write these as tuned(value, means=..., bench=..., result=..., date=...)"


@pytest.mark.parametrize("path", HEURISTIC_MODULES, ids=relative)
def test_each_record_says_what_the_number_means_and_how_it_was_measured(path):
    module = importlib.import_module("newslint." + relative(path).removesuffix(".py").replace("/", "."))
    for name, value in vars(module).items():
        if isinstance(value, (TunedFloat, TunedInt)):
            record = value.record()
            assert all(isinstance(record[key], str) and len(record[key]) >= 4
                       for key in ("means", "bench", "result", "date")), (name, record)


def test_a_record_keeps_the_number_a_plain_number():
    from newslint.engine.tuning import tuned

    threshold = tuned(2.5, means="log10 odds", bench="dev bench", result="best F1", date="2026-12")
    count = tuned(4, means="letters", bench="none: a limit", result="n/a", date="2026-12")
    assert (threshold + 1, threshold * 2, -threshold, count + 1, [0] * count) == (3.5, 5.0, -2.5, 5, [0] * 4)
    assert type(threshold + 1) is float and type(count + 1) is int
    assert threshold.record() == {"value": 2.5, "means": "log10 odds", "bench": "dev bench", "result": "best F1",
                                  "date": "2026-12"}
    with pytest.raises(ValueError, match="needs its bench"):
        tuned(1.5, means="x", bench=" ", result="y", date="z")
