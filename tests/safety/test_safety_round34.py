"""Thirty-fourth round (docs/safety.md, not kept): ``T_ML_UND``, the multilingual classifier on
messages of no detected language ("und"), shipped off (1.01) until the forty-seventh round turned
it on at 0.60 (test_safety_round47.py). These tests keep the path working at a fixed threshold.
Sentences of my own."""

from __future__ import annotations

from mindtune.safety import layer as L

PUNJABI = "ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ, ਹੋਰ ਨਹੀਂ ਜਰ ਸਕਦਾ"  # "I want to die, I can't bear more"
AMHARIC = "መሞት እፈልጋለሁ"  # "I want to die"


def _at(monkeypatch, value: float) -> L.SafetyLayer:
    monkeypatch.setattr(L, "T_ML_UND", value)
    # the English second opinion off: since the forty-second round's classifier it catches both
    # sentences first (test_safety_round42.py), and this path is tested alone
    monkeypatch.setattr(L, "ML_EN_BAND", 1.01)
    return L.SafetyLayer()


def test_turned_on_it_reads_messages_of_no_detected_language(monkeypatch):
    for text in (PUNJABI, AMHARIC):
        d = _at(monkeypatch, 0.70).check(text)
        assert d.language == "und"
        assert d.label == "crisis" and "no language detected" in d.evidence[0], d.evidence


def test_it_needs_its_threshold(monkeypatch):
    assert _at(monkeypatch, 0.999).check(AMHARIC).label == "benign"


def test_a_look_alike_needs_the_look_alike_threshold(monkeypatch):
    calls = []

    def lookalike(light: str) -> str:
        calls.append(light)
        return "tot"

    monkeypatch.setattr(L.R, "ml_lookalike", lookalike)
    monkeypatch.setattr(L, "T_ML_LOOKALIKE", 0.999)
    assert _at(monkeypatch, 0.70).check(PUNJABI).label == "benign"
    assert calls
