"""Text normalisation before matching: case, accents, contractions, slang, misspellings.

The output is lower-case, ASCII-folded for Latin letters (CJK, Arabic, Devanagari and
Cyrillic are kept), with contractions expanded ("don't" -> "do not", "im" -> "i am"),
chat slang mapped to plain words ("kms" -> "kill myself", "unalive" -> "kill",
"sewerslide" -> "suicide") and common misspellings of risk words corrected.
Everything here is a pure function of the input: no state, no randomness.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": " - "})

# Emoji that carry meaning for the check.
_EMOJI = {
    "💀": " lol ", "😂": " lol ", "🤣": " lol ", "😹": " lol ", "😆": " lol ", "🙃": " ",
    "🔫": " gun ", "💊": " pills ", "🔪": " knife ", "🪢": " rope ", "⚰️": " coffin ",
    "⚰": " coffin ", "🩸": " blood ",
}
_EMOJI_RE = re.compile("|".join(map(re.escape, sorted(_EMOJI, key=len, reverse=True))))

_LEET = str.maketrans({"1": "i", "3": "e", "4": "a", "0": "o", "5": "s", "7": "t", "$": "s",
                       "@": "a", "!": "i", "|": "l"})
_LEET_TOKEN = re.compile(r"(?<![\w$@!|])(?=[\w$@!|]*[a-z])(?=[\w$@!|]*[\d$@!|])[\w$@!|]{3,}")

# Phrase-level replacements, applied in order on word boundaries.
_PHRASES: list[tuple[str, str]] = [
    (r"kmsl", "laughing"),
    (r"kms+", "kill myself"),
    (r"kys", "kill yourself"),
    (r"ctb", "suicide"),
    (r"sewer ?-?slide|sewer ?side|suicide ?slide|sui ?slide|sudoku|toaster bath", "suicide"),
    (r"self[ -]?delet(e|ing|ed)|delete myself", "kill myself"),
    (r"self[ -]?terminat(?:e|ion|ing)", "suicide"),
    (r"unaliv(e|ing|ed) my ?self", lambda m: "kill" + {"e": "", "ing": "ing", "ed": "ed"}[m.group(1)]
     + " myself"),
    (r"unalive(?! (?:him|her|them|you|people|someone|somebody|everyone|my \w+))", "kill myself"),
    (r"unaliv(e|ing|ed)", lambda m: "kill" + {"e": "", "ing": "ing", "ed": "ed"}[m.group(1)]),
    (r"kil+ ?my ?sel[fv]e?|kil+my ?self|kill my self|kil+ mysel[fv]|kill meself", "kill myself"),
    (r"my ?sle?f|my sef|mysef|myselft?|myslef|mysefl|meself|my self", "myself"),
    (r"self[- ]?harm(ing|ed|s)?|selfharm(ing|ed)?", "selfharm"),
    (r"self[- ]?injur(y|ing|ed|ies)", "selfharm"),
    (r"o\.?d\.?'?(ing|ed|d|'d)", "overdosed"),
    (r"o\.d\.|od(?=\s+(on|tonight|today|again|now))", "overdose"),
    (r"wanna|wana|wnna|wnana|wanan|wannna|wannaa|wanaa|wnaa", "want to"),
    (r"wan(?= to\b)", "want"),
    (r"wnat|wnt|whant", "want"),
    (r"(want to|wanna|going to|gonna|wish i could|just|ready to|i could|let me) dye(?! (?:my|her|"
     r"his|the|it|hair|clothes|fabric|shirts?|eggs|wool|yarn))", lambda m: m.group(1) + " die"),
    (r"(want|going|need|ready|wanna) 2(?= [a-z])", lambda m: m.group(1) + " to"),
    (r"thinkin|thinkn", "thinking"), (r"feelin", "feeling"), (r"goin", "going"),
    (r"tryin", "trying"), (r"cuttin", "cutting"), (r"dyin", "dying"),
    (r"gonna|gona|gunna|finna", "going to"),
    (r"gotta", "got to"),
    (r"i'?m|ima|i'?mma|imma", "i am"),
    (r"i'?ve", "i have"),
    (r"i'll", "i will"),
    (r"i'd", "i would"),
    (r"(can'?t|cannot)", "can not"),
    (r"won'?t", "will not"),
    (r"(do|does|did|is|are|was|were|would|could|should|have|has|had|must|need|ai)n'?t",
     lambda m: m.group(1) + " not"),
    (r"(he|she|it|who|there)'s(?= (?:taken|been|got|gone|done|had|made|left|tried|swallowed))",
     lambda m: m.group(1) + " has"),
    (r"(it|that|there|what|he|she|who|life)'s", lambda m: m.group(1) + " is"),
    (r"(you|we|they)'re", lambda m: m.group(1) + " are"),
    (r"(you|we|they)'ll", lambda m: m.group(1) + " will"),
    (r"(you|we|they|it|that|there|he|she)'d", lambda m: m.group(1) + " would"),
    (r"(he|she|they)'ll", lambda m: m.group(1) + " will"),
    (r"u", "you"),
    (r"ur", "your"),
    (r"r(?= (you|u)\b)", "are"),
    (r"rn", "right now"),
    (r"tn|tonite|2nite|2night|toniht|tonihgt", "tonight"),
    (r"tmrw|tmr|tmrow|2moro|2morrow|tomorow|tommorow|tommorrow", "tomorrow"),
    (r"bc|cuz|coz|bcuz|becuz", "because"),
    (r"idk", "i do not know"),
    (r"idc", "i do not care"),
    (r"ppl", "people"),
    (r"pls|plz", "please"),
    (r"ded|deded|dieded", "dead"),
    (r"sh(?= (urges?|again|scars?|cuts?|wounds?|relapse|free|clean)\b)|(?:(?<=\bon )|(?<=\bmy )|"
         r"(?<=\bfrom )|(?<=\bwith )|(?<=\bto ))sh",
     "selfharm"),
    (r"pils|pillz|piils", "pills"),
    (r"ngl", "not going to lie"),
    (r"tbh|fr fr|fr|no cap|frfr", " "),
]
_PHRASE_RES = [(re.compile(r"(?<![\w'])(?:" + p + r")(?![\w'])"), r) for p, r in _PHRASES]

# Distinctive risk words whose misspellings are corrected: edit distance 1, or 2 for the
# longest ones. Common short words ("kill", "die", "cut") are too close to ordinary words
# ("kiln", "diet", "cat"), so only explicit misspellings of those are listed.
_RISK_WORDS = ("suicide", "suicidal", "overdose", "overdosed", "overdosing", "myself",
               "selfharm", "themselves", "herself", "himself")
_DISTANCE2 = ("suicide", "suicidal", "overdose", "overdosing", "selfharm")
_NOT_TYPOS = frozenset("overdoes itself yourself thyself ourself".split())
_EXPLICIT_TYPOS = {
    "kil": "kill", "kll": "kill", "kiil": "kill", "klil": "kill", "killin": "killing",
    "kilin": "killing", "kiling": "killing", "diee": "die", "dieing": "dying", "dyin": "dying",
    "cutt": "cut", "cuting": "cutting", "cutin": "cutting", "hangin": "hanging",
    "hang myslef": "hang myself", "suicde": "suicide", "sucide": "suicide",
    "suiside": "suicide", "suicid": "suicide", "suicida": "suicide", "sucidal": "suicidal",
    "suicidle": "suicidal", "suisidal": "suicidal", "suicdal": "suicidal", "pils": "pills",
    "overdoze": "overdose", "lyfe": "life", "lief": "life", "liife": "life", "lfe": "life",
    "ovrdose": "overdose", "wrsits": "wrists", "wirsts": "wrists",
}


_LEET_TARGETS = frozenset(_RISK_WORDS + ("kill", "killing", "die", "dying", "dead", "death",
                                         "cut", "cutting", "hang", "hanging", "pills", "kms"))


def _edits1(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return deletes | transposes | replaces | inserts


@lru_cache(maxsize=1)
def _typo_table() -> dict[str, str]:
    table: dict[str, str] = {}
    # Pass 1: edit distance 1 (ties go to the word of the same length); pass 2: distance 2.
    for word in sorted(_RISK_WORDS, key=len, reverse=True):
        for typo in _edits1(word):
            if typo in _NOT_TYPOS or typo in _RISK_WORDS:
                continue
            old = table.get(typo)
            if old is None or (len(word) == len(typo) and len(old) != len(typo)):
                table[typo] = word
    for word in _DISTANCE2:
        for typo in {e2 for e1 in _edits1(word) for e2 in _edits1(e1) if len(e2) >= 6}:
            if typo not in _NOT_TYPOS and typo not in _RISK_WORDS:
                table.setdefault(typo, word)
    table.update(_EXPLICIT_TYPOS)
    return table


_REPEAT = re.compile(r"([a-z])\1{2,}")
_WORD = re.compile(r"[a-z]+")
_STAR_WORD = re.compile(r"\b[a-z]*[*#.][a-z*#.]*[a-z]\b|\b[a-z]+[*#]\b")
_STAR_TARGETS = ("suicide", "suicidal", "kill", "myself", "die", "dead", "death", "overdose",
                 "cut", "cutting", "selfharm", "hang", "hanging")


def _fold_accents(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue  # drop accents on Latin letters only; keep Devanagari/Arabic marks
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _unstar(match: re.Match[str]) -> str:
    token = match.group(0)
    acronym = re.fullmatch(r"(?:[a-z]\.)+[a-z]\.?", token)
    if "." in token and not any(c in token for c in "*#") and not acronym:
        return token  # ordinary "end.of.sentence" style dots
    pattern = re.compile("^" + re.sub(r"[*#]", "[a-z]{0,2}", token.replace(".", "")) + "$")
    for target in _STAR_TARGETS:
        if pattern.match(target):
            return target
    return token.replace(".", "") if "." in token else token


def _unleet(match: re.Match[str]) -> str:
    token = match.group(0)
    plain = token.translate(_LEET)
    for cand in (plain, _REPEAT.sub(r"\1\1", plain)):
        if cand in _LEET_TARGETS or cand in _typo_table():
            return cand
    return token


def _fix_typo(match: re.Match[str]) -> str:
    word = match.group(0)
    return _typo_table().get(word, word)


@lru_cache(maxsize=4096)
def normalize_light(text: str) -> str:
    """Case, Unicode form, quotes, emoji and accents only (used for other languages)."""
    t = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).translate(_QUOTES)
    t = _EMOJI_RE.sub(lambda m: _EMOJI[m.group(0)], t)
    return re.sub(r"[ \t]+", " ", _fold_accents(t.lower())).strip()


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Normalise English ``text`` for matching (see module docstring). Cached; pure."""
    t = normalize_light(text)
    t = _LEET_TOKEN.sub(_unleet, t)
    t = re.sub(r"\b(?:[a-z] ){3,}[a-z]\b", lambda m: m.group(0).replace(" ", ""), t)  # k i l l
    t = re.sub(r"\b(?:[a-z]-){3,}[a-z]\b", lambda m: m.group(0).replace("-", ""), t)
    t = _STAR_WORD.sub(_unstar, t)
    t = _REPEAT.sub(r"\1\1", t)
    t = _WORD.sub(_fix_typo, t)
    for regex, repl in _PHRASE_RES:
        t = regex.sub(repl, t)
    t = _WORD.sub(_fix_typo, t)
    t = _restore_subject(t)
    return re.sub(r"[ \t]+", " ", t).strip()


