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

from . import ml_families, ml_means

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
     r"\bne (?:veux |voudrais |veut )?plus (?:me )?reveiller|\bplus jamais me reveiller", False),
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
    ("zh", _H, "moderate", r"割腕|我(?:在|又|一直|经常|經常|会|會)?(?:自残|自殘)|伤害自己|傷害自己", False),
    ("zh", _H, "moderate", r"自残|自殘", True),
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


# A systematic concept x language table, mirroring the English rule families: C1 wish to die,
# C2 kill myself, C3 end it, C4 not want to live, C5 better off without me, C6 never wake up,
# C7 disappear forever, C8 ingestion of a quantity, C9 jumping (intent), C10 hanging, C11
# self-harm, C12 someone hits/threatens me, C13 a third person's intent, C14 goodbye notes,
# C15 at a high place now, C16 wrists. Text is lower-case and accent-folded.
_T = "third_party_risk"
_MED_ES = (r"(?:pastillas|pildoras|medicinas|medicamentos|remedios|capsulas|comprimidos|tabletas|"
           r"frasco|caja|blister|bote|sobres)")
_MED_FR = (r"(?:cachets|comprimes|medicaments|medocs|pilules|gelules|boite|tube|plaquette|flacon|"
           r"doliprane|somniferes)")
_MED_DE = r"(?:tabletten|pillen|schlaftabletten|medikamente|packung|schachtel|kapseln|beruhigungsmittel)"
_MED_PT = r"(?:remedios|comprimidos|pilulas|medicamentos|cartela|caixa|frasco|capsulas)"
PHRASES += [
    ("es", _S, "high", r"\b(?:voy a|me voy a) tomar(?:me)? (?:todas|todos|toda|un frasco|una caja|"
     r"muchas|el bote)\b[^.]{0,20}" + _MED_ES, False),
    ("pt", _S, "low", r"\bme suicidar\b|\bsuicidar-me\b|\bquero (?:me )?suicidar", False),
    ("it", _S, "low", r"\bsuicidarmi\b|\bammazzarmi\b|\bvoglio (?:suicidarmi|ammazzarmi)", False),
    ("de", _S, "low", r"\bselbstmord (?:begehen|machen)\b|\bmich (?:\w+ )?suizidieren", False),
    ("hi", _S, "low", r"\bsuicide karna (?:chahta|chahti|hai)|\bsuicide (?:karunga|karungi|kar "
     r"lunga|kar lungi)|\bkhudkushi karna", False),
    # Spanish
    ("es", _S, "high", r"\b(?:voy a|me voy a|ya voy a|hoy me voy a) (?:tirar(?:me)?|lanzar(?:me)?|"
     r"aventar(?:me)?|arrojar(?:me)?|ahorcar(?:me)?|colgar(?:me)?|pegar(?:me)? un tiro|cortar(?:me)? "
     r"las venas|envenenar(?:me)?|matar(?:me)?)\b|\b(?:tirarme|lanzarme|aventarme|arrojarme) "
     r"(?:del|de un|de una|de la|desde|por la|al) (?:puente|edificio|balcon|ventana|techo|azotea|"
     r"piso|tren|metro|vias|acantilado)|\b(?:tengo|ya tengo) (?:lista |listo )?(?:la cuerda|la soga|"
     r"el arma|la pistola|las pastillas|el veneno)\b[^.]{0,40}\b(?:lista|listas|listo|preparad\w+|"
     r"lo hare|lo voy a hacer|esta noche|manana|hoy)|\b(?:me tome|tome|trague|me trague|he tomado|"
     r"me he tomado|acabo de tomar(?:me)?) (?:todas|todos|toda|una caja|un frasco|un bote|muchas|"
     r"muchos|un monton|un punado|la caja|el frasco|el bote|\d+)\b[^.]{0,30}" + _MED_ES + r"|"
     r"\bestoy (?:en|sobre) (?:el puente|la azotea|el techo|las vias|la cornisa)\b|\bme corte las "
     r"venas|\bnota de despedida|\bcarta de despedida", False),
    ("es", _S, "low", r"\bojala (?:no (?:despertar|despierte|despertarme|amanecer)|(?:estar|estuviera)"
     r" muert[oa]|no (?:existir|haber nacido)|me muera)\b|\b(?:estarian|estaria|estaran|seria|"
     r"serian|vivirian|estarias) mejor sin mi\b|\bmejor sin mi\b|\bno quiero (?:estar aqui|seguir "
     r"aqui|existir|despertar)\b|\bdormir para siempre|\bno despertar (?:nunca|mas)|\bacabar con "
     r"todo\b|\bquitarme del medio|\bno quiero seguir (?:viviendo|con vida|aqui)\b", False),
    ("es", _H, "moderate", r"\bme (?:estoy cortando|lastimo|lastime|quemo|queme|rasguno|golpeo a mi "
     r"mism[oa])\b|\b(?:me )?autolesion(?:o|e|arme|ando)\b|\bme hago (?:cortes|heridas|dano)\b",
     False),
    ("es", _A, "moderate", r"\bme (?:pegan|golpean|maltrata|maltratan|ahorca|estrangula|amenaza "
     r"con matarme)\b|\bme (?:va|van) a matar\b|\bme quiere matar\b|\bme (?:pego|golpeo|violo|"
     r"ahorco)\b", False),
    ("es", _T, "moderate", r"\b(?:dice|dijo|me dijo|escribio) que (?:se )?(?:quiere|va a|iba a) "
     r"(?:matar(?:se)?|suicidar(?:se)?|morir(?:se)?|tirar(?:se)?|colgar(?:se)?)\b|\bse (?:quiere|va "
     r"a) (?:matar|suicidar|tirar|colgar|ahorcar)\b", False),
    ("es", _H, "moderate", r"\bautolesion\w*|\bcortarse\b", True),
    # French
    ("fr", _S, "high", r"\bje vais (?:me pendre|sauter|me jeter|me tirer une balle|m'ouvrir les "
     r"veines|me noyer|me defenestrer|en finir|me tuer|avaler)\b|\bj'ai (?:deja )?(?:la corde|le "
     r"flingue|l'arme|les cachets|le fusil)\b|\bje suis sur (?:le pont|le toit|la voie|les rails|le "
     r"rebord|la corniche)\b|\bj'ai (?:avale|pris|bu|gobe) (?:toute? (?:la|une|les|mes|ma)|tous "
     r"(?:les|mes)|toutes (?:les|mes)|une boite|un tube|plein de|beaucoup de|une plaquette|\d+)\b"
     r"[^.]{0,30}" + _MED_FR + r"|\bj'ai (?:avale|pris|gobe) (?:tous|toutes) mes " + _MED_FR +
     r"|\bje me suis (?:ouvert|coupe) les veines|\blettre d'adieu|\bmot d'adieu", False),
    ("fr", _S, "low", r"\b(?:serai(?:en)?t|seront|iraient|vivraient) mieux sans moi\b|\bmieux sans "
     r"moi\b|\bje veux disparaitre\b|\bne (?:plus|jamais) me reveiller|\bdormir pour toujours|"
     r"\bplus (?:envie|la force) de (?:vivre|continuer)|\bje ne veux plus (?:vivre|exister|etre la)"
     r"|\bj'en peux plus de vivre|\ben finir (?:avec la vie|une bonne fois)", False),
    ("fr", _H, "moderate", r"\bje me (?:coupe|mutile|brule|scarifie|fais du mal|blesse)\b|\bme "
     r"(?:mutiler|bruler|blesser expres)\b", False),
    ("fr", _H, "moderate", r"\bscarif\w*|\bautomutil\w*", True),
    ("fr", _A, "moderate", r"\b(?:me frappe|me bat|me battre|me viole|me menace de mort|"
     r"m'etrangle|me tabasse|me cogne)\b|\bm'a (?:frappe\w*|battu\w*|viole\w*|etrangle\w*|tabasse\w*)"
     r"|\b(?:va|veut) me tuer\b", False),
    ("fr", _T, "moderate", r"\b(?:il|elle) (?:va|veut|voulait|allait) se (?:tuer|suicider|pendre|"
     r"jeter)\b|\bqu'(?:il|elle) (?:allait|va|voulait|veut) (?:se tuer|se suicider|mourir|en finir)",
     False),
    # German
    ("de", _S, "high", r"\bich (?:werde|will|geh) mich (?:\w+ ){0,2}(?:erhangen|aufhangen|erschie(?:ss|ß)en|"
     r"erschießen|ertranken|vor (?:den|einen) zug werfen)\b|\b(?:von der|von einer|vom) (?:brucke|"
     r"hochhaus|dach|balkon)\b[^.]{0,20}\b(?:springen|sturzen)\b|\bspringe (?:gleich|jetzt|heute|"
     r"morgen|runter)\b|\bich stehe (?:auf|an) (?:der|dem|den) (?:brucke|dach|gleis|gleisen|rand|"
     r"schienen)\b|\b(?:ganze|alle|viele|eine ganze|zwei|\d+) (?:\w+ )?" + _MED_DE + r"\b[^.]{0,30}"
     r"\b(?:genommen|geschluckt|eingenommen)\b|\bpulsadern (?:aufgeschnitten|aufschneiden|"
     r"aufgeschlitzt)|\babschiedsbrief", False),
    ("de", _S, "low", r"\bbesser (?:dran )?ohne mich\b|\bohne mich besser\b|\bnie (?:mehr|wieder) "
     r"aufwachen|\bfur immer schlafen|\bnicht mehr (?:da sein|existieren|weiter)\b|\bmein leben "
     r"beenden|\ballem ein ende (?:setzen|machen)|\bschluss machen mit (?:allem|dem leben)", False),
    ("de", _H, "moderate", r"\bverletze mich (?:\w+ )?selbst|\bmich selbst (?:verletzen|verletzt)|"
     r"\bschneide mich\b|\bmir (?:die arme|in den arm) (?:aufschneiden|ritzen)", False),
    ("de", _H, "moderate", r"\bselbstverletz\w*|\britzen\b", True),
    ("de", _A, "moderate", r"\b(?:schlagt|schlaegt|verprugelt|verpruegelt|vergewaltigt|bedroht|"
     r"wurgt|wuergt|misshandelt|tritt) mich\b|\bwill mich umbringen\b(?=.{0,30}\b(?:er|sie|vater|"
     r"mann|freund))", False),
    ("de", _T, "moderate", r"\b(?:er|sie) (?:will|wird|mochte) sich (?:\w+ )?(?:umbringen|toten|das "
     r"leben nehmen|erhangen)\b", False),
    # Portuguese
    ("pt", _S, "high", r"\bvou (?:pular|me jogar|me atirar|me enforcar|tomar todos)\b|\bvou me "
     r"(?:jogar|atirar|enforcar|cortar)\b|\bestou (?:na|no|em cima d[ao]) (?:ponte|telhado|predio|"
     r"beirada|trilhos)\b|\b(?:tomei|engoli|bebi) (?:uma caixa|uma cartela|um frasco|todos|todas|"
     r"muitos|muitas|um monte|varios|varias|\d+)\b[^.]{0,30}" + _MED_PT + r"|\bcarta de despedida"
     r"|\bcortei os pulsos", False),
    ("pt", _S, "low", r"\b(?:melhor|melhores) sem mim\b|\bnao quero mais (?:estar aqui|existir|"
     r"acordar)\b|\bnunca mais acordar|\bdormir para sempre|\bsumir para sempre|\bacabar com "
     r"tudo\b", False),
    ("pt", _H, "moderate", r"\bme (?:cortando|cortei|corto|machuquei|machuco|queimo|queimei)\b",
     False),
    ("pt", _H, "moderate", r"\bautomutila\w*|\bautolesao", True),
    ("pt", _A, "moderate", r"\b(?:me bate|bate em mim|me espanca|me agride|me estuprou|me ameaca|"
     r"me enforca)\b|\b(?:vai|quer) me matar\b", False),
    ("pt", _T, "moderate", r"\b(?:ele|ela) (?:vai|quer|disse que vai|disse que quer) se "
     r"(?:matar|suicidar|enforcar|jogar)\b|\bdisse que (?:vai|quer|ia) se matar\b", False),
    # Hindi / Hinglish (Latin script)
    ("hi", _S, "high", r"\b(?:poori|puri|saari|sari|sab|bahut saari|ek|do|teen|dono) (?:\w+ )?"
     r"(?:strip|patta|patti|bottle|dibba|shishi|goliyan|goliya|tablets|pills|dawai)\b[^.]{0,40}"
     r"\b(?:kha|khaa|nigal|le|pee) ?(?:li|liya|liye|lee|lin|gaya|gayi|gaye)\b", False),
    ("hi", _S, "high", r"\b(?:goliyan|goliya|goli|dawai|dawaiyan|tablets|pills)\b[^.]{0,20}\b(?:kha "
     r"li|kha liya|kha lee|kha li hai|le li|le liya|kha lin|kha liye)\b|\b(?:saari|sari|bahut "
     r"saari|poori|puri) (?:neend ki )?(?:goliyan|goliya|dawai|tablets)\b|\b(?:kood|kud|koodne|"
     r"kudne) (?:jaunga|jaungi|jaaunga|jaaungi|ja raha|ja rahi|wala|wali)\b|\b(?:phansi|fansi|"
     r"fanda) (?:laga|lagaa|lagane|lagaunga|lagaungi|laga lunga|laga lungi)|\b(?:chhat|chat|bridge|"
     r"building|pul) (?:se|par se) (?:kood|kud)|\bsuicide note", False),
    ("hi", _S, "low", r"\b(?:sab|sabkuch|sab kuch|zindagi|jeevan) khatam kar (?:dena|du|doon|dunga|"
     r"dungi|lena|loon|lunga|lungi)\b|\bmere bina (?:sab|sabko|sab log)|\b(?:sab|sabko) mere bina "
     r"(?:behtar|khush)|\bhamesha ke liye (?:so|gayab)|\bsubah na (?:uthu|uthoon)|\bmar (?:jaun|"
     r"jaaun|jana|jaana) (?:chahta|chahti|hai)|\bjeena nahi (?:chahta|chahti)", False),
    ("hi", _H, "moderate", r"\b(?:hath|haath|kalai|kalaayi|bazu|arm|arms|wrist)\b[^.]{0,15}\b(?:kaat|"
     r"kaata|kaati|kaatti|kat)\b|\bblade se\b[^.]{0,30}\b(?:khud|apne|hurt|kaat)|\b(?:khud|apne aap)"
     r" ko (?:hurt|chot|kaat|nuksan|zakhmi) (?:karta|karti|kiya|ki|karunga|karungi|kar)", False),
    ("hi", _A, "moderate", r"\b(?:mujhe|muje|mujhko|hume|humko) (?:\w+ ){0,2}(?:maarta|marta|maarti|"
     r"marti|maarte|marte|peet\w*|pit\w*|pitai)\b|\b(?:maar|mar) (?:dalega|dalegi|dalenge|dega)\b",
     False),
    ("hi", _T, "moderate", r"\b(?:wo|woh|vo|vah|meri dost|mera dost|meri behen|mera bhai)\b[^.]"
     r"{0,30}\b(?:khud ko maar|suicide kar|marna chahta|marna chahti|jaan de)", False),
    # Chinese
    ("zh", _S, "high", r"(?:吃了|吞了|服了)(?:一整瓶|整瓶|一瓶|很多|所有|一盒|好多|一把|全部|几十)[^。]{0,6}"
     r"(?:药|藥|片)|(?:安眠药|安眠藥|药片|藥片)[^。]{0,4}(?:全吃了|都吃了|全吞了)|跳下去|跳河|跳桥|跳橋|"
     r"卧轨|臥軌|上吊|遗书|遺書|在楼顶|在樓頂|在天台|在桥上|在橋上", False),
    ("zh", _S, "low", r"没有我[^。]{0,4}(?:更好|会更好|更开心|更幸福)|沒有我[^。]{0,4}(?:更好|會更好)|"
     r"一睡不醒|永远(?:不要)?醒来|再也不(?:要|想)醒|永远消失|永遠消失|杀了自己|殺了自己|不想再活|"
     r"不想再坚持|活够了|活夠了", False),
    ("zh", _H, "moderate", r"划(?:手|胳膊|手臂|手腕)|劃(?:手|手臂)|割(?:手|自己)|自伤|自傷|烫自己|"
     r"打自己", False),
    ("zh", _A, "moderate", r"打我(?!电话|電話|手机|手機)|揍我|家暴|虐待我|掐我|威胁要杀|威脅要殺|"
     r"要杀了我|要殺了我", False),
    ("zh", _T, "moderate", r"(?:他|她|朋友|同学|同學)[^。]{0,6}(?:要|想)(?:自杀|自殺|去死|跳楼|跳樓)",
     False),
    # Arabic
    ("ar", _S, "high", r"(?:أخذت|اخذت|تناولت|ابتلعت|بلعت|شربت) (?:كل|جميع|علبة|الكثير من|كمية|"
     r"شريط)|(?:سأرمي|سارمي|أرمي|ارمي) نفسي|سأقفز|ساقفز|(?:أشنق|اشنق|سأشنق) نفسي|رسالة وداع|"
     r"(?:أنا|انا) على (?:الجسر|السطح)", False),
    ("ar", _S, "low", r"(?:أفضل|افضل|أحسن|احسن) (?:بدوني|من دوني)|بدوني (?:سيكونون|ستكون|سيكون)|"
     r"(?:لا|ألا|الا) (?:أستيقظ|استيقظ)|أنام (?:للأبد|إلى الأبد)|(?:أختفي|اختفي) (?:للأبد|إلى الأبد)|"
     r"أتمنى (?:الموت|أن أموت|ان اموت)", False),
    ("ar", _A, "moderate", r"يضربني|ضربني|يعنفني|يعتدي علي|يهددني|سيقتلني|تضربني|يضربوني", False),
    ("ar", _T, "moderate", r"(?:يريد|تريد|يريدون) (?:أن|ان) (?:ينتحر|تنتحر)|(?:قال|قالت) (?:إنه|انه|إنها|"
     r"انها) (?:سينتحر|ستنتحر)", False),
]

