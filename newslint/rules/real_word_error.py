"""NL201: a real word that does not fit its context, where a word one slip away does."""

from __future__ import annotations

import math

from newslint.diagnostic import Applicability, Severity, Span
from newslint.names import NameEvidence
from newslint.rule import Rule
from newslint.text import match_case

# A real-word slip is rare, about one word in a few thousand: the context must make the alternative that much
# likelier (in log10 odds, after the slip's own likelihood) before the word is flagged.
THRESHOLD = 3.5
# Lower bar when the written word has no attested pair on either side and the alternative has one on both.
FLIP_THRESHOLD = 2.0
PRIOR_RANGE = (-3.0, 1.0)  # rarer alternatives are not considered; commoner ones gain at most this, in log10
SAME_STORY_BONUS = 1.0  # log10 boost for an alternative the story uses elsewhere (a cache model)


class RealWordError(Rule):
    """A correctly spelt word that is probably a slip for another: "point man no North Korea" (on).

    What it does: weighs each word against the real words one keystroke away from it (no/on, form/from,
    than/then, trail/trial) and the words that sound the same (their/there, peace/piece), by how well each
    fits between its neighbours in Google Books word-pair counts, times how likely the slip is. It flags
    the word only when an alternative is overwhelmingly likelier, and boosts alternatives the story uses
    elsewhere. Names, acronyms and headlines (telegraphic by design) are not judged.

    Why it matters: a spell checker cannot see these; every one of them is a real word. They are the errors
    that reach print.

    Example: "Trump's point man no North Korea" -> "on".

    Fix safety: unsafe; the linter is judging from context, so the fix is applied only with --unsafe-fixes.
    """

    code = "NL201"
    name = "real-word-error"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE

    def check(self, doc, res):
        flagged: dict[int, tuple[str, float]] = {}
        for index in range(len(doc.tokens)):
            found = self.assess(doc, res, index)
            if found is None:
                continue
            candidate, odds, flip = found
            if odds > THRESHOLD or (flip and odds > FLIP_THRESHOLD):
                flagged[index] = (candidate, odds)
        for index, (candidate, odds) in flagged.items():
            # A slip spoils its neighbours' pairs too: of two adjacent suspects, only the stronger is the slip.
            if any(flagged.get(other, ("", float("-inf")))[1] > odds for other in (index - 1, index + 1)):
                continue
            token = doc.tokens[index]
            suggestion = match_case(token.text, candidate)
            yield self.report(Span(token.start, token.end),
                              f"'{token.text}' may be a slip for '{suggestion}' here", (suggestion,))

    def assess(self, doc, res, index: int) -> tuple[str, float, bool] | None:
        """The best alternative to token `index`, its log10 odds over the word as written, and whether the
        neighbours attest the alternative on both sides but the written word on neither, though chance alone
        would have listed its pairs; or None."""
        token = doc.tokens[index]
        word = token.text
        lower = word.lower()
        model = res.context_model
        candidates = model.confusions(lower)
        if not candidates:
            return None
        if doc.in_heading(token.start):
            return None  # headlines are telegraphic: "Straw attacked on China arms" defeats pair statistics
        evidence = doc.derived(NameEvidence)
        if word[1:] != lower[1:] or (word[:1].isupper() and evidence.looks_like_name(token, index)):
            return None
        left, right = doc.neighbours(index)
        if left is None and right is None:
            return None
        tokens = doc.tokens
        names = (left is not None and evidence.capitalised_in_sentence(tokens[index - 1]),
                 right is not None and evidence.capitalised_in_sentence(tokens[index + 1]))
        sides = (left is not None) + (right is not None)
        base, base_seen, base_telling = model.evidence(lower, left, right, *names)
        if base_seen == sides:
            return None  # the written word's pairs with both neighbours are well attested: it fits
        written = math.log10(model.count(lower))
        best = None
        for candidate, cost in candidates:
            if res.lexicon.is_other_dialect(candidate):
                continue
            prior = math.log10(model.count(candidate)) - written
            if prior < PRIOR_RANGE[0]:
                continue  # a thousand times rarer than the word written: not what the writer meant
            prior = min(prior, PRIOR_RANGE[1])
            fit, seen, _ = model.evidence(candidate, left, right, *names)
            score = fit + prior + cost
            if evidence.forms[candidate] or evidence.forms[candidate.capitalize()]:
                score += SAME_STORY_BONUS
            if best is None or score > best[1]:
                best = (candidate, score, seen == sides == base_telling == 2 and base_seen == 0)
        return (best[0], best[1] - base, best[2]) if best else None
