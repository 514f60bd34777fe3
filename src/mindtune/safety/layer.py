"""The safety layer: one check in front of the model, one behind it."""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from . import patterns as P
from . import rules as R
from .classifier import EmbeddingClassifier
from .lexicon import (
    ANNOYED,
    DISTRESS,
    DISTRESS_CONSTRUCTS,
    IDIOM,
    JOKE_LEAD,
    LAUGH,
    PERSONAL_REASON,
    RISK_CONSTRUCTS,
    RISK_GATE,
    detect_language,
    lexicon_regexes,
)
from .ml_classifier import SENSITIVE_WEIGHTS, MultilingualClassifier, default_ml_weights_path
from .multilingual import (
    FIRST_PERSON,
    HELP_Q,
    LAUGH_ANY,
    ML_DISTRESS,
    QUESTION,
    WEAK_ABUSE,
    WEAK_MEDICAL,
)
from .multilingual import IDIOMS as ML_IDIOMS
from .normalize import clauses, normalize, normalize_light, sentences
from .petty import petty_blamed
from .recovery import attributed_denied, recovered
from .replies import DEFAULT_WORDING, compose, render, template_vars
from .reply_filter import scan_reply
from .resources import LOCALES, normalize_locale, resources_markdown
from .vocab import GROUP_CATEGORY, PAST_IDEATION, STRONG, risk_terms

# Classifier thresholds on P(crisis), chosen on out-of-fold scores of the training sets
# (``scripts/train_safety_classifier.py --oof-writers/--mix`` simulates the whole layer per
# threshold row) and on writers the classifier never saw (docs/safety.md): the first-person
# risk-vocabulary threshold T_VOCAB and the distress threshold T_DISTRESS raised recall there
# at no measured cost in benign false positives. With the fine-tuned encoder (third session)
# scores are sharper: on two unseen writers T_ALONE 0.70 -> 0.75 and T_DISTRESS 0.60 -> 0.65
# cost 0.6 points of recall for 1.1-1.4 points fewer benign false positives (docs/safety.md).
# T_UNGATED 0.95 -> 0.85 (no risk-related word: metaphor, euphemism, third parties): on
# leave-one-writer-out scores +2.6 points of recall for +0.1 of benign false positives.
# Thirty-first round: T_ALONE 0.75 -> 0.70, T_UNGATED 0.85 -> 0.75, T_IDIOM 0.995 -> 0.85, the
# combination of a grid with most crisis messages on 24 development sets (N-ZP) for at most a
# third as many benign false positives (docs/safety.md).
T_ALONE = 0.70      # crisis on the classifier alone (message has a risk-related word)
T_UNGATED = 0.75    # crisis on the classifier alone for a message with no risk-related word
T_WITH_CUE = 0.45   # crisis when a risk-lexicon phrase is also present
T_IDIOM = 0.85      # crisis despite a figurative idiom (0.995 until the thirty-first round)
# An other-language look-alike read by the English classifier, the fallback when the multilingual
# classifier cannot load (was T_IDIOM; kept at its value when T_IDIOM moved).
T_FALLBACK_LOOKALIKE = 0.995
T_INFO = 0.60       # informational when a suicide/self-harm topic word is present
T_VOCAB = 0.50      # crisis when a first-person risk term is present (vocab.risk_terms)
T_NET = 1.01        # crisis on a strong first-person risk term alone: off (measured, docs)
T_DISTRESS = 0.55   # crisis when a first-person distress cue (lexicon.DISTRESS) is present (0.65
                    # until the thirty-second round)
# Crisis on the classifier for a message in another language that no phrase or risk word of
# that language caught. The encoder was published for English, but the fine-tuned classifier
# (encoder + n-grams + neighbours, trained with ~12% other-language lines) separates crisis
# from benign there too (AUC 0.96 on the spent sets K-M's other-language lines); 0.8 was
# chosen on those sets, but at 0.80 it also flags 4 of the other-language look-alikes of the
# tests ("mein Handy ist tot", 0.81) and no threshold keeps the gain without them: off
# (> 1) until other-language look-alikes are handled (docs/safety.md, thirteenth round).
T_OTHER_LANG = 1.01
# The same path as an operator's opt-in ("sensitive" mode for other languages): on five
# multilingual blind sets it caught 9-14 points more crisis messages and 4-17 points more
# explicit high-risk ones, for 0-4.3 points more benign and 0-3.1 points more figurative false
# positives (docs/safety.md, fourteenth and fifteenth rounds). Turned on by
# ``SafetyLayer(sensitive_other_languages=True)`` or ``MINDTUNE_SAFETY_SENSITIVE_OTHER_LANGUAGES=1``.
# Since the twenty-second round only where the multilingual classifier cannot load.
T_OTHER_LANG_SENSITIVE = 0.80
# Twenty-first to twenty-third rounds: a classifier of its own for other languages, on
# multilingual-e5-small (ml_classifier.py). Crisis when its P(crisis) reaches T_ML (default
# weights) or T_ML_SENSITIVE (sensitive mode, its own weights); an everyday look-alike ("me voy
# a cortar el pelo") needs T_ML_LOOKALIKE. 0.60 and 0.65 caught 68-82 more crisis messages on
# ten blind sets but flagged figurative speech and 11 look-alikes of tests/safety; 0.75, the
# lowest threshold above every look-alike of the tests, caught 14 more on fourteen sets with
# no false positive added (docs/safety.md, twenty-third round). Twenty-fourth round: the encoder
# tuned (BitFit) scores the tests' look-alikes up to 0.894, hence 0.90; sensitive mode asks the
# default weights first, then its own (never less than the default). Twenty-ninth round: 0.80,
# the lowest of 0.75, 0.80, 0.85 at which twenty development sets gained crisis messages (+125,
# +44 explicit high-risk) for at most a third as many benign false positives (+3) and at most 2
# figurative ones (+2); seven look-alikes of the tests (0.81-0.89) are known false positives
# (tests/safety/test_safety_round29.py).
# Thirty-seventh round: 0.75 with ML_FIGURATIVE_GUARD on, the pick of a grid on 42 development
# sets (+70 crisis, +14 explicit high-risk, +5 benign, +1 figurative; 0.70 flagged six
# look-alikes of the tests); "tengo calambres en las piernas" is a known false positive.
# Forty-seventh round: 0.70, with the memory grown to every spent writer (49,104 messages, voted
# through an int8 product, knn.py) and T_ML_UND 0.60: on six fresh writers +31 crisis, +8
# explicit high-risk, +6 benign and +1 figurative false positives (docs/safety.md); five
# look-alikes of the tests are known false positives (tests/safety/test_safety_round47.py).
T_ML = 0.70
T_ML_SENSITIVE = 0.60
T_ML_LOOKALIKE = 0.95
# Twenty-second round: laughter or an idiom anywhere in the message (any language) counts as a
# look-alike for the multilingual classifier, not only beside a weak risk word. Measured on the
# ten development sets: one figurative false positive fewer at 0.60, no change at 0.65; off.
# Thirty-seventh round: on, with T_ML 0.75 (on 42 development sets it kept every crisis message
# the lower threshold adds and removed 3 of its 4 extra figurative false positives).
ML_FIGURATIVE_GUARD = True
# Fifty-second round: an everyday object blamed in the same breath ("kms this wifi is so slow")
# is figurative without a laugh (``petty.py``).
PETTY_GUARD = True
# Twenty-fourth round: a second opinion for English. A message the English classifier scores
# at least ML_EN_BAND but that no rule or threshold above caught is also read by the
# multilingual classifier; crisis when it reaches T_ML_EN (1.01: off; 0.80 is the lowest value
# of its grid at which tests/safety pass). The band keeps the extra encoder call off ordinary
# messages (latency). Thirty-second round: 0.75, with T_DISTRESS 0.65 -> 0.55, the pick of a
# grid on 28 development sets (+29 crisis, +2 benign, +2 figurative; docs/safety.md).
T_ML_EN = 0.75
ML_EN_BAND = 0.30
# Thirty-fourth round: a message of no detected language ("und": Gurmukhi, Greek, Amharic,
# Hungarian, romanised Tamil...) is read by the English classifier, trained on English only.
# The multilingual classifier reads it too: a crisis at T_ML_UND or more (T_ML_LOOKALIKE for an
# everyday look-alike; never despite an idiom). 1.01: off (+1 crisis on two fresh sets then).
# Forty-seventh round: on at 0.60, with T_ML 0.70 and the grown memory (see T_ML).
T_ML_UND = 0.60
# Twenty-eighth round: the tuned classifier checks a risk word alone in another language ("estoy
# muerta", "ten upał mnie zabije"): a crisis only when it gives P(crisis) >= T_ML_VETO, unless
# risk or distress came earlier in the conversation. 0.10 keeps a margin of 1.5 under the lowest
# score of a crisis line on this path (0.169, tests/safety; 0.41 on sixteen development sets,
# where it cleared 29 benign messages and lost no crisis). Phrases of other languages are not
# checked: that half cost most of the time for little (twenty-seventh round). 0: off.
T_ML_VETO = 0.10
SENSITIVE_ENV = "MINDTUNE_SAFETY_SENSITIVE_OTHER_LANGUAGES"
NET_RULES_ONLY = True       # rules-only mode: a strong first-person risk term is a crisis
ML_UNKNOWN_WEAK = True      # an undetermined language with a weak risk word is a crisis
SENTENCES_ON_TERMS = False  # always score sentences with a risk term: off (no measured gain)
EN_CLAUSES = True           # a code-switched English clause is read by the classifier too
IMPERSONAL_Q = True         # an impersonal question needs T_UNGATED from the classifier alone
# Forty-second round (recovery.py): a risk told as over, or somebody else's guess denied
RECOVERY_FRAME = True       # drops an English suicidal/self-harm rule hit in a recovery frame
ATTRIBUTED_DENIAL = True    # drops "they think i am suicidal ... i am not"
RECOVERY_CLASSIFIER = True  # a recovery frame needs T_IDIOM from the classifier alone
# vocabulary groups that lower the threshold to T_VOCAB (vocab.GROUPS, plus "other")
VOCAB_GROUPS = frozenset({"death", "means", "place", "injury", "other", "danger", "medical"})

