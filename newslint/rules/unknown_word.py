"""NL102: a word not in the dictionary, not a name, and not a slip of any known word (off by default)."""

from __future__ import annotations

from newslint.engine.diagnostic import Severity, Span
from newslint.engine.explain import Step
from newslint.rules.misspelling import FileCheck, Spelling, Unknown, note_candidates, quoted

# NL102 weighs a word with NL101's exemptions (their steps are NL101's), then gives its own verdict.
NEAR_A_WORD = Step(
    "NL102", "near-a-word",
    decides="a known word is a slip away: NL101 reports it as a misspelling, with its corrections",
    allows=("A nuclear [[reserch]] site.",))
NOTHING_NEAR = Step(
    "NL102", "nothing-near",
    decides="no known word is a slip away (a term, a coinage, a foreign word, keyboard mash): reported, for a desk "
    "that keeps a complete word list",
    flags=("He tested positive for [[stanozolol]] in May.",))
STEPS: tuple[Step, ...] = (NEAR_A_WORD, NOTHING_NEAR)


class UnknownWord(Spelling):
    """A word the dictionary does not know and that no known word is a slip away from.

    What it does: reports the unknown words that the misspelling rule (NL101) leaves alone because nothing
    in the dictionary is near them: technical terms, coinages, foreign words and keyboard mash ("stanozolol",
    "chromzirite", "numerique", "gribbletz"). Names are left alone as in NL101. Off by default: turn it on for
    a strict desk, and add the words it finds to the team's words file.

    Why it matters: most of these are deliberate, so flagging them by default would be noise; but a desk
    that keeps a complete word list wants to see every word outside it.

    Example: "tested positive for the steroid stanozolol" -> add "stanozolol" to the words file.

    Fix safety: no fix; there is nothing to suggest.
    """

    code = "NL102"
    name = "unknown-word"
    severity = Severity.WARNING
    fix_safety = None
    enabled_by_default = False

    def _verdict(self, f: FileCheck, unknown: Unknown):
        word = unknown.word
        candidates = f.candidates(word)
        if f.trace is not None:
            note_candidates(f, self.code, unknown, candidates, candidates)
        if NEAR_A_WORD.on and candidates:
            self._decide(f, unknown, NEAR_A_WORD, False)
        elif NOTHING_NEAR.on:
            self._decide(f, unknown, NOTHING_NEAR, True)
            yield self.report(Span(unknown.start, unknown.end), f"Unknown word {quoted(word)}, and no known word is "
                                                                 "near it")
