"""NL301's evidence in `newslint explain` and `--explain`: the forms of a name and their counts, why it reads as a
name, each pair's verdict step and score, and the step that decided."""

from __future__ import annotations

from conftest import SEED, explained_part

from newslint.document.source import decode
from newslint.engine.config import Config
from newslint.engine.explain import Trace
from newslint.engine.linter import Linter
from newslint.rules.name_variant import STEPS

PORT = """Port talks

Harbour chief Ines Varga-Okoro met dock staff on Monday. Varga-Okoro said the port would reopen.
Staff told Varga-Okaro they wanted guarantees, and Ms Varga Okoro agreed.
Envoys from Ghana, Mali and Ghano attended. NATO sent Nato staff.
"""


def explained(cli, path, line: int, column: int) -> list[str]:
    return explained_part(cli, f"{path}:{line}:{column}", "NL301")


def test_explain_at_the_seed_slip_names_the_variants_and_the_step(cli, monkeypatch):
    monkeypatch.chdir(SEED.parent)
    assert explained(cli, SEED.name, 23, 62) == [
        f"{SEED.name}:23:62: 'Koran'",
        "  NL301 name-variant: reported: 'Koran' is written 'Korean' elsewhere in this story (5 times)",
        "    evidence: variants: Koran 1; name_evidence: capitalised mid-sentence",
        "    evidence: weighed_against: Korean; slip_step: shared-neighbour; score: 2",
        "    step shared-neighbour (reported): variants: Korean 5, Koran 1; suggestion: Korean",
    ]


def test_explain_at_a_reported_slip(cli, story):
    path = story(PORT)
    assert explained(cli, path, 4, 12)[1:] == [
        "  NL301 name-variant: reported: 'Varga-Okaro' is written 'Varga-Okoro' elsewhere in this story (3 times)",
        "    evidence: variants: Varga-Okaro 1; name_evidence: a capital inside the word",
        "    evidence: weighed_against: Varga-Okoro; slip_step: unknown-name; score: 1",
        "    step unknown-name (reported): variants: Varga-Okoro 2, Varga Okoro 1, Varga-Okaro 1; "
        "suggestion: Varga-Okoro",
    ]


def test_explain_at_a_form_variant_and_at_the_majority_it_was_weighed_against(cli, story):
    path = story(PORT)
    assert explained(cli, path, 4, 61)[1:] == [
        "  NL301 name-variant: reported: 'Varga Okoro' is written 'Varga-Okoro' elsewhere in this story (2 times)",
        "    evidence: variants: Varga-Okoro 2, Varga Okoro 1; name_evidence: capitalised mid-sentence",
        "    evidence: less_used_spelling: Varga-Okaro; slip_step: unknown-name; score: 1",
        "    step form-variant (reported): variants: Varga-Okoro 2, Varga Okoro 1",
    ]


def test_explain_at_a_look_alike_left_alone_names_the_step(cli, story):
    path = story(PORT)
    assert explained(cli, path, 5, 30) == [
        f"{path}:5:30: 'Ghano'",
        "  NL301: left alone",
        "    evidence: variants: Ghano 1; name_evidence: capitalised mid-sentence",
        "    evidence: weighed_against: Ghana; slip_step: last-letter; score: 0",
        "    step last-letter (left alone): against: Ghana",
    ]
    assert explained(cli, path, 5, 13)[1:] == [
        "  NL301: considered",
        "    evidence: variants: Ghana 1; name_evidence: capitalised mid-sentence",
        "    evidence: less_used_spelling: Ghano; slip_step: last-letter; score: 0",
    ]
    assert explained(cli, path, 5, 45)[1:] == ["  NL301: left alone", "    step acronym-or-initial (left alone)"]


def test_json_explain_carries_the_nl301_evidence(cli, story, monkeypatch):
    path = story(PORT)
    result = cli("--select", "NL301", "--format", "json", "--explain", str(path))
    by_text = {(d["line"], d["column"]): d["evidence"] for d in result.json["diagnostics"]}
    assert by_text[(4, 12)] == [
        {"variants": {"Varga-Okaro": 1}, "name_evidence": "a capital inside the word"},
        {"weighed_against": "Varga-Okoro", "slip_step": "unknown-name", "score": 1},
        {"step": "unknown-name", "verdict": "reported",
         "variants": {"Varga-Okoro": 2, "Varga Okoro": 1, "Varga-Okaro": 1}, "suggestion": "Varga-Okoro"},
    ]
    assert by_text[(4, 55)][-1] == {"step": "form-variant", "verdict": "reported",
                                    "variants": {"Varga-Okoro": 2, "Varga Okoro": 1}}
    monkeypatch.chdir(SEED.parent)
    [seed] = cli("--select", "NL301", "--format", "json", "--explain", SEED.name).json["diagnostics"]
    assert seed["evidence"][-1] == {"step": "shared-neighbour", "verdict": "reported",
                                    "variants": {"Korean": 5, "Koran": 1}, "suggestion": "Korean"}


def test_a_trace_changes_no_diagnostic_and_each_report_is_decided_by_a_step():
    names = {step.name for step in STEPS}
    for text in (PORT, SEED.read_text(encoding="utf-8")):
        plain = Linter(Config(select=("NL301",))).lint(decode(text.encode(), "story.txt"))
        trace = Trace()
        traced = Linter(Config(select=("NL301",))).lint(decode(text.encode(), "story.txt"), trace)
        assert traced.diagnostics == plain.diagnostics
        for d in traced.diagnostics:
            decided = [e for e in trace.about("NL301", d.span.start, d.span.end) if e.step]
            assert decided[-1].verdict == "reported" and decided[-1].step in names


def test_no_trace_no_record():
    doc_result = Linter(Config(select=("NL301",))).lint(decode(PORT.encode(), "story.txt"))
    assert doc_result.document.trace is None
