"""JUnit XML for CI dashboards: a test suite per file with problems, a failing test case per diagnostic, and one
for the problems a rule found in a file past those reported.

Each file's suite is written as soon as the file is done, spooled (reporters.spool) until the end, where
the totals the root element carries are known; the document is laid out as ElementTree.indent lays it out, and the run
keeps no diagnostic for it."""

from __future__ import annotations

import re
from typing import TextIO
from xml.etree import ElementTree as ET

from newslint.engine.report import Located, Report
from newslint.reporters import Options, line_for, spool, truncation_note

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # XML 1.0 forbids these
TOTALS = ("tests", "failures", "errors")


def _suite(name: str, tests: int, failures: int = 0, errors: int = 0) -> ET.Element:
    return ET.Element("testsuite", name=name, tests=str(tests), failures=str(failures), errors=str(errors))


def _file_suite(items: list[Located]) -> ET.Element:
    """One file's suite: a failing case per diagnostic, and one per rule cut short there."""
    path = items[0].path
    cut = [item for item in items if item.more]
    suite = _suite(path, len(items) + len(cut), failures=len(items) + len(cut))
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
    return suite


def _run_suite(clean: int, errors: list[str]) -> ET.Element:
    """The suite of the run itself: the files without problems as one passing case, and each input error."""
    suite = _suite("newslint", (clean > 0) + len(errors), errors=len(errors))
    if clean:
        ET.SubElement(suite, "testcase", name=f"{clean} file{'s' if clean != 1 else ''} without problems",
                      classname="newslint")
    for error in errors:
        ET.SubElement(ET.SubElement(suite, "testcase", name=error, classname="newslint"), "error", message=error)
    return suite


class Reporter:
    shows_errors = False

    def __init__(self, stream: TextIO, options: Options):
        self.stream = stream
        self.spool = spool()
        self.totals = dict.fromkeys(TOTALS, 0)
        self.flagged = 0

    def _write(self, suite: ET.Element) -> None:
        """A suite to the spool as it stands in the document, one level down; its numbers added to the totals."""
        for total in TOTALS:
            self.totals[total] += int(suite.get(total, "0"))
        ET.indent(suite, level=1)
        self.spool.write("\n  " + NOT_XML.sub("\ufffd", ET.tostring(suite, encoding="unicode")))

    def file_done(self, items: list[Located], error: str) -> None:
        if items:
            self.flagged += 1
            self._write(_file_suite(items))

    def finish(self, report: Report) -> None:
        clean = report.files - self.flagged
        if clean or report.errors or not report.files:
            self._write(_run_suite(clean, report.errors))  # after every file's suite
        totals = " ".join(f'{total}="{self.totals[total]}"' for total in TOTALS)
        self.stream.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="newslint" {totals}>')
        self.spool.seek(0)
        for chunk in iter(lambda: self.spool.read(65536), ""):
            self.stream.write(chunk)
        self.spool.close()
        self.stream.write("\n</testsuites>\n")
