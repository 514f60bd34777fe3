"""Rule engine: runs the pattern tables on normalised text and handles negation and idioms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import ml_denial, ml_families
from . import multilingual as ml
from . import patterns as P
from .lexicon import ANNOYED, IDIOM, LAUGH, SUICIDE_IDIOM
from .normalize import sentences

LEVELS = ("none", "low", "moderate", "high")
LEVEL_RANK = {name: i for i, name in enumerate(LEVELS)}

# "zero" negates only a thought, plan or intention ("zero plans to end my life", "i have zero
# thoughts of hurting myself"), not a state ("zero hope").
_NEG_CUE = re.compile(r"\b(?:not|never|no|nor|neither|without|nothing|none|nobody is)\b|"
                      r"\bzero (?:\w+ )?(?:intentions?|plans?|desire|thoughts?|urges?|wish|"
                      r"interest)(?: (?:of|to|about|in))?\s*$|\bzero\s*$")
_PSEUDO_NEG = re.compile(
    r"\b(?:not going to lie|can not (?:stop|help|sleep|take|wait)|could not (?:stop|help|sleep|wait)|"
    r"not sure|do not know|no one|nobody|no longer|not anymore|not only|no matter|"
    r"never thought (?:i would|i could|i will|i had|i was|i am|it would|that|this|the day|of "
    r"myself as)|never felt|never been|not even|not (?:okay|ok|fine|well|good|alright|great)|"
    r"not doing (?:well|ok|okay|good|great)|no reason|no point|nothing left|nothing to live|"
    r"no will|not worth|no way out|not safe|no hope|not coping|do not care|not have any friends|"
    r"never (?:again|ends?|stops?|gets? better)|not stop|nothing (?:helps|works|matters)|"
    r"can not (?:do this|go on|take it|cope|handle|keep)|do not see|(?:struggling|trying|"
    r"fighting|working hard|trying hard|doing my best|hard) not to|not to (?:relapse|give in))\b"
)
# Negation inside a matched span only counts when it governs the verb directly.
_INNER_NEG = re.compile(
    r"\b(?:not|never) (?:going to|gonna|planning|plan|want(?:ing)? to|thinking|considering|"
    r"about to|ready to|intend\w* to|decided to|try(?:ing)? to|tried to|really|at all)|"
    r"\b(?:am|is|was|are|were|feel|felt) not\b|\b(?:will|would|could)"
    r" never\b|\b(?:no|zero) (?:intention|plans?|desire|thoughts?|urges?)\b|\bwould not\b|"
    r"\bnever (?:had|have|ever|once)\b|"
    r"\b(?:will|do|did|does) not (?:kill|hurt|harm|end|take|do|want|plan|intend|think|cut|"
    r"try|attempt)|\bnever (?:kill|hurt|harm|end|take|do|cut|tried|attempted)"
)
_POST_NEG = re.compile(
    r"^[^.]{0,25}?\b(?:never|not|no longer)\b (?:\w+ )?(?:crossed|been|an option|something|on "
    r"(?:my|the) (?:mind|table)|happen\w*|a thing|for me|the answer|what i want)|"
    # "suicidal? no" is a denial; "yes i am suicidal, no i do not have a plan" answers a
    # second question with a clause of its own
    r"^\W*(?:no|nope)\b(?!,? (?:i|it|they|he|she|we|but|plan)\b)"
)


@dataclass(frozen=True)
class Hit:
    rule: str
    category: str
    level: str
    text: str
    start: int
    negated: bool = False
    noun_only: bool = False


_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:but|however|though|although|yet)\s|\s(?:and|so|because|"
                           r"then|when|while|since|after|until)\s(?=(?:he|she|they|i|we|you|my "
                           r"\w+|his|her|their|someone|somebody)\b)")


# A negated verb, then a new subject with a verb of its own and no conjunction ("if there is
# anything he did not approve he takes my keys and locks me in"): the negation stays with the
# first verb. Verbs of saying and thinking keep it ("i do not think he will hurt me").
_NEW_SUBJECT = re.compile(r"^\s*(?:(?!think|thought|believe|know|say|said|mean|expect|guess|"
                          r"suppose|feel|felt|see|want|wish|hope|imagine|that|if|whether)\w+)"
                          r"(?: \w+)?? (?:he|she|they) (?!will\b|would\b|is going\b)\w+")


def _negated(clause: str, start: int, end: int) -> bool:
    """True when a negation cue governs the span ``clause[start:end]``.

    The cue must be in the same comma/"but" clause, within 8 words before the span, or
    inside the span right before its verb, or right after it ("suicide has never...").
    """
    head = clause[max(0, start - 60):start]
    # breaks are found with what follows (a new subject after "and"), but only those that
    # lie before the span count
    breaks = [m for m in _CLAUSE_BREAK.finditer(clause[max(0, start - 60):end])
              if m.end() <= len(head)]
    if breaks:
        head = head[breaks[-1].end():]
    before = _PSEUDO_NEG.sub(" ", head)
    window = " ".join(before.split()[-8:])
    cues = list(_NEG_CUE.finditer(window))
    if cues and not _NEW_SUBJECT.search(window[cues[-1].end():] + " " + clause[start:end]):
        return True
    if _INNER_NEG.search(_PSEUDO_NEG.sub(" ", clause[start:end])):
        return True
    return bool(_POST_NEG.search(clause[end:end + 60]))


def scan(norm: str) -> list[Hit]:
    """All English rule hits in ``norm`` (already normalised), with negation marked."""
    hits: list[Hit] = []
    idiom_spans = [m.span() for m in IDIOM.finditer(norm)]
    units = sentences(norm)
    for name, cat, level, regex, negatable in P.COMPILED:
        if name not in P.MESSAGE_LEVEL:
            continue
        for m in regex.finditer(norm):
            s, e = m.start(), m.end()
            if any(a <= s < b or a < e <= b for a, b in idiom_spans):
                continue
            sent_start = max(norm.rfind(c, 0, s) for c in ".!?\n") + 1
            neg = negatable and _negated(norm[sent_start:], s - sent_start, e - sent_start)
            hits.append(Hit(name, cat, level, m.group(0).strip(), s, neg))
    for offset, sentence in units:
        for name, cat, level, regex, negatable in P.COMPILED:
            if name in P.MESSAGE_LEVEL:
                continue
            need = P.NEEDS.get(name)
            if need is not None and not need.search(sentence):
                continue
            for m in regex.finditer(sentence):
                s, e = m.start() + offset, m.end() + offset
                if any(a <= s < b or a < e <= b for a, b in idiom_spans):
                    continue  # inside an idiom ("killing it", "dying to see")
                neg = negatable and _negated(sentence, m.start(), m.end())
                pre = P.PRE_NEGATED.get(name)
                if pre is not None and pre.search(sentence[max(0, m.start() - 24):m.start()]):
                    neg = True
                hits.append(Hit(name, cat, level, m.group(0).strip(), s, neg))
    return hits


def _blank_idioms(text: str) -> str:
    """Blank out figurative phrases, keeping offsets."""
    blank = ml.IDIOMS.sub(lambda m: " " * len(m.group(0)), text)
    # English idioms of a figurative suicide in a message of undetermined language
    return SUICIDE_IDIOM.sub(lambda m: " " * len(m.group(0)), blank)


def _words_before(text: str, pos: int, n: int) -> str:
    """About ``n`` characters before ``pos``, starting at a word boundary (a slice that begins
    inside "meine" must not leave a bare "ne" that reads as a French negation)."""
    start = max(0, pos - n)
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        while start < pos and text[start].isalnum() and text[start].isascii():
            start += 1
    return text[start:pos]


# Negation of a non-English phrase or weak word. Latin script: a negator right before it in the
# same clause, or an unambiguous one up to four words back ("no estoy pensando en hacerme
# dano", "je ne vais pas me couper"), where a comma or a conjunction ends a clause ("no puedo
# mas y me corto" is not negated) and pseudo-negations ("no aguanto", "nicht mehr", "ya no")
# are no negators; German "nicht" inside
# the phrase ("ich will nicht sterben"); Hindi "nahi" right after it ("khud ko hurt nahi
# karunga"); Chinese a negator governing the verb ("我没有想伤害自己", "我不会..."); Arabic
# لا/لن/لم right before it.
_ML_NEG_ANY = r"no|ne|pas|nicht|nao|non|nahi|nahin|nunca|jamais|nie|keine?|kein"
# Negators by language: Portuguese "no"/"na" are "in the" ("escreveu no caderno"), Hindi "ne" a
# case marker; a message of unknown language gets all of them.
_ML_NEG = {lang: re.compile(rf"\b(?:{words}|never|not)\b") for lang, words in {
    "es": r"no|nunca|jamas|tampoco", "pt": r"nao|nunca|jamais|nem",
    "fr": r"ne|pas|jamais|non", "de": r"nicht|nie|niemals|keine?|kein",
    "it": r"non|mai", "hi": r"nahi|nahin|mat", "any": _ML_NEG_ANY}.items()}
# Further back (up to four words), only negators that cannot be anything else, and Spanish "no"
# before a verb or a pronoun ("no estoy pensando en hacerme dano"), not before a noun.
_ML_NEG_WIDE = re.compile(r"\b(?:nao|nunca|jamais|jamas|nicht|nie|niemals|kein\w*|non|pas|nem|"
                          r"tampoco|nahi|nahin|never|not)\b|\bno (?:(?:me|te|se|lo|la|le|les|nos|"
                          r"os) )?(?:estoy|estaba|voy|iba|quiero|queria|pienso|pensaba|planeo|"
                          r"pretendo|tengo|tenia|he|habia|hare|haria|hago|hice|soy|creo|siento|"
                          r"deseo|intento|puedo|podria|debo|deberia|necesito|ando|suelo|volvere|"
                          r"vuelvo|considero|me|te|se|lo|la|le|nos)\b")
_ML_CLAUSE = re.compile(r"[.,;:!?¿¡\n]|\s(?:y|e|et|und|and|pero|mais|aber|mas|ma|but|lekin|par|"
                        r"aur|porque|parce que|weil|because|bas|sino|sondern)\s")
_ML_PSEUDO_NEG = re.compile(r"\b(?:no|nao) (?:aguanto|aguento|puedo|consigo|soporto|se|sei|hay|"
                            r"ha|tengo (?:a )?nadie|tenho ninguem|le importo|importa)\b|"
                            r"\b(?:ya|ja) no\b|\bn'en peux plus\b|\bne sais pas\b|"
                            r"\bnicht mehr\b|\bkeine (?:lust|kraft|hoffnung)\b|\bkein (?:sinn|"
                            r"ausweg)\b|\bno (?:one|longer)\b")
_ZH_NEG = re.compile(r"(?:不|没|沒|别|別|未|勿|从未|從未|唔係|唔)(?:有)?(?:想过|想過|想要|想|要|会|會|打算|"
                     r"准备|準備|在|过|過|再|敢)?$")
_POST_NAHI = re.compile(r"\s+(?:nahi|nahin|nai|mat)\b")
_LIFE_WORD = re.compile(r"\b(?:jeena|jeene|jee|zinda|jina|jine)\b")
_NEG_BEFORE = re.compile(ml_families.NEG_BEFORE)
_NEG_AFTER = re.compile(ml_families.NEG_AFTER)
_HYPERBOLE_TURN = re.compile(ml_families.HYPERBOLE_TURN)


def _ml_negated(text: str, start: int, end: int, lang: str = "any") -> bool:
    """True when a negation governs the non-English phrase or weak word ``text[start:end]``."""
    before = _words_before(text, start, 48)
    cut = [m.end() for m in _ML_CLAUSE.finditer(before)]
    clause = _ML_PSEUDO_NEG.sub(" ", before[cut[-1]:] if cut else before)
    if _ML_NEG.get(lang, _ML_NEG["any"]).search(_words_before(clause, len(clause), 16)) \
            or _ML_NEG_WIDE.search(" ".join(clause.split()[-4:])):
        return True
    span = text[start:end]
    if re.search(r"\b(?:nicht|kein\w*)\b(?! mehr)", span) and not ml.NEGATED_LIFE.fullmatch(span):
        return True
    if _POST_NAHI.match(text, end) and not _LIFE_WORD.search(span):
        return True
    if _NEG_BEFORE.search(clause) or _NEG_AFTER.search(text[end:end + 40]):
        return True  # seventeenth round: negation in more languages
    tail = re.split(r"[。，、！？,.!?;\s]", before)[-1]
    if _ZH_NEG.search(tail) and not re.search(r"(\w)[不没沒]\1$", tail):  # "会不会": a question
        return True
    if re.search(r"(?:لا|لن|لم)\s*$", before):
        return True
    # forty-ninth round: "not X, just Y" in any language ("nisam suicidna, samo sam umorna")
    return not ml.NEGATED_LIFE.fullmatch(span) and not ml.ML_DISTRESS.search(text) \
        and ml_denial.denied(text, start, end, ml.WEAK)


def scan_multilingual(norm: str, msg_lang: str = "any") -> list[Hit]:
    """Hits of the non-English phrase table (``multilingual.py``) in lightly normalised text;
    ``msg_lang``, the detected language of the message, picks the negation words (one phrase
    such as "suicid..." is in several tables)."""
    text = _blank_idioms(norm)
    hits = _scan_ml_text(text, msg_lang)
    folded = ml.morph(text)  # eighth round: zu-infinitives, enclitic pronouns
    if folded != text:
        seen = {(h.rule, h.category) for h in hits}
        hits += [h for h in _scan_ml_text(folded, msg_lang) if (h.rule, h.category) not in seen]
    return hits


def _scan_ml_text(text: str, msg_lang: str) -> list[Hit]:
    hits: list[Hit] = []
    spans = ml.lookalike_spans(text)
    for lang, cat, level, regex, noun in ml.COMPILED:
        for m in regex.finditer(text):
            if ml.in_spans(spans, m.start(), m.end()):
                continue  # "me corto el flequillo": an everyday look-alike
            before = _words_before(text, m.start(), 16)
            neg = _ml_negated(text, m.start(), m.end(), msg_lang) and level != "high"
            if lang in ("es", "pt") and re.match(r"no quiero|nao quero|no aguanto|no puedo",
                                                 m.group(0)):
                neg = False
            if lang == "fr" and re.search(r"\bplus\b", before + " " + m.group(0)):
                neg = False  # "ne ... plus": no longer, the risk itself
            if ml.ordinary_farewell(text, m.start(), m.end()):
                continue  # a farewell letter to a colleague who moves away
            if cat in ("suicidal", "self_harm", "harm_to_others") and _ml_hyperbole(text, m.start()):
                continue  # "vou me jogar da ponte se o Flamengo perder kkkk"
            if cat == "harm_to_others" and _ml_joking_threat(text, m.start()):
                continue  # "ha mangiato la mia pizza, lo ammazzo 😂" (as in English, no weapon)
            hits.append(Hit(f"{lang}:phrase", cat, level, m.group(0), m.start(), neg, noun))
    return hits


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence (Latin or CJK punctuation) around ``text[start:end]``."""
    first = max(text.rfind(c, 0, start) for c in ".!?\n。！？") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n。！？") if i != -1]
    return first, min(ends) if ends else len(text)


