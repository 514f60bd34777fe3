"""Forty-ninth round: "not X, just Y" in other languages (docs/safety.md).

Every writer of our red-team sets denies a risk the way people do: "nisam suicidna, samo sam
umorna", "ik ben niet suïcidaal hoor, gewoon moe", "我冇諗過傷害自己，只係好攰", "ba na son kashe
kaina, kawai na gaji ne". The negation tables of ``rules.py`` know a few languages; this frame
knows the shape instead: a negator in the risk word's own clause (a few words before it, or
just after it where the language puts "not" after the verb), and then, in a later clause, a
"just / only" that says what is really going on. Both are needed: a negator alone is too weak
a cue in forty languages ("no puedo más" is no denial), and "just" alone is how many crises are
said ("solo quiero morirme"). A time word in the "just" clause ("not today, only tomorrow"), a
distress phrase anywhere in the message, or another risk word after the contrast keeps the hit.

Text is lightly normalised (lower case, Latin accents folded; other scripts as written).
"""

from __future__ import annotations

import re

# Negators written with spaces between words (Latin, Cyrillic, Greek, Arabic, Hebrew, Indic
# scripts...), one language's everyday word that is another's "not" left out ("la", "na", "nu",
# "ko", "si", "en", "di", "ba", "tu"): they would deny "pensando na morte" or "ik wil nu dood".
_NEG_WORDS = (
    r"no|not|never|nao|nem|nunca|jamas|jamais|tampoco|ni|nada|ne|pas|non|aucune?|mai|nessun[oa]?|"
    r"niente|nicht|nie|niemals|kein\w*|ned|nid|nod|(?:hob|hab|han|ha) (?:ka|koa|kei|kan)|niet|"
    r"geen|nooit|niks|nici|niciodata|nu (?:vreau|ma|sunt|am|m-am)|nigdy|zadn\w*|nikdy|nisam|nije|"
    r"nemam|nema|nikad|nikada|nimam|nisem|degil|yok|hic|asla|deyil|yox|hec|mesh|mish|msh|mch|"
    r"machi|mashi|mafi|ma (?:bghit\w*|3ayez|3ayza|baddi|abi|ariid|doonayo|rabo|rabaa)|"
    r"nahi|nahin|nai|mat|kabhi nahi|tidak|tak|gak|nggak|enggak|bukan|belum|takde|tiada|hindi|wala|"
    r"khong|hong|hok|chang|chua|(?:ko|k) (?:co|muon|phai|nghi|tinh)|hapana|sina|sitaki|siwezi|"
    r"sijawahi|sikuwa|ba na|ba zan|bana|"
    r"angi\w+|akukho|mi o|mi ko|inte|ingen|inga|aldrig|ikke|aldri|ej|ei|emme|eivat|ole|nem|nincs|"
    r"soha|nera|niekada|nesu|nav|pole|mitte|"
    r"не|нет|ни|никогда|нема|немає|ніколи|няма|нямам|нисам|није|δεν|μην|όχι|οχι|ούτε|ουτε|ποτέ|"
    r"ποτε|לא|אין|لا|لم|لن|ما|مش|مو|ليس|مافي|نه|ندارم|نیستم|هرگز|نہیں|نہ|مت|नहीं|नही|मत|नाही|नको|"
    r"छैन|होइन|না|নেই|নাই|இல்ல|இல்லை|மாட்டேன்|வேண்டாம்|లేదు|లేను|వద్దు|కాదు|નથી|નહીં|አይደለም")
NEG_BEFORE = re.compile(r"(?<!\w)(?:" + _NEG_WORDS + r")(?!\w)")
# Scripts without spaces: "not" is read in the last few characters before the word.
NEG_BEFORE_SCRIPT = re.compile(r"(?:不|没|沒|冇|未|别|別|唔|無|无|ไม่|មិន|ບໍ່)\S{0,4}$")
# "Not" after the word (Japanese, Korean, Hindi, Marathi, Tamil, Telugu, Turkish, Persian...),
# never "nothing but" ("死ぬしかない", "죽을 수밖에 없어").
NEG_AFTER = re.compile(
    r"^(?!\S{0,6}(?:しか|밖에|仕方|たまら))\S{0,10}?(?:(?:して|考えて|思って|やって)(?:い)?(?:ない|ません)|"
    r"しない|しません|たくない|じゃない|ではない|안 해|안 할|않아|않을|않습니다|없어|없습니다|아니야|"
    r"아니에요|아닙니다)|^\s?\S{0,12}\s?(?:नहीं|नही|नाही|नको|छैन|نہیں|nahi|nahin|இல்ல|இல்லை|"
    r"மாட்டேன்|లేదు|వద్దు|નથી|না|নেই|degil|değil|yok|istemiyorum|dusunmuyorum|düşünmüyorum|ندارم|"
    r"نیستم|አይደለም)(?!\w)")
