"""NL201: a real word that does not fit its context, where a word one slip away does."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain, islice

from newslint.document.text import house_apostrophe, match_case, plain_word, stuck_to_digits
from newslint.engine.diagnostic import Applicability, Severity, Span
from newslint.engine.rule import Rule
from newslint.language.language_model import SENTENCE_END, SENTENCE_START, Slot
from newslint.language.lexicon import AUTO
from newslint.language.names import NameEvidence
from newslint.language.story_dialect import StoryDialect

# A real-word slip is rare, about one word in a hundred at most: the context must make the alternative that
# much likelier (in log10 odds, after the slip's own likelihood) before the word is flagged.
THRESHOLD = 2.5
# Odds at which the fix is safe to apply unasked: a full log10 above the strongest false alarm seen on clean copy.
OVERWHELMING = 5.0
# A capitalised word the story treats as a name is judged too, but only on overwhelming evidence: "Nee York",
# "the Hank of England". Names are what the model knows least, so an ordinary margin would flag them.
NAME_MARGIN = 2.0
SAME_STORY_BONUS = 1.0  # log10 boost for a word the story uses elsewhere (a cache model)
# log10 unigram probability under which a word is a content word: one the story repeats is its topic (iron ore,
# the bid), while function words (of, were, then) recur in every story, slips or not.
CONTENT_WORD = -3.0
# A short dictionary word outside the model's 65,000 is an abbreviation or a rarity, not prose (hwy, sch): it is
# judged too, scored a power of ten below its dictionary frequency. Longer ones are real rare words (notional).
UNSEEN_MAX_LENGTH = 4
UNSEEN_PENALTY = -1.0
# An alternative this many powers of ten rarer than the written word, after the slip's own likelihood, is never
# the likelier word: its context would have to favour it by 10^7.5 beyond its frequency, and the strongest context
# on the dev and check benches gave 10^7.1.
TOO_RARE = 5.0
REACH = 2  # words of context on each side: the trigrams that see the word
SENTENCE_END_RE = re.compile(r"[.!?]")
# The model learnt from text read aloud, where a number is words: any number but a year (read in too many ways)
# stands in as one number word, which starts with a vowel where the number's reading does (an 8% rise, an 11th).
NUMBER_RE = re.compile(r" (?!(?:1[89]|20)\d\d\b)[£$€]?(\d(?:[\d,]*\d)?)(?:\.\d+)?(%?)(?=[^\w%])")
VOWEL_NUMBER_RE = re.compile(r"8|1[18](?:\D|$|\d{3}(?!\d))")


class RealWordError(Rule):
    """A correctly spelt word that is probably a slip for another: "point man no North Korea" (on).

    What it does: weighs each word against the real words one keystroke away from it (no/on, form/from,
    than/then, trail/trial), the words that sound the same (their/there, peace/piece) and its contraction
    (its/it's), by how well each fits the two words on either side under a trigram language model, times
    how likely the slip is. It flags the word only when an alternative is overwhelmingly likelier and the
    model has seen that alternative beside one of the neighbours (so frequency alone never decides). It boosts
    alternatives the story uses elsewhere, and the written word itself when it is a content word the story
    uses again (the "ore" of a steel story is its topic, not a slip of "are"). A short dictionary word the
    model does not know is judged by its dictionary frequency ("explain hwy the talks"). Acronyms and headlines
    (telegraphic by design) are not judged, nor are particles inside names (Van der Berg); a word the story
    treats as a name only on overwhelming evidence ("Nee York"). The last word of a name is no context for the
    word after it: what follows "root" says nothing of what follows Joe Root. An alternative is never a spelling of
    the other dialect; with none configured, never another standard's spelling of the word (colour for color) nor
    one the story's own standard would not write (a British story gets no "color"; one with no dialect-marked word,
    no British form, as before).

    Why it matters: a spell checker cannot see these; every one of them is a real word. They are the errors
    that reach print.

    Example: "Trump's point man no North Korea" -> "on".

    Fix safety: unsafe; the linter is judging from context, so the fix is applied only with --unsafe-fixes,
    unless the evidence is overwhelming (the alternative 100,000 times likelier: "it would he wrong to").
    """

    code = "NL201"
    name = "real-word-error"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE

    def __init__(self):
        self._alternatives: dict[tuple[str, bool], list[tuple[str, float]]] = {}

    def alternatives(self, res, word: str, capitalised: bool) -> list[tuple[str, float]]:
        """The confusions of a lower-case word that the model knows and the dialect spells so (under auto, any
        standard: assess keeps those the story would write), with slip costs; for a capitalised word, not its other
        forms (Princes William is no slip of Prince: agreement slips are in common words); and not those far too
        rare for any context to make them the likelier word."""
        found = self._alternatives.get((word, capitalised))
        if found is None:
            model = res.language_model
            floor = model.logprob(word) - TOO_RARE if model.known(word) else float("-inf")
            found = self._alternatives[word, capitalised] = [
                (c.word, c.cost) for c in res.context_model.confusions(word)
                if model.known(c.word) and not res.lexicon.is_other_dialect(c.word)
                and not (capitalised and c.inflection) and model.logprob(c.word) + c.cost >= floor]
        return found

    def check(self, doc, res):
        flagged: dict[int, tuple[str, float]] = {}
        reading = Reading(doc, res.language_model, doc.derived(NameEvidence))
        for index in range(len(doc.tokens)):
            found = self.assess(doc, res, index, reading)
            if found is not None:
                flagged[index] = found
        for index, (candidate, odds) in flagged.items():
            # A slip spoils its neighbours' trigrams too: of two adjacent suspects, only the stronger is the slip.
            if any(flagged.get(other, ("", float("-inf")))[1] > odds for other in (index - 1, index + 1)):
                continue
            token = doc.tokens[index]
            suggestion = house_apostrophe(match_case(token.text, candidate), token.text, doc.text)
            safety = Applicability.SAFE if odds >= OVERWHELMING else None
            yield self.report(Span(token.start, token.end), f"'{token.text}' may be a slip for '{suggestion}' here",
                              (suggestion,), applicability=safety)

    def assess(self, doc, res, index: int, reading: Reading) -> tuple[str, float] | None:
        """The likeliest alternative to token `index` and its log10 odds over the word as written, when they
        clear the threshold; otherwise None."""
        token = doc.tokens[index]
        word = token.text
        lower = reading.words[index]
        if word[1:] != word[1:].lower() or stuck_to_digits(doc.prose, token):
            return None
        model = res.language_model
        unseen = not reading.known[index]
        if unseen and not (len(lower) <= UNSEEN_MAX_LENGTH and word.islower() and res.lexicon.is_word(lower)):
            return None  # before the alternatives, whose cache then holds only words the model or lexicon knows
        alternatives = self.alternatives(res, lower, capitalised=word[:1].isupper())
        if res.config.dialect == AUTO and alternatives:
            story = doc.derived(StoryDialect)
            alternatives = [(c, cost) for c, cost in alternatives if story.offers(c, lower)]
        if not alternatives or doc.in_heading(token.start):
            return None  # headlines are telegraphic: "Straw attacked on China arms" defeats a language model
        evidence = reading.evidence
        if evidence.is_name_particle(index):
            return None
        threshold = THRESHOLD
        if word[:1].isupper() and evidence.looks_like_name(token, index):
            threshold += NAME_MARGIN
        words, position = reading.context_run(index)
        if len(words) == 1:
            return None
        slot = Slot(model, words, position)
        if unseen:
            written = model.unseen_windows(words, position, res.lexicon.frequency(lower) + UNSEEN_PENALTY)
        else:
            (written,) = slot.scores([lower])
        if evidence.forms[lower] + evidence.forms[lower.capitalize()] > 1 and (
                unseen or model.logprob(lower) < CONTENT_WORD):
            written += SAME_STORY_BONUS
        used = evidence.words_used
        priors = [cost + SAME_STORY_BONUS if candidate in used else cost for candidate, cost in alternatives]
        # An alternative that cannot beat the written word by the threshold need not be scored in full.
        floors = [written + threshold - prior for prior in priors]
        fits = slot.scores([candidate for candidate, _ in alternatives], floors)
        scored = sorted(((fit + prior, candidate) for (candidate, _), prior, fit in zip(alternatives, priors, fits)
                         if fit is not None), key=lambda pair: -pair[0])
        for score, candidate in scored:
            if score - written <= threshold:
                return None
            # An alternative never seen beside either neighbour wins on frequency alone, not on context.
            if slot.attested(candidate):
                return candidate, score - written
        return None


class Reading:
    """What the language model reads of a story's words: each word in its plain form, whether the model knows it,
    and what it reads in each gap between two words (see read_gap)."""

    def __init__(self, doc, model, evidence: NameEvidence):
        self.evidence = evidence
        self.tokens = tokens = doc.tokens
        prose = doc.prose
        plain: dict[str, str] = {}  # each spelling's plain form, made once and shared by its tokens
        self.words = [plain.get(t.text) or plain.setdefault(t.text, plain_word(t.text)) for t in tokens]
        self.known = [model.known(w) for w in self.words]
        ends = chain((t.start for t in islice(tokens, 1, None)), (len(prose),))
        self.gaps = [read_gap(prose[t.end:end]) for t, end in zip(tokens, ends)]  # the gap after each word

    def context_run(self, index: int) -> tuple[list[str], int]:
        """The words the model knows around token `index`, up to REACH on each side, within its sentence and only
        across plain spaces and numbers, with sentence boundary markers; and the token's place in them."""
        words, known, gaps = self.words, self.known, self.gaps
        left: list[str] = []
        i = index
        while len(left) < REACH:
            between, runs_on = gaps[i - 1] if i > 0 else ((), False)
            if not runs_on:
                if self.tokens[i].start in self.evidence.initial:
                    left.append(SENTENCE_START)
                break
            left.extend(reversed(between))
            # What follows "root" says nothing of what follows Joe Root.
            if len(left) >= REACH or not known[i - 1] or self.evidence.ends_name(i - 1):
                break
            left.append(words[i - 1])
            i -= 1
        right: list[str] = []
        i = index
        last = len(words) - 1
        while len(right) < REACH:
            between, runs_on = gaps[i]
            right.extend(between)
            if not runs_on or i == last or len(right) >= REACH or not known[i + 1]:
                break
            right.append(words[i + 1])
            i += 1
        return left[REACH - 1::-1] + [words[index]] + right[:REACH], min(len(left), REACH)


@lru_cache(maxsize=1024)  # most gaps are a space, a comma or a full stop: one reading each, shared by every word
def read_gap(gap: str) -> tuple[tuple[str, ...], bool]:
    """What the model reads in the text between two words, and whether the context runs on through it: nothing
    through a space; a number word through a number ("on 31 December", "15% of"); a sentence end, after any
    number, where the sentence ends; and nothing at any other mark."""
    if gap == " ":
        return (), True
    number = NUMBER_RE.match(gap)
    words: tuple[str, ...] = ()
    if number:
        words = ("eight" if VOWEL_NUMBER_RE.match(number.group(1)) else "ten",)
        if number.group(2):
            words += ("percent",)
    rest = gap[number.end():] if number else gap
    if number and rest == " ":
        return words, True
    return words + (SENTENCE_END,) if SENTENCE_END_RE.match(rest) else words, False