# Present tense used as a future ("demain je saute du pont", "hoy me tiro del puente") and
# "should die" / "want to die" forms of the concept table, for every table language.
_PLACE_ES = r"(?:puente|edificio|balcon|ventana|techo|azotea|piso|acantilado|viaducto|tren|metro)"
_PLACE_FR = r"(?:pont|toit|balcon|fenetre|immeuble|falaise|viaduc|train|metro|quai)"
_PLACE_DE = r"(?:brucke|hochhaus|dach|balkon|fenster|klippe|zug|gleis|gleise|turm)"
_PLACE_PT = r"(?:ponte|predio|telhado|janela|varanda|sacada|penhasco|viaduto|trem|metro)"
PHRASES += [
    ("es", _S, "high", r"\b(?:me tiro|me lanzo|me aviento|salto|me arrojo|me cuelgo|me ahorco|me "
     r"mato)\b[^.]{0,25}\b(?:del|de la|desde el|desde la|al|bajo el|frente al)\b[^.]{0,10}"
     + _PLACE_ES + r"|\b(?:hoy|esta noche|manana|ahora)\b[^.]{0,20}\b(?:me mato|me cuelgo|"
     r"me ahorco)\b", False),
    ("es", _S, "low", r"\b(?:deberia|tendria que|mejor) (?:morirme|matarme|desaparecer|no "
     r"existir|estar muert[oa])\b|\bquiero (?:dejar de existir|desaparecer|irme para siempre)\b",
     False),
    ("fr", _S, "high", r"\bje (?:saute|me jette|me lance|me pends|me tue)\b[^.]{0,25}\b(?:du|de la|"
     r"d'un|d'une|par la|sous (?:le|un)|depuis (?:le|la))\b[^.]{0,10}" + _PLACE_FR +
     r"|\b(?:ce soir|demain|cette nuit|maintenant)\b[^.]{0,25}\bje (?:me pends|me tue|me suicide|"
     r"en finis)\b", False),
    ("fr", _S, "low", r"\bje (?:devrais|ferais mieux de) (?:mourir|disparaitre|me tuer|en finir)\b|"
     r"\bje (?:veux|voudrais) (?:ne plus exister|en finir|partir pour toujours)\b", False),
    ("de", _S, "high", r"\bich (?:springe|spring|werfe mich|sturze mich|erhange mich)\b[^.]{0,30}"
     r"\b(?:von|vor|aus)\b[^.]{0,10}" + _PLACE_DE + r"|\b(?:heute|morgen|heute nacht|jetzt)\b"
     r"[^.]{0,25}\bbringe ich mich (?:\w+ )?um\b", False),
    ("de", _S, "low", r"\bich (?:sollte|musste|will) (?:einfach )?(?:sterben|tot sein|"
     r"verschwinden|nicht mehr (?:da sein|existieren|leben))\b|\bich will nicht mehr\s*(?:$|[.,!])",
     False),
    ("pt", _S, "high", r"\b(?:pulo|me jogo|me atiro|me enforco|me mato)\b[^.]{0,25}\b(?:da|do|de "
     r"uma|de um|na frente d[oa]|embaixo d[oa])\b[^.]{0,10}" + _PLACE_PT + r"|\b(?:hoje|amanha|"
     r"esta noite|hoje a noite|agora)\b[^.]{0,20}\b(?:me mato|me enforco)\b", False),
    ("pt", _S, "low", r"\b(?:eu )?(?:devia|deveria|preciso) (?:morrer|me matar|sumir|desaparecer)\b|"
     r"\bquero (?:deixar de existir|desaparecer|sumir)\b", False),
    ("hi", _S, "low", r"\bmar (?:jana|jaana|jaun|jaaun|jaunga|jaungi) (?:chahiye|chahta|chahti|"
     r"hai|hi behtar|accha|acha)|\bmarne (?:ka|ki|ke) (?:mann|man|soch|khayal|irada)|\bmujhe "
     r"(?:marna|mar jana|mar jaana) (?:hai|chahiye)|\b(?:jeena|jeene) (?:ka )?(?:koi )?(?:fayda|"
     r"matlab|wajah) nahi|\bzinda (?:nahi )?rehna nahi|\bkhud ko khatam", False),
    ("zh", _S, "low", r"(?:我)?(?:应该|应当|應該)(?:去)?死|我(?:要|想)(?:消失|离开这个世界|離開這個世界)|"
     r"活着(?:好累|太累|没意义|沒意義)", False),
    ("ar", _S, "low", r"(?:يجب|لازم) (?:أن|ان) (?:أموت|اموت)|(?:أتمنى|اتمنى) (?:أن|ان) (?:أختفي|"
     r"اختفي)|تعبت من الحياة|لا (?:أستطيع|استطيع) (?:الاستمرار|العيش)", False),
]

# C17: the wish never to have been born, in every table language.
PHRASES += [
    ("es", _S, "low", r"\b(?:ojala|quisiera|preferiria) (?:no )?(?:haber|hubiera) nacido|\bno "
     r"(?:debi|deberia haber|hubiera) nacer|\bnunca (?:debi|hubiera|deberia haber) nac\w+", False),
    ("fr", _S, "low", r"\bne (?:jamais|pas) (?:etre )?nee?\b|\bj'aurais (?:prefere|voulu|du) ne "
     r"(?:jamais|pas) (?:etre nee?|naitre)|\bjamais (?:du )?naitre", False),
    ("de", _S, "low", r"\bnie geboren|\bnicht geboren (?:worden )?(?:ware|waere|sein)", False),
    ("pt", _S, "low", r"\b(?:nunca|nao) (?:ter|tivesse) nascido|\bnao devia ter nascido", False),
    ("it", _S, "low", r"\b(?:mai|non) (?:essere |esser )?nat[oa]\b", False),
    ("hi", _S, "low", r"\bpaida (?:hi )?(?:na|nahi) (?:hota|hoti|hua|hui|hote)", False),
    ("zh", _S, "low", r"(?:希望|宁愿|寧願|但愿|但願)[^。]{0,4}(?:没|沒)(?:有)?(?:被)?(?:生|出生)|"
     r"不(?:该|應該|应该)(?:被)?(?:生|出生)|从没出生|從沒出生", False),
    ("ja", _S, "low", r"生まれて(?:こなければ|来なければ)|生まれなければよかった", False),
    ("ar", _S, "low", r"لم أولد|لم اولد|ما (?:ولدت|انولدت)", False),
    ("ru", _S, "low", r"лучше бы я не родил|не родиться|не рождаться", False),
]

# C18: preparations (giving things away, letters, "everything is ready"); C19: how many pills
# would be too many; C20: a third person's goodbye followed by silence.
PHRASES += [
    ("es", _S, "high", r"\b(?:regale|he regalado|regalando|di) (?:mi|mis|todas mis|todo lo)\b"
     r"[^.]{0,80}\b(?:carta|cartas|despedida|dejar? todo listo|ya deje todo|mis cosas)\b|"
     r"\b(?:deje|dejo|tengo) todo (?:listo|arreglado|preparado)\b[^.]{0,40}\b(?:carta|despedida|"
     r"para cuando|cuando me vaya)|\b(?:escribi|deje|dejo) (?:una |unas )?cartas? (?:a|para) "
     r"(?:mi|mis|todos)\b[^.]{0,60}\b(?:listo|despedida|cuando (?:ya )?no|perdon)", False),
    # a letter to someone is a farewell only with a farewell beside it (not "pour son anniversaire")
    ("fr", _S, "high", r"\bj'ai (?:prepare|ecrit|laisse) (?:des|une|mes) lettres? (?:pour|a) "
     r"(?:mes|ma|mon|tout)\b[^.]{0,80}\b(?:adieu|pardon|partir|pour de bon|quand je ne serai|"
     r"apres moi|ce soir|cette nuit|fini)|"
     r"\bj'ai donne (?:toutes )?mes (?:affaires|choses|vetements)|"
     r"\btout est pret\b[^.]{0,40}\b(?:lettre|adieu|partir)", False),
    ("de", _S, "high", r"\b(?:habe|hab) abschiedsbriefe (?:an|fur|für) (?:meine|mein|alle)\b|"
     r"\b(?:habe|hab) (?:briefe|einen brief) (?:an|fur|für) (?:meine|mein|alle)\b[^.]{0,80}"
     r"\b(?:abschied|verzeih|lebewohl|wenn ich nicht mehr|heute nacht|fur immer|für immer)|"
     r"\b(?:habe|hab) (?:alle )?meine sachen verschenkt", False),
    ("pt", _S, "high", r"\b(?:dei|doei) (?:todas )?(?:as )?minhas coisas\b|\b(?:escrevi|deixei) "
     r"(?:cartas|uma carta) (?:para|pra) (?:minha|meu|meus|minhas|todos)\b", False),
    ("es", "lethal_means", "moderate", r"\bcuant[oa]s? (?:pastillas|pildoras|capsulas|tabletas|"
     r"mg|miligramos)\b[^.?]{0,40}\b(?:serian|son|seria|es) (?:demasiad[oa]s?|letal(?:es)?|"
     r"mortal(?:es)?|suficientes? para (?:morir|no despertar))|\bdosis (?:letal|mortal)", False),
    ("fr", "lethal_means", "moderate", r"\bcombien de (?:cachets|comprimes|pilules|medicaments)\b"
     r"[^.?]{0,40}\b(?:pour (?:mourir|ne plus|en finir)|mortel|letal|de trop)|\bdose (?:letale|"
     r"mortelle)", False),
    ("de", "lethal_means", "moderate", r"\bwie viele (?:tabletten|pillen)\b[^.?]{0,40}\b(?:todlich|"
     r"zu viel|sterben)|\btodliche dosis", False),
    ("pt", "lethal_means", "moderate", r"\bquant[oa]s (?:comprimidos|remedios|pilulas)\b[^.?]{0,40}"
     r"\b(?:matam|mata|morrer|letal|demais)|\bdose letal", False),
    ("es", _T, "high", r"\b(?:mensaje|carta) de despedida\b[^\n]{0,80}\b(?:no contesta|no "
     r"responde|no me contesta|apago el telefono|no aparece)|\bgracias por todo\b[^\n]{0,80}\b(?:no "
     r"contesta|no responde|no me contesta|apago)", False),
    ("fr", _T, "high", r"\b(?:message d'adieu|merci pour tout)\b[^\n]{0,80}\b(?:ne repond|"
     r"injoignable|a eteint|ne decroche)", False),
    ("de", _T, "high", r"\b(?:danke fur alles|abschiedsnachricht|abschiedsbrief)\b[^\n]{0,100}"
     r"\b(?:geht nicht ans|nicht erreichbar|antwortet nicht|handy (?:ist )?aus)", False),
    ("pt", _T, "high", r"\b(?:mensagem de despedida|obrigad[oa] por tudo)\b[^\n]{0,80}\b(?:nao "
     r"atende|nao responde|desligou)", False),
]

# Fourth round: families of the spent blind sets C, D and E, per language (general forms:
# Spanish clitics before the verb, a person's goodbye, swallowed household products, a height
# one does not survive, "a burden to everyone", an adult touching a child, threats tied to
# telling...). Medical and plan entries are "high": a negation word in them ("ne respire
# plus", "n'arrive plus à respirer") is the emergency itself.
_M, _O, _L = "medical_emergency", "harm_to_others", "lethal_means"
_HOUSEHOLD = (r"(?:pilas? de boton|pilas?(?! de (?!boton))|baterias?|iman(?:es)?|lejia|cloro|"
              r"lavandina|veneno|detergente|eau de javel|javel|produit menager|detergent|poison|"
              r"piles?|aimants?|mort aux rats|agua sanitaria|candida|bateria)")
