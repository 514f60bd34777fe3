"""Risk vocabulary linked to the writer: the conservative net under the rules.

The rules name phrasings; a new writer finds new ones ("the car is running in the garage
with the door shut and I'm sitting in it"). What such messages still share is *vocabulary*
(a means, a place to fall from, dying, a goodbye, a wound) next to the *writer* (I, me, my).
``risk_terms`` finds those sentences — first person + a risk term — after removing what is
plainly not about the writer's safety: idioms and jokes with a trivial trigger, negated
terms, other people as the subject ("my grandma died"), and ordinary contexts in which the
words are literal and harmless (games, software, cooking, sport, films and books, hair dye,
a dead phone). The layer then lowers the classifier threshold for such a message
(``layer.T_VOCAB``); without the classifier (rules-only mode) a strong term (``STRONG``
groups) alone is a low-level crisis (``layer.NET_RULES_ONLY``).
``layer.T_NET`` (a strong term with any classifier score) exists but is off: measured, it
added false positives and no recall.

It is deliberately a vocabulary, not a list of sentences: every group is a family of words
that a crisis message of that kind cannot avoid using.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import IDIOM, LAUGH, MEANT
from .normalize import clauses, sentences
from .patterns import ABSENCE_REASON, ABSENCE_TIME, ACCIDENT, OD_COMPOUND
from .rules import _negated

# Families of risk words (normalised text). Each is something a message about that kind of
# danger can hardly avoid saying.
GROUPS: dict[str, str] = {
    # dying, death, ending it, not being here
    "death": (r"die|dies|died|dying|dead|death|deaths|suicid\w*|kill(?:ing|ed)? myself|"
              r"end(?:ing)? (?:it|it all|things|everything|my life|my own life|myself)|"
              r"(?:not|never|no longer) (?:be |being )?(?:here|around|alive)|"
              r"(?:not|never) (?:wake|waking) up|sleep forever|disappear(?:ed)? (?:forever|for good)|"
              r"i(?: will| would| want to| wish i could| could| should| am going to)? "
              r"(?:be|am) gone|funeral|coffin|grave|afterlife|"
              r"last (?:message|post|goodbye|words|breath|sunset|meal)|"
              r"goodbyes?|farewell|see (?:christmas|my birthday|next year|the morning|tomorrow)"),
    # a means or a method
    # (not "medication": questions about one's own treatment are the product's daily fare)
    "means": (r"pills?|tablets?|meds|capsules|overdos\w*|od|painkillers|"
              r"sleeping pills|insulin|rope|noose|hang(?:ing|ed)?|hung|belt|cord|ligature|"
              r"guns?|pistol|rifle|revolver|shotgun|firearm|trigger|bullets?|shoot myself|"
              r"blades?|razors?|knife|knives|scissors|glass|veins?|wrists?|throat|"
              r"bleach|poison|antifreeze|exhaust|carbon monoxide|fumes|helium|charcoal|"
              r"gas|drown\w*|chemicals?|garage|engine (?:is )?running|car (?:is )?running"),
    # a place to fall from or be hit at
    "place": (r"bridge|roof|rooftop|ledge|balcony|railing|cliff|edge|overpass|tracks|railway|"
              r"train|traffic|oncoming|jump\w*|fall|drop|"
              # a height, not a tale: "10th floor", "six storeys", "top floor"
              r"(?:\d+\w*|top|high|tall|upper|\w+teen|twenty|thirty|forty|fifty)[ -]?"
              r"(?:floors?|storeys?|story|stories)"),
    # wounds and self-injury
    "injury": (r"(?:cut|cuts|cutting)(?! (?:my |the |a |your |his |her |some )?(?:hair|nails|fringe|"
               r"bangs|grass|lawn|cake|bread|vegetables|onions?|paper|costs|ties|class|loose|back|"
               r"down|out|off|it|them|in|through|corners|carbs|sugar)\b)|bleed\w*|blood|wound\w*|"
               r"scars?|burn(?:ing|ed|t)? myself|"
               r"hurt(?:ing)? myself|harm(?:ing)? myself|selfharm\w*|hit(?:ting)? myself|"
               r"punish(?:ing)? myself|stitches"),
    # someone hurting, threatening or controlling the writer
    "danger": (r"(?:hit|hits|hitting|beat|beats|beating|punch\w*|kick\w*|slap\w*|chok\w*|"
               r"strangl\w*|grab\w*|push\w*|shov\w*|threaten\w*|lock\w*|follow\w*|touch\w*|"
               r"hurt|hurts|hurting|kill|rape\w*|trap\w*|control\w*) me|watching me|stalk\w*|"
               r"rape\w*|assault\w*|bruises|(?:scared|afraid|terrified) of (?:him|her|them|my \w+)|"
               r"abus\w*|(?:will|would|going to) kill me|not (?:safe|allowed to leave)"),
    # a body in danger, anybody's
    "medical": (r"unconscious|unresponsive|not breathing|can not breathe|stopped breathing|"
                r"seizure|seizing|fitting|collapsed|fainted|passed out|chest pains?|stroke|"
                r"swallowed|poison\w*|bleeding|blood everywhere|(?:lips|face) (?:are |is )?"
                r"(?:blue|grey|gray)|allergic|anaphyla\w*|swelling|will not wake|not waking up|"
                r"floppy|limp|choking|overdos\w*|drowning"),
}
STRONG = ("death", "means", "injury")
OTHERS = True  # report dying or injury of another person as group "other"
# Which category a vocabulary decision takes (the first group found in this order).
GROUP_CATEGORY = (("medical", "medical_emergency"), ("danger", "abuse_danger"),
                  ("other", "third_party_risk"), ("injury", "self_harm"))
_GROUP_RE = {g: re.compile(rf"\b(?:{rx})\b") for g, rx in GROUPS.items()}
_ANY = re.compile(r"\b(?:" + "|".join(GROUPS.values()) + r")\b")

_FIRST = re.compile(r"\b(?:i|me|my|myself|mine|im)\b")
# A third person as the subject of the sentence part before the term ("my grandma died").
_THIRD = re.compile(r"\b(?:he|she|they|it|his|her|their|someone|somebody|people|everyone|"
                    r"nobody|character|player|team|(?:my|our|your|the|a|his|her|their) "
                    r"(?:[a-z]+ ){0,2}?(?:dog|cat|pet|fish|hamster|rabbit|bird|plants?|grandma|"
                    r"grandpa|grandmother|grandfather|nan|gran|mom|mum|mother|dad|father|uncle|"
                    r"aunt|cousin|friend|brother|sister|son|daughter|husband|wife|partner|boss|grandad|"
                    r"granddad|nana|papa|stepdad|stepmom|stepmum|"
                    r"teacher|neighbou?r|phone|battery|laptop|car|computer|tv|show|hero|villain|"
                    r"patient|client|colleague|coworker|classmate|roommate|baby|kid|kids|child|"
                    r"children|family|parents?|grandparents?))\b")

# Ordinary contexts in which risk words are literal and harmless. Only a clear context
# counts: a topic word in the same sentence.
BENIGN_CONTEXT = re.compile(
    r"\b(?:game|games|gaming|gamer|level|boss|respawn\w*|npc|quest|raid|lobby|ranked|fortnite|"
    r"extracts?|extraction|loadout|tarkov|pvp|warzone|dayz|pubg|"
    r"minecraft|roblox|valorant|elden ring|zelda|mario|pokemon|league|sims|xbox|playstation|"
    r"rimworld|skyrim|fallout|call of duty|overwatch|terraria|stardew|among us|"
    r"ps5|steam|character|characters|villain|zombies?|dungeon|"
    r"server|process|terminal|code|bug|script|deploy\w*|database|browser|tabs?|app|laptop|"
    r"battery|phone|charger|computer|pc|wifi|printer|cpu|kernel|linux|python|"
    r"recipe|cook\w*|bake|baking|kitchen|oven|onions?|garlic|chicken|steak|dough|vegetables|"
    r"lobster|fish fillet|"
    r"movie|film|show|series|episode|season|book|novel|chapter|plot|song|album|lyrics|"
    r"concert|podcast|anime|manga|documentary|netflix|theatre|theater|musical|"
    r"gym|workout|leg day|squats?|marathon|race|cardio|training|practice|match|tournament|"
    r"skydiving|bungee|diving|climbing|hike|hiking|ski\w*|surf\w*|hunting|range|"
    r"hair dye|dye|haircut|hairdresser|nails|makeup|tattoo|piercing|"
    r"plants?|garden\w*|weeds|flowers|lawn|"
    r"exam|exams|homework|essay|assignment|presentation|deadline|"
    r"joke|meme|memes|prank|costume|halloween|haunted|horror)\b")

# Seventh round: a game's character, avatar or squad as the subject of a medical term in a
# game context ("my character keeps bleeding out in dayz"): the body in danger is a character's.
_GAME_CHARACTER = re.compile(r"\b(?:my|our|his|her|their|the) (?:\w+ )?(?:character|char|toon|"
                             r"avatar|sims?|pawn|champion|hero|squad ?mates?|team ?mates?|"
                             r"colonists?|survivors?|operator|mercs?|units?|npcs?|companions?|"
                             r"party members?)\b")
_WRITER = re.compile(r"\b(?:i|me|im|myself)\b")

_NEG_OK = re.compile(r"\b(?:not|never|no longer) (?:be |being )?(?:here|around|alive)|"
                     r"(?:not|never) (?:wake|waking) up|see (?:christmas|my birthday|next year|the "
                     r"morning|tomorrow)")
# "my <noun>" is somebody (or something) else as a subject ("my grandad died"), unless the
# noun is the writer's own body or life ("my arms are covered in cuts").
_POSSESSED = re.compile(r"\b(?:my|our) (?!(?:own |whole |entire )?(?:life|self|heart|soul|mind|"
                        r"body|arms?|wrists?|legs?|thighs?|skin|hands?|face|stomach|chest|neck|"
                        r"throat|head|hips?|time|plan|note|pills|meds|blood)\b)[a-z]+")
_SUBJECT = re.compile(rf"{_THIRD.pattern}|{_POSSESSED.pattern}|{_FIRST.pattern}")
_FIRST_SUBJECT = re.compile(r"\b(?:i|me|myself|im|my|mine)\b")
# Past ideation that is over ("i used to want to die but i do not anymore").
PAST_IDEATION = re.compile(r"\b(?:used to|when i was (?:younger|a teen\w*|a kid|\d+)|years ago|"
                           r"stopped (?:cutting|selfharming|self harming|hurting myself|burning "
                           r"myself))\b"
                           r"[^.]{0,60}\b(?:(?:but )?(?:i )?(?:do not|don't) any ?more|not any ?more|"
                           r"no longer|(?:i am|i'm) (?:glad|better|fine|okay|ok) now|not now|no "
                           r"(?:urges|thoughts|relapses) (?:any ?more|since)|(?:i )?(?:have been|"
                           r"have stayed|am|have felt) (?:\w+ )?(?:well|fine|okay|ok|clean|free|"
                           r"stable|healthy|better|good) (?:for|since|ever since)\b)")


def _negated_at(norm: str, s: int, e: int) -> bool:
    """The rules' clause-scoped negation ("i would never hurt myself", "dying is not what i
    want") at the span ``norm[s:e]``."""
    for offset, clause in clauses(norm):
        if offset <= s and e <= offset + len(clause):
            return _negated(clause, s - offset, e - offset)
    return False


