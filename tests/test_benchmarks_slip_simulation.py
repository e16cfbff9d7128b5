"""benchmarks/slip_simulation.py: each copy holds its one slip at the place its key names, and nothing else changed."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from conftest import ROOT

spec = importlib.util.spec_from_file_location("slip_simulation", ROOT / "benchmarks" / "slip_simulation.py")
slips = importlib.util.module_from_spec(spec)
spec.loader.exec_module(slips)

STORY = ("Council of the year\n\nThe leader of the council said the end of the year was near.\n\n"
         "Officials met of Monday.\n\nLINK: https://example.org/a\nTAGS: of, council\n")


def test_each_copy_holds_one_slip_where_its_key_says(tmp_path):
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    key = slips.make_slips([source], [("of", "if")], 3, 7, tmp_path / "out")
    assert len(key) == 3
    for name, (line, column, meant, written) in key.items():
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        row = text.split("\n")[line - 1]
        assert (meant, written) == ("of", "if") and row[column - 1:column + 1] == "if"
        assert text.replace(row, STORY.split("\n")[line - 1]) == STORY  # one place changed, nothing else
        assert line not in (1, 7, 8)  # never the headline nor the metadata


def test_places_skip_the_headline_and_the_metadata():
    lines = {line for line, _, _ in slips.places(STORY)}
    assert lines == {2, 4}


def test_a_malformed_pair_is_refused():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "slip_simulation.py"), "--pairs", "of>of"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == "slip_simulation: not a pair 'correct>written': 'of>of'"


def test_closed_up_copies_lose_the_space_between_two_words(tmp_path):
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    key = slips.make_slips([source], None, 2, 7, tmp_path / "out", closed_up=True)
    assert len(key) == 2
    for name, (line, column, meant, written) in key.items():
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        row = text.split("\n")[line - 1]
        assert " " in meant and written == meant.replace(" ", "") and row[column - 1:].startswith(written + " ")
        assert text.replace(row, STORY.split("\n")[line - 1]) == STORY
