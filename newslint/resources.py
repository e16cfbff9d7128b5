"""Shared, lazily built resources for rules: word lists, the context model, the team's vocabulary."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from newslint.config import Config, ConfigError


def read_word_file(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a word list."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read word list ({exc})") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


class Resources:
    """Everything a rule may need beyond the document, built once per configuration and only on demand."""

    def __init__(self, config: Config):
        self.config = config

    @cached_property
    def lexicon(self):
        from newslint.lexicon import Lexicon

        return Lexicon.load(self.config.dialect)

    @cached_property
    def context_model(self):
        from newslint.context_model import ContextModel

        return ContextModel.load()

    @cached_property
    def language_model(self):
        from newslint.language_model import LanguageModel

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
    def rejected_words(self) -> dict[str, str | None]:
        """Words always flagged: lower-case word -> preferred replacement (or None)."""
        out: dict[str, str | None] = {}
        for path in self.config.reject:
            for entry in read_word_file(path):
                bad, _, good = entry.partition("=")
                out[bad.strip().lower()] = good.strip() or None
        return out

    @cached_property
    def glossary(self):
        from newslint.glossary import Glossary

        return Glossary.from_files(self.config.names)
