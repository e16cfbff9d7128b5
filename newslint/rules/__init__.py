"""Built-in rules, one module each, named after the rule, and the one table of their codes."""

from __future__ import annotations

from typing import NamedTuple

FAMILIES = {"NL1": "spelling", "NL2": "context", "NL3": "consistency", "NL4": "structure", "NL5": "repetition",
            "NL9": "suppressions"}


class Code(NamedTuple):
    code: str
    name: str  # the rule's name; its module is the name with underscores (name-variant: rules/name_variant.py)
    severity: str  # by default
    priority: int  # of two rules that flag overlapping text with the same severity, the lower number's is kept

    @property
    def family(self) -> str:
        return FAMILIES[self.code[:3]]

    @property
    def module(self) -> str:
        return self.name.replace("-", "_")


# In priority order. The house's own word lists first (a glossary or reject list beats a guess), then names before
# spelling (a variant of a name is a name's problem), then the context rules, structure, repetition, layout.
CODES = (
    Code("NL304", "glossary-variant", "error", 10),
    Code("NL301", "name-variant", "error", 20),
    Code("NL103", "rejected-word", "error", 30),
    Code("NL101", "misspelling", "error", 40),
    Code("NL102", "unknown-word", "warning", 50),
    Code("NL204", "misused-phrase", "error", 55),
    Code("NL201", "real-word-error", "error", 60),
    Code("NL202", "article-agreement", "error", 70),
    Code("NL203", "possessive-contraction", "error", 80),
    Code("NL501", "repeated-word", "error", 90),
    Code("NL401", "empty-metadata", "error", 100),
    Code("NL402", "unclosed-tag", "error", 110),
    Code("NL302", "dialect-consistency", "warning", 120),
    Code("NL303", "hyphenation-consistency", "warning", 130),
    Code("NL403", "unbalanced-quote", "warning", 140),
    Code("NL404", "unbalanced-bracket", "warning", 150),
    Code("NL405", "placeholder", "error", 160),
    Code("NL406", "empty-heading", "warning", 170),
    Code("NL407", "doubled-space", "warning", 180),
    Code("NL408", "doubled-punctuation", "warning", 190),
    Code("NL409", "invalid-front-matter", "error", 200),
    Code("NL410", "unclosed-emphasis", "error", 210),
    Code("NL901", "unused-suppression", "warning", 220),
)
