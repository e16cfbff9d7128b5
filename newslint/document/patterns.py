"""Regular expressions compiled on first use, for the patterns that most stories never need."""

from __future__ import annotations

import re
from functools import cached_property


class LazyPattern:
    """re.compile(pattern, flags), compiled when first used. Compiling a pattern runs re's parser and compiler
    written in Python (0.1-4.7 million instructions each); a pattern only Markdown, a suppression comment or a
    rare construction needs is not compiled for a story without one. Each method used is bound to the compiled
    pattern on first use, so later calls cost what the compiled pattern's own do."""

    def __init__(self, pattern: str | bytes, flags: int = 0):
        self._args = (pattern, flags)

    @cached_property
    def _compiled(self) -> re.Pattern:
        return re.compile(*self._args)

    def __getattr__(self, name: str):
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value
