"""Markdown awareness: front matter as metadata, code, link targets, URLs and comments not prose, exact positions."""

from __future__ import annotations

from newslint.document.document import Document
from newslint.document.source import Source


def markdown(text: str) -> Document:
    return Document(Source("story.md", text, "utf-8", False), markdown=True)


def found(cli, path, codes: str) -> list[tuple[int, int, str]]:
    result = cli("--format", "json", "--select", codes, str(path))
    return [(d["line"], d["column"], d["code"]) for d in result.json["diagnostics"]]


def test_repeated_word_in_code_span_is_not_flagged_outside_it_is(cli, story):
    path = story("# Budget\n\nRun `the the` now, said the the minister.\n", "story.md")
    assert found(cli, path, "NL501") == [(3, 29, "NL501")]


def test_fenced_and_indented_code_are_not_prose_and_lines_still_count(cli, story):
    text = "# Budget\n\n```\nthe the\n```\n\n    and and\n\nIt was was close.\n"
    assert found(cli, story(text, "story.md"), "NL501") == [(9, 8, "NL501")]


def test_link_target_and_bare_url_are_not_prose_but_link_text_is():
    text = "See [the report](https://example.org/teh-reprot \"Teh title\") and www.exmaple.org/adn today.\n"
    doc = markdown(text)
    assert "teh" not in doc.prose.lower() and "exmaple" not in doc.prose and "adn" not in doc.prose
    assert doc.prose.index("[the report]") == 4
    assert doc.prose.rstrip().endswith("today.")
    assert len(doc.prose) == len(text)


def test_url_in_brackets_keeps_the_closing_bracket_and_full_stop_as_prose():
    doc = markdown("Read it (at https://example.org/a).\n")
    assert doc.prose == "Read it (at                      ).\n"


def test_a_web_address_without_http_is_not_prose_but_its_sentence_punctuation_is():
    text = "Help is at gov.uk, stepchange.org and status.npmjs.org/incidents; see bbc.co.uk/news/.\n"
    doc = Document(Source("story.txt", f"Help\n\n{text}", "utf-8", False))
    blanked = text
    for address in ("gov.uk", "stepchange.org", "status.npmjs.org/incidents", "bbc.co.uk/news/"):
        blanked = blanked.replace(address, " " * len(address))
    assert doc.prose.split("\n")[2] == blanked.rstrip("\n")  # the comma, semicolon and full stop stay prose


def test_abbreviations_and_a_missing_space_are_no_web_address():
    text = "The U.S. and U.K. envoys, e.g. Ms Jones, met at 10.30am. It ended.Then the Ph.D student spoke.\n"
    doc = Document(Source("story.txt", f"Talks\n\n{text}", "utf-8", False))
    assert doc.prose.split("\n")[2] == text.rstrip("\n")


def test_a_footnote_label_is_not_prose_but_the_footnote_is():
    doc = markdown("The agency agreed.[^nao] It said so.\n\n[^nao]: The audit office's reprot.\n")
    assert doc.prose == "The agency agreed.       It said so.\n\n        The audit office's reprot.\n"


def test_html_comment_and_html_block_are_not_prose_but_stay_in_markup():
    text = "Fine <!-- teh note --> copy.\n\n<div>\nteh block\n</div>\n\nMore.\n"
    doc = markdown(text)
    assert "teh" not in doc.prose
    assert "<!-- teh note -->" in doc.markup and "teh block" in doc.markup
    assert [(b.kind, doc.locate(b.start)) for b in doc.blocks] == [
        ("paragraph", (1, 1)), ("html", (3, 1)), ("paragraph", (7, 1))]


def test_reference_definition_and_reference_label_are_not_prose():
    doc = markdown("Read [the report][teh-ref].\n\n[teh-ref]: https://example.org/x\n")
    assert "teh" not in doc.prose
    assert doc.prose.startswith("Read [the report]         .\n")


def test_blocks_follow_markdown_structure():
    text = "Title\n=====\n\n- first item\n- second item\n\n> quoted line\n\n| a | b |\n|---|---|\n| c | d |\n"
    doc = markdown(text)
    assert [(b.kind, doc.locate(b.start)[0], doc.locate(b.end)[0]) for b in doc.blocks] == [
        ("heading", 1, 2), ("paragraph", 4, 4), ("paragraph", 5, 5), ("paragraph", 7, 7),
        ("paragraph", 9, 9), ("paragraph", 11, 11)]