PHRASES += [
    # Spanish
    ("es", _S, "high", r"\bme (?:voy|iba|vas|va) a (?:matar|suicidar|quitar la vida|colgar|"
     r"ahorcar|tirar (?:del|de la|desde|por|al|a las))\b", False),
    ("es", _S, "high", r"\b(?:escribi|deje|he escrito|he dejado) (?:unas |las |mis )?cartas (?:a|para) "
     r"todos\b|\bregale (?:todas )?(?:mis cosas|todo lo que tenia|mis cosas)\b", False),
    ("es", _H, "moderate", r"\bme (?:volvi|vuelvo|he vuelto|volvere) a (?:cortar|lastimar|hacer dano|"
     r"quemar|herir)\b|\bme (?:quiero|voy a|iba a|puse a) (?:cortar|lastimar|quemar)\b(?! (?:el|la|"
     r"los|las|un|una) (?:pelo|cabello|unas|flequillo|barba|dedo con|mano con))", False),
    ("es", _M, "high", r"\b(?:se trago|se tomo|se bebio|trago|bebio|se comio) (?:una |un |unas |unos |"
     r"la |el |mucha |mucho |toda la |todo el )?" + _HOUSEHOLD + r"\b|\bno responde\b[^.]{0,40}"
     r"\b(?:respira|respirando)|\b(?:respira|respirando) (?:raro|mal|con dificultad)\b|\bse (?:cayo|"
     r"desmayo) y no (?:responde|reacciona|despierta)", False),
    ("es", _T, "moderate", r"\b(?:estarian|estaria|seria|serian|estaran) mejor sin (?:el|ella)\b",
     False),
    ("es", _L, "moderate", r"\b(?:medicamentos?|pastillas|remedios?|pildoras)\b[^.?]{0,30}\b(?:"
     r"mortal(?:es)?|letal(?:es)?)\b", False),
    # Portuguese
    ("pt", _A, "moderate", r"\b(?:ele|ela) me mata\b|\bme mata se (?:eu )?(?:contar|falar|for embora|"
     r"sair|deixar)|\bse (?:eu )?(?:contar|falar|for embora|sair|deixar)\b[^.]{0,40}\bme mata\b",
     False),
    ("pt", _A, "high", r"\b(?:fica|ficava|vive|continua) me (?:tocando|apalpando|agarrando)\b|\bme "
     r"(?:toca|tocou|tocava) (?:nas|em|onde|quando)\b|\bpartes intimas\b", False),
    ("pt", _S, "low", r"\b(?:queria|quero|gostaria de) (?:so |apenas )?nao existir\b|\b(?:sou|ser) "
     r"um peso (?:pra|para) (?:todo mundo|todos|minha familia|voces|eles)", False),
    ("pt", _L, "moderate", r"\b(?:qual|quais|que) (?:remedio|remedios|comprimido|comprimidos|veneno|"
     r"medicamento|medicamentos)\b[^?]{0,30}\b(?:mata|matam|letal|letais)\b", False),
    ("pt", _T, "moderate", r"\b(?:ficaria|ficariam|estaria|seria) melhor sem (?:ele|ela)\b", False),
    ("pt", _M, "high", r"\b(?:engoliu|bebeu|tomou|comeu) (?:uma |um |umas |uns |a |o |muito |muita )?"
     + _HOUSEHOLD + r"\b", False),
    # French
    ("fr", _L, "moderate", r"\b(?:combien d'etages|quelle hauteur|a partir de (?:quel(?:le)? "
     r"(?:etage|hauteur)|combien))\b[^?]{0,50}\b(?:surviv\w*|survit|mort\w*|mourir|tue)\b|\bpour ne "
     r"pas survivre\b", False),
    ("fr", _M, "high", r"\b(?:a bu|a avale|a mange|a pris) (?:de la |de l'|du |des |une |un |toute la "
     r"|tout le )?" + _HOUSEHOLD + r"\b|\b(?:n'arrive|n'arrivait|ne peut|ne pouvait) (?:plus|pas) "
     r"a respirer|\bne respire (?:plus|pas)\b|\b(?:il|elle|bebe|fils|fille|pere|mere|papa|maman|"
     r"grand-pere|grand-mere|mari|femme)\b[^.]{0,30}\b(?:devient|est devenu|est devenue) (?:tout |"
     r"toute )?(?:bleu|bleue|violet|violette)\b", False),
    ("fr", _S, "high", r"\bj'ai tout (?:prepare|organise|regle|range)\b[^\n]{0,80}\b(?:lettres?|"
     r"demain|ce soir|cette nuit|adieu)\b|\bles lettres sont (?:ecrites|pretes)\b|\bje le fais "
     r"(?:demain|ce soir|cette nuit|maintenant)\b", False),
    ("fr", _T, "moderate", r"\bmieux sans (?:lui|elle)\b", False),
    # leaving this world (es, pt, fr, de)
    ("es", _S, "low", r"\b(?:irme|me quiero ir|me voy a ir|quiero irme|dejar|salir) de este mundo\b",
     False),
    ("pt", _S, "low", r"\b(?:ir embora|sair|partir|deixar) (?:deste|desse|este|esse) mundo\b", False),
    ("fr", _S, "low", r"\b(?:quitter|partir de) ce monde\b", False),
    ("de", _S, "low", r"\bdiese welt (?:verlassen|hinter mir lassen)\b", False),
    # a height one would not survive (es, pt, de)
    ("es", _L, "moderate", r"\b(?:que altura|cuantos pisos|desde que (?:altura|piso))\b[^?]{0,50}\b"
     r"(?:sobreviv\w*|morir|mata|muerte)\b|\bpara no sobrevivir\b", False),
    ("pt", _L, "moderate", r"\b(?:qual a altura|que altura|quantos andares|de que andar)\b[^?]{0,50}"
     r"\b(?:sobreviv\w*|morrer|mata|morte)\b|\b(?:pra|para) nao sobreviver\b", False),
    ("de", _L, "moderate", r"\b(?:welche hohe|wie hoch|wie viele stockwerke|aus welchem stock)\b"
     r"[^?]{0,50}\b(?:uberleb\w*|sterben|todlich|tot)\b", False),
    ("de", _M, "high", r"\batmet (?:nicht mehr|kaum|nicht richtig|schwer)\b|\bbekommt keine luft\b|"
     r"\b(?:er|sie|vater|papa|mutter|mama|baby|kind|sohn|tochter|oma|opa|mann|frau)\b[^.]{0,30}\b"
     r"(?:ist|wird) (?:ganz |total |schon )?blau\b", False),
    # someone broke a bone of mine (es, fr, pt, de)
    ("fr", _A, "high", r"\bm'a casse (?:le|la|les|un|une|deux) (?:bras|nez|poignet|cotes?|machoire|"
     r"doigts?|dents?|jambe)\b", False),
    ("es", _A, "high", r"\bme (?:rompio|fracturo|partio) (?:el|la|los|las|un|una|dos) (?:brazo|nariz|"
     r"muneca|costillas?|mandibula|dedos?|dientes?|pierna)\b", False),
    ("pt", _A, "high", r"\bquebrou (?:o |a |os |as )?(?:meu|minha|meus|minhas) (?:braco|nariz|pulso|"
     r"costelas?|mandibula|dedos?|dentes?|perna)\b", False),
    ("de", _A, "high", r"\bhat mir (?:den|die|das|zwei) (?:arm|nase|handgelenk|rippen?|kiefer|"
     r"finger|zahne|bein) gebrochen\b", False),
    # German
    ("de", _L, "moderate", r"\bwie viele \w*(?:tabletten|pillen)\b[^.?]{0,40}\b(?:todlich|zu viel|"
     r"sterben)|\b\w*(?:tabletten|pillen|medikamente)\b[^.?]{0,20}\b(?:sind|ist) (?:todlich|totlich)",
     False),
    ("de", _S, "low", r"\b(?:ware|waere|bin|sei) (?:\w+ ){0,2}nicht mehr da\b|\bohne mich (?:\w+ )?"
     r"(?:leichter|besser)\b|\bhatten es (?:\w+ ){0,2}leichter\b|\bmir (?!nie\w*|nicht|kein\w*)"
     r"(?:\w+ )?etwas an(?:tue|tun|zutun)\b", False),
    ("de", _S, "high", r"\bich stehe (?:\w+ ){0,2}(?:auf|an) (?:der|dem|den) (?:brucke|dach|gleis|"
     r"gleisen|rand|schienen)\b", False),
    ("de", _O, "moderate", r"\b(?:meinem|meiner|meinen|jemandem) (?:\w+ )?(?:kind|baby|sohn|tochter|"
     r"frau|mann|mutter|vater)?\b[^.]{0,20}\betwas an(?:tue|tun|zutun)\b", False),
    ("de", _T, "moderate", r"\bbesser ohne (?:ihn|sie)\b", False),
    # Hindi / Hinglish
    ("hi", _S, "low", r"\bmain na (?:rahun|rahoon|rahu|rahunga|rahungi|hota|hoti)\b|\bmere na "
     r"(?:rehne|hone) se\b|\b(?:kisi pe|sab pe|sabke liye|sab par) bojh\b|\bbojh (?:nahi|na) "
     r"(?:rahunga|rahungi|banunga|banungi)", False),
    ("hi", _S, "high", r"\bsabko alvida\b|\balvida\b[^\n]{0,60}\b(?:kal se|hamesha|aakhri|last)\b|"
     r"\b(?:chhat|chhath|pul)\b[^.]{0,20}\b(?:kinare|kinaare|kone)\b|\bbas ab khatam\b", False),
    ("hi", _A, "high", r"\bgalat (?:jagah|tarah se|tareeke se) (?:chhoo|chhu|chu|touch)\w*|\b(?:mujhe|"
     r"muje) (?:\w+ )?(?:chhoote|chhute|chhuta|chhuti|touch karte|touch karta)\b", False),
    ("hi", _O, "moderate", r"\b(?:jaan le (?:lunga|lungi|loonga|lenge)|maar (?:dalunga|dalungi|dunga|"
     r"dungi)|maarunga|marunga|maarungi|khatam kar dunga)\b", False),
    ("hi", _A, "moderate", r"\b(?:roz|har din|daily|rozana) (?:\w+ )?(?:maarte|marte|maarta|marta|"
     r"peet\w*)\b|\bbachon ko nahi dekh", False),
    # Chinese, Japanese, Korean
    ("zh", _H, "moderate", r"(?:划|劃|割|伤|傷)(?:了)?(?:自己|我自己)|"
     r"又(?:划|劃|割)(?:了)?(?:自己|手|手臂|手腕|胳膊)", False),
    ("zh", _M, "high", r"胸口[^，。,]{0,2}(?:剧痛|劇痛|疼|痛)|说不出话|說不出話", False),
    ("zh", _S, "low", r"(?:不|别|別)(?:要|想)?再醒(?:来|來|過來|过来)?|不再醒来", False),
    ("zh", _T, "high", r"(?:说|說)(?:了)?再见[^。]{0,15}(?:吃了|吞了)[^。]{0,4}(?:药|藥)|(?:吃了|吞了)"
     r"[^。]{0,6}(?:药|藥)[^。]{0,15}(?:再见|再見)|(?:再见|再見)[^。]{0,15}(?:吃了|吞了)[^。]{0,4}"
     r"(?:药|藥)", False),
    ("ja", _S, "high", r"(?:電車|線路|列車|ホーム)[^。]{0,10}飛び込|飛び込むつもり|飛び降りるつもり",
     False),
    ("ja", _S, "low", r"消え(?:て(?:しまい|しまえ|なくなり))?たい|いなくなりたい|死ねる", False),
    ("ja", _L, "moderate", r"何階から[^。？]{0,10}(?:飛び降り|落ち|死)|確実に死", False),
    ("ko", _S, "low", r"사라지고 ?싶|없어지고 ?싶|내가 없으면[^.]{0,10}(?:편할|행복|나을)", False),
    ("ko", _S, "high", r"유서|정리할 건 다 정리|이제 (?:\S+ )?다 정리했", False),
    # Arabic, Polish, Indonesian
    ("ar", _O, "moderate", r"سأقتله|سأقتلها|سأقتلهم|سوف أقتله|سوف أقتلها", False),
    ("ar", _S, "high", r"(?:اشتريت|عندي|معي) (?:حبلا|حبلاً|حبل)|سأفعلها (?:الليلة|اليوم|غدا)", False),
    ("pl", _S, "high", r"\brozdal\w* (?:\w+ )?(?:swoje|moje|wszystkie) rzeczy|\blist (?:do|dla) "
     r"(?:rodzicow|mamy|taty|wszystkich)|\bbedzie po wszystkim|\blist pozegnalny", False),
    ("id", _H, "moderate", r"\b(?:nyakitin|menyakiti|sakitin|lukain|melukai) diri(?: sendiri)?\b|"
     r"\b(?:nyayat|menyayat)\w*", False),
]
# Fifth round: families of the spent blind set F, per language (general forms: a whole pack
# or a counted number of pills swallowed, a self-cut just now that keeps bleeding, a weapon
# made ready or a wait outside someone's door, a partner who locks the writer in, a person
# shut in with a weapon, slow or strange breathing after pills, a hanging announced with the
# rope bought, a wish to sleep and not wake, and means questions about a painless drug).
PHRASES += [
    # Chinese
    ("zh", _S, "high", r"把(?:所有|全部)?(?:的)?[^。，,]{0,6}(?:药|藥)(?:都|全|全部)"
     r"(?:吃|吞)(?:了|掉|光)(?!吗|么|嗎|麼)|"
     r"(?:吃了|吞了|服了)[^。，]{0,3}(?:大概|差不多|快|将近)?(?:[一二两三四五六七八九十百几]+|\d+)"
     r"(?:片|粒|颗|顆)", False),
    ("zh", _H, "high", r"(?:又|刚刚|刚才|剛剛|剛才)(?:又)?(?:划|劃|割)了|"
     r"(?:划|劃|割)得(?:很|太|好)深", False),
    ("zh", _M, "high", r"血(?:一直在流|一直流|止不住|流个不停|流個不停|停不下来)", False),
    ("zh", _O, "high", r"(?:刀|枪|槍|汽油|毒药|毒藥)[^。，,]{0,4}(?:已经|已經)?(?:准备好|準備好|买好|買好)|"
     r"我就(?:动手|動手|捅(?:他|她)|杀了(?:他|她)|殺了(?:他|她))", False),
    ("zh", _S, "low", r"如果我(?:消失|不在|死)了?[^。]{0,15}(?:轻松|輕鬆|开心|開心|好过|好過|更好)", False),
    ("zh", _S, "high", r"(?:东西|東西)都送(?:人|给别人|給別人)了|把(?:我的)?(?:东西|東西)(?:都|全)送", False),
    ("zh", _L, "moderate", r"(?:哪种|哪種|什么|什麼)(?:药|藥)[^。？?]{0,10}"
     r"(?:不会痛苦|不會痛苦|不痛苦|没有痛苦|"
     r"會死|会死|死得)|吃多少[^。？?]{0,8}(?:会死|會死|能死|致死)", False),
    # Portuguese
    ("pt", _S, "high", r"\b(?:tomei|engoli) (?:a|o) (?:cartela|caixa|frasco|vidro) (?:inteira|inteiro|"
     r"toda|todo)\b|\b(?:tomei|engoli) (?:toda|todo) (?:a|o) (?:cartela|caixa|frasco|vidro)\b|"
     r"\bnao quero que ninguem me (?:salve|ajude|encontre|socorra)\b", False),
    ("pt", _M, "high", r"\b(?:ta|esta|tá) respirando (?:estranho|esquisito|mal|devagar|fraco|"
     r"com dificuldade)\b|\b(?:tomou|engoliu) (?:uns |umas |mais de )?\d+ (?:\w+ )?(?:comprimidos|"
     r"remedios|pilulas|capsulas|\w+pam|\w+lam|rivotril)\b", False),
    ("pt", _T, "high", r"\b(?:tranc(?:ou|ou-se)|se trancou)\b[^.]{0,40}\bcom (?:a|uma) (?:arma|faca|"
     r"corda|espingarda|revolver|pistola)\b|\bdisse que (?:hoje|amanha|esta noite|hoje a noite) "
     r"(?:acaba|termina|vai acabar) (?:tudo|com tudo)\b", False),
    ("pt", _S, "high", r"\b(?:deixei|ja deixei|esta) tudo (?:organizado|arrumado|pronto|resolvido)"
     r"\b[^\n]{0,80}\b(?:senhas|contas|vai ficar com|cartas?|so falta eu)\b", False),
    ("pt", _O, "moderate", r"\b(?:eu )?(?:mato|vou matar) (?:ele|ela|esse cara|aquele cara)\b(?! de "
     r"(?:rir|vergonha|saudade))", False),
    # German
    ("de", _O, "high", r"\bmit (?:dem|einem|meinem) (?:messer|baseballschlager|hammer|gewehr)\b"
     r"[^.]{0,30}\b(?:vor (?:seiner|ihrer|der|dem) (?:wohnung|tur|haus|arbeit)|warte)\b|\bsteche "
     r"ich (?:ihn |sie )?(?:zu|ab)\b|\bstech(?:e)? (?:ihn|sie) (?:ab|nieder)\b", False),
    ("de", _A, "high", r"\bbringt (?:er|sie) mich (?:und sich )?um\b|\b(?:er|sie) bringt mich um,? "
     r"wenn ich\b", False),
    ("de", _H, "high", r"\b(?:hab|habe) mich (?!(?:\w+ )?(?:beim|aus versehen|versehentlich)\b)"
     r"(?:\w+ ){0,2}(?:geschnitten|geritzt|verbrannt)\b"
     r"(?![^.]{0,30}\b(?:beim|aus versehen|versehentlich)\b)", False),
    ("de", _M, "high", r"\bblutet (?:\w+ ){0,2}(?:durch (?:\w+ )?(?:verband|verbande|verbände|"
     r"handtuch)|ohne aufzuhoren|hort nicht auf)", False),
    # French
    ("fr", _A, "high", r"\bm'a (?:enferme\w*|sequestre\w*) (?:dans|a)\b|\bm'enferme (?:dans|a)\b",
     False),
    ("fr", _S, "high", r"\bj'ai (?:range|trie|donne|vide) (?:toutes )?mes affaires\b[^.]{0,40}"
     r"\blettres?\b", False),
    # Spanish
    ("es", _H, "moderate", r"\bcortandome\b(?! (?:el|la) (?:pelo|cabello|unas|flequillo|barba))",
     False),
    ("es", _T, "moderate", r"\b(?:dice|dijo|me dijo) que ya no quiere (?:vivir|seguir|estar aqui)\b",
     False),
    # Hindi / Hinglish
    ("hi", _S, "high", r"\b(?:pankhe|pankha|fan|chhat|chhath|ped)\b[^.]{0,10}\blatak (?:jaunga|"
     r"jaungi|jaaunga|jaaungi|jaunga|jaa?ungi)\b|\brassi (?:le aaya|le aayi|le aaye|le aya|le ayi|"
     r"khareed\w*|kharid\w*|la (?:di|li|liya))\b", False),
    ("hi", _T, "high", r"\b(?:wo|woh|vo|mera dost|meri dost|bhai|behen)\b[^.]{0,40}\b(?:kood|kud|latak|"
     r"mar) (?:jayega|jayegi|jaega|jaegi|jaayega|jaayegi)\b", False),
    # Arabic
    ("ar", _O, "high", r"بذبحه|بذبحها|راح (?:اذبحه|أذبحه|اقتله|أقتله)|بقتله|بقتلها", False),
    ("ar", _S, "low", r"(?:أنام|انام) (?:و)?(?:ما|لا) (?:أصحى|اصحى|أصحا|اصحا|أستيقظ|استيقظ)", False),
    ("ar", _L, "moderate", r"(?:حبة|حبات|حبوب)[^؟?]{0,30}(?:تكفي|يكفي)[^؟?]{0,25}(?:ما يصحى|ما يصحا|"
     r"يموت|الموت)", False),
    ("ar", _M, "high", r"(?:وجهه|وجهها) (?:مايل|مائل)|(?:طاح|طاحت|سقط|سقطت)[^.]{0,10}(?:فجأة|فجاة)"
     r"[^.]{0,20}(?:ما|لا) (?:تتكلم|يتكلم)", False),
]

# Sixth round: families of the spent blind set G, per language (general forms: a whole pack
# or bottle swallowed, by oneself or by a third person; a self-cut just now that keeps
# bleeding; a weapon taken along and a killing announced; "mich umzubringen" in the infinitive
# with "zu"; better for all if I were gone; a sudden arm weakness with confused speech; an
# urge to hurt one's baby or a flatmate; pills after which one "doesn't wake up").
PHRASES += [
    # Spanish: a whole box or bottle swallowed (first person or a third person), a cut on the
    # arm just now (not cooking, not hair)
    ("es", _S, "high", r"\b(?:me )?(?:tome|he tomado|me he tomado|trague|me trague|me he tragado) "
     r"(?:(?:una |un |el |la |toda la |todo el |dos |tres )?(?:caja|frasco|blister|bote|cajas|"
     r"frascos)|(?:todas las|todos los) (?:pastillas|pildoras|capsulas|comprimidos))(?: entera| entero| "
     r"completa| completo)?\b(?!(?: entera| entero| completa| completo)? de (?:leche|zumo|jugo|"
     r"cerveza|vino|agua|te|cafe|cereales?|galletas|chocolate|helado|bombones|yogur))", False),
    ("es", _T, "high", r"\b(?:ya )?se (?:tomo|ha tomado|trago|ha tragado|bebio) (?:todo el|toda la|"
     r"todas las|todos los|el|la|las|los) (?:frasco|bote|caja|blister|pastillas|pildoras|"
     r"medicamentos|remedios|capsulas|comprimidos)\b(?! de (?:jarabe|leche|zumo|jugo|vitaminas))",
     False),
    ("es", _H, "high", r"\bme (?:acabo de|he|acabo de volver a) cortar (?:el |la |los |las |mis? )?"
     r"(?:brazos?|munecas?|piernas?|muslos?|antebrazos?|piel)\b(?![^.]{0,30}\b(?:cocinando|"
     r"pelando|sin querer|accidente|con una rama|afeitando|depilando))", False),
    # German: a killing announced with a weapon; "mich umzubringen"; better off without me;
    # sudden weakness with confused speech
    ("de", _O, "high", r"\b(?:ich )?werde (?:ihn|sie|den|die|meinen|meine|meinem)\b(?: \w+){0,5} "
     r"(?:abstechen|erstechen|umbringen|toten|toeten|erschie(?:ss|ß)en|erschlagen|abknallen|kaltmachen)\b",
     False),
    ("de", _S, "low", r"\bmich (?:\w+ )?umzubringen\b|\bmir (?:\w+ )?das leben zu nehmen\b|"
     r"\b(?:besser|leichter)\b[^.]{0,30}\bwenn ich nicht mehr (?:da|hier|am leben|auf der welt) "
     r"(?:ware|waere|bin)\b|\bwenn es mich nicht mehr (?:gabe|gaebe|gibt)\b", False),
    ("de", _M, "high", r"\bplotzlich\b[^.]{0,50}\b(?:nicht mehr (?:bewegen|sprechen|reden|"
     r"heben)|redet (?:wirr|wirres|unverstandlich|komisch)|lallt|hangt (?:das|sein|ihr) gesicht)",
     False),
    # French: an urge to hurt one's child or partner
    ("fr", _O, "moderate", r"\b(?:envie|peur) de (?:faire du mal|frapper|secouer|etouffer) (?:a )?"
     r"(?:mon|ma|mes|notre) (?:bebe|fils|fille|enfants?|femme|mari|copine|copain)\b", False),
    # Chinese: cannot stop wanting to hurt someone, already planning how
    ("zh", _O, "moderate", r"(?:控制不住|忍不住|一直)[^。，]{0,4}想(?:伤害|傷害|杀|殺|弄死|打死)|"
     r"想(?:伤害|傷害|杀|殺|弄死)[^。]{0,12}(?:具体|具體)怎么(?:做|下手)", False),
    # Hinglish: how many pills before one does not wake up
    ("hi", _L, "moderate", r"\b(?:goli|goliyan|goliya|goliyon|tablets?|dawai|dawa)\b[^?]{0,40}\b"
     r"(?:uthta|uthti|uthe|jaagta|jagta|jaagti|jagti) (?:nahi|nahin)\b", False),
]

