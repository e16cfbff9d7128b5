"""benchmarks/other_seed.py: a list it does not know is refused before anything is built."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_an_unknown_list_is_refused_with_the_known_ones_named(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "other_seed.py"), "--lists", "dev,nope",
                             "--eval", str(tmp_path), "--articles", str(tmp_path), "--scratch", str(tmp_path / "s")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == "other_seed: unknown list nope: choose from edits, inflections, dev"
    assert not (tmp_path / "s").exists()
