"""Finding a draft's regions: headline, headings, paragraphs, metadata block, front matter, markup."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newslint.document import METADATA_LINE_RE, NON_PROSE_RE, Block, Layout, MetadataField, blank

if TYPE_CHECKING:
    from newslint.document import Document

SENTENCE_END = ".!?:;,\u2026"
TRAILING_CLOSERS = "\"'\u2019\u201d)]*_"
MAX_HEADING_WORDS = 15
CODE_SPAN_RE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
# The target after a link's text (the "]" stays, so brackets still pair): ](url "title"), ][ref]
LINK_TARGET_RE = re.compile(r"(?<=\])(?:\((?:[^()\s]|\([^()]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)|\[[^\]]*\])")
REFERENCE_DEFINITION_RE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S.*$", re.MULTILINE)
KNOWN_METADATA_KEYS = frozenset(
    """LINK URL TAGS KEYWORDS SLUG BYLINE BY AUTHOR CATEGORY CATEGORIES SECTION SOURCE DATE DATELINE HEADLINE
    TITLE DESCRIPTION SUMMARY IMAGE CAPTION CREDIT STATUS EMBARGO KICKER TOPICS LOCATION PUBLISHED UPDATED
    ID""".split()
)


# "Tags:", "Keywords:" as some desks write them: a title-case key counts only when it is a known field.
TITLE_CASE_METADATA_RE = re.compile(r"^(?P<key>[A-Z][a-z]+):(?P<value>.*)$")


def _metadata_line(line: str) -> re.Match | None:
    found = METADATA_LINE_RE.match(line)
    if found is None:
        found = TITLE_CASE_METADATA_RE.match(line)
        if found and found.group("key").upper() not in KNOWN_METADATA_KEYS:
            return None
    return found


def _stands_alone(doc: Document, index: int) -> bool:
    """A first line followed by a blank line and then more copy: the headline."""
    following = [doc.line_text(i).strip() for i in range(index + 1, doc.line_count)]
    return len(following) > 1 and not following[0] and any(following)


def _is_heading_like(line: str) -> bool:
    bare = line.strip().rstrip(TRAILING_CLOSERS)
    return bool(bare) and bare[-1] not in SENTENCE_END and len(line.split()) <= MAX_HEADING_WORDS


def _front_matter(doc: Document) -> tuple[Block | None, list[MetadataField], tuple[int, str] | None]:
    if not doc.text.startswith(("---", "+++")):
        return None, [], None
    from newslint import front_matter

    found = front_matter.read(doc.text)
    if not found or (found.error and not doc.is_markdown):
        return None, [], None  # in plain text, lines between two rules are copy unless they read as fields
    return found


def _metadata_block(doc: Document, first: int, last: int) -> tuple[list[int], list[MetadataField]]:
    """Line indexes and fields of the trailing KEY: value block within lines first..last."""
    lines: list[int] = []
    i = last
    while i >= first and not doc.line_text(i).strip():
        i -= 1
    while i >= first and _metadata_line(doc.line_text(i)):
        lines.append(i)
        i -= 1
    if not lines:
        return [], []
    stands_apart = i < first or not doc.line_text(i).strip()
    known = any(_metadata_line(doc.line_text(n)).group("key").upper() in KNOWN_METADATA_KEYS for n in lines)
    if not (stands_apart or known):
        return [], []  # "NOTE: ..." ending a paragraph run is prose, not a metadata block
    fields = []
    for index in sorted(lines):
        start, _ = doc.line_span(index)
        m = _metadata_line(doc.line_text(index))
        assert m is not None
        raw = m.group("value")
        value = raw.strip()
        vstart = start + m.start("value") + (len(raw) - len(raw.lstrip()))
        fields.append(MetadataField(m.group("key"), start, start + m.end("key") + 1, value, vstart,
                                    vstart + len(value), "block"))
    return sorted(lines), fields


def plain_layout(doc: Document) -> Layout:
    chars = list(doc.text)
    front, fields, problem = _front_matter(doc)
    blocks: list[Block] = []
    first_line = 0
    if front:
        blocks.append(front)
        blank(chars, front.start, front.end)
        first_line = doc.locate(front.end)[0] - 1 if front.end < len(doc.text) else doc.line_count
    meta_lines, block_fields = _metadata_block(doc, first_line, doc.line_count - 1)
    fields += block_fields
    seen_content = False
    for index in range(first_line, doc.line_count):
        start, end = doc.line_span(index)
        line = doc.text[start:end]
        if index in meta_lines:
            blocks.append(Block("metadata", start, end))
            blank(chars, start, end)
            continue
        if not line.strip():
            continue
        if not seen_content and _stands_alone(doc, index):
            kind = "headline"
        elif _is_heading_like(line):
            kind = "heading"
        else:
            kind = "paragraph"
        seen_content = True
        blocks.append(Block(kind, start, end))
    return _finish(doc, blocks, fields, chars, problem)


def _finish(doc: Document, blocks: list[Block], fields: list[MetadataField], chars: list[str],
            front_matter_problem: tuple[int, str] | None, prose_only: tuple[tuple[int, int], ...] = ()) -> Layout:
    """Markup keeps tags and addresses (only code, metadata and front matter are blanked); prose also blanks
    them, and the ranges in prose_only (HTML blocks)."""
    markup = "".join(chars)
    for block in blocks:
        if block.kind in ("headline", "heading", "paragraph"):
            for m in NON_PROSE_RE.finditer(markup, block.start, block.end):
                blank(chars, m.start(), m.start() + len(_trim_address(m.group())))
    for start, end in prose_only:
        blank(chars, start, end)
    return Layout(blocks, fields, markup, "".join(chars), front_matter_problem)


def _trim_address(found: str) -> str:
    """A URL without the sentence punctuation after it: "(see http://x.org/a)." keeps its ")." as prose."""
    if not re.match(r"(?:https?|ftp)://|www\.", found):
        return found
    while found and (found[-1] in ".,;:!?'\u2019" or (found[-1] == ")" and found.count("(") < found.count(")"))):
        found = found[:-1]
    return found


def markdown_layout(doc: Document) -> Layout:
    """Regions from markdown-it's block tokens; code is blanked everywhere, HTML blocks, link targets, URLs
    and comments in prose only, so every offset still points into the original file."""
    from markdown_it import MarkdownIt

    chars = list(doc.text)
    front, fields, problem = _front_matter(doc)
    blocks: list[Block] = []
    if front:
        blocks.append(front)
        blank(chars, front.start, front.end)
    meta_lines, block_fields = _metadata_block(doc, doc.locate(front.end)[0] - 1 if front else 0, doc.line_count - 1)
    fields += block_fields
    for index in meta_lines:
        start, end = doc.line_span(index)
        blocks.append(Block("metadata", start, end))
        blank(chars, start, end)
    # Parse with the front matter and metadata blanked, so markdown-it's line map matches the file.
    kinds = {"fence": "code", "code_block": "code", "html_block": "html", "heading_open": "heading",
             "paragraph_open": "paragraph", "tr_open": "paragraph"}
    for token in MarkdownIt("commonmark").enable("table").parse("".join(chars)):
        if token.map is None or token.type not in kinds:
            continue
        start, end = doc.line_span(token.map[0])[0], doc.line_span(token.map[1] - 1)[1]
        blocks.append(Block(kinds[token.type], start, end))
        if token.type in ("fence", "code_block"):
            blank(chars, start, end)
    for pattern in (CODE_SPAN_RE, LINK_TARGET_RE):
        masked = "".join(chars)
        for block in blocks:
            if block.kind in ("heading", "paragraph"):
                for m in pattern.finditer(masked, block.start, block.end):
                    blank(chars, m.start(), m.end())
    for m in REFERENCE_DEFINITION_RE.finditer("".join(chars)):
        blank(chars, m.start(), m.end())
    blocks.sort(key=lambda b: b.start)
    return _finish(doc, blocks, fields, chars, problem, tuple((b.start, b.end) for b in blocks if b.kind == "html"))
