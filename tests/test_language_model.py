"""The shipped trigram model: exact lookups, backoff to shorter histories, and windows that rank a slip."""

from __future__ import annotations

import pytest

from newslint.language.language_model import BACKOFF_STEP, BACKOFF_ZERO, LanguageModel, Slot


@pytest.fixture(scope="module")
def model() -> LanguageModel:
    return LanguageModel.load()


def test_a_stored_trigram_is_read_exactly(model):
    assert model.logprob("on", "man", "point") == pytest.approx(-1.05)
    assert model.logprob("no", "man", "point") == pytest.approx(-2.89)


def test_an_unseen_trigram_backs_off_to_the_bigram_with_the_history_weight(model):
    history = model._bigram(model.id("of"), model.id("the"))
    weight = (model.bigram_backoff[history] - BACKOFF_ZERO) * BACKOFF_STEP
    assert model.logprob("zebra", "the", "of") == pytest.approx(model.logprob("zebra", "the") + weight)
    assert weight < 0


def test_a_word_alone_is_remembered_as_its_unigram_exactly(model):
    for word in ("the", "form", "from", "zebra", "<s>"):
        unigram = model._prob(model.id(word), None, None, -1)  # no history: the unigram, worked out
        assert model.logprob(word) == unigram and model.logprob(word) == unigram  # asked, then remembered
        assert model.unigrams[word] == unigram


def test_the_window_prefers_the_intended_word(model):
    words = ["rose", "sharply", "form", "last", "year"]
    written, intended = Slot(model, words, 2).scores(["form", "from"])
    assert intended - written > 3.0


def test_sentence_markers_and_contractions_are_known(model):
    assert all(model.known(w) for w in ("<s>", "</s>", "it's", "we're"))
    assert not model.known("qwzx")


def test_context_lift_is_the_odds_left_once_frequency_is_taken_out(model):
    sharply = Slot(model, ["rose", "sharply", "form", "last", "year"], 2)
    (written, intended) = sharply.scores(["form", "from"])
    frequency = model.logprob("from") - model.logprob("form")
    assert sharply.context_lift("from") == pytest.approx(intended - written - frequency)
    assert sharply.context_lift("from") > 1.5  # the context wants a preposition
    assert Slot(model, ["<s>", "a", "bream", "was", "caught"], 2).context_lift("break") < 1.5  # frequency alone
    assert Slot(model, ["<s>", "a", "qzxv", "was", "caught"], 2).context_lift("break") == float("inf")


def test_a_word_is_attested_only_when_seen_beside_a_neighbour(model):
    assert Slot(model, ["sharply", "form", "last"], 1).attested("from")
    assert not Slot(model, ["sharply", "form", "last"], 1).attested("form")
    assert not Slot(model, ["banana", "tractor", "sermon"], 1).attested("tractor")


def test_the_scoring_loops_plain_numbers_are_the_tuned_ones():
    from newslint.language import language_model as lm

    assert (lm._PROB_STEP, lm._BACKOFF_STEP, lm._BACKOFF_ZERO, lm._TAIL_SLACK) == (
        lm.PROB_STEP, lm.BACKOFF_STEP, lm.BACKOFF_ZERO, lm.TAIL_SLACK)
    assert type(lm._PROB_STEP) is float and type(lm._BACKOFF_ZERO) is int and lm.PROB_STEP.record()["bench"]


def test_seen_triple_is_whether_the_model_has_the_trigram():
    from newslint.language.language_model import LanguageModel

    model = LanguageModel.load()
    assert model.seen_triple("secretary", "of", "state")
    assert not model.seen_triple("secretary", "of", "sate")
    assert not model.seen_triple("secretary", "of", "zzzqx")  # a word the model lacks