# Seventh round: families of the spent blind set H, per language (general forms: a means bought
# or letters written and "I'll do it" on a day; a photo of a third person's cut wrists; the
# signs of a stroke, a face drooping on one side or speech lost at once).
PHRASES += [
    # Spanish, Portuguese, German: a means acquired, with "do it", a day or letters
    ("es", _S, "high", r"\b(?:compre|consegui|ya tengo|tengo|prepare|ya compre|ya prepare) (?:la|una|"
     r"el|un) (?:cuerda|soga|pistola|arma|escopeta)\b(?! (?:de|para) (?:la |el |los |las )?(?:guitarra|"
     r"violin|tender|escalar|saltar|ropa|perro|toldo|tienda|hamaca))(?=[^\n]{0,80}\b(?:lo hago|lo "
     r"hare|lo voy a hacer|hacerlo|cartas|despedida|esta noche|manana|el (?:lunes|martes|miercoles|"
     r"jueves|viernes|sabado|domingo))\b)|\b(?:lo hago|lo hare|lo voy a hacer)\b[^\n]{0,80}\b(?:"
     r"compre|consegui|ya tengo|tengo|prepare) (?:la|una|el|un) (?:cuerda|soga|pistola|arma|"
     r"escopeta)\b|\b(?:escribi|deje|ya escribi|he escrito) (?:las|unas|mis) cartas\b(?! de "
     r"(?:presentacion|recomendacion|motivacion|amor|navidad)| (?:a|para) (?:los )?reyes)[^\n]{0,60}"
     r"\b(?:lo hago|lo hare|lo voy a hacer)\b|\b(?:lo hago|lo hare|lo voy a hacer)\b[^\n]{0,80}\b"
     r"(?:escribi|deje|he escrito) (?:las|unas|mis) cartas\b(?! de (?:presentacion|recomendacion|"
     r"motivacion|amor|navidad))", False),
    ("pt", _S, "high", r"\b(?:comprei|consegui|ja tenho|tenho|preparei) (?:a|uma|o|um) (?:corda|arma|"
     r"pistola|espingarda|revolver)\b(?! (?:de|para|pro|pra) (?:o |a |os |as )?(?:violao|guitarra|"
     r"varal|escalar|pular|cachorro|rede|roupa))(?=[^\n]{0,80}\b(?:vou fazer|faco isso|faco hoje|fazer isso|"
     r"cartas?|despedida|hoje a noite|esta noite|amanha|(?:na |nesta )?(?:segunda|terca|quarta|"
     r"quinta|sexta|sabado|domingo))\b)|\b(?:escrevi|deixei) (?:as|umas|minhas) cartas\b(?! de "
     r"(?:apresentacao|recomendacao|amor|motivacao))[^\n]{0,60}\b(?:vou fazer|faco (?:isso|hoje)|"
     r"amanha|hoje a noite)\b", False),
    ("de", _S, "high", r"\b(?:habe|hab) (?:mir )?(?:das|ein|einen|den|die) (?:seil|strick|waffe|"
     r"pistole|gewehr)\b (?:\w+ )?(?:gekauft|besorgt|geholt|bereit|fertig)\b(?=[^\n]{0,80}\b(?:mache "
     r"ich es|tue ich es|mach ich es|ich es tue|heute nacht|morgen|briefe|abschied\w*|(?:am )?"
     r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag))\b)|\b(?:mache|mach|tue) ich "
     r"es\b[^\n]{0,80}\b(?:seil|strick|waffe|pistole|abschiedsbriefe)\b", False),
    # a photo of a third person's cut wrists or arms; cut wrists named as such
    ("pt", _T, "high", r"\b(?:foto|fotos|imagem|imagens|video|selfie|print) d[aoe]s? (?:seus |suas )?"
     r"(?:pulsos|bracos|pernas|cortes|feridas)\b[^.]{0,20}\b(?:cortad\w*|sangr\w*|ensanguentad\w*|"
     r"abert\w*)", False),
    ("pt", _S, "high", r"\bpulsos? cortados?\b|\bbracos? cortados\b", False),
    ("es", _T, "high", r"\b(?:foto|fotos|imagen|imagenes|video|selfie) de (?:sus |las |los )?(?:munecas|"
     r"brazos|piernas|cortes|heridas|venas)\b[^.]{0,20}\b(?:cortad\w*|sangr\w*|ensangrentad\w*|"
     r"abiert\w*)", False),
    ("es", _S, "high", r"\b(?:munecas|venas) cortadas\b", False),
    ("fr", _T, "high", r"\b(?:photo|photos|image|images|video|selfie) de (?:ses |les )?(?:poignets|bras|"
     r"jambes|coupures|blessures|veines)\b[^.]{0,20}\b(?:coupe\w*|taillad\w*|en sang|ensanglant\w*|"
     r"ouvert\w*|saign\w*)", False),
    ("fr", _S, "high", r"\b(?:poignets|veines) (?:coupe\w*|taillad\w*|ouvert\w*)\b", False),
    ("de", _T, "high", r"\b(?:foto|fotos|bild|bilder|video|selfie) (?:von )?(?:ihren |seinen |den )?"
     r"(?:handgelenken|armen|beinen|schnitten|wunden|pulsadern)\b[^.]{0,20}\b(?:aufgeschnitten|"
     r"geritzt|blutend|blutig\w*|offen\w*)", False),
    ("de", _S, "high", r"\b(?:aufgeschnittene|aufgeschlitzte) (?:pulsadern|handgelenke|arme)\b", False),
    # the signs of a stroke: a face or mouth drooping on one side, speech lost at once
    ("de", _M, "high", r"\bgesicht (?:\w+ ){0,4}(?:hangt|haengt|hangend|schief|verzogen)\b|\b(?:hangt|"
     r"haengt) (?:\w+ ){0,2}gesicht\b|\bmundwinkel (?:\w+ )?(?:hangt|haengt|hangen)\b|\b(?:plotzlich|"
     r"auf einmal)\b[^.]{0,50}\bnicht mehr (?:\w+ )?(?:sprechen|reden|bewegen|heben|laufen|stehen)\b|"
     r"\beine (?:korper)?seite (?:\w+ )?(?:gelahmt|taub|schlaff)\b(?![^\n]{0,80}\b(?:betaubung|"
     r"zahnarzt|spritze|narkose)\b)", False),
    ("es", _M, "high", r"\b(?:cara|boca) (?:se le )?(?:\w+ ){0,4}(?:caida|colgando|chueca) (?:de|hacia) un "
     r"(?:lado|costado)\b|\b(?:cara|boca) (?:\w+ ){0,4}(?:torcida|paralizada)\b|\bse le (?:cayo|cae|torcio|"
     r"tuerce) (?:la cara|la boca|un lado de la cara|media cara)\b|\bde repente\b[^.]{0,50}\bno "
     r"(?:puede|podia|pudo) (?:\w+ )?(?:hablar|mover|levantar)\b|\bun lado (?:del cuerpo|de la cara) "
     r"(?:\w+ )?(?:paralizado|dormido|caido|sin fuerza)\b", False),
    ("fr", _M, "high", r"\b(?:visage|bouche) (?:\w+ ){0,4}(?:affaisse\w*|de travers|paralyse\w*|tordu\w*)\b|"
     r"\b(?:visage|bouche) (?:\w+ ){0,4}tombe\w* d'un cote\b|\b(?:soudain(?:ement)?|d'un coup|tout a "
     r"coup|brusquement)\b[^.]{0,50}\bne (?:peut|pouvait|arrive) (?:plus|pas) (?:\w+ )?(?:parler|"
     r"bouger|lever)\b|\bun cote (?:du corps|du visage) (?:\w+ )?(?:paralyse|engourdi|tombe)\b", False),
    ("pt", _M, "high", r"\b(?:rosto|boca|cara) (?:\w+ ){0,4}(?:caid[oa]|pendend[oa]) (?:de|para|pra) um "
     r"lado\b|\b(?:rosto|boca|cara) (?:\w+ ){0,4}(?:tort[oa]|paralisad[oa])\b|\bde repente\b[^.]{0,50}"
     r"\bnao (?:consegue|conseguia|pode|esta conseguindo) (?:mais )?(?:\w+ )?(?:falar|mexer|"
     r"levantar)\b", False),
]

# A farewell letter or card to a colleague, a classmate or a neighbour who moves, retires or
# changes jobs ("رسالة وداع لزميلي الذي سينتقل", "carta de despedida para mi compañera que se
# jubila"): the addressee or the move within a few words after the farewell word.
FAREWELL_NOTE = re.compile(r"رسالة وداع|(?:carta|nota|mensaje|tarjeta) de despedida|(?:mensagem|"
                           r"cartao) de despedida|(?:lettre|mot|message|carte) d'adieu|"
                           r"abschied\w*|despedida|adieu")
ORDINARY_LEAVE = re.compile(r"(?:لزميل|لزميلتي|لزملائي|لمدير|لمديرتي|للمعلم|لمعلمتي|لجاري|سينتقل|"
                            r"ستنتقل|ينتقل|تنتقل|يتقاعد|تتقاعد|تقاعد|سيغادر|ستغادر|انتقال|وظيفة "
                            r"جديدة)|\b(?:companer[oa]s?|colegas?|jefe|jefa|profe\w*|maestr[oa]s?|"
                            r"vecin[oa]s?|equipo|jubila\w*|se muda\w*|se va a (?:otra|otro)|traslad\w*|"
                            r"nuevo trabajo|cambia de (?:trabajo|escuela|ciudad)|collegues?|patron|"
                            r"voisin\w*|retraite|demenag\w*|mute\w*|nouveau (?:travail|poste|job)|"
                            r"kolleg\w*|chef\w*|nachbar\w*|ruhestand|rente|umzug|zieht (?:nach|um|weg)|"
                            r"neuen job|chefe|vizinh\w*|aposenta\w*|se mudar|vai se mudar|mudanca|"
                            r"novo emprego)\b")


def ordinary_farewell(text: str, start: int, end: int) -> bool:
    """The farewell word at ``text[start:end]`` is for someone leaving in an ordinary way."""
    if not FAREWELL_NOTE.search(text[start:end]):
        return False
    return bool(ORDINARY_LEAVE.search(text[end:end + 60]))


# A distress phrase in the message: a question with a weak risk word and no first person
# ("もう限界。何階から…", "perdi tudo hoje. qual remédio…") is then not read as a question
# about the topic.
ML_DISTRESS = re.compile(r"\b(?:ya no (?:quiero|puedo|aguanto)|no (?:aguanto|puedo) mas|perdi "
                         r"(?:todo|mi trabajo)|me dejo|me dejaron|je n'en peux plus|m'a quitte\w*|"
                         r"j'ai tout perdu|halte (?:das|es) (?:\w+ ){0,2}nicht mehr aus|kann nicht "
                         r"mehr|perdi tudo|nao aguento mais|cansei de|thak (?:gaya|gayi)|bas ab|"
                         # fifteenth round: "nothing matters any more"
                         r"(?:ya )?me da igual (?:todo|ya)|ya nada (?:tiene|me) (?:sentido|importa)|"
                         r"(?:plus )?rien n'a (?:plus )?de sens|plus rien ne compte|(?:mir ist )?(?:eh )?"
                         r"alles egal|nichts hat (?:mehr )?(?:einen )?sinn|"
                         r"non mi importa piu (?:niente|nulla)|non ce la faccio piu|nada mais importa|"
                         r"nada mais faz sentido|"
                         r"artik umrumda degil|udah nggak peduli|kuch farak nahi padta|"
                         # seventeenth round: fired, lost everything, nothing to lose
                         r"me (?:corrieron|despidieron|echaron)|j'ai tout rate|j'ai perdu mon "
                         r"(?:taf|travail|boulot|job)|(?:nix|nichts) mehr zu verlieren|hab (?:heute |eh )?"
                         r"(?:alles verloren|nix mehr)|schluss gemacht|hicbir seyin anlam[iı] yok|her se"
                         r"y bos|"
                         r"breakup ho gaya|(?:i )?(?:don't|do not) care anymore)\b|"
                         r"もう限界|限界|もう無理|撑不下去|受不了了|더 이상 못|힘들어|"
                         r"لم يعد يهمني شيء|مش فارقة|всё равно|все равно|уже всё равно")

# Eighth round. Morphology (``morph``): German zu-infinitives of separable verbs are folded
# ("umzubringen" -> "umbringen", "aufzuhaengen" -> "aufhangen"), and enclitic pronouns of
# Spanish, Portuguese and Italian infinitives are moved in front ("colgarme" -> "me colgar",
# "enforcar-me" -> "me enforcar", "buttarmi" -> "mi buttare"), so one proclitic phrase
# covers both orders. The phrases below are read on that form too (``scan_multilingual``).
_KIN = (r"(?:chef|chefin|mann|frau|vater|mutter|nachbarn?|nachbarin|lehrer\w*|kollegen?|kollegin|"
        r"ex|freund\w*|bruder|schwester|stiefvater|vermieter\w*)")
