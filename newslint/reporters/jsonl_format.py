"""JSON Lines: one diagnostic a line, with the same fields as the json format; after a file's diagnostics, a line
{"truncated": {"path", "code", "more"}} for each rule that found more problems there than are reported."""

from __future__ import annotations

import json
from typing import TextIO

from newslint.engine.report import Located, Report
from newslint.reporters import Options, truncated


class Reporter:
    shows_errors = False

    def __init__(self, stream: TextIO, options: Options):
        self.stream = stream

    def file_done(self, items: list[Located], error: str) -> None:
        if items:
            lines = [item.as_dict() for item in items]
            lines += [{"truncated": truncated(item.path, item.diagnostic.code, item.more)} for item in items if item.more]
            self.stream.write("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
            self.stream.flush()

    def finish(self, report: Report) -> None:
        pass
