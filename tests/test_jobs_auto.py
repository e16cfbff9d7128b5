"""--jobs auto, and the garbage collector as a run leaves it."""

from __future__ import annotations

import gc

import pytest
from test_jobs import SELECT, make_stories


@pytest.fixture
def desk(tmp_path):
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    make_stories(tmp_path, 12)
    return tmp_path


@pytest.mark.parametrize("jobs", ["auto", "AUTO", "0"])
def test_jobs_auto_is_one_process_per_cpu_with_the_same_report(cli, desk, jobs):
    assert cli(*SELECT, "--jobs", jobs, str(desk)).out == cli(*SELECT, "--jobs", "1", str(desk)).out


def test_a_bad_jobs_word_is_refused(cli):
    with pytest.raises(SystemExit):
        cli("--jobs", "many", "x.txt")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_collection_is_as_it_was_after_a_run(cli, desk, jobs):
    """main turns the collector off until the first file is done and freezes what is loaded then: after the run
    it is on again, nothing is left frozen, and a collector turned off by the caller stays off."""
    assert gc.isenabled()
    cli(*SELECT, "--jobs", jobs, str(desk))
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        cli(*SELECT, "--jobs", jobs, str(desk))
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()
