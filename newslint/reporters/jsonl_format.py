"""JSON Lines: one diagnostic a line, with the same fields as the json format."""

from __future__ import annotations

import json
from typing import TextIO

from newslint.report import Located, Report
from newslint.reporters import Options


class Reporter:
    def __init__(self, stream: TextIO, options: Options):
        self.stream = stream

    def file_done(self, items: list[Located], error: str) -> None:
        if items:
            self.stream.write("".join(json.dumps(item.as_dict(), ensure_ascii=False) + "\n" for item in items))
            self.stream.flush()

    def finish(self, report: Report) -> None:
        pass
