"""The shipped data: its manifest true to the files and to the pinned sources, and its file format (JSON header,
little-endian typed sections, text) readable whatever the Python version."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import tomllib

import pytest
from conftest import ROOT

from newslint import data

DATA = ROOT / "newslint" / "data"
MANIFEST = json.loads((DATA / "MANIFEST.json").read_text(encoding="utf-8"))


def build_script():
    spec = importlib.util.spec_from_file_location("build_data", ROOT / "scripts" / "build_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_manifest_lists_every_shipped_data_file_with_its_sha256_and_size():
    shipped = sorted(p.name for p in DATA.iterdir() if p.suffix == ".bin")
    assert sorted(MANIFEST["files"]) == shipped == ["alternatives.bin", "context.bin", "language_model.bin",
                                                    "lexicon.bin"]
    for name, entry in MANIFEST["files"].items():
        raw = (DATA / name).read_bytes()
        assert entry == {"sha256": hashlib.sha256(raw).hexdigest(), "size": len(raw)}, f"{name} is not as built"


def test_the_manifest_names_each_source_at_its_pinned_version_with_its_licence():
    build = build_script()
    pins = build.pinned_versions()
    assert [s["name"] for s in MANIFEST["sources"]] == list(build.SOURCES)
    for source in MANIFEST["sources"]:
        assert source["version"] == pins[source["name"]] and source["pinned"] is True, source["name"]
        assert source["licence"] and source["from"] in ("PyPI", "Debian")
        assert set(source["into"]) <= set(MANIFEST["files"])
    shipped_into = {name for s in MANIFEST["sources"] for name in s["into"]}
    assert shipped_into | set(MANIFEST["derived"]) == set(MANIFEST["files"]), "every file has a source"
    assert set(MANIFEST["derived"]["alternatives.bin"]["from"]) <= shipped_into
    assert MANIFEST["format"] == data.FORMAT


def test_the_data_extra_pins_every_python_source_exactly():
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    pins = dict(requirement.split("==") for requirement in extra["data"])
    pypi = {s["name"] for s in MANIFEST["sources"] if s["from"] == "PyPI"}
    assert set(pins) == pypi and all(pins.values())


@pytest.mark.parametrize("name", ["lexicon", "context", "language_model", "alternatives"])
def test_each_shipped_file_is_in_the_current_format(name):
    raw = (DATA / f"{name}.bin").read_bytes()
    assert raw.startswith(data.MAGIC)
    found = data.read(raw)
    assert found.sections and all(view.nbytes for view in found.sections.values())


def test_no_shipped_module_unpickles_or_unmarshals():
    """marshal's format changes between Python versions, and pickle runs code: neither reads shipped data."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "newslint").rglob("*.py"))
    assert "import marshal" not in sources and "import pickle" not in sources


def round_trip(tmp_path, sections, values=None) -> data.DataFile:
    path = tmp_path / "sample.bin"
    data.dump(path, sections, values)
    return data.read(path.read_bytes())


def test_a_file_keeps_its_arrays_text_and_values(tmp_path):
    found = round_trip(tmp_path, {
        "small": ("uint8", bytes([0, 7, 255])),
        "wide": ("uint16", data.uint_array("H", [1, 65535])),
        "long": ("uint32", data.uint_array("I", [3, 2**32 - 1])),
        "huge": ("uint64", data.uint_array("Q", [5, 2**64 - 1])),
        "words": ("utf-8", data.lines(["één", "", "naïve"])),
        **data.mapping_sections("pairs", {"colour": "color", "kerb": "", "grey": "gray"}),
        **data.mapping_sections("one", {"only": ""}),
    }, {"total": 541808760578, "scale": 22.89521963056958})
    assert list(found.sections["small"]) == [0, 7, 255]
    assert list(found.sections["wide"]) == [1, 65535]
    assert list(found.sections["long"]) == [3, 2**32 - 1]
    assert list(found.sections["huge"]) == [5, 2**64 - 1]
    assert found.lines("words") == ["één", "", "naïve"]
    assert list(found.mapping("pairs").items()) == [("colour", "color"), ("grey", "gray"), ("kerb", "")]
    assert found.mapping("one") == {"only": ""}
    assert found.values == {"total": 541808760578, "scale": 22.89521963056958}


