"""Forty-eighth round: the core of a crisis in languages that had no table at all, and the
words that decide whether a weak word is meant (docs/safety.md).

The spent writers keep reaching for languages the layer did not list (Gujarati, Telugu, Tamil,
Nepali, Hausa, Somali, Mongolian, Romanian...). The issue asks that an unknown language with a
risk word be read conservatively, so each language gets its few unambiguous words for
suicide, killing oneself and wanting to die, written from the language, not from any set's
lines. Text is lightly normalised (lower case, Latin accents folded; other scripts as written).

``WEAK_SCRIPT`` joins ``multilingual.WEAK_SCRIPT`` (other scripts, read anywhere in a message
of another language); ``WEAK`` joins the word-bounded weak words (Latin script). A weak word is
a low-level crisis unless it is negated, figurative, or asked about with no first person.
``FIRST_PERSON`` joins ``multilingual.FIRST_PERSON``: "my brother says he will kill himself,
what do I do?" is a third person at risk, not a question about the topic, in every script.
``NEG_AFTER`` and ``NEG_BEFORE`` join the negations read after and before the word
("自殺とか考えてない", "자살 생각 전혀 없어요", "mi o fe pa ara mi"); ``SCRIPT_NEG`` is "not" just
before it in Thai, Khmer and Lao, written without spaces ("ไม่ได้อยากตาย"). ``HELP_Q`` joins the
words of essays and prevention.
"""

from __future__ import annotations

WEAK_SCRIPT = (
    # Gujarati: suicide (two words), "want to die", "do not want to live"
    r"આપઘાત|આત્મહત્યા|મરી જવું છે|મરવું છે|જીવવું નથી|"
    # Telugu: suicide, "I'll die / want to die" (colloquial and standard), "no wish to live"
    r"ఆత్మహత్య|చచ్చిపోతా|చచ్చిపోవాల|చనిపోవాల|చనిపోతా|బతకాలని లేదు|బ్రతకాలని లేదు|"
    # Tamil: suicide, "want to die", "going to die", "no wish to live"
    r"தற்கொலை|சாகணும்|சாக வேண்டும்|சாகப் போறேன்|செத்துப் போகணும்|வாழ விருப்பமில்லை|"
    # Kannada, Malayalam: suicide, "want to die"
    r"ಆತ್ಮಹತ್ಯೆ|ಸಾಯಬೇಕು|ಸಾಯ್ತೀನಿ|ആത്മഹത്യ|മരിക്കണം|ചാകണം|"
    # Marathi and Nepali (Devanagari): "want to die", "do not want to live", "give my life"
    r"मरायचं आहे|मरायचे आहे|जगायचं नाही|जगायचे नाही|जीव द्यायचा|मर्न मन|बाँच्न मन छैन|"
    # Punjabi (Gurmukhi): suicide (two words), "want to die"
    r"ਖੁਦਕੁਸ਼ੀ|ਆਤਮਹੱਤਿਆ|ਮਰਨਾ ਚਾਹੁੰਦ|"
    # Sinhala, Khmer, Burmese, Lao: suicide, "want to die"
    r"සියදිවි|මැරෙන්න ඕන|សម្លាប់ខ្លួន|ចង់ស្លាប់|သေချင်|သတ်သေ|ຂ້າໂຕຕາຍ|ຢາກຕາຍ|"
    # Mongolian, Kazakh, Kyrgyz, Bulgarian, Serbian (Cyrillic): suicide, "want to die",
    # "kill myself"
    r"амиа хорло|үхмээр|өзімді өлтір|өлгім келеді|өлгүм келет|искам да умра|"
    r"ще се самоубия|самоубиств|хоћу да умрем|убићу се|"
    # Georgian, Armenian: suicide, "I'll kill myself", "want to die"
    r"თვითმკვლელ|თავს მოვიკლავ|მინდა მოვკვდე|ինքնասպան|ուզում եմ մեռնել|"
    # Amharic: "kill / destroy myself", suicide, "I want to die"
    r"ራሴን ማጥፋት|ራሴን ላጠፋ|ራሴን ልገድል|ራስን ማጥፋት|መሞት እፈልጋለሁ|"
    # Pashto: "kill myself", suicide; Japanese "wrist-cutting" written out (リスカ is listed)
    r"ځان ووژنم|ځان وژن|リストカット"
)
# Latin script (word-bounded): Hausa, Somali, Yoruba, Igbo, Zulu and Xhosa, Haitian Creole,
# Uzbek, Azerbaijani, Romanian, South Slavic, Baltic, Estonian, Albanian, Basque, Nordic,
# romanised Tamil, Telugu and Malayalam.
WEAK = (r"kashe kaina|kashe kai na|kashe kansa|kashe kanta|ina so in mutu|"
        r"isdil\w*|is-dil\w*|is dilo|is dilay|inaan dhinto|"
        r"pa ara mi|mo fe ku|gbuo onwe m|igbu onwe m|"
        r"ngifuna ukufa|ndifuna ukufa|ukuzibulala|ngizozibulala|ndiza kuzibulala|"
        r"touye tet mwen|mwen vle mouri|"
        r"o'?zimni o'?ldir\w*|o'?lgim kel\w*|ozumu oldur\w*|"
        r"sa ma omor|am (?:inghitit|luat) (?:toate|o gramada de|multe|\d+) (?:\w+ )?"
        r"(?:pastile|pilule|tablete|medicamente)\w*|"
        r"samoubistv\w*|samoubojstv\w*|ubit cu se|ubicu se|hocu da umrem|zelim umrijeti|"
        r"samomor\w*|savizudyb\w*|pasnavib\w*|enesetap\w*|tahan surra|vetevras\w*|dua te vdes|"
        r"bere buruaz beste|hil nahi dut|jeg vil (?:do|dø)|jag vill do|sjalfsvig\w*|"
        r"tharkolai|thatkolai|saaganum|saava poren|chachipota|chanipovali|chaakanam|marikkanam")
