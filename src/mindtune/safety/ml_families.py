"""Seventeenth round: crisis families in other languages, written from the misses of the spent
blind sets R, S and U (docs/safety.md) as vocabulary: a verb in its usual forms, a concept in
each language where it was missed, each kept away from its everyday senses. Text is lightly
normalised (lower case, Latin accents folded; other scripts as written).

``PHRASES`` joins ``multilingual.PHRASES`` (counted in any message, code-switched English
included); ``WEAK`` joins ``multilingual.WEAK`` (counted only in a message detected as another
language, as a low-level crisis).
"""

from __future__ import annotations

_S, _H, _A, _T = "suicidal", "self_harm", "abuse_danger", "third_party_risk"
_M, _O, _L = "medical_emergency", "harm_to_others", "lethal_means"

# a high place, in the languages of the sets (accent-folded)
_HIGH_PLACE = (r"(?:puente|azotea|techo|edificio|ponte|telhado|predio|terraco|pont|toit|immeuble|"
               r"brucke|dach|hochhaus|cornicione|tetto|terrazza|jembatan|atap|gedung|rooftop|"
               r"tulay|bubong|kopru|cati|terrace|roof|bridge)")
# a weapon or a tool used as one
WEAPON = (r"(?:machete|fierro|cuchillo|navaja|pistola|arma|faca|facao|couteau|batte|flingue|messer|"
           r"waffe|coltello|pistola|pisau|golok|parang|panga|bicak|silah|hockey stick|danda|chaku|"
           r"molotkom|молотком|ножом|нож|包丁|刀|칼)")

