"""JSON Lines: one diagnostic a line, with the same fields as the json format; after a file's diagnostics, a line
{"truncated": {"path", "code", "more"}} for each rule that found more problems there than are reported."""

from __future__ import annotations

import json
from typing import TextIO

from newslint.engine.report import Located, Report
from newslint.reporters import Options, truncated

# Characters that str.splitlines and other readers take for line ends, which JSON leaves unescaped outside ASCII.
LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def one_line(record: dict) -> str:
    """A record as JSON on one line for any reader: a line or paragraph separator in a message is escaped."""
    return json.dumps(record, ensure_ascii=False).translate(LINE_BREAKS)


class Reporter:
    shows_errors = False

    def __init__(self, stream: TextIO, options: Options):
        self.stream = stream

    def file_done(self, items: list[Located], error: str) -> None:
        if items:
            lines = [item.as_dict() for item in items]
            lines += [{"truncated": truncated(item.path, item.diagnostic.code, item.more)} for item in items if item.more]
            self.stream.write("".join(one_line(line) + "\n" for line in lines))
            self.stream.flush()

    def finish(self, report: Report) -> None:
        pass
