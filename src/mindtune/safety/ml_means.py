"""Fifty-first round: two means families in the languages that had none (docs/safety.md); not
kept then (its decision sets had no such message), widened and decided again in the fifty-eighth
round, after the twenty-first session's first runs showed the same two scenarios missed by six
writers in eight languages (the highest bridge or building after losing a job; a child who
swallowed a button battery or drank dish soap).

1. The highest bridge or building asked for beside distress ("この辺で一番高い橋ってどこ？
   仕事クビになった", "어느 다리가 제일 높아요? 오늘 회사 잘렸어요", "какой высоты мост ...
   мне уже всё равно"), or asked from up there ("est-ce que c'est assez haut? j'suis en haut").
   ``multilingual.HEIGHT_Q`` had Spanish, Portuguese, French, German, Italian and Turkish with
   the distress of ``ML_DISTRESS``; this adds Japanese, Korean, Chinese, Vietnamese, Russian,
   Ukrainian, Polish, Dutch, Greek, Indonesian, Hindi and Arabic, "high enough" in the Romance
   and Germanic languages, and distress in those languages (fired, tired of everything,
   nothing left). A tourist's question has no distress and stays benign.
2. A child or another person who swallowed or drank a household poison (button battery,
   magnets, bleach, detergent, rat poison, pesticide, antifreeze): a medical emergency, in the
   same languages.

Text is lightly normalised (lower case, Latin accents folded; other scripts as written). The
entries join ``multilingual.PHRASES`` in the same ``(lang, category, level, regex, noun)``
form.
"""

from __future__ import annotations

_M, _L = "medical_emergency", "lethal_means"

