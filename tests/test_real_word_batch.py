"""NL201 weighs a story's words one at a time or, once a run has weighed enough of them, in one numpy batch per story
(real_word_error.BATCH_FROM): the two must find the same slips with the same odds, bit for bit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from newslint.engine.config import Config
from newslint.engine.resources import Resources
from newslint.language.language_model import LanguageModel, Slot
from newslint.rules import real_word_error

TESTS = Path(__file__).parent
# every NL201 fixture: the grammar steps' too, which the batch must find as judge does (grammar_may_decide)
STORIES = sorted(p for p in (TESTS / "corpus").iterdir() if p.suffix in (".txt", ".md")) + sorted(
    (TESTS / "rules" / "NL201").glob("*.txt"))
SLIPS = ("Talks resumed on Monday.\nThe bank said profits rose sharply form last year.\n"
         "Sales were higher than forecast.\nCosts would be less then those of last year, the firm said.\n"
         "The minister said it would he wrong to act now. Nobody could explain hwy the talks had failed.\n"
         "Iron ore prices rose again in March.\nSteelmakers are struggling to cover rising ore costs this year.\n"
         "The envoy is the point man no North Korea. It was there best result in 31 years and 8% of the vote.\n")


def lint(batch_from: int, monkeypatch, *args: str) -> str:
    monkeypatch.setattr(real_word_error, "BATCH_FROM", batch_from)
    return run_cli("--format", "json", "--select", "NL201", *args).out


@pytest.mark.parametrize("dialect", [(), ("--dialect", "en-GB"), ("--dialect", "en-US")])
def test_batches_find_what_one_at_a_time_finds(monkeypatch, tmp_path, dialect):
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    slips = tmp_path / "slips.txt"
    slips.write_text(SLIPS, encoding="utf-8")
    paths = [str(p) for p in STORIES] + [str(slips)]
    one_at_a_time = lint(10**12, monkeypatch, *dialect, *paths)
    assert '"NL201"' in one_at_a_time
    assert lint(0, monkeypatch, *dialect, *paths) == one_at_a_time


def test_batch_scores_are_slot_scores_bit_for_bit():
    model = LanguageModel.load()
    tables = model.tables()
    np = tables.np
    windows = [(["<s>", "profits", "rose", "sharply", "form", "last", "year"], 4),
               (["the", "point", "man", "no", "north", "korea"], 3), (["he", "said"], 0), (["said", "he"], 1),
               (["it", "would", "he", "wrong"], 2), (["the", "zither", "quartet"], 1)]
    candidates = ["from", "form", "on", "no", "be", "he", "of", "the", "said", "sad", "quartet"]
    rows, expected = [], []
    for words, position in windows:
        ids = [model.id(w) for w in words]
        around = [ids[i] if 0 <= i < len(ids) else -1 for i in (position - 2, position - 1, position + 1,
                                                                  position + 2)]
        for floor in (float("-inf"), -8.0, -4.0):
            for candidate in candidates:
                rows.append((*around, model.id(candidate), floor))
            floors = [floor] * len(candidates)
            expected += Slot(model, words, position).scores(candidates, floors)
    before_before, before, after, further, current = (np.array([r[k] for r in rows]) for k in range(5))
    fits, _, pruned = tables.scores(current, before, tables.find(tables.bigram_keys, before_before, before), after,
                                 further, tables.find(tables.bigram_keys, after, further),
                                 np.array([r[5] for r in rows]))
    assert [None if p else f for f, p in zip(fits.tolist(), pruned.tolist())] == expected
    assert any(e is None for e in expected) and any(e is not None for e in expected)


def test_threads_sharing_a_linter_batch_their_own_stories(monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    from newslint.api import Linter

    texts = [p.read_text(encoding="utf-8") for p in STORIES] + [SLIPS]
    linter = Linter()
    monkeypatch.setattr(real_word_error, "BATCH_FROM", 10**12)
    alone = [[d for d in linter.lint_text(text) if d.code == "NL201"] for text in texts]
    assert any(alone)
    monkeypatch.setattr(real_word_error, "BATCH_FROM", 0)
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda text: [d for d in linter.lint_text(text) if d.code == "NL201"], texts * 3))
    assert together == alone * 3


def test_workers_forked_for_enough_rows_batch_from_their_first_story(monkeypatch):
    from types import SimpleNamespace

    from newslint.engine.config import Config
    from newslint.engine.resources import Resources

    rule, res, doc = real_word_error.RealWordError(), Resources(Config()), SimpleNamespace(trace=None)
    weighed = real_word_error.RealWordError
    monkeypatch.setattr(real_word_error, "BATCH_FROM", 100_000)
    monkeypatch.setattr(weighed, "rows_weighed", 3_000)  # one story weighed so far, 3,000 rows
    monkeypatch.setattr(weighed, "stories_weighed", 1)
    monkeypatch.setattr(weighed, "rows_ahead", 0.0)
    rule.before_workers(res, 32)  # 3,000 + 32 * 3,000 rows: short of the bar, each worker decides for itself
    assert rule.deferred(doc, res) is None
    monkeypatch.setattr(weighed, "rows_ahead", 0.0)
    rule.before_workers(res, 33)
    assert rule.deferred(doc, res) == [] and res.language_model._tables



@pytest.mark.parametrize("step", [step for step in real_word_error.STEPS if step.flags and step.name in (
    "than-without-comparative", "then-after-comparative", "conjunction-before-subject", "demonstrative-before-singular",
    "preposition-before-day", "article-before-verb", "article-after-preposition", "where-before-clause",
    "attribution-before-quote", "have-before-been", "when-after-time", "other-before-plural", "there-before-verb")],
    ids=lambda step: step.name)
def test_the_batch_flags_what_each_grammar_slip_step_flags(monkeypatch, tmp_path, step):
    """A word no grammar_slip step may decide (grammar_may_decide) goes to the batch without grammar_slip and with
    the gates that read the words around owed: each grammar_slip step's examples are flagged in a batch too."""
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    rule, res = real_word_error.RealWordError(), Resources(Config())
    for n, example in enumerate(step.flags):
        word = example[example.index("[[") + 2:example.index("]]")].lower()  # in lower case too, as judge reads it
        assert real_word_error.grammar_may_decide(word, frozenset(c for c, _ in rule.weighable(res, word, False)[0]))
        story = tmp_path / f"example{n}.txt"
        story.write_text(example.replace("[[", "").replace("]]", "") + "\n", encoding="utf-8")
        found = json.loads(lint(0, monkeypatch, str(story)))["diagnostics"]
        assert [d["column"] for d in found] == [example.index("[[") + 1], example