# First persons (I, me, my) of scripts and languages that had none: Devanagari (Hindi, Marathi,
# Nepali), Bengali, Gujarati, Gurmukhi, Tamil, Telugu, Kannada, Malayalam, Urdu and Persian,
# Thai, Korean, Cyrillic, Greek, Turkish, Indonesian, Vietnamese, Swahili, Amharic. Left out
# where the form is also an everyday word of a listed language: Urdu "میں" is also "in", Arabic
# "من" is "from" and "who", French "toi" is "you".
FIRST_PERSON = (r"मैं|मुझे|मेरा|मेरी|मेरे|मेरो|मलाई|मला|माझा|माझी|माझे|আমি|আমার|আমাকে|"
                r"હું|મારો|મારી|મારું|મારે|મને|ਮੈਂ|ਮੈਨੂੰ|ਮੇਰਾ|ਮੇਰੀ|ਮੇਰੇ|நான்|என் |எனக்கு|"
                r"నేను|నాకు|నా |ನಾನು|ನನ್ನ|ನನಗೆ|ഞാൻ|എന്റെ|എനിക്ക്|مجھے|میرا|میری|میرے|خودم|"
                r"ฉัน|ผม|หนู|กู|(?<![가-힣])(?:내|난|나도|저도|제) |እኔ|የኔ|"
                r"\b(?:мне|мой|моя|моё|мій|мені|μου|εγώ|ben|benim|beni|bana|aku|saya|gue|gw|tui|"
                r"mimi|yangu|wangu)\b")
# Negations of the new languages' words, before them (Yoruba "mi o fe", Somali "ma doonayo",
# up to two words between) and after them (Tamil "won't" and "no thought of it", Telugu "there
# is no wish", Burmese "it is not that", romanised Tamil and Telugu).
NEG_BEFORE = (r"\b(?:mi o(?: ni| fe)?|mi ko(?: ni| fe)?|ma (?:doonayo|doonaayo|rabo|rabaa))"
              r"\b(?:[\s-]+\w+){0,2}[\s-]*$")
NEG_AFTER = (r"^(?:とか|なんて|なんか|は|を|も)?(?:全然|別に|まったく|全く)?(?:考えて(?:い)?ない|"
             r"考えてません|思って(?:い)?ない|思ってません|しない|しません|してない|してません)|"
             r"^(?:は|を)?もう(?:やめて|辞めて|してない|してません)|"
             r"^[^.!?,]{0,6}생각(?:은|이|도)? (?:전혀 |하나도 |절대 |별로 )?없|"
             r"^[^.!?,]{0,3}(?:같은 거|그런 거|따위)(?:는|도)? (?:절대 |전혀 )?안 (?:해|할|함)|"
             r"^\S{0,4}\s?(?:எண்ணம்|நினைப்பு|யோசனை)?\s?(?:எல்லாம்|ஏதும்|எதுவும்)?\s?(?:இல்ல|இல்லை)|"
             r"^\s?\S{0,10}\s?மாட்டேன்|^\S{0,3}\s?(?:అనే |అని )?(?:ఆలోచన |ఉద్దేశం )?లేదు|"
             r"^\S{0,4}\s?မဟုတ်|^\W{0,3}(?:n?nu )?(?:(?:ennam|ennamum|ellam|onnum) ){0,2}illa\b|"
             r"^\W{0,3}(?:\w+ )?maatt?en\b|^\W{0,3}(?:ani |anedi )?ledu\b")
SCRIPT_NEG = (r"(?:^|ฉัน|ผม|หนู|เรา|กู|ก็|แค่)(?:ไม่ได้คิดจะ|ไม่คิดจะ|ไม่ได้|ไม่เคย|ไม่)$|"
              r"មិន(?:ដែល)?$|ບໍ່(?:ໄດ້)?$")
# Prevention and essays in the new languages: a weak word there is a topic, not a disclosure,
# unless a first person says otherwise.
HELP_Q = r"урьдчилан сэргийлэх|эссэ|ကာကွယ်ရေး|စာတမ်း|தடுப்பு|నివారణ|નિવારણ|ការពារ"