@lru_cache(maxsize=2048)
def risk_terms(norm: str) -> tuple[tuple[str, str], ...]:
    """``(group, term)`` for every risk term in a sentence of ``norm`` that is linked to the
    writer and not explained away (see the module docstring). Dying or an injury whose
    subject is another person ("my brother said he wants to die") is group ``other``."""
    out: list[tuple[str, str]] = []
    idioms = [m.span() for m in IDIOM.finditer(norm)]
    units = sentences(norm)
    for i, (offset, sent) in enumerate(units):
        if not _ANY.search(sent):
            continue
        # the writer is named in this sentence or next to it ("this is goodbye. i'm sorry")
        near = " ".join(u for _, u in units[max(0, i - 1):i + 2])
        if not _FIRST.search(near):
            continue
        if PAST_IDEATION.search(sent):
            continue
        benign_context = bool(BENIGN_CONTEXT.search(sent))
        if LAUGH.search(sent) and not re.search(rf"\b(?:{MEANT})\b", sent):
            continue
        for group, rx in _GROUP_RE.items():
            if benign_context and group not in ("medical", "danger"):
                continue  # a game, a recipe, software: the words are literal there
            for m in rx.finditer(sent):
                s, e = offset + m.start(), offset + m.end()
                if any(a <= s < b or a < e <= b for a, b in idioms):
                    continue
                if group == "medical" and benign_context:
                    subj = [x for x in (*_GAME_CHARACTER.finditer(sent[:m.start()]),
                                        *_WRITER.finditer(sent[:m.start()]))]
                    if subj and _GAME_CHARACTER.fullmatch(max(subj, key=lambda x: x.start())
                                                          .group(0)):
                        continue  # "my character keeps bleeding out" in a game
                head = sent[max(0, m.start() - 40):m.start()]
                if not _NEG_OK.match(m.group(0)) and _negated_at(norm, s, e):
                    continue
                if "overdos" in m.group(0) and re.match(OD_COMPOUND, sent[m.end():]):
                    continue  # "an overdose patient", "overdose-proof software"
                if group == "injury" and ACCIDENT.search(sent):
                    continue  # "cut myself shaving"
                if group == "death" and re.fullmatch(r"not (?:be )?(?:here|around)", m.group(0)) \
                        and ABSENCE_TIME.match(norm, e) and ABSENCE_REASON.search(norm):
                    continue  # "i won't be here next week, i'm having my cataract done"
                if group in ("death", "injury"):
                    # the nearest subject before the term: the writer, or somebody else
                    subj = list(_SUBJECT.finditer(head))
                    if subj and not _FIRST_SUBJECT.fullmatch(subj[-1].group(0)):
                        if OTHERS:
                            out.append(("other", m.group(0)))
                        continue
                out.append((group, m.group(0)))
    return tuple(out)