PHRASES: list[tuple[str, str, str, str, bool]] = [
    # wishing to die, killing oneself (fr "crever", it "mi ammazzo", Arabizi, tr, fa)
    ("fr", _S, "low", r"\b(?:je veux|j'ai envie de|envie de|je voudrais|j'aimerais) crever\b"
     r"(?! de (?:faim|chaud|froid|rire|soif|ennui))", False),
    ("it", _S, "low", r"\b(?:mi ammazzo|mi uccido|ammazzarmi|uccidermi)\b(?! (?:di|dal|dalla|"
     r"dalle|dai|con il|col) (?:lavoro|fatica|risate|ridere|studio|caldo|palestra))", False),
    ("ar", _S, "low", r"\b(?:badd?e|baddi|bde|bddi|nefsi|nefsy|3ayez|3ayza|bghit|nheb|n7eb|"
     r"nebghi|habbit) (?:a?mout|amoot|amot|nmout|nmut|mout)\b|\b(?:ya ?rabb?i|ya allah) "
     r"(?:takhodni|t5odni|khodni|5odni)\b|\bmesh (?:3ayez|3ayza) a3ee?sh\b|\bmish (?:3ayez|"
     r"3ayza|baddi) (?:a3ee?sh|3ish)\b|\bma 3ad (?:fiye|fiyi|fini) (?:kamel|kammel)\b|"
     r"\bma3adch n9der nkammel\b|\bnefsy anam w ma (?:asha2sh|as7ash|a9ha)\b", False),
    ("ar", _S, "low", r"بدي موت|نفسي اموت|نفسي أموت|يا رب (?:تاخذني|خذني|تاخدني)|"
     r"ما (?:ابي|أبي|ابغى|أبغى) (?:اكمل|أكمل)(?=[.,!؟?،]|$)|"
     r"ما ابغى اعيش|ما أبغى أعيش", False),
    ("tr", _S, "low", r"\b(?:artik )?yasamak istemiyorum\b|\bkeske (?:hic )?dogmasayd[iı]m\b|"
     r"\bkendimi oldur\w*|\bolsem (?:de )?kurtulsam\b|\bherkes rahat edecek\b", False),
    ("fa", _S, "low", r"(?:دیگه )?بیدار نشم|کاش (?:یه روز )?بمیرم|میخوام بمیرم", False),
    ("ro", _S, "low", r"\bn-o sa mai fiu\b|\bnu o sa mai fiu\b|\bnu mai vreau sa traiesc\b|"
     r"\bv-as scuti pe toti de mine\b|\bsa nu mai fiu\b", False),
    ("de", _S, "low", r"\bmag nimm(?:a|er) leb(?:e)?n\b|\bmag nicht mehr leben\b|\bbesser,? (?:\w+ ){0,3}"
     r"wenn ich nicht mehr da (?:war|waer|bin|ware)\b|\bnicht mehr da (?:war|ware|waer) (?:\w+ )?"
     r"besser\b", False),
    ("es", _S, "low", r"\bojala no (?:despertara|despierte|amaneciera|despertar|amanecer)\b|"
     r"\bregal\w*[^.!?]{0,80}ya no (?:los|las|lo|la) (?:voy a necesitar|necesitare)\b", False),
    ("pt", _S, "low", r"\bninguem (?:vai|precisa) (?:precisar )?(?:se )?preocupar comigo\b|\bja me despe"
     r"di de "
     r"todo mundo(?=[.!]|$)", False),
    ("it", _S, "low", r"\bse sparissi\b[^.!?]{0,40}(?:nessuno|meglio)|\bse non ci fossi (?:piu )?"
     r"(?:\w+ ){0,3}(?:meglio|nessuno)\b", False),
    ("nl", _S, "low", r"\b(?:de wereld|iedereen) (?:is |zou |zijn |ware )?beter af (?:\w+ )?zonder "
     r"(?:mij|me)\b", False),
    ("pl", _S, "low", r"\bjak mnie (?:juz )?nie (?:bedzie|będzie)(?=[.,!]|$)|\bchce umrzec\b", False),
    ("id", _S, "low", r"\bkalau aku (?:nggak|gak|ga|tidak|udah nggak|udah gak) ada\b[^.!?]{0,40}"
     r"(?:tenang|lebih baik|bahagia|senang)|\b(?:mau|akan|pengen) lompat dari lantai\b", False),
    ("tl", _S, "low", r"\bsana hindi na (?:lang )?ako (?:nagising|magising)\b|\bmakakapansin kung "
     r"mawala ako\b|\bwala nang dahilan para mabuhay\b|\bpakisabi kay (?:nanay|tatay|mama|papa) "
     r"na mahal ko (?:siya|sila)\b", False),
    ("hi", _S, "low", r"\b(?:sabki|sab ki) (?:life|zindagi) mere bina (?:better|behtar|achhi)\b|"
     r"\bmere bina (?:sab|sabki) (?:\w+ )?(?:better|khush|behtar)\b", False),
    ("zh", _S, "low", r"如果我消失了|我消失了[^。！？]{0,8}(?:没人|沒人|没有人|沒有人)|"
     r"(?:他|她)用得(?:到|着|著)[^。！？]{0,6}我(?:应该|應該)?(?:是)?用不(?:到|着|著)了", False),
    ("ko", _S, "low", r"(?:없어지면|사라지면|없으면) (?:다들|모두|다) 편해|disappear하고 싶", False),
    ("ru", _S, "low", r"без меня всем (?:будет )?(?:легче|лучше)|без мене всім (?:буде )?(?:легше|"
     r"краще)|(?:уже|сейчас) стою на (?:мосту|крыше)|стоит на крыше[^.!?]{0,30}проща|"
     r"на подоконнике[^.!?]{0,40}"
     r"окно открыто", False),
    # at a height now, about to jump (the writer or a third person)
    ("es", _T, "high", r"\b(?:dice que|dijo que) (?:se va a (?:tirar|aventar)|va a (?:tirarse|"
     r"aventarse)|va a saltar\b(?! (?:en|con) paracaidas))|"
     r"\besta en el " + _HIGH_PLACE + r"[^.!?]{0,40}(?:saltar|tirar)", False),
    ("it", _T, "high", r"\b(?:dice che|ha detto che) si butta\b(?! (?:in|nella|nel|sul|a letto))|"
     r"\bsul cornicione\b", False),
    ("hi", _T, "high", r"(?<!bungee )(?<!long )(?<!high )\bjump (?:karegi|karega|karenge|kar degi|kar de"
     r"ga)\b|\bkood (?:jayega|jaega|"
     r"jayegi|jaegi|jaunga|jaungi)\b|\bkud (?:jayega|jaunga|jayegi)\b", False),
    ("hi", _S, "high", r"(?<!bungee )(?<!long )(?<!high )\bjump (?:karunga|karungi|kar dunga|kar dungi|k"
     r"ar lunga)\b", False),
    ("vi", _T, "high", r"\bđung tren cau\b[^.!?]{0,40}\bse nhay\b", False),
    ("zh", _T, "high", r"站在(?:顶楼|頂樓|天台|楼顶|樓頂)", False),
    ("tl", _S, "high", r"\bnasa (?:rooftop|bubong|gilid ng tulay|tulay)\b[^.!?]{0,60}(?:jump|tatalon|"
     r"talon|mabuhay|paalam|silbi|ayoko na)|\bnakatayo na (?:ko|ako) sa gilid\b", False),
    ("ar", _S, "high", r"فوق السطح[^.!?؟]{0,20}(?:وبنط|بنط|ح انط|رح انط|بقفز|راح اقفز)", False),
    # a third person who said goodbye and cannot be reached, or threatens to take poison
    ("es", _T, "moderate", r"\b(?:audio|mensaje|video) despidiendose\b", False),
    ("tl", _T, "moderate", r"\bnag-?post ng goodbye\b", False),
    ("hi", _T, "moderate", r"\bzeher kha (?:lega|legi|lenge)\b|\bpehle bhi koshish kar "
     r"(?:chuki|chuka)\b", False),
    # self-harm
    ("pl", _H, "moderate", r"\bpoci(?:ę|e)(?:łam|lam|łem|lem|ła|la)\b|\btn(?:ę|e) si(?:ę|e)\b", False),
    ("uk", _H, "moderate", r"різала себе|різав себе|ріжу себе|резала себя|резал себя", False),
    ("tl", _H, "moderate", r"\bsinusugatan ko\b|\bsinasaktan ko (?:ulit )?ang sarili ko\b", False),
    ("sw", _H, "moderate", r"\bnimejikata\b|\bnajikata\b", False),
    ("ar", _H, "moderate", r"\bjara7t (?:7ale|7ali|nafsi)\b|\bbajra7 (?:7ale|7ali)\b", False),
    ("hi", _H, "moderate", r"\bkhud ko (?:nuqsan|nuksan|hurt|zakhmi)\b(?! (?:\w+ ){0,3}(?:ka|ki) (?:koi "
     r")?(?:idea|irada|"
     r"iraada|khayal|soch) (?:nahi|nahin)\b)(?! (?:\w+ ){0,2}(?:nahi|nahin) (?:karunga|karungi|"
     r"sochta|sochti|soch))", False),
    ("zh", _H, "moderate", r"(?:抠|摳|割|划|劃)[^。！？]{0,6}(?:到流血|出血)", False),
    ("id", _H, "moderate", r"\bsengaja (?:gak|nggak|tidak|ga) makan\b[^.!?]{0,40}(?:hukum|pantas)", False),
    ("ro", _H, "moderate", r"\ba inceput sa se taie\b|\bse taie pe (?:maini|brate|picioare)\b", False),
    # harm to others: a weapon with a target and a time, or a plain threat to kill
    ("de", _O, "moderate", r"\bstech(?:e)? (?:ich )?(?:ihn|sie|den|die|diesen|diese) (?:\w+ )?ab\b|"
     r"\babstechen\b|\b(?:will|mochte|muss) (?:\w+ ){0,3}wehtun\b", False),
    ("fr", _O, "moderate", r"\bje vais (?:le|la|les) planter\b|\bje vais (?:lui|leur) faire payer\b"
     r"[^.!?]{0,40}(?:couteau|flingue|batte)|\bje vais (?:defoncer|buter|planter|crever)\b[^.!?]{0,40}"
     r"(?:couteau|batte|flingue|ce soir)|\b(?:vais|va) mettre le feu a (?:sa|son|leur) (?:voiture|"
     r"maison|appart\w*)\b", False),
    ("es", _O, "moderate", r"\b(?:le|les) (?:voy a )?romp\w* (?:la|el) (?:cara|madre|hocico)\b[^.!?]{0,60}"
     + WEAPON + r"|\b(?:esperar|espero|voy a esperar|voy pa alla|voy para alla)\b[^.!?]{0,60}con "
     r"(?:el|un|mi) (?:machete|fierro|cuchillo|navaja|pistola)\b|\bganas de (?:lastimar|golpear|"
     r"pegarle|hacerle dano)\b", False),
    ("pt", _O, "moderate", r"\bvou (?:pegar|levar) (?:a|uma|o) (?:arma|faca|revolver|pistola)\b"
     r"[^.!?]{0,40}(?:escola|resolver|eles|aqueles|acertar)|"
     r"\b(?:machucar|bater (?:n)?o) meu (?:bebe|filho|neném|nenem)\b|\bvontade de machucar\b", False),
    ("it", _O, "moderate", r"\b(?:aspetto|aspettero|vado da)\b[^.!?]{0,80}con (?:il|un) (?:coltello|pist"
     r"ola)\b", False),
    ("tr", _O, "moderate", r"\bbicakla\w*\b", False),
    ("hi", _O, "moderate", r"\b(?:ko|usko|unko|isko|tujhe|tereko) (?:\w+ ){0,5}thok (?:dunga|denge)\b|\b"
     r"(?:dil|mann|man) karta "
     r"hai\b[^.!?]{0,40}\bmaar (?:dun|du|doon)\b|"
     r"\bchhodunga nahi\b[^.!?]{0,60}(?:" + WEAPON + r"|bula liya)", False),
    ("ar", _O, "moderate", r"\ba2tel\b|\bn2tlo\b|لأحرق|لاحرق|احرق سيارته", False),
    ("ru", _O, "moderate", r"хочу сделать больно|сделаю (?:ему|ей) больно|(?:пойду|приду|иду) к "
     r"(?:нему|ней)[^.!?]{0,20}с (?:молотком|ножом)", False),
    ("ro", _O, "moderate", r"\b(?:vreau|imi vine) s-o lovesc\b|\bsa-l lovesc\b", False),
    ("sw", _O, "moderate", r"\bkumuumiza\b|\bnimeshanoa panga\b", False),
    ("vi", _O, "moderate", r"\blam hai (?:con|nguoi|ai)\b", False),
    ("el", _O, "moderate", r"θα τον σκοτ|θα την σκοτ|θα τη σκοτ", False),
    ("nl", _O, "moderate", r"\b(?:hem|haar|mijn \w+|die \w+) iets aan (?:te )?doen\b", False),
    ("ko", _O, "moderate", r"죽여버리고 싶|죽여 버리고 싶|죽여버릴", False),
    ("ja", _O, "moderate", r"刺したい|刺してやる|殺してやる|殺したい", False),
    ("zh", _O, "moderate", r"(?:想|要)(?:杀|殺)了(?:我的?)?(?:室友|老板|老闆|同事|男友|女友|前任|"
     r"丈夫|老公|妻子|老婆|"
     r"邻居|鄰居|继父|繼父|同学|同學|他|她|那个人|那個人|那个男的|那個男的)|水里下药|水裡下藥", False),
    # abuse and danger to the writer
    ("de", _A, "moderate", r"\bgewurgt\b|\bgewuergt\b|\bhort (?:man )?(?:\w+ ){0,3}schlage\b", False),
    ("it", _A, "moderate", r"\bmi ha spint\w* (?:giu )?(?:dalle|dalla|per le) scale\b|\bmi ha rotto "
     r"(?:il|la) (?:braccio|naso|mano|costola)\b", False),
    ("pt", _A, "moderate", r"\bme empurr\w* (?:\w+ )?(?:na|da|pela) escada\b|\bentrando no meu quarto "
     r"de noite\b|\bsome com (?:meu|minha) (?:filh[oa]|bebe)\b", False),
    ("fr", _A, "moderate", r"\bmarier de force\b|\bpris mon passeport\b", False),
    ("ar", _A, "moderate", r"\b(?:bte2dorbni|bted2orbni|btedrobni|bidrabni|byedrabni|bte3redni)\b|"
     r"\bhadad(?:ne|ni) bel sekkine\b|هددني بالقتل|بتضربني|بيضربني", False),
    ("fa", _A, "moderate", r"کتک میزنه", False),
    ("hi", _A, "moderate", r"\bkisi ko bataya to (?:maar|maarenge|maar denge)\w*|\bko maar rahe (?:hain|"
     r"hai|the)\b|"
     r"\b(?:maara|mara|peeta),? (?:\w+ )?belt se\b|\bbelt se (?:maara|mara|peeta)\b", False),
    ("id", _A, "moderate", r"\bmasuk kamar(?:ku| aku| saya) (?:\w+ )?malam\b", False),
    ("en", _A, "moderate", r"\bforcing me to marry\b|\bmarry (?:me )?(?:off )?by force\b", False),
    # medical emergencies: poisoning by household products, stroke, seizure, unresponsive
    ("es", _M, "high", r"\bse tomo (?:un|el|todo el) (?:frasco|bote) de\b|\bse tomo (?:una|la) caja de\b|"
     r"\bme tome (?:como )?\d+ (?:ibuprofenos?|paracetamol\w*|pastillas|aspirinas)\b", False),
    ("pt", _M, "high", r"\b(?:bebi|bebeu|tomou|tomei) (?:\w+ )?agua sanitaria\b|\b(?:tendo|teve) (?:uma "
     r")?convulsao\b|"
     r"\btremendo todo no chao\b|\bbraco esquerdo (?:formigando|dormente)\b", False),
    ("hi", _M, "high", r"\b(?:bleach|phenyl|tezaab|acid|harpic|keetnashak|pesticide) (?:pee|pi|kha) "
     r"(?:liya|li|liye)\b|\bmuh se jhaag\b|\bhosh mein nahi\b", False),
    ("tl", _M, "high", r"\bnakainom ng (?:panlinis|muriatic|zonrox|bleach|lason|acid)\b|\buminom ng "
     r"(?:muriatic|panlinis|zonrox|bleach|lason)\b", False),
    ("id", _M, "high", r"\bkejang-kejang\b|\bmulut(?:nya)? berbusa\b", False),
    ("ru", _M, "high", r"у (?:неё|нее|него) судороги", False),
    ("ar", _M, "high", r"شرب (?:كلور|مبيد|ديتول|فلاش|كلوروكس)|ما يتنفس|شفايفه (?:صارت )?(?:زرقا|زرقاء"
     r")", False),
    ("zh", _M, "high", r"突然[^。！？]{0,8}(?:讲话|講話|说话|說話)不清楚|(?:一边|一邊|半边|"
     r"半邊)(?:脸|臉)(?:歪|垂|麻)|一整(?:盒|板|瓶)[^。！"
     r"？]{0,6}(?:药|藥)", False),
    ("ko", _M, "high", r"가슴을 움켜쥐고|쓰러졌는데 안 일어나|불러도 반응이 없", False),
    ("ja", _M, "high", r"息してない|息をしてない", False),
    ("de", _M, "high", r"\b(?:er|sie|und) wacht nicht mehr auf\b|\bist kaum noch wach\b", False),
    ("tr", _M, "high", r"\byuzunun bir tarafi kaydi\b", False),
    # lethal means asked for
    ("ar", _L, "moderate", r"\bashtery sem\b|\bsem menen\b|كم حبة[^.!?؟]{0,40}(?:تكفي|اصحى|أصحى)", False),
    ("tl", _L, "moderate", r"\bbumili ng baril\b", False),
    ("tr", _L, "moderate", r"\b(?:hangi|kac)\b[^.!?]{0,50}\bolurum\b|\bsilah[iı]n[iı] (?:\w+ )?nerede sa"
     r"klar\b", False),
    ("id", _L, "moderate", r"\bracun tikus\b", False),
    ("pt", _L, "moderate", r"\bchumbinho\b|\bquantas (?:\w+ )?preciso engolir\b", False),
    ("ru", _L, "moderate", r"какой яд|яд быстро|какой этаж (?:точно )?хватит", False),
    ("ja", _L, "moderate", r"何錠飲めば確実", False),
    ("ro", _L, "moderate", r"\barma fara permis\b", False),
    ("nl", _L, "moderate", r"\bom niet meer wakker te worden\b", False),
    ("de", _L, "moderate", r"\bwie hoch muss (?:eine|die) brucke sein,? (?:damit|dass|um)\b", False),
]

