"""Front matter: YAML between --- lines or TOML between +++ lines (Hugo), read into metadata fields with their
positions, or the place and reason it does not parse."""

from __future__ import annotations

import re
from typing import NamedTuple

from newslint.document.regions import Block, MetadataField

FRONT_MATTER_RE = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?\r?\n)?\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# The value runs to its last character that is no blank (a lazy value before the trailing blanks would try them
# again from every blank inside a long run of them).
TOML_KEY_RE = re.compile(r'^[ \t]*([A-Za-z0-9_-]+|"[^"\n]*")[ \t]*=[ \t]*((?:.*[^ \t\r\n])?)[ \t\r]*$',
                         re.MULTILINE)
TOML_TABLE_RE = re.compile(r"^[ \t]*\[", re.MULTILINE)
TOML_ERROR_AT_RE = re.compile(r"\(at (?:line (\d+), column (\d+)|end of document)\)")


class FrontMatter(NamedTuple):
    block: Block
    fields: list[MetadataField]
    error: tuple[int, str] | None  # offset and reason, when the front matter does not parse


def read(text: str) -> FrontMatter | None:
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return None
    block = Block("front_matter", 0, match.end())
    if match.group(2) is None:
        return FrontMatter(block, [], None)
    parse = _yaml if match.group(1) == "---" else _toml
    return FrontMatter(block, *parse(text, match.start(2), match.end(2)))


def _yaml(text: str, start: int, end: int) -> tuple[list[MetadataField], tuple[int, str] | None]:
    """Top-level keys of the YAML between start and end."""
    import yaml

    try:
        loader = yaml.SafeLoader(text[start:end])  # checks every character first
        try:
            return _yaml_keys(loader, start, text, end)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = f"Front matter is not valid YAML: {exc.problem or exc.context}"
        return [], (start + (mark.index if mark else 0), reason)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow; its position is a character index
        return [], (start + exc.position, f"Front matter is not valid YAML: unacceptable character "
                                          f"#x{exc.character:04x}: {exc.reason}")
    except yaml.YAMLError as exc:
        return [], (start, f"Front matter is not valid YAML: {exc}")


class _YamlNode(NamedTuple):
    """What a top-level key or value needs of a YAML node: where it is, and its text ("\u2026" for a collection
    with something in it)."""

    start: int
    end: int
    is_scalar: bool
    text: str  # as written: "~" for a null key
    value: str  # "" for null


def _yaml_keys(loader, start: int, text: str, end: int) -> tuple[list[MetadataField], tuple[int, str] | None]:
    """Read the YAML event by event, as yaml.compose would (the same errors: one document, anchors defined once and
    before use), keeping only the top-level keys and their values. A tree of every node would take some 150 bytes of
    memory per byte of YAML: 1.6 GB for 10 MB of front matter."""
    from yaml import DocumentEndEvent, MappingStartEvent, StreamEndEvent
    from yaml.composer import ComposerError

    loader.get_event()  # stream start
    if loader.check_event(StreamEndEvent):
        return [], None
    loader.get_event()  # document start
    reader = _TopLevelKeys(loader, start, text, end, is_mapping=loader.check_event(MappingStartEvent))
    while not loader.check_event(DocumentEndEvent):
        reader.read(loader.get_event())
    loader.get_event()  # document end
    if not loader.check_event(StreamEndEvent):
        raise ComposerError("expected a single document in the stream", reader.root_start,
                            "but found another document", loader.get_event().start_mark)
    if not reader.is_mapping:
        return [], (start + reader.root.start, "Front matter is not a list of 'key: value' lines")
    return reader.fields(), None


