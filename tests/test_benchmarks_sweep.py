"""benchmarks/sweep.py: which tuned number it finds, and the copy of the package it measures with another value."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("sweep", ROOT / "benchmarks" / "sweep.py")
sweep = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sweep)


def test_a_number_is_found_in_the_module_that_defines_it_with_its_value_as_written():
    module, value = sweep.find_number("SAME_STORY_BONUS")
    assert module == ROOT / "newslint" / "rules" / "real_word_error.py"
    from newslint.rules.real_word_error import SAME_STORY_BONUS
    assert float(value) == SAME_STORY_BONUS


def test_a_name_two_modules_define_must_be_qualified_and_an_unknown_one_is_refused():
    with pytest.raises(sweep.Failure, match="THRESHOLD: 2 definitions"):
        sweep.find_number("THRESHOLD")
    module, _ = sweep.find_number("possessive_contraction.THRESHOLD")
    assert module.name == "possessive_contraction.py"
    with pytest.raises(sweep.Failure, match="NO_SUCH_NUMBER: no definitions"):
        sweep.find_number("NO_SUCH_NUMBER")


def test_the_copy_imports_the_value_written_and_leaves_the_checkout_alone(tmp_path: Path):
    module, current = sweep.find_number("real_word_error.THRESHOLD")
    tree = sweep.patched_copy(module, "real_word_error.THRESHOLD", "3.25", tmp_path)
    probe = ("from newslint.rules.real_word_error import THRESHOLD; import newslint; "
             "print(THRESHOLD, THRESHOLD.means.split()[0], newslint.__file__)")
    done = subprocess.run([sys.executable, "-P", "-c", probe], env={"PYTHONPATH": str(tree)}, capture_output=True,
                          text=True, check=True)
    value, means, path = done.stdout.split(maxsplit=2)
    assert (value, path.strip()) == ("3.25", str(tree / "newslint" / "__init__.py"))
    assert means == "log10"
    assert sweep.find_number("real_word_error.THRESHOLD") == (module, current)


def test_values_must_be_numbers_of_the_current_values_kind():
    assert sweep.given_values(" -0.75, -1.25 ", "-1.0") == ["-0.75", "-1.25"]
    assert sweep.given_values("2,4", "3") == ["2", "4"]
    for text, current in (("2.5", "3"), ("abc", "1.0"), ("", "1.0"), ("1.0); import os #", "1.0")):
        with pytest.raises(sweep.Failure, match="expected comma-separated numbers"):
            sweep.given_values(text, current)