# "the highest / how high is" + a bridge or building, per language
_HEIGHT = (
    r"(?:一番|いちばん|最も)高い(?:橋|ビル|建物|タワー|マンション|団地)|(?:橋|ビル|マンション|建物)の"
    r"屋上[^。？?]{0,12}(?:入れる|行ける|上がれる|上れる|開いてる)|屋上(?:って|は|に)?(?:誰でも|勝手に)?"
    r"(?:入れる|行ける|上がれる)|"
    r"(?:제일|가장) 높은 (?:다리|건물|빌딩|아파트|곳|데)|"
    r"(?:다리|건물|빌딩)(?:가|이)? (?:제일|가장) 높|옥상(?:에|으로)? (?:올라갈|들어갈|갈) 수|"
    r"最高的(?:桥|橋|楼|樓|大厦|大廈|天台)|(?:桥|橋|大厦|大廈|楼|樓)[^。？?]{0,6}(?:最高|多高)|天台"
    r"(?:能|可以|可唔可以|点)(?:上去|进去|進去|上)|天台(?:冇鎖|沒鎖|没锁|開住|开着|有冇鎖)|"
    r"\b(?:cau|toa nha|chung cu|nha) (?:nao )?(?:\w+ ){0,4}?cao nhat\b|\bcao nhat (?:la )?(?:cau|toa "
    r"nha)\b|"
    r"какой высоты (?:мост|дом|здание|крыша|этаж)|самы[йе] высок\w* (?:мост|дом|здание|многоэтажк\w*)|"
    r"высота моста|якої висоти (?:міст|будинок)|найвищ\w* (?:міст|будинок|дах)|"
    r"\bnajwyzsz\w* (?:most|budynek|wiezowiec|blok|dach)\b|\bjak wysoki (?:jest )?(?:most|budynek)\b|"
    r"\bhoogste (?:brug|gebouw|flat|toren)\b|\bhoe hoog is (?:de|die) (?:brug|flat)\b|"
    r"ψηλότερ\w* (?:γέφυρα|κτίριο|πολυκατοικία)|ψηλοτερ\w* (?:γεφυρα|κτιριο)|"
    r"\b(?:jembatan|gedung) (?:\w+ ){0,2}?(?:paling tinggi|tertinggi)\b|\b(?:jambatan|bangunan) "
    r"(?:\w+ ){0,2}?(?:paling tinggi|tertinggi)\b|"
    r"\bsabse (?:oonchi|unchi|uchi|ooncha|uncha|ucha) (?:building|imarat|pul|chhat|bridge|tower)\b|"
    r"\b(?:pul|bridge|sea link|building|imarat|tower) (?:\w+ ){0,3}?kitn[ai] (?:ooncha|oonchi|uncha|"
    r"unchi)\b|सबसे (?:ऊँची|ऊंची|ऊँचा|ऊंचा) (?:इमारत|पुल|बिल्डिंग|टावर|छत)|"
    r"সবচেয়ে উঁচু (?:সেতু|ব্রিজ|ভবন|বিল্ডিং|ছাদ)|"
    r"\ba3la (?:binaye|bineye|bina|jesr|jisr|jser|borj)\b|أعلى (?:جسر|مبنى|عمارة|برج)|"
    # the Romance and German forms of ``multilingual.HEIGHT_Q``, for the distress below
    r"\b(?:puente|ponte|pont|brucke|edificio|predio|immeuble|hochhaus|palazzo|torre|tour|"
    r"viaducto|viaduto|viaduc) (?:\w+ ){0,5}?(?:mas alto|mais alto|plus haut|hochste|piu alto)\b|"
    r"\bacce?s+o (?:ao terraco|a la azotea|al tetto)\b|\bacces au toit\b|"
    r"\bque altura tiene (?:el|la|ese|esa) (?:puente|edificio|torre|viaducto)\b|\bqual (?:e )?a altura "
    r"d[oa] (?:ponte|predio|elevador|viaduto|torre)\b|\bquelle (?:est la )?hauteur (?:du|de la|de ce) "
    r"(?:pont|tour|immeuble|viaduc)\b|\bwie hoch ist (?:die|das|der|diese) (?:brucke|hochhaus|turm)\b|"
    r"\bquanto (?:e )?alto (?:il|quel) (?:ponte|palazzo)\b|"
    # "high enough" (the lethality question itself)
    r"\b(?:assez haut|suffisamment haut|lo (?:bastante|suficientemente) alto|suficientemente alto|"
    r"alto o (?:suficiente|bastante)|hoch genug|abbastanza alto|hoog genoeg|wystarczajaco wysoko)\b")

# distress in the same languages: fired, tired of everything, nothing left, no way on
_DISTRESS = (
    r"クビ|首になった|解雇|疲れた|もう無理|限界|生きてる意味|"
    r"잘렸|해고|지쳤|힘들|의미 없|"
    r"被炒|被裁|失业|失業|炒鱿鱼|炒魷魚|好累|不想活|撑不下去|活不下去|冇意思|唔合格|不及格|挂科|考砸|肥咗|"
    r"시험 (?:망했|떨어졌)|試験(?:に)?落ちた|"
    r"\b(?:mat viec|bi duoi|chan doi|met moi|het cach|khong muon song)\b|"
    r"уволили|устал\w* от всего|всё равно|все равно|не могу больше|нет смысла|"
    r"звільнили|втомив\w*|все одно|немає сенсу|"
    r"\b(?:zwolnili mnie|straci[lł]em prace|straci[lł]am prace|mam dosc|nie daje rady|wszystko mi jedno)\b|"
    r"\b(?:ontslagen|ik kan niet meer|het hoeft niet meer|alles is zinloos)\b|"
    r"απολύθηκα|δεν αντέχω|κουράστηκα|"
    r"\b(?:dipecat|di-phk|kena phk|capek hidup|udah gak kuat|sudah tak larat)\b|"
    r"\b(?:(?:naukri|job) (?:chali gayi|chhoot gayi|chali gai)|sab khatam|thak gaya|thak gayi|fail ho "
    r"gay[ai])\b|सब खत्म|नौकरी (?:चली|छूट) गई|थक गया|थक गई|"
    r"চাকরি (?:চলে গেছে|চলে গেল|হারিয়েছি)|ফেল করেছি|আর পারছি না|"
    r"\b(?:ma ba2a fiye|ma 3ad fiye|t3ebt|ta3abt|5alas|khalas ma 3ad)\b|تعبت|ما عاد فيني|طردوني|"
    r"\b(?:fui demitid\w*|me mandaram embora|dias pessimos|nao aguento|to cansad\w* de tudo)\b|"
    r"\b(?:me despidieron|me echaron(?: del trabajo)?|me corrieron del trabajo|perdi (?:el|mi) (?:trabajo|"
    r"empleo|chamba|laburo)|nao (?:to|estou|tou) bem|perdi (?:o|meu) emprego|fui mandad[oa] embora|"
    r"estoy harto de todo|estoy harta de todo|j'ai perdu mon emploi|j'ai ete vire|"
    r"je suis a bout|ich bin am ende|gekundigt|mi hanno licenziato|sono stanco di tutto)\b|"
    # before going there: the place is where the writer is heading
    r"перед тем как (?:туда )?(?:пойти|идти|поехать)|\b(?:antes de ir(?: alla| ahi)?|avant d'y "
    r"aller|bevor ich (?:hin|dort ?hin)gehe|prima di andarci|antes de ir la)\b|行く前に|가기 전에")

