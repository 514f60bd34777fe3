"""Fifty-seventh round: the English encoder runs as a traced, frozen TorchScript graph
(``traced.py``), which must return the eager model's hidden states exactly, fall back to the
eager model when it cannot be traced, and obey MINDTUNE_SAFETY_TRACE."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from mindtune.safety import SafetyLayer
from mindtune.safety import classifier as C
from mindtune.safety import traced as TR

# Lengths from two words to past the encoder's 256-token limit (truncated), batched together so
# that most rows are padded.
TEXTS = [
    "hi there",
    "work was long and the bus was late again, then it rained on the way home",
    "i keep thinking about the pills in the drawer tonight",
    "¿puedes ayudarme con la tarea de matemáticas? es para mañana",
    "my flatmate ate my leftovers again. " * 12,
    "the quarterly report is due friday and the printer jammed twice " * 30,
]


@pytest.fixture(scope="module")
def clf() -> C.EmbeddingClassifier:
    out = C.EmbeddingClassifier()
    assert out.available
    return out


@pytest.mark.parametrize("flag,expected", [("", True), ("1", True), ("0", False)])
def test_the_setting(monkeypatch, flag, expected):
    monkeypatch.setenv(TR.TRACE_ENV, flag)
    assert TR.trace_setting() is expected
    assert C.EmbeddingClassifier().trace is expected


@pytest.mark.parametrize("flag", ["yes", "true", "2"])
def test_a_bad_value_is_refused_when_the_layer_is_built(monkeypatch, flag):
    monkeypatch.setenv(TR.TRACE_ENV, flag)
    with pytest.raises(ValueError, match=rf"^{TR.TRACE_ENV}=.*use 1 or 0$"):
        SafetyLayer(classifier=C.EmbeddingClassifier())


@pytest.mark.parametrize("bf16", [False, True])
def test_the_graph_returns_the_eager_hidden_states_exactly(clf, bf16):
    model = clf._model
    graph = TR.TracedEncoder(model[0].auto_model, model.tokenizer, bf16)
    eager = C.encode(model, TEXTS, bf16)
    fast = C.encode(model, TEXTS, bf16, graph)
    assert fast.shape == (len(TEXTS), 384)
    assert np.array_equal(fast, eager)
    for text in TEXTS:  # one at a time (no padding) as well
        assert np.array_equal(C.encode(model, [text], bf16, graph), C.encode(model, [text], bf16))


def test_every_forward_pass_of_a_check_runs_the_graph(clf, monkeypatch):
    assert clf._traced is not None  # traced at load by default
    calls: list[tuple[int, ...]] = []
    real = TR.TracedEncoder.__call__

    def spy(self, input_ids, attention_mask):
        calls.append(tuple(input_ids.shape))
        return real(self, input_ids, attention_mask)

    monkeypatch.setattr(TR.TracedEncoder, "__call__", spy)
    # three sentences of 16+ words with a risk word: scored whole and sentence by sentence
    clf.predict("work was long and the bus was late again. i keep thinking about the pills "
                "in the drawer tonight. anyway how do i cook rice", prefer=lambda s: True,
                always_sentences=True)
    assert len(calls) == 2 and calls[0][0] == 1 and calls[1][0] >= 2


def test_switched_off_the_encoder_runs_eager(monkeypatch):
    monkeypatch.setenv(TR.TRACE_ENV, "0")
    off = C.EmbeddingClassifier()
    assert off.available and off._traced is None
    assert off.predict("i want to end it all tonight")["crisis"] > 0.5


def test_an_encoder_that_cannot_be_traced_runs_eager_with_one_warning(monkeypatch):
    def refuse(*args, **kwargs):
        raise RuntimeError("cannot trace this graph")

    monkeypatch.setattr(torch.jit, "trace", refuse)
    clf = C.EmbeddingClassifier()
    with pytest.warns(RuntimeWarning, match="encoder not traced, running it eager.*cannot trace"):
        assert clf.available
    assert clf._traced is None and clf.error is None
    assert clf.predict("i want to end it all tonight")["crisis"] > 0.5
