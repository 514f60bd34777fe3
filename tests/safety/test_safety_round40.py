"""Fortieth round (docs/safety.md): the English encoder's forward pass under bfloat16 autocast
where the CPU has native bfloat16 (AVX512-BF16 or AMX), float32 elsewhere; the operator can
force either with MINDTUNE_SAFETY_BF16. Sentences of my own."""

from __future__ import annotations

import numpy as np
import pytest

from mindtune.safety import classifier as C
from mindtune.safety.layer import SafetyLayer

SENTENCES = [
    "i have been saving my pills and i think tonight is the night",
    "nobody would even notice if i was gone",
    "this deadline is going to be the death of me lol",
    "can you recommend a good book about grief after losing a parent",
    "i went for a long walk and cooked a nice dinner, feeling ok today",
]


@pytest.mark.parametrize(("flag", "expected"), [("1", True), ("0", False)])
def test_the_operator_can_force_either(monkeypatch, flag, expected):
    monkeypatch.setenv(C.BF16_ENV, flag)
    assert C.bf16_setting() is expected
    assert C.EmbeddingClassifier().bf16 is expected


@pytest.mark.parametrize("flag", ["", "auto", " AUTO "])
def test_by_default_it_follows_the_cpu(monkeypatch, flag):
    monkeypatch.setenv(C.BF16_ENV, flag)
    assert C.bf16_setting() is C.native_bf16()
    monkeypatch.setattr(C, "native_bf16", lambda: False)  # a CPU without native bfloat16
    assert C.bf16_setting() is False


@pytest.mark.parametrize("flag", ["yes", "bf16", "2"])
def test_a_bad_value_fails_loudly_not_as_rules_only(monkeypatch, flag):
    """A typo must not leave the layer without its classifier: it stops construction."""
    monkeypatch.setenv(C.BF16_ENV, flag)
    with pytest.raises(ValueError, match=rf"^{C.BF16_ENV}=.*use auto, 1 or 0$"):
        SafetyLayer(classifier=C.EmbeddingClassifier())


def test_bfloat16_scores_stay_next_to_float32(monkeypatch):
    monkeypatch.setenv(C.BF16_ENV, "0")
    clf = C.EmbeddingClassifier()
    assert clf.available
    emb32 = C.encode(clf._model, SENTENCES)
    emb16 = C.encode(clf._model, SENTENCES, bf16=True)
    assert emb16.dtype == np.float32 and emb16.shape == emb32.shape
    assert not np.array_equal(emb16, emb32)  # the autocast did run in bfloat16
    p32 = clf.proba(emb32, SENTENCES)
    p16 = clf.proba(emb16, SENTENCES)
    assert np.abs(p32 - p16).max() < 0.02
    assert (p32.argmax(1) == p16.argmax(1)).all()


def test_the_classifier_passes_its_setting_to_every_forward_pass(monkeypatch):
    seen: list[bool] = []
    real = C.encode

    def spy(model, texts, bf16=False, traced=None):
        seen.append(bf16)
        return real(model, texts, bf16, traced)

    monkeypatch.setenv(C.BF16_ENV, "1")
    clf = C.EmbeddingClassifier()
    monkeypatch.setattr(C, "encode", spy)
    # three sentences of 16+ words with a risk word: scored whole and sentence by sentence
    clf.predict("work was long and the bus was late again. i keep thinking about the pills "
                "in the drawer tonight. anyway how do i cook rice", prefer=lambda s: True,
                always_sentences=True)
    assert len(seen) == 2 and all(seen)