def test_the_same_content_gives_the_same_bytes(tmp_path):
    sections = {"a": ("uint16", data.uint_array("H", [1, 2, 3])), "b": ("utf-8", data.lines(["x"]))}
    data.dump(tmp_path / "one.bin", sections, {"n": 1})
    data.dump(tmp_path / "two.bin", sections, {"n": 1})
    assert (tmp_path / "one.bin").read_bytes() == (tmp_path / "two.bin").read_bytes()


def test_sections_are_aligned_and_the_header_is_json(tmp_path):
    path = tmp_path / "sample.bin"
    data.dump(path, {"odd": ("uint8", b"abc"), "next": ("uint64", data.uint_array("Q", [1]))})
    raw = path.read_bytes()
    size = int.from_bytes(raw[len(data.MAGIC):len(data.MAGIC) + 4], "little")
    header = json.loads(raw[len(data.MAGIC) + 4:len(data.MAGIC) + 4 + size])
    assert header["format"] == data.FORMAT and header["byte_order"] == "little"
    assert [offset % data.ALIGN for _, offset, _ in header["sections"].values()] == [0, 0]
    assert raw.endswith(b"\x01" + bytes(7)) and len(raw) % data.ALIGN == 0


def test_a_big_endian_machine_reads_the_little_endian_arrays_swapped(tmp_path, monkeypatch):
    path = tmp_path / "sample.bin"
    data.dump(path, {"wide": ("uint16", data.uint_array("H", [1, 2])), "text": ("utf-8", data.lines(["ab"]))})
    monkeypatch.setattr(data, "NATIVE_ORDER", "big")
    found = data.read(path.read_bytes())
    # read on this (little-endian) machine as a big-endian one would: swapped, so here the values come out reversed
    assert list(found.sections["wide"]) == [256, 512]
    assert found.lines("text") == ["ab"]


def test_a_file_of_another_kind_or_format_is_refused(tmp_path):
    with pytest.raises(data.DataError, match="not a newslint data file"):
        data.read(b"\xe3\x00\x00\x00" + bytes(60))  # what a marshalled dict begins with
    data.dump(tmp_path / "sample.bin", {})
    raw = (tmp_path / "sample.bin").read_bytes().replace(b'"format":1', b'"format":9')
    with pytest.raises(data.DataError, match="format 9"):
        data.read(raw)


def test_a_section_of_the_wrong_length_for_its_type_is_not_written(tmp_path):
    with pytest.raises(ValueError, match="no uint32 array"):
        data.dump(tmp_path / "bad.bin", {"odd": ("uint32", b"abc")})
    with pytest.raises(ValueError, match="line break"):
        data.lines(["two\nlines"])


def test_a_string_table_finds_its_keys_and_nothing_else(tmp_path):
    mapping = {"their": "there= they're=", "a": "am an~ as", "naïve": "native", "empty": ""}
    table = round_trip(tmp_path, data.table_sections("t", mapping)).table("t")
    assert len(table) == 4 and all(table.get(k) == v for k, v in mapping.items())
    assert table.get("thier") is None and table.get("thier", "") == "" and "their" in table and "" not in table
    assert table.get("\udcff") is None  # a lone surrogate (from undecodable bytes) is looked up, never found


def test_a_string_table_compares_the_key_not_only_its_checksum(tmp_path, monkeypatch):
    table = round_trip(tmp_path, data.table_sections("t", {"peace": "piece="})).table("t")
    monkeypatch.setattr(data, "checksum", lambda raw: table.checksums[0])  # every key collides with "peace"
    assert table.get("peace") == "piece=" and table.get("piece") is None


def test_the_models_load_from_the_shipped_files():
    from newslint.language.context_model import ContextModel
    from newslint.language.language_model import LanguageModel
    from newslint.language.lexicon import Lexicon

    lexicon = Lexicon.load("en-GB")
    assert lexicon.is_word("colour") and lexicon.is_other_dialect("color") and "Aachen" in lexicon.proper
    assert lexicon.counterpart("color") == "colour" and "crypto" in lexicon.attested
    model = ContextModel.load()
    assert model.total > 0 and model.words.get("the") > model.words.get("peace") > 0
    assert {c.word for c in model.confusions("their")} >= {"there"}
    assert LanguageModel.load().known("the")