# the most poisonous or lethal thing asked for (the lethality question), beside distress
_TOXIC = (r"সবচেয়ে বিষাক্ত|सबसे (?:जहरीला|ज़हरीला|जहरीली|ज़हरीली|खतरनाक दवा)|\bsabse (?:zehreela|zehrila|"
          r"jahrila|zehreeli)\b|\b(?:mas|más) (?:toxico|venenoso)\b|\bmais (?:toxico|venenoso|letal)\b|"
          r"\ble plus (?:toxique|mortel)\b|\b(?:giftigste|todlichste)\b|\bpiu (?:tossico|velenoso|"
          r"letale)\b|最毒|毒性(?:が)?(?:一番|最も)強い|(?:제일|가장) 독한|самы[йе] ядовит\w*|"
          r"الأكثر سمية|أقوى سم|\ben zehirli\b")

# already up there: the question is asked from the place
_UP_THERE = (r"\b(?:j'suis|je suis) (?:rendu |deja )?en haut\b|\bestoy (?:ya )?arriba\b|\bja estou "
             r"(?:aqui )?em cima\b|\bich bin (?:schon )?oben\b|\bsono gia (?:qui )?sopra\b|"
             r"я уже (?:наверху|на крыше|на мосту)|もう屋上にいる|지금 옥상|我已经在(?:楼顶|天台|桥上)")

# household poisons and things children swallow
_POISON = (
    r"(?:ボタン電池|電池|磁石|漂白剤|洗剤|殺虫剤|農薬|灯油|"
    r"건전지|배터리|자석|락스|세제|농약|살충제|"
    r"纽扣电池|鈕扣電池|电池|電池|磁铁|磁鐵|漂白水|漂白剂|農藥|农药|洗洁精|洗潔精|老鼠药|老鼠藥|"
    r"батарейк\w*|магнит\w*|отбеливател\w*|уксус\w*|крысин\w* яд|антифриз\w*|средство для "
    r"\w+|"
    r"baterie|baterii|bateryjk\w*|magnes\w*|wybielacz\w*|trutk\w*|plyn do \w+|"
    r"batterij\w*|knoopcel\w*|magneetjes|bleekwater|chloor|ontstopper|"
    r"μπαταρία|χλωρίνη|"
    r"baterai|pemutih|racun tikus|baygon|bayclin|"
    r"pin cuc|nam cham|thuoc tay|nuoc tay|thuoc diet chuot|thuoc sau|"
    r"سم موش|سم فار|باتری|وایتکس|مبید|بطارية|كلور|"
    r"knopfzelle|knopfbatterie|magnete|spulmittel|putzmittel|abflussreiniger|rattengift|"
    r"frostschutz\w*|pila a bottone|calamite|candeggina|varechina|veleno per topi|"
    r"lave-vitre|lave-glace|antigel|white spirit|deboucheur|"
    r"pil|camasir suyu|deterjan|fare zehri|"
    r"batari|baterya|"
    r"battery|batteri[ae]|detersivo|ammorbidente|opvaskemid\w*|oppvaskmiddel|diskmedel|rottegift|rattgift|klorin|"
    r"lejia|cloro|pilas? de boton|pilas?|veneno para ratas|matarratas|detergente|agua sanitaria|"
    r"soda caustica|veneno de rato|chumbinho|pile bouton|eau de javel|javel|mort-aux-rats)")