# Chat drops the subject ("took all my pills", "thinking about suicide", "been cutting
# again"); the rules are written for "i took...", "i am thinking...". At the start of a
# sentence (or after a comma, for past-tense verbs only) the implied "i" is put back.
_ADV = r"(?:(?:just|already|literally|finally|honestly|really|kinda|kind of|basically|sometimes|" \
       r"seriously|lowkey|actually|still|also|so|and|ok|okay|anyway|ugh|lol|well) )*"
_PAST = (r"took|swallowed|downed|drank|ate|chugged|popped|injected|shot up|mixed|overdosed|"
         r"cut|slit|burned|burnt|hit|punched|scratched|carved|tried|attempted|bought|ordered|"
         r"got|wrote|gave|left|set|picked|chose|decided|planned|tied|hung|loaded|saved|"
         r"stockpiled|counted|hid|deleted|said|sent|relapsed|started|made|updated|cleaned|"
         r"paid|found|researched|googled|looked up|filled|lined up|emptied|finished")
_PRESENT = r"want|wanna|wish|hate|need|feel|keep|can not|do not|cannot|plan|intend|have"
_GERUND = r"thinking|feeling|planning|wanting|going|getting|starting|trying|considering|" \
          r"cutting|hurting|struggling|fantasi[sz]ing|googling|researching|sitting|standing"
