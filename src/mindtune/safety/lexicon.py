"""Word lists: the clinician-validated suicide-risk lexicon, distress cues, idioms, languages.

``data/suicide_risk_lexicon.json`` is a subset of the Suicide Risk Lexicon v1.0 by
Daniel M. Low et al., shipped in the ``construct-tracker`` package under Apache-2.0
(see ``data/NOTICE``). Its phrases are used as *cues*: they raise the weight of the
learned classifier and give evidence, but a bare lexicon hit ("cutting", "bridge") never
decides a crisis on its own because many of its entries are ambiguous out of context.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .normalize import normalize
from .patterns import CUT_NOT_SELF, FOR_NOW

# Constructs of the lexicon, grouped by how they are used.
RISK_CONSTRUCTS = (
    "Passive suicidal ideation",
    "Active suicidal ideation & suicidal planning",
    "Direct self-injury",
    "Other suicidal language",
    "Lethal means for suicide",
)
DISTRESS_CONSTRUCTS = (
    "Hopelessness",
    "Burdensomeness",
    "Entrapment & desire to escape",
    "Defeat & feeling like a failure",
    "Loneliness & isolation",
    "Emotional pain & psychache",
    "Shame, self-disgust, & worthlessness",
    "Depressed mood",
    "Existential meaninglessness & purposelessness",
)

# Lexicon entries too ambiguous to be cues even when weighted (they hit benign text).
_LEXICON_STOP = frozenset(
    (
        "attempt", "cutting", "cut", "drowning", "poison", "bridge", "balcony", "cliff", "knife",
        "blade", "rope", "gun", "weapon", "pills", "chemicals", "carbon", "hydrogen", "exit",
        "escape", "bind", "drag", "drain", "charge", "fight", "bother", "demanding", "dependent",
        "responsibility", "farewell", "fatal", "dying", "die", "crisis center", "safety check",
        "safety plan", "being saved", "keeping me alive", "on the edge", "kill me", "killing me",
        "rest in peace", "oblivion", "giving up", "give up", "fade out", "lifeless",
        "crisis hotline", "crisis text line", "when i die", "my death", "suicide", "stuck",
        "exit", "flee", "liberate", "liberation", "lockdown", "quarantine", "breakout", "chains",
        "chained", "captive", "bondage", "avoidance", "a fresh start", "to be free", "restrained",
        "scars", "scarring", "scratching", "carving", "abrasion", "laceration", "nail-biting",
        "hair-pulling", "pull my hair", "stick and poke tattoo", "high place", "tall building",
        "skyscraper", "precipice", "illicit drug", "prescription drug", "over the counter drug",
        "narcotics", "opiate", "sedative", "muscle relaxer", "benzodiazepine", "helium",
        "plastic bag", "sharp object", "razor", "bleach", "antifreeze", "anti freeze", "pesticide",
        "monoxide", "9mm", "firearm", "handgun", "pistol", "revolver", "shotgun", "od", "drowning",
        "severe depression", "fatal", "tired", "sad", "alone", "lonely", "drowning",
    )
)


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, tuple[str, ...]]:
    """Return ``{construct: normalised phrases}`` from the packaged lexicon subset."""
    path = resources.files("mindtune.safety") / "data" / "suicide_risk_lexicon.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    stop = {normalize(w) for w in _LEXICON_STOP}
    out: dict[str, tuple[str, ...]] = {}
    for construct, phrases in raw["constructs"].items():
        norm = {normalize(p) for p in phrases}
        out[construct] = tuple(sorted(p for p in norm if len(p) > 2 and p not in stop))
    return out


def _phrase_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alts = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, alts)) + r")(?![\w])")


@lru_cache(maxsize=1)
def lexicon_regexes() -> dict[str, re.Pattern[str]]:
    return {c: _phrase_regex(p) for c, p in load_lexicon().items() if p}


def lexicon_hits(norm: str, constructs: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(construct, phrase)`` for every lexicon phrase of ``constructs`` found in ``norm``."""
    regs = lexicon_regexes()
    hits = []
    for c in constructs:
        reg = regs.get(c)
        if reg is not None:
            hits.extend((c, m.group(0)) for m in reg.finditer(norm))
    return hits


