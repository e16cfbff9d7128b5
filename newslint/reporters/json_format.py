"""JSON: one object with every diagnostic (the bench kit's contract) and any input errors; when a rule found more
problems in a file than are reported, a "truncated" list says how many more ({"path", "code", "more"})."""

from __future__ import annotations

import json
from typing import TextIO

from newslint.engine.report import Report
from newslint.reporters import truncated


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    data = {"diagnostics": [item.as_dict() for item in report.items], "errors": report.errors}
    if report.truncated:
        data["truncated"] = [truncated(*entry) for entry in report.truncated]
    json.dump(data, stream, ensure_ascii=False, indent=1)
    stream.write("\n")