_WEAPON = re.compile(ml_families.WEAPON)


def _ml_joking_threat(text: str, pos: int) -> bool:
    """Forty-third round: laughter or an annoyed face in the sentence of a threat to another
    person, with no weapon in the message (the English rules read "i'll kill him lol" and
    "i'll kill him 😤" the same way)."""
    start, end = _sentence_span(text, pos, pos)
    sentence = text[start:end + 6]  # and a face just after its "!"
    return bool((ml.LAUGH_ANY.search(sentence) or ANNOYED.search(sentence))
                and not _WEAPON.search(text))


def _ml_hyperbole(text: str, pos: int) -> bool:
    """Laughter in the sentence at ``pos`` together with a condition or a "joke" word."""
    start, end = _sentence_span(text, pos, pos)
    sentence = text[start:end]
    return bool(ml.LAUGH_ANY.search(sentence) and _HYPERBOLE_TURN.search(sentence))


def weak_non_english(norm: str, lang: str = "any") -> str | None:
    """The first weak risk word (e.g. "muerte", "死") outside figurative phrases and not under
    a negation ("je ne veux pas mourir", "我不想死"), if any. ``lang``: the detected language
    (it picks the negation words)."""
    text = ml.morph(_blank_idioms(norm))
    spans = ml.lookalike_spans(text)
    for m in ml.WEAK.finditer(text):
        if ml.in_spans(spans, m.start(), m.end()):
            continue  # "Tabletten gegen Kopfschmerzen": an everyday look-alike
        if ml.ordinary_farewell(text, m.start(), m.end()):
            continue  # "carta de despedida para mi compañera que se jubila"
        if _ml_negated(text, m.start(), m.end(), lang) \
                or re.search(r"(?:لا|لن|لم)\s*\S*\s*$", _words_before(text, m.start(), 24)):
            continue
        start, end = _sentence_span(text, m.start(), m.end())
        sentence = text[start:end]
        if ml.LAUGH_ANY.search(sentence):
            continue  # "je meurs 😂": laughter in the same sentence
        prev = text[max(0, start - 120):start]  # the game may be named just before
        if (ml.GAME_CONTEXT.search(sentence) or ml.GAME_CONTEXT.search(prev)) \
                and ml.WEAK_DEATH.fullmatch(m.group(0)):
            continue  # "je meurs à chaque fois contre le boss": a game character dies
        return m.group(0)
    height = ml.HEIGHT_Q.search(text)
    return height.group(0) if height and ml.ML_DISTRESS.search(text) else None


def ml_lookalike(norm: str) -> str | None:
    """Why an other-language message reads as an everyday look-alike of a crisis phrase, if it
    does: a risk word explained as an idiom ("mein Handy ist tot"), laughter beside a risk
    word, or an everyday use of a crisis phrase's words (``multilingual.LOOKALIKE``: "me voy
    a cortar el pelo")."""
    raw = ml.morph(norm)
    if ml.WEAK.search(raw):
        if not ml.WEAK.search(ml.morph(_blank_idioms(norm))):
            return "idiom"
        if ml.LAUGH_ANY.search(norm):
            return "laughter"
    return ml.lookalike(norm)


def is_figurative(norm: str) -> bool:
    """Hyperbole such as "if I have to sit through one more meeting I'll die lol"."""
    return bool((LAUGH.search(norm) or "\U0001F62D" in norm) and P.TRIVIAL.search(norm))


def max_level(levels: list[str]) -> str:
    return max(levels, key=LEVEL_RANK.__getitem__, default="none")