# Own distress cues (on normalised text), used as "context of distress" for means requests.
DISTRESS = re.compile(
    r"\b(?:lost my (?:job|house|home|wife|husband|partner|kids?|everything)|laid off|got fired|"
    # seventeenth round: a breakup, money gone in a crash
    r"break ?up (?:happened|ho gaya)|(?:crypto|stock|market) crash|lost (?:it all|all my (?:money|"
    r"savings))|lost (?:the|my|our) (?:restaurant|shop|store|company|firm|cafe|bakery|practice|"
    r"pub|bar|salon|garage)|"
    # losses that precede a means question ("lost custody today. how much blood...")
    r"lost (?:custody|the (?:farm|business|house|kids|case)|our (?:farm|business|house|home)|"
    r"my (?:farm|business|licen[cs]e|savings|custody|visa|scholarship))|got dumped|"
    r"(?:dumped|fired|evicted|expelled) (?:and|&) (?:fired|dumped|evicted|expelled)|"
    r"the bank (?:took|is taking|repossess\w*)|foreclos\w*|repossess\w*|"
    r"been fired|(?:she|he|they) left me|broke up with me|dumped me|divorce|"
    r"(?:no ?one|nobody) (?:cares|loves|would (?:miss|notice|care))|worthless|hopeless|useless|"
    r"can not (?:go on|take (?:it|this|any ?more)|do this|cope)|falling apart|pointless|"
    r"no point|hate my life|hate myself|tired of (?:everything|it all|life|living)|"
    r"(?:give|giving|gave) up on (?:life|living|everything|myself|me)|(?:want to|going to|about "
    r"to|ready to|just) give up\b(?! on (?:my|the|this|that|a|an) )|giving up\s*$|"
    r"burden|numb|empty inside|done with (?:everything|life|it all)|"
    r"what is the point|depressed|miserable|so sad|lost everything|failed (?:again|everything)|"
    r"alone|lonely|ruined|end it|had enough|failure|nothing (?:matters|left)|"
    r"(?:my )?(?:wife|husband|partner|son|daughter|mom|dad|mother|father|girlfriend|boyfriend|gf|"
    r"bf|fiance|fiancee|best friend) (?:died|passed away|left|dumped|broke up)|"
    r"evicted|bankrupt|want to disappear|no way out|trapped|suicidal|want to die|"
    r"(?:everyone|everybody|they all|people) (?:hates?|hate) me|(?:my )?life is (?:a mess|hell|over|"
    r"shit|a joke|ruined|pointless|falling apart|meaningless|not worth)|not doing (?:well|ok|okay|"
    r"good|great|so well)|(?:disappointed|failed|let down) (?:everyone|everybody|my (?:family|"
    r"parents|kids))|let (?:everyone|everybody) down|can not (?:do this|keep going|go on|take "
    r"(?:it|this)) anymore|nothing (?:ever )?(?:gets|is getting|will get) better|(?:want|need) "
    r"(?:it|this|everything|the pain|it all) to (?:stop|end)|make it (?:all )?stop|i am (?:so )?"
    r"done(?! (?:with )?(?:my|the|this|that|it|work|homework|school|dinner|lunch|eating|for "
    r"(?:the|to)day|cooking|cleaning|packing|shopping|studying|here|now|reading|playing)\b)|"
    r"(?:really|so|very|feeling) (?:low|down|broken)|at (?:my|the) lowest|(?:hate|hating) "
    r"(?:being alive|existing)|everything is (?:falling apart|pointless|too much)|i am a "
    r"(?:failure|mess|burden|disappointment|waste))\b"
)