CATEGORY_ORDER = ("medical_emergency", "suicidal", "lethal_means", "self_harm",
                  "third_party_risk", "harm_to_others", "abuse_danger")
_REPLY_KEY = {"suicidal": None, "lethal_means": "lethal_means", "self_harm": "self_harm",
              "third_party_risk": "third_party_risk", "harm_to_others": "harm_to_others",
              "abuse_danger": "abuse_danger", "medical_emergency": "medical_emergency"}
_HIGH_PLAN_RULES = {"attempt", "ingested", "overdosed", "location", "means_at_hand", "note",
                    "last_message", "will_timeline", "giveaway", "goodbyes", "letters",
                    "affairs", "finality", "no_return", "means_plan", "ingested_any",
                    "preparations", "means_prep", "bath_blood", "means_courage", "end_it_means",
                    "farewell_final", "final_contact", "not_your_fault", "fiction_self"}
MAX_HISTORY_TURNS = 12


@dataclass
class Decision:
    label: str
    level: str = "none"
    categories: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    reply: str | None = None
    supportive: bool = False
    language: str = "en"
    resources: str | None = None
    scores: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ReplyCheck:
    ok: bool
    reason: str | None = None
    replacement: str | None = None
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class _Analysis:
    label: str
    level: str
    categories: tuple[str, ...]
    evidence: tuple[str, ...]
    language: str
    distress: bool
    scores: tuple[tuple[str, float], ...] = ()


_STRONG_CONSTRUCTS = ("Passive suicidal ideation", "Active suicidal ideation & suicidal planning",
                      "Direct self-injury")


def _lexicon_cues(norm: str) -> tuple[list[str], list[str]]:
    """Risk-lexicon phrases and distress-lexicon phrases in ``norm``, after the same context
    filters as the rules (negation, idioms, accidents, remission, benign plans)."""
    regs = lexicon_regexes()
    risk: list[str] = []
    distress: list[str] = []
    idiom_spans = [m.span() for m in IDIOM.finditer(norm)]
    for offset, clause in clauses(norm):
        figurative = _is_figurative_at(norm, offset)
        for construct, reg in regs.items():
            for m in reg.finditer(clause):
                s, e = offset + m.start(), offset + m.end()
                if R._negated(clause, m.start(), m.end()):
                    continue
                if any(a <= s < b or a < e <= b for a, b in idiom_spans):
                    continue
                cue = f"{construct}: '{m.group(0)}'"
                if construct in DISTRESS_CONSTRUCTS:
                    distress.append(cue)
                    continue
                if construct not in RISK_CONSTRUCTS or figurative:
                    continue
                if re.search(r"selfharm|cut|hurt|harm|burn", m.group(0)) and (
                    P.ACCIDENT.search(clause)
                    or (P.REMISSION.search(norm) and P.PAST.search(norm))
                ):
                    continue
                if "will" in m.group(0) and P.PLAN_BENIGN.search(norm):
                    continue
                if P.BENIGN_ACTIVITY.search(clause):
                    continue
                if re.match(r"\s*with\b", clause[m.end():]):
                    continue  # "end it with my girlfriend"
                if "overdos" in m.group(0) and re.match(P.OD_COMPOUND, clause[m.end():]):
                    continue  # "an overdose patient", "overdose-proof software"
                risk.append(cue)
    return risk, distress


_SAFE_STATEMENT = re.compile(r"\bi am (?:not in (?:any )?danger|safe|not suicidal)\b|\bnot "
                             r"(?:suicidal|in danger|going to (?:hurt|kill|harm) myself|going to "
                             r"(?:jump|do (?:it|anything)))\b|\b(?:dying|death|suicide|killing "
                             r"myself|ending it) (?:is not|is never|is no longer) (?:what i want|an "
                             r"option|the answer|on the table)\b|"
                             r"\b(?:no|not any|do not have any|never had any|have no|zero) (?:\w+ )?"
                             r"(?:plans?|intentions?|desire|thoughts?|urges?|wish) (?:to|of|about)"
                             r" (?:hurt\w*|harm\w*|kill\w*|end\w*|cut\w*|suicide|dying|die)\b")
_THIRD_SUBJECT = re.compile(r"\b(?:they|he|she|someone|somebody|people|person|friend|"
                            r"others|everyone who|anyone who|who)(?: \w+){0,2} $")
_FIRST_PERSON = re.compile(r"\b(?:i|me|my|myself|mine|im)\b")
_OTHERS = re.compile(r"\b(?:people|someone|somebody|they|them|teens?|teenagers?|students?|"
                     r"friends?|he|she|others|a person|kids|children|youth|men|women|veterans|"
                     r"patients|anyone|folks|"
                     # seventh round: one person named by a relation ("their kid has been cutting")
                     r"kid|child|sons?|daughters?|parents?|pupils?|patient|partners?|siblings?|"
                     r"brothers?|sisters?|loved ones?|relatives?|members?|colleagues?|clients?)\b")
# A question whether an illness or a drug causes such thoughts ("can postpartum depression cause
# thoughts of harming the baby?"): a question about the condition, not a disclosure.
_CAUSE_Q = re.compile(r"\b(?:cause|causes|caused|causing|lead to|leads to|trigger|triggers|give "
                      r"you|gives you|bring on|brings on|is it normal to (?:have|get)|common to "
                      r"(?:have|get)|symptoms? (?:of|like|such as|include)|a (?:sign|symptom) of|"
                      r"associated with|linked to|side effects? (?:of|like|such as|include))\b")
# Rules with a frame of their own in ``patterns.NEEDS_MESSAGE`` that are often asked as a
# question in the second person ("who feeds a cat if nobody is there", "how do you write a
# letter for your kids to read after you're gone"): not read as questions about others.
_OWN_FRAME = frozenset({"letter_after_gone", "who_cares_after"})


