"""NL204: a set phrase with a real word in place of its own (free reign, would of been, baited breath)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import compress, count
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from newslint import wordlists
from newslint.document.text import match_case
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

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
def phrases() -> dict[str, tuple[tuple[int, Misused], ...]]:
    """The list's entries by the longest word of the wrong phrase (most words are common, and each one looked up is
    a phrase to try), with either apostrophe: (the word's place in the phrase, entry), longest phrase first."""
    by_anchor: dict[str, list[tuple[int, Misused]]] = {}
    for entry in sorted(map(parse, wordlists.entries("misused-phrases")), key=lambda e: -len(e.wrong)):
        place = max(range(len(entry.wrong)), key=lambda i: len(entry.wrong[i]))
        for anchor in {entry.wrong[place], entry.wrong[place].replace("'", "’")}:
            by_anchor.setdefault(anchor, []).append((place, entry))
    return {anchor: tuple(entries) for anchor, entries in by_anchor.items()}


def matches(doc: Document) -> Iterator[tuple[int, Misused]]:
    """(index of its first token, entry) for each misused phrase in the document's words, in any letter case and
    with either apostrophe, its words whole and separated by whitespace alone."""
    by_anchor, tokens, prose = phrases(), doc.tokens, doc.prose
    lowered = list(map(str.lower, map(attrgetter("text"), tokens)))
    for index in compress(count(), map(by_anchor.__contains__, lowered)):  # C loops: this runs for every word
        for place, entry in by_anchor[lowered[index]]:
            if written_at(tokens, prose, index - place, entry):
                yield index - place, entry
                break


def written_at(tokens, prose: str, first: int, entry: Misused) -> bool:
    """The entry's wrong phrase is the words from token `first`, with whitespace alone between them, and the word after
    them is none of those after which it is another phrase."""
    last = first + len(entry.wrong) - 1
    return first >= 0 and last < len(tokens) and all(
        plain(tokens[i].text) == word and (i == first or prose[tokens[i - 1].end:tokens[i].start].isspace())
        for i, word in enumerate(entry.wrong, first)) and (
        not entry.not_before or last + 1 == len(tokens) or plain(tokens[last + 1].text) not in entry.not_before)


def plain(word: str) -> str:
    return word.lower().translate(APOSTROPHES)


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
        tokens, prose = doc.tokens, doc.prose
        for index, entry in matches(doc):
            if doc.in_heading(tokens[index].start):
                continue
            first, wrong_end, right_end = entry.differing()
            start, end = tokens[index + first].start, tokens[index + wrong_end - 1].end
            found = prose[start:end]
            suggestion = match_case(found, " ".join(entry.right[first:right_end]))
            written = " ".join(t.text for t in tokens[index:index + len(entry.wrong)])
            phrase = " ".join(entry.right).replace("'", "’") if "’" in written else " ".join(entry.right)
            yield self.report(Span(start, end), f"'{written}': the set phrase is '{phrase}'", (suggestion,))