# A first-person reason behind a means question ("asking for me", "asking cause i'm done").
PERSONAL_REASON = re.compile(
    r"\b(?:scratch\w* (?:myself|my \w+|the surface)|cutting myself|my cuts|self ?harm\w*|"
    r"asking (?:for|because|cause|coz|cos|bc) (?:me|myself|i)|asking for (?:a )?reason|for (?:my own )?"
    r"reasons|i have my reasons|for "
    r"me\b|i (?:want|need|would like) to (?:find out|know|try)|asking for myself|not for a "
    r"friend|(?:it is|this is) for me|"
    # a means beside the writer, or a pull towards one ("standing too close")
    r"(?:sitting|here|right here|sat) with (?:the|a|my) (?:bottle|pills|tablets|blade|razor|rope|"
    r"gun|knife)|(?:is|was) not the (?:real )?reason|standing (?:too close|closer|near the "
    r"edge)|(?:thinking|think|thought) about (?:the )?(?:trains|tracks|bridges?|jumping|heights|"
    r"the drop) (?:a lot|all the time|constantly|lately|every day))\b"
)

# "joking" alone is no laugh ("they'll think i'm joking", "not joking this time"): only as a
# retraction ("just joking", "joking, obviously").
# An annoyed face: a threat next to it is venting, as with a laugh ("i'll kill him 😤").
ANNOYED = re.compile(r"[\U0001F624\U0001F644\U0001F612\U0001F621\U0001F620]")
LAUGH = re.compile(r"\b(?:lol+|lmao+|lmfao|rofl|haha\w*|hehe\w*|xd|jk|j/k|just kidding|kidding|"
                   r"(?:just|only) joking|(?<!not )joking,? (?:obviously|of course|obvs?|ofc))\b")
# The writer says the words are meant ("not joking", "for real"): a laugh beside them does not
# soften them (vocab.py, petty.py).
MEANT = r"not (?:joking|kidding)|for real|seriously|i mean it"
# A sentence that opens with a laugh or a retraction and does not take it back ("Joking,
# obviously, he just talks a lot about golf."): read with the sentence before it.
JOKE_LEAD = re.compile(r"^\W*(?:lol+|lmao+|haha\w*|jk|j/k|just kidding|kidding|(?:just |only )?"
                       r"joking)\b(?![^.!?]*\b(?:not (?:joking|kidding)|serious\w*|for real|i mean "
                       r"it|aside|but)\b)")

# Any word that a crisis message is very likely to contain; a message with none of these
# cannot be labelled crisis by the classifier alone.
RISK_GATE = re.compile(
    r"\b(?:die|died|dying|dead|death|deadly|alive|live|living|life|exist\w*|gone|goodbyes?|bye|"
    r"end|ending|over|kill\w*|suicid\w*|hurt\w*|harm\w*|pain\w*|cut\w*|bleed\w*|blood|"
    r"burden\w*|pills?|tablets|meds|overdos\w*|bridge|jump\w*|rope|gun|knife|wake|sleep "
    r"forever|shotgun|rifle|pistol|firearm|razor|blades?|noose|hose|exhaust|beam|stool|"
    r"disappear\w*|give up|giving up|point|pointless|hopeless|worthless|tired of|"
    r"can not (?:go on|do this|take)|done|enough|rid of|escape|funeral|grave|insurance|"
    r"will|letters?|note|passwords|arrangements|sorted|in case|abus\w*|hit\w*|beat\w*|"
    r"scared|afraid|unsafe|safe|threat\w*|breath\w*|chest|unconscious|seizure|emergency|"
    r"attack\w*|rape\w*|touch\w*|forced|leave|anymore|forever|nobody|no one|last|"
    r"final|permanent\w*|crisis|help|stop|ready|way out|only way|one way|tired|matter\w*|"
    r"care|miss|sorry|alone|hate|plan\w*|decided|peace|worth|wake up|break\w* in|get in\w*|"
    r"following|police|ambulance|hospital|bleach|swallow\w*|surviv\w*|river|lake|sea|ocean|"
    r"cliff|edge|roof|tracks|train|traffic|things|stuff|belongings|gets my)\b|[^\x00-\x7f]"
)

