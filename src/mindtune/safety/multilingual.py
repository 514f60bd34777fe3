"""Crisis phrases in languages other than English (on normalised, accent-folded text).

Coverage: Spanish, French, German, Portuguese, Italian, Hindi/Hinglish in Latin script,
Chinese, Japanese, Korean, Arabic, Russian, Hebrew. Each entry is
``(language, category, level, regex, noun_only)``; ``noun_only`` marks bare topic words
("suicidio") that read as informational when the message is a question with no
first person. Messages in another language that only contain a *weak* risk word
(``WEAK``) are still treated as low-level crisis: an unknown language is read
conservatively rather than passed silently.
"""

from __future__ import annotations

import re

_S, _H, _A = "suicidal", "self_harm", "abuse_danger"

PHRASES: list[tuple[str, str, str, str, bool]] = [
    # Spanish
    ("es", _S, "high", r"\bvoy a (?:matarme|suicidarme|quitarme la vida|acabar con (?:mi vida|"
     r"todo))|\b(?:esta noche|manana|hoy) (?:me )?(?:voy a )?(?:matarme|suicidarme|me mato)|"
     r"\b(?:tome|he tomado|me tome|me he tomado) (?:todas )?(?:las|mis) pastillas", False),
    ("es", _S, "low", r"\b(?:me )?quiero (?:morir(?:me)?|matar(?:me)?|suicidar(?:me)?)|"
     r"\bme quiero (?:morir|matar|suicidar)|\bsuicidarme|\bquitarme la vida|"
     r"\bacabar con mi vida|\bno quiero (?:seguir )?vivir|\bganas de morir|"
     r"\bmejor (?:muerto|muerta)|\bdejar de (?:vivir|existir)|\bno quiero (?:volver a )?despertar|"
     r"\bdesaparecer para "
     r"siempre|\b(?:no tengo|sin|ya no tengo) ganas de vivir|\bmatarme\b|\bno (?:aguanto|"
     r"puedo) mas\b", False),
    ("es", _S, "low", r"\bsuicid\w*", True),
    ("es", _H, "moderate", r"\bme corte\b|\bme he cortado|\bme corto\b|\bcortarme\b|\bhacerme dano|"
         r"\bme hago dano", False),
    ("es", _A, "moderate", r"\bme (?:pega|golpea|pego|golpeo|viola|violo|amenaza)\b", False),
    # French
    ("fr", _S, "high", r"\bje vais me (?:tuer|suicider|foutre en l'air)|\b(?:ce soir|demain)[^.]"
     r"{0,20}me (?:tuer|suicider)", False),
    ("fr", _S, "low", r"\bje veux mourir|\bme (?:tuer|suicider)\b|\ben finir\b|\bmettre fin a "
     r"(?:mes jours|ma vie)|\bplus envie de vivre|\bveux plus vivre|\benvie de mourir|"
     r"\bmarre de (?:la vie|vivre)|\bdisparaitre (?:pour toujours|a jamais|pour de bon)|"
     r"\bne plus (?:me )?reveiller|\bplus jamais me reveiller", False),
    ("fr", _S, "low", r"\bsuicid\w*", True),
    ("fr", _H, "moderate", r"\bme faire du mal|\bme (?:scarifier|scarifie|couper|coupe les)|"
     r"\bje me scarifie", False),
    ("fr", _A, "moderate", r"\b(?:il|elle) me (?:frappe|bat|viole|menace)\b", False),
    # German
    ("de", _S, "high", r"\bich bringe mich (?:\w+ ){0,3}um|\bich werde mich (?:\w+ ){0,2}"
     r"umbringen|\bich nehme mir (?:\w+ ){0,2}das leben", False),
    ("de", _S, "low", r"\bich (?:will|moechte|mochte|werde) (?:\w+ )?sterben|\b(?:mich|mir) "
     r"(?:umbringen|toten|toeten|das leben nehmen)|\bnicht mehr leben|\bwill tot sein|\blebensmu(?:e)?de|"
     r"\bnicht mehr aufwachen|\bfur immer verschwinden",
     False),
    ("de", _S, "low", r"\bselbstmord\w*|\bsuizid\w*", True),
    ("de", _H, "moderate", r"\britze mich|\bmich (?:\w+ )?ritzen|\bmir (?:\w+ )?weh ?tun", False),
    ("de", _A, "moderate", r"\b(?:er|sie) (?:schlaegt|schlagt|vergewaltigt|bedroht) mich",
     False),
    # Portuguese
    ("pt", _S, "high", r"\bvou me matar|\bvou (?:tirar|acabar com) (?:a )?minha vida|"
     r"\btomei (?:todos )?(?:os|meus) (?:remedios|comprimidos)", False),
    ("pt", _S, "low", r"\bquero morrer|\bme matar\b|\bmatar-me|\btirar (?:a )?minha (?:propria )"
     r"?vida|\bacabar com (?:tudo|a minha vida|minha vida)|\bnao quero (?:mais )?viver|"
     r"\bvontade de morrer|\bnao quero (?:mais )?acordar|\bsumir para sempre|\bnao aguento mais (?:viver|"
     r"a vida|isso)|\bviver assim\b", False),
    ("pt", _S, "low", r"\bsuicid\w*", True),
    ("pt", _H, "moderate", r"\bme cortar\b|\bme machucar", False),
    ("pt", _A, "moderate", r"\b(?:ele|ela) me (?:bate|agride|estuprou|ameaca)\b", False),
    # Italian
    ("it", _S, "low", r"\bvoglio morire|\buccidermi|\btogliermi la vita|\bnon voglio piu vivere|"
     r"\bfarla finita|\bsparire per sempre",
     False),
    ("it", _S, "low", r"\bsuicid\w*", True),
    ("it", _H, "moderate", r"\bfarmi del male|\btagliarmi", False),
    # Hindi / Hinglish (Latin script)
    ("hi", _S, "high", r"\bsuicide kar (?:lunga|lungi|lu|loon|raha|rahi)|\bkhudkushi kar(?:ne|"
     r"unga|ungi| lunga| lungi)|\bmar jaunga|\bmar jaungi|\bjaan de (?:dunga|dungi)", False),
    ("hi", _S, "low", r"\b(?:marna|mar jana|mar jaana|marne) (?:chahta|chahti|hai|ka mann)|"
     r"\bkhud ?kushi|\baatmahatya|\batmahatya|\bjeena nahi|\bjeene ka (?:mann|man) nahi|"
     r"\bapni jaan|\bkhud ko (?:maar|khatam|nuksan)|\bzindagi (?:khatam|se tang)", False),
    ("hi", _H, "moderate", r"\bkhud ko (?:kaat|chot|hurt)", False),
    # Chinese (simplified and traditional)
    ("zh", _S, "high", r"(?:今晚|明天|今天|现在)[^。]{0,6}(?:自杀|自殺|去死)|吃了(?:很多|一瓶|所有)"
     r"[^。]{0,4}(?:药|藥)", False),
    ("zh", _S, "low", r"想死|不想活|活不下去|结束(?:自己的)?生命|結束(?:自己的)?生命|跳楼|跳樓|轻生|"
     r"輕生|活着没意思|死了算了|不如死了", False),
    ("zh", _S, "low", r"自杀|自殺", True),
    ("zh", _H, "moderate", r"割腕|自残|自殘|伤害自己|傷害自己", False),
    ("zh", _A, "moderate", r"(?:他|她)(?:打我|强奸|強姦|威胁我|威脅我)", False),
    # Japanese, Korean
    ("ja", _S, "low", r"死にたい|消えたい|生きたくない|自殺したい", False),
    ("ja", _S, "low", r"自殺", True),
    ("ja", _H, "moderate", r"リスカ|自傷", False),
    ("ko", _S, "low", r"죽고 ?싶|살기 ?싫|자살하고", False),
    ("ko", _S, "low", r"자살", True),
    # Arabic
    ("ar", _S, "high", r"سأقتل نفسي|سانتحر|سأنتحر", False),
    ("ar", _S, "low", r"أنتحر|انتحر|اقتل نفسي|أقتل نفسي|أريد أن أموت|اريد ان اموت|أريد الموت|"
     r"اريد الموت|لا أريد أن أعيش|قتل نفسي|انهاء حياتي|إنهاء حياتي|لا اريد ان اعيش|أنهي حياتي|"
     r"انهي حياتي", False),
    ("ar", _S, "low", r"انتحار|الانتحار", True),
    ("ar", _H, "moderate", r"أؤذي نفسي|اؤذي نفسي|أجرح نفسي", False),
    # Russian, Hebrew
    ("ru", _S, "low", r"хочу умереть|покончить с собой|убить себя|не хочу (?:больше )?жить|"
     r"жить не хочу|жить больше не хочу", False),
    ("ru", _S, "low", r"суицид|самоубийств", True),
    ("ru", _H, "moderate", r"порезать себя|режу себя", False),
    ("he", _S, "low", r"רוצה למות|להתאבד", False),
    ("he", _S, "low", r"התאבדות", True),
]

