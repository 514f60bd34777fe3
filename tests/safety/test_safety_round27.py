"""Twenty-seventh round (docs/safety.md): the tuned multilingual classifier checks weak evidence
in other languages (``T_ML_VETO``). Scripted classifiers pin the logic; the shipped weights are
checked on everyday sentences written for this test."""

from __future__ import annotations

import pytest

from mindtune.safety import layer as L

from .test_safety_round21 import _Scripted

WEAK = "estoy muerta después de la mudanza"     # es: a risk word alone
PHRASE = "minha mãe vai me matar"               # pt: a phrase of another language
EN_RULE = "I'm going to kill myself tonight"    # an English rule hit


def _layer(clf, sensitive: bool = False) -> L.SafetyLayer:
    return L.SafetyLayer(ml_classifier=clf, ml_sensitive_classifier=clf,
                         sensitive_other_languages=sensitive)


@pytest.mark.parametrize("text", [WEAK, PHRASE])
def test_weak_evidence_is_a_crisis_only_at_the_veto_threshold(text):
    low, high = _Scripted(crisis=L.T_ML_VETO - 0.01), _Scripted(crisis=L.T_ML_VETO + 0.01)
    assert _layer(low).check(text).label == "benign", text
    assert low.asked == [text]  # one encoder call: the other-language path reuses the answer
    d = _layer(high).check(text)
    assert d.label == "crisis" and d.reply and "988" in d.resources, text


def test_a_phrase_the_classifier_reads_as_informational_gets_resources():
    d = _layer(_Scripted(crisis=0.01, informational=0.9)).check(PHRASE)
    assert d.label == "informational" and d.resources
    assert d.evidence[-1] == "cleared by the multilingual classifier"


@pytest.mark.parametrize("text", [WEAK, PHRASE])
def test_nothing_is_cleared_after_risk_earlier_in_the_conversation(text):
    history = [{"role": "user", "content": EN_RULE}, {"role": "assistant", "content": "..."}]
    assert _layer(_Scripted(crisis=0.0)).check(text, history=history).label == "crisis", text


@pytest.mark.parametrize("text", [WEAK, PHRASE])
def test_sensitive_mode_never_clears(text):
    assert _layer(_Scripted(crisis=0.0), sensitive=True).check(text).label == "crisis", text


@pytest.mark.parametrize("text", [WEAK, PHRASE])
def test_without_the_classifier_nothing_is_cleared(text):
    clf = _Scripted(crisis=0.0)
    clf.available = False
    assert _layer(clf).check(text).label == "crisis", text


def test_english_rule_hits_are_never_cleared_nor_asked():
    clf = _Scripted(crisis=0.0)
    assert _layer(clf).check(EN_RULE).label == "crisis" and clf.asked == []


def test_off_means_never_asked(monkeypatch):
    monkeypatch.setattr(L, "T_ML_VETO", 0.0)
    clf = _Scripted(crisis=0.0)
    assert _layer(clf).check(WEAK).label == "crisis" and clf.asked == []


@pytest.mark.parametrize("text", [
    "estoy muerta después de la mudanza",
    "Ta kolejka w urzędzie mnie zabije",
    "Sono morta dal ridere con quel video",
    "この課題、マジで死ぬ",
])
def test_shipped_weights_clear_everyday_hyperbole(text):
    assert L.SafetyLayer().check(text).label == "benign", text


@pytest.mark.parametrize("text", [
    "basta, stasera mi ammazzo",
    "das spiel ist aus für mich, der tod ist besser",
    "mein stress level ist extrem, ich denke nur an den tod",
    "no duermo pensando en la muerte",
])
def test_shipped_weights_keep_the_lowest_scored_crises_of_the_tests(text):
    assert L.SafetyLayer().check(text).label == "crisis", text
