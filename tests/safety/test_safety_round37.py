"""Thirty-seventh round (docs/safety.md): the multilingual classifier's threshold for other
languages 0.80 -> 0.75, with ML_FIGURATIVE_GUARD on (laughter or an idiom anywhere in the
message, in any language, asks the look-alike threshold). Sentences of my own; the one
look-alike of the tests that the lower threshold flags is a known false positive (moved here
from the "stays clear" list of round 17)."""

from __future__ import annotations

from mindtune.safety import layer as L

from .test_safety_round21 import _Scripted

OLD = {"T_ML": 0.80, "ML_FIGURATIVE_GUARD": False}


def _old(monkeypatch) -> L.SafetyLayer:
    for name, value in OLD.items():
        monkeypatch.setattr(L, name, value)
    return L.SafetyLayer()


KNOWN_FALSE_POSITIVE = "tengo calambres en las piernas"  # "I have cramps in my legs"


def test_known_false_positive_of_the_lower_threshold(monkeypatch):
    d = L.SafetyLayer().check(KNOWN_FALSE_POSITIVE)
    assert d.label == "crisis" and d.evidence[0].startswith("multilingual classifier"), d.evidence
    p = d.scores["crisis"]
    assert L.T_ML <= p < OLD["T_ML"], p
    assert _old(monkeypatch).check(KNOWN_FALSE_POSITIVE).label == "benign"


def test_laughter_anywhere_asks_the_look_alike_threshold(monkeypatch):
    # the same message, with and without a laugh: the laugh makes it a look-alike, which
    # needs T_ML_LOOKALIKE from the classifier
    monkeypatch.setattr(L, "T_ML", 0.0)  # anything the classifier scores is enough...
    plain = "tengo calambres en las piernas"
    laughing = "tengo calambres en las piernas jajaja"
    assert L.SafetyLayer().check(plain).label == "crisis"
    assert L.SafetyLayer().check(laughing).label != "crisis"  # ...unless it is a look-alike
    monkeypatch.setattr(L, "ML_FIGURATIVE_GUARD", False)
    assert L.SafetyLayer().check(laughing).label == "crisis"


def test_a_message_only_the_lower_threshold_catches(monkeypatch):
    # at a score between the new and the old threshold, whichever score the shipped weights give
    # it (the forty-fourth round's weights score it 0.82)
    text = "chahta hoon sab khatam ho jaye"  # Hindi (Latin script): "I want it all to end"
    clf = _Scripted(0.77)
    assert L.T_ML <= 0.77 < OLD["T_ML"]
    d = L.SafetyLayer(ml_classifier=clf).check(text)
    assert d.label == "crisis" and d.evidence[0].startswith("multilingual classifier"), d.evidence
    assert L.SafetyLayer().check(text).label == "crisis"  # and the shipped weights catch it
    _old(monkeypatch)
    assert L.SafetyLayer(ml_classifier=clf).check(text).label == "benign"
