"""The sample story newslint was specified from: its three real errors, and nothing else at error severity."""

from __future__ import annotations

from conftest import SEED, run_cli


def test_seed_story_reports_exactly_its_three_errors():
    result = run_cli("--format", "json", str(SEED))
    errors = [(d["line"], d["column"], d["code"], d["suggestions"][:1])
              for d in result.json["diagnostics"] if d["severity"] == "error"]
    assert errors == [
        (12, 19, "NL201", ["on"]),
        (23, 62, "NL301", ["Korean"]),
        (26, 1, "NL401", []),
    ]
    assert result.code == 1


def test_seed_story_names_are_not_flagged():
    result = run_cli("--format", "json", str(SEED))
    flagged = {d["path"] and d["message"] for d in result.json["diagnostics"]}
    for name in ("Pyongyang", "Hwasong", "Panmunjom", "Do-gyun", "Ik-san", "Pompeo", "Jae-in"):
        assert not any(name in message for message in flagged), name