# Warning signs of the "putting affairs in order" kind. Two different ones in a message, or one
# with a sense that the time has come, read as preparations (Columbia: preparatory behaviour).
_PREP_ACTS = [re.compile(rx) for rx in (
    r"\b(?:updated|wrote|made|finished|signed|sorted out|redid|rewrote|changed) (?:my|a) will\b",
    r"\b(?:gave|given|giving|give) (?:away )?(?:all )?(?:of )?my (?:\w+ ){0,2}?(?:cat|dog|pets?|"
    r"stuff|things|belongings|clothes|books|games|console|guitar|jewel\w*|savings|money|"
    r"possessions|plants|bike|car)\b(?: away)?|\b(?:gave|giving|given) (?:\w+ )?away\b",
    r"\b(?:deleted|deactivated|closed|wiped|cleared|erased) (?:all )?(?:of )?my (?:accounts?|social media|"
    r"socials|instagram|facebook|profiles?|tiktok|snapchat|twitter|phone|browser history|history)\b",
    r"\b(?:wrote|written|writing|left|leaving|recorded) (?:a |some |the )?(?:letters?|notes?|"
    r"videos?|messages?) (?:to|for) (?:my|everyone|everybody|each|all)\b",
    r"\b(?:paid off|cleared|settled|paid) (?:all )?(?:of )?my (?:\w+ )?(?:debts?|bills?|credit cards?|"
    r"loans?)\b",
    r"\bmake sure (?:all )?my (?:\w+ )?(?:savings|money|things|stuff|belongings|pets?|cat|dog|"
    r"accounts?|guitar|books|room) (?:go|goes|get|gets|are given|is given|end up) (?:to|with)\b",
    r"\b(?:left|wrote down|shared|written down|sent|gave|given|told) (?:\w+ )?(?:all )?my "
    r"(?:passwords|pins?|bank details|account details|logins?)\b",
    r"\b(?:set|sorted|fixed|lined) (?:up )?my (?:\w+ )?(?:cat|dog|pets?|rabbit|bird|hamster|fish)"
    r" (?:up )?with\b|\b(?:gave|given|giving) my (?:\w+ ){0,2}(?:cat|dog|pets?|rabbit|bird|"
    r"hamster|guitar|console|ps5|xbox|speaker|bike|car|laptop|jewel\w*|watch|medals?|rings?|"
    r"tools|records|vinyl|camera|collection|paintings|stamps|golf clubs|fishing \w+) to\b",
    # fifth round: things borrowed all returned; letters to the people of one's life
    r"\b(?:returned|gave back|given back|giving back) (?:everything|all (?:the |of the )?(?:\w+ )?"
    r"(?:things|stuff|books)) (?:that )?i (?:had )?borrowed\b(?! (?:from|to) (?:the|a) library)",
    r"\b(?:wrote|written|writing) (?:a |some )?(?:letters? )?to (?:my|the) (?:\w+ )?(?:regiment|unit|"
    r"squad|children|kids|grandchildren|grandkids|son|daughter|wife|husband|parents|sister|"
    r"brother|family)\b(?=[^\n]{0,80}\b(?:gave|given|giving|it is time|in order|ready|goodbye)\b)",
    r"\b(?:moved|transferred|sent|put) (?:all )?(?:of )?my (?:savings|money) (?:in)?to\b",
    r"\b(?:scheduled|queued|set up) (?:some |a few |the |my )?(?:emails?|messages?|posts?|"
    r"texts?) to (?:send|go out|post)\b",
    r"\b(?:found|got) my (?:\w+ )?(?:cat|dog|pets?|rabbit|bird|hamster|fish) a (?:new )?(?:home|"
    r"owner|family)\b|"
    r"\b(?:found|arranged|sorted) (?:a )?(?:new )?(?:home|owner|family) for my (?:\w+ )?(?:cat|"
    r"dog|pets?|bird|rabbit|fish)\b",
    r"\b(?:said|saying|sent) (?:my )?goodbyes?\b",
    # seventh round: records, papers or documents (one's own or a pet's) put in order
    r"\b(?:put|got|sorted|organi[sz]ed|arranged|filed) (?:all )?(?:of )?(?:(?:my|the|his|her|our) )?"
    r"(?:\w+'s )?(?:\w+ )?(?:records|papers|paperwork|documents|files|affairs|finances|bills) (?:all )?(?:in "
    r"order|together|in (?:a|one) (?:folder|place|box))\b",
    r"\b(?:cleaned|tidied) (?:my (?:whole )?(?:room|house|apartment|flat)|the (?:whole |entire )?"
    r"(?:house|apartment|flat)|everything)\b[^.]{0,40}\b(?:so|for|before)\b",
)]
# Three or more things of one's own given away in one breath: preparations by itself.
_GIVEAWAY_LIST = re.compile(r"\b(?:gave|given|giving) away (?:all )?(?:of )?my (?:\w+ ){0,2}?\w+, "
                            r"(?:(?:all )?my )?(?:\w+ ){0,2}?\w+,? and (?:all )?(?:of )?my\b")
_PREP_TIME = re.compile(r"\b(?:it is time|time to go|ready to go|i am ready|ready now|will not "
                        r"need (?:them|it) where|is the (?:day|night)|the day has come|will not "
                        r"need (?:it|them|anything)|not need (?:it|them) anymore|one last|final|"
                        r"for the last time|the end|just in case|before i go|when i am gone|"
                        r"soon|for good|loose ends|for after|after i am gone|none of (?:this|it) "
                        r"(?:is|will be) my problem|if (?:anything|something) (?:happens|were to "
                        r"happen|should happen) to me|(?:everything|it all|all) is (?:finally |now )?"
                        r"(?:in order|sorted|taken care of)|(?:nobody|no one) (?:has|will have|needs) to "
                        r"(?:deal with|clean|sort|worry)|a mess after)\b")
_INGEST = re.compile(rf"\b(?:took|taken|swallowed|downed|popped|ate|chewed|injected|snorted|"
                     rf"overdosed|mixed|shot up)\b[^.]{{0,50}}\b(?:pills?|tablets?|meds|"
                     rf"medications?|drugs?|{P.PILLS}|(?:bottles?|box(?:es)?|packs?|packets?|"
                     rf"strips?|handful|bunch) of (?!{P.FOOD_DRINK}\b)\w+|bleach|poison|\d+ "
                     rf"(?!{P.FOOD_DRINK}\b|shots?\b|drinks?\b|beers?\b)\w+)")
_SYMPTOM = re.compile(r"\b(?:heart (?:is )?(?:racing|pounding|beating (?:so |really |super )?"
                      r"fast|going crazy)|seeing things|hallucinat\w*|can not feel my|room is "
                      r"spinning|everything is spinning|can not stay awake|can not keep my eyes "
                      r"open|passing out|going numb|(?:can not|hard to) breathe|throwing up blood|"
                      r"vomiting blood|(?:lips|fingers) (?:are )?(?:turning )?blue|chest (?:hurts|"
                      r"is tight|pain)|seizur\w*|(?:really|so|very) (?:drowsy|sleepy|dizzy)|"
                      r"cannot feel my|can not move|numb all over|skin is (?:yellow|cold))\b")


# Coercive control (``_control_markers``): by a partner, a carer or an adult child, the
# everyday acts that together take a person's freedom. One of the strong ones (a threat tied
# to leaving or telling, being left without food, locked in) is enough; otherwise two.
_PARTNER = (r"(?:husband|wife|boyfriend|girlfriend|bf|gf|partner|fiance|fiancee|ex|carer|"
            r"caregiver|care worker|landlord|boss|employer|he|she)")
_CONTROL_WEAK = [re.compile(rx) for rx in (
    rf"\b{_PARTNER}\b[^.!?]{{0,30}}\b(?:checks|goes through|reads|tracks|monitors|controls|"
    r"looks through|checked|went through) (?:all )?(?:of )?my (?:phone|messages|texts|emails|"
    r"location|spending|bank\w*|accounts?|money|every move|receipts|mileage)",
    r"\b(?:i am not allowed to|(?:he|she|they|and|but) (?:will not|does not|do not|would not|"
    r"never) let me|stops me from|forbids me (?:to|from)) (?:see|seeing|talk|talking|go|going|leave|leaving|"
    r"have|having|work|working|call|calling|visit|visiting|text|use|wear|eat|drive)\b",
    rf"\b{_PARTNER}\b[^.!?]{{0,30}}\b(?:takes|took|keeps|controls|has taken|hides|hid) (?:all )?"
    r"(?:of )?my (?:money|wages|pay|pension|salary|benefits|bank card|cards?|passport|documents|id|"
    r"car keys|keys|phone|medication|meds)\b",
    r"\b(?:shoves|shoved|pushes|pushed|grabs|grabbed|yanks|pins) me\b",
)]
_NOT_ALLOWED = _CONTROL_WEAK[1]
_CONTROL_STRONG = [re.compile(rx) for rx in (
    r"\b(?:says|said|threatens|threatened|swears|swore|told me)\b[^.!?]{0,10}\b(?:he|she|they)"
    r"(?: will| would| is going to)? (?:take|keep) (?:the|my|our) (?:kids|children|son|daughter|"
    r"baby|dog|cat)\b[^.!?]{0,30}\bif i (?:ever )?(?:leave|left|go|tell|call)",
    r"\bif i (?:ever )?(?:leave|left|tell (?:anyone|someone|anybody|my \w+)|call the police|go to "
    r"the police)\b[^.!?]{0,40}\b(?:he|she|they) (?:will|would|is going to) (?:kill|hurt|take|find|"
    r"ruin)\b",
    r"\b(?:leaves?|left|leaving) me (?:without|with no) (?:food|water|heating|heat|my "
    r"(?:meds|medication|medicine))\b",
    r"\b(?:locks|locked|lock) me (?:in|up)\b",
)]


def _control_markers(norm: str) -> list[str]:
    """The control markers found in ``norm``: every one when a strong marker is there and not
    negated in its sentence, the weak ones when there are two or more, else none."""
    def found(regexes: list[re.Pattern[str]]) -> list[re.Match[str]]:
        out = []
        for rx in regexes:
            m = rx.search(norm)
            if m is not None:
                start = max(norm.rfind(c, 0, m.start()) for c in ".!?\n") + 1
                # "not allowed to", "won't let me": the negation is the control itself
                if rx is _NOT_ALLOWED or not R._negated(norm[start:], m.start() - start,
                                                         m.end() - start):
                    out.append(m)
        return out

    strong, weak = found(_CONTROL_STRONG), found(_CONTROL_WEAK)
    if strong:
        return [m.group(0) for m in strong + weak]
    return [m.group(0) for m in weak] if len(weak) >= 2 else []


# A story, poem or essay about a character, then the writer says the character is them
# ("the narrator is me", "it's autobiographical", "that's literally what I just did"): the
# character's risk is the writer's own.
_FICTION = re.compile(r"\b(?:story|stories|poem|novel|book|script|essay|character|narrator|"
                      r"protagonist|fiction|fanfic|writing (?:about|class)|creative writing|song|"
                      r"lyrics|roleplay|role-play)\b")
