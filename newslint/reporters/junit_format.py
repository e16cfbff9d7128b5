"""JUnit XML for CI dashboards: a test suite per file with problems, a failing test case per diagnostic, and one
for the problems a rule found in a file past those reported."""

from __future__ import annotations

import re
from itertools import groupby
from typing import TextIO
from xml.etree import ElementTree as ET

from newslint.engine.report import Report
from newslint.reporters import line_for, truncation_note

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # XML 1.0 forbids these


def _suite(parent: ET.Element, name: str, tests: int, failures: int = 0, errors: int = 0) -> ET.Element:
    return ET.SubElement(parent, "testsuite", name=name, tests=str(tests), failures=str(failures), errors=str(errors))


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    root = ET.Element("testsuites", name="newslint")
    flagged = 0
    for path, group in groupby(report.items, key=lambda item: item.path):
        items = list(group)
        flagged += 1
        cut = [item for item in items if item.more]
        suite = _suite(root, path, len(items) + len(cut), failures=len(items) + len(cut))
        for item in items:
            d = item.diagnostic
            case = ET.SubElement(suite, "testcase", name=f"{d.code} {d.rule} at {item.line}:{item.column}",
                                 classname=path, file=path, line=str(item.line))
            ET.SubElement(case, "failure", message=d.message, type=d.code).text = line_for(item)
        for item in cut:
            note = truncation_note(item)
            case = ET.SubElement(suite, "testcase", name=f"{item.diagnostic.code} {item.diagnostic.rule}: more",
                                 classname=path, file=path)
            ET.SubElement(case, "failure", message=note, type=item.diagnostic.code).text = f"{path}: {note}"
    clean = report.files - flagged
    if clean or report.errors or not report.files:
        suite = _suite(root, "newslint", (clean > 0) + len(report.errors), errors=len(report.errors))
        if clean:
            ET.SubElement(suite, "testcase", name=f"{clean} file{'s' if clean != 1 else ''} without problems",
                          classname="newslint")
        for error in report.errors:
            ET.SubElement(ET.SubElement(suite, "testcase", name=error, classname="newslint"), "error", message=error)
    for total in ("tests", "failures", "errors"):
        root.set(total, str(sum(int(suite.get(total, "0")) for suite in root)))
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n' + NOT_XML.sub("\ufffd", xml) + "\n")
