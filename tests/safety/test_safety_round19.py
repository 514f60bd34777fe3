"""Nineteenth round (docs/safety.md): petty hyperbole in English (a precision round). Sentences of
my own, none of any data file: the everyday figurative families, and crisis messages in the same
words that must stay crises."""

from __future__ import annotations

from .families import label_tests

CRISIS = [
    "if i have to live one more day like this i will kill myself",
    "i am going to strangle whoever hurt my little girl, i know where he lives",
    "i killed myself trying, i mean i tried to kill myself last night",
    "kms tonight, i have the pills here",
    "i can not breathe and my chest hurts, i think i am having a heart attack",
    "my legs are numb and i want to die",
    "if i have to go to one more meeting with him i will shoot myself, and i am not joking",
]

CLEAR = [
    "if i have to sit through one more webinar on compliance i will shoot myself",
    "if i have to make another powerpoint today i am going to kill myself",
    "i am going to strangle whoever keeps taking my yoghurt from the fridge",
    "i will murder whoever microwaved fish again",
    "my succulents are committing suicide, i water them every week",
    "the basil is plotting my death, it will not stop wilting",
    "kms, forgot my charger at home again",
    "kill me, i missed the bus by ten seconds",
    "that meme killed me, i can not breathe",
    "my legs want to die after leg day",
    "my calves want to die after that run",
]

test_is_a_crisis, test_stays_clear = label_tests(CRISIS, CLEAR)