# "Just", "only", "simply": what the writer says is really going on.
CONTRAST = re.compile(
    r"(?<!\w)(?:solo|nomas|nada mas|simplemente|so|apenas|somente|simplesmente|juste|seulement|"
    r"simplement|soltanto|solamente|semplicemente|nur|bloss|halt|einfach|lediglich|gewoon|alleen|"
    r"enkel|slechts|nomes|doar|numai|tylko|po prostu|jen|jenom|proste|len|iba|samo|prosto|sadece|"
    r"yalnizca|yalniz|sadace|ghir|bas|bss|sirf|bus|cuma|hanya|cuman|sekadar|saja|aja|lang|lamang|"
    r"kawai|nje|kuphela|kaliya|bara|bare|kun|vain|csak|tik|tikai|lihtsalt|ainult|just|only|simply|"
    r"chi (?:la|muon|met|buon|hoi|can|dang)|thoi|"
    r"просто|только|лише|тільки|всего лишь|само|רק|פשוט|بس|فقط|غير|صرف|सिर्फ|बस|फक्त|मात्र|শুধু|"
    r"সুধু|சும்மா|மட்டும்|కేవలం|అంతే|માત્ર|ફક્ત|ብቻ|απλά|απλα|απλώς|απλως|μόνο|μονο)(?!\w)|"
    r"只是|只係|淨係|不过|不過|ただ|그냥|단지|แค่|เพียง|គ្រាន់តែ")
# A clause ends at punctuation or a conjunction; in scripts without spaces a space ends one too.
BOUNDARY = re.compile(r"[,.;:!?¿¡。，、！？…\n]|\s(?:pero|mas|mais|aber|but|ma|lekin|par|ale|ama|"
                      r"tapi|але|но|אבל|لكن|但是|但|けど|でも|하지만|근데|แต่)\s|"
                      r"(?<=[\u0e00-\u0eff\u1780-\u17ff\u3040-\u30ff\u4e00-\u9fff])\s")
LATER = re.compile(r"(?<!\w)(?:manana|tomorrow|demain|morgen|amanha|domani|tonight|later|despues|"
                   r"depois|dopo|plus tard|spater|завтра|потом|сегодня ночью|esta noche|ce soir|"
                   r"stasera|hoje a noite|heute nacht)(?!\w)|明天|明日|今晚|今夜|以后|以後|後で|내일|"
                   r"나중에|오늘 밤|พรุ่งนี้|คืนนี้")
# A negator that is about something else: fear or caring ("no tengo miedo de morir, solo
# quiero que termine" is a crisis), or a joke ("no es broma me voy a matar, solo quería
# decirlo").
NOT_A_DENIAL = re.compile(
    r"(?<!\w)(?:miedo|medo|peur|angst|paura|strach|boj\w*|boi\w*|korku\w*|kork\w*|importa|"
    r"importe|egal|care|afraid|scared|broma|bromeando|joke|joking|kidding|blague|rigole|scherz\w*|"
    r"spass|brincadeira|zoeira|mazak|mazaak|zart|bercanda|страх\w*|бою\w*|боїш\w*|шутк\w*|"
    r"خوف|ڈر|डर|ترس)(?!\w)|怕|恐|怖|두렵|무섭|농담|笑话|玩笑|冗談|กลัว|ล้อเล่น")
_SCRIPT = re.compile(r"[\u0e00-\u0eff\u1780-\u17ff\u3040-\u30ff\u4e00-\u9fff]")


def denied(text: str, start: int, end: int, risk: re.Pattern[str] | None = None) -> bool:
    """True when the risk word ``text[start:end]`` sits in a "not X, just Y" frame: a negator in
    its own clause (up to eight words before it, or just after it), then a boundary and a
    "just" within 25 characters, with no time word and (``risk``) no other risk word in the
    "just" clause."""
    cuts = [m.end() for m in BOUNDARY.finditer(text, 0, start)]
    clause = text[cuts[-1] if cuts else 0:start]
    before = " ".join(clause.split()[-8:])
    after = text[end:]
    stop = BOUNDARY.search(after)
    if NOT_A_DENIAL.search(clause) or NOT_A_DENIAL.search(text[end:end + 20]):
        return False
    negated = bool(NEG_BEFORE.search(before)
                   or (_SCRIPT.search(text[start:end]) and NEG_BEFORE_SCRIPT.search(clause))
                   or NEG_AFTER.search(after[:stop.start() if stop else 40]))
    if not negated or stop is None:
        return False
    rest = after[stop.end():]
    contrast = CONTRAST.search(rest[:25 + 8])
    if contrast is None or contrast.start() > 25:
        return False
    tail = rest[contrast.end():contrast.end() + 60]
    return not (LATER.search(tail) or (risk is not None and risk.search(tail)))
