"""Thirty-first round (docs/safety.md): the English classifier's thresholds re-chosen on 24
development sets (T_ALONE 0.75 -> 0.70, T_UNGATED 0.85 -> 0.75, T_IDIOM 0.995 -> 0.85). A
sentence of its own that only the new thresholds catch and a look-alike that they flag (moved here
from the "stays clear" list of round 7 as a known false positive). The fallback path's look-alike
guard kept its own threshold (T_FALLBACK_LOOKALIKE, exercised by test_safety_round14.py)."""

from __future__ import annotations

import pytest

from mindtune.safety import layer as L

OLD = {"T_ALONE": 0.75, "T_UNGATED": 0.85, "T_IDIOM": 0.995}


def _at_old_thresholds(monkeypatch) -> L.SafetyLayer:
    for name, value in OLD.items():
        monkeypatch.setattr(L, name, value)
    return L.SafetyLayer()


def test_a_hidden_self_harm_read_as_negated_is_caught_at_the_idiom_threshold(monkeypatch):
    # "doesn't know" puts "cut" under a negation: the classifier alone then needs T_IDIOM
    text = "my mum doesn't know I still cut my thighs, she thinks I stopped last year"
    d = L.SafetyLayer().check(text)
    assert d.label == "crisis" and "despite an idiom" in d.evidence[0], d.evidence
    assert _at_old_thresholds(monkeypatch).check(text).label == "benign"


KNOWN_FALSE_POSITIVE = "gave my old winter coats to the shelter, they need them more than me now"


def test_known_false_positive_of_the_lower_threshold(monkeypatch):
    d = L.SafetyLayer().check(KNOWN_FALSE_POSITIVE)
    assert d.label == "crisis" and d.evidence[0].startswith("classifier p_crisis="), d.evidence
    p = d.scores["crisis"]
    assert L.T_UNGATED <= p < OLD["T_UNGATED"] or L.T_ALONE <= p < OLD["T_ALONE"], p
    assert _at_old_thresholds(monkeypatch).check(KNOWN_FALSE_POSITIVE).label == "benign"


@pytest.mark.parametrize("text", ["my dad will kill me when he sees my report card lol",
                                  "this commute is killing me, two hours again"])
def test_idioms_stay_clear(text):
    assert L.SafetyLayer().check(text).label == "benign", text

