"""Text: each diagnostic with its source line, the span underlined and the suggested fix; then a summary."""

from __future__ import annotations

from typing import TextIO

from newslint.report import Report
from newslint.reporters import suggestion_text

STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
MAX_SHOWN_LINE = 160


def _excerpt(item) -> tuple[str, int, int]:
    """The source line cut to fit around the span: (text, start, end) with span offsets inside text."""
    line = item.source_line.replace("\t", " ")
    start = item.column - 1
    end = item.end_column - 1 if item.end_line == item.line else len(line)
    end = max(end, start + 1)
    if len(line) <= MAX_SHOWN_LINE:
        return line, start, end
    left = max(0, start - MAX_SHOWN_LINE // 2)
    shown = line[left:left + MAX_SHOWN_LINE]
    prefix = "…" if left else ""
    suffix = "…" if left + MAX_SHOWN_LINE < len(line) else ""
    return prefix + shown + suffix, start - left + len(prefix), min(end - left, len(shown)) + len(prefix)


Line = list[tuple[str, str]]  # (text, rich style) segments


def lines(report: Report) -> list[Line]:
    """The whole report as styled lines; how they are written (colour or not) is decided in render()."""
    out: list[Line] = []
    for item in report.items:
        d = item.diagnostic
        style = STYLES[d.severity.value]
        out.append([(f"{item.path}:{item.line}:{item.column}", "bold"), (": ", ""), (d.code, style),
                    (f" [{d.severity.value}] {d.message}", "")])
        line, start, end = _excerpt(item)
        gutter = f"{item.line:>5} | "
        out.append([(gutter, "dim"), (line[:start], ""), (line[start:end], style), (line[end:], "")])
        out.append([(" " * (len(gutter) + start) + "^" * max(1, end - start), style)])
        if d.suggestions:
            shown = ", ".join(suggestion_text(s) for s in d.suggestions[:3])
            safety = f" [{d.fix.applicability.value} fix]" if d.fix else ""
            out.append([(f"      = suggestion: {shown}{safety}", "green")])
        out.append([])
    for error in report.errors:
        out.append([(f"error: {error}", "bold red")])
    out.append([_summary(report)])
    return out


def _summary(report: Report) -> tuple[str, str]:
    counts = {level: sum(1 for i in report.items if i.diagnostic.severity.value == level) for level in STYLES}
    summary = ", ".join(f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items() if n)
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    fixed = f"; fixed {report.fixed}" if report.fixed else ""
    unread = f"; {len(report.errors)} could not be read" if report.errors else ""
    if report.items:
        n = len(report.items)
        return f"Found {n} problem{'s' if n != 1 else ''} ({summary}) in {files}{fixed}{unread}.", "bold"
    if report.errors:
        return f"No problems found in {files} checked{fixed}{unread}.", "bold red"
    return f"All clear: {files} checked{fixed}.", "bold green"


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    if not color:  # plain text needs no rich: a pre-commit hook or CI log starts faster without it
        for line in lines(report):
            stream.write("".join(text for text, _ in line) + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True)
    for line in lines(report):
        console.print(Text.assemble(*line))