# second pass over the same misses (still before any decision set was run)
PHRASES += [
    ("fr", _S, "low", r"\bsi (?:je n'|j')?(?:etais|serais) plus la\b|\bje me suis (?:encore )?brul\w* "
     r"(?:avec|au|a la) (?:le |la )?(?:briquet|cigarette|fer)\b", False),
    ("ro", _S, "low", r"\bn-as mai fi\b|\bdaca n-as mai fi\b", False),
    ("de", _S, "low", r"\bbin (?:ich )?eh bald weg\b|\balles vorbereitet\b[^.!?]{0,60}\bmach ich(?:'s|s|"
     r" es)\b|"
     r"(?:briefe sind geschrieben|alles vorbereitet|alles geregelt|abschiedsbrief)[\s\S]{0,160}ist es so ?"
     r"weit\b|"
     r"\bwann der (?:guterzug|zug|ice|regionalzug) (?:durchfahrt|durchkommt|vorbeikommt)\b", False),
    ("es", _S, "low", r"\b(?:esta noche|hoy) me despido(?=[.!]|$)|\bpa(?:ra)? que nadie tenga que "
     r"(?:lidiar|encargarse|preocuparse)\b", False),
    ("uk", _T, "moderate", r"не хоче жити|не хочет (?:больше )?жить", False),
    ("uk", _S, "high", r"вже стою на (?:мосту|даху)", False),
    ("ar", _S, "low", r"\bma ghadi(?:ch|sh) t(?:ch|sh)ofoni\b|ودعت (?:أصحابي|اصحابي|اهلي|أهلي|الكل)", False),
    ("hi", _S, "low", r"\b(?:bata dena|bolna|kehna)\b[^.!?]{0,25}\b(?:pyar|pyaar) (?:karta|karti) "
     r"(?:tha|thi)\b|\bmere jaane ke baad\b[^.!?]{0,40}\b(?:format|delete|mita)\w*", False),
    ("hi", _T, "high", r"\b(?:roof|chhat|terrace) pe khad(?:a|i) (?:hai|he)\b[^.!?]{0,60}(?:jump|kood"
     r")", False),
    ("hi", _L, "moderate", r"\bkitni (?:\w+ ){0,3}goliyan\b[^.!?]{0,40}(?:nahi uth|mar jat|khatam)", False),
    ("zh", _S, "low", r"想 ?die|plan ?都想好了|(?:以后|以後)(?:就)?不用再麻烦|(?:以后|"
     r"以後)(?:就)?不用再麻煩", False),
    ("zh", _O, "moderate", r"把[^。！？]{0,15}(?:的人|那个人|那個人|那个男的|他|她)(?:给|給)?(?:杀|"
     r"殺)了", False),
    ("ja", _T, "moderate", r"もう無理[^。]{0,4}消える", False),
    ("ko", _T, "moderate", r"죽겠다고 (?:문자|카톡|메시지|톡)", False),
    ("it", _T, "high", r"\b(?:questa volta|stavolta) lo fa davvero\b", False),
    ("it", _A, "moderate", r"\b(?:mi|ci) picchia\b|\bpicchia (?:mia|mio|la|il) (?:madre|mamma|padre|papa|"
     r"sorella|fratello|moglie)\b", False),
    ("nl", _A, "moderate", r"\bslaat (?:mijn|ons) (?:\w+ )?(?:broertje|zusje|moeder|zus|broer|kind\w*)\b|"
     r"\bmet een riem\b", False),
    ("nl", _T, "high", r"\bmet een (?:touw|mes)\b[^.!?]{0,40}(?:doet (?:de deur )?niet open|reageert nie"
     r"t)", False),
    ("nl", _M, "high", r"\bkrijgt? geen lucht\b|\bte veel (?:xtc|pillen|drugs|coke|ghb|medicijnen)\b"
     r"[^.!?]{0,20}genomen|\boververhit\b", False),
    ("fr", _M, "high", r"\bdouleur\b[^.!?]{0,30}poitrine[^.!?]{0,40}(?:transpire|sueur|bras|respire)|"
     r"\bbouge plus (?:le bras|la jambe|le cote)\b", False),
    ("fr", _T, "high", r"\benferme\w* dans (?:la salle de bain|sa chambre|les toilettes) avec (?:un couteau|"
     r"des lames|un rasoir|une corde)", False),
    ("tr", _M, "high", r"\bbirden\b[^.!?]{0,40}(?:dustu|düştü)\b", False),
    ("ar", _M, "high", r"(?:دوائه|دوائها|حبوب|دواء)[^.!?؟]{0,40}(?:لا يستجيب|لا تستجيب)", False),
    ("pt", _A, "moderate", r"\bme trancou\b", False),
    ("pt", _S, "low", r"\b(?:carta|cartinha|bilhete)\b[\s\S]{0,80}\bdepois (?:ela|ele|eles|voces) (?"
     r":vai|vao) "
     r"entender\b", False),
    ("es", _A, "moderate", r"\bmi ex (?:me )?(?:sigue|persigue|acosa)\b", False),
    ("es", _M, "high", r"\b(?:took|tomo|se tomo)\b[^.!?]{0,60}\bno despierta\b", False),
    ("de", _T, "high", r"\bsteht auf dem dach\b[^.!?]{0,60}(?:geht nicht|antwortet nicht|nicht ans handy"
     r")", False),
    ("de", _O, "moderate", r"\b(?:kauf|besorg)\w* (?:mir )?(?:morgen |heute |bald )?eine (?:waffe|pistole|"
     r"knarre)\b", False),
    ("id", _S, "low", r"\bselama ini (?:gue|aku|saya) (?:cuma |hanya |udah )?(?:nyusahin|merepotkan|jadi"
     r" beban)\b", False),
]

