"""The team's word lists (accepted words, rejected words, names): one entry a line, # for comments."""

from __future__ import annotations

from pathlib import Path

from newslint.engine.config import ConfigError

# Bytes a word list may hold, as a story: a desk's list of a hundred thousand names takes some 2 MB, and a million
# entries some 150 MB of memory once read. A pipe, a device or a bigger file is refused before a byte is read.
MAX_WORD_LIST_BYTES = 10 * 1024 * 1024


def read_word_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, entry) for each non-empty, non-comment line of a word list; lines end at \\n (or a CR), as
    an editor numbers them (str.splitlines would end one at U+2028 or a form feed too)."""
    from newslint.document.source import InputError, read_regular_file

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
