"""JSON Lines: one diagnostic a line, with the same fields as the json format."""

from __future__ import annotations

import json
from typing import TextIO

from newslint.report import Report


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    for item in report.items:
        stream.write(json.dumps(item.as_dict(), ensure_ascii=False) + "\n")