def test_each_confusion_is_a_word_the_model_knows_with_the_kind_of_slip_spelling_gives_it():
    from newslint.language.context_model import ContextModel
    from newslint.language.language_model import LanguageModel
    from newslint.language.lexicon import SLIP_COSTS, SLIP_KINDS, keystroke_slip

    model, language_model = ContextModel.load(), LanguageModel.load()
    assert sorted(SLIP_KINDS) == sorted(SLIP_COSTS)
    pairs = 0
    for written, entries in model._confusions.items():
        for entry in entries.split():
            intended = entry[:-1].rstrip("=~+")
            kind = keystroke_slip(written, intended)
            assert language_model.known(intended) and SLIP_KINDS[int(entry[-1])] == kind, (written, entry)
            pairs += 1
    assert pairs > 100_000
    assert [(c.word, c.cost) for c in model.confusions("peace")] == [  # sounds alike, other letters, homophone
        ("pace", -1.0), ("peach", -2.0), ("pence", -2.0), ("piece", -0.5), ("place", -2.0)]


def test_forms_of_one_word_share_a_stem_and_a_word_in_s_takes_es():
    build = build_script()
    assert build.inflection("minister", "ministers") and build.inflection("retires", "retired")
    assert build.inflection("bass", "basses") and build.inflection("asses", "ass")
    assert not build.inflection("asses", "assess") and not build.inflection("needles", "needless")
    assert not build.inflection("loses", "loss") and not build.inflection("princes", "princess")


def test_a_short_form_read_out_in_full_is_no_homophone_slip():
    build = build_script()
    assert build.shortening("corp", "corporation") and build.shortening("through", "thru")
    assert build.shortening("tho", "though") and build.shortening("blvd", "boulevard")
    assert not build.shortening("taut", "taught") and not build.shortening("strait", "straight")
    assert not build.shortening("your", "you're") and not build.shortening("band", "banned")
    assert build.shortening("lbs", "pounds")  # no vowel: an abbreviation, whatever its letters
    assert not build.shortening("by", "buy") and not build.shortening("why", "wye")


def test_the_shipped_confusions_hold_no_short_form_of_a_word():
    from newslint.language.context_model import ContextModel

    model = ContextModel.load()
    assert "through" not in {c.word for c in model.confusions("thru")}
    assert "corporation" not in {c.word for c in model.confusions("corp")}
    assert "pounds" not in {c.word for c in model.confusions("lbs")}
    assert "taught" in {c.word for c in model.confusions("taut")}


def test_only_short_words_have_a_phrase_opener_among_their_confusions():
    """NL201's opener-at-phrase-end looks at the marks after a word only when it is short enough to be one slip from
    an article or a preposition that opens a phrase (OPENER_NEIGHBOUR_LENGTH): the data must keep that true."""
    from newslint.language.context_model import ContextModel
    from newslint.rules.real_word_error import OPENER_NEIGHBOUR_LENGTH, PHRASE_OPENERS

    table = ContextModel.load()._confusions
    text, ends = bytes(table.keys).decode("utf-8"), list(table.key_ends)
    words = [text[start:end] for start, end in zip([0, *ends], ends)]
    near_an_opener = {w for w in words if PHRASE_OPENERS & {c.word for c in ContextModel.load().confusions(w)}}
    assert {"thee", "them", "then", "form", "intro"} <= near_an_opener
    assert max(map(len, near_an_opener)) <= OPENER_NEIGHBOUR_LENGTH


def test_words_one_reduced_vowel_apart_are_sound_alikes_however_they_are_spelt():
    from newslint.language.context_model import ContextModel

    model = ContextModel.load()
    costs = {(w, c.word): c.cost for w in ("except", "allude", "precede", "him") for c in model.confusions(w)}
    assert costs[("except", "accept")] == costs[("allude", "elude")] == costs[("precede", "proceed")] == -1.0
    assert ("him", "i'm") not in costs  # a word of one syllable has only a weak form, no reduced vowel of its own