# A suicide that is a failed plan or an ordeal, not a death: "launching in january was
# commercial suicide", "3 labs in one semester was academic suicide" and, forty-second round, an
# exam, a shift or a route that "was (pure) suicide", the noun next to the verb ("my essay: why
# was suicide a crime?" is a question about suicide), not "was suicide watch/risk".
FIGURATIVE_SUICIDE = (
    r"(?:commercial|political|career|social|professional|electoral|financial|fashion|reputational|"
    r"brand|corporate|competitive|ratings|academic) suicide|(?:exam|test|paper|final|finals|"
    r"midterms?|quiz|module|class|course|labs?|shift|commute|drive|traffic|workout|session|"
    r"schedule|semester|deadline|timetable|match|level|mission|raid|route|hike|assignment|"
    r"essay|question \d+|week|weekend|month|rota|roster|rotation|workload|overtime|term|quarter|"
    r"season|fixtures|leg day) (?:was|is|be|are|were) (?:(?:pure|straight up|literally|"
    r"basically|total|complete|absolute|actual|just|lowkey|honestly|such) )*suicide\b(?! (?:watch|"
    r"attempts?|notes?|risk|thoughts?|plans?))")
SUICIDE_IDIOM = re.compile(rf"\b(?:{FIGURATIVE_SUICIDE})")

