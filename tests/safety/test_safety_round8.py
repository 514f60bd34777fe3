"""Families of the eighth round (docs/safety.md, "Eighth round"): the spent blind set I was
read in full and its misses were grouped into general mechanisms (language detection, the
morphology of other languages, harm to others and means at hand in every table language, long
messages read sentence by sentence) and a few English families. Every case is in new words (not
a sentence of I or of any data file), and each family has look-alikes that must stay clear.
"""

from __future__ import annotations

import pytest

from mindtune.safety import multilingual as ml
from mindtune.safety.lexicon import detect_language
from mindtune.safety.normalize import normalize_light

from .families import family_tests, label_tests


def _lang(text: str) -> str:
    return detect_language(normalize_light(text))


# ---- language detection ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "no need to wait up for me after the weekend, it's all handled",
    "me and my sister are so done with this house",
    "no, I will die on this hill about pineapple pizza",
    "was it me or was the exam really hard",
    "so tired, me too honestly, no idea how",
])
def test_english_with_ambiguous_words_stays_english(text):
    assert _lang(text) == "en"


@pytest.mark.parametrize(("text", "lang"), [
    ("Je songe à me pendre ce soir.", "fr"),
    ("Ho un fucile carico nella stanza.", "it"),
    ("Sobra ako ng pagod, gusto ko nang matapos ang lahat ng ito.", "tl"),
])
def test_other_languages_are_recognised(text, lang):
    assert _lang(text) == lang


def test_one_shared_stop_word_in_a_long_unknown_text_is_undetermined():
    # Cebuano-like text with one Spanish/Portuguese word ("para"): no listed language
    text = "Dili na nako kaya kini tanan para sa akong pamilya ug mga higala karon gabii"
    assert _lang(text) not in ("es", "pt", "en")


# ---- morphology ------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "folded"), [
    ("ich plane mich umzubringen", "ich plane mich umbringen"),
    ("mich aufzuhangen", "mich aufhangen"),
    ("pensando en ahorcarme", "pensando en me ahorcar"),
    ("vou enforcar-me", "vou me enforcar"),
    ("voglio impiccarmi", "voglio mi impiccare"),
])
def test_morphology_is_folded(text, folded):
    assert ml.morph(text) == folded


REFLEXIVE = [
    "Ich habe vor, mich nächste Woche im Wald aufzuhängen.",
    "Ich denke ständig daran, mich umzubringen.",
    "Estoy pensando en ahorcarme en el sótano.",
    "Vou enforcar-me no quintal amanhã.",
    "Sto pensando di impiccarmi in cantina.",
    "J'ai envie de me jeter du pont ce soir.",
    "Penso sempre di buttarmi dal balcone.",
]


REFLEXIVE_LOOK_ALIKES = [
    "Ich muss heute noch die Bilder aufzuhängen versuchen.",
    "Voglio buttarmi nello studio quest'anno.",
    "Me encanta maquillarme antes de salir.",
    "Vou arrumar-me para a festa.",
]
test_reflexive_method_forms_are_a_crisis, test_reflexive_look_alikes_stay_clear = label_tests(
    REFLEXIVE, REFLEXIVE_LOOK_ALIKES)


# ---- no longer a burden / better off without me (it, es, fr, pt, de) -------------------------
@pytest.mark.parametrize("text", [
    "Tra poco non sarò più un peso per la mia famiglia.",
    "Pronto ya no seré una carga para nadie.",
    "Bientôt je ne serai plus un poids pour mes enfants.",
    "Logo não serei mais um peso para ninguém.",
    "Bald falle ich niemandem mehr zur Last.",
])
def test_no_longer_a_burden_in_other_languages(layer, text):
    assert layer.check(text).label == "crisis"


# ---- harm to others and means at hand, in every table language -------------------------------
HARM_AND_MEANS = [
    "我真想弄死我室友，刀都买好了",
    "Ich will meinen Stiefvater erschießen.",
    "J'ai décidé de tuer mon voisin.",
    "Ho deciso di ammazzare quel tizio del bar.",
    "Tengo el revólver cargado en el cajón.",
    "Deixei a pistola carregada debaixo do travesseiro.",
    "Il fucile carico è sotto il letto.",
    "Mon fusil chargé est dans la voiture.",
    "Die geladene Waffe liegt im Handschuhfach.",
    "木炭已经买好了，就在车里",
    "البندقية محشوة وجاهزة في غرفتي",
]


MEANS_LOOK_ALIKES = [
    "Compré una pistola de silicona para las manualidades.",
    "我想杀了这局游戏里的boss",
    "La batería del móvil ya está cargada.",
    "Mi nipote gioca con la pistola ad acqua.",
]
test_harm_to_others_and_means_at_hand, test_means_look_alikes = label_tests(
    HARM_AND_MEANS, MEANS_LOOK_ALIKES)


# ---- Tagalog on the conservative path -------------------------------------------------------
def test_tagalog_wish_to_die_is_a_crisis(layer):
    assert layer.check("Pagod na pagod na ako, gusto ko nang mamatay.").label == "crisis"


def test_tagalog_ordinary_message_is_not(layer):
    assert layer.check("Masaya ako ngayon, kumain kami ng pamilya ko sa labas.").label != "crisis"


# ---- English families ------------------------------------------------------------------------
FAMILIES = [
    ("child_ingestion", "my 3 year old chewed a laundry pod and keeps gagging"),
    ("child_ingestion", "our toddler swallowed a button battery from the remote"),
    ("child_ingestion", "my little boy drank some drain cleaner from under the sink"),
    ("took_whole_lot", "said I'd only have a couple of sleeping tablets. I took the whole lot."),
    ("took_whole_lot", "the new prescription came today and i swallowed every last one of them"),
    ("going_with_them", "when my husband passes I'm going with him, I've made my peace"),
    ("going_with_them", "when dad dies I'll go too, there's nothing left for me"),
    ("hoping_traffic", "crossing without looking, hoping a lorry just takes me"),
    ("hoping_traffic", "i walk on the dual carriageway at night hoping a car hits me"),
    ("logout_forever", "think it's time for my permanent logout, cheers for everything"),
    ("logout_forever", "logging off for good tonight, it was fun while it lasted"),
    ("whoever_sorts", "sold the car and cleared my debts, less work for whoever has to sort my things"),
]


LOOK_ALIKES = [
    ("child_ingestion", "my toddler loves pressing the button on the dishwasher"),
    ("child_ingestion", "my son ate all the biscuits again"),
    ("took_whole_lot", "the bakery had free samples and I took the whole lot"),
    ("took_whole_lot", "I took all of them to the recycling centre"),
    ("going_with_them", "when she goes to the dentist I'm going with her"),
    ("hoping_traffic", "waiting at the stop hoping the bus is not late again"),
    ("logout_forever", "I did a permanent logout of my twitter account"),
    ("logout_forever", "logging off for good from this discord server, too much drama"),
    ("whoever_sorts", "a tip for whoever has to sort the recycling at work"),
]

(test_family_fires_on_new_words, test_family_is_a_crisis_for_the_layer,
 test_look_alikes_stay_clear_of_the_family) = family_tests(FAMILIES, LOOK_ALIKES)


# ---- long messages: one risky sentence among ordinary ones -----------------------------------
def test_long_message_with_one_risky_sentence(layer):
    text = ("Quick one. The car failed its MOT again and the kids have been off school with colds. "
            "Last night I sat in the car in the closed garage with the engine running for a while "
            "and I think I'll do it again tonight. Anyway, any tips for cheap MOT repairs?")
    assert layer.check(text).label == "crisis"