def test_words_whose_short_vowels_an_ear_runs_together_are_confused_both_ways():
    from newslint.language.context_model import ContextModel

    model = ContextModel.load()
    pairs = [("illicit", "elicit"), ("immigration", "emigration"), ("imminent", "eminent"),
             ("differential", "deferential")]
    assert [(a, b) for a, b in pairs + [(b, a) for a, b in pairs]
            if b not in {c.word for c in model.confusions(a)}] == []
    assert "pity" not in {c.word for c in model.confusions("petty")}  # a stressed short vowel inside a word stays


def test_names_only_are_names_whose_lower_case_form_is_no_listed_word():
    from newslint.language.lexicon import Lexicon

    lexicon = Lexicon.load("en-GB")
    assert {"craig", "surya", "ada"} <= lexicon.name_only
    assert not {"justice", "bill", "mark", "rose", "china"} & lexicon.name_only  # lower-case words too
    assert all(name.capitalize() in lexicon.proper or name.title() in lexicon.proper for name in lexicon.name_only)


def test_a_table_counts_many_keys_at_once_as_it_counts_each():
    from newslint.language.lexicon import Lexicon

    table = Lexicon.load("en-GB").words
    keys = ["the", "goverment", "government", "marae", "", "zzzq", "café", "the"]  # repeats, empty, no word, accents
    assert table.counts_of(keys) == {key: table._look_up(key) for key in keys if table._look_up(key)}
    assert "goverment" not in table.counts_of(keys) and table.counts_of(keys)["government"] > 0


def test_a_batch_with_numpy_at_hand_finds_the_keys_its_presence_map_passes():
    # counts_of reads the presence map only with numpy imported
    import numpy  # noqa: F401

    from newslint.language.lexicon import Lexicon, edits1

    table = Lexicon.load("en-GB").words
    keys = sorted(edits1("goverment") | edits1("reserch") | {"the", "", "café", "zzzq"})
    assert table.counts_of(keys) == {key: table._look_up(key) for key in keys if table._look_up(key)}
    assert table._present is not None and {"government", "research", "the", "café"} <= set(table.counts_of(keys))


def test_set_phrases_pair_a_word_the_lists_lack_with_its_partner_in_a_wordnet_entry():
    from newslint.language.lexicon import Lexicon

    lexicon = Lexicon.load("en-GB")
    assert lexicon.set_phrase("ex", "gratia", "payment") == "ex gratia"
    assert lexicon.set_phrase(None, "maitre", "d\u2019hotel") == "maitre d'hotel"
    assert lexicon.set_phrase("in", "absentia", None) == "in absentia"
    assert lexicon.set_phrase("gratia", "ex", None) is None  # the order of the entry
    assert lexicon.set_phrase("sub", "judge", None) is None
    # beside a function word, a spelling no commoner than slips of an everyday word would make it is no phrase's
    assert lexicon.set_phrase(None, "rachet", "up") is None
    assert lexicon.set_phrase("the", "phrophet", None) is None
    # two content words the lists know: a compound (no real-word slip), when WordNet lists it
    assert lexicon.set_phrase("yellow", "pine", "cabinets") == "yellow pine"
    assert lexicon.set_phrase("the", "minister", "said") is None


def test_other_languages_give_their_common_words_the_english_lists_lack():
    from newslint.language.lexicon import Lexicon
    from newslint.language.other_languages import OtherLanguages

    languages = OtherLanguages.load()
    assert languages.names == build_script().OTHER_LANGUAGES
    assert languages.named(languages.of("suono")) == "it"
    assert "es" in languages.named(languages.of("pero")) and "fil" in languages.named(languages.of("lahat"))
    assert languages.of("goverment") == 0  # no language's word
    lexicon = Lexicon.load("en-GB")
    assert all(languages.of(word) == 0 for word in ("house", "the", "marae", "piano") if lexicon.is_word(word)
               or lexicon.rare.get(word))  # the English lists' words are left out