_SELF_REVEAL = re.compile(
    r"\b(?:the |this |that |my )?(?:narrator|character|girl|boy|guy|protagonist|main character|"
    r"person|woman|man|kid|she|he)\b[^.!?]{0,15}\b(?:is|was) (?:actually |really |literally |"
    r"basically |secretly )?me\b|\b(?:it is|it was|its) (?:actually |really |literally |basically "
    r"|secretly )?(?:about )?me\b|\bi am the (?:girl|boy|guy|narrator|character|one|woman|man|kid)"
    r"\b|\b(?:autobiographical|based on me|based on my (?:own )?life|about myself)\b|\b(?:that|this) "
    r"is (?:literally |exactly |actually )?what i (?:just |actually )?(?:did|am doing|am going to "
    r"do)\b|\bi (?:did|do) (?:it|that) (?:again|too|yesterday|last night|today)\b")
_FICTION_RISK = re.compile(
    rf"\b(?:want\w* to die|kill\w* (?:him|her|them)sel\w*|suicid\w*|cut\w* (?:him|her|them)sel\w*|"
    rf"self ?harm\w*|overdos\w*|{P.PILLS}|pills|jump\w* (?:off|from|in front)|hang\w* (?:him|her|"
    r"them)sel\w*|never come back|disappear\w*|dissolve\w*|end (?:his|her|their) (?:own )?life|"
    r"shoot\w* up|kill (?:everyone|them all|people|his|her|the))\b")


def _fiction_self(norm: str) -> R.Hit | None:
    """A hit when a story's character is said to be the writer and the story names a risk."""
    if not (_FICTION.search(norm) and _SELF_REVEAL.search(norm)):
        return None
    risk = _FICTION_RISK.search(norm)
    if risk is None:
        return None
    word = risk.group(0)
    cat = "harm_to_others" if re.match(r"shoot|kill (?:everyone|them|people|his|her|the)", word) \
        else "self_harm" if re.match(r"cut|self", word) else "suicidal"
    return R.Hit("fiction_self", cat, "high", word, risk.start())


def _benign_plan(norm: str) -> bool:
    """An everyday reason for putting things in order (a move, a retirement, a wedding...),
    stated by the writer: not a question someone else asked ("my roommate asked if I'm moving
    out. I said sort of")."""
    for m in P.PLAN_BENIGN.finditer(norm):
        if not _ASKED_ABOUT.search(norm[max(0, m.start() - 40):m.start()]):
            return True
    return False


_ASKED_ABOUT = re.compile(r"\b(?:asked|asks|asking|wondering|wonders|thinks?|thought) (?:me )?"
                          r"(?:if|whether) (?:i|i am|i was)\b[^.?!]{0,10}$")


def _structural_hits(norm: str) -> list[R.Hit]:
    """Message-level signs that no single-sentence rule sees."""
    hits: list[R.Hit] = []
    found: list[re.Match[str]] = []
    for m in (m for rx in _PREP_ACTS for m in [rx.search(norm)] if m):
        if not any(m.start() < f.end() and f.start() < m.end() for f in found):
            found.append(m)  # two regexes on one phrase are one act
    if found and (len(found) >= 2 or _PREP_TIME.search(norm) or _GIVEAWAY_LIST.search(norm)) \
            and not _benign_plan(norm):
        first = min(found, key=lambda m: m.start())
        hits.append(R.Hit("preparations", "suicidal", "high",
                          "; ".join(m.group(0) for m in found[:3]), first.start()))
    control = _control_markers(norm)
    if control:
        hits.append(R.Hit("coercive_control", "abuse_danger", "high", "; ".join(control[:3]),
                          norm.find(control[0])))
    fiction = _fiction_self(norm)
    if fiction is not None:
        hits.append(fiction)
    ing = _INGEST.search(norm)
    if ing:
        sym = _SYMPTOM.search(norm)
        if sym and not re.search(r"\b(?:panic|anxiety|anxious)\b", norm):
            hits.append(R.Hit("ingestion_symptoms", "medical_emergency", "high",
                              f"{ing.group(0)} ... {sym.group(0)}", ing.start()))
    return hits


def _sentence_at(norm: str, pos: int) -> str:
    start = max(norm.rfind(c, 0, pos) for c in ".!?\n")
    ends = [i for i in (norm.find(c, pos) for c in ".!?\n") if i != -1]
    return norm[start + 1: min(ends) if ends else len(norm)]


_REPORTED_NO = re.compile(r"\band i (?:(?:honestly|truly|really|genuinely) )?(?:do not|have not|"
                          r"am not|never have|never did)\s*(?:[.!?,;]|$)|"
                          r"(?<!lied and )(?<!lied, )\b(?:i|and i) (?:(?:honestly|truthfully|"
                          r"truly|just|simply|really|"
                          r"genuinely|immediately|firmly) )?(?:said|answered|told (?:him|"
                          r"her|them)|replied|say) (?:no|not really|never)\b|\bthe answer (?:is|was) "
                          r"no\b|\band (?:(?:honestly|truthfully|truly|really|the answer is),? )?"
                          r"(?:no|nope|never|not really)(?:,? (?:never|not once|not really|no))?\s*"
                          r"(?:[.!,;]|$)")
# Words quoted or reported and then explained ("when I said I wanted to disappear I meant a
# week in a cabin", "I said 'I want to die' but it was about the Eurovision results") and a
# slip corrected at once ("how do I overdose... I mean over-season"): not a disclosure.
_REPORTED_SAID = re.compile(r"\b(?:when i said|i said|i wrote|i posted|i typed|i texted)\b"
                            r"[^.!?]{0,12}$")
_EXPLAINED = re.compile(r"\b(?:i (?:only |just )?meant|i was (?:talking|joking) about|it was "
                        r"(?:about|over|because of)|i was referring to|(?:i was )?quoting)\b")
_SELF_CORRECTION = re.compile(r"^[^a-z]{0,6}(?:i mean|i meant|sorry,? i meant?|oops,? i mean) "
                              r"(?!(?:it|that|this|i|really|seriously|every word|what i said|"
                              r"like|literally|honestly|exactly|the|to)\b)[a-z][\w-]*")
_SLIP = re.compile(r"\b(?:lol+|lmao|haha\w*|oops|typo|autocorrect|wrong word)\b")
# A game named in the message: bleeding out and dying are a character's ("Tarkov: I keep
# bleeding out after extracts").
_GAME = re.compile(r"\b(?:game|games|gaming|raid|raids|extracts?|extraction|loadout|respawn\w*|"
                   r"pvp|pve|fps|mmo|tarkov|warzone|apex|dayz|pubg|fortnite|valorant|minecraft|"
                   r"elden ring|dark souls|boss fight|my character|my (?:squad|team)mates?|lobby|"
                   r"ranked|hp|health bar|speedrun|level \d+|"
                   # seventh round: more titles, and the pieces a player moves
                   r"the sims|sims \d|rimworld|skyrim|fallout|call of duty|gta|overwatch|"
                   r"subnautica|terraria|stardew|animal crossing|red dead|among us|d&d|dnd|"
                   r"my (?:sim|sims|pawn|pawns|colonists?|avatar|toon|champion|squad))\b")
# An accident word in quotes ("my bf 'accidentally' broke my wrist") or a repeat is no accident.
_QUOTED_ACCIDENT = re.compile(r"['\"\u2018\u2019\u201c\u201d]accident(?:ally|al)?['\"\u2018\u2019"
                              r"\u201c\u201d]|\b(?:again|always|every time|keeps)\b")
_ASKED_IF = re.compile(r"\b(?:asked|asks|ask|asking) (?:me )?(?:if|whether)\b[^.?!]{0,40}$")
_PAST_IDEATION = PAST_IDEATION
_NEEDS_CONTEXT = {"no_return": "means", "means_access": "reason", "means_question": "reason",
                  "means_danger": "reason", "ld50": "reason", "means_unguarded": "reason"}
# Self-harm forms that are deliberate by construction (an iron pressed on one's arm, nails
# dug in until they bleed, meals skipped as punishment): a place word ("at work") is no
# accident there; only an explicit one is.
_DELIBERATE = {"sh_instrument", "sh_punish", "sh_blade_out", "sh_conceal", "sh_marks",
               "relapse_sh"}
_EXPLICIT_ACCIDENT = re.compile(r"\b(?:accident\w*|by mistake|slipped)\b")


def _neighbourhood(norm: str, pos: int) -> tuple[str, str]:
    """(the sentence at ``pos`` plus a short laugh-only sentence after it, the previous
    sentence plus this one): jokes and petty triggers are read where the risk is stated, not
    anywhere in a long message."""
    units = sentences(norm)
    if not units:
        return norm, norm
    idx = max(0, bisect_right(_starts(norm), pos) - 1)
    cur = units[idx][1]
    if idx + 1 < len(units) and (LAUGH.fullmatch(units[idx + 1][1].strip(" !.")) is not None
                                 or JOKE_LEAD.match(units[idx + 1][1])):
        cur = cur + " " + units[idx + 1][1]
    ctx = (units[idx - 1][1] + ". " if idx > 0 else "") + cur
    return cur, ctx


@lru_cache(maxsize=512)
def _starts(norm: str) -> tuple[int, ...]:
    return tuple(off for off, _ in sentences(norm))


