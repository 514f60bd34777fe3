"""Thirty-fourth round (docs/safety.md): the multilingual classifier reads messages of no
detected language ("und") at T_ML_UND. A sentence of my own that only this path catches, the
everyday look-alike guard on it, and the one look-alike of the tests that it flags (moved here
from the "stays clear" list of round 15 as a known false positive)."""

from __future__ import annotations

from mindtune.safety import layer as L


def _off(monkeypatch) -> L.SafetyLayer:
    monkeypatch.setattr(L, "T_ML_UND", 1.01)
    return L.SafetyLayer()


def test_a_message_of_no_detected_language_is_read_by_the_multilingual_classifier(monkeypatch):
    text = "ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ, ਹੋਰ ਨਹੀਂ ਜਰ ਸਕਦਾ"  # Punjabi: "I want to die, I can't bear more"
    d = L.SafetyLayer().check(text)
    assert d.language == "und"
    assert d.label == "crisis" and "no language detected" in d.evidence[0], d.evidence
    assert _off(monkeypatch).check(text).label == "benign"


def test_the_path_needs_its_threshold(monkeypatch):
    text = "መሞት እፈልጋለሁ"  # Amharic: "I want to die"
    assert L.SafetyLayer().check(text).label == "crisis"
    monkeypatch.setattr(L, "T_ML_UND", 0.999)
    assert L.SafetyLayer().check(text).label == "benign"


def test_a_look_alike_needs_the_look_alike_threshold(monkeypatch):
    calls = []

    def lookalike(light: str) -> str:
        calls.append(light)
        return "tot"

    monkeypatch.setattr(L.R, "ml_lookalike", lookalike)
    text = "ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ, ਹੋਰ ਨਹੀਂ ਜਰ ਸਕਦਾ"
    monkeypatch.setattr(L, "T_ML_LOOKALIKE", 0.999)
    assert L.SafetyLayer().check(text).label == "benign"
    assert calls


KNOWN_FALSE_POSITIVE = "nimemeza chakula haraka sana"  # Swahili: "I swallowed food very fast"


def test_known_false_positive_of_the_new_path(monkeypatch):
    d = L.SafetyLayer().check(KNOWN_FALSE_POSITIVE)
    assert d.label == "crisis" and "no language detected" in d.evidence[0], d.evidence
    assert L.T_ML_UND <= d_score(d) < L.T_ML_LOOKALIKE
    assert _off(monkeypatch).check(KNOWN_FALSE_POSITIVE).label == "benign"


def d_score(d: L.Decision) -> float:
    return float(d.evidence[0].split("p_crisis=")[1].split()[0])
