"""Precision of the rules (writers of examples_train_4/5): everyday, figurative and negated uses
of risk words are not read as a crisis by a rule, and the matching crisis wording still is.

Each fix is a table of benign messages (the writers' and variants) and crisis counterparts.
Benign messages are checked on the full layer (not crisis) and on the rules alone (no rule,
non-English phrase or weak word fires); crisis counterparts on both layers.
"""

from __future__ import annotations

import pytest

from mindtune.safety import multilingual as ml
from mindtune.safety import rules as R
from mindtune.safety.normalize import normalize, normalize_light

# fix -> (benign, crisis)
FIXES: dict[str, tuple[list[str], list[str]]] = {
    # "cut" with an everyday object (hair, rows, tile, the lamb), not a body part
    "cut_object": ([
        "cutting my hair tonight, wish me luck",
        "i cut my hair myself and it looks terrible",
        "In Excel, how do I cut rows where column C is blank without messing up my formulas?",
        "How do I cut tile around a toilet pipe without cracking it?",
        "How deep should I cut into the lamb leg to stuff it with garlic and rosemary?",
        "how deep should i cut the slits in the bread dough",
        "how do i cut columns in google sheets",
        "i cut my losses and sold the stock",
        "i cut my thumb on a tin can, it stopped bleeding, do i need a tetanus shot",
    ], [
        "I'm cutting my arm again",
        "i cut my wrists last night",
        "i have been cutting again",
        "cutting my thighs tonight, i can't stop",
        "how deep should i cut my wrist",
        "i cut lines into my arm last night",
        "cutting patterns into my skin again",
        "i cut my skin paper thin",
    ]),
    # "bleed" a radiator or the brakes
    "bleed_object": ([
        "My radiator upstairs is cold at the top. Do I need to bleed it?",
        "do i need to bleed the brakes after changing the pads?",
    ], [
        "i need to bleed",
        "i want to bleed out",
    ]),
    # "overdosed on" food, shows or a game's potions; an overdose compound ("-proof", "patient")
    "overdose_trivial": ([
        "overdosed on potions in skyrim and still died to the dragon",
        "overdosed on pumpkin spice today, zero regrets",
        "i overdosed on k-dramas again",
        "How can I overdose-proof my pharmacy inventory software, I mean add a validation so "
        "staff can't enter an impossible quantity?",
        "i'm a nurse and i had to handle an overdose patient tonight, how do i decompress after "
        "shifts",
    ], [
        "i overdosed on my sleeping pills",
        "i overdosed on my serotonin pills",
        "overdosed on xanax and tea, feel weird",
        "overdosed on cake and pills, i feel dizzy",
        "i want to overdose tonight",
    ]),
    # "collapsed" with a thing as its subject
    "collapsed_thing": ([
        "How can I tell if my bread dough is overproofed? It collapsed like a dead balloon.",
        "my sponge cake collapsed in the middle when i opened the oven",
        "the tent collapsed in the storm, we slept in the car",
    ], [
        "my dad collapsed and isn't breathing",
        "he sat on the couch and collapsed",
        "the talks collapsed and then my husband collapsed, he's not responding",
    ]),
    # "last message/post" bounded in time or to an account
    "last_message_for_now": ([
        "this is my last message for tonight, see u tmrw!",
        "this is my final post on this account, moving to my new handle @ something cooler",
        "This is my last message for a bit because I'm moving house and the internet won't be "
        "connected until the fifteenth.",
        "this is my final message until monday, have a great weekend",
    ], [
        "this is my last message, goodbye everyone, I'm sorry",
        "this is my last message before i go",
        "this is my final post. thank you all for everything",
        "this is my last message for tonight, goodbye forever",
    ]),
    # an absence bounded in time with an everyday reason
    "absence_with_reason": ([
        "I won't be here next week, I'm having my cataract done. I'll tell you how it went "
        "afterwards. Cheerio!",
        "i won't be around next week, i'm on holiday in spain. talk soon!",
        "i won't be here tomorrow, i have a dentist appointment",
    ], [
        "i won't be here tomorrow",
        "I won't be here next week. I've made my peace with it",
        "i will not be around much longer",
    ]),
    # positive hyperbole ("so good I want to die")
    "positive_hyperbole": ([
        "this song is so good i wanna die",
        "this cake is so good i could die",
    ], [
        "i'm so tired i want to die",
        "this song makes me want to die, everything does, i'm so tired of living",
    ]),
    # a joke marked as one, with a trivial trigger, in the next sentence
    "joke_next_sentence": ([
        "If I have to sit through one more of my husband's golf stories I'll hang myself with "
        "the tea towel. Joking, obviously, he just talks a lot about golf.",
    ], [
        "I'll hang myself with the tea towel tonight",
        "everyone thinks i'm joking but i really want to kill myself",
        "If I have to sit through one more meeting I'll hang myself. Joking aside, I mean it.",
    ]),
    # playful family annoyance over food or clothes, no weapon, plan or threat
    "petty_family": ([
        "i'm gonna strangle my brother he ate my leftover pad thai",
        "i'm gonna kill my sister, she borrowed my dress without asking and spilled wine on it",
        "i'm going to strangle my sister she drank my last coke",
    ], [
        "i'm going to strangle my brother, i know where he sleeps and i have a knife",
        "i'm going to kill my sister tonight",
    ]),
    # negation: "zero thoughts/plans", a reported "no", and self-harm thoughts
    "negation_en": ([
        "i have zero thoughts of hurting myself, i'm just overwhelmed with work",
        "zero plans to end my life lol, i just want to sleep for a week",
        "i have zero intention of hurting myself",
        "My GP asked if I'd thought about ending my life and I honestly said no.",
        "the doctor asked me if i wanted to end my life and i said no",
    ], [
        "i keep having thoughts of hurting myself",
        "i'm scared i might hurt myself",
        "i have thoughts of hurting my baby",
        "i have zero thoughts about the future and want to die",
        "zero hope left, i want to die",
        "i have zero reasons to live",
        "my therapist asked if i'd thought about ending my life and i said yes",
    ]),
    # non-English idioms ("me muero de risa", "笑死", "vor Lachen sterben", "morta de cansaço")
    "idioms_ml": ([
        "ich sterbe vor lachen, das video ist zu gut",
        "ich sterbe vor Hitze heute",
        "tô morta de cansaço mas feliz, o show foi incrível",
        "Casi me muero de la risa con el vídeo que mandó mi hermana.",
        "me estoy muriendo de calor",
        "je suis morte de fatigue",
        "morrendo de fome aqui",
        "python 脚本一直卡死，怎么办",
        "累得要死，终于下班了",
        "笑いすぎて死ぬ",
        "pyaaz kaise kaate bina rone ke, koi trick batao",
    ], [
        "no quiero vivir",
        "me quiero morir",
        "quiero morir de una vez",
        "我想死",
        "我想死了好多次",
        "死にたい",
        "hath kaat liya maine",
        "har time khud ko cut karta hoon",
        "chán đời muốn chết",
    ]),
    # games and machines: a character dies, a server is dead
    "games_devices_ml": ([
        "je meurs à chaque fois contre le boss final, quelqu'un a une astuce ?",
        "ich sterbe ständig im letzten level von celeste, hilfe",
        "这个boss太难了，死了五十次了",
        "je suis mort trois fois contre ce boss",
        "mon serveur est mort, j'ai perdu toutes mes données ?",
        "mein Handy ist tot",
    ], [
        "mon boss me harcèle, je pense à la mort tous les jours",
        "mein stress level ist extrem, ich denke nur an den tod",
        "das spiel ist aus für mich, der tod ist besser",
    ]),
    # a thing (traffic, heat, an exam) "will kill me", not a person
    "thing_will_kill_me": ([
        "Ce bouchon sur le périphérique va me tuer, j'en ai marre.",
        "هذا الزحام سيقتلني، كل يوم ساعتان في السيارة.",
        "el tráfico me va a matar",
        "esse trânsito vai me matar",
    ], [
        "mon mari va me tuer",
        "mi esposo me va a matar",
        "Mi pareja me pega, cualquier día me va a matar",
        "سيقتلني زوجي",
    ]),
    # negation before (or, in Hindi, after) a non-English phrase
    "negation_ml": ([
        "no estoy pensando en hacerme daño, solo estoy agotada de todo",
        "main khud ko hurt nahi karunga, bas bahut thak gaya hoon yaar",
        "我没有想伤害自己，只是最近压力太大了",
        "ich will nicht sterben, ich bin nur müde",
        "je ne suis pas suicidaire hein, juste crevée par les partiels",
    ], [
        "no puedo más y me corto",
        "no duermo pensando en la muerte",
        "ich will nicht mehr leben",
        "main khud ko hurt karta hoon",
        "jeena nahi chahta",
        "忍不住想死",
        "Minha filha escreveu no caderno que quer dormir para sempre. Ela está muito quieta "
        "ultimamente.",
    ]),
}

