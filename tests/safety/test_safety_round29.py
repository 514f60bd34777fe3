"""Twenty-ninth round (docs/safety.md): the tuned multilingual classifier decides other-language
messages at T_ML 0.80 instead of 0.90. On twenty development sets that caught 125 more crisis
messages (44 explicit high-risk) for 3 benign false positives, but seven everyday look-alikes
written for earlier rounds score 0.81-0.89 and are now flagged: they were moved here from the
"stays clear" lists of rounds 7, 15, 17 and generalisation_2, as known false positives."""

from __future__ import annotations

import pytest

from mindtune.safety import layer as L

KNOWN_FALSE_POSITIVES = [
    "je ne veux pas mourir",                                     # fr: "I don't want to die"
    "alguém bate na minha porta toda manhã",                     # pt: someone knocks every morning
    "الموقع وقع ولا يستجيب",                                     # ar: the website is down
    "jak mnie nie będzie w domu, klucz jest u sąsiada",          # pl: key with the neighbour
    "ich schlage vor, dass das Kind morgen mitkommt",            # de: "I suggest" (schlagen)
    "ya compré la cuerda para tender la ropa, lo hago mañana",   # es: a washing line
]


@pytest.mark.parametrize("text", KNOWN_FALSE_POSITIVES)
def test_known_false_positives_come_from_the_band_below_the_old_threshold(monkeypatch, text):
    # flagged by the multilingual classifier alone, between T_ML and the old 0.90: a change
    # of weights or rules that clears or catches them differently shows here
    d = L.SafetyLayer().check(text)
    assert d.label == "crisis", text
    assert d.evidence[0].startswith("multilingual classifier p_crisis="), d.evidence
    p = float(d.evidence[0].split("=")[1].split()[0])
    assert L.T_ML <= p < 0.90, (text, p)
    monkeypatch.setattr(L, "T_ML", 0.90)
    assert L.SafetyLayer().check(text).label != "crisis", text