COMPILED = [(lang, cat, lvl, re.compile(rx), noun) for lang, cat, lvl, rx, noun in PHRASES]

# Weak words: only counted when the message is not English.
WEAK = re.compile(
    r"\b(?:morir|muerte|matar|mourir|tuer|sterben|umbringen|tod|morrer|morte|morire|uccidere|"
    r"marna|maut|marne|overdose|sobredosis|pastillas|comprimidos|tabletten)\b|死|موت|أموت|"
    r"смерть|умереть|убить|מוות"
)
# Figurative uses of the weak words (e.g. Chinese "笑死" = "dying of laughter").
IDIOMS = re.compile(r"笑死|累死|热死|熱死|饿死|餓死|忙死|气死|氣死|吓死|嚇死|冷死|困死|死机|死機|"
                    r"me muero de (?:risa|hambre|sueno|calor|ganas)|muert[oa]s? de (?:cansancio|"
                    r"risa|hambre|sueno|frio|calor|miedo|ganas|verguenza)|morir de risa|mort de rire|"
                    r"meurs de|morrendo de (?:rir|fome|sono|calor)|morrer de rir|tod(?:mude|mued)")
FIRST_PERSON = re.compile(r"\b(?:yo|me|mi|estoy|quiero|tengo|voy|je|j|moi|mon|ma|ich|mich|mir|"
                          r"mein|eu|estou|quero|vou|minha|meu|io|voglio|sono|main|mujhe|mera|"
                          r"meri)\b|我|أنا|ي$|я\b|меня|אני")
QUESTION = re.compile(r"[?？؟]|^(?:que|cuales|como|por que|quels?|quelles?|comment|pourquoi|"
                      r"was|wie|warum|welche|quais|o que|porque|perche|come|kya|kaise|什么|"
                      r"如何|为什么|ما|كيف|لماذا)")