# Idioms in which death/killing words are figurative, and everyday literal uses of risk words
# ("bleed the radiator", "cutting my hair", "my last post for tonight").
IDIOM = re.compile(
    rf"\b(?:cut(?:s|ting)? {CUT_NOT_SELF}|(?:last|final) (?:message|post|text) {FOR_NOW}|"
    r"(?:is|are|was|were|be|keeps?|been) killing (?:me|it)|killed it|kill(?:ing|ed)? it|"
    r"killing time|kill (?:time|for (?:a|some)|the (?:lights?|engine|mood|vibe|process|task|"
    r"app|server|job|power|music)|two birds)|(?:i am )?dying (?:to|of|for|from) |"
    r"to die for(?! real\b)|die (?:of|from) (?:laughter|laughing|embarrassment|boredom|cringe|shame|"
    r"excitement|cuteness|happiness|hunger|thirst|heat|jealousy|envy|shock|surprise|joy|pride)|"
    r"died (?:of|from) (?:laughter|laughing|"
    r"embarrassment|cringe|shame)|dead (?:tired|serious|wrong|on|end|line|weight|heat|ass|set)|"
    r"drop-? ?dead|deadline|(?:am|was|literally|totally) dead lol|i am dead\W*$|i am deceased|"
    r"murdered (?:it|me|that)|(?:has been|is|was|been) (?:murder|brutal|a killer|killer)\b|slay\w*|"
    r"slaughtered|(?:the )?death of me|bored to death|"
    r"scared to death|(?:worried|love \w+) to death|could (?:just )?die|so (?:full|happy|bored|"
    r"tired|embarrassed) i could die|(?:is|are|was|were|looks?|looked|sounds?|sounded|tastes?|"
    r"tasted|smells?|feels?|felt) so (?:good|cute|beautiful|pretty|gorgeous|funny|hilarious|"
    r"delicious|tasty|amazing|perfect|adorable|sweet|catchy|iconic|satisfying) (?:that )?i "
    r"(?:literally |just )?(?:could|want to|am going to|will|might|would)(?: just| literally)? "
    r"die\b|so (?:happy|excited|full|stuffed) (?:that )?i (?:literally |just )?(?:want to|"
    r"am going to|will|might|would)(?: just| literally)? die\b|"
    r"(?:phone|battery|laptop|plants?|car|server|computer|"
    r"headphones|charger|tv) (?:is |are |was )?(?:died|dying|dead)|"
    # overdosing on something that is no drug (food, shows, a game's potions)
    r"overdos\w* on (?:(?!and\b|with\b|plus\b)[\w'-]+ ){0,2}?(?:k-?)?(?:netflix|tv|coffee|"
    r"caffeine|sugar|chocolate|candy|youtube|"
    r"tiktok|anime|memes|video games|pizza|work|potions?|elixirs?|mana|health packs?|stimpaks?|"
    r"spice|sweets|cake|cookies|carbs|cheese|snacks?|junk food|fries|garlic|hot sauce|espresso|"
    r"tea|energy drinks?|red bull|dramas?|reality tv|true crime|podcasts?|music|nostalgia|"
    r"cuteness|dopamine|serotonin|sunshine|gossip|episodes|series|shows?|books?|fanfic\w*|"
    r"christmas \w+|holiday \w+|puns|studying|exercise|cardio)\b(?! (?:(?:and|with|plus|&) "
    r"(?:\w+ )?)?(?:pills?|meds|tablets?|capsules|drugs|painkillers|sleeping pills|alcohol|"
    r"medications?|prescriptions?|supplements?|insulin|gummies))|"
    r"heart attack when|nearly (?:had a heart attack|died)|almost (?:had a heart attack|died)|"
    r"(?:going to|will|gonna) (?:kill|murder) me (?:if|when|for|because i)|dying my hair|dye my hair|"
    r"kill(?:ed|ing)? myself laughing|(?:laughed|laughing|laugh) (?:myself )?to death|"
    r"(?:would|will|could) (?:\w+ )?die for (?:my|you|him|her|them|this|that|a|some|one)\b|"
    r"(?:strong|enough|sugar|caffeine) (?:enough )?to kill (?:a|an) (?:horse|elephant|cow|bear)|"
    r"shoot (?:me|him|her|them|us) (?:a|an) (?:text|message|msg|email|dm|line|call)|"
    r"shoot(?:ing)? my shot|shot (?:a|the|my) (?:video|film|photo|photos|scene|hoop|hoops)|"
    # forty-eighth round: shooting oneself in the foot, boredom "of suicidal levels", and a
    # song, a joke or a film "so bad I wanted to die"
    r"(?:shoot|shoots|shooting|shot) (?:myself|yourself|himself|herself|ourselves|themselves) in "
    r"the (?:foot|feet)\b|suicidal (?:levels|amounts|degrees) of (?:\w+ )?(?:bored|boredom|cringe|"
    r"hungry|hunger|caffeine|lazy|laziness|sleepy)\b|(?:jokes?|puns?|songs?|movie|film|show|"
    r"episode|ending|finale|sequel|lyrics|acting|dialogue|music|playlist|karaoke|referee|ref|"
    r"commentary|speech|presentation|sermon|lecture|meeting|queue|wifi) (?:\w+ ){0,4}?(?:is|are|"
    r"was|were) so (?:bad|awful|terrible|cringe|cringey|cringy|boring|painful|long|slow|corny|"
    r"cheesy|dumb|lame) (?:that )?i (?:literally |just |actually )?(?:wanted to|want to|could|was "
    r"going to|am going to) die\b(?! +(?:and|but|because|cause|cos|so|then|for real|fr|tbh|"
    r"honestly|seriously|literally|not)\b)|"
    r"(?:i am |i was )?drowning in (?:work|emails?|paperwork|homework|assignments|laundry|debt|"
    r"bills|deadlines)|(?:i am |i was )?dying (?:here|out here)\b[^.]{0,30}\b(?:hot|heat|degrees|"
    r"cold|humid|boring|bored)|\b(?:smell|stink|stench|noise)\b[^.]{0,90}\b(?:i am |i was )?dying "
    r"(?:here|out here)\b|bleed (?:a|the|my) (?:radiator|brakes?|pipes?)|"
    r"(?:killing|kill|killed) (?:the|a|my) (?:weeds?|bugs?|spiders?|mosquito\w*|wasps?|flies|"
    r"ants|mold|mould|germs|bacteria|plant|plants|battery|vibe|mood)|"
    # seventh round: "cut" with a person as object ("cut me some slack", "cut myself off from"),
    r"cut(?:s|ting)? (?:me|us|you|him|her|them|myself|yourself|ourselves|himself|herself|themselves|"
    r"each other) (?:some |a little |a bit of |more |a |an |any )?(?:slack|break|deal|discount|"
    r"favou?r|slice|piece|wedge|portion|share|cheque|check)\b|cut(?:s|ting)? to the chase|cut the "
    r"crap|cut (?:my|your|our|their) losses|cut it out|"
    # cut off in traffic or mid-sentence, cut off from an app, cut out of a photo, burnt out
    r"cut(?:s|ting)? (?:me|us|him|her|them) off (?:on|in|at) (?:the |a )?(?:motorway|highway|"
    r"freeway|road|traffic|roundabout|junction|lane|exit|lights|queue|line)|cut(?:s|ting)? (?:me|us|"
    r"him|her|them) off (?:mid[- ]?\w+|in the middle|before (?:i|we|he|she|they) (?:could|finished)|"
    r"every time (?:i|we) (?:speak|talk))|cut(?:s|ting)? myself off (?:from )?(?:social media|"
    r"twitter|x|instagram|insta|tiktok|facebook|snapchat|reddit|youtube|the news|news|my phone|the "
    r"internet|screens|caffeine|sugar|alcohol|booze|coffee|netflix|gaming|games|(?:\w+ )?apps?)\b|"
    r"cut(?:s|ting)? (?:myself|me|him|her|them) out of (?:the|a|that|this|my|our) (?:\w+ )?"
    r"(?:photos?|pictures?|pics?|videos?|shots?|frame|will|deal|group chat)\b|"
    r"burn(?:ed|t|ing|s)? (?:myself|me|yourself|himself|herself|themselves) out\b|"
    # someone who "will die when she hears / sees / finds out" (a reaction to news),
    r"(?:will|would|is going to|gonna|going to|is gonna) (?:literally |actually |absolutely |totally "
    r"|just |so |honestly )?die (?:when|once|if|as soon as) (?:he|she|they|you|we|my \w+|\w+) "
    r"(?:hears?|sees?|finds? out|reads?|learns?|gets? (?:here|this|it)|meets?|tastes?|tries|opens?|"
    r"watch\w*|notices?|realises?|realizes?)\b|"
    # the dead who would turn in their graves, and other graves that are no grave,
    r"(?:turn|turning|turned|turns|roll|rolling|rolled|rolls|spin|spinning|spun|spins) (?:over )?in "
    r"(?:his|her|their|my|your|its) graves?|(?:one|a) foot in the grave|from beyond the grave|grave "
    r"(?:shift|mistake|error|danger|concerns?|doubts|consequences|situation|risk|injustice|"
    r"reservations)|take (?:it|this|that|the secret|that secret|this secret) to (?:my|the|his|her|"
    r"their) grave|"
    # and a suicide that is a failed plan ("launching in january was commercial suicide")
    + FIGURATIVE_SUICIDE + ")"
)

