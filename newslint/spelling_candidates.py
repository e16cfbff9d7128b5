"""Ranking corrections for a word: edit likelihood times how well each candidate fits its neighbours."""

from __future__ import annotations

from newslint.context_model import ContextModel
from newslint.document import Document
from newslint.lexicon import edit_cost

MAX_SUGGESTIONS = 3


def neighbours(doc: Document, index: int) -> tuple[str | None, str | None]:
    """The lower-case words just before and after token `index`, when only a space separates them."""
    tokens, prose = doc.tokens, doc.prose
    token = tokens[index]
    left = right = None
    if index > 0 and prose[tokens[index - 1].end:token.start] == " ":
        left = tokens[index - 1].text.lower()
    if index + 1 < len(tokens) and prose[token.end:tokens[index + 1].start] == " ":
        right = tokens[index + 1].text.lower()
    return left, right


def rank(word: str, candidates: list[str], model: ContextModel, left: str | None, right: str | None) -> list[str]:
    lower = word.lower()

    def score(candidate: str) -> float:
        return model.fit(candidate, left, right) + edit_cost(lower, candidate) * 1.5

    return sorted(candidates, key=lambda c: (-score(c), c))[:MAX_SUGGESTIONS]

