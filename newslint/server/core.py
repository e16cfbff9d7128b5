"""What the language server knows and answers, apart from the protocol's plumbing: open stories, their
configurations, diagnostics, code actions and hovers, as lsprotocol types."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types

from newslint.document.document import MARKDOWN_SUFFIXES
from newslint.document.source import Source
from newslint.engine.config import CONFIG_FILES, Config, ConfigError
from newslint.engine.diagnostic import Applicability, Diagnostic
from newslint.engine.linter import FileResult, Linter
from newslint.engine.suppression import DirectiveError

SOURCE = "newslint"
SEVERITIES = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
              "info": types.DiagnosticSeverity.Information}
FIX_ALL = "source.fixAll.newslint"
PROBLEM_RE = re.compile(r"(?P<file>.+?\.toml)(?::(?P<line>\d+))?: (?P<message>.*)", re.S)
PLACE_RE = re.compile(r"(?P<file>.+?):(?P<line>\d+): (?P<message>.*)", re.S)
NEXT_LINE_RE = re.compile(r"(?P<indent>[ \t]*)<!--\s*newslint-disable-next-line\b(?P<codes>[^>]*?)\s*-->[ \t]*")
LINE_BREAK_RE = re.compile(r"\r\n?|\n")
MAX_EVIDENCE = 8  # entries shown in a hover: enough for a heuristic rule's steps, short enough to read
MAX_VALUE = 80  # characters of one evidence value shown in a hover


# -- positions ------------------------------------------------------------------------------------------

class Positions:
    """Character offsets to LSP positions and back, in the encoding the client and server agreed (UTF-16 unless
    the client offers another). Lines end at \\r\\n, \\n or \\r, as the protocol and newslint's Document both say."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16):
        self.text = text
        self.encoding = str(encoding)
        self.starts = [0, *(m.end() for m in LINE_BREAK_RE.finditer(text))]

    def _units(self, chars: str) -> int:
        if self.encoding == "utf-32" or chars.isascii():
            return len(chars)
        if self.encoding == "utf-8":
            return len(chars.encode("utf-8", "surrogatepass"))
        return len(chars) + sum(1 for c in chars if ord(c) > 0xFFFF)

    def _line_of(self, offset: int) -> int:
        import bisect

        return bisect.bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = self._line_of(offset)
        return types.Position(line, self._units(self.text[self.starts[line]:offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def line_end(self, line: int) -> int:
        """The offset where a 0-based line's text ends (before its line break)."""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        while end > self.starts[line] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def offset(self, position: types.Position) -> int:
        """The offset of a position; a line past the end is the end of the text, a character past the end of its
        line is the end of the line (as the protocol asks)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[position.line], self.line_end(position.line)
        if self.encoding == "utf-32":
            return min(start + position.character, end)
        units = 0
        for index in range(start, end):
            if units >= position.character:
                return index
            units += self._units(self.text[index])
        return end


# -- open documents ---------------------------------------------------------------------------------------

@dataclass
class OpenDocument:
    uri: str
    text: str
    version: int | None
    language_id: str = ""
    path: Path | None = None  # the file behind a file: URI
    result: FileResult | None = None  # the latest lint, of `linted` (a version)
    linted: tuple[int | None, str] | None = None
    problem: types.Diagnostic | None = None  # an inline directive that names no rule, shown instead

    @property
    def name(self) -> str:
        """The story's name as newslint reads it: its path, which decides plain text or Markdown."""
        if self.path is None:
            return "untitled.md" if self.language_id == "markdown" else "untitled.txt"
        name = str(self.path)
        if self.language_id == "markdown" and not name.lower().endswith(MARKDOWN_SUFFIXES):
            return name + ".md"  # the editor says Markdown: read it so
        return name

    def source(self) -> Source:
        return Source(self.name, self.text, "utf-8", False)


@dataclass
class ConfigProblem:
    """A configuration that cannot be used, shown as one diagnostic on the file that is wrong."""

    path: Path | None
    diagnostic: types.Diagnostic
    message: str


@dataclass
class Outcome:
    """What one lint of an open story gives the client."""

    uri: str
    version: int | None
    diagnostics: list[types.Diagnostic]
    config_problem: ConfigProblem | None = None


@dataclass
class Settings:
    docs_url: str | None = None  # base of the rule pages' links: "{base}{CODE}.md" (None: a checkout's docs/rules)
    # Seconds a change that follows another sooner waits for the next one (a change after a longer pause is linted
    # at once). 30 ms: longer than the gap between the changes of a paste or a multi-cursor edit, and short enough
    # to keep a burst's last diagnostics near 100 ms (benchmarks/lsp_latency.py, 5 December 2026).
    debounce: float = 0.03
    encoding: str = types.PositionEncodingKind.Utf16


@dataclass
class State:
    """The open stories, the configurations found for them (as the command line finds them) and one linter per
    configuration, shared by every story that uses it."""

    root: Path | None = None
    settings: Settings = field(default_factory=Settings)
    documents: dict[str, OpenDocument] = field(default_factory=dict)
    _run: object | None = None
    _linters: dict[int, tuple[Config, Linter]] = field(default_factory=dict)
    _stamps: dict[Path, float | None] = field(default_factory=dict)  # files a configuration read -> their mtime

    # -- configuration ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Forget every configuration read: the next lint reads them afresh (the word lists and models stay)."""
        self._run = None
        self._linters.clear()
        self._stamps.clear()

    def stale(self) -> bool:
        """Whether a configuration file or word list read so far has changed, appeared or gone since."""
        return any(_mtime(path) != stamp for path, stamp in self._stamps.items())

    def linter_for(self, document: OpenDocument) -> Linter:
        from newslint.engine.run import Run

        if self.stale():
            self.reload()
        if self._run is None:
            self._run = Run()
        path = Path(document.name) if document.path else (self.root or Path.cwd()) / document.name
        config = self._run.config_for(path.absolute())  # type: ignore[attr-defined]
        key = id(config)
        if key not in self._linters:
            for read in (*config.chain, *config.words, *config.reject, *config.names):
                self._stamps.setdefault(Path(read), _mtime(Path(read)))
            self._linters[key] = (config, Linter(config))  # ConfigError: a code that names no rule
        return self._linters[key][1]

    def config_file_for(self, document: OpenDocument) -> Path | None:
        from newslint.engine.config import find

        base = document.path or (self.root or Path.cwd()) / document.name
        return find(base.absolute())

    # -- diagnostics -------------------------------------------------------------------------------------
    def open(self, uri: str, text: str, version: int | None, language_id: str = "", path: Path | None = None) -> None:
        self.documents[uri] = OpenDocument(uri, text, version, language_id, path)

    def change(self, uri: str, text: str, version: int | None) -> None:
        document = self.documents[uri]
        document.text, document.version = text, version

    def close(self, uri: str) -> None:
        self.documents.pop(uri, None)

    def lint(self, uri: str) -> Outcome:
        """Lint an open story's current text; a configuration that cannot be used, or an inline directive that
        names no rule, becomes a diagnostic instead of an error."""
        document = self.documents[uri]
        version, text = document.version, document.text
        positions = Positions(text, self.settings.encoding)
        try:
            linter = self.linter_for(document)
            result = linter.lint(document.source())
        except ConfigError as exc:
            document.result, document.linted = None, None
            return Outcome(uri, version, [], self.config_problem(str(exc), document))
        except DirectiveError as exc:
            match = PLACE_RE.fullmatch(str(exc))
            line = int(match.group("line")) - 1 if match else 0
            document.problem = types.Diagnostic(
                positions.range(positions.starts[line], positions.line_end(line)) if line < len(positions.starts)
                else positions.range(0, 0),
                match.group("message") if match else str(exc), severity=types.DiagnosticSeverity.Error,
                source=SOURCE)
            document.result, document.linted = None, None
            return Outcome(uri, version, [document.problem])
        document.result, document.linted, document.problem = result, (version, text), None
        return Outcome(uri, version, [self.to_lsp(d, positions, linter) for d in result.diagnostics])

    def current(self, uri: str) -> tuple[OpenDocument, FileResult | None]:
        """An open story and the lint of its current text (linted now if the latest lint is of older text)."""
        document = self.documents[uri]
        if document.linted != (document.version, document.text):
            self.lint(uri)
        return document, document.result

    def config_problem(self, message: str, document: OpenDocument) -> ConfigProblem:
        match = PROBLEM_RE.fullmatch(message)
        path = Path(match.group("file")) if match else self.config_file_for(document)
        line = int(match.group("line")) - 1 if match and match.group("line") else 0
        shown = match.group("message") if match else message
        if path is not None:  # its next change is noticed, and the configuration read again
            self._stamps.setdefault(path, _mtime(path))
        text = _read(path) if path else ""
        positions = Positions(text, self.settings.encoding)
        line = min(line, len(positions.starts) - 1)
        where = positions.range(positions.starts[line], positions.line_end(line))
        diagnostic = types.Diagnostic(where, f"newslint cannot use this configuration: {shown}",
                                      severity=types.DiagnosticSeverity.Error, source=SOURCE)
        return ConfigProblem(path, diagnostic, message)

    def to_lsp(self, d: Diagnostic, positions: Positions, linter: Linter) -> types.Diagnostic:
        href = self.docs_href(d.code, linter)
        return types.Diagnostic(
            positions.range(d.span.start, d.span.end), d.message, severity=SEVERITIES[d.severity.value],
            code=d.code, code_description=types.CodeDescription(href) if href else None, source=SOURCE,
            data={"rule": d.rule, "start": d.span.start, "end": d.span.end},
        )

    def docs_href(self, code: str, linter: Linter | None = None) -> str | None:
        """The rule page's address: the configured base with CODE.md, else the page in a newslint checkout's
        docs/rules/ as a file: URI; none for a rule without a page there (a newsroom's own pack)."""
        if self.settings.docs_url:
            return f"{self.settings.docs_url}{code}.md"
        page = Path(__file__).resolve().parent.parent.parent / "docs" / "rules" / f"{code}.md"
        return page.as_uri() if page.is_file() else None

    # -- code actions ------------------------------------------------------------------------------------
    def code_actions(self, uri: str, request: types.Range, only: list[str] | None = None) -> list[types.CodeAction]:
        document, result = self.current(uri)
        if result is None:
            return []
        positions = Positions(document.text, self.settings.encoding)
        start, end = positions.offset(request.start), positions.offset(request.end)
        linter = self.linter_for(document)
        actions: list[types.CodeAction] = []
        here = [d for d in result.diagnostics if d.span.start <= end and start <= d.span.end]
        if _wanted(types.CodeActionKind.QuickFix, only):
            for d in here:
                actions.extend(self._quick_fixes(uri, d, positions, linter, document))
        if _wanted(FIX_ALL, only):
            if (fix_all := self.fix_all(uri)) is not None:
                actions.append(fix_all)
        return actions

    def _quick_fixes(self, uri: str, d: Diagnostic, positions: Positions, linter: Linter,
                     document: OpenDocument) -> list[types.CodeAction]:
        """A diagnostic's fix, its other suggestions, and 'Disable CODE for this line'."""
        lsp = self.to_lsp(d, positions, linter)

        def action(title: str, edits: list[types.TextEdit], preferred: bool = False) -> types.CodeAction:
            return types.CodeAction(f"{title} ({d.code})" if not title.startswith("Disable") else title,
                                    kind=types.CodeActionKind.QuickFix, diagnostics=[lsp], is_preferred=preferred,
                                    edit=_edit(uri, document.version, edits))

        out = []
        fix = d.fix
        if fix is not None and fix.applicability != Applicability.DISPLAY:
            edits = [types.TextEdit(positions.range(e.span.start, e.span.end), e.replacement) for e in fix.edits]
            out.append(action(fix.title, edits, preferred=fix.applicability == Applicability.SAFE))
        out.extend(action(f"Replace with '{suggestion}'",
                          [types.TextEdit(positions.range(d.span.start, d.span.end), suggestion)])
                   for suggestion in _other_suggestions(d))
        out.append(action(f"Disable {d.code} for this line", [disable_edit(document.text, d, positions)]))
        return out

    def fix_all(self, uri: str) -> types.CodeAction | None:
        """Every safe fix in the story, applied until nothing more applies (as ``newslint --fix``), as one edit;
        None when there is none."""
        from newslint.engine.fixer import fix_source

        document, result = self.current(uri)
        if result is None or not any(d.fix and d.fix.applicability == Applicability.SAFE for d in result.diagnostics):
            return None
        outcome = fix_source(self.linter_for(document), document.source(), unsafe=False)
        if not outcome.changed:
            return None
        positions = Positions(document.text, self.settings.encoding)
        edits = [types.TextEdit(positions.range(start, end), new) for start, end, new in outcome.changes()]
        return types.CodeAction("Fix all safe problems in this file (newslint)", kind=FIX_ALL,
                                edit=_edit(uri, document.version, edits))

    # -- hover ---------------------------------------------------------------------------------------------
    def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        """On a flagged span: the problem, its suggestions, the evidence the heuristic rule weighed (from
        ``newslint explain``) and the rule's documentation."""
        from newslint.engine.explain import Trace

        document, result = self.current(uri)
        if result is None:
            return None
        positions = Positions(document.text, self.settings.encoding)
        offset = positions.offset(position)
        here = [d for d in result.diagnostics if d.span.start <= offset < max(d.span.end, d.span.start + 1)]
        if not here:
            return None
        linter = self.linter_for(document)
        explained = linter.lint(document.source(), Trace(offset)).diagnostics
        sections = [hover_text(d, _evidence_of(d, explained), _documentation(linter, d.code),
                               self.docs_href(d.code, linter)) for d in here]
        first = min(d.span.start for d in here)
        last = max(d.span.end for d in here)
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(sections)),
                           positions.range(first, last))


def _other_suggestions(d: Diagnostic) -> list[str]:
    """The suggestions the fix does not apply, each a quick fix never preferred (the user picks one); none when
    the fix does something other than replace the flagged text."""
    fix = d.fix
    if fix is not None and not (len(fix.edits) == 1 and fix.edits[0].span == d.span):
        return []
    chosen = fix.edits[0].replacement if fix is not None else None
    return [suggestion for suggestion in d.suggestions if suggestion != chosen]


def _wanted(kind: str, only: list[str] | None) -> bool:
    """Whether a code action of this kind answers a request limited to `only` (kinds are dotted hierarchies)."""
    return not only or any(kind == o or kind.startswith(f"{o}.") for o in only)


def _edit(uri: str, version: int | None, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def disable_edit(text: str, d: Diagnostic, positions: Positions) -> types.TextEdit:
    """Insert ``<!-- newslint-disable-next-line CODE -->`` on its own line above the diagnostic's line (indented as
    it is), or add the code to such a directive already there."""
    line = positions._line_of(d.span.start)
    start = positions.starts[line]
    if line > 0:
        above_start, above_end = positions.starts[line - 1], positions.line_end(line - 1)
        if m := NEXT_LINE_RE.fullmatch(text[above_start:above_end]):
            codes = m.group("codes").split()
            if codes and d.code not in codes:  # no codes already covers every rule
                directive = f"{m.group('indent')}<!-- newslint-disable-next-line {' '.join([*codes, d.code])} -->"
                return types.TextEdit(positions.range(above_start, above_end), directive)
    end_of_line = positions.line_end(line)
    line_break = LINE_BREAK_RE.match(text, end_of_line)
    newline = line_break.group() if line_break else _first_line_break(text)
    indent = re.match(r"[ \t]*", text[start:end_of_line]).group()  # type: ignore[union-attr]
    return types.TextEdit(positions.range(start, start),
                          f"{indent}<!-- newslint-disable-next-line {d.code} -->{newline}")


def _first_line_break(text: str) -> str:
    found = LINE_BREAK_RE.search(text)
    return found.group() if found else "\n"


def _evidence_of(d: Diagnostic, explained: list[Diagnostic]) -> list[dict]:
    for other in explained:
        if other.code == d.code and other.span == d.span:
            return list(other.extra.get("evidence", ()))
    return []


def _documentation(linter: Linter, code: str) -> str:
    for rule in linter.rules:
        if rule.code == code:
            return rule.documentation()
    return ""


def hover_text(d: Diagnostic, evidence: list[dict], documentation: str, href: str | None) -> str:
    """A hover's Markdown for one diagnostic."""
    out = [f"**{d.code}** `{d.rule}` ({d.severity.value}): {d.message}"]
    if d.suggestions:
        out.append("Suggestions: " + ", ".join(f"`{s}`" for s in d.suggestions))
    if d.fix is not None:
        out.append(f"Fix: {d.fix.title} ({d.fix.applicability.value})")
    if evidence:
        lines = [f"- {_evidence_line(item)}" for item in evidence[:MAX_EVIDENCE]]
        if len(evidence) > MAX_EVIDENCE:
            lines.append(f"- … {len(evidence) - MAX_EVIDENCE} more (`newslint explain PATH:LINE:COL`)")
        out.append("Evidence:\n" + "\n".join(lines))
    if documentation:
        out.append(documentation)
    if href:
        out.append(f"[{d.code} documentation]({href})")
    return "\n\n".join(out)


def _evidence_line(item: dict) -> str:
    head = ""
    if item.get("step"):
        head = f"step `{item['step']}`: {item.get('verdict', '')}"
    rest = [f"{key} {_short(value)}" for key, value in item.items() if key not in ("step", "verdict")]
    return "; ".join(part for part in [head, ", ".join(rest)] if part)


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE - 1] + "…"


def _mtime(path: Path) -> float | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def is_config_file(path: str) -> bool:
    return os.path.basename(path) in CONFIG_FILES