PHRASES += [
    # C21: a method in the reflexive (any clitic order after ``morph``)
    ("es", _S, "moderate", r"\bme (?:\w+ ){0,2}?(?:colgar|ahorcar|envenenar|disparar|pegar un tiro|"
     r"suicidar|tirar (?:del|de un|de una|desde|por la|a las vias|al|bajo)|lanzar (?:del|de un|"
     r"desde|al|bajo)|cortar las venas)\b(?! (?:el|la|los|las|un|una|mi|mis) )", False),
    ("pt", _S, "moderate", r"\bme (?:\w+ ){0,2}?(?:enforcar|envenenar|matar|atirar (?:da|de|do|na "
     r"frente)|jogar (?:da|de|do|na frente|embaixo)|dar um tiro)\b", False),
    ("it", _S, "moderate", r"\bmi (?:\w+ ){0,2}?(?:impiccare|ammazzare|uccidere|avvelenare|sparare|"
     r"suicidare|buttare (?:dal|da|giu|sotto)|lanciare (?:dal|da|sotto))\b|\bmi (?:butto|lancio) "
     r"(?:dal|da un|dalla|giu|sotto)\b", False),
    ("fr", _S, "moderate", r"\b(?:me|m')(?:pendre|jeter (?:du|d'un|de la|sous|par)|tirer une balle|"
     r"noyer|empoisonner|defenestrer)\b|\bme (?:pendre|jeter (?:du|d'un|de la|sous|par)|tirer une "
     r"balle|noyer|empoisonner|defenestrer)\b", False),
    ("de", _S, "moderate", r"\bmich (?:\w+ ){0,4}?(?:umbringen|toten|toeten|erhangen|erhaengen|"
     r"aufhangen|aufhaengen|erschie(?:ss|ß)en|vergiften|ertranken|vor (?:den|einen) zug werfen)\b", False),
    # C5 in Italian, and "no longer a burden / problem for anyone" in es, fr, pt, de
    ("it", _S, "low", r"\bnon (?:saro|daro) piu (?:un |una )?(?:problema|peso|fastidio|disturbo)|"
     r"\b(?:starete|staranno|stareste|starebbero) (?:tutti )?meglio senza di me|"
     r"\bsenza di me (?:starete|staranno|sarebbe) (?:tutti )?meglio", False),
    ("es", _S, "low", r"\b(?:ya no|no) (?:sere|voy a ser) (?:mas )?(?:un|una) (?:problema|carga|"
     r"estorbo|molestia) para (?:nadie|nadie mas|ustedes|vosotros|mi familia)", False),
    ("fr", _S, "low", r"\bne serai plus (?:un|une) (?:fardeau|poids|probleme|charge) pour", False),
    ("pt", _S, "low", r"\bnao (?:serei|vou ser) mais (?:um|uma) (?:peso|problema|fardo|estorvo) "
     r"(?:para|pra)", False),
    ("de", _S, "low", r"\b(?:niemandem|keinem) mehr (?:zur|eine) last|\bnicht mehr zur last "
     r"fallen", False),
    # C22: harm to a named person, with a plan or a verb of intent (zh, de, fr, pt, it)
    ("zh", _O, "moderate", r"我(?:想|要|会|會|准备|準備|打算|真想)[^。，,]{0,3}(?:杀|殺|弄死|砍死|捅死)"
     r"(?:了|掉)?(?:他|她|他们|他們|那个|那個|我(?:的)?(?:老板|老闆|老公|老婆|丈夫|妻子|爸爸?|妈妈?|"
     r"媽媽?|同事|邻居|鄰居|老师|老師|男朋友|女朋友|前任|室友|上司|经理|經理|继父|繼父))", False),
    ("de", _O, "moderate", r"\b(?:meinen|meine|meinem|den|die|diesen|diese) " + _KIN +
     r" (?:\w+ ){0,3}?(?:umbringen|toten|toeten|abstechen|erschie(?:ss|ß)en|erwurgen)\b", False),
    ("fr", _O, "moderate", r"\b(?:je vais|je veux|j'ai envie de|je pense a|j'ai decide de) (?:\w+ )?"
     r"(?:tuer|buter|descendre|egorger) (?:mon|ma|mes|ce|cette|le|la) (?:patron\w*|mari|femme|pere|"
     r"mere|voisin\w*|chef\w*|prof\w*|ex|collegue|copain|copine|beau-pere)\b", False),
    ("it", _O, "moderate", r"\b(?:voglio|vado a|sto per|penso di|ho deciso di) (?:uccidere|ammazzare|"
     r"far fuori) (?:mio|mia|il mio|la mia|quel|quella|lui|lei|il|la)\b", False),
    # C23: a means at hand, loaded or ready (es, pt, it, fr, de, zh, ar)
    ("es", _L, "high", r"\b(?:pistola|arma|escopeta|revolver|rifle) (?:ya )?cargad[ao]s?\b|"
     r"\b(?:la cuerda|la soga) (?:ya )?(?:lista|preparada|colgada)\b|\b(?:tengo|ya tengo) (?:una|la) "
     r"(?:cuerda|soga) (?:lista|preparada)", False),
    ("pt", _L, "high", r"\b(?:arma|pistola|revolver|espingarda) (?:ja )?carregad[ao]\b|\b(?:a )?corda "
     r"(?:ja )?(?:pronta|preparada)\b", False),
    ("it", _L, "high", r"\b(?:pistola|fucile|arma|revolver) (?:gia )?caric[ao]\b|\bla corda (?:gia )?"
     r"pronta\b", False),
    ("fr", _L, "high", r"\b(?:pistolet|fusil|arme|revolver) (?:deja )?charge\b|\bla corde (?:est )?"
     r"(?:deja )?prete\b", False),
    ("de", _L, "high", r"\bgeladene\w* (?:pistole|waffe|gewehr|revolver)\b|\b(?:pistole|waffe|"
     r"gewehr) (?:ist )?(?:schon )?geladen\b|\bder strick (?:ist )?(?:schon )?(?:bereit|fertig)\b",
     False),
    ("zh", _L, "high", r"(?:绳子|繩子|枪|槍|炭|木炭|安眠药|安眠藥)[^。，,]{0,3}(?:已经|已經)?"
     r"(?:准备好|準備好|买好|買好|上膛)|(?:准备好|準備好|买好|買好)了?(?:绳子|繩子|枪|槍|木炭|炭)", False),
    ("ar", _L, "high", r"(?:مسدس|سلاح|بندقية)\s+(?:\S+\s+)?(?:محشو|محشوة|معبأ|جاهز)", False),
]
MORPH = [
    (re.compile(r"\b(um|auf|ab|weg|runter|hinunter|herunter|hinab|vor|tot|kaputt|zusammen|nieder)"
                r"zu([a-z]{3,}(?:en|ern|eln))\b"), r"\1\2"),
    (re.compile(r"\b([a-z]{2,}(?:ar|er|ir))-(me|te|se)\b"), r"\2 \1"),
    (re.compile(r"\b([a-z]{2,}(?:ar|er|ir))(me)\b"), r"\2 \1"),
    (re.compile(r"\b([a-z]{2,}(?:ar|er|ir))(mi)\b"), r"\2 \1e"),
]


def morph(text: str) -> str:
    """Fold the morphology named above; returns ``text`` unchanged when nothing applies."""
    for regex, repl in MORPH:
        text = regex.sub(repl, text)
    return text


PHRASES += ml_families.PHRASES  # seventeenth round
PHRASES += ml_means.PHRASES  # fifty-ninth round (the fifty-first round's G, widened)
COMPILED = [(lang, cat, lvl, re.compile(rx), noun) for lang, cat, lvl, rx, noun in PHRASES]

# Weak words: only counted when the message is not English. A message in another language
# that names one of these (dying, suicide, a means, an injury, being hit or threatened, a
# medical red flag) and that no phrase rule matched is a low-level crisis unless it is a
# question about the topic without a first person, or the word is negated or figurative:
# the layer has no model for these languages, so it reads them conservatively.
WEAK_BY_LANG: dict[str, str] = {
    "es": r"mortal(?:es)?|letal(?:es)?|lejia|"  # fourth round
          r"morir\w*|muero|muerte|muert[oa]s?|matar\w*|me mato|suicid\w*|sobredosis|pastillas|"
          r"pildoras|me corto|me corte|cortarme|cortes en|cuchilla|navaja|ahorcar\w*|soga|"
          r"despedida|veneno|me pega|me golpea|me golpeo|golpes|me encierra|me amenaz\w*|el cuello|"
          r"inconsciente|no respira|desmay\w*|convulsi\w*|dolor en el pecho|tirarme|"
          r"pistola(?! (?:de|ad|a|da) (?:agua|acqua|silicona|pegamento|calor|juguete|pintura|"
          r"colla))|escopeta|revolver|"
          # fourteenth round: veins, and jumping from a place ("voy a saltar del puente")
          r"me tirar|venas|saltar (?:\w+ ){0,2}?(?:del?|desde) (?:el |la |un |una |ese |esa |este |esta )?"
          + _PLACE_ES,
    "fr": r"javel|mortel\w*|letale?s?|"  # fourth round
          r"mourir|meurs|mort[e]?|me tuer|tuer|suicid\w*|surdose|overdose|cachets|comprimes|"
          r"medicaments|me couper|entailles?|lame|rasoir|pendre|corde|adieu|poison|frappe\w*|"
          r"me bat|battu\w*|etrangl\w*|menace\w*|inconscient\w*|respire plus|ne respire pas|"
          r"douleur dans la poitrine|evanoui\w*|engourdi\w*|me jeter|sauter|"
          r"(?:lui|leur) faire du mal|(?:cache|planque|pris) (?:le|un|mon) couteau|veines|poignets",
    "de": r"todlich\w*|\w+tabletten|"  # fourth round
          r"sterben|sterbe|tot|tod|toten|umbringen|suizid\w*|selbstmord\w*|tabletten|pillen|"
          r"uberdosis|ritze\w*|ritzen|klinge|rasierklinge|erhang\w*|strick|abschied\w*|gift|"
          r"schlagt|schlaegt|geschlagen|verprugelt|wurgt|bedroht|bewusstlos|atmet nicht|"
          r"brustschmerz\w*|bahngleis|gleis|gleisen|aufwach\w*|springen|pulsadern",
    "pt": r"letal|letais|venenos?|"  # fourth round
          r"morrer|morte|mort[oa]|me matar|matar|suicid\w*|overdose|remedios|comprimidos|pilulas|"
          r"me cortar|me corto|cortes|lamina|gilete|enforcar\w*|corda|despedida|veneno|me bate|"
          r"bateu|espanca\w*|enforca|ameaca\w*|desmai\w*|inconsciente|nao respira|dor no peito|"
          r"engoliu|engoli|nao acordar|pular|veias|pulsos",
    "it": r"morire|muoio|morte|mort[oa]|uccider\w*|ammazzar\w*|suicid\w*|overdose|pillole|"
          r"pastiglie|farmaci|tagliarmi|mi taglio|lametta|impiccar\w*|corda|addio|veleno|"
          r"mi picchia|picchia\w*|botte|mi minaccia|svenut\w*|non respira|dolore al petto|"
          r"bocca storta|gira la testa|buttarmi|vene|polsi",
    "hi": r"maarte|maarunga|bojh|"  # fourth round
          r"marna|marne|mar jaun\w*|mar jaa\w*|maut|khudkushi|suicide|goliyan|goli|dawai|"
          r"dawaiyan|blade|cut|kaat\w*|phansi|fansi|fanda|maarta|maarti|marta|marti|peet\w*|"
          r"pitai|behosh|saans nahi|zinda rehne|jaan de\w*|khatam kar\w*",
    "tr": r"olmek|olecegim|olmek istiyorum|oldur\w*|intihar\w*|hap|haplar\w*|ilac\w*|"
          r"kendimi kes\w*|jilet|kendimi as\w*|veda|dov\w*|tehdit\w*|bayild\w*|nefes almiyor|"
          r"gogus agrisi|atla\w*|kopru\w*",
    "id": r"nyayat\w*|nyakitin|"  # fourth round
          r"bunuh\w*|ingin mati|mau mati|pengen mati|obat tidur|semua obat|silet|sayat\w*|"
          r"gantung diri|surat (?:buat|untuk) keluarga\w*|mukul\w*|memukul\w*|dipukul\w*|"
          r"ngancam\w*|mengancam\w*|cekik\w*|pingsan|tidak sadar|nggak sadar|dibangunin|"
          r"bibirnya biru|sesak napas|yang terakhir",
    "nl": r"dood|doodgaan|sterven|zelfmoord|zelfdoding|pillen|snijden|mezelf|slaat me|"
          r"bewusteloos|afscheid|ademt niet|vermoorden|met een mes",
    "pl": r"rozdal\w*|po wszystkim|pozegna\w*|"  # fourth round
          r"umrzec|smierc|zabic|zabije|samobojstw\w*|samobojc\w*|tabletki|tne sie|bije mnie|"
          r"nieprzytomn\w*|nie oddycha\w*",
    "tl": r"ma(?:ma)?matay|mag(?:pa)?pakamatay\w*|nag(?:pa)?pakamatay|pakamatay\w*|patayin ko|papatayin|"
          r"saktan ang sarili|sasaktan ko ang sarili|mawawala na|mawala na lang|lason|"
          r"(?:ako|ko) na lang ang mawawala",
    "other": r"overdose|suicid\w*|zelfmoord|sjalvmord|selvmord|ta livet av (?:meg|mig)|"
             r"sinucid\w*|vreau sa mor|muon chet|tu tu|tu sat|kujiua|nataka kufa|atmahatya|"
             r"aatmahatya|itsemurha|haluan kuolla|ongyilkos\w*|meghalni|sebevrazd\w*|"
             r"chci umrit|samovrazd\w*|magpakamatay|mamatay|"
             # ninth round: Swahili, Vietnamese (light normalisation keeps "đ"), Polish
             r"kumuua|kuua|nitamuua|nitaua|nitajiua|amejiua|hapumui|kisu|"
             r"tu lam [dđ]au|lam [dđ]au (?:minh|ban than)|cam dao|giet|khong tho|"
             r"nie oddycha\w*|nie mozna (?:go|jej) obudzic|zabije (?:go|ja|sie)",
}
# Scripts: these words are specific enough to be read in any message.
WEAK_SCRIPT = (
    r"划自己|劃自己|割自己|说再见|說再見|飛び込|消えて|사라지고|유서|حبل|سكين|سأقتل|死|自杀|自殺|安眠药|安眠藥|吞了|全吞|药全|藥全|割腕|刀片|遗书|遺書|打我|掐我|昏"
    r"迷|晕倒|暈倒|"
    r"不能呼吸|胸口痛|叫不醒|喊不醒|嘴唇发紫|嘴唇發紫|没有呼吸|沒有呼吸|没呼吸了|"
    r"سيقتل|ستقتل|يقتل نفسه|تقتل نفسها|سينتحر|ستنتحر|"
    r"薬[^。]{0,8}飲ん|自傷|手首|首を吊|飛び降り|殴ら|殴る|叩か|首を絞|意識がない|息をしていない|"
    r"胸が痛|"
    r"자살|죽고 ?싶|죽을래|죽어버리|죽을 거|수면제|다 먹었|자해|손목|때리|때려|목을 졸|의식이 없|"
    r"숨을 안|가슴이 아파|"
    r"موت|أموت|اموت|انتحار|انتحر|حبوب|دواء|جرعة|أجرح|اجرح|شفرة|يضرب|ضرب|يده علي|خنق|يخنق|"
    r"يهدد|فاقد الوعي|لا يتنفس|ألم في الصدر|رسالة وداع|"
    r"смерт|умереть|умру|убить|убью|суицид|самоубий|таблет|режу|порез|лезви|повес|верёвк|веревк|"
    r"бьёт|бьет|избива|душит|угрожа|без сознания|не дышит|боль в груди|раздал|всё закончится|"
    r"все закончится|прыгн|с моста|с крыши|вены|"
    r"מוות|למות|להתאבד|התאבדות|"
    r"самогубств|померти|вбити себе|покончить|повеситься|αυτοκτον|πεθαν|πεθάν|θανατ|θάνατ|"
    r"خودکشی|بمیرم|مرنا|मरना|मर जा|मरने|आत्महत्या|खुदकुशी|আত্মহত্যা|মরতে|ฆ่าตัวตาย|อยากตาย"
)
# Negated life ("nicht mehr aufwachen", "ne plus me reveiller"): the negation is the risk,
# so these forms are matched with it and never read as negated.
WEAK_NEGATED_LIFE = (r"(?:nicht mehr|nie mehr|nie wieder) (?:\w+ )?(?:aufwach\w*|aufzuwach\w*|leben|"
                     r"zu leben|da sein|da zu sein)|"
                     r"(?:no|nunca|ya no) (?:volver a |quiero )?despertar(?:me)?|ne (?:plus|jamais) "
                     r"(?:me )?reveiller|nao (?:quero )?(?:mais )?acordar|non (?:svegliarmi|"
                     r"risvegliarmi)|pra nao acordar|"
                     # ninth round: Dutch, Polish, Swahili, Indonesian, Vietnamese
                     r"(?:er )?niet meer (?:\w+ )?(?:zijn|leven|wakker worden)|nie chce (?:juz )?"
                     r"(?:zyc|sie obudzic)|sitaki (?:\w+ )?kuishi|(?:tidak|nggak|gak|ga) (?:mau|ingin) "
                     r"hidup lagi|khong muon song")
_FALLEN = (r"(?:se cayo|cayo|se desmayo|caiu|desmaiou|est tombee?|tombe|s'est effondree?|gesturzt|"
           r"gestuerzt|zusammengebrochen|umgekippt|e caduta?|caduto|caduta|dustu|düştü|jatuh|"
           r"gir gay\w*|gir pad\w*|nahulog|bumagsak|bi nga|nga)")
# a person, not a server: "mi papá se cayó y no responde", not "el servidor se cayó y no responde"
_PERSON = (r"papa|papi|padre|madre|mama|mami|abuel[oa]|hij[oa]|bebe|herman[oa]|espos[oa]|marido|novi[oa]|"
           r"amig[oa]|nin[oa]|pai|mae|avo|avoa|filh[oa]|irma|irmao|namorad[oa]|pere|mere|grand-pere|"
           r"grand-mere|papy|mamie|fils|fille|frere|soeur|mari|femme|copain|copine|ami|amie|vater|"
           r"mutter|opa|oma|sohn|tochter|bruder|schwester|mann|frau|freund|freundin|kind|baby|nonn[oa]|"
           r"figli[oa]|fratello|sorella|marito|moglie|ragazz[oa]|amic[oa]|bambin[oa]|babam|annem|dedem|"
           r"ninem|kardesim|esim|kocam|oglum|kizim|arkadasim|ayah\w*|ibu\w*|kakek\w*|nenek\w*|adik\w*|"
           r"kakak\w*|suami\w*|istri\w*|anak\w*|dadi|nani|dada|nana|bhai|behen|beta|beti|pati|patni|"
           r"lolo|lola|kuya|ate|asawa|bo toi|me toi|ong toi|ba toi|con toi|chong toi|vo toi|alguien|"
           r"quelqu'un|jemand|qualcuno|alguem|ella|elle|lei|ele|ela|sie|er|dia")
_UNRESPONSIVE = (r"(?:no responde|no reacciona|no despierta|nao acorda|nao responde|nao reage|ne repond "
                 r"(?:plus|pas)|ne reagit (?:plus|pas)|reagiert (?:nicht|gar nicht)|wacht nicht auf|"
                 r"non risponde|non reagisce|non si sveglia|cevap vermiyor|tepki vermiyor|uyanmiyor|"
                 r"(?:nggak|tidak|gak) (?:sadar|bangun)|hosh (?:mein )?nahi|hindi (?:na )?(?:gumagalaw|"
                 r"gumigising|sumasagot)|khong tinh)")
# Fifteenth round: the core concepts (nobody would miss me, take one's life, disappear for
# ever, a whole pack swallowed, a person who hits the writer, a third person who will kill
# themselves) in every language of the tables and in more languages (Romanian, Greek, Persian,
# Bengali, Swahili, Vietnamese, Ukrainian), written as vocabulary, not as sentences of a set.
WEAK_NEGATED_LIFE += (
    r"|nadie (?:me )?(?:va a |iba a )?(?:extranar\w*|echar\w* de menos)|ninguem (?:vai |iria |ia )?"
    r"(?:sentir (?:a )?minha falta|me notar)|personne ne (?:me )?regrett\w*|(?:niemand|keiner|"
    r"keine) (?:\w+ ){0,2}?(?:mich )?vermiss\w*|nessuno (?:\w+ )?(?:sentir\w*|sentiva) la mia "
    r"mancanza|niemand (?:zou |zal )?(?:me|mij) (?:missen|mist)|nikt (?:by )?za (?:mna|mną) nie "
    r"teskn\w*|(?:jee|ji|jeena|jina|jeena) nahi (?:sakta|sakti|chahta|chahti|paunga|paungi|"
    r"paaunga)|nahi (?:jee|ji|jeena|jina) (?:sakta|sakti|paunga|paungi|chahta|chahti)|"
    # a person fallen and unresponsive ("ist gestürzt und reagiert nicht mehr")
    + r"(?:" + _PERSON + r")\b(?: [\w'-]+){0,3}? " + _FALLEN + r"[^.!?]{0,60}?" + _UNRESPONSIVE + r"|"
    + _FALLEN + r" (?:si|ang|yung) (?:\w+ )?(?:" + _PERSON + r")\b[^.!?]{0,60}?" + _UNRESPONSIVE + r"|"
    r"(?:jeene|jine) ka (?:mann|man|dil) nahi|bachte chai na|bachte chaina")
