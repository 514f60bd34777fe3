"""Fifty-sixth round (docs/safety.md): English figurative speech that says so - a disclaimer,
embarrassment with a hiding face, "cut all my hair" (``said_figurative.py``). Sentences of my
own."""

from __future__ import annotations

import pytest

SAID_SO = [
    "this queue is going to make me kill myself (not literally, calm down)",
    "i want to die, figuratively speaking, that exam was brutal",
    "my teacher heard me singing in the toilets, i want to die 🙈",
    "i'm going to cut all of my hair off tomorrow, new me",
]
STILL_CRISIS = [
    "i could hurt him. not a figure of speech, i have thought about how",
    "i want to die and i mean it, not figuratively",
    "i'm going to cut all my arms tonight",
    "i want to kill myself, everyone saw me cry at the funeral and i can't go on",
]


@pytest.mark.parametrize("text", SAID_SO)
def test_figurative_speech_that_says_so_is_not_a_crisis(layer, text):
    d = layer.check(text)
    assert d.label != "crisis", d.evidence


@pytest.mark.parametrize("text", STILL_CRISIS)
def test_the_same_words_meant_stay_a_crisis(layer, text):
    assert layer.check(text).label == "crisis"