@lru_cache(maxsize=4096)
def _is_figurative_at(norm: str, pos: int) -> bool:
    cur, ctx = _neighbourhood(norm, pos)
    if PETTY_GUARD and petty_blamed(cur):
        return True  # "kms this spreadsheet will not balance" (fifty-second round)
    return bool((LAUGH.search(cur) or "\U0001F62D" in cur or ANNOYED.search(cur))
                and P.TRIVIAL.search(ctx))


def _filter_hits(norm: str, hits: list[R.Hit], distress: bool) -> list[R.Hit]:
    """Context rules that drop or adjust rule hits (accidents, jokes, remission...)."""
    reason = distress or bool(PERSONAL_REASON.search(norm))
    out: list[R.Hit] = []
    for h in hits:
        if h.negated:
            continue
        cur, ctx = _neighbourhood(norm, h.start)
        figurative = _is_figurative_at(norm, h.start)
        laugh = bool(LAUGH.search(cur))
        need_msg = P.NEEDS_MESSAGE.get(h.rule)
        if need_msg is not None and not need_msg.search(norm):
            continue  # a context-bound rule without its context in the message
        if _REPORTED_SAID.search(norm[max(0, h.start - 40):h.start]) and _EXPLAINED.search(norm):
            continue  # "when i said i wanted to disappear i meant a week in a cabin"
        if _SELF_CORRECTION.search(norm[h.start + len(h.text):h.start + len(h.text) + 30]) \
                and _SLIP.search(norm):
            continue  # "how do i overdose... i mean over-season"
        if h.category in ("medical_emergency", "suicidal") and h.rule not in _HIGH_PLAN_RULES \
                and _GAME.search(_sentence_at(norm, h.start)):
            continue  # "i keep bleeding out after extracts" in a game
        if h.rule == "abuse_injury" and P.ACCIDENT.search(_sentence_at(norm, h.start)) \
                and not _QUOTED_ACCIDENT.search(_sentence_at(norm, h.start)):
            continue  # "my brother broke my finger playing football"
        need = _NEEDS_CONTEXT.get(h.rule)
        # seventeenth round: distress said in another language counts too ("j'ai perdu mon
        # taf, how high does a bridge need to be"); looked up only for the hits that need it
        if need == "reason" and not (reason or ML_DISTRESS.search(norm)):
            continue  # a means question with no distress or personal reason anywhere
        if need == "means" and not (distress or P.MEANS_ANY.search(norm)
                                    or P.TIME_RE.search(_sentence_at(norm, h.start))):
            continue
        if _ASKED_IF.search(norm[max(0, h.start - 60):h.start]) and _REPORTED_NO.search(norm):
            continue  # "my therapist asked if I have thoughts of harming myself and I said no"
        if h.rule == "cardiac_stroke" and re.search(r"\b(?:lift|move)\b", h.text) \
                and P.EXERCISE.search(norm):
            continue  # "leg day wrecked me, can't lift my arms" (sore, not a stroke)
        if h.rule == "means_plan" and P.BENIGN_ACTIVITY.search(_sentence_at(norm, h.start)):
            continue  # "I'll use my dad's rifle at the range"
        if h.rule in ("on_purpose", "cover_story_false"):
            # deliberate self-injury, or an accident story taken back, overrides the accident
            # filters
            out.append(h)
            continue
        accident = _EXPLICIT_ACCIDENT if h.rule in _DELIBERATE else P.ACCIDENT
        if h.category == "self_harm" and accident.search(_sentence_at(norm, h.start)):
            continue
        if h.category == "self_harm" and P.REMISSION.search(norm) and P.PAST.search(norm) \
                and not re.search(r"\brelaps\w*|\bagain\b|\burges?\b", norm):
            continue
        if h.category == "harm_to_others" and (laugh or P.TRIVIAL.search(ctx)
                                               or ANNOYED.search(cur)) \
                and not P.WEAPON_OR_PLAN.search(ctx):
            continue
        if h.rule in ("note", "giveaway", "will_timeline", "goodbyes", "letters", "affairs") \
                and _benign_plan(norm) \
                and not re.search(r"\b(?:suicid\w*|kill myself|end my life|goodbye forever|"
                                  r"will not need)\b", norm):
            continue
        if h.rule == "breathing" and (laugh or ("panic" in norm and "chest" not in norm)):
            continue
        if h.category == "suicidal" and "jump" in h.text \
                and P.BENIGN_ACTIVITY.search(_sentence_at(norm, h.start)):
            continue
        if h.category == "suicidal" and figurative and h.rule not in _HIGH_PLAN_RULES:
            continue
        if h.rule == "third_party_said" and laugh and re.search(r"\bdie\b", h.text):
            continue
        if h.category in ("suicidal", "self_harm") and P.QUESTION.search(cur) \
                and not _FIRST_PERSON.search(cur) and _OTHERS.search(cur) \
                and h.rule not in _OWN_FRAME:
            continue  # "why do people self-harm?" - a question about others
        if h.category in ("suicidal", "self_harm", "harm_to_others") and P.QUESTION.search(cur) \
                and not _FIRST_PERSON.search(cur) \
                and _CAUSE_Q.search(re.split(r"[.!?\n]", norm[max(0, h.start - 80):h.start])[-1]):
            continue  # "can postpartum depression cause thoughts of harming the baby?"
        if h.category in ("suicidal", "self_harm") and h.rule not in _HIGH_PLAN_RULES \
                and not _FIRST_PERSON.search(h.text) \
                and _THIRD_SUBJECT.search(norm[max(0, h.start - 30):h.start]):
            continue  # "if someone tells me they want to die": about another person
        if h.category == "suicidal" and h.rule not in _HIGH_PLAN_RULES \
                and _PAST_IDEATION.search(_sentence_at(norm, h.start)):
            continue  # "i used to want to die but i do not anymore"
        if RECOVERY_FRAME and h.category in ("suicidal", "self_harm") \
                and (h.rule not in _HIGH_PLAN_RULES or h.rule in ("attempt", "overdosed")) \
                and recovered(norm, _sentence_at(norm, h.start)):
            continue  # "four years since i last cut, got a tattoo over the scars to celebrate"
        if ATTRIBUTED_DENIAL and h.category == "suicidal" and h.rule not in _HIGH_PLAN_RULES \
                and attributed_denied(norm, h.start):
            continue  # "my mate thinks i am suicidal because i have been quiet. i am not"
        if h.rule == "unresponsive" and h.text == "collapsed" and _thing_collapsed(norm, h.start):
            continue  # "my bread dough ... it collapsed like a dead balloon"
        if h.rule == "not_around" and re.search(r"(?:here|around)$", h.text) \
                and P.ABSENCE_TIME.match(norm, h.start + len(h.text)) \
                and P.ABSENCE_REASON.search(norm):
            continue  # "I won't be here next week, I'm having my cataract done"
        if h.rule == "attempt" and P.PAST.search(norm):
            h = R.Hit(h.rule, h.category, "moderate", h.text, h.start)
        out.append(h)
    return out


def _thing_collapsed(norm: str, start: int) -> bool:
    """The "collapsed" at ``start`` has a thing as its subject (a cake, a tent, "it" after one)."""
    seg = norm[max(0, start - 120):start + len("collapsed")]
    return any(m.end() == len(seg) for m in P.COLLAPSED_THING.finditer(seg))


def _level(norm: str, hits: list[R.Hit]) -> str:
    level = R.max_level([h.level for h in hits])
    cats = {h.category for h in hits}
    if "suicidal" in cats and level != "high" and (
        P.TIME_RE.search(norm) or re.search(r"\b(?:plan|planning|decided|going to do it|"
                                            r"saved up|stockpil\w*)\b", norm)):
        level = "high"  # a timeline or a plan next to suicidal thoughts
    if "self_harm" in cats:
        sh_level = "moderate"
        if re.search(r"\b(?:urges?|want to|wanting to|thinking (?:about|of)|tempted)\b", norm) \
                and not P.RECENT.search(norm):
            sh_level = "low"
        if P.RECENT.search(norm) and not re.search(r"\burges?\b", norm):
            sh_level = "high"
        level = R.max_level([level, sh_level]) if len(cats) > 1 else sh_level
    return level


def _generic_third_party_question(norm: str, hits: list[R.Hit]) -> bool:
    """'What are the warning signs that someone is suicidal?' is a question, not a crisis."""
    if not all(h.category == "third_party_risk" for h in hits) or not all(
            P.QUESTION.search(_sentence_at(norm, h.start)) for h in hits):
        return False
    conditional = all(re.search(r"\bif\b[^.?!]{0,20}$", norm[max(0, h.start - 40):h.start])
                      for h in hits) or bool(P.PAST.search(norm) and re.search(
                          r"\b(?:how (?:can|do|should) i|what (?:can|should) i)\b", norm))
    generic = all(re.match(r"(?:someone|somebody|a |one of)", h.text) for h in hits) and not \
        re.search(r"\b(?:told me|texted|said|(?<!who )says|saying|messaged|wrote|posted|tonight|took|"
                  r"right now|is going to|has (?:a|the) (?:gun|knife|rope|pills))\b", norm)
    return conditional or generic