class _TopLevelKeys:
    """The state of reading a YAML document's events for its top-level keys (see _yaml_keys)."""

    def __init__(self, loader, start: int, text: str, end: int, is_mapping: bool):
        self.loader, self.start, self.text, self.end, self.is_mapping = loader, start, text, end, is_mapping
        self.anchors: dict[str, tuple[object, _YamlNode | str | None]] = {}  # name -> (start mark, node once read)
        self.open: list[tuple[object, str | None, bool]] = []  # collections open: (start mark, anchor, has an item)
        self.root: _YamlNode | None = None
        self.root_start = None
        # Fields in order; a tuple is a pair that names a collection still open when its alias was read, made a
        # field once all is read.
        self.pairs: list[MetadataField | tuple[_YamlNode | str, _YamlNode | str]] = []
        self.key_texts: dict[str, str] = {}  # one string for each key however often it recurs
        self.key: _YamlNode | str | None = None
        self.expect_key = True

    def read(self, event) -> None:
        from yaml import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent
        from yaml.composer import ComposerError

        if self.root_start is None:
            self.root_start = event.start_mark
        if isinstance(event, AliasEvent):
            if event.anchor not in self.anchors:
                raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
            self.complete(self.anchors[event.anchor][1] or event.anchor, None)  # None: its collection is open
        elif isinstance(event, CollectionEndEvent):
            mark, anchor, has_item = self.open.pop()
            shown = "\u2026" if has_item else ""
            self.complete(_YamlNode(mark.index, event.end_mark.index, False, shown, shown), anchor)
        else:
            self.define(event)
            if isinstance(event, CollectionStartEvent):
                self.open.append((event.start_mark, event.anchor, False))
            elif isinstance(event, ScalarEvent):
                self.complete(self.scalar(event), event.anchor)

    def define(self, event) -> None:
        from yaml.composer import ComposerError

        if event.anchor is None:
            return
        if event.anchor in self.anchors:
            raise ComposerError(f"found duplicate anchor {event.anchor!r}; first occurrence",
                                self.anchors[event.anchor][0], "second occurrence", event.start_mark)
        self.anchors[event.anchor] = (event.start_mark, None)

    def scalar(self, event) -> _YamlNode:
        from yaml import ScalarNode

        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(ScalarNode, event.value, event.implicit)
        value = "" if tag.endswith(":null") else event.value
        return _YamlNode(event.start_mark.index, event.end_mark.index, True, event.value, value)

    def complete(self, node: _YamlNode | str, anchor: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = (self.anchors[anchor][0], node)
        if self.open:
            mark, name, _ = self.open[-1]
            self.open[-1] = (mark, name, True)
        if len(self.open) == 1 and self.is_mapping:  # a top-level key or value
            if self.expect_key:
                self.key = node if isinstance(node, str) or node.is_scalar else None
            elif self.key is not None:
                resolved = not isinstance(self.key, str) and not isinstance(node, str)
                self.pairs.append(self.field(self.key, node) if resolved else (self.key, node))
            self.expect_key = not self.expect_key
        elif not self.open and not isinstance(node, str):
            self.root = node

    def field(self, key_node: _YamlNode, value_node: _YamlNode) -> MetadataField:
        start = self.start
        key_end = start + key_node.end
        colon = self.text.find(":", key_end, self.end)
        key_end = colon + 1 if colon >= 0 else key_end
        vstart, vend = start + value_node.start, start + value_node.end
        return MetadataField(self.key_texts.setdefault(key_node.text, key_node.text), start + key_node.start,
                             key_end, value_node.value.strip(), vstart, max(vend, vstart), "front_matter")

    def fields(self) -> list[MetadataField]:
        out = []
        for pair in self.pairs:
            if not isinstance(pair, MetadataField):
                key_node, value_node = (self.anchors[node][1] if isinstance(node, str) else node for node in pair)
                if not key_node.is_scalar:
                    continue
                pair = self.field(key_node, value_node)
            out.append(pair)
        return out


def _toml(text: str, start: int, end: int) -> tuple[list[MetadataField], tuple[int, str] | None]:
    """Top-level keys of the TOML between start and end (those before the first [table])."""
    import tomllib

    body = text[start:end]
    try:
        values = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        reason = str(exc)
        at = TOML_ERROR_AT_RE.search(reason)
        offset = start
        if at:
            offset = start + _toml_offset(body, int(at.group(1)), int(at.group(2))) if at.group(1) else end
            reason = reason[:at.start()].rstrip()
        return [], (min(offset, end), f"Front matter is not valid TOML: {reason}")
    except RecursionError:  # tomllib reads an array or inline table inside another by recursion
        return [], (start, "Front matter is nested too deeply to read")
    table = TOML_TABLE_RE.search(body)
    out = []
    for m in TOML_KEY_RE.finditer(body, 0, table.start() if table else len(body)):
        key = m.group(1).strip('"')
        value = values.get(key)
        shown = "" if value in ("", [], {}) else value if isinstance(value, str) else "\u2026"
        out.append(MetadataField(key, start + m.start(1), start + m.end(1), str(shown).strip(), start + m.start(2),
                                 start + m.end(2), "front_matter"))
    return out, None


def _toml_offset(body: str, line: int, column: int) -> int:
    """The offset in body of tomllib's 1-based line and column; it counts lines by \\n alone (U+2028, NEL and a
    lone CR end none), where str.splitlines would count them all."""
    at = 0
    for _ in range(line - 1):
        at = body.find("\n", at) + 1
    return at + column - 1
