"""Front matter: YAML between --- lines or TOML between +++ lines (Hugo), read into metadata fields with their
positions, or the place and reason it does not parse."""

from __future__ import annotations

import re
from typing import NamedTuple

from newslint.document import Block, MetadataField

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
        root = yaml.compose(text[start:end], Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = f"Front matter is not valid YAML: {exc.problem or exc.context}"
        return [], (start + (mark.index if mark else 0), reason)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow; its position is a character index
        return [], (start + exc.position, f"Front matter is not valid YAML: unacceptable character "
                                          f"#x{exc.character:04x}: {exc.reason}")
    except yaml.YAMLError as exc:
        return [], (start, f"Front matter is not valid YAML: {exc}")
    except RecursionError:  # the composer reads a collection inside another by recursion
        return [], (start, "Front matter is nested too deeply to read")
    if root is None:
        return [], None
    if not isinstance(root, yaml.MappingNode):
        return [], (start + root.start_mark.index, "Front matter is not a list of 'key: value' lines")
    out = []
    for key_node, value_node in root.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key_start = start + key_node.start_mark.index
        key_end = start + key_node.end_mark.index
        colon = text.find(":", key_end, end)
        key_end = colon + 1 if colon >= 0 else key_end
        if isinstance(value_node, yaml.ScalarNode):
            value = "" if value_node.tag.endswith(":null") else value_node.value
        else:
            value = "\u2026" if value_node.value else ""
        vstart = start + value_node.start_mark.index
        vend = start + value_node.end_mark.index
        out.append(MetadataField(key_node.value, key_start, key_end, value.strip(), vstart, max(vend, vstart),
                                 "front_matter"))
    return out, None


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