# Benign messages whose rule hit is fixed but which the classifier still reads as a crisis
# (a decision of the model, not of a rule): checked at the rule level only.
RULE_LEVEL_ONLY = [
    "My GP asked if I'd thought about ending my life and I honestly said no. I'm just very "
    "tired from the chemo.",
    "Trời ơi, nóng muốn chết luôn. Hôm nay ba mươi tám độ.",
]

BENIGN = [(fix, t) for fix, (benign, _) in FIXES.items() for t in benign]
CRISIS = [(fix, t) for fix, (_, crisis) in FIXES.items() for t in crisis]


def _rule_evidence(decision) -> list[str]:
    return [e for e in decision.evidence if e.startswith(("rule ", "phrase ", "non-English"))]


@pytest.mark.parametrize("fix,text", BENIGN)
def test_benign_is_not_crisis(layer, fix, text):
    d = layer.check(text)
    assert d.label != "crisis", (fix, d.to_dict())


@pytest.mark.parametrize("text", [t for _, t in BENIGN] + RULE_LEVEL_ONLY)
def test_no_rule_fires_on_benign(rules_layer, text):
    d = rules_layer.check(text)
    assert not _rule_evidence(d), d.to_dict()


@pytest.mark.parametrize("fix,text", CRISIS)
def test_crisis_counterpart_stays_crisis(layer, fix, text):
    d = layer.check(text)
    assert d.label == "crisis", (fix, d.to_dict())


