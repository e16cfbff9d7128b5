"""Shared, lazily built resources for rules: word lists, the context model, the team's vocabulary."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from newslint.config import Config, ConfigError


# Bytes a word list may hold, as a story: a desk's list of a hundred thousand names takes some 2 MB, and a million
# entries some 150 MB of memory once read. A pipe, a device or a bigger file is refused before a byte is read.
MAX_WORD_LIST_BYTES = 10 * 1024 * 1024


def read_word_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, entry) for each non-empty, non-comment line of a word list; lines end at \\n (or a CR), as
    an editor numbers them (str.splitlines would end one at U+2028 or a form feed too)."""
    from newslint.source import InputError, read_regular_file

    try:
        data = read_regular_file(path, str(path), MAX_WORD_LIST_BYTES, "a word list")
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except InputError as exc:
        raise ConfigError(str(exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read word list ({exc})") from None
    return [(number, line.strip()) for number, line in enumerate(text.split("\n"), 1)
            if line.strip() and not line.lstrip().startswith("#")]


def read_word_file(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a word list."""
    return [entry for _, entry in read_word_lines(path)]


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
    def reject_list(self):
        """Words and phrases always flagged, each with its replacement (or none)."""
        from newslint.reject_list import RejectList

        return RejectList.from_files(self.config.reject)

    @cached_property
    def glossary(self):
        from newslint.glossary import Glossary

        return Glossary.from_files(self.config.names)
