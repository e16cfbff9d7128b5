"""Text: each diagnostic with its source line, the span underlined and the suggested fix; then a summary."""

from __future__ import annotations

from typing import TextIO

from newslint.report import Report

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


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True,
                      width=10_000 if not color else None)
    for item in report.items:
        d = item.diagnostic
        head = Text()
        head.append(f"{item.path}:{item.line}:{item.column}", style="bold")
        head.append(": ")
        head.append(d.code, style=STYLES[d.severity.value])
        head.append(f" [{d.severity.value}] {d.message}")
        console.print(head)
        line, start, end = _excerpt(item)
        gutter = f"{item.line:>5} | "
        body = Text(gutter, style="dim")
        body.append(line[:start])
        body.append(line[start:end], style=STYLES[d.severity.value])
        body.append(line[end:])
        console.print(body)
        console.print(Text(" " * (len(gutter) + start) + "^" * max(1, end - start), style=STYLES[d.severity.value]))
        if d.suggestions:
            shown = ", ".join(repr(s) for s in d.suggestions[:3])
            safety = f" [{d.fix.applicability.value} fix]" if d.fix else ""
            console.print(Text(f"      = suggestion: {shown}{safety}", style="green"))
        console.print()
    for error in report.errors:
        console.print(Text(f"error: {error}", style="bold red"))
    counts = {level: sum(1 for i in report.items if i.diagnostic.severity.value == level) for level in STYLES}
    summary = ", ".join(f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items() if n)
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    fixed = f"; fixed {report.fixed}" if report.fixed else ""
    unread = f"; {len(report.errors)} could not be read" if report.errors else ""
    if report.items:
        console.print(Text(f"Found {len(report.items)} problem{'s' if len(report.items) != 1 else ''} ({summary}) "
                           f"in {files}{fixed}{unread}.", style="bold"))
    elif report.errors:
        console.print(Text(f"No problems found in {files} checked{fixed}{unread}.", style="bold red"))
    else:
        console.print(Text(f"All clear: {files} checked{fixed}.", style="bold green"))