# Forty-third round (fifteenth session): harm to another person and a third person's suicide in
# languages whose tables had only the first person, from the misses of the spent sets ZZZA-ZZZK
PHRASES += [
    ("ar", _T, "moderate", r"(?:ينهي|ينهى|تنهي|تنهى) حيات(?:ه|ها)|(?:يقتل|تقتل) (?:نفسه|نفسها)|"
     r"(?:يريد|تريد|يبي|تبي|بده|بدها|ناوي|ناوية|يفكر|تفكر) (?:ان |أن |إن )?(?:ينتحر|تنتحر)", False),
    ("it", _O, "moderate", r"\b(?:lo|la|li|le) (?:ammazzo|uccido|faccio fuori|accoltello|sgozzo)\b", False),
    ("de", _O, "moderate", r"\b(?:bringe?|bring) ich (?:ihn|sie|euch|die|den|dich)(?: alle| beide)? "
     r"um\b|\bich (?:bringe?|bring) (?:ihn|sie|euch|die|den)(?: alle| beide)? um\b", False),
    ("ko", _O, "moderate", r"죽이고 싶|죽여 ?버리고 싶|죽여 ?버릴|죽일 거(?:야|예요|에요|다)", False),
    ("pl", _S, "low", r"\b(?:chce|chcialbym|chcialabym) (?:sie|se) zabic\b|\bzabije sie\b(?! ze smiechu)|"
     r"\bnie chce (?:juz )?zyc\b|\bodebrac sobie zycie\b", False),
]

