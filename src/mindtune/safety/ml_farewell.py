"""Fifty-fourth round: two passive-ideation families in the languages that had none
(docs/safety.md).

1. To sleep and never wake ("ถ้าหลับไปแล้วไม่ต้องตื่นอีกก็ดี", "بس عايز أنام ومصحاش تاني",
   "朝、目が覚めなければいいのに"): Spanish, Portuguese, French, German and Dutch had it;
   this adds Arabic (script and Arabizi), Persian, Thai, Japanese, Korean, Chinese, Hindi,
   Turkish, Russian, Ukrainian, Polish, Indonesian/Malay, Vietnamese, Tagalog, Swahili, Greek
   and Hebrew. "until Monday" and the like after it is a lie-in, not a wish.
2. A farewell that hands over what is left: thanks for everything, "it was nice knowing you"
   or "my last message", with "take care of my cat" or "you can have my things" ("gente,
   obrigada por tudo ... cuidem da minha gata", "그동안 고마웠어. 내 키보드 너 가져"). Either half
   alone is ordinary (a colleague leaving, a friend minding a pet); the two together are the
   goodbye the English rules read as one. A farewell for a move, a new job or a trip is left
   to ``multilingual.ordinary_farewell``, which every phrase passes.

Text is lightly normalised (lower case, Latin accents folded; other scripts as written). The
entries join ``multilingual.PHRASES`` in the same ``(lang, category, level, regex, noun)``
form.
"""

from __future__ import annotations

_S = "suicidal"

# "until Monday", "hasta el lunes", "bis mittag"...: a lie-in
_UNTIL = (r"(?![^.!?。！？\n]{0,12}(?:until|till|hasta|ate |jusqu|bis |fino a|tot |do |до |까지|"
          r"まで|直到|sampai|hingga|kadar|تا |حتى|لغاية|cho den|hanggang))")

_NEVER_WAKE = (
    r"(?:انام|أنام|نام|انوم)[^.!؟\n]{0,15}?(?:وما|و ما|ولا|و لا|وم)\s*(?:اصحى|أصحى|اصحا|فيق|افيق|"
    r"أفيق|اقوم|أقوم|اصحاش|صحاش)|ومصحاش|ومتصحاش|\b(?:anam|nam|nem|anem|n3es)\b[^.!?\n]{0,12}?\b"
    r"(?:w|wa|o) ?(?:ma|mat?|mesh|mish)? ?(?:as7a|as7ash|fi2|fee2|a9ha|nsha|afee2|n9ou)\b|"
    r"بخوابم و (?:دیگه |دیگر )?بیدار نشم|دیگه بیدار نشم|"
    r"ไม่ต้องตื่น(?:อีก|ขึ้นมาอีก)|ไม่ตื่นอีก|หลับไม่ตื่น|หลับไปตลอดกาล|หลับไปเลย ไม่ต้องตื่น|"
    r"目が覚めなければ|目覚めなければ|起きなければいいのに|二度と目が覚め|二度と起きたくない|"
    r"永遠に眠りたい|ずっと眠っていたい|このまま目覚めたくない|"
    r"깨어나지 않(?:았으면|으면)|영원히 잠들|다시는 깨지|안 깨어났으면|안 일어났으면|눈을 안 떴으면|"
    r"一睡不醒|睡着了?就(?:不要|别|不想)再?醒|睡了就不(?:要|想)?醒|永远不要醒|永遠不要醒|不想再醒|"
    r"醒不来就好|醒不來就好|瞓咗唔好再醒|"
    r"\b(?:so (?:jaun|jau|jaaun|jaoon)|sona (?:chahta|chahti))\b[^.!?\n]{0,25}?\b(?:kabhi na "
    r"uthu\w*|fir na uthu\w*|phir (?:kabhi )?na uthu\w*|wapas na uthu\w*|uthna na pade)\b|"
    r"कभी न उठूं|फिर कभी न उठ|दोबारा न उठ|"
    r"\b(?:bir daha|hic) uyanmasam\b|\buyuyup (?:bir daha )?uyanmasam\b|\buyanmak istemiyorum\b|"
    r"(?:уснуть|заснуть) и (?:больше )?не проснуться|больше не просыпаться|не проснуться больше|"
    r"(?:заснути|заснуть) і не прокинутися|більше не прокидатися|"
    r"\bzasnac i (?:sie )?(?:juz )?nie obudzic\b|\bnie obudzic sie (?:juz|wiecej)\b|"
    r"\btidur (?:dan|terus|lalu|je) (?:gak|nggak|tidak|tak|ga) (?:usah )?bangun(?: lagi)?\b|"
    r"\b(?:tak|gak|ga|nggak) usah bangun lagi\b|"
    r"\bngu (?:mot giac )?(?:roi |luon )?(?:khong|ko|k) (?:bao gio )?(?:day|thuc day|tinh) nua\b|"
    r"\b(?:hindi|di) na (?:ako )?magising\b|\bsana (?:hindi|di) na ako magising\b|"
    r"\bnilale (?:na )?nisiamke\b|\bnisiamke tena\b|"
    r"να κοιμηθώ και να μην ξυπνήσω|να μην ξαναξυπνήσω|לישון ולא להתעורר|לא להתעורר יותר")

