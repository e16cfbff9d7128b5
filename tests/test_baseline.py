"""Baselines: known diagnostics stay quiet after edits elsewhere; new ones are reported; the file is stable."""

from __future__ import annotations

import json

from newslint.engine.baseline import Baseline
from newslint.engine.report import content_fingerprint

STORY = "Border talks\n\nOfficials met on the the border.\n\nThey left <b>early.\n\nTAGS:\n"
SELECT = ("--select", "NL401,NL402,NL501", "--format", "json")


def codes(result) -> list[str]:
    return [d["code"] for d in result.json["diagnostics"]]


def write(cli, baseline, *paths):
    return cli(*SELECT, "--baseline", str(baseline), "--write-baseline", *map(str, paths))


def test_known_diagnostics_are_not_reported(cli, story, tmp_path):
    path, baseline = story(STORY), tmp_path / "baseline.json"
    created = write(cli, baseline, path)
    assert created.code == 0 and codes(created) == []
    assert "baseline" in created.err and "3 known problem" in created.err
    again = cli(*SELECT, "--baseline", str(baseline), str(path))
    assert (again.code, codes(again)) == (0, [])
    assert codes(cli(*SELECT, str(path))) == ["NL501", "NL402", "NL401"]  # without the baseline: all of them


def test_edits_above_do_not_break_the_baseline_and_new_problems_show(cli, story, tmp_path):
    path, baseline = story(STORY), tmp_path / "baseline.json"
    write(cli, baseline, path)
    edited = STORY.replace("Border talks\n", "Border talks\n\nA new lead paragraph.\n\nA new slip: and and.\n")
    path.write_text(edited.replace("\n", "\r\n"), encoding="utf-8")  # line endings changed too
    result = cli(*SELECT, "--baseline", str(baseline), str(path))
    assert result.code == 1
    assert [(d["code"], d["line"]) for d in result.json["diagnostics"]] == [("NL501", 5)]


def test_a_second_copy_of_a_known_snippet_is_new(cli, story, tmp_path):
    paragraph = "Officials met on the the border with envoys.\n"
    path, baseline = story(f"Talks\n\n{paragraph}"), tmp_path / "baseline.json"
    write(cli, baseline, path)
    path.write_text(f"Talks\n\n{paragraph}\n{paragraph}", encoding="utf-8")
    result = cli(*SELECT, "--baseline", str(baseline), str(path))
    assert [(d["code"], d["line"]) for d in result.json["diagnostics"]] == [("NL501", 5)]


def test_baseline_file_is_sorted_and_stable(cli, story, tmp_path):
    first, second = story(STORY, "b.txt"), story(STORY.replace("the the", "a a"), "a.txt")
    baseline = tmp_path / "baseline.json"
    write(cli, baseline, first, second)
    once = baseline.read_bytes()
    write(cli, baseline, second, first)
    assert baseline.read_bytes() == once
    entries = json.loads(once)["diagnostics"]
    keys = [(e["path"], e["code"], e["fingerprint"], e["occurrence"]) for e in entries]
    assert keys == sorted(keys) and {e["path"] for e in entries} == {"a.txt", "b.txt"}
    assert "line" not in entries[0]


def test_write_baseline_updates_linted_files_and_keeps_others(cli, story, tmp_path):
    first, second = story(STORY, "a.txt"), story(STORY, "b.txt")
    baseline = tmp_path / "baseline.json"
    write(cli, baseline, first, second)
    first.write_text(STORY.replace("the the", "the"), encoding="utf-8")
    write(cli, baseline, first)
    paths = [(e["path"], e["code"]) for e in json.loads(baseline.read_text())["diagnostics"]]
    assert paths.count(("a.txt", "NL501")) == 0 and paths.count(("b.txt", "NL501")) == 1
    assert len(paths) == 5


def test_paths_match_from_another_working_directory(cli, story, tmp_path, monkeypatch):
    path, baseline = story(STORY), tmp_path / "baseline.json"
    write(cli, baseline, path.resolve())
    monkeypatch.chdir(tmp_path)
    result = cli(*SELECT, "--baseline", "baseline.json", "story.txt")
    assert (result.code, codes(result)) == (0, [])


def test_missing_or_broken_baseline_is_an_input_error(cli, story, tmp_path):
    path = story(STORY)
    missing = cli(*SELECT, "--baseline", str(tmp_path / "nope.json"), str(path))
    assert missing.code == 2 and "nope.json: no such baseline; create it with --write-baseline" in missing.err
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    broken = cli(*SELECT, "--baseline", str(tmp_path / "bad.json"), str(path))
    assert broken.code == 2 and "bad.json: not a newslint baseline" in broken.err
    lonely = cli(*SELECT, "--write-baseline", str(path))
    assert lonely.code == 2 and "--write-baseline needs --baseline FILE" in lonely.err


def test_fingerprint_ignores_spacing_but_not_words():
    assert content_fingerprint("a  the the\r\nb", 7, 10) == content_fingerprint("a the the\nb", 6, 9)
    assert content_fingerprint("a the the\nb", 6, 9) != content_fingerprint("a the the\nc", 6, 9)


def test_baseline_relative_paths(tmp_path):
    known = Baseline(tmp_path / "sub" / "baseline.json")
    assert known.relative(str(tmp_path / "sub" / "x" / "a.txt")) == "x/a.txt"
    assert known.relative(str(tmp_path / "b.txt")) == "../b.txt"
    assert known.relative("-") == "-"