@pytest.mark.parametrize("fix,text", CRISIS)
def test_crisis_counterpart_is_a_rule_hit(rules_layer, fix, text):
    d = rules_layer.check(text)
    assert d.label == "crisis" and _rule_evidence(d), (fix, d.to_dict())


def test_zero_negates_only_a_thought_or_plan():
    hits = R.scan(normalize("zero plans to end my life"))
    assert hits and all(h.negated for h in hits)
    assert any(not h.negated for h in R.scan(normalize("zero hope left, i want to die")))


@pytest.mark.parametrize("text,lang,negated", [
    ("no estoy pensando en hacerme dano", "es", True),
    ("no puedo mas y me corto", "es", False),        # a clause break ends the negation
    ("no aguanto y me hago dano", "es", False),      # a pseudo-negation
    ("escreveu no caderno que quer dormir para sempre", "es", False),  # pt "no" = in the
    ("main khud ko hurt nahi karunga", "hi", True),  # Hindi: after the phrase
    ("我没有想伤害自己", "zh", True),
    ("我会不会死", "zh", False),                     # A-not-A: a question
])
def test_non_english_negation(text, lang, negated):
    light = normalize_light(text)
    m = ml.WEAK.search(light) or next(
        (m for _, _, _, rx, _ in ml.COMPILED for m in [rx.search(light)] if m), None)
    assert m is not None
    assert R._ml_negated(light, m.start(), m.end(), lang) is negated


def test_game_context_explains_only_death_words():
    assert R.weak_non_english(normalize_light("je meurs contre le boss final")) is None
    assert R.weak_non_english(normalize_light("mon boss me tue, je pense a la mort")) == "mort"
    assert R.weak_non_english(normalize_light("speedrun ruiné, j'ai pris des cachets")) == "cachets"
