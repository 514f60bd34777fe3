"""Thirty-sixth round (docs/safety.md): the thirty-fifth round's families with a wider list of kin
and a dementia family, and precision guards for forms many writers share: a joke with a petty
cause beside a laugh (``patterns.TRIVIAL_LAUGH``, vetoed by ``patterns.SERIOUS``), laughter
idioms, ideation said to be over in the next sentence, and the English word "suicide" in a
message of no detected language. Sentences of my own, none of any data file."""

from __future__ import annotations

import pytest

from .families import family_tests, label_tests, rules_fired

POSITIVE = [
    ("join_the_dead", "ready to go be with my grandad, he died in june"),
    ("join_the_dead", "i want to join my twin, it has been a year since she died"),
    ("dementia_wandering", "my grandad has alzheimers and keeps walking into the road at night"),
    ("dementia_wandering", "mum has dementia. this morning she drove onto the motorway the "
                           "wrong way"),
]
NEGATIVE = [
    ("dementia_wandering", "my nan has dementia and loves walking along the river path with us"),
    ("dementia_wandering", "reading up on dementia care homes near the sea for my dad"),
    ("join_the_dead", "going to see my grandad at the care home, he is 92"),
]
(test_family_fires_on_new_words, test_family_is_a_crisis_for_the_layer,
 test_look_alikes_stay_clear_of_the_family) = family_tests(POSITIVE, NEGATIVE)

# jokes with a petty cause beside a laugh or an annoyed emoji: no suicidal rule survives
JOKES = [
    "i'm going to kill myself if my flatmate plays that song one more time 😭",
    "lol kms the group chat just saw my old selfie",
    "kms 😭 just realised i sent the meme to my boss",
    "i will literally jump off a roof if they cancel my favourite show 😤",
    "that joke was so bad i want to die haha",
]
SUICIDAL_RULES = {"act_core", "intent", "wish_dead", "act_with_time", "time_then_act"}


@pytest.mark.parametrize("text", JOKES)
def test_a_joke_with_a_petty_cause_fires_no_suicidal_rule(text):
    assert not rules_fired(text) & SUICIDAL_RULES, rules_fired(text)


# ... but "for real", "not joking" and the like keep the rule, as does ideation that is back
CRISIS = [
    "lol kms, the homework is pointless and so am i, for real",
    "haha i want to kill myself after this meeting, not joking",
    "the suicidal thoughts are back after years, i thought they were gone",
    "i used to want to die. now i do again",
]
CLEAR = [
    "my brother had me dying at dinner, i could not breathe",
    "the suicidal thoughts i had in college are long gone, now i want to help others",
]
test_is_a_crisis, test_stays_clear = label_tests(CRISIS, CLEAR)


def test_ideation_said_to_be_over_in_the_next_sentence_fires_no_rule():
    # the rule is dropped; the classifiers still read the message (the multilingual second
    # opinion flags this one at 0.82)
    assert "wish_dead" not in rules_fired("used to want to die as a teen. have not in years")
    assert "wish_dead" in rules_fired("used to want to die as a teen. now i do again")