_PLEASANTRY = re.compile(
    r"(?:(?:ok(?:ay)?|thanks?(?: you)?(?: so much)?|ty|cool|great|alright)[ ,.!]*)?"
    r"(?:bye(?:[ -]?bye)?|good ?bye|see (?:you|ya)(?: later| soon| tomorrow)?|cya|later|"
    r"good ?night|night|take care|hi|hello|hey|thanks?(?: you)?(?: so much)?|ty|ok(?:ay)?)"
    r"[ .!:)]*")


_FAREWELL = re.compile(
    r"(?:(?:ok(?:ay)?|thanks?(?: you)?(?: so much)?|ty|alright)[ ,.!]*)?"
    r"(?:(?:bye(?:[ -]?bye)?|good ?bye|farewell|see (?:you|ya)|cya|good ?night|night|take care|"
    r"(?:i )?love (?:you|u)(?: all)?|sorry|i am sorry|thanks? for everything)"
    r"(?: (?:all|everyone|everybody|guys))?[ ,.!:)x]*)+")


class SafetyLayer:
    """Crisis check in front of the model and reply check behind it.

    ``wording`` lets an operator replace any text of ``replies.DEFAULT_WORDING``; it cannot
    switch the check off, and the locale's crisis resources are always appended.
    """

    def __init__(self, locale: str = "US", wording: dict[str, str] | None = None,
                 classifier: EmbeddingClassifier | None = None,
                 sensitive_other_languages: bool | None = None,
                 ml_classifier: MultilingualClassifier | None = None,
                 ml_sensitive_classifier: MultilingualClassifier | None = None):
        self.locale = normalize_locale(locale)
        # an operator may make the check more sensitive (never less): the classifier also
        # decides on messages in other languages (T_OTHER_LANG_SENSITIVE)
        if sensitive_other_languages is None:
            flag = os.environ.get(SENSITIVE_ENV, "").strip().lower()
            if flag not in ("", "0", "1", "true", "false", "yes", "no", "on", "off"):
                raise ValueError(f"{SENSITIVE_ENV}={flag!r}: use 1 or 0")
            sensitive_other_languages = flag in ("1", "true", "yes", "on")
        self.sensitive_other_languages = bool(sensitive_other_languages)
        self.wording = dict(DEFAULT_WORDING)
        for key, text in (wording or {}).items():
            if key not in DEFAULT_WORDING:
                raise ValueError(f"unknown wording key {key!r}; known: {sorted(DEFAULT_WORDING)}")
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"wording {key!r} must be a non-empty string")
            try:
                text.format(**template_vars(self.locale))
            except (KeyError, IndexError, ValueError) as exc:
                raise ValueError(f"wording {key!r}: bad placeholder ({exc}); use "
                                 "{emergency}, {primary_line}, {resources}, {country}") from exc
            reason, found = scan_reply(text)
            if reason:
                raise ValueError(f"wording {key!r} is not safe ({reason}: {found!r})")
            self.wording[key] = text
        self.classifier = classifier if classifier is not None else _shared_classifier()
        self.ml_classifier = ml_classifier if ml_classifier is not None \
            else _shared_ml_classifier()
        self.ml_sensitive_classifier = ml_sensitive_classifier \
            if ml_sensitive_classifier is not None else _shared_ml_sensitive_classifier()
        self._analyse = lru_cache(maxsize=2048)(self._analyse_uncached)
        # the default multilingual classifier is asked by the veto, then maybe by the
        # other-language path or the second opinion: one encoder call per message
        self._ml_probs = lru_cache(maxsize=256)(self._ml_probs_uncached)

    # ---- public API ----------------------------------------------------------------------
    @property
    def notice(self) -> str:
        return render(self.wording, "notice", self.locale)

    def resources_text(self) -> str:
        return resources_markdown(self.locale)

    def system_prompt(self, supportive: bool) -> str:
        text = render(self.wording, "system_prompt", self.locale)
        if supportive:
            text += "\n\n" + render(self.wording, "supportive_prompt", self.locale)
        return text

    def check(self, text: str, history: list[dict] | None = None) -> Decision:
        """Decide on one user message, given the conversation so far."""
        text = text if isinstance(text, str) else str(text)
        user_turns = [m.get("content") for m in (history or [])
                      if isinstance(m, dict) and m.get("role") == "user"][-MAX_HISTORY_TURNS:]
        prior = [self._analyse(c if isinstance(c, str) else str(c or ""), ()) for c in user_turns]
        prior_crisis = [a for a in prior if a.label == "crisis"]
        context = ("distress",) if any(a.distress or a.label == "crisis" for a in prior) else ()
        a = self._analyse(text, context)
        d = Decision(label=a.label, level=a.level, categories=list(a.categories),
                     evidence=list(a.evidence), language=a.language, scores=dict(a.scores))
        norm = normalize(text)
        if d.label == "crisis" and not context and _PLEASANTRY.fullmatch(norm.strip()):
            # "bye" or "thanks" alone opens or closes a chat; after distress it is still checked
            d = Decision(label="benign", level="none", categories=[], language=a.language,
                         evidence=["a greeting or farewell alone, no distress earlier"],
                         scores=dict(a.scores))
        if d.label != "crisis" and prior_crisis and _FAREWELL.fullmatch(norm.strip()):
            # a bare goodbye after a stated risk may be the last message: never read alone
            d.label = "crisis"
            d.level = R.max_level([p.level for p in prior_crisis])
            d.categories = sorted({c for p in prior_crisis for c in p.categories},
                                  key=CATEGORY_ORDER.index)
            d.evidence.append("a farewell after a stated risk")
            d.reply = compose(self.wording, self._reply_key(d), self.locale,
                              d.language if d.language not in ("en", "und") else None)
        elif d.label != "crisis" and prior_crisis and P.RETRACTION.search(norm):
            d.label = "crisis"
            d.level = R.max_level([p.level for p in prior_crisis])
            d.categories = sorted({c for p in prior_crisis for c in p.categories},
                                  key=CATEGORY_ORDER.index) + ["retraction_after_risk"]
            d.evidence.append("retraction after a stated risk: the earlier risk still stands")
            d.reply = compose(self.wording, "retraction", self.locale)
        elif d.label == "crisis":
            d.reply = compose(self.wording, self._reply_key(d), self.locale,
                              d.language if d.language not in ("en", "und") else None)
        d.supportive = d.label == "crisis" or bool(prior_crisis)
        if d.label in ("crisis", "informational") or d.supportive:
            d.resources = self.resources_text()
        return d

    def check_reply(self, reply_text: str, user_text: str = "") -> ReplyCheck:
        """Check a model reply (possibly partial, streamed). Regexes only: cheap."""
        means_request = bool(user_text) and _means_request(user_text)
        reason, found = scan_reply(reply_text or "", means_request)
        if reason is None:
            return ReplyCheck(ok=True)
        key = "filtered_clinical" if reason in ("diagnosis", "prescription") else "filtered_reply"
        return ReplyCheck(ok=False, reason=reason, evidence=found,
                          replacement=compose(self.wording, key, self.locale))

    # ---- internals -----------------------------------------------------------------------
    def _ml_probs_uncached(self, text: str) -> dict[str, float] | None:
        return self.ml_classifier.predict(text, prefer=_prefer_window)

    def _cleared(self, text: str, context: tuple[str, ...]) -> bool:
        """True when the tuned classifier clears a risk word alone in another language
        (P(crisis) < T_ML_VETO): never after risk or distress earlier in the conversation, in
        sensitive mode (never less than the default) or without the classifier."""
        if T_ML_VETO <= 0 or "distress" in context or self.sensitive_other_languages \
                or not self.ml_classifier.available:
            return False
        probs = self._ml_probs(text)
        return probs is not None and probs.get("crisis", 0.0) < T_ML_VETO

    def _predict(self, text: str, always_sentences: bool) -> dict[str, float] | None:
        if always_sentences:
            return self.classifier.predict(text, prefer=_prefer_window,
                                           prefer_sentence=_prefer_sentence,
                                           always_sentences=True)
        return self.classifier.predict(text, prefer=_prefer_window,
                                       prefer_sentence=_prefer_sentence)

    def _other_language(self, text: str, light: str, lang: str, distress: bool
                        ) -> _Analysis | None:
        """A message in another language that no rule caught: the multilingual classifier
        (sensitive mode: then its own weights too; where neither can load, the English one)
        may still find a crisis. An everyday look-alike ("mein Handy ist tot") needs a higher
        score."""
        lookalike = bool(R.ml_lookalike(light)) or (ML_FIGURATIVE_GUARD and _figurative_any(light))
        tries = [(self.ml_classifier, T_ML)]
        if self.sensitive_other_languages:
            tries.append((self.ml_sensitive_classifier, T_ML_SENSITIVE))
        tries = [(ml, max(t, T_ML_LOOKALIKE) if lookalike else t) for ml, t in tries
                 if t <= 1.0 and ml.available]
        if not tries:
            t_other = min(T_OTHER_LANG, T_OTHER_LANG_SENSITIVE) \
                if self.sensitive_other_languages else T_OTHER_LANG
            if t_other > 1.0 or not self.classifier.available:
                return None
            return self._lang_crisis(self._predict(text, False),
                                     T_FALLBACK_LOOKALIKE if lookalike else t_other, "classifier",
                                     lang, distress)
        for ml, need in tries:
            probs = self._ml_probs(text) if ml is self.ml_classifier \
                else ml.predict(text, prefer=_prefer_window)
            found = self._lang_crisis(probs, need,
                                      "multilingual classifier", lang, distress)
            if found is not None:
                return found
        return None

    @staticmethod
    def _lang_crisis(probs: dict[str, float] | None, need: float, source: str, lang: str,
                     distress: bool) -> _Analysis | None:
        if probs is None:
            return None
        p = probs.get("crisis", 0.0)
        if p >= need and probs.get("informational", 0.0) < p:
            scores = tuple((k, round(v, 4)) for k, v in probs.items())
            return _Analysis("crisis", "low", ("suicidal",),
                             (f"{source} p_crisis={p:.2f} ({lang} message)",), lang, distress,
                             scores)
        return None

    def _second_opinion(self, text: str, p: float) -> str | None:
        """The multilingual classifier on an English message the English one found
        uncertain (``p``): the reason for a crisis, or None."""
        return self._ml_reason(text, T_ML_EN, f"second opinion; classifier {p:.2f}")

    def _undetermined_opinion(self, text: str, light: str) -> str | None:
        """The multilingual classifier on a message of no detected language: the reason for a
        crisis, or None."""
        if T_ML_UND > 1.0:
            return None  # off: no look-alike scan on this path of every such message
        need = max(T_ML_UND, T_ML_LOOKALIKE) if R.ml_lookalike(light) else T_ML_UND
        return self._ml_reason(text, need, "no language detected")

    def _ml_reason(self, text: str, need: float, why: str) -> str | None:
        """``multilingual classifier p_crisis=... (why)`` when the classifier gives ``text``
        P(crisis) >= ``need`` and less for informational; None otherwise or when off (> 1)."""
        if need > 1.0 or not self.ml_classifier.available:
            return None
        probs = self._ml_probs(text)
        q = probs.get("crisis", 0.0) if probs else 0.0
        if probs and q >= need and probs.get("informational", 0.0) < q:
            return f"multilingual classifier p_crisis={q:.2f} ({why})"
        return None

    def _reply_key(self, d: Decision) -> str:
        first = d.categories[0] if d.categories else "suicidal"
        key = _REPLY_KEY.get(first)
        if key is None:
            key = f"crisis_{d.level if d.level in ('low', 'moderate', 'high') else 'low'}"
        if first == "suicidal" and "medical_emergency" in d.categories:
            key = "medical_emergency"
        return key

    def _analyse_uncached(self, text: str, context: tuple[str, ...]) -> _Analysis:
        norm = normalize(text)
        light = normalize_light(text)
        lang = detect_language(light)
        risk_cues, distress_cues = _lexicon_cues(norm)
        distress = bool(_distress(norm) or distress_cues or "distress" in context)
        # Means questions need a strong cue: a distress phrase of our own list (negation-aware)
        # or distress earlier in the conversation, not a weak lexicon word such as "stressed".
        strong = bool(_distress(norm) or "distress" in context)
        scanned = R.scan(norm)
        hits = _filter_hits(norm, scanned + _structural_hits(norm), strong)
        ml_hits = [h for h in R.scan_multilingual(light, lang)
                   if not h.negated and not (h.noun_only and lang == "en")]
        evidence = [f"rule {h.rule} ({h.category}, {h.level}): '{h.text}'" for h in hits]
        evidence += [f"phrase ({h.category}, {h.level}): '{h.text}'" for h in ml_hits]
        question = bool(P.QUESTION.search(norm))

        # Non-English topic nouns in a question with no first person read as informational.
        if ml_hits and all(h.noun_only for h in ml_hits) and not hits \
                and (QUESTION.search(light) or HELP_Q.search(light)) \
                and (not _first_person_ml(light, lang) or HELP_Q.search(light)):
            return _Analysis("informational", "none", ("suicide_info",), tuple(evidence), lang,
                             distress)
        hits = hits + ml_hits
        if hits and _generic_third_party_question(norm, hits):
            return _Analysis("informational", "none", ("suicide_info",), tuple(evidence), lang,
                             distress)
        if hits:
            cats = sorted({h.category for h in hits}, key=CATEGORY_ORDER.index)
            return _Analysis("crisis", _level(norm, hits), tuple(cats),
                             tuple(evidence + [f"lexicon {c}" for c in risk_cues[:3]]), lang,
                             distress)

        # No rule fired: weak non-English words, then the learned classifier.
        if lang != "en":
            # "und": Latin text with no stop word of any listed language (Dutch, Polish,
            # Turkish, Indonesian...): read conservatively, like a listed language.
            weak = R.weak_non_english(light, lang) if lang != "und" or ML_UNKNOWN_WEAK else None
            if weak and not (QUESTION.search(light) and not _first_person_ml(light, lang)
                             and not ML_DISTRESS.search(light)) \
                    and not self._cleared(text, context):
                cat = "medical_emergency" if WEAK_MEDICAL.search(weak) else \
                    "abuse_danger" if WEAK_ABUSE.search(weak) else "suicidal"
                return _Analysis("crisis", "low", (cat,),
                                 (f"non-English message ({lang}) with risk word '{weak}'",),
                                 lang, distress)
        scores: dict[str, float] = {}
        # The encoder is English-only: for other languages it only adds noise.
        gated = bool(RISK_GATE.search(norm) or risk_cues or distress)
        # Ninth round: code-switching ("c'est fini pour moi. I already wrote the note"): a
        # message detected as another language that has a whole English sentence is read by
        # the (English) encoder too.
        use_classifier = lang in ("en", "und") or _english_sentence(light) \
            or (EN_CLAUSES and _english_clause(light))
        if not use_classifier:
            found = self._other_language(text, light, lang, distress)
            if found is not None:
                return found
        terms = risk_terms(norm) if use_classifier else ()
        probs = self._predict(text, bool(terms) and SENTENCES_ON_TERMS) \
            if use_classifier else None
        if probs is not None:
            scores = {k: round(v, 4) for k, v in probs.items()}
            p = probs.get("crisis", 0.0)
            idiom = _softened(norm, scanned) or (RECOVERY_CLASSIFIER and recovered(norm, norm))
            why = None
            # A question about the world ("is it safe to stop antidepressants suddenly?") with
            # no first person and no distress is not read as a disclosure by the model alone.
            impersonal = IMPERSONAL_Q and question and not distress \
                and not _FIRST_PERSON.search(norm)
            if idiom and p >= T_IDIOM:
                why = f"classifier p_crisis={p:.2f} despite an idiom"
            elif not idiom and p >= (T_ALONE if gated and not impersonal else T_UNGATED):
                why = f"classifier p_crisis={p:.2f}"
            elif not idiom and p >= T_WITH_CUE and risk_cues:
                why = f"classifier p_crisis={p:.2f} with lexicon cue {risk_cues[0]}"
            # A first-person risk term (vocab.py) lowers the threshold to T_VOCAB, unless the
            # message reads as a question the model finds at least as informational.
            terms = () if idiom else tuple(t for t in terms if t[0] in VOCAB_GROUPS)
            strong_terms = [t for t in terms if t[0] in STRONG]
            info_like = question and probs.get("informational", 0.0) >= p
            if not why and terms and not info_like and p >= T_VOCAB:
                why = f"classifier p_crisis={p:.2f} with first-person risk term '{terms[0][1]}'"
            if not why and not idiom and not info_like and p >= T_DISTRESS \
                    and _distress(norm) and _FIRST_PERSON.search(norm):
                why = f"classifier p_crisis={p:.2f} with a distress cue"
            if not why and strong_terms and not info_like and p >= T_NET:
                why = (f"risk vocabulary net: first-person '{strong_terms[0][1]}' "
                       f"(p_crisis={p:.2f})")
            if not why and not idiom and not info_like and p >= ML_EN_BAND:
                why = self._second_opinion(text, p)
            if not why and not idiom and lang == "und":
                why = self._undetermined_opinion(text, light)
            if why:
                cat = "self_harm" if any("self-injury" in c for c in risk_cues) else "suicidal"
                if terms:
                    found = {t[0] for t in terms}
                    if not found & {"death", "means", "place"}:
                        cat = next((c for g, c in GROUP_CATEGORY if g in found), cat)
                # a time or a plan next to it raises the level as for a rule (Columbia logic)
                level = _level(norm, [R.Hit("classifier", cat, "low", "", 0)])
                return _Analysis("crisis", level, (cat,), tuple([why] + risk_cues[:3]), lang,
                                 distress, tuple(scores.items()))
        elif not self.classifier.available:
            # Rules-only mode: a validated ideation/self-injury phrase is enough for "low",
            # unless the message is a question about the topic.
            strong = [c for c in risk_cues if c.split(":")[0] in _STRONG_CONSTRUCTS]
            info_q = question and not P.FIRST_PERSON_RISK.search(norm)
            # With the net on, a first-person strong risk term (vocab.py) is enough too: with
            # no model to weigh it, a possible crisis is not passed silently.
            net = [t for t in risk_terms(norm) if t[0] in STRONG] \
                if NET_RULES_ONLY and not strong and not _softened(norm, scanned) else []
            if net:
                strong = [f"risk term '{t[1]}'" for t in net]
            if strong and not info_q:
                cat = "self_harm" if strong[0].startswith("Direct") or (
                    net and all(t[0] == "injury" for t in net)) else "suicidal"
                return _Analysis("crisis", "low", (cat,),
                                 tuple(["lexicon only (classifier unavailable)"] + strong[:3]),
                                 lang, distress)

        # Questions about suicide or self-harm get a normal answer plus resources
        # ("informational"); general mental-health questions are ordinary ("benign",
        # category mental_health_info), as in the labelled sets.
        topic_s = bool(P.TOPIC_SUICIDE.search(IDIOM.sub(" ", norm)))
        p_info = scores.get("informational", 0.0)
        if topic_s and (question or (not P.FIRST_PERSON_RISK.search(norm) and p_info >= 0.3)
                        or p_info >= T_INFO):
            return _Analysis("informational", "none", ("suicide_info",), ("topic question",),
                             lang, distress, tuple(scores.items()))
        cats = ("mental_health_info",) if P.TOPIC_MENTAL.search(norm) and question else ()
        return _Analysis("benign", "none", cats, (), lang, distress, tuple(scores.items()))


