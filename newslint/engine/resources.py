"""Shared, lazily built resources for rules: word lists, the context model, the team's vocabulary."""

from __future__ import annotations

from functools import cached_property

from newslint.engine.config import Config
from newslint.language.word_lists import read_word_file


class Resources:
    """Everything a rule may need beyond the document, built once per configuration and only on demand."""

    def __init__(self, config: Config):
        self.config = config

    def preload(self) -> None:
        """Load the word list and the models now: before worker processes are forked, so that they share them
        instead of each loading its own copy when a rule first asks."""
        for name in ("lexicon", "context_model", "language_model"):
            getattr(self, name)

    @cached_property
    def lexicon(self):
        from newslint.language.lexicon import Lexicon

        return Lexicon.load(self.config.dialect)

    @cached_property
    def context_model(self):
        from newslint.language.context_model import ContextModel

        return ContextModel.load()

    @cached_property
    def language_model(self):
        from newslint.language.language_model import LanguageModel

        return LanguageModel.load()

    @cached_property
    def accepted_words(self) -> frozenset[str]:
        """The team's accepted words and names, exact case, plus their lower-case forms for lower-case entries."""
        words: set[str] = set()
        for path in self.config.words:
            for entry in read_word_file(path):
                words.add(entry)
                words.update(entry.split())
        return frozenset(words)

    @cached_property
    def reject_list(self):
        """Words and phrases always flagged, each with its replacement (or none)."""
        from newslint.language.reject_list import RejectList

        return RejectList.from_files(self.config.reject)

    @cached_property
    def glossary(self):
        from newslint.language.glossary import Glossary

        return Glossary.from_files(self.config.names)
