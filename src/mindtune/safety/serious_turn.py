"""Fifty-third round: a joke that turns serious (docs/safety.md).

"haha boss yelled at me again lol 😂 anyway seriously i think i'll do it this week",
"jaja qué chistoso todo. bueno, ya en serio: no quiero seguir vivo", "self care tonight = self
harm. kidding. not kidding.": the laughter is real, and it is what made the layer read the
message as a joke, but the writer then says the rest is meant. When a message turns serious
after a laugh or a joke word, the layer reads it a second time with the laughter and the joke
words blanked (``unjoked``); a crisis found then is the message's decision. Nothing is taken
away: the first reading stands when the second finds nothing.

The turn is said in the writer's language ("jokes aside", "ya en serio", "blague à part",
"im Ernst", "шутки в сторону", "说真的"...). A turn with no laugh or joke word before it
changes nothing (the first reading had no laugh to discount).
"""

from __future__ import annotations

import re

# "seriously" alone is too common a booster ("seriously this traffic is killing me"); a turn
# says the joke is over or was none
_TURN = re.compile(
    r"(?:\b(?:(?:but|anyway|ok|okay|no but|lol but|jk but|haha but|now|ok but)\W{0,3}seriously|"
    r"seriously though|(?:all )?jok(?:es|ing) aside|not (?:even )?(?:kidding|joking)|no joke|"
    r"i(?:'m| am) (?:dead )?serious|i(?:'m| am) not (?:kidding|joking)|for real (?:though|tho|now)|"
    r"(?:but|ok) for real|real talk|on a (?:more )?serious note|in all seriousness|"
    r"(?:sounds?|seems?) like a joke but (?:it|this)(?:'s| is)?(?:n't| not)|(?:this|it) (?:is not|"
    r"isn't) a joke|"
    # Spanish, Portuguese, French, Italian, German, Dutch, Polish, Turkish, Indonesian, Tagalog
    r"ya en serio|(?:bueno|pero|ahora|hablando) en serio|fuera de broma|bromas? aparte|no es "
    r"(?:una )?broma|no estoy (?:bromeando|jodiendo|jugando)|falando s[eé]rio|(?:agora|mas) s[eé]rio|"
    r"brincadeiras? [aà] parte|n[aã]o (?:é|e|to|tô|estou) (?:brincadeira|brincando)|"
    r"(?:plus )?s[eé]rieusement|blague [aà] part|sans rire|je (?:ne )?rigole pas|(?:c'est )?pas une "
    r"blague|tr[eê]ve de plaisanterie|scherzi a parte|non sto scherzando|sul serio|im ernst|"
    r"spa(?:ss|ß) beiseite|ohne (?:witz|scheiß|scheiss)|kein witz|ich mein(?:e)? das ernst|"
    r"serieus nu|geen grap|ik meen het|a tak serio|(?:ż|z)arty na bok|bez (?:ż|z)art(?:ó|o)w|"
    r"nie (?:ż|z)artuj(?:ę|e)|(?:ş|s)aka bir yana|ciddiyim|(?:ş|s)aka de(?:ğ|g)il|"
    r"(?:gak|nggak|ga|tidak|bukan) bercanda|seryoso na|hindi (?:ako )?nagbibiro|"
    r"mazaa?k nahi|sach (?:bolu|bolun|mein|me)|seriously yaar|"
    # Russian, Ukrainian, Arabic, Persian, Hebrew, Hindi, Japanese, Chinese, Korean, Vietnamese
    r"noi that|khong (?:dua|đua))\b"
    r"|шутки в сторону|(?:а )?если серь[её]зно|без шуток|я не шучу|жарти вбік|якщо серйозно|"
    r"без жартів|я не жартую|بجد|بدون مزح|مش بهزر|مو مزح|شوخی نمی ?کنم|جدی میگم|בלי צחוק|"
    r"ברצינות|मज़ाक नहीं|मजाक नहीं|सच में|真面目な話|冗談抜きで|冗談じゃなくて|说真的|說真的|"
    r"不开玩笑|不開玩笑|认真的|認真的|진지하게|농담 아니|장난 아니고|nói thật|không đùa)",
    re.IGNORECASE)

# laughter and joke words in any language, and the faces that go with them
_JOKE = re.compile(
    r"(?:\b(?:lo+l+|lmf?ao+|rofl|(?:ha){2,}h?|(?:he){2,}|xd|jk|j/k|kidding|joking|jokes?|"
    r"jaja\w*|jeje\w*|kkk+|rsrs\w*|mdr|ptdr|hihi\w*|wkwk\w*|555+|haha\w*|broma\w*|bromeando|"
    r"brincadeira|brincando|blague|rigole|scherzo|scherz\w*|witz|grap|żart\w*|zart\w*|şaka|saka|"
    r"bercanda|biro|mazaa?k|шутк\w*|шучу|жарт\w*|хаха\w*|ахах\w*|مزح|هههه+|خخخ+)\b"
    r"|[\U0001F602\U0001F923\U0001F605\U0001F606\U0001F480\U0001F643\U0001F61C\U0001F61D]|笑|草|ㅋㅋ+|ㅎㅎ+|哈哈+|w{3,})",
    re.IGNORECASE)


def unjoked(text: str) -> str | None:
    """``text`` with its laughter and joke words blanked when it turns serious after a laugh or a
    joke word (the turn itself is blanked too); None when it has no such turn."""
    turns = list(_TURN.finditer(text))
    if not turns:
        return None
    last = turns[-1]
    if not _JOKE.search(text[:last.start()]):
        return None
    out = text
    for m in reversed(turns):  # the turns go first: "not kidding" holds a joke word
        out = out[:m.start()] + " " + out[m.end():]
    return re.sub(r"\s{2,}", " ", _JOKE.sub(" ", out)).strip()