_SENTENCE_SPLIT = re.compile(r"[.!?;\n]+")
_CLAUSE_SPLIT = re.compile(r"[.!?;,:\n]+|\s(?:and|but|so|e|y|et|und|aur|pero|mais|aber|ma)\s")
_CLAUSE_PERSON = re.compile(r"\b(?:i|i'm|im|he|she|he's|she's|they|my|me|it's)\b")


def _english_piece(light: str, split: re.Pattern[str], word: str, min_words: int,
                   person: re.Pattern[str] | None = None) -> bool:
    """A piece of ``light`` (cut by ``split``) of ``min_words`` or more words (``word``) that
    reads as English on its own, with a person in it when ``person`` is given."""
    for piece in split.split(light):
        if len(re.findall(word, piece)) >= min_words and detect_language(piece.strip()) == "en" \
                and (person is None or person.search(piece)):
            return True
    return False


def _english_sentence(light: str) -> bool:
    """A sentence of four or more words that reads as English on its own, in a message whose
    language as a whole was another (code-switching)."""
    return _english_piece(light, _SENTENCE_SPLIT, r"[a-z]+", 4)


def _english_clause(light: str) -> bool:
    """Seventeenth round: an English clause of three or more words between commas in a
    code-switched message ("ich kann nicht mehr, I'm doing it tonight, alles ist geplant")."""
    return _english_piece(light, _CLAUSE_SPLIT, r"[a-z']+", 3, _CLAUSE_PERSON)


