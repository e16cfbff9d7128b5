"""The public Python API: newslint.lint_text, fix_text, lint_paths, load_config, Linter and Diagnostic."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT, SEED

import newslint

SAMPLE = SEED.read_text(encoding="utf-8")
EXPECTED = [(12, 19, "NL201", "no", ("on",)), (23, 62, "NL301", "Koran", ("Korean",)), (26, 1, "NL401", "TAGS:", ())]


def summary(text: str, diagnostics: list[newslint.Diagnostic]):
    return [(d.line, d.column, d.code, text[d.start:d.end], d.suggestions) for d in diagnostics]


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """An empty newslint.toml in the current folder, so the repository's own configuration is not used."""
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    newslint.clear_caches()
    yield tmp_path
    newslint.clear_caches()


def test_the_public_names_are_exported_and_importing_newslint_loads_no_engine():
    code = ("import sys, newslint; print(sorted(n for n in sys.modules if n.startswith('newslint'))); "
            "print(sorted(set(newslint.__all__) <= set(dir(newslint)) for _ in [0]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                         env={"PYTHONPATH": str(ROOT)}).stdout.splitlines()
    assert out == ["['newslint']", "[True]"]
    assert {"lint_text", "lint_paths", "fix_text", "load_config", "Diagnostic", "Linter", "__version__"} <= set(
        newslint.__all__)
    with pytest.raises(AttributeError):
        newslint.no_such_name  # noqa: B018


def test_the_package_is_marked_typed():
    assert (ROOT / "newslint" / "py.typed").is_file()


def test_lint_text_finds_the_sample_storys_three_errors_with_lines_columns_and_offsets(desk):
    found = newslint.lint_text(SAMPLE)
    assert summary(SAMPLE, found) == EXPECTED
    first = found[0]
    assert (first.end_line, first.end_column, first.severity, first.rule) == (12, 21, "error", "real-word-error")
    assert first.path == "story.txt"
    assert first.fix == newslint.Fix("Replace with 'on'", "unsafe", (newslint.Edit(first.start, first.end, "on"),))
    assert json.loads(json.dumps(first.as_dict()))["fix"]["edits"] == [{"start": 1575, "end": 1577,
                                                                        "replacement": "on"}]


def test_lint_text_matches_the_command_lines_json_report(desk, cli):
    (desk / "story.txt").write_text(SAMPLE, encoding="utf-8")
    from_cli = cli("--format", "json", "story.txt").json["diagnostics"]
    api = [d.as_dict() for d in newslint.lint_text(SAMPLE, path="story.txt")]
    assert [{key: d[key] for key in api[0] if key not in ("start", "end")} for d in from_cli] == [
        {key: value for key, value in d.items() if key not in ("start", "end")} for d in api]


def test_the_path_decides_markdown_and_where_the_configuration_is_found(desk):
    (desk / "wires").mkdir()
    (desk / "wires" / "newslint.toml").write_text('ignore = ["NL2"]\n', encoding="utf-8")
    assert [d.code for d in newslint.lint_text(SAMPLE, path="wires/story.txt")] == ["NL301", "NL401"]
    markdown = "# Talks resume\n\n```\nthe the\n```\n\nThe the talks resumed.\n"
    assert [(d.line, d.code) for d in newslint.lint_text(markdown, path="brief.md")] == [(7, "NL501")]
    assert [d.line for d in newslint.lint_text(markdown, path="brief.txt") if d.code == "NL501"] == [4, 7]


def test_config_may_be_a_loaded_configuration_or_a_files_path(desk):
    (desk / "strict.toml").write_text('select = ["NL4"]\n', encoding="utf-8")
    assert [d.code for d in newslint.lint_text(SAMPLE, config="strict.toml")] == ["NL401"]
    config = newslint.load_config("strict.toml", extend_select=["NL201"])
    assert [d.code for d in newslint.lint_text(SAMPLE, config=config)] == ["NL201", "NL401"]
    assert newslint.load_config(dialect="en-gb").dialect == "en-GB"


def test_load_config_finds_the_nearest_configuration_as_the_command_line_does(desk):
    (desk / "sport").mkdir()
    (desk / "sport" / "newslint.toml").write_text('dialect = "en-GB"\n', encoding="utf-8")
    assert newslint.load_config("sport/story.txt").dialect == "en-GB"
    assert newslint.load_config("sport").path.resolve() == (desk / "sport" / "newslint.toml").resolve()
    assert newslint.load_config().dialect == "auto"


def test_a_bad_configuration_raises_config_error_naming_file_line_and_key(desk):
    (desk / "bad.toml").write_text('dialect = "en-GB"\nselect = ["NL5O1"]\n', encoding="utf-8")
    with pytest.raises(newslint.ConfigError, match=r"bad.toml:2: select: .*NL5O1.*NL501"):
        newslint.load_config("bad.toml")
    with pytest.raises(newslint.ConfigError, match="no such configuration file"):
        newslint.load_config("missing.toml")
    with pytest.raises(newslint.ConfigError, match="dialect"):
        newslint.load_config(dialect="klingon")


def test_fix_text_applies_safe_fixes_and_unsafe_ones_only_when_asked(desk):
    text = "Talks resume\n\nThe the talks resumed. The envoy was point man no North Korea.\n"
    assert newslint.fix_text(text) == text.replace("The the", "The")
    unsafe = newslint.fix_text(SAMPLE, unsafe=True)
    assert "point man on North Korea" in unsafe and "North Korean general" in unsafe
    assert newslint.fix_text(SAMPLE) == SAMPLE  # the sample's fixes are all guesses


def test_lint_paths_lints_files_and_folders_as_the_command_line_does(desk):
    (desk / "drafts").mkdir()
    (desk / "drafts" / "a.txt").write_text(SAMPLE, encoding="utf-8")
    (desk / "drafts" / "b.md").write_text("# Fine\n\nAll quiet.\n", encoding="utf-8")
    (desk / "drafts" / "notes.csv").write_text("the the", encoding="utf-8")
    found = newslint.lint_paths("drafts")
    assert [(Path(d.path).name, d.code) for d in found] == [("a.txt", "NL201"), ("a.txt", "NL301"),
                                                             ("a.txt", "NL401")]
    assert [d.code for d in newslint.lint_paths([desk / "drafts" / "a.txt"], config=newslint.load_config(
        select="NL4"))] == ["NL401"]
    with pytest.raises(newslint.InputError, match="missing.txt"):
        newslint.lint_paths(["drafts", "missing.txt"])
    assert len(newslint.lint_paths(["drafts", "missing.txt"], on_error="skip")) == 3


def test_a_linter_is_built_once_and_shares_the_data(desk):
    first = newslint.Linter()
    second = newslint.Linter(newslint.load_config())
    assert first._linter is second._linter  # one engine linter per configuration per process
    assert summary(SAMPLE, first.lint_text(SAMPLE)) == EXPECTED
    with pytest.raises(TypeError, match="decode bytes first"):
        first.lint_text(SAMPLE.encode("utf-8"))  # type: ignore[arg-type]


def test_a_linter_pickles_as_its_configuration_alone(desk):
    linter = newslint.Linter()
    data = pickle.dumps(linter)
    assert len(data) < 4000  # the settings, not the word lists and models
    again = pickle.loads(data)
    assert again._linter is linter._linter  # unpickled in the same process: the same engine linter
    assert summary(SAMPLE, again.lint_text(SAMPLE)) == EXPECTED


def test_a_thread_pool_gets_the_same_results_as_one_thread(desk):
    linter = newslint.Linter()
    texts = [SAMPLE, SAMPLE.replace("no North", "on North"), "Talks resume\n\nThe the talks.\n"] * 4
    alone = [linter.lint_text(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(linter.lint_text, texts)) == alone


def _codes_in_worker(linter: newslint.Linter, text: str) -> list[str]:
    return [d.code for d in linter.lint_text(text)]


def test_a_process_pool_gets_the_same_results(desk):
    linter = newslint.Linter()
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(_codes_in_worker, [linter] * 3, [SAMPLE] * 3))
    assert results == [["NL201", "NL301", "NL401"]] * 3


def python_blocks() -> list[str]:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```python\n")[1:]]


def run_python(code: str, cwd: Path) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=True,
                          env={"PYTHONPATH": str(ROOT)}).stdout


def test_the_docs_first_example_prints_the_sample_storys_three_errors(desk):
    (desk / "story.txt").write_text(SAMPLE, encoding="utf-8")
    out = run_python(python_blocks()[0], desk)
    assert out.splitlines()[:3] == ["12:19 NL201 'no' may be a slip for 'on' here ('on',)",
                                    "23:62 NL301 'Koran' is written 'Korean' elsewhere in this story (5 times) "
                                    "('Korean',)",
                                    "26:1 NL401 Empty metadata field 'TAGS:' ()"]


def test_the_docs_configuration_example_prints_the_error(desk):
    assert run_python(python_blocks()[1], desk) == "--select: unknown rule code 'NL5O1' (did you mean NL501?)\n"


def test_the_docs_thread_and_process_pool_example_runs(desk):
    assert run_python(python_blocks()[2], desk) == "[['NL501'], []]\n"


def test_the_docs_spark_partition_function_runs_over_plain_rows(desk):
    from collections import namedtuple

    code, last = python_blocks()[3].split("\n\nremarks = ")
    assert last.startswith("stories_df.rdd.mapPartitions(lint_partition)")
    space: dict = {}
    exec(code, space)  # noqa: S102 - our own documentation
    Row = namedtuple("Row", "id path text")
    rows = [Row(1, "a.txt", "Talks resume\n\nThe the talks resumed.\n"), Row(2, "b.md", "# Quiet\n\nAll quiet.\n")]
    assert list(space["lint_partition"](iter(rows))) == [(1, "NL501", "error", 3, 5, "Repeated word 'the'")]


def test_the_docs_dask_partition_function_runs_over_a_pandas_frame(desk):
    import pandas as pd
    code, last = python_blocks()[4].split("\n\nremarks = ")
    space: dict = {}
    exec(code, space)  # noqa: S102 - our own documentation
    frame = pd.DataFrame({"id": [1, 2], "path": ["a.txt", "b.md"],
                          "text": ["Talks resume\n\nThe the talks resumed.\n", "# Quiet\n\nAll quiet.\n"]})
    out = space["lint_partition"](frame)
    assert list(out["code"]) == ["NL501"] and list(out["id"]) == [1]
    assert list(space["lint_partition"](frame.head(0)).columns) == list(out.columns)


def test_the_readmes_example_runs_and_prints_what_it_says(desk):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = [block.split("```", 1)[0] for block in readme.split("```python\n")[1:]]
    (desk / "story.txt").write_text(SAMPLE, encoding="utf-8")
    out = run_python(example + "print(repr(fixed))\n", desk).splitlines()
    assert out[0] == "12 19 NL201 'no' may be a slip for 'on' here" and len(out) == 4
    assert out[-1] == repr("The talks resumed.\n")