# --- language detection -------------------------------------------------------------------

_STOP = {
    "en": "i the and to is my a you it of that in me this not want am have just so be do what".split(),
    "es": "el la en que de y no me quiero estoy muy pero con por para mi es una lo yo ya mas esta "
          "tengo todo nada vida hoy voy esta noche manana los las del porque se te".split(),
    "fr": "je le la les de et pas ne suis est un une mon moi que pour avec j c plus envie "
          "veux ma vie tout rien vais ce soir demain ai des du au se te tu il elle".split(),
    "de": "ich nicht und die der das ist mich mir ein eine zu mit bin habe will mehr nur "
          "mein meine heute leben nacht morgen um wieder auch es er sie wie den dem des zum zur "
          "auf nach noch schon hier jetzt kommt sehr aber oder wenn dass kein keine was wir du "
          "dich dir sind hat war".split(),
    "pt": "eu nao que de e um uma com para estou quero meu minha voce muito tudo mais vou "
          "me vida nada hoje amanha noite os as do da em se te".split(),
    "it": "io non che di e il la sono mi voglio per ho piu tutto niente vita oggi stasera "
          "domani ti si sul sulla nel nella gli dal dalla alla questo questa mio mia sto anche "
          "ancora nessuno cosa sara saro perche".split(),
    "hi": "main mujhe hai hoon hun nahi kya mera meri kar karna aur se ko ka ki ke ab bahut "
          "yaar raha rahi chahta chahti mein hu jeena".split(),
    # languages without a phrase table: recognised so that they are not read as English
    # (only words that are not also English or chat words)
    "tr": "bir bu ben beni bana benim sen cok gibi icin ama daha var yok artik diye sonra "
          "simdi degil".split(),
    "id": "aku saya kamu yang dari ini itu tidak nggak gak udah sudah ingin buat untuk dengan "
          "sama aja juga lagi punya".split(),
    "nl": "ik het een van niet dat zijn mijn wil heb ben maar meer niemand weet".split(),
    "pl": "nie sie jest ze jak mnie mi juz tak ale mam moja moj".split(),
    "tl": "ako ang ng mga sa ko mo siya hindi ito yung lang naman kasi po wala gusto akong "
          "ayoko talaga niya kami tayo sila nang".split(),
}
_STOP_SETS = {k: frozenset(v) for k, v in _STOP.items()}
# More English function words (none of them a word of another listed language), only used to
# keep a short English text with no stop word of any other language from being "undetermined"
# ("why are farmers at such high risk of suicide").
_EN_MORE = frozenset("why how who when where with were they she can does did if but or there their "
                     "from about such your our been should would could myself yourself himself "
                     "herself themselves off into than because".split())
