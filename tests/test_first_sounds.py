"""newslint/language/first_sounds.txt, the words whose first letter misleads about their first sound (from the CMU
Pronouncing Dictionary): well formed, and saying what the dictionary says of the words it was built for."""

from __future__ import annotations

from newslint.language.sounds import SOUNDS_FILE, listed, starts_with_vowel_sound


def test_the_list_is_sorted_lower_case_word_tab_sound_with_no_repeats():
    lines = [line for line in SOUNDS_FILE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    words = [line.split("\t")[0] for line in lines]
    assert words == sorted(set(words)) and len(words) > 2000
    assert all(len(line.split("\t")) == 2 and line.split("\t")[1] in ("vowel", "consonant", "either") for line in lines)
    assert all(w == w.lower() and w[0].isalpha() for w in words)


def test_it_lists_only_what_the_first_letter_gets_wrong_and_every_u_word():
    spelt = {word: sound for word, sound in listed().items() if sound != "either"}
    misleading = {word for word, sound in spelt.items() if (sound == "vowel") != (word[0] in "aeiou")}
    assert set(spelt) - misleading == {word for word in spelt if word[0] == "u"} - misleading
    assert {"hour": "vowel", "union": "consonant", "one": "consonant", "european": "consonant",
            "umbrella": "vowel", "herb": "either"}.items() <= listed().items()


def test_sounds_newslint_is_sure_of_and_those_it_leaves_open():
    sure = {"hour": True, "union": False, "one-off": False, "apple": True, "report": False, "MP": True, "SUV": True,
            "BBC": False, "X-ray": True, "U-turn": False, "LGBT": True, "European": False, "umbrella": True}
    assert {word: starts_with_vowel_sound(word) for word in sure} == sure
    open_ = ["historic", "hotel", "HGV", "NASA", "urinal", "Uber", "Ukrainian", "N", "US", "1990s"]
    assert [starts_with_vowel_sound(word) for word in open_] == [None] * len(open_)