_SUBJECT_RE = re.compile(
    rf"(^|[.!?\n;]\s*|\s-\s)({_ADV})(?:({_PAST})|({_PRESENT})|({_GERUND})|(been))\b"
    rf"|(,\s*)({_ADV})({_PAST})\b(?= (?:my|all|a|the|some|every|too|way|it|them|\d))")


def _subject(m: re.Match[str]) -> str:
    if m.group(7) is not None:  # ", took all my ..."
        return f"{m.group(7)}i {m.group(8)}{m.group(9)}"
    lead, adv = m.group(1), m.group(2)
    if m.group(3) or m.group(4):
        return f"{lead}i {adv}{m.group(3) or m.group(4)}"
    if m.group(5):
        return f"{lead}i am {adv}{m.group(5)}"
    return f"{lead}i have {adv}been"


def _restore_subject(t: str) -> str:
    return _SUBJECT_RE.sub(_subject, t)


_SENTENCE_SPLIT = re.compile(r"(?:[.!?\n]+|[。！？؟])")
_CLAUSE_SPLIT = re.compile(
    r"(?:[.!?;,\n]+|\s+-\s+|,?\s+\bbut\b\s+|,?\s+\bhowever\b,?\s+|,?\s+\bthough\b\s+|"
    r",?\s+\balthough\b\s+|,?\s+\byet\b\s+|[。！？؟،])"
)


@lru_cache(maxsize=512)
def sentences(norm: str) -> tuple[tuple[int, str], ...]:
    """Split normalised text into sentences; returns ``(start_offset, sentence)`` pairs
    (cached: the layer asks for the sentences of one message many times)."""
    return tuple(_split(norm, _SENTENCE_SPLIT))


@lru_cache(maxsize=512)
def clauses(norm: str) -> tuple[tuple[int, str], ...]:
    """Split normalised text into clauses; returns ``(start_offset, clause)`` pairs."""
    return tuple(_split(norm, _CLAUSE_SPLIT))


def _split(norm: str, regex: re.Pattern[str]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for m in list(regex.finditer(norm)) + [None]:
        end = m.start() if m is not None else len(norm)
        lead = len(norm[pos:end]) - len(norm[pos:end].lstrip())
        if end > pos + lead:
            out.append((pos + lead, norm[pos + lead:end]))
        if m is not None:
            pos = m.end()
    return out