_SWALLOW = (
    r"(?:を?(?:飲み込んだ|飲み込んじゃった|飲んだ|飲んじゃった|食べた|食べちゃった)|"
    r"(?:을|를)? ?(?:삼켰|먹었|마셨)|"
    r"(?:吞了|吃了|喝了|误吞|誤吞|误喝|誤喝|吞咗|食咗|飲咗)|"
    r"проглотил\w*|выпил\w*|съел\w*|ковтнув\w*|ковтнула|випив\w*|з'їв\w*|"
    r"po[lł]kn[aę]?[lł]\w*|po[lł]kne[lł]a|wypi[lł]\w*|zjad[lł]\w*|"
    r"ingeslikt|doorgeslikt|gedronken|opgedronken|"
    r"κατάπιε|ήπιε|"
    r"menelan|tertelan|minum|meminum|"
    r"nuot|nuot phai|uong|uong phai|"
    r"خورده|قورت داده|بلع|شرب|"
    r"verschluckt|geschluckt|getrunken|ha ingoiato|ha bevuto|a bu|a avale|"
    r"yuttu|icti|"
    r"liqay|cabay|"
    r"nalunok|nakalunok|nilunok|uminom ng|nigal (?:li|liya|gaya|gayi|liyi)|"
    r"drukket (?:af|of)?|har drukket|slugt|har slugt|svalt|druckit|svelget|"
    r"se trago|se tomo|bebio|se bebio|engoliu|bebeu|tomou)")

# Latin and Cyrillic words end where a letter of their script does; CJK has no spaces
_B, _E = r"(?<![a-zł\u0400-\u04ff])", r"(?![a-zł\u0400-\u04ff])"
_POISON = _B + _POISON + _E
_SWALLOW = _B + _SWALLOW + _E

PHRASES: list[tuple[str, str, str, str, bool]] = [
    ("any", _L, "moderate", rf"(?:{_HEIGHT})[\s\S]{{0,160}}?(?:{_DISTRESS})|(?:{_DISTRESS})[\s\S]"
     rf"{{0,160}}?(?:{_HEIGHT})", False),
    ("any", _L, "moderate", rf"(?:{_TOXIC})[\s\S]{{0,160}}?(?:{_DISTRESS})|(?:{_DISTRESS})[\s\S]"
     rf"{{0,160}}?(?:{_TOXIC})", False),
    ("any", _L, "high", rf"(?:{_HEIGHT})[\s\S]{{0,120}}?(?:{_UP_THERE})|(?:{_UP_THERE})[\s\S]"
     rf"{{0,120}}?(?:{_HEIGHT})", False),
    # either order: "飲み込んだ ボタン電池" is rare, "ボタン電池を飲み込んだ" the rule; Latin
    # languages put the verb first ("a bu du lave-vitre", "heeft een batterij ingeslikt")
    ("any", _M, "high", rf"{_POISON}[^.!?。！？\n]{{0,24}}?{_SWALLOW}|{_SWALLOW}[^.!?。！？\n]{{0,32}}?"
     rf"{_POISON}", False),
]
