"""Text: each diagnostic with a window of its source line, the span underlined and the suggested fix; a summary."""

from __future__ import annotations

import re
from typing import TextIO

from newslint.engine.report import Located, Report
from newslint.reporters import Options, suggestion_text, summary_lines, truncation_note

STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
ELLIPSIS = "…"

Line = list[tuple[str, str]]  # (text, rich style) segments


# Characters that take one column each (checked one by one against rich.cells.cell_len): printable ASCII, Latin-1
# and Latin Extended-A and -B, and General Punctuation's dashes, quotes and bullets. Most lines of news copy are made
# of these alone, and are measured without rich.
ONE_COLUMN_RE = re.compile("[\x20-\x7e\u00a0-\u024f\u2010-\u2027\u2030-\u205e]*")


def cells(text: str) -> int:
    """Terminal columns the text takes: wide East Asian characters take two, combining marks none."""
    if text.isascii() or ONE_COLUMN_RE.fullmatch(text):
        return len(text)
    from rich.cells import cell_len  # only for lines that need it: rich.cells takes 10 ms to import

    return cell_len(text)


def _printable(line: str) -> str:
    """Tabs as one space and control characters as U+FFFD, which a terminal would act on instead of showing;
    format characters (the joiner inside an emoji family) stay, as cells() counts them."""
    if line.isprintable():
        return line
    import unicodedata

    return "".join(" " if c == "\t" else "\ufffd" if unicodedata.category(c) == "Cc" else c for c in line)


def window(line: str, start: int, end: int, room: int, cut_before: bool = False,
           cut_after: bool = False) -> tuple[str, str, str]:
    """The part of line shown in `room` columns, split as (before the span, the span, after it); a cut end is
    marked with an ellipsis. The span is shown from its start; the context around it is shared out evenly, and
    what one side cannot use goes to the other. cut_before and cut_after say that line is an excerpt of a longer
    one, which goes on at that end: that end is marked as cut too."""
    before, span, after = line[:start], line[start:end], line[end:]
    if cells(line) <= room and not (cut_before or cut_after):
        return before, span, after
    budget = room - 2  # an ellipsis on each side at most
    if cells(span) >= budget:
        shown = _fit(span, budget, from_left=True)
        return (ELLIPSIS if before or cut_before else ""), shown, ELLIPSIS
    spare = budget - cells(span)
    left_room = min(cells(before), spare // 2)
    right_room = min(cells(after), spare - left_room)
    left_room = min(cells(before), spare - right_room)
    left = _fit(before, left_room, from_left=False)
    right = _fit(after, right_room, from_left=True)
    return ((ELLIPSIS if len(left) < len(before) or cut_before else "") + left, span,
            right + (ELLIPSIS if len(right) < len(after) or cut_after else ""))


def _fit(text: str, room: int, from_left: bool) -> str:
    """The longest start (from_left) or end of text that fits in room columns."""
    if cells(text) <= room:
        return text
    if text.isascii():
        return text[:room] if from_left else text[len(text) - room:]
    taken, used = [], 0
    for char in (text if from_left else reversed(text)):
        width = cells(char)
        if used + width > room:
            break
        taken.append(char)
        used += width
    return "".join(taken if from_left else reversed(taken))


def diagnostic_lines(item: Located, width: int) -> list[Line]:
    d = item.diagnostic
    style = STYLES[d.severity.value]
    out: list[Line] = [[(f"{item.path}:{item.line}:{item.column}", "bold"), (": ", ""), (d.code, style),
                        (f" {d.rule}", "dim"), (f" [{d.severity.value}] {d.message}", "")]]
    excerpt = item.excerpt
    line = excerpt.text
    start = min(item.column - excerpt.column, len(line))
    end = item.end_column - excerpt.column if item.end_line == item.line else len(line)
    end = min(max(end, start), len(line))
    gutter = f"{item.line:>5} | "
    before, span, after = window(_printable(line), start, end, max(width - len(gutter) - 1, 20),
                                 excerpt.cut_before, excerpt.cut_after)
    out.append([(gutter, "dim"), (before, ""), (span, style), (after, "")])
    out.append([(" " * (len(gutter) + cells(before)) + "^" * max(1, cells(span)), style)])
    if d.suggestions:
        shown = ", ".join(suggestion_text(s) for s in d.suggestions[:3])
        safety = f" [{d.fix.applicability.value} fix]" if d.fix else ""
        out.append([(f"      = suggestion: {shown}{safety}", "green")])
    out.append([])
    return out


class Writer:
    """Writes lines as plain text, or coloured through rich on a terminal."""

    def __init__(self, stream: TextIO, color: bool):
        self.stream = stream
        self.console = None
        if color:
            from rich.console import Console

            self.console = Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True)

    def write(self, lines: list[Line]) -> None:
        if self.console is None:  # plain text needs no rich: a hook or CI log starts faster without it
            self.stream.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        else:
            from rich.text import Text

            for line in lines:
                self.console.print(Text.assemble(*line))
        self.stream.flush()


class Reporter:
    shows_errors = True

    def __init__(self, stream: TextIO, options: Options):
        self.options = options
        self.writer = Writer(stream, options.color)

    def file_done(self, items: list[Located], error: str) -> None:
        lines: list[Line] = []
        for item in items:
            lines.extend(diagnostic_lines(item, self.options.width))
        for item in items:
            if item.more:
                lines.extend([[(f"{item.path}: ", "bold"), (truncation_note(item), "bold yellow")], []])
        if error:
            lines.append([(f"error: {error}", "bold red")])
        if lines:
            self.writer.write(lines)

    def finish(self, report: Report) -> None:
        if not self.options.quiet:
            self.writer.write([[(text, style)] for text, style in summary_lines(report, self.options)])