# Forty-fourth round (sixteenth session): concepts that the spent other-language writers
# ZZZA-ZZZN wrote and the tables lacked, each in every language where we know its usual form:
# the burden that ends soon ("bald habt ihr eure Ruhe vor mir"), how many pills or how long it
# takes to die, the means already bought, a third person about to jump or cutting, dialect
# self-harm and breathlessness, a passport taken by an employer.
_SOON = r"(?:pronto|ya pronto|muy pronto|logo|em breve|bientot|bald|presto|tra poco)"
PHRASES += [
    ("es", _S, "low", r"\bya no (?:les |te )?(?:voy a|vuelvo a) (?:molestar|dar (?:mas )?(?:lata|"
     r"problemas|guerra))(?: mas)? a nadie\b|\b" + _SOON + r" (?:se|te) (?:van|vas) a librar de "
     r"mi\b", False),
    ("pt", _S, "low", r"\b(?:ja )?nao vou (?:mais )?dar (?:mais )?(?:trabalho|preocupacao|problemas?|"
     r"despesa) (?:a|pra|para) ninguem\b|\b" + _SOON + r" (?:eu )?paro de dar (?:trabalho|"
     r"problemas?|despesa)\b|\bninguem mais (?:vai|precisa) (?:precisar )?(?:se )?preocupar "
     r"comigo\b", False),
    ("fr", _S, "low", r"\bbientot,? (?:je (?:ne )?derangerai|j'?vais (?:pu|plus|pus) deranger|je vais "
     r"(?:pu|plus) deranger) (?:plus |pu )?personne\b", False),
    ("de", _S, "low", r"\bbald (?:habt|hat|haben) (?:ihr|du|alle|sie) (?:eure|deine|ihre) ruhe vor "
     r"mir\b|\bbald (?:seid|bist) (?:ihr|du) mich (?:endlich )?los\b|\bbald (?:falle|bin) ich "
     r"(?:euch|dir|niemandem|keinem) (?:mehr )?zur last\b", False),
    ("it", _S, "low", r"\b" + _SOON + r" non (?:vi|ti) daro piu (?:fastidio|problemi|pensieri)\b|"
     r"\b" + _SOON + r" (?:vi|ti) libererete di me\b", False),
    ("hi", _S, "low", r"\bbas kuch (?:din|dino|hafte) aur\b[^.!?]{0,60}\b(?:tension|pareshani|"
     r"problem|chhutkara|chutkara|bojh|takleef)\b(?:[^.!?]{0,20}\bnahi (?:len|hog|pad|rah|"
     r"utha)\w*(?: \w+)?)?|\b(?:sab ?ko|tum sab ko) mujhse (?:chhutkara|chutkara|mukti) mil "
     r"(?:jayega|jaega|jaayega)\b|\b(?:kal|kal subah|kal raat|parso|jaldi)(?: \w+){0,3} (?:main|mai) "
     r"nahi (?:rahunga|rahungi|rahoonga)\b", False),
    ("zh", _S, "low", r"(?:以后|以後|很快|马上|馬上)就不(?:会|會)?(?:再)?(?:麻烦|麻煩|打扰|打擾|拖累)"
     r"(?:大家|你们|你們|任何人)了|(?:过几天|過幾天|很快)(?:你们|你們|大家)就(?:清静|清靜|解脱|解脫)了|"
     r"我(?:应该|應該)?撑不了多久了", False),
    ("ar", _S, "low", r"(?:حترتاحوا|هترتاحوا|راح ترتاحوا|رح ترتاحوا|بترتاحوا|ح ترتاحوا|غادي ترتاحو|"
     r"ستتخلصون|حتخلصوا|هتخلصوا) (?:مني|منّي)|(?:قريب|قريبا|قريباً) (?:ما|مش|مو) (?:حتشوفوني|"
     r"هتشوفوني|راح تشوفوني|رح تشوفوني|بتشوفوني)", False),
    ("ko", _S, "low", r"(?:나|저) 때문에 (?:힘들|고생할|걱정할) 일(?:은|도)? 없을 거", False),
    ("pl", _S, "low", r"\bnied(?:ł|l)ugo wszyscy odetchna\b|\bnie bede (?:wam|nikomu) (?:juz )?"
     r"(?:przeszkadzac|ciezarem)\b", False),
    ("nl", _S, "low", r"\bover (?:een|twee) (?:week|weken|dagen) ben ik er (?:toch )?niet meer\b|"
     r"\bbinnenkort (?:zijn jullie|ben je) (?:van mij af|me kwijt)\b", False),
    ("tr", _S, "low", r"\byak[iı]nda (?:hepiniz )?(?:benden )?kurtulacaks[iı]n[iı]z\b", False),
    # how many pills, how long until one dies (a question of means)
    ("ko", _L, "moderate", r"몇 ?(?:알|개|통|정)[^.?!]{0,12}(?:먹어야|먹으면|삼켜야|삼키면) (?:죽|사망)",
     False),
    ("zh", _L, "moderate", r"(?:几|幾)(?:片|颗|顆|粒)[^。？?]{0,10}(?:才(?:会|會|能)?死|会死|會死|能死|"
     r"致死)|多少(?:片|颗|顆|粒)?[^。？?]{0,6}(?:药|藥)[^。？?]{0,6}(?:才(?:会|會|能)?死|会死|會死|能死|"
     r"致死)|(?:烧炭|燒炭)[^。？?]{0,10}(?:多久|多长时间|多長時間)|(?:农药|農藥)[^。？?]{0,6}"
     r"(?:喝|吃)(?:多少|好多)", False),
    ("th", _L, "moderate", r"(?:เท่าไหร่|เท่าไร)ถึงจะตาย", False),
    ("ar", _L, "moderate", r"(?:كام|كم|قديش|قداش|شحال) (?:حباية|حبة|حبات|حبوب|قرص|اقراص|أقراص)[^؟?]{0,30}"
     r"(?:تموت|تموّت|يموت|تقتل|بتموت|بيموت|تموّتني)", False),
    ("hi", _L, "moderate", r"(?:कितनी|कितने) (?:गोली|गोलियां|गोलियाँ)[^?।]{0,25}(?:मौत|मर जा)|"
     r"कितनी देर में मौत|\bkitni (?:goli|goliyan|tablet)\w*\b[^?]{0,25}\b(?:maut|mar ja)", False),
    ("ta", _L, "moderate", r"\bevvalavu (?:maathirai|mathirai|tablet)\w*[^?]{0,20}\b(?:saavu|sethu|"
     r"saagalam|saaga)", False),
    ("pa", _L, "moderate", r"ਕਿੰਨੀ(?:ਆਂ)? ਗੋਲੀ[^?]{0,20}ਮਰ", False),
    # the means bought or at hand, a time set (high)
    ("de", _S, "high", r"\b(?:das |ein )?(?:seil|strick)\b(?![^.!?]{0,40}(?:kletter|boot|segel|zelt|"
     r"spring|hund|wasche))[^.!?]{0,20}\b(?:gekauft|besorgt)\b[^!?]{0,60}\b(?:vorbei|ende|schluss)\b",
     False),
    ("es", _S, "high", r"\bya (?:tengo|compre|consegui) (?:la|una) (?:cuerda|soga)\b(?! (?:nueva|de|del|"
     r"para|pa|que))", False),
    # a third person about to jump, cutting, or "gonna kill himself" (ar, mr, hi)
    ("ar", _T, "high", r"(?:هيرمي|حيرمي|رح يرمي|بده يرمي|راح يرمي|سيرمي|هترمي|حترمي|رح ترمي) "
     r"(?:نفسه|حاله|نفسها|حالها)|(?:غادي|باغي|بغا|بغات|غادية) (?:ينتاحر|ينتحر|تنتاحر|تنتحر)", False),
    ("ar", _T, "low", r"(?<!كانت )(?<!كان )(?:بيجرح|يجرح|بتجرح|تجرح) "
     r"(?:إيده|ايده|يده|نفسه|ايدها|إيدها|يدها|نفسها)", False),
    ("ar", _S, "low", r"(?:نقتل|نموّت|نموت) راسي", False),
    ("mr", _S, "low", r"आत्महत्या (?:करणार|करेन|करीन|करायची|करावी)", False),
    ("hi", _S, "low", r"\b(?:pankhe|pankha|fan) se latak (?:jayegi|jaunga|jaungi|jayega|jaegi|jaega|"
     r"jaaunga|jaaungi)\b", False),
    ("ko", _T, "low", r"마지막 인사[^.?!]{0,20}연락이 안", False),
    # dialect and everyday words for hurting oneself
    ("de", _S, "low", r"\b(?:ma|mag|wott|will|wett) (?:eifach |ich )?(?:numme|nume|nimme|nimmer) "
     r"(?:labe|lebe|da si)\b|\bmi umzbringe\b", False),
    ("de", _H, "low", r"\bha(?:n|b)? mi (?:wieder |scho wieder )?(?:gritzt|gschnitte)\b", False),
    ("zh", _H, "low", r"(?:又|再)(?:忍不住)?(?:划|劃|割|𠝹)(?:了)?(?:手腕|手|自己)", False),
    ("es", _H, "low", r"\bdandome (?:cabezazos|golpes|punetazos) contra\b", False),
    ("pt", _H, "low", r"\bme (?:arranhar|arranho|arranhei|corto|cortei|bato|bati) ate sangrar\b", False),
    ("ms", _H, "low", r"\btoreh (?:tangan|lengan|peha)\b", False),
    ("pl", _H, "low", r"\bjak ukryc blizny\b", False),
    ("ru", _H, "low", r"бью себя|режу себя|порезала? себя", False),
    # breath, swelling, a bite, a whole box swallowed (medical)
    ("de", _M, "moderate", r"\bhals schwillt (?:zu|a|an)\b|\blippen (?:werden|wern|sind) (?:ganz )?blau\b|"
     r"\b(?:ganz )?blau im g(?:e)?sicht\b", False),
    ("ko", _M, "high", r"(?:진통제|수면제|약)[^.?!]{0,6}한 통(?:을)? (?:다 )?먹었", False),
    ("pt", _M, "high", r"\btomei (?:uma|a) (?:caixa|cartela) (?:inteira|toda)\b", False),
    ("sr", _M, "high", r"\bpopi(?:o|la) sam (?:celu|cijelu) (?:kutiju|flasu|bocicu)\b", False),
    ("es", _M, "moderate", r"\b(?:mordid[oa]|picad[oa]) por (?:uma |una )?(?:cobra|serpiente|vibora)\b",
     False),
    # an employer or a partner who keeps the passport (trafficking, forced labour)
    ("es", _A, "moderate", r"(?:passaporte|pasaporte|paspor|passeport)\b[^.!?]{0,50}\b(?:nao me deixa|"
     r"no me deja|gak boleh|tak boleh|ne me laisse|sem salario|sin sueldo|gak bayar)", False),
    ("ja", _A, "moderate", r"待ち伏せ|(?:ずっと|毎日)つけられて(?:る|いる)", False),
    ("ar", _A, "low", r"رسايل تهديد|رسائل تهديد", False),
]

