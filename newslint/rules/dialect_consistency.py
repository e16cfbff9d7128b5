"""NL302: a word spelt another standard's way: the desk's standard when one is configured, else the story's own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.document.text import match_case
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule
from newslint.language.lexicon import AUTO, BRITISH, BRITISH_FORM, SPELLING
from newslint.language.story_dialect import StoryDialect, spelt_parts

if TYPE_CHECKING:
    from newslint.document.document import Document
    from newslint.engine.diagnostic import Diagnostic
    from newslint.engine.resources import Resources

# How a message names each side of a split axis (lexicon.SPLIT_CLASSES): British form, American form.
SPLIT_LABELS = {"-ise": ("-ise", "-ize"), "-yse": ("-yse", "-yze"), "ae": ("ae/oe", "plain e")}


class DialectConsistency(Rule):
    """A word spelt the way of another English standard than the story's, or the desk's.

    What it does: with no dialect configured (`auto`, the default) the story decides. Its words that only one
    standard's lists have (SCOWL and breame: colour, centre, defence against color, center, defense, traveled) vote,
    names excepted, and a word spelt against the story's majority is flagged with the majority's form: "'color' is
    American spelling; this story mostly uses British spelling: 'colour'". A consistently British, American,
    Australian or Oxford-spelt story gets no remark. Votes are occurrences; on a tie the form of the story's first
    marked word is the reference, as the name-variant rule takes the first form used, and the message says so: "'color'
    is American spelling; this story first uses British spelling: 'colour'".
    Differences that a British-family standard itself splits on are counted on axes of their own. -ise/-ize: Oxford
    spelling (British with -ize) is a standard, so "organization" beside "colour" is no mix, but "organise" beside
    "organize" is; an -ise spelling still counts as British (American never writes it), an -ize one not as
    American. Canadian English, which cannot be configured, keeps colour and centre but writes -yze (analyze), the
    plain e of anemia and pediatric, aluminum, skeptical and chili; each of these counts only against its own
    British form (analyse beside analyze is a mix), so a consistent Canadian story is no mix either. Australian
    spelling writes program, jail and fetus as American copy does, and the lists accept those in British copy too:
    they are no evidence. Nor are British spellings the American lists accept as variants (travelled, theatre,
    catalogue, which 1961 American press still wrote): they never vote, so are never flagged in American copy.
    With a dialect configured (`dialect =` or `--dialect`), every word of the other standard is flagged with the
    configured form (en-AU follows British spelling; en-GB-oxendict is British spelling with -ize, so organise
    and realisation are flagged there).
    With any setting, names get no remark and cast no vote: capitalised words with name evidence (World Health
    Organization, Lincoln Center, the Labor Party, Pearl Harbor), a capitalised word opening a sentence beside a
    name or before a title (Defence Secretary Geoff Hoon) and a capitalised part after a hyphen (anti-Labour);
    nor do words with no spelling counterpart (mom, draught), nor prized, which is no American spelling of prised.

    Why it matters: a story that mixes colour and color reads as unedited. But a checker that turns every British
    story American is worse than none: the story's own standard is right unless the desk has chosen one.

    Example: in a story that writes colour and centre, "the color scheme" -> "colour", but "the organization
    said" is fine (Oxford spelling); in en-GB, "the organization said" -> "organisation".

    Fix safety: with a configured dialect, safe when the word list gives the counterpart, unsafe when a spelling
    pattern gives it (traveled -> travelled). Under auto always unsafe: the standard is a guess from the story
    itself, so --fix never respells a story no desk has set a standard for.
    """

    code = "NL302"
    name = "dialect-consistency"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, res: Resources) -> Iterator[Diagnostic]:
        if res.config.dialect == AUTO:
            yield from self._check_story(doc)
            return
        lexicon = res.lexicon
        dialect = res.config.dialect
        other = "American" if dialect in BRITISH else "British"
        for start, part in spelt_parts(doc, lexicon.is_other_dialect):  # a Span only for the words reported
            if lexicon.is_other_dialect(part):
                counterpart, listed = lexicon.native_spelling(part.lower())
                if counterpart:
                    span = Span(start, start + len(part))
                    fix = match_case(part, counterpart)
                    kind = "the -ise" if part.lower() in lexicon.ise else other
                    yield self.report(span, f"'{part}' is {kind} spelling; {dialect} uses '{fix}'", (fix,),
                                      applicability=Applicability.SAFE if listed else Applicability.UNSAFE)

    def _check_story(self, doc):
        story = doc.derived(StoryDialect)
        for word in story.words:
            vote = story.minority_vote(word.mark)
            if vote is None:
                continue
            axis, form = vote
            fix = match_case(word.text, word.mark.counterpart)
            how_often = "first" if story.is_tie(axis) else "mostly"  # a tie is no majority: say which form came first
            if axis in (SPELLING, *SPLIT_LABELS):
                reference = _describe(axis, story.majorities[axis])
                message = f"'{word.text}' is {_describe(axis, form)}; this story {how_often} uses {reference}: '{fix}'"
            else:  # a word counted on its own (aluminium, aluminum)
                message = f"'{word.text}' is {form} spelling; this story {how_often} writes '{fix}'"
            yield self.report(word.span, message, (fix,), applicability=Applicability.UNSAFE)


def _describe(axis: str, form: str) -> str:
    """'British spelling', 'the -ize spelling'."""
    if axis == SPELLING:
        return f"{form} spelling"
    british, american = SPLIT_LABELS[axis]
    return f"the {british if form == BRITISH_FORM else american} spelling"
