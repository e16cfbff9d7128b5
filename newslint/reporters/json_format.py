"""JSON: one object with every diagnostic (the bench kit's contract) and any input errors."""

from __future__ import annotations

import json
from typing import TextIO

from newslint.report import Report


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    data = {"diagnostics": [item.as_dict() for item in report.items], "errors": report.errors}
    json.dump(data, stream, ensure_ascii=False, indent=1)
    stream.write("\n")
