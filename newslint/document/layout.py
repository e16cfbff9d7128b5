"""Finding a draft's regions: headline, headings, paragraphs, metadata block, front matter, markup."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import chain
from typing import TYPE_CHECKING

from newslint.document.patterns import LazyPattern
from newslint.document.regions import Block, Blocks, Layout, MetadataField
from newslint.wordlists import words

if TYPE_CHECKING:
    from newslint.document.document import Document

METADATA_LINE_RE = re.compile(r"^(?P<key>[A-Z][A-Z0-9_ -]{0,30}[A-Z0-9]|[A-Z]):(?P<value>.*)$")
# Spans inside prose that are not prose: addresses, handles, markup; and HTML comments, found apart
# (non_prose_spans), since a regex would read on from every "<!--" that is never closed to the end of its paragraph.
HTML_COMMENT_OPEN, HTML_COMMENT_CLOSE = "<!--", "-->"
NOT_LINE_BREAK_RE = re.compile(r"[^\r\n]+")
NON_PROSE_RE = LazyPattern(
    r"""</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>     # HTML tag
      | &[A-Za-z]+;|&\#\d+;                         # entity
      | \b(?:https?|ftp)://[^\s<>"\u201d]+          # URL
      | \bwww\.[^\s<>"\u201d]+
      | (?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+   # e-mail, from the start of its run of characters (*)
      | (?<![\w@])[@\#][A-Za-z_][\w]*               # handle, hashtag
    """,
    re.VERBOSE,
)
NON_PROSE_MARKS = ("<", "&", "://", "www.", "@", "#")  # every match of NON_PROSE_RE holds one of these
# (*) Tried from each character, a long run with no "@" after it would be read again from each; it can only match
# from the run's start anyway, or from where the last match stopped inside the run ("@desk.jo@example.com": a handle,
# then an address), which is where this one is tried.
EMAIL_RESUMED_RE = LazyPattern(r"(?<=[\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# A web address without http:// or www. (gov.uk, status.npmjs.org/incidents): labels joined by dots, the last one a
# top-level domain (TOP_LEVEL_DOMAINS, checked apart), and a path that ends before any sentence punctuation. Tried
# only from the first label of a run (the look-behind), and a label's dot only where another label follows it, so
# that "gov.uk." ends a sentence and a long run of dots is read once.
BARE_DOMAIN_RE = LazyPattern(
    r"""(?<![\w.@/\-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.(?=[A-Za-z0-9]))++
        (?P<tld>[a-z]{2,24})(?![\w@-])
        (?:/(?:[^\s<>"\u201d]*[^\s<>"\u201d.,;:!?'\u2019)])?)?""",
    re.VERBOSE,
)
TOP_LEVEL_DOMAINS = words("top-level-domains")
SENTENCE_END = ".!?:;,\u2026"
TRAILING_CLOSERS = "\"'\u2019\u201d)]*_"
MAX_HEADING_WORDS = 15
BACKTICKS_RE = LazyPattern(r"`+")
# The target after a link's text (the "]" stays, so brackets still pair): ](url "title"), ][ref]
LINK_TARGET_RE = LazyPattern(r"(?<=\])(?:\((?:[^()\s]|\([^()]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)|\[[^\]]*\])")
FOOTNOTE_REFERENCE_RE = LazyPattern(r"\[\^[^\]\[\s]{1,100}+\](?!:)")  # [^nao] in the text: a label, not words
# A link reference definition, [label]: url (the multi-line regex ^ {0,3}\[[^\]]+\]:\s*\S.*$): a line opening a
# bracket, the first "]" after it, a colon and a destination; found by _reference_definitions.
REFERENCE_OPENING_RE = LazyPattern(r"^ {0,3}\[", re.MULTILINE)
REFERENCE_REST_RE = LazyPattern(r"\]:\s*\S.*$", re.MULTILINE)
KNOWN_METADATA_KEYS = words("metadata-keys")


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
    """A first line followed by a blank line and then more copy: the headline, unless it reads as a sentence."""
    return (index + 2 < doc.line_count and not doc.line_text(index + 1).strip()
            and any(doc.line_text(i).strip() for i in range(index + 2, doc.line_count))
            and not _is_lede(doc.line_text(index)))


def _is_lede(line: str) -> bool:
    """A line longer than a heading that ends with a full stop: the story's first paragraph with no headline above
    it (copy filed without one), not a headline."""
    bare = line.strip().rstrip(TRAILING_CLOSERS)
    return bare.endswith(".") and len(line.split()) > MAX_HEADING_WORDS


def _is_heading_like(line: str) -> bool:
    """A short line with no mark that ends a sentence or a clause, and no row of data; a line that opens with a comma
    or a semicolon goes on with a sentence (a list of names broken over lines: ", Dick Stuart, Don Hoak")."""
    bare = line.strip().rstrip(TRAILING_CLOSERS)
    words = line.split()
    return bool(bare) and bare[-1] not in SENTENCE_END and bare[0] not in ",;" and len(words) <= MAX_HEADING_WORDS \
        and not _is_data_row(words)


def _is_data_row(words: list[str]) -> bool:
    """A line that ends with a figure and holds another (a racecard's runner: "2 Knockroe Lass 8-11-8 (A Mulcahy)
    Patrick Daly 12/1", a results line: "Chau d Orlova 3-6 6-3 6-2") is a row of data, copy with no full stop, not a
    heading: its capitals are names, not a heading's."""
    return any(map(str.isdigit, words[-1])) and sum(any(map(str.isdigit, word)) for word in words) >= 2


def _front_matter(doc: Document) -> tuple[Block | None, list[MetadataField], tuple[int, str] | None]:
    if not doc.text.startswith(("---", "+++")):
        return None, [], None
    from newslint.document import front_matter

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
    blanks = Blanks(doc.text)
    front, fields, problem = _front_matter(doc)
    blocks = Blocks()
    first_line = 0
    if front:
        blocks.append(front)
        blanks.blank(front.start, front.end)
        first_line = doc.locate(front.end)[0] - 1 if front.end < len(doc.text) else doc.line_count
    meta_lines, block_fields = _metadata_block(doc, first_line, doc.line_count - 1)
    fields += block_fields
    metadata_lines = set(meta_lines)
    seen_content = False
    for index in range(first_line, doc.line_count):
        start, end = doc.line_span(index)
        line = doc.text[start:end]
        if index in metadata_lines:
            blocks.append(Block("metadata", start, end))
            blanks.blank(start, end)
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
    return _finish(doc, blocks, fields, blanks, problem)


def _finish(doc: Document, blocks: Blocks, fields: list[MetadataField], blanks: Blanks,
            front_matter_problem: tuple[int, str] | None, prose_only: tuple[tuple[int, int], ...] = ()) -> Layout:
    """Markup keeps tags and addresses (only code, metadata and front matter are blanked); prose also blanks
    them, and the ranges in prose_only (HTML blocks)."""
    markup = blanks.result()
    for block in blocks:
        if block.kind in ("headline", "heading", "paragraph"):
            for start, end in chain(non_prose_spans(markup, block.start, block.end),
                                    bare_domains(markup, block.start, block.end)):
                blanks.blank(start, end)
    for start, end in prose_only:
        blanks.blank(start, end)
    return Layout(blocks, fields, markup, blanks.result(), front_matter_problem)


def non_prose_spans(markup: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """What in markup[start:end] is not prose, in order: HTML comments, and NON_PROSE_RE's matches outside them
    (URLs without the sentence punctuation after them). No match of NON_PROSE_RE holds a "<" but at its start, and
    "<!--" starts none of them, so the comments can be found first."""
    at = start
    while at < end:
        opening = markup.find(HTML_COMMENT_OPEN, at, end)
        closing = markup.find(HTML_COMMENT_CLOSE, opening + len(HTML_COMMENT_OPEN), end) if opening >= 0 else -1
        yield from _addresses_and_tags(markup, at, opening if closing >= 0 else end)
        if closing < 0:
            return  # nothing closes this comment, nor any opened after it
        at = closing + len(HTML_COMMENT_CLOSE)
        yield opening, at


def bare_domains(markup: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The web addresses in markup[start:end] written without http:// or www. (see BARE_DOMAIN_RE): looked for only
    at a dot with a letter or digit before it and a lower-case letter after it, a few a paragraph."""
    dot = markup.find(".", start, end)
    while 0 <= dot < end - 1:
        if dot > start and markup[dot - 1].isalnum() and markup[dot + 1].islower():
            first = last = dot  # the run of letters, digits, dots and hyphens around the dot, each read once
            while first > start and _in_address(markup[first - 1]):
                first -= 1
            while last < end and _in_address(markup[last]):
                last += 1
            found = BARE_DOMAIN_RE.match(markup, first, end)
            if found and found.group("tld") in TOP_LEVEL_DOMAINS:
                yield found.start(), found.end()
                last = max(last, found.end())
            dot = markup.find(".", last, end)
            continue
        dot = markup.find(".", dot + 1, end)


def _in_address(char: str) -> bool:
    return char.isalnum() or char in "-."


def _addresses_and_tags(markup: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    if not any(markup.find(mark, start, end) >= 0 for mark in NON_PROSE_MARKS):
        return  # most paragraphs: the regex, tried at every character, would find nothing
    at = start
    while found := NON_PROSE_RE.search(markup, at, end):
        while found:
            yield found.start(), found.start() + len(_trim_address(found.group()))
            at = found.end()
            found = EMAIL_RESUMED_RE.match(markup, at, end)  # an address straight after a handle or an address


def _trim_address(found: str) -> str:
    """A URL without the sentence punctuation after it: "(see http://x.org/a)." keeps its ")." as prose."""
    if not re.match(r"(?:https?|ftp)://|www\.", found):
        return found
    while found and (found[-1] in ".,;:!?'\u2019" or (found[-1] == ")" and found.count("(") < found.count(")"))):
        found = found[:-1]
    return found


def _code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Code spans in text[start:end]: from a run of backticks to the next run of the same length; a run that no
    later run closes is tried again without its first backtick, and so on. These are the spans a regex pairing runs
    of backticks finds, but a regex reads to the end of the paragraph from every backtick of a run never closed."""
    runs = [m.span() for m in BACKTICKS_RE.finditer(text, start, end)]
    by_length: dict[int, list[int]] = defaultdict(list)  # run length -> indexes of the runs that long, in order
    for index, (first, last) in enumerate(runs):
        by_length[last - first].append(index)
    spans = []
    index = 0
    while index < len(runs):
        first, last = runs[index]
        index += 1
        for opening in range(first, last):
            same_length = by_length.get(last - opening, [])
            closer = bisect.bisect_left(same_length, index)
            if closer < len(same_length):
                index = same_length[closer]
                spans.append((opening, runs[index][1]))
                index += 1
                break
    return spans


def _reference_definitions(text: str) -> Iterator[tuple[int, int]]:
    """Link reference definitions, [label]: url, and the labels of footnote definitions, [^label]:. A label runs to
    the first "]" after its "[", so the lines that open a bracket before the same "]" share it and what follows it,
    which is read once (a regex reads to that "]" again from each of them: a file of lines opening brackets never
    closed took time in the square of their number)."""
    after = -1  # the end of the last definition
    close = -1  # the first "]" after the bracket opened last
    rest: re.Match | None = None  # what follows it, when it makes a definition
    for opening in REFERENCE_OPENING_RE.finditer(text):
        label = opening.end()
        if opening.start() < after:
            continue
        if close < label:
            close = text.find("]", label)
            if close < 0:
                return
            rest = REFERENCE_REST_RE.match(text, close)
        if rest and close > label:
            if text.startswith("^", label):  # a footnote's definition, [^label]: its text, which is prose
                after = close + 2
            else:
                after = rest.end()
            yield opening.start(), after


def _link_targets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The targets after link texts in text[start:end]: ](url "title") and ][ref]; and footnote references, [^1]."""
    return [m.span() for pattern in (LINK_TARGET_RE, FOOTNOTE_REFERENCE_RE) for m in pattern.finditer(text, start, end)]


# Lines markdown-it is given at a time. It keeps some 150 bytes a line and 500 a block token while it parses, so a
# 10 MB draft of one-word paragraphs read whole took 5 GB; in chunks of this many lines it takes a few MB a chunk.
MARKDOWN_CHUNK_LINES = 2000
# A top-level block longer than this (a list or table of 30,000 lines) is read in pieces this long, each as if the
# draft ended there: some 80 MB at most while a piece is parsed. A fenced block that long would be read as prose
# after its first piece.
MARKDOWN_LONGEST_CHUNK = 32768


def _markdown_blocks(doc: Document, masked: str) -> Iterator[tuple[str, int, int]]:
    """markdown-it's block tokens as (type, first line, line after the last), parsed a chunk of lines at a time.
    A chunk ends where its last top-level block starts: everything before is settled by lines inside the chunk (a
    block ends at a line that is there), and that block is read again at the head of the next chunk, whole. A
    top-level block longer than a chunk (a list of thousands of items) gets a chunk twice as long, until it fits or
    reaches MARKDOWN_LONGEST_CHUNK."""
    from markdown_it import MarkdownIt

    # Only the block tokens are read: the inline pass would cost some 30 s a megabyte on a paragraph of brackets.
    parser = MarkdownIt("commonmark").enable("table").disable("inline")
    first, size = 0, MARKDOWN_CHUNK_LINES
    while first < doc.line_count:
        last = min(first + size, doc.line_count)
        end = doc.line_span(last)[0] if last < doc.line_count else len(masked)
        tokens = [(t.type, t.map[0] + first, t.map[1] + first, t.level)
                  for t in parser.parse(masked[doc.line_span(first)[0]:end]) if t.map is not None]
        if last < doc.line_count:
            cut = max((line for _, line, _, level in tokens if level == 0), default=first)
            if cut == first and size < MARKDOWN_LONGEST_CHUNK:  # one block runs through the chunk
                size *= 2
                continue
            if cut > first:
                tokens = [t for t in tokens if t[1] < cut]
                last = cut
        yield from ((kind, start, stop) for kind, start, stop, _ in tokens)
        if any(level >= parser.options["maxNesting"] - 1 for *_, level in tokens):
            yield from _too_deep(doc, masked, tokens, first, last)
        first, size = last, MARKDOWN_CHUNK_LINES


LEAF_BLOCKS = frozenset({"paragraph_open", "heading_open", "fence", "code_block", "html_block", "tr_open", "hr"})


def _too_deep(doc: Document, masked: str, tokens: list[tuple[str, int, int, int]], first: int,
              last: int) -> Iterator[tuple[str, int, int]]:
    """markdown-it reads nothing nested deeper than its limit (20 quotes and lists within each other): each line of
    text there, in no block of its own, is read as a paragraph, so that what is written there is still checked."""
    covered = {line for kind, start, stop, _ in tokens if kind in LEAF_BLOCKS for line in range(start, stop)}
    for line in range(first, last):
        start, end = doc.line_span(line)
        if line not in covered and any(ch.isalpha() for ch in masked[start:end]):
            yield "paragraph_open", line, line + 1


def markdown_layout(doc: Document) -> Layout:
    """Regions from markdown-it's block tokens; code is blanked everywhere, HTML blocks, link targets, URLs
    and comments in prose only, so every offset still points into the original file."""
    blanks = Blanks(doc.text)
    front, fields, problem = _front_matter(doc)
    blocks = Blocks()
    if front:
        blocks.append(front)
        blanks.blank(front.start, front.end)
    meta_lines, block_fields = _metadata_block(doc, doc.locate(front.end)[0] - 1 if front else 0, doc.line_count - 1)
    fields += block_fields
    for index in meta_lines:
        start, end = doc.line_span(index)
        blocks.append(Block("metadata", start, end))
        blanks.blank(start, end)
    # Parse with the front matter and metadata blanked, so markdown-it's line map matches the file.
    kinds = {"fence": "code", "code_block": "code", "html_block": "html", "heading_open": "heading",
             "paragraph_open": "paragraph", "tr_open": "paragraph"}
    for kind, first, last in _markdown_blocks(doc, blanks.result()):
        if kind not in kinds:
            continue
        start, end = doc.line_span(first)[0], doc.line_span(last - 1)[1]
        blocks.append(Block(kinds[kind], start, end))
        if kind in ("fence", "code_block"):
            blanks.blank(start, end)
    for find in (_code_spans, _link_targets):
        masked = blanks.result()
        for block in blocks:
            if block.kind in ("heading", "paragraph"):
                for start, end in find(masked, block.start, block.end):
                    blanks.blank(start, end)
    for start, end in _reference_definitions(blanks.result()):
        blanks.blank(start, end)
    blocks = blocks.by_start()
    return _finish(doc, blocks, fields, blanks, problem, tuple((b.start, b.end) for b in blocks if b.kind == "html"))


def _spaces(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


class Blanks:
    """A text with ranges to blank to spaces, line breaks kept, applied in one pass when the result is asked for (a
    list of characters would take 8 bytes a character, and a string object for each one outside Latin-1)."""

    def __init__(self, text: str):
        self.text = text
        self._ranges: list[tuple[int, int]] = []
        self._result: str | None = text

    def blank(self, start: int, end: int) -> None:
        if end > start:
            self._ranges.append((start, end))
            self._result = None

    def result(self) -> str:
        if self._result is None:
            pieces, done = [], 0
            for start, end in sorted(self._ranges):
                if end <= done:
                    continue
                start = max(start, done)
                pieces += (self.text[done:start], NOT_LINE_BREAK_RE.sub(_spaces, self.text[start:end]))
                done = end
            pieces.append(self.text[done:])
            self._result = "".join(pieces)
        return self._result