# the negation is the risk in these: "keiner würde mich vermissen" is never a negated word
NEGATED_LIFE = re.compile(WEAK_NEGATED_LIFE)
WEAK_CORE = (
    # es, pt, fr, de, it, nl, pl (everyday senses left out: "se tiró a la piscina", "bate na
    # porta", "ce qui me frappe", "farla finita con", "grozi mi mandat")
    r"(?:me|te|se) (?:va a |voy a |quiero |queria |iba a |puede )?quitar la vida|quitar(?:me|se)? la "
    r"vida|desaparecer para siempre|se (?:va a |quiere |iba a )?tirar (?:del?|desde|por) (?:el |la |"
    r"un |una )?" + _PLACE_ES + r"|se tiro (?:del?|desde|por) (?:el |la |un |una )?" + _PLACE_ES + r"|"
    r"cartelas? (?:inteira|toda)|caixa (?:inteira|toda) de (?:remedio|comprimido|calmante|pilula)\w*|"
    r"tirar (?:a )?(?:minha |sua )?(?:propria )?vida|(?:se|me) jogar (?:d[aoe] |pela |na frente "
    r"d[oa] |embaixo d[oa] )(?:\w+ )?" + _PLACE_PT + r"|sumir (?:pra|para) sempre|bate em mim|me bate|"
    r"bate na minha (?:mae|irma|filha)|bate no meu (?:irmao|filho)|"
    r"disparaitre (?:pour toujours|a jamais|pour de bon)|me foutre en l'air|mettre fin a (?:mes|"
    r"ses|tes) jours|se tuer(?! (?:au travail|a la tache))|se suicider|avale\w* (?:tous|toutes) "
    r"(?:mes|les|ses) (?:cachets|comprimes|medicaments|medocs|pilules|gelules)|avale\w* toute (?:la|"
    r"une) (?:boite|plaquette)|(?:il|elle|ils|mon (?:mari|copain|pere|beau-pere|frere|ex)|ma (?:mere|"
    r"femme|copine|belle-mere)) me frapp\w*|scarifi\w*|"
    r"(?:will|mochte|moechte|wunschte|wuenschte) (?:\w+ ){0,2}?weg sein|einfach weg sein|"
    r"(?:bring\w*|bringe) (?:mich|sich|dich) (?:\w+ ){0,3}?um\b(?! (?:den|die|das|meinen|meine|mein|"
    r"ihren|seinen|sein|ihr)\b)|das leben (?:zu )?nehmen|schla(?:e)?gt mich|"
    r"fur immer verschwinden|verschwinden fur immer|"
    r"farla finita(?! con)|togliermi la vita|togliersi la vita|tolgo la vita|mi sono tagliat\w* "
    r"(?:di nuovo|ancora|le braccia|i polsi|le gambe|apposta)|sparire per sempre|"
    r"er een eind(?:e)? aan (?:\w+ )?maken|van kant maken|verdwijnen voor altijd|"
    r"voor altijd verdwijnen|slaat (?:me|mij)|beter af zonder (?:me|mij)|"
    r"chce znikn\w*|znikn(?:a|ą)c na zawsze|po[łl]kn\w* (?:\w+ )?(?:opakowanie|tabletk\w*|wszystkie|"
    r"leki)|(?:mnie|mna) bije|bije (?:mnie|mna)|(?:on|ona|maz|mąż|chlopak|ojciec|ojczym) (?:\w+ )?"
    r"(?:mi|mnie) grozi|zabij(?:e|ę) sie|zabic sie|odebrac sobie zycie|"
    # id, tl, hi, Arabizi, vi, sw, ro, bn (Latin)
    r"(?:pengen|ingin|mau) menghilang|menghilang (?:selamanya|aja|saja)|hilang selamanya|"
    r"(?:minum|nelen|menelan) semua obat|gusto ko(?:ng)? (?:nang )?(?:mawala|maglaho)|"
    r"sana mawala na lang ako|ininom ko lahat|lahat ng gamot|sinasaktan (?:ako|niya ako)|"
    r"binubugbog (?:ako|niya ako)|mar jana hai|saa?ri (?:dawai|dawaiyan|goliyan|tablets?)|"
    r"khud ko (?:khatam|maar)\w*|amot|amoot|a2tol nafsi|ente7ar|enta7ar|nte7ar|"
    r"uong (?:het )?ca (?:vi|hop|lo) thuoc|uong het (?:vi|hop|lo) thuoc|[dđ]anh toi|"
    r"(?:nimemeza|nimekunywa) (?:vidonge|dawa|sumu)\w*|vidonge vyote|kujiua|kujinyonga|"
    r"toate pastilele|vreau sa mor|sa ma omor|ma sinucid|morte chai|more jete chai|atmohott?a|"
    # amendment before measuring: a person fallen and unresponsive, pushed against a wall, a
    # partner who follows the writer, killing a named man, burning oneself with a lighter or a
    # cigarette, pills "so as not to wake up", giving one's things away (it)
    r"(?:me empuj\w*|me empurr\w*|m'a pousse\w*|(?:mich|hat mich) (?:\w+ ){0,3}?gestossen|mi ha spint\w*|"
    r"mi spinge|dorong (?:aku|gue|saya)|dhakka (?:diya|de\w*)|tinulak (?:ako|niya ako)|itti|itiyor) "
    r"(?:\w+ ){0,3}?(?:contra la pared|contra a parede|na parede|contre (?:le|un) mur|gegen die wand|"
    r"an die wand|contro il muro|al muro|ke tembok|deewar|diwar|sa pader)|duvara (?:itti|itiyor)|"
    r"(?:novio|exnovio|ex|marido|esposo|namorado|ex-namorado|copain|ex-copain|mari|freund|ex-freund|"
    r"mann|ragazzo|marito|sevgilim|kocam|pacarku|suamiku|boyfriend|pati) (?:\w+ ){0,3}?(?:me sigue "
    r"a todas partes|me segue|me suit partout|verfolgt mich|mi segue ovunque|(?:beni )?(?:her yerde )?"
    r"takip ediyor|ngikutin (?:aku|gue)|peecha karta)|"
    r"(?:bring\w*|bringe) (?:den|die|ihn|sie|diesen|diese|meinen|meine) (?:\w+ ){0,2}?um\b(?! (?:\d|den|"
    r"die|das|acht|neun|zehn|elf|zwolf|halb|viertel|eins?|zwei|drei|vier|funf|sechs|sieben|"
    r"mitternacht|mittag)\b)|ammazzo (?:quel|quella|quello|lo|la|mio|mia|il|i)\b|ammazzer\w*|"
    r"(?:me quem\w*|me queim\w*|je me brul\w*|verbrenne mich|mi brucio|mi sono bruciat\w*) (?:\w+ ){0,3}?"
    r"(?:con|com|avec|mit) (?:el |la |un |una |o |a |le |dem |der |l'|una )?(?:encendedor|mechero|"
    r"cigarr\w*|isqueiro|briquet|cigarette|feuerzeug|zigarette|accendino|sigarett\w*)|"
    r"ne (?:plus|jamais) se reveiller|nie obudzic|regalato (?:tutte )?le mie cose|"
    r"esyalar\w* da[gğ]\w*|"
    # second amendment: tired of living, a burden to all, a daughter who cuts herself, a
    # farewell to the family, "tonight it is over"
    r"(?:cansad[oa]|hart[oa]) de (?:vivir|la vida|viver|estar vivo)|cansad[oa] da vida|"
    r"(?:fatigue\w*|las(?:se)?) de (?:vivre|la vie)|(?:mude|muede) vom leben|lebensmude|"
    r"lebensmuede|des lebens (?:mude|muede)|stanc[oa] di vivere|stanc[oa] della vita|"
    r"yasamaktan yoruldum|hayattan yoruldum|(?:capek|cape|lelah) hidup|(?:jeene|zindagi) se "
    r"thak\w*|zmeczon[ya] zyciem|moe van het leven|levensmoe|pagod na (?:ako )?mabuhay|"
    r"soy una carga|una carga para (?:todos|mi familia|los demas)|sou um (?:peso|fardo)|um peso "
    r"(?:pra|para) (?:todos|todo mundo|minha familia)|je suis un (?:fardeau|poids)|un (?:fardeau|"
    r"poids) pour (?:tout le monde|ma famille|les autres)|(?:eine )?last fur (?:alle|meine familie)|"
    r"allen (?:nur )?eine last|bin (?:nur )?eine last|sono un peso|un peso per tutti|herkese yuk|"
    r"yuk oluyorum|(?:jadi|cuma) beban|beban (?:buat|bagi|untuk) (?:semua|keluarga)|ciezarem|"
    r"pabigat|een last voor|tot last|"
    r"(?:hija|hijo|amiga|amigo|hermana|hermano|novia|novio|alumna|alumno|filha|filho|irma|irmao|"
    r"namorada|namorado|aluna|aluno) (?:\w+ ){0,3}?se corta\b|se corta (?:a )?escondid\w*|"
    r"ritzt sich|ritzte sich|geritzt|(?:figlia|figlio|amica|amico|sorella|fratello|ragazza|ragazzo|"
    r"alunna|alunno) (?:\w+ ){0,3}?si taglia\b|si taglia di nascosto|"
    r"(?:me despedi|dije adios|despedirme) (?:\w+ ){0,2}?(?:de|a) (?:mi familia|todos|mis hijos|"
    r"mis padres)|(?:ja decidi|esta decidido)[^.!?]{0,20}hoje e o dia\b(?! d)|"
    r"(?:ce soir|cette nuit|aujourd'hui|demain) c'est la fin\b(?! d)|entschieden[^.!?]{0,30}"
    r"(?:ist es|ist alles) vorbei|heute nacht ist (?:es|alles) vorbei|(?:stanotte|stasera) e finita|"
    r"ho deciso[^.!?]{0,20}(?:e finita|la faccio finita)|"
    # third amendment: a stepfather or an uncle who touches the writer, a child hit with a belt,
    # chest pain with breathlessness, banging one's head against the wall, not eating as a
    # punishment, many pills (id, tl)
    r"(?:padrastro|tio|primo|vecino|entrenador|profesor|abuelo|hermanastro|padrasto|beau-pere|"
    r"oncle|cousin|voisin|stiefvater|onkel|nachbar|trainer|patrigno|zio|cugino|vicino|"
    r"uvey baba\w*|amca\w*|dayi\w*|ayah tiri\w*|paman\w*|sautele papa|chacha|mausa|stepdad|tito|"
    r"tiyo)\b[^.!?]{0,80}?(?:me toca|me tocaba|me manosea|me touche|me touchait|fasst mich an|"
    r"betatscht mich|mi tocca|mi toccava|bana dokunuyor|pegang-pegang aku|megang-megang aku|"
    r"mujhe chhoo?te|hinahawakan ako)|"
    r"(?:pega|golpea|bate|frappe|schlagt|schlaegt|picchia|dovuyor|mukul|maarta|maarti) (?:\w+ ){0,4}?"
    r"(?:con el|con la|com o|com a|avec (?:la|une|sa)|mit dem|mit seinem|ile|pakai|se) "
    r"(?:cinturon|cinto|ceinture|gurtel|guertel|cintura|kemer|ikat pinggang|belt)|"
    r"(?:dolor|duele) (?:\w+ ){0,3}?pecho[^.!?]{0,40}(?:no puedo respirar|me falta el aire|no respiro)|"
    r"dor (?:\w+ ){0,3}?peito[^.!?]{0,40}(?:nao consigo respirar|falta de ar)|"
    r"poitrine[^.!?]{0,40}(?:respirer|souffle)|brust[^.!?]{0,40}(?:luft|atmen)|"
    r"petto[^.!?]{0,40}respirare|gogsum[^.!?]{0,40}nefes|dada\w*[^.!?]{0,40}(?:napas|nafas)|"
    r"seene[^.!?]{0,40}saans nahi|"
    r"(?:cabeza|cabeca|tete|kopf|testa) (?:\w+ ){0,2}?(?:contra la pared|na parede|contre (?:le|un) mur|"
    r"gegen die wand|an die wand|contro il muro)|no como (?:nada )?(?:\w+ ){0,4}?no me lo merezco|"
    r"no merezco comer|nao mereco comer|je ne merite pas de manger|verdiene es nicht,? zu essen|"
    r"non merito di mangiare|(?:minum|nelen) banyak obat|maraming gamot")
WEAK_SCRIPT_CORE = (r"исчезнуть навсегда|хочу исчезнуть|исчезнуть бы|покончит|покончу|покончить|"
                    r"хочу зникнути|зникнути назавжди|б'є мене|бʼє мене|б’є мене|мене б'є|"
                    r"випила (?:всі|усі)|випив (?:всі|усі)|вбити себе|накласти на себе руки|"
                    r"не хочу (?:больше )?жить|жить не хочу|не хочу жити|никто не (?:будет )?скуча|"
                    r"想消失|好想消失|想永远消失|想永遠消失|不想活|活不下去|轻生|輕生|了结自己|了結自己|"
                    r"跳楼(?!价|大甩卖)|跳樓(?!價|大甩賣)|همه (?:ی )?قرص|قرصها(?:مو)? (?:رو|را) خوردم|"
                    r"بمیرم|خودمو بکشم|خودم را بکشم|"
                    r"ολα τα χαπια|όλα τα χάπια|πεθανω|πεθάνω|αυτοκτον|δεν θελω να ζω|δεν θέλω να ζω|"
                    r"বাঁচতে চাই না|বাচতে চাই না|মরতে চাই|আত্মহত্যা|"
                    # amendment: fallen and unresponsive, pushed against a wall, followed, not to
                    # wake up (ar, zh, ru, pl)
                    r"(?:أبي|ابي|أمي|امي|جدي|جدتي|أخي|اخي|أختي|اختي|زوجي|زوجتي|ابني|ابنتي|صديقي|صديقتي|"
                    r"طفلي|والدي|والدتي)[^.!?؟]{0,20}(?:وقع|وقعت|سقط|سقطت|أغمي|اغمي)[^.!?؟]{0,40}(?:لا "
                    r"يستجيب|لا تستجيب|لا يرد|لا ترد|لا يتحرك|لا تتحرك)|"
                    r"دفعني (?:على|الى|إلى|في) (?:الحائط|الجدار)|"
                    r"推到墙|推到牆|把我推|(?:他|她|男朋友|前男友|老公|丈夫|前夫|有人|男人|陌生人)[^。！？，]{0,6}"
                    r"(?:跟踪我|跟蹤我)|摔倒[^。！？]{0,10}(?:叫不醒|没反应|沒反應|不动|不動)|"
                    r"(?:папа|мама|отец|мать|дедушка|бабушка|брат|сестра|муж|жена|сын|дочь|друг|подруга|"
                    r"ребенок|ребёнок|он|она)[^.!?]{0,20}(?:упал|упала|потерял сознание|потеряла сознание)"
                    r"[^.!?]{0,40}(?:не отвечает|не реагирует|не просыпается|не дышит)|толкнул меня|"
                    r"толкнула меня|(?:муж|парень|бывший|кто-то|мужчина|он) (?:\w+ ){0,2}?следит за мной|"
                    r"не проснуться|не просыпаться|устала жить|устал жить|устала от жизни|"
                    r"устал от жизни|в тягость|обуза|تعبت من العيش|تعبت من الحياة|مليت من الحياة|"
                    r"زهقت من الحياة|عبء على|عالة على|活得好累|活着好累|活著好累|不想再醒来|不想醒来|"
                    r"(?:زوج أمي|عمي|خالي)[^.!?؟]{0,60}يلمسني|(?:继父|叔叔|舅舅)[^。！？]{0,20}摸我|"
                    r"(?:отчим|дядя)[^.!?]{0,60}трогает меня|صدري[^.!?؟]{0,40}التنفس|"
                    r"胸口[^。！？]{0,10}(?:喘不过气|喘不過氣|呼吸困难|呼吸困難)|груди[^.!?]{0,40}дышать|"
                    r"不想再醒來|是大家的负担|是大家的負擔|是家里的负担|是家裡的負擔|拖累(?:大家|家人|你们)|"
                    r"(?:tata|mama|dziadek|babcia|brat|siostra|mąż|maz|żona|"
                    r"zona|syn|córka|corka|przyjaciel\w*|dziecko|on|ona) (?:\w+ ){0,2}?(?:upadł|upadl|"
                    r"upadła|upadla)[^.!?]{0,40}nie reaguje")
WEAK = re.compile(r"\b(?:" + WEAK_NEGATED_LIFE + r")\b|\b(?:" + "|".join(WEAK_BY_LANG.values())
                  + "|" + WEAK_CORE + "|" + ml_families.WEAK + r")\b|" + WEAK_SCRIPT + "|"
                  + WEAK_SCRIPT_CORE)
