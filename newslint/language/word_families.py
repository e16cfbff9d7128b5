"""A story's words grouped by family: the forms of one word that inflection or an agent ending makes of it (dye,
dyes, dyed, dyeing, dyers), so that a rule can ask how often a story uses a word in any of its forms."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newslint.language.names import NameEvidence

if TYPE_CHECKING:
    from newslint.document.document import Document

# Endings that make another form of a word, longest first. "er"/"ers" (dyer, builder) only after a stem of four
# letters or more: a shorter one is seldom the word's own (after is no form of aft, nor letter of let).
ENDINGS = ("ings", "ing", "ers", "er", "ed", "es", "s")
AGENT_ENDINGS = ("er", "ers")
# "es" is a plural or verb ending only after a hissing sound (buses, boxes, churches); elsewhere the "e" is the
# stem's (statues is statue + s, not statu + es).
HISSING_ENDS = ("s", "x", "z", "ch", "sh")
# After an "e" the stem keeps, the endings lose theirs: dyed, dyer(s), dyes.
AFTER_E = ("d", "r", "rs", "s")


def stems(word: str) -> set[str]:
    """The lower-case word and every stem an ending of ENDINGS or AFTER_E can be taken from (with the silent e an
    -ing, -ed or -er drops put back: making, make)."""
    out = {word}
    for ending in ENDINGS:
        stem = word[:-len(ending)]
        if not word.endswith(ending) or len(stem) < (4 if ending in AGENT_ENDINGS else 3):
            continue
        if ending == "es" and not stem.endswith(HISSING_ENDS):
            continue
        out.add(stem)
        if ending not in ("es", "s"):
            out.add(stem + "e")
    for ending in AFTER_E:
        if word.endswith("e" + ending) and len(word) - len(ending) >= 3:
            out.add(word[:-len(ending)])
    return out


class WordFamilies:
    """The story's lower-case and capitalised word forms (not acronyms), grouped by their first three letters, which
    every stem of a word longer than that shares with it; built once per document, each family found when asked."""

    def __init__(self, doc: Document):
        self.uses_of: Counter[str] = Counter()
        self.by_start: dict[str, list[str]] = {}
        for form, count in doc.derived(NameEvidence).forms.items():
            if form[1:] == form[1:].lower():
                lower = form.lower()
                if lower not in self.uses_of:
                    self.by_start.setdefault(lower[:3], []).append(lower)
                self.uses_of[lower] += count

    def uses(self, word: str) -> int:
        """How often the story uses the lower-case word in any of its forms."""
        own = stems(word)
        return sum(self.uses_of[form] for form in self.by_start.get(word[:3], ()) if form == word or own & stems(form))
