"""benchmarks/possessive_flips.py: the slips it makes from clean copy and where it finds the words it flipped."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
spec = importlib.util.spec_from_file_location("possessive_flips", ROOT / "benchmarks" / "possessive_flips.py")
possessive_flips = importlib.util.module_from_spec(spec)
spec.loader.exec_module(possessive_flips)


def test_each_form_becomes_the_other_keeping_its_capital_and_apostrophe():
    text = "Its staff said it's late; they’re sure their bus, whose driver... Who's? itself its'\n"
    assert possessive_flips.flipped(text) == (
        "It's staff said its late; their sure they're bus, who's driver... Whose? itself its'\n")


def test_places_are_one_based_lines_and_columns_of_each_form(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Headline\nSaid it's late and Your turn.\n", encoding="utf-8")
    assert possessive_flips.places(tmp_path) == {("a.txt", 2, 6): "it's", ("a.txt", 2, 20): "your"}