# Which category a weak word decides (the reply differs; the resources are the same).
WEAK_ABUSE = re.compile(r"\b(?:me pega|me golpea|golpes|me encierra|me amenaza|el cuello|frappe\w*|"
                        r"me bat|battu\w*|etrangl\w*|menace\w*|schlagt|schlaegt|geschlagen|"
                        r"verprugelt|wurgt|bedroht|me bate|bateu|espanca\w*|enforca|ameaca\w*|"
                        r"mi picchia|picchia\w*|botte|mi minaccia|maarta|maarti|marta|marti|"
                        r"peet\w*|pitai|dov\w*|tehdit\w*|mukul\w*|memukul\w*|dipukul\w*|"
                        r"ngancam\w*|mengancam\w*|cekik\w*|slaat me|bije mnie|me amenaz\w*|"
                        r"cam dao)\b|打我|掐我|殴ら|"
                        r"殴る|叩か|首を絞|때리|때려|목을 졸|يضرب|ضرب|يده علي|خنق|يخنق|يهدد|бьёт|бьет|"
                        r"избива|душит|угрожа")
WEAK_MEDICAL = re.compile(r"\b(?:inconsciente|no respira|desmay\w*|convulsi\w*|dolor en el pecho|"
                          r"inconscient\w*|respire plus|ne respire pas|douleur dans la poitrine|"
                          r"evanoui\w*|engourdi\w*|bewusstlos|atmet nicht|brustschmerz\w*|"
                          r"desmai\w*|nao respira|dor no peito|engoliu|svenut\w*|non respira|"
                          r"dolore al petto|bocca storta|behosh|saans nahi|bayild\w*|nefes almiyor|"
                          r"gogus agrisi|pingsan|tidak sadar|nggak sadar|dibangunin|bibirnya biru|"
                          r"sesak napas|bewusteloos|nieprzytomn\w*|nie oddycha\w*|ademt niet|hapumui|"
                          r"khong tho)\b|昏迷|晕倒|暈倒|不能呼吸|胸口痛|叫不醒|喊不醒|嘴唇发紫|嘴唇發紫|"
                          r"没有呼吸|沒有呼吸|没呼吸了|"
                          r"意識がない|息をしていない|胸が痛|의식이 없|숨을 안|가슴이 아파|فاقد الوعي|"
                          r"لا يتنفس|ألم في الصدر|без сознания|не дышит|боль в груди")

# A video game named in the sentence: a death word there is a character's ("ich sterbe ständig
# im letzten level", "je meurs contre le boss final"). Only words that name a game: not "fase",
# "partie", "spiel" ("une partie de moi est morte", "das Spiel ist aus"), nor a bare "boss" or
# "level" ("mon boss", "stress level").
GAME_CONTEXT = re.compile(r"(?<![a-z])(?:(?:final|dernier|letzte\w*|end|jefe|ultimo) ?boss|boss "
                          r"(?:final|de fin|fight)|(?:letzte\w*|erste\w*|nachste\w*|final\w*|"
                          r"ultimo|dernier|premier) level|level \d+|jeu video|videospiel|"
                          r"videogame|videojuego|game|gaming|manette|controller|respawn\w*|"
                          r"checkpoint|speedrun|donjon|mazmorra|dungeon|npc|pnj|elden ring|"
                          r"dark souls|celeste|hollow knight|minecraft|fortnite|zelda|mario|skyrim|"
                          r"cuphead|roblox|valorant)(?![a-z])|游戏|遊戲|关卡|關卡|副本|打不过|打不過|"
                          r"ゲーム|게임")
# The weak words that name dying (not a means, an injury or abuse): the only ones a game
# context explains.
WEAK_DEATH = re.compile(r"mor\w*|muer\w*|meur\w*|mort\w*|mour\w*|sterb\w*|tot|tod|muoi\w*|死|"
                        r"umrze\w*|dood\w*|sterven|olmek|muon chet|"
                        # seventh round: Hinglish ("game mein baar baar mar jaata hoon")
                        r"mar(?: \w+)?|marna|marne|maut")
# Laughter in other languages: a weak word next to it is not read as a risk.
LAUGH_ANY = re.compile(r"\b(?:ngakak|wkwk\w*|lol+|mdr|ptdr|jaja\w*|jeje\w*|haha\w*|kkk+|rsrs\w*|555+|www+|"
                       r"xd)\b|哈哈|ㅋㅋ|ᄏᄏ|ههه+|😂|🤣")  # ᄏᄏ: ㅋㅋ after NFKC (forty-third round)
# Figurative uses of the weak words (e.g. Chinese "笑死" = "dying of laughter"), and literal
# ones about things: a dead server, a game character's deaths, a thing that "will kill me".
_OF_ES = (r"(?:risa|hambre|sueno|calor|frio|ganas|verguenza|cansancio|aburrimiento|sed|pena|miedo|"
          r"nervios|amor|envidia|ternura|asco)")
_OF_PT = (r"(?:rir|fome|sono|calor|frio|vergonha|saudade|tedio|cansaco|medo|sede|inveja|preguica|"
          r"ciume|raiva|amor)")
_OF_FR = r"(?:rire|faim|chaud|froid|soif|ennui|honte|fatigue|peur|envie)"
_OF_DE = (r"(?:lachen|hunger|hitze|langeweile|kalte|kaelte|durst|neugier|scham|mudigkeit|"
          r"muedigkeit|aufregung|sehnsucht)")
# Things (not people) that "will kill me": traffic, heat, an exam, work, a queue.
_THING_ES = (r"(?:trafico|atasco|embotellamiento|calor|frio|examen(?:es)?|parcial|trabajo|curro|"
             r"chamba|tareas?|deberes|cola|fila|ruido|estres|dieta|gimnasio|resaca)")
_THING_PT = (r"(?:transito|engarrafamento|calor|frio|prova|provas|trabalho|faculdade|fila|"
             r"estresse|academia|dieta|barulho|ressaca)")
_THING_FR = (r"(?:bouchons?|embouteillages?|trafic|circulation|periph\w*|chaleur|canicule|froid|"
             r"examens?|exam|partiels?|bac|boulot|travail|taf|job|reunion|"
             r"devoirs?|maths|bruit|stress|regime|muscu|attente|queue|gueule de bois)")
_THING_AR = (r"(?:الزحام|الزحمة|زحمة|زحام|المرور|السير|الحر|الحرارة|البرد|الامتحان|الامتحانات|"
             r"الاختبار|الاختبارات|الشغل|العمل|الدوام|الدراسة|الواجب|الواجبات|الملل|الانتظار|"
             r"الطابور)")
_DEVICE = (r"(?:serveur|servidor|server|ordi|ordinateur|computadora|ordenador|computador|rechner|"
           r"computer|pc|laptop|notebook|portable|telephone|telefono|movil|celular|handy|"
           r"batterie|bateria|akku|disque dur|disco duro|festplatte|routeur|router|wifi|wlan|"
           r"appli|app|site|imprimante|impresora|drucker|ecran|pantalla|tela|bildschirm|voiture|"
           r"coche|carro|auto|motor|moteur|plantes?|plantas?|pflanzen?|console|konsole|consola|"
           r"manette|mando|controller|telecommande|telecomando|fernbedienung)")
IDIOMS = re.compile(r"死ぬかと思った|"  # ninth round: "I thought I would die" (hyperbole)
                    r"笑死|累死|热死|熱死|饿死|餓死|忙死|气死|氣死|吓死|嚇死|冷死|困死|死机|死機|"
                    # more Chinese intensifiers "<adjective>死(了)", and software that hangs
                    r"卡死|死循环|死循環|死锁|死鎖|烦死|煩死|渴死|急死|吵死|挤死|擠死|晒死|曬死|撑死|撐死|"
                    r"无聊死|無聊死|丑死|醜死|帅死|帥死|美死|萌死|可爱死|可愛死|尴尬死|尷尬死|羡慕死|"
                    r"羨慕死|紧张死|緊張死|难吃死|難吃死|"
                    r"(?:累|热|熱|饿|餓|忙|困|冷|烦|煩|渴|吵|无聊|無聊)得要死|"
                    # deaths counted: a game ("死了五十次", "mort trois fois"), never "想死了很多次"
                    r"(?<![想要去该該])死了?(?:\d+|[一二三四五六七八九十百千几幾两兩好多]+)(?:次|遍|回)|"
                    r"\b(?:morte?s?|meurs|meurt|muert[oa]s?|muero|mori|mort[oa]|morri|morro|"
                    r"gestorben|sterbe|starb)(?: \w+){0,2}? (?:\d+|deux|trois|quatre|cinq|dix|vingt|"
                    r"cent|mille|dos|tres|cuatro|cinco|diez|veinte|cien|mil|duas|dois|zwei|drei|"
                    r"vier|funf|zehn|zwanzig|hundert|plusieurs|varias|muchas|muitas) (?:fois|"
                    r"veces|vezes|mal)\b|\b(?:\d+|zwei|drei|vier|funf|zehn|zwanzig|hundert|x)mal "
                    r"gestorben\b|"
                    # present and past forms only: an infinitive ("quiero morir de...") keeps its
                    # desire phrase
                    r"(?:me |nos |se )?(?:muero|mori|moria|morire|muriendo|morimos|muere|mueren) de "
                    r"(?:la |el )?" + _OF_ES + r"|"
                    r"muert[oa]s? de (?:la |el )?" + _OF_ES + r"|"
                    r"\b" + _THING_ES + r"\b[^.,;!?]{0,30}\bme (?:va|van) a matar|"
                    r"\b" + _THING_PT + r"\b[^.,;!?]{0,30}\b(?:vai|vao) me matar|"
                    r"\b" + _THING_FR + r"\b[^.,;!?]{0,40}\b(?:va|vont|allait) (?:finir par )?me tuer|"
                    + _THING_AR + r"[^.،,!؟]{0,25}(?:سيقتلني|سوف يقتلني|راح يقتلني|رح يقتلني|"
                    r"بيقتلني|حيقتلني|يقتلني)|"
                    r"\b" + _DEVICE + r"\b(?: \w+){0,2}? (?:est|sont|esta|estan|ta|ist|sind|"
                    r"semble|parece|scheint|a l'air) (?:\w+ )?(?:morte?s?|muert[oa]s?|mort[oa]s?|tot)\b|"
                    r"morte?s? de " + _OF_FR + r"|mort[oa]s? de " + _OF_PT + r"|(?:morrendo|morri|"
                    r"morro|morreu|morremos) de " + _OF_PT + r"|"
                    r"\b(?:sterbe|sterben|sterb|starb|stirbt|gestorben)(?: \w+){0,2}? vor " + _OF_DE
                    + r"|\bvor " + _OF_DE + r" (?:\w+ )?(?:sterben|sterbe|gestorben)|"
                    # Vietnamese "<adjective> muon chet": hot, cold, sleepy, thirsty... to death (not
                    # a mood such as "chan" or "buon": those may be meant)
                    r"\b(?:nong|lanh|ret|buon ngu|cuoi|khat|ngai|vui|thich|hoi hop|ngon|dep) "
                    r"(?:(?:qua|lam|the|vai) )?muon chet|"
                    # Hinglish: cutting vegetables, hair, nails, paper, time
                    r"\b(?:pyaaz|pyaz|pyaj|onions?|sabzi|sabji|aloo|tamatar|gajar|mirch|adrak|lehsun|"
                    r"gobhi|bhindi|phal|fruit|seb|kela|aam|cake|pizza|bread|chicken|mutton|gosht|"
                    r"baal|nakhun|nails|hair|kapda|kapde|kagaz|paper|lakdi|ghaas)\b"
                    r"(?: (?!khud|apne|apni|apna|haath|hath|kalai|nas|nass|wrist|arm|body)\w+){0,3}? "
                    r"(?:kaat\w*|kat(?:na|ne|ta|ti|o)|cut\w*)\b|"
                    r"笑(?:いすぎて|い)死(?:ぬ|にそう|んだ|ぬかと思った)|笑い死に|(?:暑|寒)(?:すぎて|くて)"
                    r"死(?:ぬ|にそう)|"
                    r"me muero de (?:risa|hambre|sueno|calor|ganas)|morir de risa|mort de rire|"
                    r"(?:meurs|meurt|mourir|mourais) d'(?:envie|ennui|impatience)|"
                    # the boss "will kill me" if I am late or forget: an everyday threat
                    r"\b(?:(?:vai|vao|va|van a|va a) (?:me matar|matarme|me tuer)|me (?:va|van) a "
                    r"matar) (?:se|si) (?:eu |yo |"
                    r"je )?(?:chegar|chego|llego|llegar|arrive|arriver|esquecer|esqueco|olvido|"
                    r"olvidar|oublie|perder|perco|pierdo|tirar|saco|sacar|reprovar|repruebo)\b|"
                    r"me mata(?:m)? de (?:rir|riso|vergonha|saudade|tedio|raiva)|tod(?:lich|lich) "
                    r"(?:langweilig|ernst|beleidigt|gelangweilt|verliebt)|"
                    r"meurs de|morrendo de (?:rir|fome|sono|calor)|morrer de rir|tod(?:mude|mued)|"
                    r"死ぬほど|(?:忙し|疲れ|暑|寒|眠|腹|笑)[^。]{0,8}死にそう|موت ضحك|ميت من الضحك|"
                    r"배고파 죽|졸려 죽|웃겨 죽|힘들어 죽|"
                    r"mati lampu|mati listrik|hp(?:ku)? mati|baterai\w* mati|"
                    r"morto de (?:cansaco|fome|sono|rir|vergonha)|stanco morto|morto di (?:fame|sonno)|"
                    r"muoio (?:dal ridere|di fame|di sonno|dal caldo)|tod(?:mude|mued|langweilig)|"
                    r"todschick|totlachen|tot gelacht|lach(?:e)? mich (?:\w+ )?tot|lachte mich tot|"
                    r"mort de (?:fatigue|faim|peur)|"
                    r"gulmekten ol\w*|beni olduruyor|me estoy muriendo de (?:risa|calor|sueno)|"
                    r"plie de rire|"
                    # fifteenth round: French "dying of shame", a person who "will kill me with
                    # homework", a dead phone without a verb, Dutch and Arabic hyperbole
                    r"(?:mourir|mourais|mourrai|mourrais|meurs|meurt) de " + _OF_FR + r"|"
                    r"(?:va|vas|allez|vont) (?:finir par )?me tuer (?:avec|a force)|"
                    r"(?:vou|vamos) (?:me |nos )?jogar na (?:balada|festa|pista|piscina|cama|sofa|"
                    r"praia|agua|night)|(?:ce qui|ca|cela) (?:me|m'a|m'avait) frapp\w*|farla finita con\b|"
                    r"跳楼价|跳樓價|(?:mi )?ammazzo di (?:lavoro|fatica|risate)|"
                    # a server or a site that "fell" and "does not respond"
                    r"\b(?:" + _DEVICE + r"|sistema|systeme|system|servidor|sitio|site|"
                    r"pagina|page|web|red|reseau|rede|netz|netzwerk|internet|wifi|sito|rete|"
                    r"sunucu|sistem|serwer|strona)\b(?: \w+){0,3}? (?:se cayo|cayo|caiu|est tombee?|"
                    r"tombe|ist abgesturzt|abgesturzt|e caduto|caduto|dustu|jatuh|upadl|upadł)\b|"
                    r"(?:hitze|arbeit|stress|pendeln|chef|chefin|prufung|pruefung|larm|laerm|warten|"
                    r"langeweile|schule|hausaufgaben|muskelkater|kalte|kaelte|steuererklarung) "
                    r"(?:\w+ ){0,2}?bringt mich (?:\w+ ){0,2}?um|"
                    r"\b" + _DEVICE + r"\b(?: \w+){0,3}? tot\b|"
                    r"dood van (?:de |het )?(?:honger|dorst|kou|hitte|warmte|verveling|schaamte|lachen|"
                    r"slaap|zenuwen)|lach\w* (?:me|mij|ons) (?:\w+ )?dood|doodmoe|"
                    r"(?:lachen|gelach)[^.!?]{0,40}\bdood\b|\bdood\b[^.!?]{0,40}(?:lachen|gelach)|"
                    r"(?:أموت|اموت|ميت|ميتة|متت|مت) من (?:الضحك|الجوع|البرد|الحر|التعب|الملل|النوم|"
                    r"العطش|الخوف)|"
                    # seventh round: a pet or a grandparent who died (bereavement, not a risk):
                    # "我的仓鼠死了", "mi perro murió", "la mort de mon grand-père"
                    r"(?:仓鼠|倉鼠|狗狗|狗|猫咪|猫|貓|金鱼|金魚|鱼|魚|兔子|鸟|鳥|宠物|寵物|乌龟|烏龜|爷爷|"
                    r"爺爺|奶奶|外公|外婆|姥姥|姥爷|祖父|祖母)[^想要会會我。，,]{0,4}?(?:死了|去世了|走了)|"
                    r"\b(?:mi|el|la|nuestro|nuestra|su) (?:\w+ )?(?:perr[oa]|perrit[oa]|gat[oa]|gatit[oa]|"
                    r"hamster|pez|pececito|pajaro|conejo|mascota|tortuga|loro|caballo|abuel[oa]|"
                    r"bisabuel[oa])\b (?:se )?(?:murio|ha muerto|fallecio|ha fallecido|esta muert[oa]|se "
                    r"nos fue)\b|\b(?:la )?muerte de (?:mi|nuestro|nuestra) (?:\w+ )?(?:perr[oa]|gat[oa]|"
                    r"hamster|mascota|abuel[oa]|bisabuel[oa]|tortuga|pez|conejo)\b|"
                    r"\b(?:meu|minha|o|a|nosso|nossa) (?:\w+ )?(?:cachorr[oa]|cachorrinh[oa]|gat[oa]|"
                    r"gatinh[oa]|hamster|peixe|peixinho|passaro|coelho|tartaruga|papagaio|cavalo|avo|"
                    r"bisavo)\b (?:\w+ )?(?:morreu|faleceu|esta mort[oa]|se foi)\b|\b(?:a )?morte d[oa] "
                    r"(?:meu|minha|nosso|nossa) (?:\w+ )?(?:cachorr[oa]|gat[oa]|hamster|avo|bisavo|peixe|"
                    r"passaro|coelho)\b|"
                    r"\b(?:mon|ma|notre) (?:\w+ )?(?:chien|chienne|chat|chatte|hamster|poisson|lapin|"
                    r"oiseau|tortue|perroquet|cheval|grand-pere|grand-mere|grand pere|grand mere|papy|"
                    r"papi|mamie)\b (?:\w+ )?(?:est mort|est morte|est decede|est decedee|nous a quitte\w*|"
                    r"vient de mourir|est parti)\b|\b(?:la )?mort de (?:mon|ma|notre) (?:\w+ )?(?:chien|"
                    r"chat|hamster|poisson|lapin|oiseau|grand-pere|grand-mere|papy|mamie)\b|"
                    r"\b(?:mein|meine|unser|unsere) (?:\w+ )?(?:hund|katze|kater|hamster|fisch|vogel|"
                    r"kaninchen|meerschweinchen|schildkrote|wellensittich|pferd|opa|oma|grossvater|"
                    r"grossmutter|uropa|uroma)\b (?:\w+ ){0,2}?(?:ist )?(?:gestorben|tot|verstorben|"
                    r"eingeschlafen)\b|\b(?:der )?tod (?:meines|meiner|unseres|unserer) (?:\w+ )?(?:hundes|"
                    r"katze|katers|hamsters|opas|oma|grossvaters|grossmutter|vogels|kaninchens)\b|"
                    r"\b(?:mera|meri|hamara|hamari) (?:\w+ )?(?:kutta|kutiya|billi|tota|machli|khargosh|"
                    r"dada|dadi|nana|nani|dadaji|nanaji)\b (?:\w+ )?(?:mar gaya|mar gayi|guzar gaye|guzar "
                    r"gayi|nahi rahe|nahi rahi|chal base|gujar gaye)\b|" + ml_families.IDIOMS)
