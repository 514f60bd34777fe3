"""Forty-third round (docs/safety.md): harm to another person and a third person's suicide in
more languages, threats made in jest, and Korean laughter after normalisation. Sentences of
my own."""

from __future__ import annotations

import pytest

from mindtune.safety.multilingual import LAUGH_ANY
from mindtune.safety.normalize import normalize_light

CRISIS = [
    "صديقي قال إنه يريد أن ينهي حياته الليلة",        # Arabic: my friend wants to end his life
    "أختي تفكر أن تنتحر، ماذا أفعل؟",                # Arabic: my sister is thinking of suicide
    "se lo incontro domani lo ammazzo, giuro",      # Italian: I'll kill him
    "Morgen bringe ich ihn um, ich habe genug",      # German: tomorrow I'll kill him
    "그 남자 죽여 버릴 거예요, 진심이에요",            # Korean: I'll kill that man, I mean it
    "nie chcę już żyć, mam dość wszystkiego",        # Polish: I don't want to live any more
    "chcę się zabić",                                # Polish: I want to kill myself
]
NOT_CRISIS = [
    "ha finito il mio gelato, lo ammazzo 😂",           # a joke, no weapon
    "wenn du mir das Ende spoilerst, bring ich dich um! 😤",
    "동생이 내 과자 다 먹었어 죽이고 싶어 ㅋㅋㅋ",       # Korean laughter after NFKC
    "zabiję się ze śmiechu, ten film jest genialny",  # Polish: I'll die laughing
]


@pytest.mark.parametrize("text", CRISIS)
def test_harm_and_third_persons_in_more_languages(layer, text):
    assert layer.check(text).label == "crisis"


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_threats_in_jest_stay_clear(layer, text):
    assert layer.check(text).label != "crisis"


def test_a_weapon_keeps_a_joking_threat_a_crisis(layer):
    assert layer.check("lo ammazzo stasera, ho già il coltello 😂").label == "crisis"


def test_korean_laughter_survives_normalisation():
    light = normalize_light("ㅋㅋㅋ")
    assert light != "ㅋㅋㅋ" and LAUGH_ANY.search(light)
