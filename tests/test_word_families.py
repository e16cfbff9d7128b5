"""newslint/language/word_families.py: which forms make one word's family, and how often a story uses a word in any
of them."""

from __future__ import annotations

import pytest

from newslint.document.document import Document
from newslint.document.source import Source
from newslint.language.word_families import WordFamilies, stems


@pytest.mark.parametrize("word, stem", [
    ("dyeing", "dye"), ("dyers", "dye"), ("dyed", "dye"), ("dyes", "dye"), ("making", "make"), ("buses", "bus"),
    ("statues", "statue"), ("churches", "church"),
])
def test_a_form_reaches_its_word(word, stem):
    assert stem in stems(word)


@pytest.mark.parametrize("word, not_stem", [("after", "aft"), ("letter", "let"), ("former", "form"), ("corner", "corn"),
                                            ("statues", "statu"), ("is", "i")])
def test_an_ending_too_short_a_stem_or_a_stray_e_makes_no_family(word, not_stem):
    assert not_stem not in stems(word)


def test_uses_counts_every_form_in_the_story_in_either_case():
    text = "Dyers met.\nShe dyes cloth and the dye pits are old.\nDyeing is slow. Rain fell.\n"
    doc = Document(Source("story.txt", text, "utf-8", False))
    families = doc.derived(WordFamilies)
    assert families.uses("dyeing") == 4 and families.uses("dye") == 4
    assert families.uses("rain") == 1 and families.uses("absent") == 0


def test_uses_as_written_counts_the_word_in_lower_case_or_capitalised_only():
    text = "Dyers met.\nShe dyes cloth.\nDyes run. The dyes faded. DYES\n"
    families = Document(Source("story.txt", text, "utf-8", False)).derived(WordFamilies)
    assert families.uses("dyes", other_forms=False) == 3 and families.uses("dyes") == 4
