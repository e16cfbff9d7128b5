"""Build newslint/data/alternatives.bin, each word's alternatives for NL201 (newslint/language/alternatives.py), from
the shipped data and NL201's lasting reasons, and record it in MANIFEST.json. scripts/build_data.py runs it after
the other files; run it alone after a change to what the table reads (TOO_RARE, CONTENT_WORD, the word lists
auxiliary-tenses and place-prepositions, the confusion sets, the dialect lists): tests/test_alternatives.py fails
until then."""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from newslint import data
from newslint.engine.config import Config
from newslint.engine.resources import Resources
from newslint.language import alternatives
from newslint.rules.real_word_error import table_rows, table_values

OUT = Path(__file__).resolve().parent.parent / "newslint" / "data"
FROM = ("context.bin", "language_model.bin", "lexicon.bin")  # read through the installed package


def build(out: Path) -> Path:
    res = Resources(Config())
    vocabulary = len(res.language_model.keys)
    sections, endings = alternatives.sections(vocabulary, table_rows(res))
    path = out / f"{alternatives.NAME}.bin"
    data.dump(path, sections, {**table_values(), "vocabulary": vocabulary, "endings": endings})
    manifest_path = out / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    raw = path.read_bytes()
    manifest["files"][path.name] = {"sha256": hashlib.sha256(raw).hexdigest(), "size": len(raw)}
    manifest["derived"] = {path.name: {"from": list(FROM), "by": "scripts/build_alternatives.py",
                                       "gives": "each word's alternatives for NL201 (language/alternatives.py)"}}
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write to (default: newslint/data)")
    path = build(parser.parse_args().out)
    print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
