"""Rule engine: runs the pattern tables on normalised text and handles negation and idioms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import multilingual as ml
from . import patterns as P
from .lexicon import IDIOM, LAUGH
from .normalize import sentences

LEVELS = ("none", "low", "moderate", "high")
LEVEL_RANK = {name: i for i, name in enumerate(LEVELS)}

_NEG_CUE = re.compile(r"\b(?:not|never|no|nor|neither|without|nothing|none|nobody is)\b")
_PSEUDO_NEG = re.compile(
    r"\b(?:not going to lie|can not (?:stop|help|sleep|take)|could not (?:stop|help|sleep)|"
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
    r" never\b|\bno (?:intention|plans?|desire|thoughts?|urges?)\b|\bwould not\b|"
    r"\bnever (?:had|have|ever|once)\b|"
    r"\b(?:will|do|did|does) not (?:kill|hurt|harm|end|take|do|want|plan|intend|think|cut|"
    r"try|attempt)|\bnever (?:kill|hurt|harm|end|take|do|cut|tried|attempted)"
)
_POST_NEG = re.compile(
    r"^[^.]{0,25}?\b(?:never|not|no longer)\b (?:\w+ )?(?:crossed|been|an option|something|on "
    r"(?:my|the) (?:mind|table)|happen\w*|a thing|for me|the answer|what i want)|"
    r"^\W*(?:no|nope)\b"
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
    if _NEG_CUE.search(window):
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
                if pre is not None and pre.search(sentence[max(0, m.start() - 12):m.start()]):
                    neg = True
                hits.append(Hit(name, cat, level, m.group(0).strip(), s, neg))
    return hits


def _blank_idioms(text: str) -> str:
    """Blank out figurative phrases, keeping offsets."""
    return ml.IDIOMS.sub(lambda m: " " * len(m.group(0)), text)


def _words_before(text: str, pos: int, n: int) -> str:
    """About ``n`` characters before ``pos``, starting at a word boundary (a slice that begins
    inside "meine" must not leave a bare "ne" that reads as a French negation)."""
    start = max(0, pos - n)
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        while start < pos and text[start].isalnum() and text[start].isascii():
            start += 1
    return text[start:pos]


def scan_multilingual(norm: str) -> list[Hit]:
    """Hits of the non-English phrase table (``multilingual.py``) in lightly normalised text."""
    hits: list[Hit] = []
    text = _blank_idioms(norm)
    for lang, cat, level, regex, noun in ml.COMPILED:
        for m in regex.finditer(text):
            before = _words_before(text, m.start(), 16)
            neg = (bool(re.search(r"\b(?:no|ne|pas|nicht|nao|non|nahi|nunca|jamais|nie|keine?|"
                                  r"never|not)\b", before))
                   or before[-1:] in ("不", "没", "別", "别") or before[-2:] in ("不想", "不要", "没有")
                   or bool(re.search(r"لا\s*$|لن\s*$|لم\s*$", before))) and level != "high"
            if lang in ("es", "pt") and re.match(r"no quiero|nao quero|no aguanto|no puedo",
                                                 m.group(0)):
                neg = False
            if lang == "fr" and re.search(r"\bplus\b", before + " " + m.group(0)):
                neg = False  # "ne ... plus": no longer, the risk itself
            hits.append(Hit(f"{lang}:phrase", cat, level, m.group(0), m.start(), neg, noun))
    return hits


_WEAK_NEG = re.compile(r"(?:\b(?:no|ne|pas|nicht|nao|non|nahi|nunca|jamais|nie|keine?|kein)\b"
                       r"[^.,;!?]{0,20}$|(?:不|没|別|别|不想|不要|没有)$|(?:لا|لن|لم)\s*\S*\s*$)")


def weak_non_english(norm: str) -> str | None:
    """The first weak risk word (e.g. "muerte", "死") outside figurative phrases and not under
    a negation ("je ne veux pas mourir", "我不想死"), if any."""
    text = _blank_idioms(norm)
    for m in ml.WEAK.finditer(text):
        if _WEAK_NEG.search(_words_before(text, m.start(), 24)):
            continue
        start = max(text.rfind(c, 0, m.start()) for c in ".!?\n。！？") + 1
        ends = [i for i in (text.find(c, m.end()) for c in ".!?\n。！？") if i != -1]
        if ml.LAUGH_ANY.search(text[start:min(ends) if ends else len(text)]):
            continue  # "je meurs 😂": laughter in the same sentence
        return m.group(0)
    return None


def is_figurative(norm: str) -> bool:
    """Hyperbole such as "if I have to sit through one more meeting I'll die lol"."""
    return bool((LAUGH.search(norm) or "\U0001F62D" in norm) and P.TRIVIAL.search(norm))


def max_level(levels: list[str]) -> str:
    return max(levels, key=LEVEL_RANK.__getitem__, default="none")
