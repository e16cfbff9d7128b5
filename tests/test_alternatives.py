"""The data build's table of NL201's alternatives (newslint/data/alternatives.bin): what the build makes from the
shipped data and the code today, and read back the same alternatives, costs and flags as NL201 works out without
it, in every dialect, for capitalised words too."""

from __future__ import annotations

import pytest

from newslint.engine.config import DIALECTS, Config
from newslint.engine.resources import Resources
from newslint.language.alternatives import AlternativesTable
from newslint.rules import real_word_error
from newslint.rules.real_word_error import RealWordError, current_table, table_rows

EVERY = 5  # of the 28,840 words with alternatives, each fifth in each dialect: some 2 s in all


@pytest.fixture(scope="module")
def res():
    return Resources(Config())


def test_the_shipped_table_is_what_the_build_makes_now(res):
    """Fails after a change to what the table reads: run scripts/build_alternatives.py."""
    table, endings = current_table(res) or pytest.fail("no table built with today's tuned numbers and model")
    rows = table_rows(res)
    assert len(table.starts) == len(res.language_model.keys) + 1
    for word_id in range(len(res.language_model.keys)):
        assert [(name, name_id, table.endings[kind], flags) for name, name_id, kind, flags in table.of(word_id)] \
            == rows.get(word_id, []), word_id


def test_the_alternatives_are_lower_case_words_the_model_knows(res):
    table = AlternativesTable.load()
    for word_id in range(len(table.starts) - 1):
        for name, name_id, _, _ in table.of(word_id):
            assert name == name.lower() and res.language_model.id(name) == name_id


def test_a_table_of_other_tuned_numbers_is_not_read(res, monkeypatch):
    assert current_table(res) is not None
    monkeypatch.setattr(real_word_error, "TOO_RARE", 4.5)
    assert current_table(res) is None


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_table_gives_what_nl201_works_out_without_it(dialect):
    res = Resources(Config().override(dialect=dialect))
    read, worked_out = RealWordError(), RealWordError()
    worked_out._table = False
    words = [w for w in res.context_model.confused_words() if res.language_model.known(w)][::EVERY]
    assert len(words) > 5_000
    for word in words:
        for capitalised in (False, True):
            assert read.weighable(res, word, capitalised) == worked_out.weighable(res, word, capitalised), word
