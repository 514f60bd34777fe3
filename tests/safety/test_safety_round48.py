"""Forty-eighth round (docs/safety.md): the multilingual trainer's embeddings cache for a
kept, tuned encoder. (The round's candidate, words and negations for languages with no table,
was not kept and its tests went with it.)"""

from __future__ import annotations

import numpy as np
import pytest

from .conftest import load_script
from .test_safety_round21 import write_tiny_train


def test_a_tuned_encoder_keeps_its_own_embeddings_cache(tmp_path, monkeypatch):
    from mindtune.safety.ml_classifier import default_ml_weights_path

    source = default_ml_weights_path()
    cache, train = tmp_path / "cache.npz", str(write_tiny_train(tmp_path))
    trainer = load_script("train_safety_ml_classifier")
    argv = ["train", "--train", train, "--encoder-from", str(source), "--emb-cache", str(cache)]
    monkeypatch.setattr("sys.argv", [*argv, "--out", str(tmp_path / "a.npz")])
    trainer.main()
    with np.load(cache) as data:
        assert str(data["encoder"]).startswith("tuned-") and len(data["texts"]) >= 5
    # a second run reads every embedding from the cache: the engine embeds nothing
    monkeypatch.setattr(trainer, "embed", lambda engine, texts: pytest.fail("embedded again"))
    monkeypatch.setattr("sys.argv", [*argv, "--out", str(tmp_path / "b.npz")])
    trainer.main()
    with np.load(tmp_path / "a.npz") as a, np.load(tmp_path / "b.npz") as b:
        assert np.array_equal(a["coef"], b["coef"]) and np.array_equal(a["knn_emb"], b["knn_emb"])


def test_a_cache_of_another_encoder_is_refused_in_one_line(tmp_path, monkeypatch):
    from mindtune.safety.ml_classifier import default_ml_weights_path

    published = tmp_path / "published.npz"  # written before caches named their encoder
    np.savez(published, texts=np.array(["hola"]), emb=np.zeros((1, 384), np.float32))
    out = tmp_path / "ml.npz"
    monkeypatch.setattr("sys.argv", ["train", "--train", str(write_tiny_train(tmp_path)),
                                     "--encoder-from", str(default_ml_weights_path()),
                                     "--emb-cache", str(published), "--out", str(out)])
    with pytest.raises(SystemExit, match=r"published\.npz: embeddings of encoder published, "
                                         r"not tuned-[0-9a-f]{16}"):
        load_script("train_safety_ml_classifier").main()
    assert not out.exists()


def test_the_encoder_digest_changes_with_any_vector():
    trainer = load_script("train_safety_ml_classifier")
    a = {"x": np.ones(3, np.float32), "y": np.zeros(2, np.float32)}
    b = {"x": np.ones(3, np.float32), "y": np.array([0.0, 1e-6], np.float32)}
    assert trainer.encoder_digest(a) == trainer.encoder_digest(dict(reversed(a.items())))
    assert trainer.encoder_digest(a) != trainer.encoder_digest(b)

