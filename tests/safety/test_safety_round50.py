"""Fiftieth round (docs/safety.md): English figures of speech (``lexicon.IDIOM``,
``FIGURATIVE_SUICIDE``), first tried in the forty-eighth round. Sentences of my own."""

from __future__ import annotations

import pytest

# English figurative speech (lexicon.IDIOM, FIGURATIVE_SUICIDE): sentences of my own.
FIGURATIVE = [
    "quitting now would be shooting myself in the foot, the bonus comes in march",
    "the roster next month is pure suicide, four doubles back to back",
    "suicidal levels of boredom in this webinar",
    "the karaoke last night was so bad i wanted to die lol",
    "his puns are so corny i want to die",
]
STILL_CRISIS = [
    "i want to shoot myself, the gun is in the drawer",
    "my life is so bad i want to die",
    "the meeting was so long i wanted to die and then i thought about my pills again",
    "the lecture was so boring i wanted to die for real, i have nothing left",
    "this week is suicide, i have the pills ready",
    "my plan is suicide",
]


@pytest.mark.parametrize("text", FIGURATIVE)
def test_english_figures_of_speech_are_not_a_crisis(layer, text):
    d = layer.check(text)
    assert d.label != "crisis", d.evidence


@pytest.mark.parametrize("text", STILL_CRISIS)
def test_the_same_words_meant_are_still_a_crisis(layer, text):
    assert layer.check(text).label == "crisis"