_THANKS = (
    r"\b(?:gracias por todo|fue un (?:gusto|placer) conocer\w*|obrigad[oa] por tudo|foi bom "
    r"(?:te |vos )?conhecer\w*|merci pour tout|c'etait un plaisir de vous connaitre|danke fur "
    r"alles|schon euch gekannt zu haben|grazie (?:di|per) tutto|e stato bello conoscer\w*|bedankt "
    r"voor alles|dziekuje za wszystko|her sey icin tesekkur\w*|terima kasih (?:untuk|atas) "
    r"semuanya|cam on (?:vi |ve )?tat ca|salamat sa lahat|sab ke liye (?:shukriya|dhanyawad))\b|"
    r"спасибо за вс[её]|дякую за все|дзякуй за ўсё|شكرا (?:على|عل) كل (?:شي|شيء)|"
    r"ممنون (?:بابت|برای) همه چیز|今までありがとう|いままでありがとう|그동안 고마웠|그동안 고마워|"
    r"一直以来谢谢|谢谢你们一直|謝謝你們一直|一直以來謝謝|"
    # "my last message"
    r"\b(?:(?:ma|mon) dernier? (?:conversation|message)|mi ultim[oa] (?:mensaje|conversacion)|minha "
    r"ultima (?:mensagem|conversa)|meine letzte nachricht|il mio ultimo messaggio|mijn laatste "
    r"bericht|moja ostatnia wiadomosc|son mesajim|pesan terakhirku|tin nhan cuoi cung)\b|"
    r"мо[её] последнее сообщение|آخر رسالة (?:مني|لي)|پیام آخرم|最後のメッセージ|마지막 메시지|"
    r"最后一条消息|最後一條訊息")

_HAND_OVER = (
    # take care of my pet or my children
    r"\b(?:cuid(?:en|ad|a|ar) (?:a |de )?mi\w* (?:perr[oa]|gat[oa]|hij\w+|mama|plantas)|cuidem "
    r"d[oa] (?:meu|minha)|cuida d[oa] (?:meu|minha) (?:gat[oa]|cachorr[oa]|filh\w+)|prenez soin de "
    r"mon|occupez-vous de mon|kummert euch um mein\w*|passt auf mein\w* (?:hund|katze|kinder) auf|"
    r"prendetevi cura del mio|zorg(?:t)? (?:goed )?voor mijn|zaopiekujcie sie moim|kedime "
    r"bak\w*|kopegime bak\w*|mere (?:kutte|bachchon|billi) ka (?:khayal|dhyan)|jaga(?:in)? "
    r"kucing\w*|alagaan (?:niyo|nyo) (?:si|ang))\b|"
    r"позаботьтесь о мо|присмотрите за мо|подбайте про мо|うちの猫(?:を|のこと)|猫をよろしく|"
    r"우리 (?:고양이|강아지)(?:를|좀)|我的猫(?:就)?拜托|我的貓(?:就)?拜託|"
    # you can keep my things; I gave everything away
    r"\b(?:quedate con mis|te dejo mis?|les dejo mis|(?:alguem )?fica com (?:o |a )?(?:meu|minha|"
    r"meus|minhas)|garde(?:z)? (?:mon|ma|mes)|je (?:te|vous) laisse (?:mon|ma|mes)|du kannst "
    r"mein\w* (?:\w+ ){0,2}?(?:haben|behalten)|tieni(?:ti)? (?:tu )?(?:il mio|la mia|i miei)|je mag mijn \w+ "
    r"(?:hebben|houden)|(?:dei|doei) (?:as minhas|os meus|tudo|minhas|meus)|regale (?:todo|mis)|"
    r"j'ai (?:tout )?donne (?:toutes )?mes|alles verschenkt|ho regalato (?:tutto|le mie)|"
    r"weggegeven|rozdal(?:em|am) wszystko|sab (?:de|baant) diya)\b|"
    r"забери мо|возьми мо|можешь забрать мо|забирай мо|раздал\w* вс|вс[её] раздал\w*|ўсё раздаў|"
    r"усе роздав|اعطيت كل|全部あげる|あげるね|(?:너|니가) 가져|다 줄게|都送给你|都送給你|都给你|都給你")

# an ordinary leaving: a move, a trip, a new job, retirement, a return announced
_ORDINARY = (
    r"(?![\s\S]{0,200}(?:\b(?:me mudo|mudanza|me voy a vivir|vacaciones|de viaje|nuevo trabajo|"
    r"cuando (?:vuelva|regrese)|vou morar|me mudar|mudanca|ferias|intercambio|emprego novo|quando "
    r"(?:eu )?voltar|demenag\w*|vacances|nouveau (?:travail|poste|job)|a mon retour|erasmus|umzug|"
    r"ziehe? (?:nach|um)|urlaub|neuen job|bis ich zuruck|trasloco|mi trasferisco|vacanze|nuovo "
    r"lavoro|verhuis\w*|vakantie|nieuwe baan|przeprowadz\w*|wakacje|nowa praca|tasin\w*|tatil|"
    r"yeni is|pindah|liburan|kerja baru|merantau|chuyen nha|du lich|cong viec moi|lilipat|bakasyon|"
    r"bagong trabaho|naukri mil gayi|moving|new job|vacation|holiday|retir\w*|graduat\w*|when i(?:'m| "
    r"am) back|last day at)\b|переезж\w*|переезд|отпуск|новая работа|переїзд|відпустк|引っ越|旅行|"
    r"転勤|転職|留学|出張|帰ったら|이사|여행|이직|유학|출장|搬家|旅游|出差|换工作|換工作|回来|回來|"
    r"انتقل|سفر|مسافر|اجازة|إجازة|شغل جديد))")

PHRASES: list[tuple[str, str, str, str, bool]] = [
    ("any", _S, "low", rf"(?:{_NEVER_WAKE}){_UNTIL}", False),
    ("any", _S, "moderate", rf"{_ORDINARY}(?:(?:{_THANKS})[\s\S]{{0,160}}?(?:{_HAND_OVER})|"
     rf"(?:{_HAND_OVER})[\s\S]{{0,160}}?(?:{_THANKS}))", False),
]
