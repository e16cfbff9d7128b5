"""YAML front matter of Markdown drafts, read into metadata fields with their positions."""

from __future__ import annotations

from newslint.document import MetadataField


def fields(text: str, start: int, end: int) -> list[MetadataField]:
    """Top-level keys of the YAML between start and end; a YAML error yields no fields."""
    import yaml

    body = text[start:end]
    try:
        root = yaml.compose(body, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
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
        elif isinstance(value_node, (yaml.SequenceNode, yaml.MappingNode)):
            value = "" if not value_node.value else "…"
        else:
            value = "…"
        vstart = start + value_node.start_mark.index
        vend = start + value_node.end_mark.index
        out.append(MetadataField(key_node.value, key_start, key_end, value.strip(), vstart, max(vend, vstart), "front_matter"))
    return out
