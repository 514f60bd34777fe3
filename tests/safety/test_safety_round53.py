"""Fifty-third round (docs/safety.md): a joke that turns serious is read again without its
laughter (``serious_turn.py``). Sentences of my own."""

from __future__ import annotations

import pytest

from mindtune.safety.serious_turn import unjoked

TURNED = [
    "lol my manager roasted me in standup again 😂 anyway seriously i think i'll kill myself this weekend",
    "jajaja qué día. bueno, ya en serio: quiero morirme, no aguanto más",
    "haha mdr la soirée était nulle. blague à part, j'ai envie de mourir",
    "hahaha die Prüfung war ein Witz. Spaß beiseite, ich will mich umbringen",
]
STILL_A_JOKE = [
    "lol this traffic is killing me. but seriously, how do i fix my printer",
    "haha i'd kill for a pizza rn, not even kidding",
    "jk i'm not suicidal. but seriously i'm just tired",
    "jaja me muero de risa, ya en serio, qué buen video",
    "lmao i'm dead 💀 seriously though that was hilarious",
]


@pytest.mark.parametrize("text", TURNED)
def test_a_joke_that_turns_serious_is_read_without_its_laughter(layer, text):
    d = layer.check(text)
    assert d.label == "crisis", d.evidence


@pytest.mark.parametrize("text", STILL_A_JOKE)
def test_a_turn_to_something_harmless_stays_harmless(layer, text):
    d = layer.check(text)
    assert d.label != "crisis", d.evidence


def test_unjoked_needs_a_laugh_before_the_turn_and_blanks_both():
    assert unjoked("seriously i want to die") is None  # no joke to discount
    assert unjoked("i want to die") is None
    out = unjoked("lol bad day 😂 jokes aside i want to die")
    assert out is not None and "lol" not in out and "jokes aside" not in out and "i want to die" in out
