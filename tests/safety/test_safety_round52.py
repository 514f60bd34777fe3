"""Fifty-second round (docs/safety.md): an everyday object blamed for a wish to die
(``petty.py``). Sentences of my own."""

from __future__ import annotations

import pytest

from mindtune.safety.normalize import normalize
from mindtune.safety.petty import petty_blamed

PETTY = [
    "kms this excel formula keeps breaking",
    "kms this router will not connect",
    "i want to die this zoom call has been going for 3 hours",
    "gonna kms if this controller disconnects one more time",
    "so hungover i could die, water please",
    "standup could have been an email, kill me",
]
STILL_CRISIS = [
    "kms this week, nobody would notice",
    "kms this time for real, i have the rope",
    "i am going to kill myself if this pain does not stop",
    "kms this exam result means my life is over",
    "kms this way is the quickest, i have the pills",
    "kms this wifi is slow but honestly i want to die anyway, every day",
]


@pytest.mark.parametrize("text", PETTY)
def test_an_everyday_object_blamed_is_not_a_crisis(layer, text):
    d = layer.check(text)
    assert d.label != "crisis", d.evidence


@pytest.mark.parametrize("text", STILL_CRISIS)
def test_time_pain_exams_means_and_meaning_it_stay_a_crisis(layer, text):
    assert layer.check(text).label == "crisis"


def test_the_guard_reads_only_the_object_after_the_risk_words():
    assert petty_blamed(normalize("kms this printer"))
    assert not petty_blamed(normalize("kms this weekend"))
    assert not petty_blamed(normalize("kms this printer, not joking"))
    assert not petty_blamed(normalize("the printer broke"))  # no wish to die, nothing to guard
