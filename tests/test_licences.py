"""What a newsroom checks before adopting: the code's licence, and every shipped data file's source and licence."""

from __future__ import annotations

import tomllib

from conftest import ROOT

DATA_SUFFIXES = (".bin",)


def test_code_is_mit_licensed():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def test_every_shipped_data_file_names_its_sources_and_licences():
    listed = (ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
    shipped = sorted(p.name for p in (ROOT / "newslint" / "data").iterdir() if p.suffix in DATA_SUFFIXES)
    assert shipped and [name for name in shipped if f"`{name}`" not in listed] == []
    assert "`language/first_sounds.txt`" in listed
    for licence in ("MIT", "Apache-2.0", "BSD-2-Clause", "CC BY-SA 4.0", "SCOWL"):
        assert licence in listed


def test_package_metadata_declares_the_data_licences_too():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"].split(" AND ") == ["MIT", "Apache-2.0", "BSD-2-Clause", "CC-BY-SA-4.0",
                                                 "LicenseRef-SCOWL"]
    assert project["license-files"] == ["LICENSE", "LICENSE-DATA.md"]
