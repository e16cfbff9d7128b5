"""No function of newslint above radon's grade C (cyclomatic complexity 20): a function past it is split into named
parts a newcomer can read one at a time."""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit

PACKAGE = Path(__file__).resolve().parent.parent / "newslint"
GRADE_C = 20


def complexities() -> dict[str, int]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            name = f"{block.classname}.{block.name}" if getattr(block, "classname", None) else block.name
            out[f"{path.relative_to(PACKAGE).as_posix()}:{name}"] = block.complexity
    return out


def test_no_function_is_above_grade_c():
    assert {name: cc for name, cc in complexities().items() if cc > GRADE_C} == {}
