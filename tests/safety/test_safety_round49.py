"""Forty-ninth round (docs/safety.md): "not X, just Y" in other languages (``ml_denial.py``).
Sentences of my own."""

from __future__ import annotations

import pytest

from mindtune.safety import ml_denial as D
from mindtune.safety import multilingual as ml
from mindtune.safety.normalize import normalize_light

DENIALS = [  # each a crisis on the layer before this round
    "我冇諗過自殺，淨係有啲攰",  # Cantonese
    "אני לא חושבת להתאבד, פשוט עייפה",  # Hebrew
    "tui ko co y dinh tu tu, chi met thoi",  # Vietnamese without diacritics
    "自殺とかは考えてないです、ただ疲れた",  # Japanese: "not" after the word
    "main suicide vuicide nahi karunga, bas thoda tension hai",  # Hinglish
    "ana mesh 3ayez amout, bas ta3ban shwaya",  # Egyptian Arabic in Latin letters
    "nisam suicidna, samo sam umorna",  # Serbian
    "ik wil geen zelfmoord plegen, ik ben gewoon moe",  # Dutch
    "я не думаю о самоубийстве, просто устала",  # Russian
]
STILL_CRISIS = [
    "我不怕死，只是想解脱",  # "not afraid of dying, I just want release": fear is negated
    "no puedo más, solo quiero morirme",  # "just" before the risk word
    "je ne sais plus, juste envie de mourir",
    "ничего не хочу, просто хочу умереть",
    "no lo digo en broma me quiero morir, solo quería decirlo",  # "not a joke"
    "no me voy a matar hoy, solo mañana cuando no estén",  # a time word after "just"
]


@pytest.mark.parametrize("text", DENIALS)
def test_a_denial_with_just_is_no_crisis(layer, text):
    d = layer.check(text)
    assert d.label != "crisis", d.evidence


@pytest.mark.parametrize("text", STILL_CRISIS)
def test_the_frame_leaves_these_crises(layer, text):
    assert layer.check(text).label == "crisis"


def _frame(text: str, word: str) -> bool:
    light = normalize_light(text)
    start = light.index(word)
    return D.denied(light, start, start + len(word), ml.WEAK)


def test_the_frame_needs_both_a_negator_and_a_just():
    assert _frame("nisam suicidna, samo sam umorna", "suicidna")
    assert not _frame("nisam suicidna, umorna sam", "suicidna")  # no "just"
    assert not _frame("suicidna sam, samo to", "suicidna")  # no negator
    assert not _frame("nisam suicidna samo sam umorna", "suicidna")  # "just" in the same clause


def test_a_time_word_or_another_risk_word_after_just_keeps_the_hit():
    assert _frame("no quiero morir, solo dormir", "morir")
    assert not _frame("no quiero morir hoy, solo mañana", "morir")
    assert not _frame("no quiero morir, solo quiero matarme", "morir")


def test_a_negator_about_fear_or_a_joke_is_no_denial():
    assert not _frame("no tengo miedo de morir, solo quiero paz", "morir")
    assert not _frame("no es broma quiero morir, solo eso", "morir")