def _figurative_any(light: str) -> bool:
    """Laughter or a figurative idiom in any language ("jajaja", "mdr", "笑死", "kill the
    process", "me muero de risa")."""
    return bool(LAUGH_ANY.search(light) or ML_IDIOMS.search(light) or LAUGH.search(light)
                or IDIOM.search(normalize(light)))


def _first_person_ml(light: str, lang: str) -> bool:
    """A first person in a message of another language; Hinglish "mein" is "in", not the German
    "my" ("teenagers mein suicide ke warning signs kya hote hain?"), and Hinglish has more forms
    of "I" and "me" ("ghar mein sab mujhse nafrat karte hain")."""
    if lang != "hi":
        return bool(FIRST_PERSON.search(light))
    return bool(FIRST_PERSON.search(re.sub(r"\bmein\b", " ", light)) or _FIRST_PERSON_HI.search(light))


_FIRST_PERSON_HI = re.compile(r"\b(?:mujhse|mujhko|muje|mujh|mere|maine|mai|mein bhi|apna|apni|apne|"
                              r"khud|hum|humein|hamara|hamari|humko)\b")


def _softened(norm: str, scanned: list[R.Hit]) -> bool:
    """True when every sentence with a risk word is softened by an idiom, a joke, a negated
    risk phrase or a safety statement: then the classifier alone needs ``T_IDIOM``. One plain
    risk sentence among softened ones ("I'd never kill myself. I wish I'd never been born")
    keeps the normal thresholds."""
    negated_at = [h.start for h in scanned if h.negated]
    risky = 0
    for offset, sent in sentences(norm):
        if not RISK_GATE.search(sent):
            continue
        risky += 1
        soft = (IDIOM.search(sent) or _is_figurative_at(norm, offset)
                or _SAFE_STATEMENT.search(sent) or _routine_medication(sent)
                or (_ASKED_IF.search(sent[:_first_risk(sent)]) and _REPORTED_NO.search(sent))
                or (_INJURY.search(sent) and P.ACCIDENT.search(sent))
                or PAST_IDEATION.search(sent)
                or any(offset <= pos < offset + len(sent) for pos in negated_at))
        if not soft:
            return False
    if risky:
        return True
    return bool(IDIOM.search(norm) or negated_at or _SAFE_STATEMENT.search(norm)
                or _routine_medication(norm))


def _first_risk(sent: str) -> int:
    m = RISK_GATE.search(sent)
    return m.start() if m else len(sent)


_ROUTINE = re.compile(r"\b(?:as prescribed|(?:like|as) (?:the|my) (?:doctor|gp|psychiatrist|"
                      r"pharmacist|nurse) (?:said|says|told me|prescribed|recommended)|every "
                      r"(?:morning|day|night|evening)|each (?:morning|day|night)|daily|my usual "
                      r"dose|refill|pharmacy|side effects?|(?:forgot|forget|remember|reminder) to "
                      r"take)\b")
_QUANTITY = re.compile(r"\b(?:all|whole|entire|every one|too many|too much|bottles?|packs?|"
                       r"packets?|strips?|handful|overdose\w*|extra|double|triple|saved|stockpil\w*|"
                       r"\d{2,})\b")


_INJURY = re.compile(r"\b(?:cut|cuts|cutting|burn(?:ed|t)?|bleed\w*|blood|hurt|bruis\w*|"
                     r"scratch\w*)\b")


_MEDICATION = re.compile(rf"\b(?:{P.PILLS}|pills?|tablets?|meds|medication|medicine|dose|doses|"
                         r"dosage|prescriptions?|inhaler|injections?|insulin|vitamins?)\b")


def _routine_medication(sent: str) -> bool:
    """Medication taken as a routine ("I take my meds every morning like the doctor said"),
    with no quantity or stockpiling word. A routine word alone ("been thinking about it every
    day") is no medication."""
    return bool(_ROUTINE.search(sent) and _MEDICATION.search(sent)
                and not _QUANTITY.search(sent))


def _distress(norm: str) -> bool:
    """A distress cue that is not negated in its clause ("I don't want to die" is not one)."""
    for _offset, clause in clauses(norm):
        for m in DISTRESS.finditer(clause):
            if not R._negated(clause, m.start(), m.end()):
                return True
    return False


def _prefer_window(window: str) -> bool:
    norm = normalize(window)
    return bool(RISK_GATE.search(norm) or DISTRESS.search(norm))


# Sentence windows of short messages are scored only for sentences with a strong risk word
# (the broad RISK_GATE would window most ordinary messages and triple their cost).
_STRONG_RISK = re.compile(
    r"\b(?:die|died|dying|dead|death|kill\w*|suicid\w*|hurt\w*|harm\w*|cut\w*|bleed\w*|blood|"
    r"pills?|tablets|meds|overdos\w*|bridge|jump\w*|rope|noose|gun|knife|blade|razor|burden\w*|"
    r"hopeless|worthless|goodbyes?|note|letters?|gone|disappear\w*|wake up|end it|alive|live|"
    r"living|exist\w*|point|anymore|forever|hit\w*|beat\w*|abus\w*|scared|afraid|threat\w*|"
    r"unsafe|breath\w*|unconscious|insurance|plan\w*|decided|ready|last|final|peace|"
    r"garage|engine|exhaust|fumes|vanish\w*|for good|tracks|ledge|roof|cliff)\b"
    r"|[^\x00-\x7f]")


def _prefer_sentence(window: str) -> bool:
    norm = normalize(window)
    return bool(_STRONG_RISK.search(norm) or DISTRESS.search(norm))


@lru_cache(maxsize=1)
def _means_regex() -> re.Pattern[str]:
    lethal = [rx for name, _c, _l, rx, _n in P.COMPILED if name in ("lethality", "means_always")]
    return re.compile("|".join(f"(?:{r.pattern})" for r in lethal))


@lru_cache(maxsize=256)
def _means_request(user_text: str) -> bool:
    return bool(_means_regex().search(normalize(user_text)))


@lru_cache(maxsize=1)
def _shared_classifier() -> EmbeddingClassifier:
    return EmbeddingClassifier()


@lru_cache(maxsize=1)
def _shared_ml_classifier() -> MultilingualClassifier:
    return MultilingualClassifier()


@lru_cache(maxsize=1)
def _shared_ml_sensitive_classifier() -> MultilingualClassifier:
    return MultilingualClassifier(weights_path=default_ml_weights_path(SENSITIVE_WEIGHTS))


__all__ = ["SafetyLayer", "Decision", "ReplyCheck", "LOCALES"]