FIRST_PERSON = re.compile(r"私|僕|俺|あたし|나는|내가|저는|제가|"
                          r"\b(?:yo|me|mi|estoy|quiero|tengo|voy|je|j|moi|mon|ma|ich|mich|mir|"
                          r"mein|eu|estou|quero|vou|minha|meu|io|voglio|sono|main|mujhe|mera|"
                          r"meri)\b|我|أنا|ي$|я\b|меня|אני")
QUESTION = re.compile(r"[?？؟]|^(?:que|cuales|como|por que|quels?|quelles?|comment|pourquoi|"
                      r"was|wie|warum|welche|quais|o que|porque|perche|come|kya|kaise|什么|"
                      r"如何|为什么|ما|كيف|لماذا)(?![a-z])")  # ninth round: "queria" is no "que"

# Questions about helping or recognising (informational even with a first person: "wie
# erkenne ich...", "comment aider...").
HELP_Q = re.compile(r"\b(?:(?:trabajo|ensayo|investigacion|tarea|proyecto|trabalho|pesquisa|"
                    r"projeto|expose|devoir|memoire|referat|hausarbeit|projekt|ricerca|tesina) "
                    r"(?:sobre|sur|uber|zum thema|su|de)|prevencion|prevention|pravention|"
                    r"prevencao|prevenzione|estadisticas|statistiques|statistiken|estatisticas|"
                    r"statistiche|"
                    r"como (?:puedo |posso |se puede |pode )?(?:ayudar|ajudar|apoyar|apoiar|"
                    r"reconocer|identificar|hablar)|senales|sinais|comment (?:aider|soutenir|"
                    r"reconnaitre|parler)|signes|wie (?:kann ich |erkenne ich|erkennt man|helfe ich|"
                    r"hilft man)|warnzeichen|anzeichen|kaise (?:madad|help)|kya (?:hain|hai) (?:signs|"
                    r"lakshan)|(?:signs?|lakshan|symptoms?) kya (?:hote |hoti |hota )?(?:hain|hai))\b|"
                    r"如何帮助|怎么帮助|怎样帮助|如何识别|需要什么样的帮助|迹象|"
                    r"كيف (?:أساعد|اساعد)|"
                    r"علامات")


# Look-alikes in other languages (seventh session): everyday sentences built from the words
# of crisis phrases -- cutting hair, food or paper; a letter that is an application or a
# card; not wanting to work late any more; jumping as a sport; pills for a headache. The
# phrase rules never read these as crisis, but the learned classifier, reading other
# languages mostly through character n-grams, can ("me voy a cortar el pelo" is close to "me
# voy a cortar"). With one of these in the message the classifier alone must reach the
# idiom threshold on another-language message (``layer.T_OTHER_LANG``). Text: ``morph`` of
# ``normalize_light`` (lower case, accents folded, enclitics moved: "cortarme" -> "me cortar").
_CUT = (r"(?:cort\w*|couper|coupe|coupes|coupent|coupais|schneid\w*|geschnitten|"
        r"schnitt|tagli\w*|knip\w*|snij\w*|gesneden|kes\w*|potong\w*|gupit|hiwa\w*|"
        r"стри\w*|реж\w*|рез\w*|obci\w*|kroi\w*)")
_CUT_OBJECT = (r"(?:pelo|cabello|cabelo|flequillo|franja|unas|unhas|barba|bigote|unghie|capelli|"
               r"frangia|cheveux|frange|ongles|haare?n?|haarschnitt|nagel|pony|bart|"
               r"haar|nagels|rambut|kuku|buhok|kuko|sac\w*|tirnak\w*|волос\w*|ногт\w*|"
               r"wlos\w*|paznok\w*|grzywk\w*|"
               r"cebollas?|tomates?|patatas|batatas|zanahorias?|pan|pao|carne|pollo|frango|"
               r"verduras?|legumes|verdura|fruta|queso|queijo|tarta|bolo|pastel|pizza|oignons?|"
               r"carottes?|viande|pain|gateau|fromage|legume\w*|zwiebeln?|karotten?|fleisch|brot|"
               r"kuchen|gemuse|kase|torte|cipoll\w*|pane|torta|uien|ui|brood|taart|groente\w*|"
               r"bawang|sayur|roti|daging|sibuyas|gulay|sogan|ekmek|hleb|хлеб|лук|овощ\w*|"
               r"cebul\w*|chleb|warzyw\w*|"
               r"papel|carton|tela|cesped|grama|ramas?|papier|tissu|herbe|gazon|branches?|"
               r"stoff|rasen|aste|karton|carta|erba|rami|gras|takken|kertas|kain|rumput|"
               r"cables?|kabel|fil|fils|costos|costes|gastos|custos|couts|depenses|kosten|"
               r"ausgaben|spese|uitgaven|cupones|coupons|lineas|zeilen|scenes?|szenen?|video\w*|"
               r"clip\w*|foto\w*|photo\w*|rosas|flores|fleurs|blumen|fiori|bloemen)")
_LETTER = (r"(?:carta|cartas|lettre|lettres|brief|briefe|lettera|lettere|surat|liham|mektup|"
           r"письм\w*|list|listy|rede|discurso|discours|speech)")
_ORDINARY_LETTER = (r"(?:de (?:presentacion|motivacion|recomendacion|amor|agradecimiento|"
                    r"renuncia|dimision|reclamacion|queja|apresentacao|motivacao|recomendacao|"
                    r"agradecimento|demissao|motivation|recommandation|remerciement|remerciements|"
                    r"candidature|demission|reclamation|felicitaciones|felicitacion|cumpleanos|"
                    r"boda|navidad|casamento|natal|aniversario|mariage|noel|anniversaire|"
                    r"presentazione|raccomandazione|dimissioni|auguri)|di (?:presentazione|"
                    r"motivazione|raccomandazione|dimissioni)|"
                    r"bewerbung\w*|motivations\w*|kundigung\w*|empfehlung\w*|dankes\w*|liebes\w*|"
                    r"sollicitatie\w*|motivatie\w*|lamaran|rekomendasi|"
                    r"al (?:banco|casero|ayuntamiento|seguro|colegio)|a la (?:universidad|empresa|"
                    r"escuela|aseguradora)|au (?:proprietaire|banc|lycee|college)|a la (?:banque|mairie|"
                    r"fac|caf)|an (?:den vermieter|die versicherung|die bank|das amt|die schule)|"
                    r"para (?:o banco|a faculdade|a empresa|o senhorio))")
_ACTIVITY = (r"(?:trabajar|estudiar|esperar|salir|cocinar|limpiar|conducir|manejar|trabalhar|"
             r"estudar|cozinhar|dirigir|travailler|etudier|attendre|cuisiner|conduire|arbeiten|"
             r"lernen|studieren|warten|kochen|putzen|fahren|pendeln|lavorare|studiare|aspettare|"
             r"cucinare|guidare|werken|studeren|wachten|koken|rijden|bekerja|belajar|menunggu|"
             r"memasak|magtrabaho|calismak|beklemek|работать|учиться|ждать|pracowac|czekac|"
             r"uczyc sie|(?:so |zo |tan |tao |si |aussi |cosi |so viel|zoveel|tanto|tant )"
             r"(?:spat|laat|tarde|tard|tardi|viel|veel|mucho|muito|beaucoup|molto|lange|lang))")
_NO_MORE = (r"(?:ya no quiero|no quiero (?:\w+ )?mas|nao quero mais|ja nao quero|je ne veux plus|"
            r"j'ai plus envie de|ich will nicht mehr|ich mochte nicht mehr|ich moechte nicht mehr|"
            r"non voglio piu|ik wil niet meer|ik wil niet langer|nie chce juz|tidak mau lagi|"
            r"artik istemiyorum|больше не хочу)")
_SPORT_JUMP = (r"(?:saltar|salto|saltos|pular|sauter|saut|springen|sprung|saltare|"
               r"lompat|atlamak|прыг\w*|skakac|skok\w*)(?: \w+){0,3}? (?:en |de |com |a |al |"
               r"in |im |mit |con |vom |dal |du |z |ze )?(?:l')?(?:paracaidas|paraquedas|parachute|"
               r"fallschirm|paracadute|parasut|bungee|puenting|elastique|trampolin\w*|"
               r"trampoline|cama elastica|piscina|piscine|schwimmbad|pool|zwembad|kolam|trampolim|"
               r"comba|corda|soga|springseil|touw|obstaculos|hurdles?|hurden|haies|obstacles|"
               r"esqui|ski|skisprung|klippenspringen|tirolesa|paravent|pferd|caballo|cheval)")
_PILL_ROUTINE = (r"(?:pastillas?|pildoras?|comprimidos?|pilulas?|cachets?|comprimes?|tabletten|"
                 r"pillen?|pillole|compresse|tabletki|pil|obat|gamot|hap\w*|таблет\w*)"
                 r"(?: \w+){0,3}? (?:para|pour|contre|gegen|fur|per|contro|tegen|na|untuk|"
                 r"для|от) (?:el |la |o |a |le |les |die |den |il |de |het )?(?:dolor de cabeza|"
                 r"dor de cabeca|mal de tete|kopfschmerz\w*|mal di testa|hoofdpijn|sakit kepala|"
                 r"alergia|allergie|allergien|allergia|alergi|resfriado|gripe|grippe|"
                 r"erkaltung|raffreddore|verkoudheid|flu|tos|toux|husten|tosse|hoest|presion|"
                 r"pressao|tension|blutdruck|pressione|bloeddruk|colesterol|cholesterol\w*|"
                 r"tiroides|tireoide|thyroide|schilddruse|tiroide|schildklier|acidez|azia|"
                 r"regel\w*|menstru\w*|periode|ciclo|mareo|enjoo|reisekrankheit)|"
                 r"(?:anticonceptiv\w*|anticoncepcional\w*|contracepti\w*|antibabypille|"
                 r"anticoncezional\w*|vitamin\w*|multivitamin\w*|omega|probiotic\w*)")
# an occasion or a glad reader in the same sentence as the letter ("une lettre pour ma sœur
# pour son anniversaire", "einen Brief an meine Oma, sie freut sich immer"); not "thanks",
# which goodbye notes say too
_OCCASION = (r"(?:cumpleanos|aniversario|anniversaire|geburtstag|compleanno|verjaardag|ulang tahun|"
             r"navidad|natal|noel|weihnacht\w*|natale|kerst\w*|boda|casamento|mariage|hochzeit|"
             r"matrimonio|bruiloft|dia de (?:la madre|las madres|los padres|do pai|das maes)|"
             r"fete des (?:meres|peres)|mutter ?tag|vater ?tag|festa della mamma|san valentin|"
             r"saint[- ]valentin|valentinstag|felicit\w*|gratul\w*|gluckwunsch\w*|"
             r"se alegra|fica feliz|ficam felizes|contente|ravie?|freut sich|freuen sich|felice|blij|"
             r"pen ?pal|brieffreund\w*|correspondant\w*|amig[oa] por correspondencia|"
             # an application: the letter is a cover letter
             r"bewerbung\w*|lebenslauf|anschreiben|candidature|curriculum|solicitud de empleo|"
             r"sollicitatie\w*|candidatura)")
# burned by the sun, the oven or cooking ("me quemé con el sol", "me quemé cocinando")
_BURN_EVERYDAY = (r"(?:me queme|me quemo|me queimei|me queimo|je me suis brule\w*|mi sono bruciat\w*|"
                  r"habe mich verbrannt|hab mich verbrannt)(?: \w+){0,3}? (?:(?:con|com|avec|mit) "
                  r"(?:el |la |o |a |le |dem |der |il |l')?)?(?:sol|sole|soleil|sonne|horno|forno|"
                  r"four|ofen|plancha|ferro|fer|bugeleisen|aceite|oleo|huile|ol|sarten|frigideira|poele|"
                  r"pfanne|padella|agua|eau|wasser|acqua|cafe|kaffee|caffe|te|the|tee|sopa|soupe|"
                  r"suppe|cocinando|cozinhando|en cuisinant|beim kochen|cucinando|en la playa|na praia|"
                  r"a la plage|am strand|in spiaggia)")
LOOKALIKE = re.compile(r"\b(?:" + _BURN_EVERYDAY + r"|" + _CUT_OBJECT + r"(?: \w+){0,2}? " + _CUT + r"|"
                       + _CUT + r"(?: \w+){0,3}? (?:(?:el|la|los|las|o|a|os|as|le|les|"
                       r"die|den|das|meine?n?|mes|mon|ma|mis|mi|meu|minha|il|i|gli|lo|de|het|"
                       r"mijn|my) )?" + _CUT_OBJECT + r"|" + _LETTER + r"(?: \w+){0,2}? "
                       + _ORDINARY_LETTER + r"|" + _LETTER + r"\b[^.!?\n]{0,60}?\b" + _OCCASION + r"|"
                       + _OCCASION + r"\b[^.!?\n]{0,60}?\b" + _LETTER + r"|" + _NO_MORE + r" " + _ACTIVITY
                       + r"|" + _SPORT_JUMP + r"|" + _PILL_ROUTINE + r")\b")


# The highest bridge or building asked for: a means only beside distress (``ML_DISTRESS``:
# "qué puente es el más alto? ya me da igual todo"), never for a tourist with a first person.
HEIGHT_Q = re.compile(r"\b(?:(?:puente|ponte|pont|brucke|edificio|predio|immeuble|hochhaus|palazzo|"
                      r"torre|tour|turm|viaducto|viaduto|viaduc) (?:\w+ ){0,5}?(?:mas alto|mais alto|"
                      r"plus haut|hochste|piu alto)|(?:mas alto|mais alto|plus haut|hochste|piu alto) "
                      r"(?:\w+ ){0,3}?(?:puente|ponte|pont|brucke|edificio|predio|immeuble|hochhaus|"
                      r"palazzo)|(?:brucke|hochhaus|turm) (?:\w+ ){0,4}?am hochsten|en yuksek "
                      r"(?:kopru|bina|kule)\w*|acesso ao terraco)\b")


# Pills swallowed (by anyone) or counted in bulk: then pills "for blood pressure" are no
# routine ("me voy a tomar todas las pastillas para la presión").
SWALLOWED = re.compile(r"\b(?:traga\w*|trago|trague|ingiri\w*|ingeri\w*|avale\w*|avala\w*|"
                       r"engol\w*|verschluck\w*|geschluckt|schluckte|ingoi\w*|ingerit\w*|"
                       r"doorgeslikt|slikte|tomo todas|tomou todos|tomou todas|toutes les|"
                       r"alle (?:tabletten|pillen)|die ganze|la boite|la caja|a caixa|overdos\w*|"
                       r"sobredosis|overdose|todas|todos|toutes|tous|alle|tutte|tutti|"
                       r"caja|cajas|boite|boites|packung|schachtel|frasco|flacon|bote|cartela|"
                       r"blister|plaquette|\d{2,})\b")
_PILL_RE = re.compile(_PILL_ROUTINE)


def lookalike_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` (already folded by ``morph``) has an everyday look-alike (``LOOKALIKE``):
    a phrase or weak word overlapping one of these spans is not read as a risk."""
    swallowed = SWALLOWED.search(text)
    return [m.span() for m in LOOKALIKE.finditer(text)
            # "a avalé des comprimés de mon traitement pour la tension": no routine
            if not (swallowed and _PILL_RE.match(m.group(0)))]


def in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def lookalike(text: str) -> str | None:
    """An everyday look-alike of a crisis phrase in ``text`` (see ``LOOKALIKE``), or None."""
    folded = morph(text)
    spans = lookalike_spans(folded)
    return folded[spans[0][0]:spans[0][1]] if spans else None
