"""A story's words grouped by family: the forms of one word that inflection makes of it, and the agent after an e it
keeps (dye, dyes, dyed, dyeing, dyers), so that a rule can ask how often a story uses a word in any of its forms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.language.memo import Memo
from newslint.language.names import NameEvidence
from newslint.language.ngrams import MEMO_SIZE

if TYPE_CHECKING:
    from newslint.document.document import Document

# Inflections, longest first. Not "-er": it makes as many other words as forms of one (former is no form of form,
# nor corner of corn, nor letter of let); after an "e" the word keeps, AFTER_E has the agent (dyer, dyers).
ENDINGS = ("ings", "ing", "ed", "es", "s")
# "es" is a plural or verb ending only after a hissing sound (buses, boxes, churches); elsewhere the "e" is the
# stem's (statues is statue + s, not statu + es).
HISSING_ENDS = ("s", "x", "z", "ch", "sh")
# After an "e" the stem keeps, the endings lose theirs: dyed, dyer(s), dyes.
AFTER_E = ("d", "r", "rs", "s")


def stems(word: str) -> set[str]:
    """The lower-case word and every stem an ending of ENDINGS or AFTER_E can be taken from (with the silent e an
    -ing or -ed drops put back: making, make)."""
    out = {word}
    for ending in ENDINGS:
        stem = word[:-len(ending)]
        if not word.endswith(ending) or len(stem) < 3:
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


# Each lower-case form's stems, remembered per process: a story's forms are the language's, asked of story after story.
_STEMS = Memo(MEMO_SIZE, lambda form: frozenset(stems(form)))


class WordFamilies:
    """The story's word forms grouped by their first three letters, which every stem of a word longer than that shares
    with it; the groups made when first asked for, each family found when asked (NL201: once a judged content word a
    story)."""

    def __init__(self, doc: Document):
        self.forms = doc.derived(NameEvidence).forms
        self._by_start: dict[str, list[str]] | None = None

    def uses(self, word: str, other_forms: bool = True) -> int:
        """How often the story uses the lower-case word, in lower case or capitalised (not acronyms): in any of its
        forms, or only as written."""
        if not other_forms:
            return self.forms[word] + self.forms[word.capitalize()]
        if self._by_start is None:
            self._by_start = {}
            for form in self.forms:
                self._by_start.setdefault(form[:3].lower(), []).append(form)
        own = None
        total = 0
        for form in self._by_start.get(word[:3], ()):
            rest = form[1:]
            if rest != rest.lower():
                continue
            lower = form.lower()
            if lower != word:
                own = own or _STEMS[word]
                if not own & _STEMS[lower]:
                    continue
            total += self.forms[form]
        return total
