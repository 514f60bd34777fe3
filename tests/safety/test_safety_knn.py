"""Forty-sixth round (docs/safety.md): the neighbour vote of an int8 memory runs through an int8
product and rescores its candidates in float32, so it gives the float32 vote; a float16 memory
(sixtieth round) through an int8 copy rescored from its own rows; any memory with
MINDTUNE_SAFETY_INT8_VOTE=0 keeps the float32 product. Synthetic memories
shaped like e5's (unit vectors around a shared direction: similarities compressed near 0.8)."""

from __future__ import annotations

import numpy as np
import pytest

from mindtune.safety import classifier as C
from mindtune.safety import knn
from mindtune.safety.layer import SafetyLayer
from mindtune.safety.ml_classifier import MultilingualClassifier

D = 384


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def _memory(n: int, n_classes: int = 3, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(n, D) unit rows in a few clusters per class around one shared direction, (n,) labels."""
    rng = np.random.default_rng(seed)
    common = rng.normal(size=D)
    centres = rng.normal(size=(n_classes * 8, D))
    which = rng.integers(0, len(centres), n)
    emb = _unit(3 * _unit(common) + 1.2 * _unit(centres[which]) + rng.normal(size=(n, D)) * 0.05)
    return emb, (which % n_classes).astype(np.int64)


def _queries(emb: np.ndarray, n: int, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return _unit(emb[rng.integers(0, len(emb), n)] + rng.normal(size=(n, D)) * 0.03)


def _int8(emb: np.ndarray, y: np.ndarray, **kw) -> knn.Memory:
    return knn.Memory.from_arrays({**knn.quantize_memory(emb), "knn_y": y}, 3, **kw)


def test_the_int8_vote_is_the_float32_vote_of_the_same_rows():
    emb, y = _memory(6000)
    memory = _int8(emb, y)
    assert memory.int8, "this machine's torch has a quantized engine (fbgemm or qnnpack)"
    stored = knn.stored_memory(knn.quantize_memory(emb))  # the int8 rows times their scales
    for b in (1, 3, 12):  # one window, a few, MAX_WINDOWS
        q = _queries(emb, b, seed=b)
        got = memory.scores(q, 5, 20.0)
        want = knn.knn_proba(q, stored, y, 3, 5, 20.0)
        assert got.shape == (b, 3)
        np.testing.assert_allclose(got, want, atol=2e-5)


def test_without_rescoring_the_int8_product_alone_would_differ(monkeypatch):
    """The rescoring margin is what makes the vote exact: with none, the rows rescored are only
    the int8 product's own top k, which the 8-bit query has reordered."""
    emb, y = _memory(6000)
    memory = _int8(emb, y)
    q = _queries(emb, 64)
    exact = memory.scores(q, 5, 20.0)
    monkeypatch.setattr(knn, "RESCORE_MARGIN", 0.0)
    monkeypatch.setattr(knn, "CANDIDATES", 5)
    assert not np.allclose(memory.scores(q, 5, 20.0), exact, atol=1e-4)


def test_a_class_with_fewer_rows_than_k_and_an_empty_class():
    emb, _ = _memory(300)
    y = np.zeros(300, dtype=np.int64)
    y[:3] = 1  # three crisis rows, k = 5; no informational row at all
    for memory in (_int8(emb, y), _int8(emb, y, int8=False)):
        got = memory.scores(emb[:2], 5, 20.0)
        want = knn.knn_proba(emb[:2], knn.stored_memory(knn.quantize_memory(emb)), y, 3, 5, 20.0)
        np.testing.assert_allclose(got, want, atol=2e-5)
        assert (got[:, 2] < 1e-6).all()  # the empty class votes -1: no probability


def test_a_float16_memory_is_voted_through_an_int8_copy_with_its_own_rows():
    """Sixtieth round: a float memory (the English classifier's, stored float16) is voted
    through an int8 copy made at load, and rescored from its own float rows: the float32 vote
    of those rows, not of the int8 copy."""
    emb, y = _memory(6000)
    half_rows = emb.astype(np.float16)
    half = knn.Memory.from_arrays({"knn_emb": half_rows, "knn_y": y}, 3)
    assert half.int8 and len(half) == 6000
    rows = half_rows.astype(np.float32)
    for b in (1, 3, 12):
        q = _queries(emb, b, seed=b)
        np.testing.assert_allclose(half.scores(q, 5, 20.0), knn.knn_proba(q, rows, y, 3, 5, 20.0),
                                   atol=2e-6)


def test_the_switch_keeps_the_float32_product():
    emb, y = _memory(500)
    half = knn.Memory.from_arrays({"knn_emb": emb.astype(np.float16), "knn_y": y}, 3, int8=False)
    off = _int8(emb, y, int8=False)
    assert not half.int8 and not off.int8
    assert len(half) == len(off) == 500
    q = _queries(emb, 4)
    np.testing.assert_allclose(off.scores(q, 5, 20.0), _int8(emb, y).scores(q, 5, 20.0),
                               atol=2e-5)


@pytest.mark.parametrize(("flag", "expected"), [("", True), ("1", True), (" 0 ", False)])
def test_the_operator_can_switch_the_int8_product_off(monkeypatch, flag, expected):
    monkeypatch.setenv(knn.INT8_ENV, flag)
    assert knn.int8_setting() is expected
    assert C.EmbeddingClassifier().int8 is expected
    assert MultilingualClassifier().int8 is expected


@pytest.mark.parametrize("flag", ["yes", "off", "2"])
def test_a_bad_int8_value_fails_loudly_not_as_rules_only(monkeypatch, flag):
    monkeypatch.setenv(knn.INT8_ENV, flag)
    with pytest.raises(ValueError, match=rf"^{knn.INT8_ENV}=.*use 1 or 0$"):
        SafetyLayer(classifier=C.EmbeddingClassifier())
    with pytest.raises(ValueError, match=rf"^{knn.INT8_ENV}="):
        MultilingualClassifier()


def test_the_multilingual_classifier_votes_an_int8_memory_through_the_int8_product(monkeypatch):
    """The classifier's probabilities are the same with the switch on or off."""
    emb, y = _memory(3000)
    rng = np.random.default_rng(3)
    arrays = {"coef": rng.normal(size=(3, D)).astype(np.float32),
              "intercept": np.zeros(3, np.float32), "classes": np.array(C.CLASSES),
              **knn.quantize_memory(emb), "knn_y": y.astype(np.int8), "knn_k": np.array(5),
              "knn_scale": np.array(20.0), "knn_weight": np.array(0.5)}
    on = MultilingualClassifier(engine=object())
    on.set_arrays(arrays)
    monkeypatch.setenv(knn.INT8_ENV, "0")
    off = MultilingualClassifier(engine=object())
    off.set_arrays(arrays)
    assert on._knn is not None and on._knn.int8 and off._knn is not None and not off._knn.int8
    q = _queries(emb, 6)
    np.testing.assert_allclose(on.proba(q), off.proba(q), atol=2e-5)