# Words that are English too, or stop words of two listed languages: no evidence of a language.
_EN_WORDS = frozenset("a as me no so die was will in on an am do be is it to us man hat bin son also "
                      "see he she we fast rot arm gift kind sin con pie pan mist rat sole tag "
                      "more come dome".split())
_EN_ALL = _STOP_SETS["en"] | _EN_MORE
_SHARED_OTHER = frozenset(w for k, s in _STOP_SETS.items() if k != "en" for w in s)
_SHARED = _EN_WORDS | (_EN_ALL & _SHARED_OTHER)
_WEAK_LANGS = frozenset({"tr", "id", "nl", "pl", "tl"})
_SCRIPTS = [
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
]


def detect_language(norm: str) -> str:
    """Very small language guesser: a script check, then stop-word counts for Latin text.

    Returns an ISO 639-1 code (``en``, ``es``, ``fr``, ``de``, ``pt``, ``it``, ``hi``, ``zh``,
    ``ja``, ``ko``, ``ar``, ``ru``, ``he``, ``th``) or ``"und"`` when it cannot tell.
    """
    for code, reg in _SCRIPTS:
        if len(reg.findall(norm)) >= 1 and len(reg.findall(norm)) * 2 >= len(
            re.findall(r"[a-z]", norm)
        ) // 4:
            return code
    words = re.findall(r"[a-z]+", norm)
    if not words:
        return "und"
    # Eighth round: a word that is also English ("me", "no", "a", "die", "was", "will") counts
    # for no language, and an English stop word that is also another language's counts for
    # neither, so English text with a few ambiguous words stays English ("don't worry about me
    # after tonight" had been 'es'); one stop word in a long text is no language ("para" in
    # Tagalog): "und", the conservative path.
    scores = {k: sum(w in s and w not in _SHARED for w in words)
              for k, s in _STOP_SETS.items() if k != "en"}
    en_raw = sum(w in _STOP_SETS["en"] for w in words)
    en_all = en_raw + sum(w in _EN_MORE for w in words)
    en = sum(w in _EN_ALL and w not in _SHARED_OTHER and w not in _EN_WORDS for w in words)
    best = max(sorted(scores), key=lambda k: scores[k])
    if scores[best] == 0:
        if en_raw and len(words) >= 6 and en_all * 8 < len(words):
            return "und"  # almost no English function word: some other language
        return "en" if en_raw or en_all >= 2 else "und"
    if best in _WEAK_LANGS and en and scores[best] < 2:
        return "en"  # one shared short word is not enough for a language without a table
    if scores[best] > en or (scores[best] == en and en == 0):
        if en == 0 and len(words) >= 8 and scores[best] * 8 < len(words) \
                and en_all * 8 < len(words):
            return "und"  # a stop word or two in a long text: an unlisted language
        return best
    return "en"