# weak words: a low-level crisis only in a message detected as another language
WEAK = (
    r"crever(?! de)|takhodni|dogmasayd[iı]m|pociel\w*|gewurgt|"
    r"chumbinho|racun|kejang|convulsao|oplosan|zehe?r|sumu|poison|"
    r"brauch\w* (?:das|die|den|es) (?:bald |dann )?(?:eh |sowieso )?nicht mehr|"
    r"n'en aurai plus besoin|non mi serv\w* piu|nao vou (?:mais )?precisar"
)

# Precision, from the same sets' false positives: idioms that blank a risk word ...
IDIOMS = (
    # forty-second round (from the spent sets ZZK-ZZZ): skipping class, food "to die for",
    # hunger "que me muero"
    r"\bmatar (?:a |as )?aulas?\b|\b(?:es|esta|este|estaba|era|fue|queda|quedo|sale|salio|e|"
    r"estava|ficou|tava) de (?:muerte|matar)\b|\b(?:c'etait|c'est|etait|est) a (?:mourir|tomber)\b|"
    r"\bom te (?:sterven|stikken)\b|\b(?:hambre|sed|frio|calor|sueno|risa|verguenza) que me muero\b|"
    r"\bme muero (?:por|de) (?:ver|verte|verlos|saber|ir|probar|conocer|que|la |las |los |el |risa|"
    r"verguenza|hambre|sueno|calor|frio|ganas|envidia|amor|celos|nervios|aburrimiento)|"
    r"\bme quiero morir de (?:la )?(?:verguenza|pena|risa)\b|"
    r"\bme mat(?:o|aron)\b(?= (?:el final|la serie|el capitulo|en (?:la )?(?:ultima|primera|zona|"
    r"partida|ronda)|en (?:free fire|fortnite|warzone|cod|valorant)))|"
    r"\bel (?:parcial|examen|final|profe) (?:de \w+ )?me mato\b|\bquede muert[oa]\b|muert[oa] de "
    r"(?:risa|cansancio|sueno|hambre|calor|frio|verguenza)\b|"
    r"\bstanc[oa] mort[oa]\b|\bmort[oa] di (?:sonno|fame|stanchezza|caldo|freddo|risate)\b|"
    r"\b(?:to|estou|tou|fiquei) mort[oa] (?:de|depois|com)\b|\btela azul da morte\b|\bpantalla azul de "
    r"la muerte\b|\b(?:peine de mort|pena de morte|pena de muerte|todesstrafe|pena di morte)\b|"
    r"\bmatar (?:a )?saudade\b|\bbateu (?:uma )?saudade\b|\b(?:esta|ta) para matar\b|"
    r"\bmar jaunga (?:hass|has|hans)\b|\bhass hass ke mar\b|"
    r"社死|尊すぎて死ぬ|尊死|\bnong chet\b|\bchet mat\b|\b(?:nong|nang|met|ban) (?:\w+ ){0,3}giet toi\b|"
    r"\b(?:parent|elternprozess|prozess) ist (?:schon )?tot\b|\bzombie-?prozess\b|"
    r"убить (?:\w+ )?процесс|\bprocesso zumbi\b|"
    r"\bje suis mort(?:e)?,? (?:il|elle|j'ai|de rire|mdr)\b|\bje suis mort(?:e)? de (?:rire|fatigue|"
    r"faim|chaud)\b|\bich sterbe,? (?:vor |bei (?:der|dieser) )?(?:die )?hitze\b|"
    r"\bpular (?:essa|a|aquela) aula\b|\bich bring (?:sie|ihn|dich|euch) um(?= ?(?:🙄|😂|😅|🤣))|"
    r"\bsar ?dard ki goli\b|\b(?:carta|mensagem|mensaje) de despedida (?:pra|para|pro|a) (?:a |o |la |"
    r"el )?(?:equipe|equipo|time|turma|empresa|oficina|colegas)\b|"
    r"\b(?:s[iı]nav|trafik|s[iı]cak|bu hafta|bu ders) beni (?:oldurdu|olduruyor|oldurecek)\b"
)
# ... a negation in more languages, before the risk word ("aucune envie de mourir", "nggak
# kepikiran bunuh diri") or after it ("suicide jaisa kuch nahi soch raha", "死にたいとかじゃない")
NEG_BEFORE = (r"\b(?:aucune?|nessun[ao]? intenzione|nessuna voglia|denk niet aan|niet aan|"
              r"(?:nggak|gak|ga|tidak|enggak) (?:kepikiran|berpikir|mikir|ada niat|berniat|mau)|"
              r"khong phai|hindi (?:ako )?nag-?iisip|hindi ko (?:iniisip|gagawin)|la2 mesh|la mesh|"
              r"mesh (?:3ayez|3ayza)|mish (?:3ayez|3ayza|baddi)|"
              # forty-second round: Malay, Swiss German, Gulf/Levantine Arabic, Catalan
              r"(?:takde|tak ada|tiada|tak) (?:niat|fikir|terfikir|nak|mahu|mau)|kei|"
              r"(?:ما|مو|مش) (?:افكر|أفكر|ابي|أبي|اريد|أريد|ناوي|بفكر)|no (?:tinc|vull|penso|estic))"
              r"\b(?:[\s-]+\w+){0,2}[\s-]*$")