def test_front_matter_is_metadata_and_empty_keys_are_flagged_at_the_key(cli, story):
    text = '---\ntitle: ""\nslug: budget-day\ntags: []\nauthor:\n---\n# Budget day\n\nThe vote was close.\n'
    path = story(text, "story.md")
    assert found(cli, path, "NL401") == [(2, 1, "NL401"), (4, 1, "NL401"), (5, 1, "NL401")]
    doc = markdown(text)
    assert [(f.key, f.value, f.origin) for f in doc.metadata] == [
        ("title", "", "front_matter"), ("slug", "budget-day", "front_matter"), ("tags", "", "front_matter"),
        ("author", "", "front_matter")]
    assert doc.prose.startswith(" " * 3 + "\n")  # the front matter is blanked, line breaks kept


def test_toml_front_matter_is_metadata_up_to_its_first_table(cli, story):
    text = '+++\ntitle = "Budget day"\ntags = []\n"slug" = ""\n[params]\nimage = ""\n+++\n# Budget day\n\nThe vote.\n'
    assert found(cli, story(text, "story.md"), "NL401,NL409") == [(3, 1, "NL401"), (4, 1, "NL401")]
    assert [(f.key, f.value) for f in markdown(text).metadata] == [("title", "Budget day"), ("tags", ""), ("slug", "")]


def test_front_matter_that_does_not_parse_is_reported_where_the_parser_stopped(cli, story):
    yaml_text = "---\ntitle: Budget: the winners\ntags: [budget]\n---\n# Budget\n\nThe vote.\n"
    result = cli("--format", "concise", "--select", "NL409", str(story(yaml_text, "yaml.md")))
    assert result.out.splitlines()[0].endswith(
        "yaml.md:2:14: NL409 [error] Front matter is not valid YAML: mapping values are not allowed here")
    toml_text = '+++\ntitle = "Budget"\ndate = 2024-01-0x\n+++\n# Budget\n\nThe vote.\n'
    assert found(cli, story(toml_text, "toml.md"), "NL409") == [(3, 12, "NL409")]
    assert found(cli, story("---\njust a sentence\n---\n# Budget\n", "text.md"), "NL409") == [(2, 1, "NL409")]
    # in plain text, lines between two rules at the top are copy unless they read as fields
    assert found(cli, story("---\nStorm hits the the coast\n---\n\nIt rained.\n", "rule.txt"), "NL409,NL501") == [
        (2, 16, "NL501")]


def test_front_matter_is_not_linted_as_prose(cli, story):
    path = story("---\ntitle: the the budget\n---\n# Budget\n\nThe the vote.\n", "story.md")
    assert found(cli, path, "NL501") == [(6, 5, "NL501")]


def test_crlf_positions_map_to_the_original_lines(cli, story):
    path = story("# Budget\r\n\r\n`the the` and it it went.\r\n", "story.md")
    assert found(cli, path, "NL501") == [(3, 18, "NL501")]


def test_plain_text_is_not_parsed_as_markdown():
    doc = Document(Source("story.txt", "Run `the the` now.\n", "utf-8", False))
    assert doc.prose == "Run `the the` now.\n"


def test_markdown_read_in_chunks_gives_the_blocks_of_one_whole_parse(monkeypatch):
    # markdown-it keeps some 150 bytes a line and 500 a block token: a 10 MB draft read whole took 5 GB, so it is read
    # in chunks of lines, cut where the last top-level block starts; any chunk size must give the same blocks
    import random

    from markdown_it import MarkdownIt

    from newslint.document import layout
    from newslint.document.document import Document
    from newslint.document.source import decode

    pieces = ["# Head\n", "text line\n", "\n", "- item\n", "  - sub\n", "1. one\n", "> quote\n", "> > deep\n", "```\n",
              "    code\n", "<div>\n", "</div>\n", "<!-- c\n", "-->\n", "---\n", "===\n", "| a | b |\n", "|---|---|\n",
              "[ref]: http://x\n", "  lazy\n", "* star\n", "\r\n", "\r", "para *x*\n"]
    rng = random.Random(16)
    parser = MarkdownIt("commonmark").enable("table").disable("inline")
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        whole = [(t.type, t.map[0], t.map[1]) for t in parser.parse(text) if t.map is not None]
        doc = Document(decode(text.encode(), "story.md"))
        for size in (1, 2, 3, 7):
            monkeypatch.setattr(layout, "MARKDOWN_CHUNK_LINES", size)
            assert list(layout._markdown_blocks(doc, text)) == whole, (size, text)
