"""NL204: a set phrase with a real word in place of its own (free reign, would of been, baited breath)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from newslint import wordlists
from newslint.document.text import match_case
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

WORD_RE = re.compile(r"[\w'’-]+")
APOSTROPHES = str.maketrans("’", "'")


class Misused(NamedTuple):
    """An entry of misused-phrases.txt: the phrase as written wrongly and rightly, word by word, and the words
    after which the wrong phrase is something else ("would of course")."""

    wrong: tuple[str, ...]
    right: tuple[str, ...]
    not_before: frozenset[str]

    def differing(self) -> tuple[int, int, int]:
        """The words that differ: from `first` to `wrong_end` in the wrong phrase, to `right_end` in the right one."""
        first = 0
        while first < min(len(self.wrong), len(self.right)) - 1 and self.wrong[first] == self.right[first]:
            first += 1
        wrong_end, right_end = len(self.wrong), len(self.right)
        while wrong_end - 1 > first and right_end - 1 > first and self.wrong[wrong_end - 1] == self.right[right_end - 1]:
            wrong_end, right_end = wrong_end - 1, right_end - 1
        return first, wrong_end, right_end


def parse(line: str) -> Misused:
    """One line of misused-phrases.txt: `wrong = right`, optionally `; not before: word, word`."""
    phrases, _, guard = line.partition(";")
    wrong, equals, right = phrases.partition("=")
    label, _, words = guard.partition(":")
    if not equals or not wrong.split() or not right.split() or (guard and label.strip() != "not before"):
        raise ValueError(f"misused-phrases.txt: {line!r} is not `wrong = right[; not before: word, ...]`")
    return Misused(tuple(wrong.split()), tuple(right.split()), frozenset(w.strip() for w in words.split(",") if w.strip()))


@cache
def phrases() -> tuple[tuple[Misused, ...], re.Pattern[str]]:
    """The list's entries, longest first, and one pattern with a group for each, matched in any letter case as whole
    words, with any run of whitespace between words and either apostrophe."""
    entries = sorted(map(parse, wordlists.entries("misused-phrases")), key=lambda e: len(" ".join(e.wrong)),
                     reverse=True)
    alternatives = "|".join("(" + r"\s+".join(re.escape(w).replace("'", "['’]") for w in e.wrong) + ")"
                            for e in entries)
    return tuple(entries), re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])", re.IGNORECASE)


class MisusedPhrase(Rule):
    """A set phrase written with a real word in place of its own: "free reign" (rein), "would of been" (have),
    "baited breath" (bated), "sneak peak" (peek).

    What it does: looks for the phrases of a list of eggcorns and malapropisms that are nearly always slips
    (newslint/wordlists/misused-phrases.txt), in any letter case, with any spacing and either apostrophe, and
    reports the word or words that differ from the set phrase, suggesting the phrase's own. An entry may name the
    words after which the phrase is something else ("would of course"). Headlines are left alone: a pun there is
    deliberate. Phrases a pun or a literal use writes on purpose (fowl play, grizzly details) and those some
    dictionaries accept (could care less) are not on the list.

    Why it matters: every word of these is spelt right, so a spell checker passes them, and the context model rarely
    knows the phrase well enough to doubt them; readers notice them at once.

    Example: "gave the agency free reign to cut costs" -> "rein".

    Fix safety: unsafe; the phrase is a slip wherever the list has seen it written, but a story may quote one on
    purpose.
    """

    code = "NL204"
    name = "misused-phrase"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        entries, pattern = phrases()
        prose = doc.prose
        for match in pattern.finditer(prose):
            entry = entries[match.lastindex - 1]  # type: ignore[operator]
            if entry.not_before and next_word(prose, match.end()) in entry.not_before:
                continue
            if doc.in_heading(match.start()):
                continue
            words = list(WORD_RE.finditer(prose, match.start(), match.end()))
            first, wrong_end, right_end = entry.differing()
            start, end = words[first].start(), words[wrong_end - 1].end()
            found = prose[start:end]
            suggestion = match_case(found, " ".join(entry.right[first:right_end]))
            written = " ".join(match.group().split())
            phrase = " ".join(entry.right).replace("'", "’") if "’" in written else " ".join(entry.right)
            yield self.report(Span(start, end), f"'{written}': the set phrase is '{phrase}'", (suggestion,))


def next_word(prose: str, end: int) -> str:
    """The word after `end` in lower case, with plain apostrophes ("" at the end of the text)."""
    match = WORD_RE.search(prose, end)
    return match.group().lower().translate(APOSTROPHES) if match else ""
