"""JSON: one object with every diagnostic (the bench kit's contract) and any input errors; when a rule found more
problems in a file than are reported, a "truncated" list says how many more ({"path", "code", "more"}).

The object is written as json.dump(..., indent=1) would write it, but each file's diagnostics as soon as the file is
done, so that a run keeps none of them: the memory of an archive's run does not grow with its problems."""

from __future__ import annotations

from typing import TextIO

from newslint.engine.report import Located, Report
from newslint.reporters import JsonArray, Options, nested_json, truncated


class Reporter:
    shows_errors = False

    def __init__(self, stream: TextIO, options: Options):
        self.stream = stream
        self.diagnostics = JsonArray(stream, '{\n "diagnostics": ', 2)

    def file_done(self, items: list[Located], error: str) -> None:
        for item in items:
            self.diagnostics.add(item.as_dict())

    def finish(self, report: Report) -> None:
        self.diagnostics.close()
        self.stream.write(',\n "errors": ' + nested_json(report.errors, 1))
        if report.truncated:
            self.stream.write(',\n "truncated": ' + nested_json([truncated(*entry) for entry in report.truncated], 1))
        self.stream.write("\n}\n")