NEG_AFTER = (r"^\W{0,3}(?:\w+ ){0,2}(?:jaisa|jaise|wala) kuch nahi|^\W{0,3}(?:\w+ ){0,3}(?:ka|ki|ke) koi "
             r"(?:idea|irada|iraada|khayal|plan) nahi|^\W{0,3}(?:\w+ ){0,3}nahi soch|"
             # forty-second round: Korean "it is not that", Turkish "no thought of", Persian
             # "I do not have / I am not"
             r"^[^.!?,]{0,6}(?:건|게|거) 아니|^\W{0,3}(?:\w+ )?(?:dusunce\w*|düşünce\w*|niyet\w*|"
             r"fikr\w*) yok\b|^\W{0,3}(?:\S+ )?(?:ندارم|نیستم)|"
             r"^[^。！？,.]{0,8}(?:とかじゃない|じゃない|ではない|じゃないよ)|"
             r"^[^。！？,.]{0,6}(?:생각은 (?:전혀 )?없|"
             r"생각 없|안 해요)|^\W{0,3}(?:\w+ ){0,2}(?:dusunmuyorum|düşünmüyorum|degil|değil)")
# ... and hyperbole: laughter with a condition or a "joke" in the sentence ("vou me jogar da
# ponte se o Flamengo perder kkkk", "je vais me pendre si j'entends encore cette chanson mdr")
HYPERBOLE_TURN = (r"\b(?:se|si|if|agar|wenn|kalau|kung|eger|jika|brincadeira|broma|bromeando|blague|"
                  r"je rigole|mazak|mazaak|spass|scherz|jk|bercanda|biro|chill)\b")
