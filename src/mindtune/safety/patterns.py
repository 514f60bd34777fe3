"""English risk patterns, applied to *normalised* text (see ``normalize.py``).

Each rule is ``(name, category, level, regex, negatable)``. Levels follow the logic of the
Columbia scale: a wish to be dead or non-specific thoughts -> ``low``; a method -> ``moderate``;
intent, a plan, preparations or recent behaviour -> ``high``. ``negatable=False`` marks
patterns whose wording already contains a negation ("do not want to live").
"""

from __future__ import annotations

import re

from . import en_families

# ---- building blocks --------------------------------------------------------------------
TIME = (r"(?:tonight|today|tomorrow|this (?:weekend|week|evening|morning|afternoon|friday|"
        r"saturday|sunday|monday|tuesday|wednesday|thursday)|on (?:monday|tuesday|wednesday|"
        r"thursday|friday|saturday|sunday)|next week|right now|in (?:a few|an?|\d+|one|two|three|"
        r"ten|twenty) (?:minutes?|hours?|days?)|before (?:morning|the weekend|my birthday)|"
        r"after (?:everyone|they|my (?:shift|exam|parents))|(?:friday|saturday|sunday|monday|"
        r"tuesday|wednesday|thursday|tonight|tomorrow) is the (?:day|night)|soon|at midnight|"
        r"at \d{1,2}(?::\d\d)? ?(?:am|pm)|(?:the )?whole (?:weekend|night))")
# A time or place that bounds a "last message" or an absence ("my last post for tonight", "on
# this account", "until the fifteenth", "for a bit"): an everyday sign-off, not a farewell.
FOR_NOW = (r"(?:for (?:tonight|today|now|the (?:day|night|evening|week|weekend|month|year|time "
           r"being|holidays?)|a (?:bit|while|little while|few (?:days|weeks|hours)|couple of "
           r"(?:days|weeks)|week|month)|this (?:week|weekend|month|year|evening|season)|(?:\w+ )?"
           r"(?:days|weeks)|\w+day)|(?:until|till) (?:tomorrow|tonight|next|monday|tuesday|"
           r"wednesday|thursday|friday|saturday|sunday|the (?:\d+\w*|\w+(?:st|nd|rd|th)|weekend|"
           r"morning|evening|new year|holidays?|summer)|i (?:am|get|come) back|\d)|on (?:this|that|the|my) "
           r"(?:old )?(?:account|page|channel|blog|thread|forum|server|app|site|profile|handle|"
           r"platform|group|sub\w*)|(?:in|on|of) (?:this|the) (?:thread|chat|group|topic|year|day|"
           r"season)|here (?:for (?:now|today|tonight|a (?:bit|while))|on)|of the (?:day|night|week|"
           r"year))")
# An overdose word as part of a compound that names no act ("overdose-proof software", "an
# overdose patient", "overdose prevention").
OD_COMPOUND = (r"(?:[- ](?:proof\w*|patients?|cases?|victims?|calls?|deaths|crisis|prevention|"
               r"awareness|reversal|kits?|training|statistics|rates?|epidemic|survivors?|"
               r"protection|warnings?|alerts?|checks?|limits?|ward|unit))")
INTENT = (r"(?:going to|will|about to|plan(?:ning)? (?:to|on)|planned to|decided to|ready to|"
          r"intend(?:ing)? to|getting ready to|have decided to|am finally going to|want to .{0,12}"
          r"(?:tonight|today))")
ACT = (r"(?:kill(?:ing)? myself|end(?:ing)? (?:my (?:own )?life|it all|everything|my suffering)|"
       r"end(?:ing)? (?:it|things)(?=\s*(?:$|[,.!?]|tonight|today|tomorrow|now|soon|for good|"
       r"forever|once|this|on|when|after|before|and|in (?:a|an|\d+|one|two|ten|the next) "
       r"(?:few |couple of )?(?:minutes?|hours?|days?)))|"
       r"tak(?:e|ing) my (?:own )?life|commit(?:ting)? suicide|"
       r"suicide(?! (?:prevention|awareness|rates?|statistics|hotline|lifeline|line|squad|"
       r"research|bereavement|loss|survivors?|forest|doors?|risk|epidemic))|"
       r"hang(?:ing)? myself|shoot(?:ing)? myself|jump(?:ing)? (?:off|from) (?:(?:a|the|my|this|that|"
       r"our) )?(?:\w+ )?(?:bridge|building|roof|rooftop|balcony|cliff|window|overpass|tower|"
       r"ledge|parking \w+|car park|high|top|\d+\w* floor)|jump(?:ing)? in front of|"
       rf"overdos(?:e|ing)(?!{OD_COMPOUND})|od|off myself|top myself|do myself in|end myself|"
       r"neck myself|"
       r"slit(?:ting)? my (?:wrists?|throat)|drown(?:ing)? myself|gas myself|"
       r"driv(?:e|ing) (?:my car |the car )?(?:off|into) (?:a|the) (?:cliff|bridge|edge|tree|wall|"
       r"river|lake|truck|oncoming|pole|road)|crash(?:ing)? (?:my|the) car (?:on purpose|into)|"
       r"tak(?:e|ing) (?:all )?(?:the|my|these|those) pills|(?:tak(?:e|ing)|swallow(?:ing)?|"
       r"down(?:ing)?|drink(?:ing)?) (?:all of |the |a )?(?:whole|entire|full) (?:\w+ )?(?:pack|"
       r"packet|box|bottle|strip|blister|tub|jar|prescription|supply|stash) of (?:(?:my|the|his|"
       r"her) )?(?:\w+'?s? )?\w+|tak(?:e|ing) (?:every|each) (?:single )?"
       r"(?:pill|tablet)|swallow(?:ing)? (?:all|every) (?:\w+ )?(?:pills?|tablets?))")
ACT_CORE = (r"(?:kill(?:ing|ed)? myself|end(?:ing|ed)? my (?:own )?life|tak(?:e|ing) my (?:own )?"
            r"life|commit(?:ting)? suicide|off(?:ing)? myself|top(?:ping)? myself|"
            r"do myself in|end myself|neck myself|hang(?:ing)? myself|shoot(?:ing)? myself|"
            r"gas(?:sing)? myself|drown(?:ing)? myself|slit(?:ting)? my (?:wrists?|throat))")
PERSON = (r"(?:(?:my|our) (?:\w+ )?(?:friend|bff|bf|gf|boyfriend|girlfriend|partner|husband|"
          r"wife|fiance|fiancee|brother|sister|sibling|mom|mum|mother|dad|father|son|daughter|"
          r"kid|child|teen|teenager|roommate|flatmate|classmate|coworker|co-worker|colleague|"
          r"cousin|aunt|uncle|grandma|grandmother|grandpa|grandfather|student|neighbou?r|"
          r"patient|client|ex|mate|buddy)|(?:a|one of my|our) (?:friend|classmate|student|"
          r"coworker|colleague|patient|client|kid)|(?:a|this|some|one) (?:stranger|guy|girl|"
          r"person|user|kid|boy|woman|man|member|player|follower|streamer|teen|friend online)|"
          r"someone|somebody)")
ACTOR = (r"(?:he|she|they|someone|somebody|a (?:man|guy|woman|stranger)|my (?:\w+(?:'s)? )?(?:husband|"
         r"wife|boyfriend|girlfriend|bf|gf|partner|ex|dad|father|mom|mum|mother|stepdad|"
         r"stepfather|stepmom|stepmother|uncle|aunt|brother|sister|parents?|grandpa|grandfather|"
         r"cousin|teacher|coach|boss|roommate|fiance|family|son|daughter|pimp|landlord))")
OTHER_SELF = r"(?:him|her|them)sel(?:f|ves)|themselves"
PILLS = (r"(?:pills|tablets|meds|medications?|medicines?|capsules|sleeping pills|painkillers|"
         r"pain killers|tylenol|paracetamol|acetaminophen|ibuprofen|advil|aspirin|insulin|"
         r"antidepressants|xanax|oxy\w*|\w+pam|\w+zepam|sertraline|prozac|zoloft|lithium|"
         r"opioids|fentanyl|heroin|benzos?|ambien|percocet|vicodin|seroquel|\w+ pills|"
         # drug names by their stems (tramadol, quetiapine, oxycodone, fluoxetine, ...)
         r"\w{3,}(?:adol|apine|azepam|azolam|codone|morphone|profen|oxetine|traline|triptyline|"
         r"barbital|pentin|peridol|ridone|zodone|zopiclone|olpidem|cillin|mycin|"
         r"olol|sartan|statin|prazole|formin))")
QTY = (r"(?:all|whole|entire|full|bottles?|box(?:es)?|packets?|packs?|strips?|blister|handful|"
       r"fistful|bunch|lot|too many|too much|way (?:more|too many|too much)|more than (?:usual|"
       r"i should|prescribed|normal)|double|triple|extra|\d{2,}|twenty|thirty|forty|fifty|"
       r"hundred|dozens?|every|a month'?s?)")
# Food and drink that "a bottle of / a box of / a bunch of" may hold in an ordinary message.
FOOD_DRINK = (r"(?:wine|beer|beers|vodka|whiskey|whisky|rum|gin|tequila|champagne|prosecco|cider|"
              r"sake|soju|water|soda|coke|pepsi|juice|milk|coffee|tea|kombucha|lemonade|"
              r"chips|crisps|cookies|biscuits|oreos|candy|sweets|chocolates?|cereal|pizza|donuts|"
              r"doughnuts|popcorn|gummies|gummy bears|snacks|cake|ice cream|noodles|ramen|"
              r"protein|vitamins?|gum|mints|tic tacs|skittles|energy drinks?|red bull|monster)")
# Things one cuts in an ordinary day (hair, rows of a sheet, tiles, onions, the lamb, costs):
# "cut" or "cutting" with such an object is not self-injury. Body parts are never in it.
CUT_OBJECT = (r"(?:hair|fringe|bangs|beard|nails|toenails|fingernails|grass|lawn|hedges?|roses|"
              r"bushes|branch(?:es)?|trees?|plants?|flowers|wood|timber|planks?|boards?|tiles?|"
              r"pipes?|wires?|cables?|fabric|cloth|material|paper|cardboard|rows?|columns?|"
              r"cells?|text|lines|files?|clips?|scenes?|footage|videos?|tracks|songs?|film|"
              r"movie|onions?|garlic|vegetables|veggies|veg|carrots?|potato(?:es)?|tomato(?:es)?|"
              r"peppers?|herbs|meat|lamb|beef|pork|chicken|steak|fish|salmon|ham|bacon|turkey|"
              r"bread|cake|pizza|cheese|fruit|apples?|melon|watermelon|pineapple|mango|avocados?|"
              r"dough|butter|sandwich(?:es)?|slices?|pieces|strips|shapes|patterns?|holes?|keys?|"
              r"costs?|spending|budget|prices?|losses|hours|shifts?|ties|contact|corners|"
              r"class(?:es)?|school|lectures?|carbs|sugar|calories|gluten|dairy|alcohol|caffeine|"
              r"coffee|deals?|taxes|rates?|jobs|staff|queue|coupons?|stencils?|metal|steel|"
              r"plastic|foam|vinyl|stone|concrete|drywall|plasterboard|carpet|string|ribbon|tape|"
              r"wrapping|gift wrap|slack|people off|the cord|ribbons?)")
BODY = (r"(?:skin|arms?|forearms?|wrists?|legs?|thighs?|stomach|belly|hips?|body|chest|face|"
        r"hands?|fingers?|ankles?|neck|throat|veins?|shoulders?|calf|calves|feet|foot|breasts?)")
# "cut"/"cutting" + an everyday object, optionally after a preposition and a determiner
# ("cut rows", "cutting my hair", "cut into the lamb leg", "cutting up the onions"), unless the
# cut then lands on the body ("cut lines into my arm").
CUT_NOT_SELF = (r"(?:(?:into|through|across|along|up|off|out|down|back on) )?(?:(?:the|a|an|my|"
                rf"your|his|her|their|our|some|this|that|these|those|all the|\d+) )?(?:(?!{BODY}\b)"
                rf"\w+ )?{CUT_OBJECT}\b(?![^.!?]{{0,30}}\b(?:into|in|on|onto|across|over|along|"
                rf"up|down) (?:myself|(?:my|his|her|their|your) (?:own |left |right |upper |inner )?"
                rf"{BODY}\b))")

MEANS_STRONG = (r"(?:rope|noose|gun|guns|shotgun|pistol|rifle|revolver|handgun|firearm|charcoal|"
                r"helium|exit bag|razor blades?|razors?|blades?)")
MEANS_ANY = re.compile(rf"\b(?:{MEANS_STRONG}|{PILLS}|pills|tablets|meds|knife|bridge|cliff|"
                       r"roof|ledge|tracks|train|overdose|bleach|poison|overpass|balcony)\b")

# ---- rule table -------------------------------------------------------------------------
_S, _H, _O, _A, _M, _T, _L = ("suicidal", "self_harm", "harm_to_others", "abuse_danger",
                              "medical_emergency", "third_party_risk", "lethal_means")

RULES: list[tuple[str, str, str, str, bool]] = [
    # --- suicidal: intent, plan, preparation, attempt (high) ---
    ("intent", _S, "high",
     rf"\b(?:i|i am|am|i will|i have|me)\b[^.,;!?]{{0,30}}?\b{INTENT}\s+(?:\w+\s+){{0,2}}?{ACT}",
     True),
    ("act_with_time", _S, "high", rf"\b{ACT}[^.;!?]{{0,30}}\b{TIME}\b", True),
    ("time_then_act", _S, "high", rf"\b{TIME}\b[^.;!?]{{0,40}}\b{ACT}\b", True),
    ("last_message", _S, "high",
     rf"\b(?:this is|this will be) (?:my )?(?:last|final) (?:message|goodbye|post|text|words)"
     rf"(?! {FOR_NOW})|"
     r"\blast time (?:you|anyone) (?:will )?(?:ever )?(?:hear|see) from me|"
     r"\bgoodbye (?:forever|everyone|world|cruel world)\b|"
     r"\bmade (?:my )?peace with (?:it|dying|death|my decision|leaving)|"
     r"\bsaid (?:all )?my (?:last |final )?goodbyes\b|\bi (?:have )?figured it out\b(?=.{0,40}"
     r"(?:burden|longer|gone|die|dead|end))", False),
    ("goodbyes", _S, "high",
     r"\bsaying (?:my )?goodbyes\b|\bsaying goodbye to (?:people|everyone|everybody|my "
     r"(?:friends|family|loved ones))\b|\bsent (?:\w+ )?(?:a )?goodbye (?:text|message|letter|"
     r"email)s?\b", True),
    ("note", _S, "high",
     r"\b(?:wrote|writing|written|write|left|leave|leaving|drafted|drafting|finished|finishing)"
     r" (?:\w+ ){0,2}(?:suicide|goodbye|farewell|final|last) (?:note|letter|message|video)s?",
     True),
    ("letters", _S, "high",
     r"\b(?:wrote|writing|written|left|leaving|recorded|recording) (?:a |some |\w+ )?(?:letters?|"
     r"notes?|messages?|videos?) (?:to|for) (?:my|everyone|everybody|all|each|the people)\b"
     r"[^.]{0,60}\b(?:why|goodbye|sorry|love (?:them|you)|when i am gone|after i|had to go|just "
     r"in case|forgive|miss me|not be (?:here|around))", True),
    ("will_timeline", _S, "high",
     r"\b(?:writing|wrote|updated|updating|made|making|finish\w*|sorting out) (?:my|a) will\b"
     r"[^.]{0,60}\b(?:will not be|not be (?:here|around)|gone|before i (?:go|die|do it|end))|"
     r"\bi (?:have )?(?:picked|chosen|set|decided on) (?:a|the) (?:date|day|time|place|spot|"
     r"method)\b|\b(?:a|the) date is (?:set|picked|chosen)\b|plan and a (?:date|time|method)|"
     r"\bi (?:know|have decided|decided|figured out|worked out) (?:exactly )?(?:how|where|when)"
     r" (?:i am going to |i will |i would |to )?(?:do it|die|end it|kill myself)|"
     r"\b(?:made up my mind|my mind is made up) to (?:die|end|do it|kill)", True),
    ("giveaway", _S, "high",
     r"\b(?:giving|gave|give|given) (?:\w+ ){0,5}away\b[^.]{0,60}\b(?:will not need|not need "
     r"(?:them|it)|remember me|after i am gone|when i am gone|will not be (?:here|around)|"
     r"before i go|one last)|\b(?:giving|gave|give|given) (?:away )?(?:all )?(?:of )?my "
     r"(?:stuff|things|belongings|possessions)(?: away)? (?:to \w+ )?(?:because|since|so "
     r"(?:they|that)|before)|\b(?:family|they|nobody|no one|no ?one else|people|someone|my \w+)"
     r" (?:does not|do not|will not|would not|won't) (?:have|need) to (?:deal with|clean up|"
     r"sort out|worry about|go through) (?:it|my|anything|this|all)\b[^.]{0,30}(?:later|after|"
     r"when|once|$)", False),
    ("affairs", _S, "high",
     r"\b(?:passwords|bank details|bank accounts?|pin numbers?|insurance|instructions|account "
     r"details)\b[^.]{0,60}\b(?:just in case|in case something happens|for when i|for after i)|"
     r"\b(?:new home|someone to (?:take care of|look after)|taken care of|sorted|in order|"
     r"arrangements)\b[^.]{0,40}\b(?:before i (?:go|am gone|leave for good|die)|when i am gone|"
     r"after i am gone|for after i)", True),
    ("who_gets", _S, "high",
     r"\b(?:who (?:gets|will get|should get|can have|will have|inherits)|who to give) my (?:\w+ )?"
     r"(?:things|stuff|belongings|possessions|money|pets?|cat|dog|savings|room)\b|"
     r"\b(?:river|lake|sea|ocean|water)\b[^.]{0,60}\b(?:going to|will|about to|gonna) (?:walk|"
     r"wade|swim) (?:in|out|into)\b|\b(?:walk|walking|wade|wading|swim|swimming) (?:out )?into "
     r"the (?:sea|ocean|river|lake|water) (?:and not come back|until|tonight|forever)", True),
    ("attempt", _S, "high",
     r"\b(?:i|i have|i just|just|already|i already)\b(?:\s+\w+){0,2}?\s+(?:tried|attempted|"
     r"try|trying) to (?:kill myself|end my life|take my (?:own )?life|overdose|hang myself|"
     r"die|end it|jump)|\bi (?:\w+ )?attempted(?: suicide)?\b|\bmy (?:last |recent |first |"
     r"second |third )?suicide attempt|\battempted suicide\b", True),
    ("ingested", _S, "high",
     rf"\b(?:i|i have|i just|just|already|i already|i think i)\b(?:\s+\w+){{0,2}}?\s+(?:took|"
     rf"taken|swallowed|downed|ate|drank|chugged|injected|started taking|have taken)"
     rf"(?:\s+\S+){{0,4}}?\s+{QTY}(?:\s+\S+){{0,4}}?\s+{PILLS}|"
     rf"\b(?:already|just) (?:took|taken|swallowed) (?:the|my|them|those|these|all)(?: the)? "
     rf"{PILLS}|\btaking (?:the )?{PILLS} one by one|\btaking them one by one", True),
    ("overdosed", _S, "high", r"\b(?:i|i have|i just|just|i think i|i may have)\b(?:\s+\w+)?"
     r"\s+(?:overdosed|overdosing)\b", True),
    ("location", _S, "high",
     r"\b(?:i am|am|standing|sitting|here|i)\b(?:\s+\w+){0,2}?\s+(?:on|at|near|by) (?:the |a |"
     r"this )?(?:edge of (?:the |a )?(?:roof|bridge|building|cliff|platform)|ledge|bridge|"
     r"roof(?:top)?|train tracks|tracks|railway|railroad|cliff|top of (?:the|a) (?:building|"
     r"bridge|parking \w+)|(?:\d+\w* floor |top floor )?(?:\w+ )?(?:window|balcony|railing))\b"
     r"[^.]{0,40}(?:right now|\bnow\b|jump|ready|going to|about to|"
     r"train|next|tonight|goodbye|edge|open|over the)|"
     r"\bin (?:my|the) car (?:in|inside) (?:the|my) garage\b[^.]{0,30}engine|"
     r"\bengine (?:is )?running\b[^.]{0,30}garage", True),
    ("on_tracks", _S, "high",
     r"\b(?:i am|i|am|standing|sitting|lying|waiting|parked)\b(?:\s+\w+){0,2}?\s+(?:on|at|by|"
     r"near|across) (?:the |a )?(?:railway(?: line| tracks?)?|rail(?:way)? lines?|train tracks|"
     r"tracks|railroad(?: tracks)?|ledge|edge of (?:the |a )?(?:roof|bridge|building|cliff|"
     r"platform))\b(?! (?:of (?:my|the) (?:bed|seat|chair)|of glory))|\bthe note is (?:on|in|"
     r"under|next to|by)\b|\b(?:step|stepping|walk|walking|run|running|throw(?:ing)? myself|"
     r"jump|jumping|lie down|lying down)(?: out)? in front of (?:a|the|an|oncoming) (?:[\w:.]+ ){0,2}?"
     r"(?:train|express|freight|intercity|truck|bus|car|lorry|traffic|subway|tram)|"
     r"\b(?:walk|walking|run|running|step|stepping) "
     r"(?:out )?into (?:oncoming )?traffic", True),
    ("means_intent", _S, "high",
     r"\b(?:pills|tablets|meds|medication|oxy\w*|opioids|razor|razors|blades?|knife|gun|pistol|"
     r"rifle|rope|noose|belt|hose|exhaust|charcoal|bleach|poison|antifreeze|overpass|bridge|"
     r"ledge|tracks)\b[^.!?]{0,60}\b(?:do it|end it|go through with it|use (?:it|them) on "
     r"myself|take them all|swallow them|finish it)\b[^.!?]{0,30}\b(?:tonight|today|now|soon|"
     r"tomorrow|right now|in \w+ (?:minutes?|hours?))|\b(?:i am going to|i will|going to|about "
     r"to|gonna|ready to) (?:do it|end it|go through with it)\b[^.!?]{0,30}\b(?:with|using) (?:the|"
     r"my|these|those|a) (?:pills|tablets|meds|razor|blades?|knife|gun|rope|noose|belt)|"
     r"\b(?:hose|pipe|tube) (?:from|to|on|in) the exhaust|\bexhaust (?:hose|pipe|fumes)\b[^.]"
     r"{0,30}\b(?:car|window|garage|inside)|\bnoose (?:is )?(?:set up|ready|tied|hanging)|"
     r"\b(?:took|taken|swallowed|ate|downed) everything in (?:the|my|our) (?:medicine|bathroom) "
     r"(?:cabinet|cupboard)|\b(?:about to|going to|gonna|will|ready to) (?:swallow|take|down) "
     r"(?:all|every one|everything|the whole|all of) (?:of )?(?:these|those|the|my|them)?", True),
    ("means_at_hand", _S, "high",
     r"\b(?:gun|pistol|rifle|revolver|shotgun)\b (?:is )?(?:loaded|in my (?:hand|mouth)|to my "
     r"head|against my head|on the table|next to me|in front of me|cocked)|"
     rf"\b{PILLS} (?:are |is )?(?:in my hand|in front of me|ready|laid out|next to me|counted "
     r"out|lined up)|\b(?:the )?(?:pills|tablets|blade|razor|knife|rope|noose) (?:is |are )?"
     r"(?:in my hand|ready|in front of me)|"
     r"\b(?:knife|blade|razor) (?:is )?(?:to|against|on) my (?:wrists?|throat|neck)|"
     r"\b(?:rope|noose|belt|cord) (?:is )?(?:around|on) my neck|\btied (?:the|a) (?:rope|noose)|"
     r"\b(?:the )?(?:rope|noose) (?:is|are) (?:already |all )?(?:tied|ready|up|hung|set up|in place)|"
     r"\b(?:belt|rope|cord|scarf|sheet|cable|noose) (?:is |all )?(?:tied|attached|fixed|hooked) "
     r"(?:to|around|on|onto) (?:the |my )?(?:door|handle|beam|ceiling|rail|bannister|banister|hook|"
     r"fan|pipe|rafter|tree|bed frame|loft)|"
     r"\b(?:going to|will|gonna|plan(?:ning)? to|want to|about to) use (?:it|them|the \w+|a \w+|"
     r"his \w+|her \w+) on myself|"
     rf"\b(?:saved|saving|stockpil\w*|hoard\w*|collect\w*|stash\w*|hiding|hidden) (?:up )?"
     rf"(?:\w+ ){{0,3}}{PILLS}|\benough {PILLS} (?:to|saved|for)|"
     r"\b(?:bought|got|buying|have|found) (?:a |the |some )?(?:rope|noose)\b(?: today| already|"
     r" and| for (?:it|myself|tonight))", True),
    ("not_around", _S, "high",
     r"\bi (?:will not|am not going to|will no longer|probably will not|do not think i will)"
     r" be (?:here|around|alive)(?! (?:at|in|on|for (?:the|my|a|dinner|lunch|work)|until|till|"
     r"when you|to (?:help|answer|pick)|this (?:afternoon|evening)|the old))|"
     r"\bi do not think i will make it to (?:my birthday|christmas|next \w+|the weekend|"
     r"tomorrow|the end of)|\b(?:will not|not going to|never going to|will no longer|soon "
     r"i will not) be (?:a|your|anyone'?s?|everyone'?s?|their|his|her|my family'?s?) (?:problem|"
     r"burden|bother)s?\b[^.]{0,20}(?:longer|soon|anymore|for long)|\b(?:will not|not going to|"
     r"never going to) be a (?:burden|problem) (?:to|for) (?:anyone|anybody|everyone|you|them|my "
     r"\w+)(?: anymore| much longer| soon)?\s*(?:$|[.!])|\bnot (?:be )?(?:a|your) (?:problem|burden) "
     r"(?:for )?(?:much|any) longer",
     False),
    # --- suicidal: method (moderate) ---
    ("method", _S, "moderate",
     r"\b(?:picture|picturing|imagine|imagining|visuali[sz]\w*|see|seeing) myself (?:hanging|"
     r"jumping|dead|in a coffin|on the tracks|bleeding out|overdosing)\b|"
     r"\b(?:thought|think|thinking|thoughts|imagine|imagining|want|wanted|wanting|wish|"
     r"considering|consider|plan|planning|tempted|urge|urges|looking|looked|keep)\b"
     r"(?:\s+\w+){0,5}?\s+(?:about |of |at |to )?(?:jump(?:ing)? (?:off|from|in front of|into)|"
     r"hang(?:ing)? myself|shoot(?:ing)? myself|overdos(?:e|ing)|od(?:ing)?|"
     rf"tak(?:e|ing) (?:all|a bunch|a lot|the whole|every one|every) (?:of )?(?:the |my |those |"
     rf"these |them)?(?:{PILLS})?|driv(?:e|ing) (?:my|the) car (?:into|off)|"
     r"driv(?:e|ing) off (?:a|the) (?:road|cliff|bridge|edge)|crash(?:ing)? my "
     r"car|slit(?:ting)? my (?:wrists?|throat)|cut(?:ting)? my (?:wrists?|throat)|drown(?:ing)?"
     r" myself|step(?:ping)? in front of|walk(?:ing)? into traffic|(?:the )?pills in the "
     r"cabinet)|\b(?:looking up|looked up|researching|googling|searching) (?:\w+ )?(?:ways|"
     r"methods|how) to (?:die|kill myself|end it|end my life|overdose)|\bhow i would do it\b",
     True),
    # --- suicidal: ideation (low) ---
    ("act_core", _S, "low", rf"\b{ACT_CORE}\b", True),
    ("suicidal_self", _S, "low",
     r"\b(?:i am|i feel|i felt|i have been|i was|i get|i got|i keep|i think i am|i might be|"
     r"i may be|i could be|i have|i had) (?:\w+ ){0,3}?suicidal\b|^\s*(?:feeling|feel|been feeling|been|so|"
     r"very|getting|im|"
     r"really|super|kinda|pretty) (?:\w+ ){0,2}?suicidal\b|\b(?:my|i have|having|i get|i am having|"
     r"been having|have had)"
     r" (?:\w+ ){0,2}suicidal (?:thoughts|ideation|feelings|urges)|^\s*suicidal (?:thoughts|"
     r"feelings|urges|ideation) (?:have|are|were|keep|came|come|will not|is|has)\b|"
     r"^\s*suicidal(?: again| tonight| today| right now| lately| af)?\s*$", True),
    ("suicide_self", _S, "low",
     r"\b(?:i|am|been|keep|was|and|also|still|always|constantly|often|so|have|my|lately|"
     r"honestly|really|seriously)\s+(?:\w+\s+){0,2}?(?:thinking|think|thought|thoughts|"
     r"considering|consider|contemplating|planning|obsessing|fantasi[sz]ing|dreaming|"
     r"researching)\b (?:about |of )?(?:\w+ ){0,2}?"
     r"suicide(?! (?:prevention|awareness|rates?|statistics|hotline|lifeline|squad|research|"
     r"bereavement|loss|survivors?))|\bsuicide (?:is|seems|feels|looks|sounds) (?:like )?(?:the |"
     r"my |a )?(?:only|best|easiest|answer|option|way|solution|easier|better|good)|"
     r"\bsuicide (?:is|has been) (?:on my mind|all i think about)|\bsuicide is all i|"
     r"\b(?:want|going|ready|plan(?:ning)?|about|tempted|decided|need) to suicide\b", True),
    ("wish_dead", _S, "low",
     r"\b(?:want|wanted|wanting|wish|wishing|wished|hope|hoping|ready|would like|long|longing|"
     r"praying|pray|deserve|need|can not wait)\b (?:\w+ ){0,2}?(?:to (?:just |simply |finally |"
     r"already )?die\b|i (?:was|were|would|could|will) "
     r"(?:\w+ )?(?:be )?(?:dead|die\b|disappear)|to be dead|for death|i die\b|to not (?:exist|"
     r"be alive|wake up|be here))|\bwant death\b|\bbetter off dead\b|\bshould (?:just )?die\b|"
     r"\bwish i was never born\b|\blet me die\b|\bbeg(?:ging)? to die\b|"
     r"\bi should (?:just |really |probably )?(?:be gone|not (?:exist|be here|be alive|be around)|"
     r"disappear for good|stop existing)\b", True),
    ("rather_dead", _S, "low",
     r"\bi would (?:\w+ )?rather (?:be dead|die|not (?:exist|be alive|be here|wake up))\s*"
     r"(?:$|[,.!?;])|\b(?:give|giving|gave|ready to give) up on (?:life|living)\b|"
     r"\btired of (?:fighting|trying|struggling) to (?:stay alive|live|keep going|survive)\b|"
     r"\b(?:stopped|stop) seeing (?:a|any) future\b|\b(?:do not|can not|could not) see (?:a|any) "
     r"future (?:for myself|for me|ahead)\b|"
     r"\brather (?:be )?(?:dead|die) than (?:keep|live|living|go on|going on|feel|feeling|"
     r"continue|wake up|be alive|face|deal)", True),
    ("not_live", _S, "low",
     r"\b(?:do not|does not|no longer|not) (?:really |even |actually )?(?:want|wish|care) to "
     r"(?:live|be alive|exist|keep going|keep living|wake up|continue living|be around|"
     r"go on(?! (?:a |the |this |that |vacation|holiday|stage|tour|dates?|trips?|with (?!this)))|"
     r"be here(?! (?:at|in|with|for|today)))|\bdo not care (?:if|whether) i (?:live|die)|"
     r"\bdo not care about (?:living|being alive)|\bdo not want to be alive|\bdo not think i "
     r"(?:want|wish|care) to (?:live|exist|be alive|be here|go on|wake up)", False),
    ("no_reason", _S, "low",
     r"\b(?:no|not any|nothing|no more|zero) (?:\w+ ){0,1}(?:reasons?|point|purpose|will|desire) (?:for "
     r"me |for anyone |left )?(?:to|in|for) (?:live|living|go on|going on|keep going|stay alive|"
     r"being alive|wake up|existing|"
     r"exist|being here|keep living)\b|\bnothing (?:left )?to live for\b|"
     r"\bnothing (?:is )?left for me\b|\bthere is nothing left (?:for me|of me)\b|"
     r"\b(?:do not|does not|no longer) have (?:a|any) (?:reason|will|desire) to (?:live|go on|"
     r"keep going|stay alive|keep living)|"
     r"\b(?:do not|can not|could not) see (?:a|any|the) (?:reason|point) (?:to|in|of) (?:live|"
     r"living|keep going|go on|going on|stay alive|being alive|continue|carry on|carrying on|"
     r"being here)|"
     r"\b(?:life|living) is(?: not| no longer) worth (?:living|it)|\bnot worth living\b|"
     r"\bwhat is (?:even )?the point (?:of|in) (?:living|life|being alive|going on|staying alive|"
     r"carrying on|me)|\bno point (?:in )?(?:carrying on|going on|living|being alive|staying "
     r"alive)\b|"
     r"\bwhy (?:am i|should i|do i) (?:still )?(?:alive|stay alive|keep living|go on|bother "
     r"living)", False),
    ("tired_living", _S, "low",
     r"\b(?:tired|sick|done|exhausted|weary) (?:of|with) (?:living|life\b(?! (?:at|in|here|of))|"
     r"being alive|existing|this life|it all)", True),
    ("never_wake", _S, "low",
     r"\b(?:hope|hoping|wish|want|pray|praying|go to sleep|fall asleep|sleep)\b(?:\s+\w+){0,5}?"
     r"\s+(?:never|not|do not|would not|will not) (?:\w+ )?wake up\b(?! (?:early|late|at|on time"
     r"|in time|before))|\b(?:sleep|asleep|rest) (?:forever|for good|and never wake)|"
     r"\beternal (?:sleep|rest)\b|\b(?:sleep|"
     r"go away|"
     r"leave|disappear|go)\b[^.]{0,10}\band never (?:come back|return|wake)|\b(?:sleep|go to "
     r"sleep|fall asleep)\b[^.]{0,10}\band never (?:have to )?(?:feel|wake|deal|face) (?:anything|"
     r"up|again|this)", False),
    ("disappear", _S, "low",
     r"\b(?:wish(?:ing|ed)?|want|wanted|better|easier|happier|hope|if only)\b(?:\s+\S+){0,6}?\s+(?:i )?"
     r"(?:could )?(?:just )?(?:disappear(?:ed)?(?! (?:for a|to |into|on |from (?:social|the "
     r"internet)))|vanish(?:ed)?|fade away|cease to exist|stop(?:ped)? existing|(?:did|do) not "
     r"exist|never existed|(?:was|were|had|would|would have) never (?:been )?born|"
     r"(?:was|were) not (?:here|alive|around)|(?:was|were) gone|not be (?:here|alive|around))\b", False),
    ("better_off", _S, "low",
     r"\b(?:better off|happier|better|easier)(?: off)? (?:without me|if i (?:was|were|had|did|"
     r"was not|were not|died|disappeared|had never)|with me (?:gone|dead))|"
     r"\bworld (?:does not|would not) (?:need|miss) me|"
     r"\b(?:no ?one|nobody) (?:would|will) (?:even )?(?:care|notice|miss me|be sad)\b[^.]{0,20}"
     r"\b(?:if|when) i (?:was|were|am|died|die|disappeared|killed|gone|not)|"
     r"\bif i (?:died|disappeared|was gone|were gone)\b[^.]{0,30}\b(?:no ?one|nobody|anyone)\b"
     r"[^.]{0,15}(?:care|notice|miss)|\bcollect(?:ing)? my life insurance|"
     r"\b(?:be|am|feel) (?:\w+ )?(?:fine|okay|ok|happy|relieved|at peace|good) (?:if|when) i (?:just |"
     r"simply )?(?:did not|do not|no longer|could not) (?:exist|wake up|be here|live)\b|"
     r"\b(?:improve|better|easier|happier|relieved|fine|lighter) if i (?:just |simply )?(?:was|were|"
     r"died|disappeared)(?: dead| gone| not (?:here|around|alive))?\b|"
     r"\b(?:no ?one|nobody) (?:would|will) (?:even |really )?miss me\b|"
     r"\bi am (?:just |only |nothing but |such )?(?:a|an) (?:\w+ )?burden (?:to|on|for) (?:everyone|"
     r"everybody|my (?:family|parents|kids|friends|wife|husband|partner)|them|people|you all|"
     r"all of (?:you|them))\b", False),
    ("death_appeal", _S, "low",
     r"\bdeath (?:sounds|seems|feels|looks|would be) (?:\w+ ){0,2}?(?:peaceful|nice|good|better|"
     r"like a relief|like an escape|appealing|welcome|easier)|\b(?:peaceful|nice|better|easier|a relief|"
     r"simpler) to (?:just )?(?:not exist|"
     r"not be alive|not be here|not wake up|die|be dead|disappear forever|stop existing)\b|"
     r"\b(?:hope|hoping|wish|pray\w*) (?:that )?i (?:get|got|would get|"
     r"will get|could get) (?:hit|run over|killed) by|\b(?:dying|being dead|not waking "
     r"up|not existing|death) (?:would|will|could|might) (?:be|feel like) (?:a |such a )?(?:relief|"
     r"easier|better|peaceful|nice|release|freedom|escape|rest)|\b(?:hoping|hope|wish|pray) (?:that "
     r")?(?:a |some )?(?:car|bus|truck|train) (?:will |would )?(?:hits?|runs? over) me|"
     r"\b(?:imagining|imagine|picture|picturing|thinking about) my (?:own )?funeral|"
     r"\b(?:thought|think|thinking) (?:about )?how easy it would be\b(?! to (?:learn|make|fix|get|"
     r"find|do (?:this|that)|cook|build|set|use|change))", True),
    ("no_future", _S, "low",
     r"\b(?:can not|do not|could not) (?:see|picture|imagine) myself (?:being |still )?(?:alive|"
     r"living|here|around) (?:next|in|by|much|for|at|when)|"
     r"\bbetter off with (?:a different|another|someone else as (?:their|a)|a new) (?:mom|mum|"
     r"mother|dad|father|parent|partner|wife|husband|son|daughter|friend)|"
     r"\b(?:after|when|once) i am (?:gone|dead|no longer (?:here|around))\b(?! for (?:the|a|an|two|"
     r"three|\d+|a few|a couple|my|our|work|lunch)\b| (?:on|to|at) (?:holiday|vacation|a trip|work|the "
     r"shops|camp|uni)\b)", True),
    ("death_comfort", _S, "low",
     r"\b(?:thought|idea|thinking) (?:of|about) (?:suicide|dying|death|killing myself|ending it|"
     r"not being here|being dead) (?:comforts|calms|soothes|relaxes|helps|appeals|is comforting|"
     r"is the only)|\b(?:suicide|dying|death) (?:comforts|calms|soothes) me|\b(?:leave|leaving|"
     r"left|depart|departing) this (?:world|earth|life)\b|\bdoing (?:everyone|them|the world|my "
     r"family) a favou?r\b[^.]{0,40}\b(?:gone|leaving|dying|dead|disappear\w*|not here|not "
     r"around)|\bwant (?:it|this|everything|my life|it all) (?:all )?to be over\b|\b(?:my )?life "
     r"has no (?:value|meaning|point|purpose)\b", True),
    ("self_harm_cope", _H, "moderate",
     r"\b(?:helps?|helped|relief|relieves?|the only (?:thing|way)|cope|coping|release|addicted to|"
     r"stop|quit|urge (?:for|of))\b[^.]{0,30}\b(?:hurting|cutting|burning|harming|scratching|"
     r"punishing) myself\b|\b(?:hurting|cutting|burning|harming) myself (?:helps|is the only|is "
     r"how i cope|makes me feel)|\bpunish(?:ing)? myself (?:by|with) (?:not eating|starving|"
     r"cutting|hitting|burning|hurting)|\b(?:scars|cuts|marks)\b[^.]{0,40}\blong sleeves\b|"
     r"\blong sleeves\b[^.]{0,40}\b(?:scars|cuts|marks|hide|hiding)\b", True),
    ("on_purpose", _H, "moderate",
     r"\b(?:cut|cutting|burn\w*|hurt|hurting|hit|hitting|scratch\w*|punch\w*|bang\w*|bit|bite|"
     r"stab\w*|starv\w*|choke\w*|pull\w* (?:out )?) (?:myself|my \w+)\b[^.]{0,30}\b(?:on purpose|"
     r"deliberately|"
     r"intentionally)", True),
    ("waiting_death", _S, "low",
     r"\b(?:just )?waiting (?:to die|for (?:death|the end|it all to end|my time))|\btired of "
     r"(?:waking up|being here|breathing|existing|trying to stay alive)|\blife insurance\b"
     r"[^.]{0,40}\b(?:worth|pay|better|family|collect|more than)|\b(?:worth|better) (?:more )?"
     r"dead than alive|\bworth more dead", True),
    ("think_death", _S, "low",
     r"\b(?:think|thinking|thoughts|fantasi[sz]e|fantasi[sz]ing|daydream\w*|obsess\w*) "
     r"(?:\w+ ){0,2}(?:about |of )(?:dying|being dead|my (?:own )?death|not existing|not being "
     r"(?:here|alive)|ending it)", True),
    ("only_way", _S, "low",
     r"\b(?:only|best|easiest) (?:way out|option|answer|solution|escape)\b[^.]{0,30}\b(?:die|"
     r"death|dead|suicide|kill myself|not be (?:here|alive)|end it|not (?:being )?alive)|"
     r"\b(?:dying|death|suicide|ending it|end it) (?:is|seems|feels) (?:like )?(?:the )?(?:only|"
     r"best|easiest) (?:way|option|answer|solution|escape)", True),
    ("want_end", _S, "low",
     r"\b(?:feel like|want to|going to|thinking (?:about|of)|ready to|need to|wish i could|"
     r"tempted to|urge to|planning to)\s+(?:just\s+)?end(?:ing)? (?:everything|it all|it(?=\s*"
     r"(?:$|[.!?]))|things(?=\s*(?:$|[.!?])))|\b(?:dying|death|suicide|killing myself|ending it|"
     r"ending my life) is all i (?:think about|want)|\ball i (?:think about|want) is (?:dying|"
     r"death|to die|ending it|suicide)|\b(?:hope|hoping|wish|pray\w*) (?:that )?i (?:do not|will "
     r"not|would not|never|can not) (?:survive|make it through|live through|see (?:tomorrow|the "
     r"morning|another day))", True),
    ("end_it_all", _S, "low",
     r"\b(?:want|wanted|wish|ready|going|need) (?:\w+ ){0,2}?(?:it|everything) (?:all )?to "
     r"(?:end|stop)(?: forever| for good| permanently)?\b(?! (?:soon|already))|"
     r"\bend it all\b|\bwant out for good\b", True),
    ("character_self", _S, "moderate",
     r"\b(?:my|the|a) character\b[^.]{0,80}?\b(?:kill(?:ing)? (?:him|her|them)sel\w*|end (?:his|"
     r"her|their) life|suicide|overdose|die)\b(?=[^.]{0,80}(?:\(me\)|is me|\bi have\b|my pills|"
     r"tonight|how many|exactly|lethal|dose))|\(me\)[^.]{0,60}\b(?:kill(?:ing)? (?:him|her|"
     r"them)sel\w*|suicide|die|overdose)", True),
    # --- self-harm ---
    ("self_harm_act", _H, "moderate",
     r"\b(?:i|i have|i have been|been|i just|just|i keep|keep|i still|i often|i sometimes|"
     r"i always|i want to|want to|going to|thinking about|urge to)\b(?:\s+\w+){0,2}?\s+(?:cut|"
     r"cutting|cuts|burn|burned|burnt|burning|hurt|hurting|harm|harmed|harming|hit|hitting|"
     r"punch|punched|punching|scratch|scratched|scratching|bite|bit|biting|carve|carved|carving|"
     r"slice|sliced|slicing|slash|slashed|slashing|"
     r"starve|starved|starving|stab|stabbed|stabbing|bang|banged|banging|choke|choked|choking|"
     r"bruise|bruised|bruising|pinch|pinching) (?:myself|my (?:arms?|wrists?|legs?|thighs?|skin|"
     r"stomach|body|hips?|face|head|hands?|fingers?|ankles?|chest))\b", True),
    ("self_harm_word", _H, "moderate",
     r"\b(?:i|i have|i have been|been|i am|started|start|relapsed?|relapsing|urges? to|"
     r"want to|wanting to|going to|need to|tempted to|thinking (?:about|of)|fresh|again)"
     r"(?:\s+(?:have|been|am|was|still|just|also|started|starting|keep|do|did|sometimes|often|"
     r"always|really|to|again|currently|recently|and|back|on|with|from)){0,4}\s+(?:selfharm\w*|"
     rf"nssi|cutting(?! (?:board|edge|class|back|down|it|the|ties|corners)\b| {CUT_NOT_SELF})|"
     rf"cut(?! (?:the|a|an|off|down|back|class|ties|in|out|it|them|people|him|her|loose|"
     rf"corners|through|up|across|short|into|and (?:paste\w*|copy\w*|run|dried))\b| "
     rf"{CUT_NOT_SELF})\b)|\bmy (?:selfharm|"
     r"cutting)\b|(?:^|\b(?:my|i have|i get|having|these|the|new|fresh|got|more) )"
     r"selfharm(?:ing|ed)? (?:urges|scars|cuts|relapse)|\bselfharm(?:ing|ed)? again|\bi selfharm|"
     r"\b(?:since i|i|time i) last (?:cut|selfharmed|hurt myself|burned myself)\b|"
     r"^\s*(?:selfharm\w*|cutting) (?:is the only|helps|is what|is how i|is all)|"
     r"\b(?:fresh|new) (?:cuts|wounds|scars|burns) on my|\b(?:thoughts|urges|images|ideas|"
     r"fantasies) (?:of|about) (?:hurting|harming|cutting|burning|injuring|punishing|scratching|"
     r"starving) myself\b|\b(?:hide|hiding|cover|covering) "
     r"(?:my |the )?(?:fresh )?(?:cuts|scars|wounds|burns)\b", True),
    ("self_harm_mark", _H, "moderate",
     r"\b(?:carved|cut|burned|burnt|scratched|etched) [^.]{0,25}\b(?:into|on|in) my (?:skin|arms?|"
     r"wrists?|legs?|thighs?|stomach|hips?|body)", True),
    ("self_harm_pain", _H, "low",
     r"\bi (?:deserve|need|want) (?:to feel )?(?:pain|to suffer|to be hurt|to bleed)\b"
     r"(?! (?:it|them|this|that|these|those|(?:the|a|an|our|your|my) (?!(?:arms?|wrists?|legs?|"
     r"thighs?|skin|body|self)\b)\w+)\b)|"
     r"\b(?:punched|hit|banged) (?:the |a )?wall[^.]{0,40}(?:on purpose|until)", True),
    # --- harm to others ---
    ("harm_others", _O, "moderate",
     r"\b(?:i|i am|i will|i have|i could|i might|me)\b(?:\s+\w+){0,3}?\s+(?:going to|will|want "
     r"to|plan(?:ning)? to|about to|thinking (?:about|of)|fantasi[sz]ing about|tempted to|could "
     r"(?:actually|really|seriously)|might|intend to|ready to|decided to|been planning to|urge "
     r"to|urges to|keep thinking about|think about|keep imagining|imagine|imagining|picture|picturing|"
     r"fantasi[sz]e about|dream about|daydream about|dreaming about|keep picturing|thoughts of|"
     r"thoughts about) (?:(?:just|really|actually|seriously|finally|go|come|and|literally|"
     r"fucking) ){0,2}(?:kill(?:ing)?|murder(?:ing)?|stab(?:bing)?|"
     r"shoot(?:ing)?|poison(?:ing)?|strangl(?:e|ing)|hurt(?:ing)?|harm(?:ing)?|attack(?:ing)?|"
     r"beat(?:ing)? up|burn(?:ing)?|run(?:ning)? over|chok(?:e|ing)|smother(?:ing)?|"
     r"drown(?:ing)?|push(?:ing)?|throw(?:ing)?|smash(?:ing)?|bash(?:ing)?|punch(?:ing)?) "
     r"(?:(?:up|all of|both of|one of|every one of|all) )?(?:him|her|them|people|whoever|anyone|"
     r"anybody|everyone who|the next person|"
     r"everyone|everybody|someone|somebody|"
     r"others|my (?:\w+ )?(?:boss|wife|husband|partner|boyfriend|girlfriend|ex|dad|father|mom|"
     r"mother|stepdad|stepfather|stepmom|brother|sister|son|daughter|baby|kids?|children|child|"
     r"neighbou?r|roommate|teacher|coworkers?|colleagues?|classmates?|family|friend|"
     r"manager)|the (?:\w+ )?(?:kids?|people|guy|girl|man|woman|students?|teachers?|baby))\b",
     True),
    ("harm_others_thoughts", _O, "moderate",
     r"\b(?:thoughts|urges|images) (?:of|about) (?:hurting|harming|killing|stabbing|drowning|"
     r"smothering) (?:my(?!self)|someone|people|others|him|her|them|the baby)|\b(?:scared|"
     r"afraid|worried|terrified) (?:that )?i (?:might|will|could|am going to) (?:\w+ )?(?:hurt|"
     r"harm|kill|shake) (?:my(?!self)|someone|people|him|her|them|the baby)", True),
    ("mass_violence", _O, "high",
     r"\bshoot(?:ing)? (?:up )?(?:my|the|a) (?:school|office|work|mall|church|mosque|synagogue|concert|"
     r"class)|\b(?:bring|take|bringing|taking) (?:a|my|dad's|the|my dad's) (?:gun|knife|weapon|"
     r"rifle|bomb) to (?:school|work|class|the office)|\bmake them (?:all )?pay\b[^.]{0,60}"
     r"(?:know where|live)|\bburn(?:ing)? down (?:his|her|their) house", True),
    # --- abuse and danger to the user ---
    ("violence_to_me", _A, "moderate",
     rf"\b{ACTOR} (?:\w+ ){{0,2}}?(?:hits|hit|beats|beat|punches|punched|kicks|kicked|slaps|"
     r"slapped|chokes|choked|strangles|strangled|shoves|shoved|pushes|pushed|burns|burned|"
     r"rapes|raped|molests|molested|abuses|abused|grabs|grabbed|drags|dragged|bites|attacks|"
     r"attacked|assaulted|assaults|throws|threw|starves|whips|whipped|stalks|stalked|threatens|"
     r"starve|starved|lock|whip|choke|kick|punch|slap|strangle|rape|molest|abuse|attack|"
     r"threaten|burn|beat up|beats up|beating|hitting|"
     r"threatened|pulled a (?:knife|gun) on|points? a (?:knife|gun) at|"
     r"touches|touched|spits on|forces|forced|hurts|hurt) (?:me|us|my (?:mom|mum|mother|kids?|"
     r"children|sister|brother|baby|son|daughter))\b(?! up| hard| in the feels| that| how| "
     r"so much| emotionally| with (?:his|her) words| deeply)", True),
    ("threat_to_me", _A, "high",
     rf"\b{ACTOR} (?:\w+ ){{0,2}}?(?:said|says|threatened|threatens|told me|keeps saying|swore)"
     r"(?: that)? (?:\w+ )?(?:would|will|is going to|going to|to) (?:kill|hurt|shoot|stab|"
     r"murder|beat|find and kill) (?:me|us|my)|\b(?:afraid|scared|terrified|frightened|worried)"
     r" (?:that )?(?:\w+ ){0,3}?(?:is going to|will|might|could|would) (?:kill|hurt|hit|beat|"
     r"find|shoot|stab|rape|attack) (?:me|us)\b|\b(?:scared|afraid|terrified) (?:for my life|to "
     rf"go home)|\b{ACTOR} (?:is|are) (?:hitting|beating|choking|hurting|attacking) me\b|"
     r"\b(?:says|said|threatens|threatened|swore|swears|screaming) (?:that )?(?:he|she|they) "
     r"(?:will|would|is going to|going to|is gonna) (?:kill|hurt|shoot|stab|murder) (?:me|us)\b|"
     r"\b(?:outside|at) (?:my|the) (?:door|window|house|room)\b[^.]{0,20}\bwith a (?:knife|gun|"
     r"weapon|bat|axe)",
     True),
    ("assaulted", _A, "high",
     r"\bi (?:was|got|have been|am being|had been|am|was being) (?:\w+ )?(?:raped|sexually "
     r"assaulted|assaulted|molested|abused|attacked|beaten(?: up)?|drugged|trafficked|"
     r"kidnapped|stabbed|shot|groomed|stalked|sexually abused)\b", True),
    ("unsafe", _A, "high",
     r"\bi (?:am|feel) not safe\b(?! (?:to drive|driving))|\bi do not feel safe (?:at home|with|"
     r"here|in my (?:own )?(?:house|home)|around)|\bnot safe (?:at|in) (?:my )?home", False),
    ("intrusion", _A, "high",
     r"\b(?:someone|somebody|a (?:man|guy|stranger|person)|he|they) (?:is|are) (?:trying to "
     r"(?:break|get) in(?:to)?|breaking in(?:to)?|outside my (?:door|house|window|apartment|"
     r"room)|following me|in my (?:house|apartment|room))|\bbeing followed\b|\bthere (?:is|are) "
     r"(?:(?:a|some|this|an) )?(?:\w+ )?(?:man|guy|person|stranger|car|someone|somebody|people|"
     r"men) (?:following"
     r"|outside|watching|trying to (?:get|break) in(?:to)?|banging on)\b|\b(?:break|"
     r"breaking|broke|has broken) into my (?:apartment|house|home|room|flat|car)", True),
    ("child_at_risk", _A, "high",
     r"\b(?:child|kid|baby|toddler|children|kids|student|niece|nephew|little (?:brother|sister)"
     r")\b[^.]{0,60}\b(?:has bruises|bruises all|burns on|being (?:abused|beaten|hit|hurt|"
     r"molested|neglected|starved)|is abused|abuse[ds]?\b|screaming|beaten|locked (?:in|up)|"
     r"starv\w+|no food|left alone for days|alone (?:all day|for days|for hours|overnight|all "
     r"night))|\b(?:leaves?|left|leaving) (?:their|the|a|his|her|my) (?:\w+ )?(?:baby|babies|child|"
     r"children|kids?|toddlers?|infant) alone\b|\b(?:someone|he|she|they) (?:is|are) (?:hurting|"
     r"abusing|beating|hitting|touching) (?:a|the|my|their|his|her) (?:child|kid|baby|children"
     r"|son|daughter)|\bchild (?:is )?(?:being )?abuse|\b(?:beating|hitting|abusing|hurting|"
     r"starving|molesting|burning|choking) (?:his|her|their|the|a|my|those) (?:\w+ )?(?:child|"
     r"children|kids?|baby|son|daughter|stepson|stepdaughter|toddler)", True),
    ("control", _A, "moderate",
     rf"\b{ACTOR} (?:\w+ ){{0,2}}?(?:will not|does not|do not) let me (?:leave|eat|go out|see "
     r"(?:my|anyone)|have (?:my )?(?:phone|money))|\b(?:locks|locked) me (?:in|up)\b|"
     rf"\b{ACTOR} (?:\w+ )?(?:took|takes|has taken) (?:away )?my (?:phone|passport|keys|money)"
     rf"|\b{ACTOR} (?:\w+ )?forces me to|\bforce[sd]? me to (?:have sex|do things|touch)|"
     r"no one will believe me", True),
    # --- medical emergency ---
    ("breathing", _M, "high",
     r"\b(?:i|he|she|they|my \w+|we|baby|child)\b(?:\s+\w+){0,2}?\s+(?:can not|is not|are not|"
     r"could not|stopped|struggling to|having trouble|not) (?:breathe|breathing)\b|"
     r"\bno pulse\b", False),
    ("unresponsive", _M, "high",
     r"\b(?:unconscious|unresponsive|is not responding|not responding|collapsed|turning blue|"
     r"lips (?:are )?(?:turning )?blue|(?:having|is having|has been having) a seizure|"
     r"seizing|convulsing|(?:can not|could not) wake (?:him|her|them) up|(?:he|she|they|my \w+)"
     r" (?:will not|does not|is not|would not) wak(?:e|ing) up)\b", False),
    ("cardiac_stroke", _M, "high",
     r"\b(?:i think i am|i am|i might be|i could be|he is|she is|they are|my \w+ is|i think "
     r"(?:he|she) is) (?:having|going into) (?:a )?(?:heart attack|stroke|cardiac arrest|"
     r"anaphylactic shock|anaphylaxis|allergic reaction|asthma attack|diabetic (?:coma|"
     r"emergency))|\b(?:severe |crushing )?chest pains?\b|\bmy chest (?:hurts|is tight|feels "
     r"tight|is crushing)|\b(?:face|mouth) (?:is )?drooping|\bslurred speech|\b(?:can not|could "
     r"not) (?:lift|move|feel) my (?:arm|leg)|\bthroat (?:is )?(?:swelling|closing)|"
     r"\barm is numb", True),
    ("bleeding", _M, "high",
     r"\b(?:bleeding|blood)\b(?:\s+\w+){0,2}?\s+(?:heavily|a lot|badly|everywhere|will not "
     r"stop|is not stopping|does not stop|so much)|\bwill not stop bleeding|\blost a lot of "
     r"blood|\bbleeding (?:out|heavily)\b", True),
    ("poisoning", _M, "high",
     r"\b(?:i|he|she|they|my \w+)\b(?:\s+\w+){0,2}?\s+(?:drank|swallowed|ate|took|ingested|"
     r"inhaled|drunk) (?:some |a lot of |the |a bottle of |a cup of |an? )?(?:button )?(?:bleach|"
     r"antifreeze|"
     r"anti freeze|rat poison|poison|pesticide|weed killer|drain cleaner|batteries|battery|"
     r"detergent pods?|cleaning (?:product|fluid)|lighter fluid|gasoline|petrol)\b|"
     rf"\btook too (?:many|much) (?:of )?(?:\w+ )?{PILLS}", True),
    # --- third party at risk ---
    ("third_party_said", _T, "moderate",
     rf"\b{PERSON}\b[^.?!]{{0,40}}?\b(?:said|says|told me|tells me|texted|posted|messaged|wrote|"
     r"keeps (?:saying|talking about)|is threatening|threatened|threatens|threatening|wants|"
     r"is going to|plans?|planning|is planning|talking about|talks about|talked about|mentioned|"
     r"has been (?:saying|talking about)|is thinking (?:about|of)|thinks about|is considering|"
     r"is about to|will)\b[^.?!]{0,60}?\b(?:kill(?:ing)? (?:" + OTHER_SELF + r")|"
     r"(?:to|going to|gonna|will|wants to) end (?:it|it all|everything)\b(?! with)|end(?:ing)? "
     r"(?:his|her|their) (?:own )?life|take (?:his|her|their) (?:own )?life|commit suicide|suicide|die\b|"
     r"be dead|jump\b|overdose|hurt(?:ing)? (?:" + OTHER_SELF + r")|cut(?:ting)? (?:" +
     OTHER_SELF + r")|not (?:be )?(?:here|around) (?:much longer|anymore|tomorrow)|hang (?:" +
     OTHER_SELF + r")|shoot (?:" + OTHER_SELF + r")|better off (?:dead|without (?:him|her|"
     r"them)|if (?:he|she|they) (?:was|were) (?:dead|gone))|(?:he|she|they) (?:was|were) dead|"
     r"feel(?:s|ing)? suicidal|"
     r"goodbye|take all (?:his|her|their) pills|use (?:it|them|the \w+|a \w+) on (?:" + OTHER_SELF
     + r"))", True),
    ("third_party_not_live", _T, "moderate",
     rf"\b{PERSON}\b[^.?!]{{0,40}}?\b(?:(?:does|do|did) not|no longer|never) (?:really )?(?:want"
     r"s?|wish(?:es)?|care) to (?:live|be alive|exist|wake up|go on|be here|keep living)\b|"
     rf"\b{PERSON}\b[^.?!]{{0,40}}?\b(?:is|was|are|has been) (?:done|tired|sick|exhausted|weary) "
     r"(?:of|with) "
     r"(?:living|life|being alive)", False),
    ("third_party_state", _T, "moderate",
     rf"\b{PERSON}\b (?:is|has been|seems|became|was|sounds|feels) (?:\w+ )?suicidal\b|"
     rf"\b{PERSON}\b[^.?!]{{0,40}}?(?:has been|is|keeps|started|been) (?:cutting|harming|"
     r"hurting|burning) (?:" + OTHER_SELF + r")|"
     rf"\b{PERSON}\b[^.?!]{{0,40}}?\b(?:cuts|burns|harms|hurts|starves|scratches) "
     r"(?:" + OTHER_SELF + r")", True),
    ("third_party_act", _T, "high",
     rf"\b{PERSON}\b[^.?!]{{0,30}}?\b(?:took|swallowed|overdosed|has taken|just took|drank) "
     rf"(?:\w+ ){{0,3}}?(?:pills|tablets|overdose|bunch|lot|bottle|all|bleach|poison)|"
     rf"\b{PERSON}\b[^.?!]{{0,30}}?\b(?:tried|attempted|is trying) (?:to )?(?:kill|suicide|end|"
     rf""
     rf"hang|overdose|jump)|\b{PERSON}\b[^.?!]{{0,30}}?\b(?:is|are) (?:on|at) (?:the |a |an |this |"
     rf"that )?(?:bridge|"
     rf"roof|ledge|edge|tracks)|\b{PERSON}\b[^.?!]{{0,30}}?\b(?:cut|burned|hurt|harmed|stabbed|"
     r"shot|hanged|hung|poisoned|strangled) (?:" + OTHER_SELF + r")|"
     rf"\b{PERSON}\b[^.?!]{{0,40}}?\bposted (?:a |an )?(?:goodbye|"
     r"suicide|farewell) (?:message|note|letter|post|video)|\b(?:he|she|they) (?:is|are) on the "
     r"(?:bridge|ledge|roof)\b[^.]{0,20}(?:jump|going to)|\b(?:says|said|told me|texted|"
     r"messaged) (?:that )?(?:he|she|they) (?:has |have |had |just )?(?:taken|took|swallowed|"
     r"overdosed|drank) (?:\w+ ){0,3}?(?:pills|tablets|overdose|bottle|bleach|poison)", True),
    # --- generalised families (added after the red-team set A) ---
    # Finality: a statement that only makes sense about not surviving.
    ("finality", _S, "high",
     r"\bwhoever finds (?:me|my body|this)\b|\bfind my body\b|\b(?:make|making) it look like an "
     r"accident\b|\b(?:it|this|that) (?:will|would|is going to|should) look like an accident\b|"
     r"\b(?:want|wanted|wants|need|needs|make|made) (?:it|this|my death) (?:to )?look like an "
     r"accident\b|\b(?:my |the )?life insurance (?:covers|pays out on|will pay|pays) (?:it|"
     r"suicide)\b|"
     r"\b(?:want|need|going) (?:it|this|today|tonight) to be the (?:last|final) time\b|"
     r"\b(?:after|once|when) i (?:send|post|finish|hit send on) (?:this|typing|writing this)\b[^.]"
     r"{0,40}\b(?:i am|i will|going to|taking|jump|do it|end)|\bby the time (?:you|anyone|someone|"
     r"somebody|they) (?:reads?|sees?|gets?|finds?) this\b|"
     r"\b(?:settled on|decided on|chosen|chose|going with|picked|opted for) (?:jumping|hanging|an "
     r"overdose|overdosing|the pills|pills|drowning|the gun|shooting myself|the bridge|the train|"
     r"the rope|carbon monoxide|the car)\b|"
     r"\b(?:the |my )?plan is (?:set|ready|made|final|in place|done|decided)\b(?=[^\n]{0,120}\b(?:"
     r"bridge|pills|tablets|rope|noose|gun|shotgun|pistol|jump\w*|roof|tracks|train|cliff|note|"
     r"goodbye|overdose|overpass|ledge)\b)|"
     r"\b(?:made (?:my|the|a) (?:final )?decision|made up my mind|my mind is made up|i have decided)"
     r"\b[^\n]{0,100}\b(?:bridge|overpass|roof|pills|rope|noose|gun|tracks|train|cliff|ledge|"
     r"overdose|jump\w*)\b|"
     r"\b(?:family|kids|children|wife|husband|mom|mum|mother|dad|parents|they) (?:will |can |could )?"
     r"(?:get|gets|collect|collects|have|has) (?:the|my) (?:life )?insurance\b", True),
    # "...drive up to the lake and not come back": counted only with distress, a means or a
    # time in the message (see layer._filter_hits).
    ("no_return", _S, "high",
     r"\b(?:go|going|drive|driving|walk|walking|head|heading|leave|leaving|swim|swimming|sail|"
     r"hike|hiking|go out)\b[^.!?]{0,50}?\b(?:and )?(?:not|never) (?:come|coming|be coming|go|"
     r"going|get|getting|came) (?:back|home)\b(?! (?:until|till|before|for (?:a|the|two|three|\d)|"
     r"tonight|today|on time|early))|\b(?:leave|leaving|go|going|disappear|be gone|gone)\b "
     r"(?:\w+ )?(?:for good|forever)\b|\bi (?:will|am going to) be gone (?:by|before|soon|tonight|"
     r"tomorrow|this)\b", True),
    ("no_return_wish", _S, "low",
     r"\b(?:what if i|i could|i might|i wish i could|i want to) (?:just )?(?:did not|do not|never|"
     r"not) (?:come|came) back (?:from|home)\b|\b(?:want|wish|wanted|need|going) to (?:go|drive|"
     r"walk|leave|run|disappear|get|swim) (?:\w+ ){0,3}?(?:and )?(?:never|not) (?:come|coming) "
     r"back\b(?! (?:until|till|before|for (?:a|the|two|three|\d)))|\b(?:step|stepping|walk|walking|"
     r"cross|crossing) (?:out )?(?:into|onto|across) (?:the )?(?:road|street|traffic) without "
     r"looking\b[^.]{0,30}\b(?:hope|hoping|wish|and)\b|\b(?:make sure|promise me|please) (?:\w+ )"
     r"{0,3}?my (?:dog|cat|pets?|kids|children|plants|fish|rabbit|hamster) (?:gets?|is|are|will be) "
     r"(?:a good home|looked after|taken care of|rehomed|okay|ok)\b", True),
    # A suicide-specific means, possessed or at hand, with a time, "do it" or a goodbye.
    ("means_plan", _S, "high",
     r"\bi (?:\w+ ){0,2}(?:have|got|bought|ordered|own|loaded|found|picked up|picked|hid|hidden|keep|"
     rf"took|stole)\b[^.]{{0,30}}\b{MEANS_STRONG}\b[^\n]{{0,120}}?\b(?:{TIME}|do it|end it|go "
     r"through with it|use it|this (?:weekend|week|time)|not come back|last time|goodbye|for "
     r"myself|on myself|for me)\b|"
     rf"\b{MEANS_STRONG}\b[^.]{{0,40}}\bin (?:my|the) (?:bag|backpack|car|trunk|glovebox|glove box|pocket|"
     r"lap|hand|drawer|closet|room|locker)\b[^\n]{0,80}\b(?:do it|end it|going to|will|tonight|"
     r"today|tomorrow|after)\b|"
     r"\b(?:i will|i am going to|going to|i am gonna|i plan to) use (?:my |the |a |his |her |"
     rf"(?:my )?\w+'?s? )?(?:\w+ )?{MEANS_STRONG}\b(?! (?:to|for|at|in the (?:range|woods for))"
     r"\b)|"
     r"\bcharcoal\b[^.]{0,40}\b(?:car|tape|taped|tent|bathroom|bedroom|sealed|windows|grill "
     r"inside)\b|\b(?:bath|bathtub|tub)\b[^.]{0,40}\b(?:toaster|hair ?dryer|radio|heater|"
     r"straightener)\b|\b(?:toaster|hair ?dryer|radio|heater)\b[^.]{0,40}\b(?:bath|bathtub|"
     r"tub)\b", True),
    # Ingestion generalised: a container or "way more" of anything that is not food or drink.
    ("ingested_any", _S, "high",
     r"\bi (?:\w+ ){0,2}(?:took|swallowed|downed|popped|ate|chewed|injected|shot up|have taken|"
     r"snorted|used(?! to\b)|drank)\b(?:\s+\S+){0,3}?\s+(?:(?:a|an|the|my|one|two|three|\d+|half an?|"
     r"the rest of (?:the|my)) )?(?:whole |entire |full )?(?:bottles?|box(?:es)?|packs?|packets?|"
     r"strips?|blister packs?|handful|fistful|bunch|load|tubs?|jars?|vials?|pens?|cartons?|"
     r"prescriptions?|supply|stash|stock)"
     rf"(?: of)? (?!of\b)(?!{FOOD_DRINK}\b|(?:my |the |some |a )?{FOOD_DRINK}\b)(?:\w+)|"
     r"\bi (?:\w+ ){0,2}(?:mixed|combined) (?:all |a bunch of |every )?(?:of )?(?:my |the )?(?:pills|"
     r"meds|medications?|tablets|prescriptions?|drugs)\b|"
     r"\bi (?:\w+ ){0,2}(?:took|swallowed|injected|used(?! to\b)|did|shot up|snorted|drank|ate|"
     r"overdosed"
     r"(?: on)?)\b[^.]{0,50}\b(?:on purpose|deliberately|intentionally|so i (?:would|will|could) "
     r"not wake up|to (?:die|end it|not wake up))\b|"
     r"\bi (?:\w+ ){0,2}(?:took|injected|used(?! to\b)|did|shot up|snorted) (?:way |a lot |much )?"
     r"more "
     r"than (?:usual|normal|i ever have|ever|my usual)\b[^.]{0,60}\b(?:purpose|last time|do not "
     r"care|want|die|wake)", True),
    # Hidden or euphemistic self-harm.
    ("self_harm_hidden", _H, "moderate",
     r"\b(?:the|my) (?:thing|stuff) with (?:the |my )?(?:blade|razor|sharpener|compass|lighter)\b|"
     r"\b(?:blade|razor|sharpener) (?:again|last night|tonight|today)\b|"
     r"\b(?:cat scratch(?:es)?|make up (?:a |another |an )?(?:story|excuse|lie))\b[^.]{0,40}"
     r"\b(?:arms?|wrists?|legs?|thighs?|cuts|scars|marks|burns)\b|"
     r"\b(?:story|excuse|lie|explain\w*)\b[^.]{0,20}\b(?:for|about) (?:the |my )?(?:cuts|scars|"
     r"marks|burns) on my|\brelaps\w*\b[^.]{0,60}\b(?:hoodie|long sleeves|sleeves|bandages?|"
     r"plasters?|cover (?:it|them|my arms|up)|hide (?:it|them|my arms))|\b(?:use|used|using|take|"
     r"took|press\w*|drag\w*|run|ran)\b[^.]{0,40}\b(?:compass|blade|razor|sharpener|scissors|"
     r"lighter|safety pin|pin|needle|glass|scalpel|knife)\b[^.]{0,30}\b(?:on|across|into|"
     r"against) my (?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|hands?)\b", True),
    # Passive wish phrased as indifference.
    ("indifferent_death", _S, "low",
     r"\b(?:would not|will not|do not|would never) (?:really )?(?:mind|care) if (?:i (?:\w+ )?(?:died|"
     r"did not wake up|never woke up|got hit|was gone|were gone|got killed|disappeared|was dead|"
     r"crashed|drowned)|the (?:plane|car|bus|train|ship|boat) (?:crashed|crashes|went down|hit me)"
     r"|(?:a|some) (?:car|bus|truck|train) (?:hit|hits|ran over|runs over) me|something "
     r"(?:killed|kills|happened to|happens to) me|i (?:\w+ )?(?:died|stopped existing))|"
     r"\bif i (?:died|do not wake up|did not wake up|never woke up|was gone|were gone|got hit by "
     r"\w+ \w+)(?: tomorrow| tonight| today| in my sleep)?,? (?:i would|i will|that would|it "
     r"would|that is|it is|i am|i would honestly) (?:\w+ )?(?:be )?(?:ok|okay|fine|alright|good|"
     r"at peace|relieved|happy|a relief)\b", False),
    # "Everyone would be fine without me", "the world would keep spinning without me".
    ("without_me", _S, "low",
     r"\b(?:everyone|everybody|the world|my family|my friends|my kids|my parents|people|they all|"
     r"they|the kids|nobody|no one|my (?:wife|husband|partner|mom|mum|dad))(?: else)?(?:'s lives)? "
     r"(?:would|will|could|might)(?: all| just| totally| probably| honestly)? (?:be )?(?:fine|ok|"
     r"okay|better|happier|easier|good|great|relieved|lighter|better off|move on|keep (?:going|"
     r"spinning|turning)|not (?:even )?notice|not care|manage|do fine|carry on|go on|thrive|"
     r"get over it|be fine)\b[^.]{0,20}\b(?:without me|with me gone|once i am gone|when i am "
     r"gone|if i (?:was|were) (?:gone|not here|not around|dead))", False),
    # Grooming / online exploitation of a minor.
    ("grooming", _A, "high",
     r"\b(?:man|guy|adult|older \w+|stranger|someone|somebody|person|dude)\b[^\n]{0,40}\b(?:online"
     r"|on (?:discord|snapchat|snap|instagram|insta|roblox|minecraft|fortnite|a game|tiktok|an app|"
     r"whatsapp|telegram))\b[^\n]{0,40}\b(?:asking|asks|asked|wants|begging|pressur\w*|keeps "
     r"asking) (?:me )?(?:for|to send|to take) (?:\w+ )?(?:pics|pictures|photos|nudes|videos|"
     r"selfies)|\bi am (?:1[0-7]|[89]|eleven|twelve|thirteen|fourteen|fifteen|sixteen)\b[^\n]{0,80}"
     r"\b(?:man|guy|adult|older|stranger|teacher|coach|uncle)\b[^\n]{0,60}\b(?:pics|pictures|"
     r"photos|nudes|videos|meet (?:up|him|her)|secret)|"
     r"\b(?:older|adult|grown|\d\d ?(?:year old|yo|y/o)) (?:guy|man|men|woman|person|dude|"
     r"stranger|friend)\b[^\n]{0,80}\b(?:meet|send (?:him |her )?(?:pics|pictures|photos|nudes|"
     r"videos)|keep (?:it |this )?(?:a )?secret|not (?:to )?tell (?:my |anyone|anybody|my)|our "
     r"(?:little )?secret|come (?:to|over to) (?:his|her) (?:house|place|apartment))|"
     r"\b(?:guy|man|someone|somebody|person|stranger|dude)\b(?: i (?:met|know|talk to))? "
     r"(?:online|on (?:discord|snapchat|snap|instagram|insta|roblox|minecraft|fortnite|a game|"
     r"tiktok|an app|omegle|whatsapp))\b[^\n]{0,80}\b(?:meet|send (?:him |her )?(?:pics|pictures|"
     r"photos|nudes|videos)|keep (?:it |this )?(?:a )?secret|not (?:to )?tell|our (?:little )?"
     r"secret)", True),
    # Harm to others: an explicit act on a head or face, "make him pay" with an address.
    ("harm_others_act", _O, "moderate",
     r"\b(?:going to|will|gonna|want to|about to|am going to)\b (?:\w+ )?run (?:him|her|them|my "
     r"\w+) (?:over|down)\b|\b(?:going to|will|gonna|want to|about to|am going to)\b (?:\w+ )?"
     r"(?:smash|bash|cave|kick|"
     r"break|crack|split|blow|slit|cut) (?:his|her|their|(?:my )?\w+'s) (?:\w+ )?(?:head|face|skull|"
     r"teeth|neck|throat|brains?)(?: in| off| open)?\b|\b(?:going to|will|gonna|want to|about to)"
     r" (?:\w+ )?burn (?:my |the |his |her |their )?(?:\w+'?s? )?(?:house|flat|home|car|apartment|"
     r"school|office|shop) down\b|\bmake (?:him|her|them|my \w+|that \w+) "
     r"(?:all )?pay\b[^.]{0,60}\b(?:know where|live|address|find (?:him|her|them))", True),
    # Medical emergencies from symptom combinations.
    ("medical_combo", _M, "high",
     r"\b(?:hit|banged|bumped|smashed) (?:his|her|their|my) head\b[^.]{0,60}\b(?:confused|"
     r"bleeding|vomit\w*|throwing up|unconscious|passed out|not making sense|can not remember|"
     r"drowsy|slurr\w*)|\b(?:passed out|unconscious|blacked out)\b[^.]{0,40}\b(?:vomit\w*|"
     r"throwing up|puking|choking)|\b(?:vomit\w*|throwing up|puking)\b[^.]{0,40}\b(?:passed "
     r"out|unconscious|blacked out)|\b(?:blood )?sugar (?:is |level is |reading is |of )?"
     r"(?:\d\d\b|very low|really low|super low|dropping)[^.]{0,50}\b(?:shaking|confused|sweat\w*|"
     r"dizzy|can not think|passing out|fainting)|\b(?:is|am|are) (?:very |really )?confused and "
     r"(?:bleeding|slurring|vomiting|can not (?:stand|walk|talk))", False),
    # --- lethal means and method information ---
    ("lethality", _L, "moderate",
     r"\b(?:lethal|fatal|deadly|toxic|killing|overdose|od) (?:dose|amount|quantity|level|"
     r"threshold)s?\b|\bhow (?:many|much)\b[^.?!]{0,60}?\b(?:to|would|will|does it take to|"
     r"is enough to|could|can|it takes to|before|until)\b(?:\s+\w+){0,3}?\s+(?:kill|die|"
     r"overdose|od|be fatal|be lethal|be deadly|stop (?:(?:a|my|your|the|someone'?s?) )?(?:heart|"
     r"breathing)|not (?:to )?wake up|never wake up|be too "
     r"many|be too much|destroy|shut down|end it|be an overdose)|\bhow (?:many|much)\b[^.?!]{0,60}?"
     r"\b(?:is|are|would be|will be) (?:deadly|lethal|fatal|(?:too many|too much)(?! (?:in|for|on) "
     r"(?:a|an|the|my|your|this|that|one) (?:(?!(?:\d+ ?kg |grown |small |young )?(?:person|"
     r"human|adult|man|woman|child|kid|baby|toddler|teen\w*|body|liver|kidneys?|stomach|heart|"
     r"brain|weight|age|size|system|someone|me)\b)\w+))|an overdose)|"
     r"\b(?:enough|too many|too much)\b[^.?!]{0,30}\bto (?:kill|die|overdose|end it|not wake)|"
     r"\b(?:amount|dose|dosage|quantity|number|how (?:much|many))\b[^.?!]{0,40}\b(?:is|are|would "
     r"be|will be|becomes?|that is|that are|that would be) (?:lethal|fatal|deadly|enough to (?:kill"
     r"|die))|\b(?:lethal|fatal|deadly) (?:amount|dose|dosage|quantity|number) of\b|"
     rf"\bhow (?:deep|hard|long)\b[^.?!]{{0,40}}\b(?:cut|slit|slash|stab)\b(?! {CUT_NOT_SELF}|"
     rf"(?: \w+){{0,4}}? (?:in|into|through|of|on) (?:the|a|an|some) (?:\w+ )?{CUT_OBJECT}\b)|"
     r"\b(?:hit|sever|reach|find) (?:an|the|a) (?:artery|vein)|"
     r"\b(?:would|will|could|can|does|do|is|are) (?:\d+|a "
     r"(?:whole )?bottle of|a (?:handful|bunch) of|all (?:my|the|of my)) (?:\w+ ){0,2}?(?:kill|be "
     r"fatal|be lethal|be enough)|\b(?:which|what) (?:overdose|method|way|pills?|drug)\b[^.?!]"
     r"{0,30}\b(?:least painful|most painless|painless|quickest|fastest|easiest|surest)|"
     r"\b(?:quickest|fastest|easiest|most painless|painless|least painful|peaceful) (?:\w+ )?"
     r"(?:death|suicide|way out)\b|"
     r"\b(?:dose|dosage|amount|quantity|how (?:much|many))\b[^.?!]{0,40}\b(?:kills?|would kill|"
     r"will kill|can kill|could kill)\b(?! (?:bacteria|germs|mold|mould|weeds|pests|bugs|lice|"
     r"fleas|yeast|viruses?))|\b(?:which|what) (?:pills?|medications?|meds|drugs?|tablets?) "
     r"(?:are|is) (?:the )?(?:deadliest|most (?:lethal|deadly|dangerous))|"
     r"\b(?:painless|painlessly|quick|quickest|fastest|easiest|easy|surest|best|most effective|"
     r"least painful|peaceful|reliable|cleanest|simplest|most reliable|quietest) (?:way|ways|"
     r"method|methods) (?:to|of) (?:die|dying|kill (?:myself|yourself|oneself|someone|a person|"
     r"themselves)|commit(?:ting)? suicide|suicide|end (?:it|my life|your life|one's life|"
     r"things)|go\b|overdose)|\b(?:best|most effective|most common|painless|easy|quick|"
     r"reliable) suicide methods?|\bsuicide methods?\b|"
     r"\bhow (?:do you|do i|to|can i|would you|would someone|does one|does someone|could i|"
     r"should i)\b (?:\w+ )?(?:tie a noose|hang (?:myself|yourself|oneself|someone|yourself)|"
     rf"overdose(?!{OD_COMPOUND})|od\b|kill (?:myself|yourself|oneself|themselves)|slit|"
     r"commit suicide|suffocate|"
     r"drown (?:myself|yourself)|bleed out)|\bhow long (?:does|would|will|did) it take (?:\w+ )?to (?:die|"
     r"bleed out|"
     r"suffocate|drown|lose consciousness|pass out|stop breathing)|"
     r"\b(?:drowning|hanging|jumping|overdosing|an overdose|bleeding out|suffocating) (?:would|"
     r"will|does|is going to|might) (?:hurt|be painful|be quick|be painless)|"
     r"\b(?:does|would|will|is) (?:drowning|hanging|jumping|overdosing|an overdose|bleeding out|"
     r"suffocation|suffocating|being hit by a train|slitting) (?:hurt|painful|quick|painless)|"
     r"\bcan (?:you|i|someone|a person) die (?:from|of|by) (?:taking |swallowing |drinking |"
     r"eating )?(?:too many|too much|a (?:whole|full) bottle|\d+|all|an overdose)|"
     r"\bcan (?:\d+|too many|a bottle of) \w+ kill (?:you|me|someone)|\bwould \d+ \w+ (?:be "
     r"enough to )?kill|\bwhat (?:pills|medications?|meds|drugs|chemicals|household \w+|poisons?)"
     r" (?:can|could|will|would|are) (?:kill|deadly|lethal|fatal)|\b(?:which|what) \w+ (?:\w+ )?"
     r"(?:are|is) (?:deadly|lethal|fatal) (?:if|when) (?:you )?(?:swallow|drink|take|eat|mix)|"
     r"\bhow (?:high|tall|far up)\b[^.?!]{0,60}(?:fatal|lethal|kill|die|deadly|survive|make sure|"
     r"be sure|for sure|be certain|guarantee|not wake)|\b(?:fall|"
     r"jump) from "
     r"(?:what|which) height|\bsurvive a (?:fall|jump) from|"
     r"\b(?:what|which|how much) height\b[^.?!]{0,40}\b(?:jump|fall|drop)|\b(?:how (?:high|tall|"
     r"far)|how many (?:floors|stories|storeys|meters|metres|feet))\b[^.?!]{0,40}\b(?:jump|fall|"
     r"drop)\b[^.?!]{0,30}\b(?:sure|die|fatal|lethal|kill|survive|guarantee|enough|certain|"
     r"instant|dead)|\bwhich is (?:quicker|faster|more "
     r"painless|less painful|more effective|better|more reliable)\b[^.?!]{0,30}\b(?:pills|"
     r"hanging|jumping|gun|overdose|drowning|cutting)|\boverdose on \w+ (?:and|to) die|\bdie "
     r"from (?:an )?overdose|\bbest (?:\w+ )?(?:bridge|building|place|spot|height|roof)\b"
     r"[^.?!]{0,20}\b(?:for|to) (?:jump|jumping)|\b(?:bridges?|buildings?|roofs?|cliffs?|"
     r"heights?)\b[^.?!]{0,40}\bbest (?:for|to) (?:jump|jumping)|\b(?:method|way)\b[^.?!]{0,40}\b(?:to|"
     r"would "
     r"use to|used to) (?:hang|kill|overdose|suffocate|drown) (?:him|her|them|your|my|one)sel\w*|"
     r"\b(?:destroy|shut down|stop) (?:my|your|"
     r"the) (?:liver|heart|kidneys) for sure|\bhow to (?:tie a noose|make a noose)", False),
    ("means_access", _L, "moderate",  # only fires with distress in the conversation
     r"\b(?:where|how) (?:can|could|do|to|would) (?:i |you |someone )?(?:quickly )?(?:buy|get|"
     r"find|obtain|purchase|get hold of|order) (?:a |some |enough )?(?:gun|firearm|pistol|"
     r"handgun|rope|noose|sleeping pills|barbiturates|pentobarbital|nembutal|helium|cyanide|"
     r"poison|pills|opioids|fentanyl|exit bag|carbon monoxide)|"
     r"\b(?:tallest|highest) (?:\w+ )?(?:bridges?|buildings?|cliffs?|roofs?|rooftops?|parking "
     r"(?:garages?|structures?|decks?)|towers?|car parks?)|"
     # seventeenth round: a parking deck, windows that open high up, the strongest poison
     r"\b(?:which|what) floors? (?:\w+ ){0,5}(?:have|has|with) windows? (?:that )?(?:actually |still )?"
     r"open\b|\b(?:strongest|most (?:toxic|lethal|deadly|poisonous)) (?:\w+ )?(?:pesticides?|"
     r"poisons?|weed ?killers?|rat poisons?|insecticides?|herbicides?)\b|\b(?:pesticides?|poisons?|"
     r"weed ?killers?|rat poisons?|insecticides?) (?:is|are) (?:the )?(?:strongest|most (?:toxic|"
     r"lethal|deadly))\b|\b(?:bridges?|buildings?|cliffs?|roofs?|"
     r"towers?|car parks?|garages?)\b[^.?!]{0,30}?\b(?:taller|higher|over|above) (?:than )?\d+|"
     r"\broof access\b|\bhow (?:tall|high|deep|cold) is (?:the |that )?(?:\w+ ){0,3}(?:bridge|"
     r"building|cliff|tower|dam|river|waterfall|gorge|canyon)\b|\b(?:heading|going|walking|"
     r"driving|on my way) to (?:the )?(?:bridge|cliff|tracks|railway|roof|river|dam)\b|\b(?:bridges?|"
     r"buildings?|cliffs?|roofs?|towers?|car parks?|parking "
     r"(?:garages?|structures?|decks?))\b[^.?!]{0,30}\b(?:highest|tallest)\b|\b(?:train|subway) (?:times|"
     r"schedule)\b[^.]{0,30}(?:fast|express|does "
     r"not stop)|\bhow (?:tall|high) is (?:the|that) (?:\w+ )?(?:bridge|building|cliff)", False),
    # Questions about a means (height, depth, amount, "what happens if I take..."): counted
    # only with distress or a first-person reason in the message or the conversation.
    ("means_question", _L, "moderate",
     r"\bhow (?:high|tall|deep|far down|far up|cold|many (?:floors|stories|storeys|meters|metres|"
     r"feet))\b[^.?!]{0,60}\b(?:bridges?|buildings?|floors?|roofs?|cliffs?|water|river|fall|drop|"
     r"jump|balcony|towers?|parking|dam|sea|lake)\b|"
     r"\bwhat (?:happens|would happen|will happen) if (?:you|i|someone|a person|u) (?:\w+ )?"
     r"(?:take|took|swallow|drink|inject|mix|jump|overdose|od)\b|"
     r"\b(?:is|would|will) (?:jumping|falling|(?:a|the|that) (?:fall|drop|jump|height))\b[^.?!]"
     r"{0,40}\benough\b|"
     r"\b(?:jumping|falling|a fall|a jump) (?:from|off) (?:the |a )?(?:\d+\w*|top) (?:floor|story|"
     r"storey|meters|metres|feet|m)\b|"
     rf"\bhow (?:much|many)\b[^.?!]{{0,40}}\b(?:{PILLS}|pills|tablets|meds|insulin|sleeping pills)"
     r"\b[^.?!]{0,40}\b(?:would|will|does it|do i|to|before|until|too)\b|"
     rf"\b(?:can|could) (?:you|i|someone|a person) (?:die|overdose|od) (?:from|on|of)\b|"
     r"\bhow much blood\b[^.?!]{0,30}\b(?:lose|loss|bleed|lost)\b|\bhow fast\b[^.?!]{0,30}"
     r"\b(?:trains?|freight|express|trucks?|lorries|buses)\b[^.?!]{0,40}\b(?:go|going|pass|run|"
     r"travel|come)\b", False),
    # --- families added after red-team set B and a second writer's set (general forms) ---
    # Named suicidal thoughts in any wording ("the ctb thoughts are getting specific").
    ("suicide_thoughts", _S, "low",
     r"\b(?:the|these|my|those|having|have|had|get|getting) (?:\w+ )?(?:suicide|suicidal) "
     r"(?:thoughts|ideation|urges|plans?|feelings)\b", True),
    # Means questions about damage or danger, not only "lethal": counted with a reason, like
    # means_question (layer._NEEDS_CONTEXT).
    ("means_danger", _L, "moderate",
     r"\bhow (?:much|many)\b[^.?!]{0,50}\b(?:to|does it take to|would it take to|before it|until "
     r"it)\b[^.?!]{0,10}\b(?:wreck|destroy|damage|fry|ruin|shut down|stop|kill|fail) (?:my|your|"
     r"the|a|someone'?s?|one'?s) (?:liver|kidneys?|heart|brain|organs)|\b(?:most|more|really) "
     r"(?:dangerous|deadly|toxic|lethal|harmful)\b[^.?!]{0,20}\b(?:in|at|with) (?:big|large|"
     r"high|huge|massive) (?:doses|amounts|quantities)|\b(?:chemicals|products|cleaners|things)"
     r"\b[^.?!]{0,30}\b(?:make|makes|create|creates|produce|give off) (?:a |an )?(?:toxic|"
     r"poisonous|deadly|lethal) (?:gas|fumes)|\b(?:strongest|best|thickest) (?:\w+ )?(?:rope|cord"
     r"|belt)\b[^.?!]{0,30}\b(?:hold|support|take) (?:a |the )?(?:person|someone|body|human|my|"
     r"a grown|an adult)|\bwhere (?:on|in|are|is) (?:the |my |your )?(?:arm|wrist|neck|leg|thigh|"
     r"body)?\b[^.?!]{0,30}\b(?:big |main |major |large )?(?:vessels|veins|arteries|artery)\b"
     r"[^.?!]{0,30}\b(?:closest|nearest|near|under|close) (?:to )?(?:the )?skin", False),
    # Self-punishment by not eating, hair pulling on purpose.
    ("self_punish", _H, "low",
     r"\b(?:do not|did not|never) (?:deserve|earn(?:ed)?) (?:food|to eat|dinner|meals?)\b|"
     r"\b(?:have not|not|never|did not) let (?:myself|me) eat\b[^.]{0,40}\b(?:days?|deserve|"
     r"punish\w*)|\bpull(?:ing|ed)? (?:out )?my hair (?:out )?(?:in chunks|on purpose|until it "
     r"bleeds|as punishment)", False),
    # Coercive control, trafficking, stalking, sexual coercion.
    ("coercion", _A, "high",
     r"\b(?:takes|took|keeps|has taken|have taken|kept|holds|is holding) (?:all )?(?:of )?(?:my|"
     r"our) (?:whole |entire )?(?:paycheck|wages|salary|passports?|papers|documents|id cards?)"
     r"\b|\b(?:keeps|kept|has been|is) (?:showing up|turning up|waiting) (?:at|outside) my (?:job|"
     r"work|house|home|school|flat|apartment|door|car)|\bi am watching you\b|\bpay (?:the |my )?"
     r"(?:rent |it |him |her )?(?:in )?(?:another|some other|a different) way\b|\bletting "
     r"(?:him|her|them)sel(?:f|ves) in(?:to)? my\b|\bfor no pay\b[^.]{0,60}\b(?:leave|passport|"
     r"immigration|police|lock)|\b(?:call|report me to|threatens? (?:to call|with)) "
     r"(?:immigration|ice|the border)\b[^.]{0,30}\b(?:if (?:i|we) (?:leave|quit|tell|go))|"
     rf"\b{ACTOR} (?:\w+ ){{0,2}}?(?:makes|made|forces|forced|orders|ordered) me (?:to )?(?:kneel|"
     r"stand|sleep|strip|beg|eat|stay|sit) (?:\w+ ){0,3}?(?:on|in|outside|for|until|without)\b",
     True),
    # Medical red flags of any cause.
    ("medical_flags", _M, "high",
     r"\b(?:can not|could not|is not able to|unable to) (?:move|feel) (?:his|her|their|my) (?:legs"
     r"|arms|neck|body|left side|right side)\b|\b(?:fever|temperature) (?:of|is|at) (?:4[0-2]"
     r"(?:\.\d)?|10[4-7])\b[^.]{0,60}\b(?:floppy|limp|not waking|will not wake|rash|stiff neck|"
     r"seizure|fitting|purple|blue)|\b(?:swallowed|ate|has eaten|swallow) (?:a |some |two |\d+ )?"
     r"(?:button |watch |coin )?(?:batter(?:y|ies)|magnets?)\b|\b(?:face|tongue|lips|throat|"
     r"mouth)\b[^.]{0,25}\b(?:swelling up|swelling fast|swelling|swollen|closing up|closing)\b"
     r"(?=[^\n]{0,80}\b(?:stung|sting|allergic|allergy|peanuts?|nuts|shellfish|epipen|hives|"
     r"can not breathe|fast|ate|bee|wasp)\b)", False),
    # Harm to others with a date or a list.
    ("harm_others_plan", _O, "moderate",
     r"\b(?:going to|will|gonna|about to|plan to|want to) make (?:\w+ ){0,6}?pay\b[^.]{0,40}"
     r"(?:\b(?:they will see|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
     r"tonight|tomorrow|this week|soon|for what)\b)|\b(?:have|made|making|keep|wrote|writing|"
     r"got) a (?:hit |kill |death )?list (?:of|with) (?:names|people|targets|everyone)\b|"
     r"\bspik(?:e|ing) (?:the|their|his|her|my \w+'?s?) (?:drinks?|punch|food|coffee|tea)\b"
     r"[^.]{0,60}\b(?:suffer|sick|hurt|poison|kill|pay|with something)", True),
    # A third person's goodbye or giving things away, then silence.
    ("third_party_goodbye", _T, "high",
     rf"\b{PERSON}\b[^\n]{{0,120}}?\b(?:thanks for everything|thank you for everything|you were "
     r"(?:the best|my best)|goodbye|take care of (?:my|him|her)|look after my|gave (?:me|away) "
     r"(?:his|her|their|all)|giving (?:\w+ )?(?:stuff|things) away|last shift|last day|not be "
     r"around)\b[^\n]{0,160}?\b(?:not answering|not picking up|went offline|gone offline|phone "
     r"(?:is )?(?:off|dead|switched off)|turned off (?:his|her|their) (?:location|phone)|can not "
     r"reach (?:him|her|them)|no reply|not replying|will not answer|not responding)\b", True),
    ("means_always", _L, "moderate",
     r"\b(?:buy|get|order|obtain|find) (?:some )?(?:nembutal|pentobarbital|cyanide|exit bag|"
     r"suicide bag|suicide kit)\b|\bnembutal\b|\bsuicide (?:bag|kit|pod)\b", False),
]

# ---- fourth round: families of the spent blind sets C, D and E (general forms) ---------
# Each family is written as the structure a writer uses, with guards for its everyday
# look-alikes; tests/safety/test_safety_round4.py has new sentences for every one of them.
_BONE = (r"(?:wrist|arm|nose|ribs?|jaw|finger|fingers|hand|leg|collarbone|lip|eye socket|"
         r"cheekbone|tooth|teeth|skull|ankle|thumb)")
_SITE = (r"(?:work\w*|office|school|college|campus|uni|university|house|home|flat|apartment|"
         r"car|building|shop|store|church|mosque|synagogue|restaurant|place|factory|warehouse|"
         r"gym|class|classroom|mall|party|concert)")
_FIRE_SITE = (r"(?:work\w*|office|school|college|house|home|flat|apartment|car|building|shop|"
              r"store|church|mosque|synagogue|restaurant|place|factory|warehouse)")
# A child without care: a parent away for days, no food, and the writer's or a sibling's age.
_NEGLECT = (r"(?:mum|mom|mother|dad|father|parents?|grown ?ups?|adults?)\b[^.!?]{0,15}\b(?:has not|"
            r"have not|did not|is not|are not) (?:been |come )?(?:home|back) (?:since (?:\w+day|"
            r"yesterday|last night|the weekend|\w+ days)|for (?:\d+|two|three|four|five|a few|"
            r"several|days) (?:days|nights)|in days)|(?:there is|we have|have|got) no food|nothing "
            r"to eat|(?:have not|has not|did not) eaten (?:in|for) (?:\d+|two|three|four|a few|"
            r"days)")
_YOUNG = (r"i am (?:[4-9]|1[0-4]|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
          r"fourteen)|(?:little |baby |younger )?(?:brother|sister|sibling|baby)\b[^.!?]{0,10}\b"
          r"(?:is|s) (?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten)")
_LET_DOWN = r"disappointed|gutted|upset|sad|angry|annoyed|sorry|furious|cry|cried"
_STILL_HERE = (r"woke up|opened my eyes|am still (?:here|alive|breathing)|did not die|survived(?: "
               r"the night| another (?:night|day))?|made it through (?:the|another) night")
_NOT_EARLY = (r"(?! (?:early|late|at|before|with|to|on|in time|so|this|the (?:exam|test|day|week|"
              r"crash|accident|operation|surgery)|my|an?|from|for|and (?:went|go|made|had))\b)")
RULES += [
    # Wishing that something outside would end one's life: a train, a meteor, one's heart, an
    # illness "that would finish me off"; "with me in it".
    ("wish_external", _S, "low",
     r"\b(?:wish\w*|hop(?:e|es|ed|ing)|pray\w*|want\w*|long\w*)\b[^.!?]{0,60}?\b(?:would|will|"
     r"could|might|to)\s+(?:just\s+|finally\s+|quietly\s+|somehow\s+){0,2}(?:take me|finish me"
     r"(?: off)?|end me|kill me|get me|put me out of my misery|take me out)\b(?! (?:to|home|"
     r"there|back|along|with|shopping|out (?:to|for|on|tonight|dancing|again)|for|away from|on a|"
     r"somewhere|places|in)\b)|"
     r"\b(?:wish\w*|hop(?:e|es|ed|ing)|pray\w*)\b[^.!?]{0,60}?\b(?:that|which|what) (?:finally |"
     r"just |quietly )?(?:gets|takes|kills|ends|finishes) me(?: off)?\b|"
     r"\b(?:land|fall|crash|collapse|burn|sink|explode|blow up|go down|cave in)\w* (?:on|onto|"
     r"down on|into)? ?(?:\w+ ){0,3}?with me (?:still )?(?:in|inside|on|under) it\b|"
     r"\b(?:wish\w*|hop(?:e|es|ed|ing)|pray\w*)\b[^.!?]{0,30}\bmy heart (?:would |will |to |"
     r"could )?(?:just )?(?:\w+ )?stops?\b(?! (?:racing|pounding|aching|hurting|breaking|beating "
     r"(?:so )?fast|fluttering|skipping))", True),
    # Disappointed to wake up or to have survived the night.
    ("woke_disappointed", _S, "low",
     rf"\b(?:{_LET_DOWN})\b[^.!?]{{0,25}}\b(?:(?:that )?i (?:{_STILL_HERE})|to (?:wake up|still be "
     rf"(?:here|alive)|be alive))\b{_NOT_EARLY}|"
     rf"\b(?:i )?(?:{_STILL_HERE})\b{_NOT_EARLY}(?: again| once again)?[.!,]* (?:and )?(?:i am |"
     rf"i feel |feeling )?(?:so |really |just |honestly )?(?:{_LET_DOWN})\b", True),
    # Life as something to cancel, check out of or switch off; oneself as something to delete.
    ("life_metaphor", _S, "low",
     r"\b(?:check(?:ing)?|log(?:ging)?|sign(?:ing)?|opt(?:ing)?|bow(?:ing)?|tap(?:ping)?|"
     r"clock(?:ing)?) out of (?:the |this )?(?:\w+ (?:of )?)?(?:life|existence|living|this world)"
     r"\b(?! (?:for (?:a|the|now|tonight|today|this)|until|till))|"
     r"\blife (?:is|feels like|seems like|is like) (?:a|an|just a|like a) (?:\w+ ){0,2}?(?:subscription|"
     r"membership|contract|game|lease|trial|movie|show|ride|party|job|shift)\b[^.!?]{0,30}\bi "
     r"(?:would|want|wish|need|am ready|can not wait|am dying|forgot)\w*(?: (?:really|just|so|to|"
     r"love|like|much|badly|already)){0,3} (?:to )?(?:cancel|quit|end|leave|return|refund|"
     r"unsubscribe|walk out of|get off|log out)\b(?=[^.!?]{0,40}\b(?:want out|for good|forever|"
     r"early|now|already|permanently|it)\b|\s*(?:[.!?]|$)|[^.!?]{0,10}\U0001F610)|"
     r"\b(?:cancel|unsubscribe from|opt out of|quit|log out of|uninstall|delete) (?:my )?"
     r"(?:life|existence|living)\b(?! (?:insurance|360|plans?|coach|story|update|admin|hacks?))|"
     r"\b(?:delete|erase|undo|uninstall|unmake|deactivate|switch off|turn off|shut down|unplug) "
     r"myself\b(?! (?:from|off|out of|for)\b)|"
     r"\b(?:press|push|hit|use)\w* it on myself\b|"
     r"\b(?:off|kill|delete|exit|self[- ]destruct|reset) (?:switch|button)\b[^.!?]{0,40}\b(?:for "
     r"(?:a |my )?(?:whole )?(?:person|people|life|me|myself|existence)|on myself|for my life)",
     True),
    # Fading, dissolving or drifting away and never coming back, as a thought or a wish.
    ("fade_never_back", _S, "low",
     r"\b(?:want|wants|wish|wishing|wished|dream\w*|thought|think\w*|imagin\w*|long\w*|calms? me|"
     r"comfort\w*|like to|would love to|fantasi\w*)\b[^.!?]{0,60}?\b(?:fad\w*|dissolv\w*|drift\w*|"
     r"float\w*|sink\w*|slip\w*|melt\w*|vanish\w*|evaporat\w*|disappear\w*|walk\w* into the "
     r"(?:sea|ocean|water|woods|river|lake))\b[^.!?]{0,40}?\b(?:and )?never (?:come|coming|came|"
     r"be coming) back\b(?! (?:from|to|here|until|till|home (?:until|before)))", True),
    # "If I never woke up / vanished, would anyone notice": testing whether one would be missed.
    ("if_gone_notice", _S, "low",
     r"\bif i (?:just )?(?:died|disappeared|vanished|was gone|were gone|never woke up|did not wake "
     r"up|stopped existing|was not here|were not here|ceased to exist)\b(?! for (?:a |the |\w+ )?"
     r"(?:weekend|week|day|days|bit|while|night|month|holiday|trip|hour))[^.?!]{0,50}\b(?:would "
     r"(?:anyone|anybody|people|they|my \w+)(?: even| really)? (?:notice|care|miss|realise|realize|"
     r"know|come)|(?:my|the) (?:\w+ ){0,2}(?:would|will) (?:just )?(?:keep|carry on|go on|move on|"
     r"not (?:even )?notice|forget))\b", True),
    # Wanting to stop being alive ("I just want to stop being alive for a while").
    ("stop_being_alive", _S, "low",
     r"\b(?:want|wanted|wish|need|would like|ready|just)\b (?:\w+ )?(?:to )?stop (?:being alive|"
     r"existing|living(?! (?:in|like|with|at|for|off|on|under|paycheck|beyond|a lie)\b)|being "
     r"here(?! (?:at|in|for|with)\b)|breathing(?! (?:so|like|through|in|loudly|heavily)\b))",
     True),
    # Deciding not to grow old ("I've made up my mind that I'm not getting old").
    ("not_grow_old", _S, "moderate",
     r"\b(?:made up my mind|decided|i know|promised myself|no way|i am sure)\b[^.!?]{0,20}\b(?:i "
     r"am not|i will not|i will never|not) (?:getting|going to get|growing|going to grow|living "
     r"to|living past|making it to|going to make it to|reaching|turning) (?:old|older|30|40|50|"
     r"thirty|forty|fifty|\d\d)\b(?! (?:gracefully|quietly|without))", False),
    # Self-harm: new marks on the body, instruments held to the skin, punishment, concealment.
    ("sh_marks", _H, "moderate",
     rf"\b(?:\d+|a few|some|more|two|three|four|five|ten|loads of|lots of) (?:new |fresh |more )?"
     rf"(?:cuts|marks|lines|scratches|burns|wounds|scars)\b[^.!?]{{0,20}}\bon my (?:\w+ )?{BODY}"
     rf"\b(?=[^.!?]{{0,30}}\b(?:this week|today|tonight|yesterday|again|last night|since)\b|"
     rf"[^\n]{{0,40}}\U0001F642)|\b(?:new|fresh) (?:marks|lines|scratches) on my (?:\w+ )?{BODY}\b",
     True),
    ("sh_instrument", _H, "moderate",
     rf"\b(?:press\w*|put|held|hold\w*|touch\w*|push\w*|stubb?\w*) (?:a |the |my )?(?:hot |"
     rf"burning |lit )?(?:iron|lighter|cigarette|curling iron|straighteners?|hair straighteners?|"
     rf"lit match|match|blade|razor|compass|pin|needle|glass) (?:\w+ )?(?:on|to|against|into) "
     rf"my (?:own )?{BODY}\b|"
     r"\b(?:dig|dug|digging|digs) my (?:finger)?nails into (?:my )?(?:\w+ )?(?:palms?|skin|arms?|"
     r"legs?|hands?|wrists?|thighs?)\b[^.!?]{0,30}\b(?:until|till|til|so hard) |"
     r"\b(?:injur\w*|hurt\w*|harm\w*|cut\w*|stab\w*|prick\w*|burn\w*|scratch\w*) myself (?:with|"
     r"using) (?:a |the |my |some )?(?:needles?|pins?|scissors|blades?|razors?|glass|compass|"
     r"lighter|knife|knives|scalpel|syringes?)\b|"
     r"\b(?:burn|cut|wound|scar|mark|bruise)s? (?:that )?i (?:made|did|gave myself|caused|do)\b"
     r"[^.!?]{0,20}\b(?:on purpose|deliberately|intentionally|myself)\b|"
     r"\b(?:hate|punish\w*) my (?:body|self)\b[^.!?]{0,40}\bwant (?:it|myself) to hurt\b", True),
    ("relapse_sh", _H, "high",
     r"\brelaps\w*\b[^\w\n]{1,4}(?:\w+[^\w\n]{1,4}){0,2}?(?:sh|self ?harm\w*)\b|\b(?:sh|self ?harm)"
     r"\b[^\w\n]{1,4}(?:\w+[^\w\n]{1,4}){0,2}?relaps\w*\b", True),
    ("sh_punish", _H, "low",
     r"\b(?:skip\w* (?:meals|food|dinner|lunch|breakfast)|not eat\w*|not letting myself eat|"
     r"no (?:dinner|food|lunch|breakfast|meals?|eating|sleep) for me|starv\w*|"
     r"run\w* until i (?:throw up|threw up|puke\w*|collaps\w*|pass(?:ed)? out)|dig\w* my nails|hit\w* myself|"
     r"pinch\w* myself|scratch\w* myself|cold showers?)\b[^.!?]{0,50}\b(?:as (?:a )?punishment|"
     r"to punish myself|punish(?:ing)? myself|because i deserve|i deserve (?:it|the pain|to "
     r"hurt|to suffer))|\b(?:as (?:a )?punishment|to punish myself)\b[^.!?]{0,30}\b(?:skip\w* "
     r"meals|not eat\w*|starv\w*|hit\w* myself|hurt\w* myself)", True),
    ("sh_conceal", _H, "moderate",
     r"\b(?:deep |bad |big |fresh )?(?:cut|cuts|wound|wounds|burn|burns|gash)\b[^.?!]{0,60}?"
     r"\b(?:(?:do not|dont) want (?:anyone|anybody|people|my \w+|them|him|her) (?:asking|to (?:know|"
     r"see|find out|notice|ask))|(?:so|and) (?:no ?one|nobody) (?:asks|sees|notices|finds out|"
     r"knows)|without (?:anyone|my (?:parents|mum|mom|dad|family|partner)) (?:knowing|finding out|"
     r"noticing|seeing))", False),
    ("sh_blade_out", _H, "moderate",
     r"\b(?:have|got|took|get|getting|i have) (?:the |a |my )?(?:razor|blade|blades|sharpener|"
     r"scissors|lighter) out\b(?! of (?:the|my) (?:packet|drawer|box|bag) (?:to|for))"
     r"(?![^.!?\n]{0,80}\b(?:shav\w*|beard|legs|armpits|wrapping|parcel|box)\b)|"
     r"\b(?:need|needed|want|just want) to (?:feel something|feel anything|feel the pain|see "
     r"blood|bleed)\b(?=[^\n]{0,80}\b(?:razor|blade|cut\w*|knife|lighter|burn\w*)\b)", True),
    # Means at hand and thinking about it; scouting a drop; preparing an act.
    ("means_rumination", _S, "moderate",
     r"\b(?:gun|guns|shotgun|pistol|rifle|revolver|handgun|firearm|rope|noose|pills|tablets|"
     r"meds|sleeping pills|insulin|razor|blade|bridge)\b[^\n]{0,80}?\b(?:i (?:know|found out) "
     r"where (?:the key|the keys|it|they|the combination|the code)|(?:i )?(?:keep|kept|been|am|"
     r"have been|can not stop|constantly|always) (?:\w+ )?(?:thinking|think|staring|looking) "
     r"(?:about|at) (?:it|them|using (?:it|them)|that)\b)", True),
    ("scouting", _S, "moderate",
     r"\b(?:looking|look|looked|staring|stared|stare|peer\w*|lean\w*|checking|checked|counting|"
     r"counted|measur\w*|work\w* out|figur\w* out|calculat\w*)\b (?:\w+ ){0,3}?(?:how (?:far "
     r"down|high up|high|far|deep|long the drop|many steps|many floors)|(?:over the (?:edge|railing|"
     r"side|parapet)|down at the (?:water|drop|tracks|road|traffic))\b(?=[^.!?]{0,40}\b(?:every "
     r"(?:night|day|time)|each (?:night|day|time)|again|for (?:ages|hours|a long time)|and "
     r"(?:think\w*|imagin\w*|wonder\w*|pictur\w*)|lately)\b))", True),
    ("means_prep", _S, "high",
     r"\b(?:hose|pipe|tube)\b[^.!?]{0,40}\b(?:taped|tape|duct|attached|fitted|connected|rigged)\b"
     r"[^.!?]{0,40}\b(?:exhaust|tailpipe|car window|window|trunk|boot|car)\b|\b(?:hose|pipe|tube)"
     r"\b[^.!?]{0,40}\bin the (?:trunk|boot|car)\b|"
     r"\b(?:stool|chair|ladder|step|crate|bucket)\b[^.!?]{0,30}\b(?:under|below|beneath) (?:the |"
     r"a )?(?:beam|rafter|hook|ceiling fan|banister|bannister|loft hatch|tree branch|branch)\b"
     rf"(?=[^\n]{{0,80}}(?:{TIME}|\bit is for\b|\brope\b|\bbelt\b|\bcord\b|\bready\b|\bnoose\b))|"
     r"\b(?:bath|bathtub|tub)\b[^.!?]{0,20}\b(?:with|and) (?:the |a |my )?(?:razor|blade|knife|"
     r"scissors)\b(?![^.!?]{0,30}\bshav)", True),
    # Context-bound forms (``NEEDS_MESSAGE``): the water of a bath turning red with a blade in
    # the message; "working up the nerve" with a means in the message.
    ("bath_blood", _S, "high",
     r"\b(?:water|bath|bathwater|tub)(?: in (?:the|my) (?:tub|bath|bathtub))?(?: is|'s| s| has)? "
     r"(?:going|turning|gone|turned|getting|becoming|gotten) (?:really |so |very |bright |dark |deep |"
     r"more |all )?(?:pink|red)\b", True),
    ("means_courage", _S, "high",
     r"\b(?:working up|build\w* up|summon\w*|getting|find\w*|found|gather\w*) (?:the |my )?"
     r"(?:nerve|courage|guts)\b(?! to (?:ask|tell|talk|call|say|go|leave|quit|apply|speak|text))",
     True),
    # Ending it with a means or a time in the message ("the whole weekend to finally end it").
    ("end_it_means", _S, "high",
     r"\b(?:finally|to|chance to|time to) end (?:it|it all|things|everything)\b(?! (?:with|between|"
     r"off|on|early|there|here|properly|well|nicely|for (?:the|now)))"
     rf"(?=[^\n]{{0,120}}\b(?:{PILLS}|prescriptions?|pills|rope|gun|bridge|{TIME})\b)|"
     rf"\b(?:{PILLS}|prescriptions?)\b[^\n]{{0,120}}\bto (?:finally |just )?end "
     r"(?:it|it all|things|everything)\b(?! (?:with|between|off|on))", True),
    # A last contact before an act, or an act already done ("did it. took everything").
    ("farewell_final", _S, "high",
     r"\b(?:i )?did it\b[^\n]{0,40}\b(?:took|swallowed|downed|drank) (?:everything|it all|them "
     r"all|all of them|the lot|the whole \w+)\b|"
     r"\b(?:took|swallowed|downed) (?:everything|it all|them all|all of them|the lot)\b(?! (?:out|off|"
     r"in|from|back|apart|down|up|with|to|into|personally|seriously|for granted|home|away))[^\n]{0,60}"
     r"\b(?:wanted to say|thanks for|thank you for|goodbye|bye|sorry|love you)\b|"
     r"\b(?:thanks?|thank you) (?:so much )?for (?:all )?(?:the|our|these|everything|listening|"
     r"being there)\b[^\n]{0,80}\bthis (?:is|was|will be) the (?:last|final) (?:one|time|message|"
     r"chat)\b(?! (?:before|for (?:now|today|tonight|a|this)|until|till|of the|this (?:week|year)))|"
     r"\bthis (?:is|was|will be) the (?:last|final) (?:one|time|message|chat)\b[^\n]{0,40}\b(?:take "
     r"care|goodbye|bye|love you|thank you|thanks)\b|"
     rf"\b(?:that is when|then|at (?:\d{{1,2}}(?::\d\d)? ?(?:am|pm)|midnight|dawn)|{TIME})\b"
     r"[^.!?]{0,20}\bi (?:am going to|will|am gonna) do it\b(?=[^\n]{0,80}\b(?:first|before|"
     r"goodbye|last|talk to (?:someone|something|somebody|you)|anyone)\b)", True),
    ("final_contact", _S, "high",
     r"\bwanted to (?:talk to|tell|say (?:goodbye|bye|thanks|thank you) to) (?:someone|something|"
     r"somebody|anyone|you) (?:first|before)\b", True),
    # A note that says nobody is to blame, read with a frame of after ("if you see this after
    # tomorrow, it's not your fault"; "help me write a note ... it wasn't their fault").
    ("not_your_fault", _S, "high",
     r"\b(?:it is|it was|this is|this was|its|it will not be|it is never) (?:not|never) (?:your|"
     r"anyone'?s?|their|his|her|you guys'?|my (?:\w+)'?s?) fault\b", False),
    # Harm to others: setting fire to a place, shooting up a school, urges to hurt children.
    ("harm_others_fire", _O, "moderate",
     r"\b(?:thinking (?:about|of)|want to|going to|gonna|will|plan\w* (?:to|on)|fantasi\w* "
     r"about|tempted to|about to|might|dream\w* (?:about|of)|urge to) (?:\w+ )?(?:set(?:ting)? "
     rf"fire to|torch(?:ing)?|burn(?:ing)? down) (?:my |the |his |her |their |our |that )?(?:old "
     rf"|ex'?s? |\w+'s )?(?:\w+ )?{_FIRE_SITE}\b|"
     r"\b(?:plan\w*|going|want\w*|gonna|will|about|thinking (?:about|of)|threaten\w*|said (?:he|"
     r"she|they) would|says (?:he|she|they) will|dream\w* (?:about|of))\b[^.!?]{0,15}?\b(?:to )?"
     rf"shoot(?:ing)? up (?:the |my |his |her |their |a |our |that )?(?:\w+ )?{_SITE}\b|"
     r"\b(?:urges?|thoughts?|images?) (?:of|to|about) (?:hurt\w*|harm\w*|kill\w*|touch\w*|"
     r"strangl\w*|drown\w*|smother\w*) (?:the|my|our|those|these|his|her) (?:\w+ )?(?:kids?|"
     r"children|child|baby|babies|toddlers?|son|daughter|students|patients)\b", True),
    ("harm_carer", _O, "moderate",
     r"\bi (?:\w+ )?(?:grabbed|shook|pushed|shoved|slapped|hit|squeezed|pinched|yanked|threw|"
     r"smacked) (?:her|him|them|my (?:\w+ )?(?:mum|mom|mother|dad|father|baby|son|daughter|kid|"
     r"child|wife|husband|partner|gran\w*|patient|toddler))\b(?! (?:hand|hands|coat|bag|phone|"
     r"attention|arm to|a |an |the |some |into a hug|close|tight))[^\n]{0,120}\b(?:worried|scared|"
     r"afraid|terrified|frightened) (?:about |of )?what i (?:will|might|could|would|am going to) "
     r"do\b", True),
    # Abuse: an injury done by a partner or relative; shoving as a habit; sexual coercion; an
    # adult telling a minor to keep secrets; a child left without food or alone for days.
    ("abuse_injury", _A, "high",
     rf"\b{ACTOR}\b (?:\w+ |'\w+' ){{0,2}}?(?:broke|fractured|cracked|dislocated|split|bruised|"
     rf"burned|burnt|twisted|sprained|busted) my {_BONE}\b", True),
    ("abuse_habit", _A, "high",
     rf"\b{ACTOR}\b[^.!?]{{0,60}}?\band (?:then )?(?:\w+ )?(?:hits|shoves|slaps|punches|kicks|"
     r"chokes|strangles|pushes|drags|spits on|pins) me\b(?! (?:up|in the feels|with (?:his|her) "
     r"words))", True),
    ("sexual_coercion", _A, "high",
     r"\bif i (?:do not|will not|refuse to|stop) (?:sleep(?:ing)? with|hav(?:e|ing) sex with|"
     r"send(?:ing)? (?:him|her|them) (?:nudes|pics|pictures|photos)|do(?:ing)? (?:stuff|things|"
     r"what (?:he|she|they) wants?) (?:with|for)) (?:him|her|them|my \w+)?\b|"
     r"\b(?:sleep|have sex) with (?:him|her|them|my (?:boss|landlord|manager|teacher|coach))\b"
     r"[^.!?]{0,30}\b(?:or (?:else|i (?:lose|am out|will be out|get fired|will be fired))|i (?:am|"
     r"will be|get) (?:out|evicted|fired|kicked out))", False),
    ("minor_secrecy", _A, "high",
     r"\bi am (?:1[0-6]|[6-9]|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
     r"sixteen)\b[^\n]{0,160}\b(?:(?:tell|tells|telling|told|asks?|asked|asking|makes|made) me to "
     r"(?:delete|hide|erase|clear|keep) (?:our|the|his|her|their|all the|it|this)(?: \w+)? "
     r"(?:chats?|messages?|texts?|conversations?|photos?|pics|secret)|our (?:little )?secret|keep "
     r"(?:it|this|us) (?:a )?secret|not (?:to )?tell (?:my|anyone|anybody|mum|mom|dad))\b|"
     r"\b(?:(?:tell|tells|telling|told|asks?|asked|asking|makes|made) me to (?:delete|hide|erase|"
     r"clear) (?:our|the|his|her|their|all the)(?: \w+)? (?:chats?|messages?|texts?|"
     r"conversations?|photos?|pics)|our (?:little )?secret)\b[^\n]{0,120}\bi am (?:1[0-6]|[6-9]|"
     r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen)\b", True),
    ("child_neglect", _A, "high",
     rf"\b(?:{_NEGLECT})\b[^\n]{{0,100}}\b(?:{_YOUNG})\b|\b(?:{_YOUNG})\b[^\n]{{0,100}}\b"
     rf"(?:{_NEGLECT})\b|"
     r"\b(?:baby|toddler|infant|little (?:one|brother"
     r"|sister))\b[^.!?]{0,40}\b(?:left|alone)\b[^.!?]{0,20}\b(?:(?:in|at) (?:the |a |their |her |"
     r"his )?(?:flat|house|home|apartment|car|room) )?(?:all day|for days|for hours|overnight|all "
     r"night)\b", True),
    # Medical: blood from within, a wound that spurts.
    ("medical_blood", _M, "high",
     r"\b(?:vomiting|throwing up|coughing up|puking|spitting up|bringing up) (?:\w+ )?blood\b|"
     r"\b(?:cut|wound|gash|hand|finger|arm|leg|head|it)\b[^.!?]{0,30}\b(?:is |was |keeps |started )?"
     r"(?:spurting|gushing|pumping out|pouring out)\b(?! (?:water|oil))|\b(?:will not|would not|"
     r"does not) stop (?:bleeding )?even with pressure\b", True),
    # Means questions about a person ("which chemicals would do the job on a person fastest")
    # and LD50: lethality however it is worded.
    ("lethality_person", _L, "moderate",
     r"\b(?:which|what|how much|how many)\b[^.?!]{0,60}\b(?:would|will|could|to|does it take to)\s+"
     r"(?:\w+\s+)?(?:do the job|work|be enough|finish|kill)\b[^.?!]{0,15}\bon (?:a |one )?"
     r"(?:person|human|human being|grown man|grown woman|adult|someone|somebody|people)\b(?! "
     r"(?:with|who|that|of)\b)", False),
    ("ld50", _L, "moderate", r"\bld ?50\b", False),
    # ---- fifth round (families of the spent blind set F; general forms) ----
    # Harm to others: a fire set with the person inside, an accelerant ready, something
    # slipped into a person's food or drink.
    ("harm_others_burn", _O, "high",
     r"\b(?:burn\w*|torch\w*|set\w* fire to|light\w* up|petrol\w*)\b[^.!?]{0,40}\bwith (?:him|her|"
     r"them|the (?:\w+ )?(?:family|kids))(?: still)? (?:in|inside) (?:it|there|the \w+)\b", True),
    # an accelerant ready, with burning named in the message (``NEEDS_MESSAGE``)
    ("accelerant_ready", _O, "high",
     r"\b(?:jerry ?can|petrol can|gas can|lighter fluid|accelerant)\b[^.!?]{0,20}\b(?:is |are )?"
     r"(?:already )?(?:filled|full|ready|bought|in the (?:car|boot|trunk))\b", False),
    ("harm_others_poison", _O, "high",
     r"\b(?:going to|gonna|will|about to|plan\w* to|want to|thinking (?:about|of)) (?:put|putting|"
     r"slip|slipping|mix|mixing|add|adding|sneak|sneaking|tip|tipping) (?:some |a bit of |a little )?"
     r"(?:something|stuff|the stuff|poison|bleach|antifreeze|rat poison|weed ?killer|slug pellets)\b"
     r"(?! (?:sweet|nice|special|extra|warm|tasty|different|healthy|fun|for)\b)(?! to (?:sweeten|"
     r"flavour|flavor|warm|thicken))[^.!?]{0,30}\b(?:in|into|to) (?:his|her|their|my \w+(?: \w+)?'?s?|"
     r"the \w+'?s?) (?:morning )?(?:coffee|tea|drink|food|water|dinner|lunch|meal|soup|smoothie|"
     r"bottle|cup|mug|breakfast)\b", True),
    # A means in hand and no way back ("razor and the bath running ... not getting out of it
    # this time"): the negation is the risk. Needs a means in the message (``NEEDS_MESSAGE``).
    ("no_way_back", _S, "high",
     r"\b(?:not|never)(?: (?:think|expect|see)(?: that)?(?: i am| i will| i will be| i would be)?)? "
     r"(?:getting|coming|get|come|climbing|making it) (?:back )?out of (?:it|this|"
     r"there|the (?:bath|water|tub|car|garage|river|lake|sea|woods|forest))(?: alive)?(?: this time)?\b"
     r"(?! (?:for|until|till|before) )", False),
    # Drowning with weights ("stones in my coat pockets") near water.
    ("drowning_weights", _S, "high",
     r"\b(?:stones|rocks|bricks|weights) in (?:my|the) (?:coat |jacket |)pockets\b|\b(?:fill\w*|"
     r"weigh\w* down) my (?:coat |jacket |)pockets with (?:stones|rocks|bricks|weights)\b", False),
    # A plan announced, then its parts listed ("i finally have a plan. sunday, the lake").
    ("plan_listed", _S, "high",
     r"\b(?:i (?:finally |now |already )?(?:have got|have|got|made) a plan(?: now)?|the plan is "
     r"(?:set|made|done))"
     rf"\s*[.:,;!-]+(?=[^\n]{{0,80}}\b(?:{TIME}|sunday|monday|tuesday|wednesday|thursday|friday|"
     r"saturday|midnight)\b)(?=[^\n]{0,100}\b(?:lake|river|sea|bridge|roof|tracks|train|cliff|woods|"
     r"garage|car park|rope|pills|gun|overpass|quarry|reservoir|canal)\b)", False),
    ("own_hand", _S, "moderate",
     r"\b(?:dead|die|dying|gone|go|end) by my own hand\b", True),
    ("plan_suicide", _S, "moderate",
     r"\b(?:planning|planned|plotting|plot|plan|rehears\w*|imagining) (?:out )?my (?:own )?"
     r"(?:suicide|death)\b(?! (?:scene|chapter|in (?:the|my|a) (?:novel|story|game|book)))", True),
    # Saying "no" to a safety question and then taking it back ("I lied and said no").
    ("lied_safe", _S, "moderate",
     r"\bi (?:lied|was lying)\b[^.!?]{0,40}\b(?:said no|said i (?:was|am|would be) (?:fine|ok|"
     r"okay|safe)|told (?:him|her|them|my \w+) (?:no|i (?:was|am) (?:fine|ok|okay|safe))|about "
     r"(?:being|feeling) (?:fine|ok|okay|safe)|(?:on|in|about) (?:the|my) (?:safety plan|"
     r"assessment|questionnaire|screening))", False),
    # Slow or strange breathing after a substance (``NEEDS_MESSAGE``): an emergency, accident
    # or not ("two fentanyl patches ... breathing is getting really slow").
    ("breathing_slow", _M, "high",
     r"\b(?:my|his|her|their|the baby'?s?|your)? ?breathing (?:is |has )?(?:getting |gone |become |"
     r"becoming |going )?(?:really |very |so |super |quite )?(?:slow|slower|shallow|weird|strange|"
     r"funny|raspy|gurgl\w*|rattly)\b|\b(?:barely|hardly) breathing\b", False),
    # "after" left bare at the end of a clause of preparations ("so nobody has to deal with my
    # accounts after", "nice knowing they'll get used after").
    ("after_prep", _S, "moderate",
     r"\b(?:gave|give|giving|given|rehom\w*|sorted|sort|sorting|organi[sz]\w*|cancel\w*|delet\w*|"
     r"accounts?|passwords?|subscriptions?|belongings|my stuff|my things|get used|be used|taken "
     r"care of|looked after|deal with)\b[^.!?]{0,60}(?<!look )(?<!ever )(?<!day )(?<!morning )"
     r"(?<!soon )(?<!right )(?<!long )(?<!straight )(?<!shortly )(?<!one )(?<!night )\bafter"
     r"(?:wards)?\s*(?:[.!?,]|$|lol|tbh|anyway)", False),
    ("cant_care_soon", _S, "low",
     r"\b(?:will not|would not|can not) be (?:able to|around to|here to) (?:look after|take care of|"
     r"feed|walk|care for) (?:them|him|her|my \w+)(?: \w+)? (?:soon|much longer|for much longer|"
     r"anymore|after (?:this|next) (?:week|month))\b", True),
    ("log_off_life", _S, "low",
     r"\b(?:log|logging|logged|sign|signing) (?:off|out) (?:of (?:life|existence|everything) |)"
     r"(?:permanently|forever|for good|for the last time)\b(?! (?:from|of|on) )|\bi am already a "
     r"ghost\b|\bwaiting for my body to catch up\b|\bwho would (?:even |actually |really )?"
     r"(?:notice|care|miss me) if i (?:just )?(?:vanished|disappeared|was gone|died|stopped "
     r"existing)\b", True),
    ("gone_by_date", _S, "high",
     r"\b(?:plan|planning|going|want|intend\w*|aim\w*)\b[^.!?]{0,10}\bto be (?:gone|dead|not (?:here|"
     r"around|alive)) (?:before|by) (?:my (?:\w+ )?birthday|christmas|new year|the new year|"
     r"(?:our|my|the) anniversary)\b", True),
    ("permanent_euphemism", _S, "moderate",
     r"\b(?:a|the|my|some) permanent (?:sleep|rest|nap|exit|escape|way out|vacation from (?:life|"
     r"everything|existing))\b|\bpermanent (?:solution|fix)\b[^.!?]{0,60}\b(?:pick|set|choose|decide "
     r"on) (?:a|the) date\b", True),
    # Self-harm: an injury wanted "so there's a reason"; long sleeves in the heat "guess why";
    # blades that are not for shaving; "I did it again" in a message about self-harm.
    ("sh_reason", _H, "moderate",
     r"\b(?:want\w* to|urges? to|tempted to|need to|keep thinking about|feel like) (?:\w+ )?(?:slam\w*|"
     r"smash\w*|bang\w*|hit\w*|punch\w*|burn\w*|scald\w*|bruis\w*|break) my (?:own )?(?:hand|hands|"
     r"fist|fingers?|arm|arms|leg|legs|wrist|face)\b[^.!?]{0,40}\b(?:so (?:there is|that|i|it)|to "
     r"(?:feel|punish|make)|deserve|until (?:it|they|i))\b", True),
    ("sh_sleeves", _H, "moderate",
     r"\blong sleeves\b[^.!?]{0,40}\b(?:\d+ ?(?:degree|degrees|c)\b|heat\w*|summer|scorching|"
     r"boiling)[^\n]{0,30}\b(?:guess why|you know why|so nobody|so no one|to hide|nobody can see)\b",
     False),
    ("sh_not_shaving", _H, "moderate",
     r"\bi do not shave my (?:arms|wrists|forearms|thighs|stomach)\b", False),
    ("sh_did_again", _H, "high",
     r"\bi (?:did it|relapsed|slipped|gave in) again\b[^.!?]{0,40}\b(?:last night|today|yesterday|"
     r"this morning|tonight|for the first time in)\b", False),
    # Forgiveness asked for an act still to come ("Lord, forgive me for what I'll do on Sunday").
    ("forgive_act", _S, "moderate",
     r"\bforgive me for what i (?:am going to|am gonna|will|am about to|have to|must|plan to|have "
     r"decided to) do\b(?! (?:to|with) (?:this|that|the|your|my|his|her)\b)", False),
    # A small child left outside alone at night; blood from the ear after a fall.
    ("child_outside", _A, "moderate",
     r"\b(?:boy|girl|child|kid|toddler|baby|son|daughter)\b[^.!?]{0,40}\b(?:outside|out|in the "
     r"street|on the street) alone\b[^.!?]{0,60}\b(?:nappy|diaper|\d{1,2} ?pm|midnight|at night|in "
     r"the cold|freezing|no shoes|barefoot)\b", False),
    ("ear_blood", _M, "high",
     r"\b(?:blood|fluid) (?:is )?(?:coming |leaking |dripping |running )?(?:from|out of) (?:his|her|"
     r"my|their|the baby'?s?) ears?\b", False),
    # A place to fall chosen for having no barrier ("bridges without suicide nets"); needs a
    # reason in the message like any means question.
    ("means_unguarded", _L, "moderate",
     r"\b(?:bridges?|buildings?|car parks?|parking (?:garages?|structures?)|roofs?|cliffs?|"
     r"overpass\w*|towers?|spots?|places?)\b[^.?!]{0,30}\b(?:without|with no|no) (?:suicide )?"
     r"(?:nets?|barriers?|fences?|fencing|railings?|cameras?)\b", False),
    # ---- sixth round (families of the spent blind set G; general forms) ----
    # At a height or a track with no way back: "not climbing back over", a train that does not
    # stop waited for at the end of a platform (``NEEDS_MESSAGE``: a high place / no spotting).
    ("not_back_over", _S, "high",
     r"\bnot (?:climbing|going|coming|stepping|getting) back (?:over|down|in|inside|off)\b(?! (?:to|"
     r"for|until|till|before|after)\b)", False),
    ("platform_end", _S, "high",
     r"\b(?:end|edge|far end) of (?:the )?platform\b[^\n]{0,80}\b(?:non-?stop|fast (?:one|train)|"
     r"freight|through train|one that does not stop|train that does not stop)\b|\b(?:waiting|wait) "
     r"for the (?:\d{1,2}[:.]\d\d )?(?:non-?stop|freight|fast train|through train)\b\s*(?:[.!?]|$)",
     False),
    ("climb_over", _S, "moderate",
     r"\b(?:think|thinking|thought) (?:about|of) (?:climbing|going|stepping|jumping) over\b", True),
    # A means question with the person as the target or the speed of death as the criterion.
    ("works_on_people", _L, "moderate",
     r"\b(?:weed ?killer|bleach|poison|pesticides?|herbicides?|insecticides?|antifreeze|"
     r"sprays?|chemicals?|rat poison|slug pellets|pills|tablets|drugs?)\b[^.?!]{0,40}\b(?:work|works|"
     r"worked|do the job|kill) (?:on|for) (?:people|humans?|a (?:person|human)|someone|somebody|an "
     r"adult|adults)\b(?! (?:with|who|that|of)\b)", False),
    ("quickest_if_drunk", _L, "moderate",
     r"\b(?:quickest|fastest|most painless|least painful|surest|most certain|most reliable|most "
     r"lethal)\b[^.?!]{0,30}\bif (?:you|i|someone|a person|one) (?:drank|drink|swallowed|swallow|"
     r"injected|inject)\b", False),
    ("calibre_certain", _L, "moderate",
     r"\b(?:calibre|caliber|gauge|bullet|round)s? (?:is|are|would be|is the) (?:the )?(?:most|more) "
     r"(?:certain|sure|lethal|final|reliable|effective)\b(?! (?:for|at|to hit|with|in|on)\b)|\b(?:more|"
     r"most) (?:reliable|certain|effective|sure|lethal) (?:to|for|into|through) the (?:head|temple|"
     r"mouth|chest|heart)\b", False),
    # More pills than the shop will sell, got without anyone noticing (``NEEDS_MESSAGE``: pills).
    ("pills_unsuspicious", _L, "moderate",
     r"\b(?:get|buy|getting|buying) (?:more|enough|extra|another)\b[^.?!]{0,30}\bwithout (?:them|"
     r"anyone|anybody|the (?:chemist|pharmacist|pharmacy|shop|doctor))? ?(?:getting |being )?"
     r"(?:suspicious|noticing|asking questions|suspect\w*)\b", False),
    # Acts named as idioms or euphemisms of one's own death.
    ("finish_myself", _S, "moderate",
     r"\bfinish(?:ing|ed)? myself (?:off\b|(?=\s*(?:$|[.!?,]|tonight|today|now|this)))", True),
    ("own_terms", _S, "moderate",
     r"\b(?:would like|want|wish|am ready|would prefer|would rather) to (?:stop|end (?:it|things|"
     r"it all))(?: now| here)?,? (?:on my own terms|before (?:the winter|winter|i (?:become|get) "
     r"(?:any )?worse|i am (?:a|more of a) burden|i become a burden))\b", True),
    # seventh round: "my (own)" only ("choose the time of day i take my pills" is a routine),
    # not a day off, a slot or a time "to take" something
    ("own_day", _S, "moderate",
     r"\bchoose (?:my own|my) (?:day|time|date|moment|way out|exit|end|way to go)\b(?! (?:off|for|"
     r"of|slot|zone|table|seat|outfit)\b)(?! to (?!go\b|die\b|leave\b|end\b))", True),
    ("go_about_it", _S, "moderate",
     r"\bhow (?:does one|do i|would i|would one|could i) go about it\b[^.?!]{0,60}\b(?:authorities|"
     r"police|coroner|inquest|trouble|blamed|finding me|find me)\b", False),
    ("rather_ground", _S, "low",
     r"\brather be (?:in the ground|six feet under|in a box|in my grave|buried|in a coffin|dead and "
     r"buried)\b(?= *(?:$|[.!?,]|than (?:feel|live|go on|carry on|keep|spend|face|wake)))", True),
    ("account_world", _S, "low",
     r"\b(?:closing|close|closed|cancel\w*|delet\w*|deactivat\w*|log\w* (?:off|out)) (?:of )?(?:my )?"
     r"(?:account|subscription|membership|contract|lease|tab) (?:with|on|of|to) (?:the world|life|"
     r"existence|everything|this world|living|being alive)\b", True),
    # seventh round: "the big / long sleep" (not "took a long nap", "a long rest"), an eternal
    # or endless rest with any determiner, "my final rest" (not a rest day or a rest stop)
    ("long_sleep", _S, "moderate",
     r"\b(?:take|taking|took|taken|go|going|went|gone|ready for|drift\w* (?:off )?into|slip\w* "
     r"into) (?:to |off to |for )?(?:the (?:big|long|endless|eternal|final|forever) (?:sleep|nap)|"
     r"(?:the|my|a|an) (?:eternal|endless|forever) (?:sleep|rest|nap)|(?:the|my) final (?:sleep|"
     r"rest))\b(?! (?:day|days|stop|area|break|period|room|week|mode|setting|timer|schedule|of the|"
     r"before|after|between|tracker|app|cycle)\b)", True),
    ("not_sticking_around", _S, "low",
     r"\bnot (?:sticking|hanging|staying|going to stick|going to stay) around (?:for (?:the rest(?! of "
     r"(?:the |this |that )?(?:party|game|match|film|movie|show|meeting|night|day|event|lecture|"
     r"concert|wedding|term|season|shift|trip|holiday|weekend|course|class))|what comes|the end|"
     r"whatever comes|the (?:last|final|worst) (?:part|stage|bit))|to see (?:how it ends|the end|what "
     r"happens))\b", True),
    # seventh round: not "i would not be alive" (a counterfactual: "...in the 1800s", "...without
    # my donor"), not a far future or a release date; prognoses of doctors and vets are
    # excluded in ``NEEDS_MESSAGE``
    ("not_alive_for", _S, "moderate",
     r"\b(?:i will not|i am not going to|(?:wrote|says|said|posted|told \w+|writes)"
     r"(?: in [^.!?]{0,30})? that (?:she|he|they) (?:will not|is not going to|are not going to|would "
     r"not)) be alive (?:for|by|at|to see|when|in|on|much longer|next|after)\b(?! (?:the (?:year|"
     r"next (?:century|millennium|halley\w*|comet|eclipse|total eclipse|ice age))|halley\w*|\d{4}|"
     r"(?:a )?(?:hundred|thousand|\d{2,}) years|the time "
     r"(?:it|they|this|that|the \w+|\w+ \d+) (?:comes? out|is (?:released|finished|done|fixed|"
     r"built)|releases?|launch\w*|gets? (?:fixed|released|finished|built)))\b)", False),
    ("not_around_anyway", _S, "low",
     r"\bi (?:will not|am not going to|would not) be (?:around|here) (?:for|by|at|to see|when) "
     r"[^.!?]{0,30}\b(?:anyway|anyways|by then|regardless)\b", False),
    ("funeral_soon", _S, "low",
     r"\bfuneral\b[^\n]{0,80}\b(?:hop\w*|wish\w*|can not wait|pray\w*)\b[^.!?]{0,25}\b(?:need|use|"
     r"play|hear)\w* it (?:soon|sooner|early)\b", False),
    # seventh round: not "now" (a donation: "they need them more than me now"); "soon" needs a
    # farewell frame in the message (``NEEDS_MESSAGE``)
    ("need_more_than_me", _S, "moderate",
     r"\b(?:need|use|enjoy|want)s? (?:it|them|those|these) more than (?:me|i (?:do|will|ever will))"
     r"(?: soon| where i am going)(?= *(?:$|[.!?,]))", False),
    # Third parties: a partner or parent studying knots for no reason given (``NEEDS_MESSAGE``).
    ("knot_videos", _T, "moderate",
     r"\b(?:watching|watched|looking up|searching|googling|reading up on|researching)\b[^.!?]{0,25}"
     r"\b(?:knots?|nooses?)\b", False),
    # Medical: a newborn floppy or not feeding; a diabetic confused; pregnancy with vision
    # changes; dementia and missing.
    ("infant_floppy", _M, "high",
     r"\b(?:baby|newborn|infant|\d+ (?:days?|weeks?) old)\b[^\n]{0,60}\b(?:floppy(?! (?:ears?|hat|"
     r"disk|toy))|limp|unresponsive|will not wake|will not feed|not feeding|stopped feeding|"
     r"turning blue|gone blue)\b", False),
    ("diabetic_confused", _M, "high",
     r"\bdiabet\w*\b(?! (?:cat|dog|pet|kitten|puppy|rabbit|horse)\b)[^\n]{0,80}\b(?:confused(?! "
     r"(?:by|about|with|why))|drowsy|unresponsive|will not wake|can not wake|slurring|"
     r"passed out|fitting|meter (?:just )?(?:says|reads) (?:lo|low|hi))\b", False),
    ("pregnancy_vision", _M, "high",
     r"\bpregnan\w*\b[^\n]{0,100}\b(?:flashing lights|seeing (?:spots|stars|flashes|lights)|blurr\w* "
     r"vision|vision (?:is )?(?:blurry|going|blurred)|face (?:and hands )?(?:are |is )?(?:swollen|"
     r"puffy))\b", False),
    ("dementia_missing", _M, "high",
     r"\b(?:dementia|alzheimer\w*)\b[^\n]{0,60}\b(?:(?:she|he|they) (?:is|has been|have been|was|"
     r"has gone|went)(?: \w+)? missing|gone missing|wandered off|not come back|has not come home|can "
     r"not find (?:her|him))\b", False),
    # Abuse: a child left alone for days; pictures asked of a child in swimwear; a threat to hurt
    # a relative unless the writer obeys; being sent away "to be fixed".
    ("child_alone_days", _A, "high",
     r"\b(?:boy|girl|child|kid|toddler|baby|son|daughter|little (?:one|\w+))\b[^.!?]{0,40}\b(?:left|"
     r"been|home) (?:on (?:his|her|their) own|alone|by (?:him|her)self|home alone) (?:since|for) "
     r"(?:\w+day|days|\d+ days|two days|three days|the (?:whole )?weekend|a week|last night)\b",
     False),
    ("pictures_costume", _A, "moderate",
     r"\b(?:asks?|asked|asking|wants?|keeps asking|told) (?:me|her|him|my \w+) (?:to )?(?:send|take|"
     r"for)(?: (?:him|her|them))? (?:pictures|pics|photos|selfies|videos)\b[^.!?]{0,20}\b(?:in (?:my|"
     r"her|his) (?:costume|swimsuit|swimming costume|underwear|bikini|bra|pyjamas|pajamas|nightie)|"
     r"without (?:clothes|my top|her top)|in bed)\b", False),
    ("threat_relative", _A, "high",
     r"\b(?:say|said|says|threaten\w*)\b (?:they|he|she)(?: will| would)? (?:cut|stab|hurt|shoot|"
     r"burn) (?:my (?:mum|mom|mother|dad|father|sister|brother|kids?|son|daughter|family|nan|"
     r"gran)|me)\b(?! (?:hair|fringe|off))[^.!?]{0,25}\bif i (?:do not|will not|refuse|stop|go to "
     r"the police)\b", False),
    ("sent_to_be_fixed", _A, "moderate",
     r"\b(?:send|take|ship|sending|taking)\b (?:me|her|him) (?:\"|')?(?:back )?(?:home|abroad|away|to "
     r"\w+)(?:\"|')? to be (?:fixed|cured|married|straightened out|corrected|changed)\b", False),
    # Harm to others: a violent urge toward one's own child, "scared of myself"; "taking out"
    # people with a building's layout or a weapon in the message (``NEEDS_MESSAGE``).
    ("nearly_hurt_child", _O, "high",
     r"\b(?:nearly|almost|wanted to|urge to|want to) (?:threw|throw|shook|shake|hit|smother\w*|hurt|"
     r"drop|dropped) (?:him|her|the baby|my (?:baby|son|daughter|toddler|kid))\b[^\n]{0,80}\b(?:scared|"
     r"afraid|frightened|terrified) of (?:me|myself)\b", False),
    ("taking_out", _O, "moderate",
     r"\b(?:thinking (?:about|of)|thought (?:about|of)|want to|going to|will) (?:taking|take) out "
     r"(?:the (?:\w+ )?(?:guys|people|men|women|lot)|everyone|all of them|them all)\b(?! (?:for|to) )",
     False),
    # Self-harm: a tool and "again" or relief; injuries "you gave yourself"; marks to hide.
    ("sh_tool_again", _H, "moderate",
     r"\b(?:scratch\w*|scrap\w*|carv\w*|cutting|digging)\b(?: (?:myself|my (?:arm|arms|skin|wrist|"
     r"leg|legs|thighs?)))? with (?:a |the |my )?(?:safety pin|pin|needle|compass|sharpener blade|"
     r"paperclip|razor|blade|broken glass|glass)\b[^\n]{0,60}\b(?:again|helps|relief|release|numb|"
     r"breathe|calm)\b", False),
    ("sh_gave_self", _H, "moderate",
     r"\b(?:burns?|cuts?|scars?|wounds?|marks?) (?:that )?(?:you|i) (?:gave|give|did|made|do) "
     r"(?:to )?(?:yourself|myself)\b(?! (?:while |when |by )?(?:cooking|shaving|ironing|baking|"
     r"accident\w*|at work|on the))", False),
    ("sh_hide_marks", _H, "moderate",
     r"\bhide (?:the |my |these )?(?:marks|scars|cuts|burns|lines)\b (?:on|from) (?:my )?"
     r"(?:arms?|forearms?|wrists?|thighs?|legs?|stomach)\b", False),
    # A third person's farewell by behaviour: prized things given away and an out-of-character
    # call or message ("gave me his medals ... rang to say he loves us. he never does that").
    ("third_giveaway", _T, "moderate",
     r"\b(?:gave|has given|is giving|been giving|handed) (?:me|us|my \w+|each of us) (?:his|her|their) "
     r"(?:\w+ )?(?:watch|ring|medals?|dog tags|guitar|car keys|tools|collection|jewellery|jewelry|"
     r"bike|camera|fishing gear|photos)\b[^\n]{0,140}\b(?:never does that|never says that|never "
     r"done that|out of character|not like (?:him|her)|so unlike (?:him|her)|first time ever)\b",
     False),
    # A child given gifts and asked into an adult's car or room (grooming).
    ("child_lured", _A, "moderate",
     r"\b(?:[5-9]|1[0-5]) ?(?:year old|yr old|yo)\b[^\n]{0,80}\b(?:asking|asks|asked|wants|telling|"
     r"tells|told|invit\w*) (?:her|him) to (?:come )?(?:and )?(?:sit|get|come|meet (?:him|her)|hang "
     r"out)\b[^.!?]{0,15}\b(?:in|into|to|at) (?:his|her|their) (?:car|van|truck|flat|house|room|"
     r"place)\b", False),
    # A threat to break a named bone of a partner, with drink or the partner in the message
    # (``NEEDS_MESSAGE``); petty triggers stay figurative (``TRIVIAL``).
    ("break_bone_threat", _O, "high",
     rf"\bi (?:will|am going to|am gonna|swear i will) (?:break|smash|snap|bust) (?:her|his) "
     rf"{_BONE}\b", False),
    # Religious framing of one's own death: how God judges those who leave early, asked "before
    # I go".
    ("judged_leave_early", _S, "moderate",
     r"\b(?:god|heaven|the lord|allah|the church|my faith|the bible)\b[^.?!]{0,30}\b(?:judge\w*|"
     r"forgive\w*|punish\w*|treat\w*|accept\w*|see\w*)\b[^.?!]{0,25}\b(?:the ones|those|people|"
     r"someone|anyone|a person|a man|a woman) who (?:leave|go|check out|die|end (?:it|things))\w* "
     r"(?:early|too soon|before (?:their|his|her|god'?s?) time|on purpose|by choice)\b", False),
    # Papers shown to a relative who "doesn't know why" (``NEEDS_MESSAGE``): preparations.
    ("papers_shown", _S, "low",
     r"\b(?:showed|told|shown|showing|telling) (?:my \w+|him|her|them)\b[^.!?]{0,20}\bwhere (?:the |"
     r"my |all the )?(?:important )?(?:papers|documents|will|passwords?|keys|insurance|deeds|bank "
     r"details|policy|policies)\b", False),
]
# ---- seventh round (families of the spent blind set H; general forms) ----
# Each is written as the structure of the phrasing, with its look-alikes in ``NEEDS_MESSAGE``
# and tests/safety/test_safety_round7.py.
_KIN = (r"(?:sister|brother|mum|mom|dad|mother|father|son|daughter|wife|husband|partner|friend|"
        r"cousin|nephew|niece|kids?|children|flatmate|roommate|neighbou?r|gran\w*|nan|nana|aunt|"
        r"uncle|mate|best friend|girlfriend|boyfriend|parents)")
_WOUND_SITE = (r"(?:left |right |upper |inner |lower )?(?:forearms?|wrists?|thighs?|upper arms?|"
               r"arms?|legs?|stomach|belly|hips?|ankles?|shoulders?|calf|calves)")
# A gap of a few characters with no negation in it ("the pills don't look tempting any more").
_NO_NEG_GAP = r"(?:(?!\b(?:not|never|no longer)\b)[^.!?])"
_CLOSURE = (r"(?:steri[- ]?strips?|butterfly (?:stitches|strips|closures|bandages?)|super ?glue|"
            r"liquid (?:stitches|bandage|skin)|skin glue|wound glue|stitches|gauze|dressings?|"
            r"plasters?|band-?aids?|bandages?)")
RULES += [
    # A night dream of dying, apart from daydreams and wishes: dream talk and dream
    # interpretation are excluded in ``NEEDS_MESSAGE`` ("what does it mean when you dream...").
    ("dream_death", _S, "low",
     r"\b(?:dream|dreams|dreaming|dreamt|dreamed) (?:\w+ ){0,2}(?:about |of )(?:dying|being dead|"
     r"my (?:own )?death|not existing|not being (?:here|alive)|ending it)", True),
    # A possession handed to a relative because it "won't be needed" after a near date
    # (``NEEDS_MESSAGE``: a transfer to a person, and no move, upgrade or trip).
    ("not_needing_it", _S, "high",
     r"\b(?:will not|am not going to|would not) (?:be needing|need|be using|have (?:any )?use for) "
     r"(?:it|them|this|that|those|these|any of (?:it|this|them)|my \w+)(?: \w+)? (?:after|past|beyond|"
     r"from|once) (?:this|next|the|tonight|tomorrow|today|sunday|monday|tuesday|wednesday|thursday|"
     r"friday|saturday)\b|\b(?:will not|am not going to|would not) (?:be needing|need) (?:it|them|"
     r"this|that|any of (?:it|this|them)) (?:any ?more|where i am going)\b", False),
    # A letter, note or video for one's family "to read after I'm gone" (``NEEDS_MESSAGE``: no
    # illness, age, deployment or estate frame, or such a frame denied: "I'm not sick").
    ("letter_after_gone", _S, "moderate",
     r"\b(?:letters?|notes?|videos?|messages?|cards?|recordings?)\b (?:for|to) (?:my|your|the|our|"
     r"his|her) (?:\w+ )?(?:kids|children|son|daughter|family|wife|husband|partner|parents|mum|mom|"
     r"dad|sister|brother|friends|grandkids|grandchildren|girlfriend|boyfriend|baby|twins)\b"
     r"[^.!?]{0,30}?\b(?:after|when|once|for when|for after) (?:i am|you are|i have|you have|i|you) "
     r"(?:gone|dead|no longer (?:here|around)|not (?:here|around) any ?more|die|pass)\b(?! for (?:the|a|"
     r"an|two|three|\d+|a few|a couple|my|our|work)\b| (?:on|to|at) (?:holiday|vacation|a trip|work|"
     r"camp|uni|college|the)\b)", True),
    # A means described as inviting, tempting or calling ("the razor keeps calling my name");
    # a place to fall from only as calling or pulling (``NEEDS_MESSAGE``: no shop, game, sport).
    ("means_inviting", _S, "moderate",
     rf"\b(?:pill bottles?|bottles? of (?:pills|tablets|meds|sleeping pills|painkillers)|pills|tablets|"
     rf"meds|sleeping pills|painkillers|razors?|razor blades?|blades?|rope|noose|gun|pistol|rifle|"
     rf"shotgun|{PILLS})\b{_NO_NEG_GAP}{{0,30}}?\b(?:looks?|looking|seems?|feels?|is|are|keeps?|kept|"
     r"started|starts?) (?:so |really |very |more and more |kind of |kinda |pretty |weirdly |strangely "
     r"|almost |too |all |just )?(?:inviting|tempting|appealing|(?:calling|whispering|talking) (?:me|"
     r"my name|to me)|beckoning|comforting|welcoming|like (?:a |an |the )?(?:answer|way out|escape|"
     r"solution|relief|friend|good idea))\b|\b(?:the )?(?:bridge|ledge|tracks|railway|edge|roof|"
     r"rooftop|cliff|drop|overpass)\b" + _NO_NEG_GAP + r"{0,20}?\b(?:is |are |keeps? |kept )?"
     r"(?:calling (?:me|my "
     r"name|to me)|pulling me|beckoning|whispering to me)\b", True),
    # Who looks after a pet or a child "if nobody is there any more" (``NEEDS_MESSAGE``: no
    # will, trip, hospital stay or old age in the message).
    ("who_cares_after", _S, "low",
     r"\b(?:who|what happens to)\b[^.?!]{0,30}?\b(?:feed\w*|look\w* after|take\w* care of|walk\w*|"
     r"care\w* for|raise\w*|keep\w*|get\w*|have) (?:a |my |the |our )?(?:cat|cats|dog|dogs|pets?|"
     r"kitten|puppy|fish|rabbit|hamster|bird|parrot|horse|tortoise|plants|kids|children|baby)\b"
     r"[^.?!]{0,30}?\b(?:if|when|once|after) (?:nobody|no one|i)\b[^.?!]{0,20}?\b(?:any ?more|for "
     r"good|gone|dead|die|died|no longer (?:here|there|around))\b(?! for (?:the|a|two|three|\d|a few|"
     r"our|my)\b| before (?:her|him|them|it)\b)", False),
    # Thanks passed on through someone else "for trying", with an absence or an end in the
    # message (``NEEDS_MESSAGE``; not a move, a new therapist, a holiday).
    ("thanks_for_trying", _S, "moderate",
     r"\b(?:tell|let|pass on to|say to|give)\b (?:\w+ ){1,3}?(?:(?:i said )?(?:thanks?|thank you)|that "
     r"i (?:am grateful|said thank you|said thanks)) for (?:trying\b(?! to)|everything|all (?:the|"
     r"their|his|her|your) (?:help|effort|time|patience)\b(?! (?:on|with|at|during|in)\b)|not giving "
     r"up on me|putting up with me)\b",
     False),
    # A cover story for an injury, then taken back ("said it was the dog. it wasn't the dog";
    # ``NEEDS_MESSAGE``: plasters, cuts, marks on the body).
    ("cover_story_false", _H, "moderate",
     r"(?:\b(?:i|and i) |^|(?<=[.!?,;] ))(?:said|told \w+(?: \w+)??|claimed|pretended|made up that|"
     r"lied and said|swore) "
     r"(?:that )?(?:it|they|these|those|(?:the|my) (?:\w+ ){0,3}?\w+) (?:was|were|is|are) "
     r"(?:just |all )?(?:from |"
     r"because of |caused by |done by |made by )?((?:the|a|an|my) \w+|an accident)\b[^\n]{0,40}?"
     r"\b(?:it|they|that|those|these) (?:was not|were not|is not|are not|was never|were never) "
     r"(?:really |actually )?(?:from |because of |caused by |done by |made by )?(?:\1|(?:an )?"
     r"accident)\b|\b(?:i|and i) (?:said|told "
     r"(?:her|him|them|everyone|my \w+)) (?:that )?i (?:fell|tripped|slipped)\b[^\n]{0,40}?\bi "
     r"(?:did not|never) (?:fall|trip|slip)\b", False),
    # A last meal or day "with me" with a frame of after (``NEEDS_MESSAGE``: not a move, a
    # deployment or custody); everything "ready for after" at the end of a clause.
    ("last_with_me", _S, "high",
     r"\b(?:last|final) (?:dinner|meal|supper|lunch|breakfast|day|weekend|christmas|birthday|"
     r"holiday|trip|walk|evening|night|time|memory|memories|hug|movie night|game night|film|"
     r"picnic|outing)s?(?: [\w']+){0,4}? (?:together )?with (?:me|us|their (?:mum|mom|dad|father|"
     r"mother))\b", False),
    ("ready_for_after", _S, "high",
     r"\b(?:everything|all|it all|things|everything else|the rest)(?: is|'s| are| has been| have "
     r"been) (?:all )?(?:ready|sorted|arranged|set|prepared|in place|taken care of|organi[sz]ed|"
     r"planned|paid|done) for (?:after|afterwards)\s*(?:[.!?,;]|$)", False),
    # Closing up wounds on the arms or thighs with strips or glue, recent or deliberate
    # (``NEEDS_MESSAGE``: no fall, pet, kitchen, tattoo or operation in the message).
    ("wound_care_sh", _H, "moderate",
     rf"\b{_CLOSURE}\b[^\n]{{0,60}}?\b(?:the ones|these ones|those ones|them|these|those|cuts|lines|"
     rf"wounds|gashes|slashes|slices) (?:on|across|along|up) (?:my|the) {_WOUND_SITE}\b|"
     rf"\b(?:cuts|lines|wounds|gashes|slashes|slices) (?:on|across|along|up) my {_WOUND_SITE}\b"
     rf"[^\n]{{0,60}}?\b{_CLOSURE}\b", True),
    # Pinned or slammed against a wall or to the floor by a partner or a relative
    # (``NEEDS_MESSAGE``: not wrestling, play or a pet); "next time it will be worse" said after
    # violence.
    ("restrained_me", _A, "high",
     rf"\b{ACTOR}\b (?:(?!(?:not|never|no)\b)\w+ ){{0,2}}?(?:pinned|pins|pinning|held|holds|holding|"
     r"slammed|slams|pressed|"
     r"presses|shoved|shoves|threw|throws|pushed|pushes|trapped|cornered|forced) me (?:down |up |hard "
     r")?(?:against|to|onto|into|on|up against) (?:the |a |our |my )?(?:wall|floor|ground|bed|door|"
     r"fridge|counter|table|car|sofa|couch|stairs|wardrobe|mirror|radiator|bathtub)\b", True),
    ("next_time_worse", _A, "high",
     r"\b(?:said|says|told me|warned(?: me)?|threatened|swore|screamed|whispered|yelled)\b[^.!?]{0,15}?"
     r"\b(?:that )?next time (?:it will|it is going to|it'll|i will|i'll|he will|she will|you will|"
     r"will) (?:be (?:worse|much worse|even worse|the last)|not (?:stop|be so (?:nice|gentle|lucky))|"
     r"really (?:hurt|kill)|kill)", False),
    # A third person sends a photo of their cut or bleeding wrists or arms (``NEEDS_MESSAGE``:
    # not a sports injury, a crash or a tattoo).
    ("third_party_photo", _T, "high",
     rf"\b{PERSON}\b{_NO_NEG_GAP}{{0,60}}?\b(?:sent|send|sends|posted|texted|snapped|showed|messaged) "
     r"(?:me |"
     r"us |everyone |the group )?(?:a |some |the )?(?:photo|pic|picture|selfie|snap|video|image)s? of "
     r"(?:her|his|their) (?=[^.!?]{0,40}\b(?:wrists?|arms?|thighs?|legs?|cuts|wounds|neck|veins)\b)"
     r"[^.!?]{0,40}?\b(?:cut|cuts|bleeding|blood|bloody|slashed|sliced|gashed|deep|open)\b", True),
    # Going back again and again to a place to fall from, "just looking" (``NEEDS_MESSAGE``:
    # a hint of why, and not a commute, a view, photos or a run).
    ("place_revisit", _S, "moderate",
     r"\b(?:drove|drive|driving|walked|walk|walking|went|go|going|cycled|biked|ended up|end up|keep "
     r"ending up|found myself|stopped|stood|sat|been)\b (?:\w+ )?(?:past|by|to|up to|out to|over|on|"
     r"at|back to) (?:the|that|this) (?:\w+ )?(?:bridge|viaduct|overpass|cliffs?|cliff edge|tracks|"
     r"railway|level crossing|crossing|quarry|dam|pier|car park roof|multi-?storey|top floor|"
     r"rooftop|roof|ledge|tower|gorge)\b[^\n]{0,60}?\b(?:again|every (?:day|night|morning|evening)|"
     r"each (?:day|night)|(?:\d+|two|three|four|five)(?:st|nd|rd|th)? times?|(?:third|fourth|fifth) "
     r"time|daily|most nights)\b|"
     # or the repetition in the verb ("keep ending up at the railway bridge")
     r"\b(?:keep|kept|always|still) (?:ending up|going|driving|walking|cycling|finding myself|coming "
     r"back|stopping) (?:\w+ )?(?:past|by|to|up to|out to|over|on|at|back to) (?:the|that|this) "
     r"(?:\w+ )?(?:bridge|viaduct|overpass|cliffs?|cliff edge|tracks|railway|level crossing|quarry|"
     r"dam|pier|car park roof|multi-?storey|top floor|rooftop|roof|ledge|tower|gorge)\b", True),
    # Eighth round (families of set I's misses, general forms).
    # A young child who bit, swallowed or drank a household product, with or without symptoms.
    ("child_ingestion", "medical_emergency", "high",
     r"\b(?:my|our|the) (?:(?:\d+|one|two|three|four)[ -]?(?:yo|yr|year|month|week)s?[ -]?old|"
     r"(?:(?:little|baby|toddler) )?(?:toddler|baby|son|daughter|kid|child|boy|girl|"
     r"little one|twins?|grandson|granddaughter|niece|nephew))\b[^.!?]{0,40}?\b(?:got into|bit|bitten|"
     r"chewed|swallowed|swallowing|drank|ate|licked|sucked on|put \w+ in (?:his|her) mouth)\b"
     r"[^.!?]{0,30}?\b(?:dishwasher (?:pods?|tablets?|tabs?)|laundry (?:pods?|capsules?|tablets?)|"
     r"washing (?:pods?|tablets?|capsules?|powder|liquid)|detergent|bleach|button batter\w*|"
     r"(?:coin|lithium) batter\w*|magnets?|antifreeze|drain cleaner|oven cleaner|e-?liquid|vape "
     r"(?:juice|liquid)|nicotine|my (?:pills|tablets|meds|medication)|iron tablets|paracetamol|"
     r"lamp oil|white spirit|dishwasher salt|rat poison|weed ?killer|slug pellets)\b", False),
    # "Took the whole lot / all of them / every last one" (``NEEDS_MESSAGE``: pills or an
    # extra dose named, no food).
    ("took_whole_lot", _S, "high",
     r"\bi (?:just |finally |have |went and )?(?:took|taken|swallowed|downed|necked|had) (?:the "
     r"(?:whole |entire )?lot|all of them|every (?:last |single )?one(?: of them)?|the rest of "
     r"them)\b", False),
    # Going with a dying relative: "when she goes, I'm going with her".
    ("going_with_them", _S, "moderate",
     r"\bwhen (?:she|he|they|mum|mom|dad|my (?:\w+ )?(?:mum|mom|dad|wife|husband|partner|mother|"
     r"father|nan|gran))(?: finally)? (?:goes|dies|passes|is gone|are gone|passes away|leaves us)\b"
     r"[^.!?]{0,6}?\bi(?: am|'m| will|'ll)(?: going| go)(?: to go)? (?:with (?:her|him|them)|too)\b",
     False),
    # Hoping traffic "sorts it out": passive risk-seeking in the road.
    ("hoping_traffic", _S, "moderate",
     r"\b(?:hoping|hope|wishing|praying)(?: that)? (?:a|the|some|one of the) (?:bus|car|truck|lorry|"
     r"van|train|tram|taxi|driver)\w* (?:\w+ ){0,2}?(?:hits|will hit|would hit|takes|sorts|ends|"
     r"finishes|flattens|runs (?:me )?over|does not stop|doesn't stop|won't stop)\b", False),
    # "Logging out" of life: a euphemism with forever / for good / permanent (``NEEDS_MESSAGE``:
    # no account, app, server or site named).
    ("logout_forever", _S, "high",
     r"\b(?:forever|permanent|final|last|eternal) (?:logout|log ?out|log ?off|sign ?off|uninstall)\b|"
     r"\blog(?:ging|ged)? (?:out|off) (?:of life|of existence|for good|permanently|forever)\b", False),
    # Someone "who'll be around long term" for a pet or a child given away.
    ("around_long_term", _S, "moderate",
     r"\b(?:deserves|needs|found|with) (?:someone|somebody|a family|people|a home|a person|an owner)"
     r"(?: who| that)?(?: will| ?'ll) (?:be around|still be here|be here|be there) (?:long[- ]term|"
     r"for (?:the )?long(?:er)?|longer|in the long run|for (?:her|him|them) long)\b", False),
    # A finality frame for tidy affairs: "for whoever has to sort my stuff".
    ("whoever_sorts", _S, "moderate",
     r"\bfor (?:whoever|whomever|the person who|the people who)(?: will| has to| have to| needs to|"
     r"'ll)? (?:has to |have to |need to )?(?:sort|clear|go through|deal with|clean) (?:out |up )?"
     r"(?:my|all my) (?:stuff|things|belongings|flat|room|affairs|mess|house|place)\b", False),
    # Ninth round (families of set J's misses, general forms).
    # Going to a person's place with a weapon or a grievance (``NEEDS_MESSAGE``).
    ("harm_en_route", _O, "high",
     r"\b(?:i am |i have been |been |am )?(?:driving|heading|going|walking|on my way|waiting|parked|"
     r"sitting|standing) (?:\w+ )?(?:to|over to|round to|by|outside|at|near|behind) (?:his|her|"
     r"their|my ex(?:'s)?|(?:the|that) \w+(?:'s)?) (?:\w+ )?(?:house|place|car|truck|flat|work|door|"
     r"office|apartment|gym|school|workplace)\b", False),
    # Running a person off the road, as an intention.
    ("run_off_road", _O, "high",
     r"\b(?:i am going to|i will|i am gonna|going to|i want to|i am about to|about to) run "
     r"(?:him|her|them|(?:my|his|her|that|the) [\w']+(?: [\w']+){0,3}?) off the road\b", True),
    # Wanting a person to suffer (``NEEDS_MESSAGE``: no game, match or fiction).
    ("make_them_suffer", _O, "moderate",
     r"\bi (?:want|wanted|would like|am going|will|have (?:an )?urges?|keep wanting) to (?:make|see) "
     r"(?:him|her|them|(?:the|those|these|that|my) \w+(?: who [^.!?]{0,30}?)?) (?:suffer|bleed|"
     r"pay in blood)\b", True),
    # A dose or substance "enough to not come back", undetectable afterwards, fastest on a person.
    ("means_effect", _L, "high",
     r"\b(?:enough|how much|how many)\b[^.?!]{0,40}?\bto (?:not|never) (?:come back|wake up|wake)\b|"
     r"\b(?:least|hardest to|harder to|not|un)[- ]?(?:detectable|detect|traceable|trace)\w* "
     r"(?:afterwards|after death|post[- ]?mortem|in an autopsy|at autopsy)\b|"
     r"\b(?:works?|kills?|acts?|finish(?:es)? (?:you|me|a person)(?: off)?) (?:the )?fast(?:est|er)"
     r"(?: on (?:a person|a human|people|humans|someone|me))?\b(?=[^.!?]{0,60}(?:person|human|"
     r"people|me\b|starv|hotline))", True),
    # Not being around for a coming date (``NEEDS_MESSAGE``: no trip, move, leave or meeting).
    ("not_around_for", _S, "moderate",
     r"\b(?:when|since|because|as) i (?:will not|am not going to|probably will not) be (?:around|"
     r"here|alive) (?:for|to see|by) (?:the|my|his|her|their|next|\w+'s)\b|"
     r"\blast (?:\w+ )?of anything\b", True),
    # Affairs finished, "now I can go" / a goodbye post "before I go" (``NEEDS_MESSAGE``).
    ("now_i_can_go", _S, "high",
     r"\bnow i can (?:finally )?(?:go|rest|leave)(?=\s*(?:[.!,;]|$))|\bbefore i go(?=\s*(?:[.!,;]|$))"
     r"|\bwho should i (?:give|leave) my (?:accounts|things|stuff|cat|dog|pets?)(?: to)?\b", True),
    # Finality acts and "not coming back" (``NEEDS_MESSAGE``: a place to fall or a means).
    ("not_coming_back", _S, "high",
     r"\bnot coming back\b", False),
    # Wishing a machine, animal or thing would crush or hit me.
    ("wish_crushed", _S, "moderate",
     r"\bwish (?:the|a|that|some|one of the) (?:\w+ )?(?:tractor|truck|lorry|car|bus|train|tree|"
     r"roof|wall|machine|combine|bull|horse|wave|building|plane|forklift|bale)s? would (?:just )?"
     r"(?:roll (?:over )?on me|crush me|fall on me|hit me|take me|land on me|flatten me|run me over|"
     r"kill me|finish me)\b", True),
    # Hurting the skin with a small tool, no other object named.
    ("sh_small_tool", _H, "moderate",
     r"\b(?:scratch|carv|burn|cut|hurt|scrap|dig)\w* (?:myself |my (?:arms?|legs?|wrists?|skin|"
     r"thighs?|stomach|hands?) )?(?:again )?(?:with|using) (?:a|the|my) (?:paper ?clip|safety pin|"
     r"pin|needle|compass|sharpener blade|sharpener|razor|blade|lighter|nail file|scissors|broken "
     r"glass|glass|staple|key|bottle cap)\b", True),
    # Wanting to bleed (not negatable: "i do not want to bleed" does not match).
    ("want_to_bleed", _H, "moderate",
     r"\bi (?:just )?(?:want|need|wanted|needed) to (?:bleed|see (?:myself )?bleed|see blood)"
     r"(?! (?:the|my|a|your|our|those|these|it|out the|air)\b)", True),
    # Held under water, touched with a threat not to tell.
    ("held_under_water", _A, "high",
     r"\b(?:holds?|held|holding|pushes|pushed|shoves|shoved|forces|forced|keeps|kept) my (?:head|"
     r"face) (?:down )?under (?:the )?(?:bath ?water|water|bath|sink)\b", False),
    ("touch_secret", _A, "high",
     r"\btouch(?:es|ed|ing)? me\b[^.!?]{0,80}?\b(?:if i (?:tell|told|say)|not to tell|never tell|"
     r"our (?:little )?secret)\b", False),
    # A person who is not breathing (any subject), CPR under way, a fall with no answer.
    ("not_breathing_any", _M, "high",
     r"\b(?:is not|are not|not|stopped|has stopped|have stopped|no longer|barely) breathing\b"
     r"(?! (?:a word|down|room|space|exercises?))|\b(?:started|began|giving (?:him|her|them)|"
     r"performing) cpr\b(?! (?:class|course|training|on a (?:dummy|mannequin)))|"
     r"\b(?:fell|collapsed|fainted|passed out|went down|hit (?:his|her|their) head)\b[^.!?]{0,60}?"
     r"\b(?:is not|not|will not) (?:answering|responding|waking|moving|making sense)\b", False),
    # Heat stroke and named red-flag syndromes in one's own body (``NEEDS_MESSAGE``).
    ("red_flag_own", _M, "high",
     r"\bstopped sweating\b|\b(?:sepsis|stroke|heart attack|meningitis|anaphylaxis|dka|"
     r"ketoacidosis) (?:signs|symptoms)\b|\b(?:these are|this is|i have|i know (?:these|this) "
     r"(?:are|is)) (?:the )?(?:signs?|symptoms?) of (?:sepsis|a stroke|stroke|a heart attack|"
     r"meningitis|anaphylaxis|dka|ketoacidosis)\b", True),
]
# Rules that count only when the whole message also has a context word (checked in
# ``layer._filter_hits``): an absolving line needs a frame of "after"; a bath turning red
# needs a blade or blood; courage needs a means; a last contact needs an act.
NEEDS_MESSAGE: dict[str, re.Pattern[str]] = {
    # ninth round
    "harm_en_route": re.compile(r"\b(?:tire iron|tyre iron|crowbar|bat|knife|gun|hammer|machete|"
                                r"axe|wrench|pipe|shotgun|rifle|pistol|getting what is coming|"
                                r"what is coming to (?:him|her|them)|make (?:him|her|them) (?:pay|"
                                r"suffer)|teach (?:him|her|them) a lesson|hurt (?:him|her|them)|"
                                r"kill (?:him|her|them)|calm down)\b"),
    "make_them_suffer": re.compile(r"^(?![\s\S]*\b(?:game|boss|raid|match|opponents?|team|"
                                   r"league|story|novel|character|villain|rank\w*)\b)"),
    "not_around_for": re.compile(r"^(?![\s\S]*\b(?:moving|move|holiday|vacation|trip|travel\w*|"
                                 r"abroad|leave|away|meeting|shift|conference|deploy\w*|"
                                 r"visit\w*)\b)"),
    "now_i_can_go": re.compile(r"\b(?:will|affairs|new home|rehomed|goodbye|farewell|letters?|"
                               r"notes?|insurance|policy|accounts|passwords)\b"),
    "not_coming_back": re.compile(r"^(?=[\s\S]*\b(?:one[- ]way ticket|deleted (?:all )?my accounts|"
                                  r"cancell?ed (?:the|my) lease|gave away my|wrote my will)\b)"
                                  rf"[\s\S]*\b(?:cliffs?|bridge|edge|ledge|roof|tracks|{MEANS_STRONG}|"
                                  r"pills|deleted (?:all )?my accounts)\b"),
    "red_flag_own": re.compile(r"\bmy (?:pressure|bp|temp|temperature|fever|heart|chest|face|"
                               r"arm|leg|vision|speech|skin|head)\b|\bi (?:am|feel|have|do not "
                               r"want to go)\b[^.!?]{0,30}\b(?:confused|dizzy|hot|burning|"
                               r"fever|go in|throwing up|vomit\w*)"),
    "took_whole_lot": re.compile(
        r"^(?![\s\S]*\b(?:cookies|biscuits|sweets|candy|chocolates?|cake|pizza|food|snacks?|fries|"
        r"chips|samples|photos|pictures|shots|questions|boxes|bags|leftovers|free)\b)[\s\S]*\b(?:pills?|"
        r"tablets?|meds|medication|capsules?|extra|doses?|sleeping|prescription|paracetamol|"
        r"painkillers|bottle|pack|packet|strip|blister)\b"),
    "logout_forever": re.compile(
        r"^(?![\s\S]*\b(?:account|app|apps|server|site|website|twitter|tiktok|instagram|facebook|"
        r"discord|reddit|steam|platform|social media|game|profile|forum|work laptop|vpn)\b)"),
    "not_your_fault": re.compile(
        r"\b(?:if (?:you|u) (?:see|read|find|get) this|after (?:tomorrow|tonight|today|i am gone|"
        r"i go|this)|when (?:you|u|they) (?:find|read|see|get) (?:this|it|me)|by the time|note|"
        r"letter|(?:want|need) (?:them|you|him|her|everyone) to (?:understand|know)|goodbye|"
        r"(?:last|final) (?:message|words|time)|i am sorry for (?:everything|what i am about))\b"),
    # seventh round: or the body getting cold, faint or weak (blood loss), never a bath bomb or dye
    "bath_blood": re.compile(r"^(?![\s\S]*\b(?:bath ?bombs?|bombs?|dyes?|dyed|dyeing|hair|henna|"
                             r"colou?r\w*|beetroot|paint\w*|clay|salts?|wine|rust\w*|pipes?|lush|"
                             r"jelly|petals|crayons?|bubbles?|toys?|tablets? for kids)\b)[\s\S]*"
                             r"\b(?:razor|blade|blades|knife|cut\w*|blood|bleed\w*|wrists?|cold|"
                             r"freezing|dizzy|faint\w*|weak|sleepy|light ?headed|pale|numb|fading|"
                             r"drifting|shaking)\b"),
    "means_courage": re.compile(rf"\b(?:{MEANS_STRONG}|{PILLS}|pills|hose|exhaust|bridge|ledge|"
                                r"roof|tracks|train|do it|end it|jump)\b"),
    "scouting": re.compile(r"\b(?:bridge|roof|ledge|balcony|cliff|building|platform|tracks|"
                           r"overpass|car park|parking|tower)\b"),
    "accelerant_ready": re.compile(r"\b(?:burn\w*|torch\w*|set\w* (?:it |him |her )?(?:on )?"
                                   r"fire|alight|light (?:it|him|her) up)\b"),
    "no_way_back": re.compile(rf"\b(?:{MEANS_STRONG}|{PILLS}|pills|razor|blade|blades|knife|"
                              r"stones|rocks|bottle|exhaust|hose)\b"),
    "breathing_slow": re.compile(rf"\b(?:{PILLS}|pills|patch|patches|fentanyl|opioids?|heroin|"
                                 r"methadone|morphine|oxy\w*|xanax|benzos?|took|taken|swallowed|"
                                 r"drank|overdos\w*|injected|snorted)\b"),
    "drowning_weights": re.compile(r"\b(?:lake|river|sea|water|canal|reservoir|quarry|pier|ocean|"
                                   r"tide|bridge)\b"),
    "lied_safe": re.compile(r"\b(?:asked (?:me )?(?:if|whether)|therapist|doctor|nurse|counsell?or|"
                            r"psychiatrist|gp|crisis|act on it|safe|safety|suicid\w*|hurt myself|"
                            r"plan|screening|questionnaire|assessment)\b"),
    "ear_blood": re.compile(r"^(?![\s\S]*\b(?:piercing|pierced|earrings?|cotton buds?|q-?tips?|"
                            r"scratch\w*|ear ?wax|swimm\w*)\b)"),
    "sh_not_shaving": re.compile(r"\b(?:razor|razors|blades?)\b"),
    "sh_did_again": re.compile(r"\b(?:selfharm\w*|self harm\w*|cutting|scars?|cuts|blades?|"
                               r"razor|burn(?:ing|s))\b"),
    "cant_care_soon": re.compile(r"^(?!.*\b(?:moving|move|surgery|operation|hospital|care home|"
                                 r"hip|knees?|arthritis|travel\w*|new job|deploy\w*|abroad|baby|"
                                 r"pregnan\w*|allerg\w*|landlord|lease|rehab|treatment|chemo)\b)"),
    "final_contact": re.compile(r"\b(?:do it|did it|end it|going to go|take them|took them|"
                                r"jump)\b"),
    "not_back_over": re.compile(r"\b(?:multistorey|multi-storey|car park|parking (?:garage|"
                                r"structure)|roof|rooftop|top deck|top floor|bridge|ledge|"
                                r"railings?|barrier|balcony|cliff|edge|overpass|tower)\b"),
    "platform_end": re.compile(r"^(?![\s\S]*\b(?:photo\w*|camera|spott\w*|loco\w*|livery|"
                               r"footage|video)\b)"),
    "climb_over": re.compile(r"\b(?:bridge|roof|ledge|balcony|cliff|building|overpass|car park|"
                             r"railings?|barrier|looked down|edge)\b"),
    "own_day": re.compile(rf"^(?![\s\S]*\b(?:induction|c-section|caesarean|appointment|wedding|"
                          r"holiday|vacation|rota|shift|annual leave|booking|schedule)\b)[\s\S]*"
                          rf"\b(?:{MEANS_STRONG}|{PILLS}|pills|morphine|oxy\w*|fentanyl|insulin)\b"),
    "pills_unsuspicious": re.compile(rf"\b(?:{PILLS}|pills|packs?|packets?|boxes|chemist|"
                                     r"pharmac\w*|prescription)\b"),
    "knot_videos": re.compile(r"^(?![\s\S]*\b(?:sail\w*|boat\w*|scouts?|climb\w*|fishing|"
                              r"camping|macrame|crochet|knitting|neck ?ties?|bow ?ties?)\b)[\s\S]*\b(?:since|"
                              r"lost|late at night|3am|middle of the night|withdrawn|not "
                              r"himself|not herself|worried)\b"),
    "taking_out": re.compile(r"\b(?:layout|building|gun|rifle|weapon|ammo|shoot\w*|bomb|where "
                             r"they (?:sit|park|work))\b"),
    "break_bone_threat": re.compile(r"\b(?:had a few|drunk|been drinking|pissed|wasted|hammered|"
                                    r"had a drink|drinks|beers|wife|girlfriend|partner|missus|"
                                    r"comes (?:in|home) late)\b"),
    "judged_leave_early": re.compile(r"\bbefore i (?:go|leave|do it)\b|\bi need to know\b|"
                                     r"\bfor me\b"),
    "papers_shown": re.compile(r"\b(?:does not|did not|do not) know why\b|\bno idea why\b|"
                               r"\bnot told (?:him|her|them) why\b|\bafter i am gone\b|"
                               r"\bwhen i am gone\b"),
}


# Seventh round: the context of the narrowed round-6 rules and of the new families.
NEEDS_MESSAGE.update({
    # a prognosis given by a doctor or a vet, an illness, a joke: no risk of one's own, unless
    # the writer says it is their choice
    "not_alive_for": re.compile(
        r"^(?:(?=[\s\S]*\b(?:made sure|decided|my (?:own )?choice|own terms|i will make sure)\b)|"
        r"(?![\s\S]*\b(?:vets?|doctors?|drs?|nurses?|consultants?|oncologist|specialists?|surgeons?|"
        r"hospice|palliative|prognosis|terminal\w*|diagnos\w*|cancer|tumou?r|chemo\w*|weeks to live|"
        r"months to live|put (?:him|her|them|it) down|put to sleep|old age|lol|lmao|haha\w*)\b))"),
    # "soon" needs a farewell frame; never a move, an upgrade or a donation
    "need_more_than_me": re.compile(
        r"^(?![\s\S]*\b(?:uni|university|college|moving|move|new job|upgrad\w*|outgrown|too small|"
        r"donat\w*|charity|shelter|declutter\w*|new one|spare)\b)[\s\S]*(?:\bwhere i am going\b|"
        r"\b(?:look after|take care of|keep an eye on|be good to|be there for) \w+|\ball (?:of )?my\b|"
        r"\bevery(?:thing| one of my)\b|\bgoodbye\b|\b(?:after|when) i am gone\b|\b(?:will not|"
        r"won't) need\b|\bnot (?:be )?(?:here|around)\b|"
        # a bequest ("left my bike to my cousin") or things given away
        r"\bleft (?:him |her |them )?(?:all )?my (?:\w+ ){0,2}?(?:to|for) (?:my|him|her|them)\b|"
        r"\bgave (?:\w+ )?away\b)"),
    "dream_death": re.compile(
        r"^(?![\s\S]*\b(?:what (?:does|do) (?:it|this|that|they|these|dreams?|such dreams) mean|mean "
        r"when|meaning|interpret\w*|symboli\w*|nightmares?|last night|recurring|dream (?:journal|"
        r"diary|dictionary)|in (?:my|the|a) dreams?|(?:a|the|this|that|weird|bad|strange|vivid|"
        r"scary|odd) dreams? (?:about|of|where|that|last))\b)"),
    "not_needing_it": re.compile(
        r"^(?![\s\S]*\b(?:moving|move|abroad|new (?:phone|number|contract|plan|job|one|laptop|car)|"
        r"upgrad\w*|switching (?:network|provider|carrier)|contract|trip|holiday|vacation|rental|"
        r"hire|deploy\w*|travel\w*|emigrat\w*|work phone|company|give it back|returning it|lease|"
        r"outgrown|too small|sold|selling|sell|uni|university)\b)[\s\S]*\b(?:transfer\w*|give|"
        r"giving|gave|given|leave|leaving|left|hand\w* (?:over|on|down)|pass\w* (?:on|over|down)|"
        r"sign\w* (?:it |them )?over|put|switch\w* (?:it )?over)\b[^\n]{0,60}"
        rf"\b(?:to|for|in) (?:my|his|her) (?:\w+ )?{_KIN}\b|\b(?:my|his|her) (?:\w+ )?{_KIN} (?:can|"
        r"could|will|should|may) (?:have|keep|take|use)\b"),
    "letter_after_gone": re.compile(
        r"^(?:(?=[\s\S]*\b(?:not|never) (?:sick|ill|dying|unwell|old)\b)|(?![\s\S]*\b(?:cancer|"
        r"terminal\w*|diagnos\w*|hospice|palliative|chemo\w*|surgery|operation|deploy\w*|military|"
        r"army|navy|soldier|estate|lawyer|solicitor|(?:a|my|the) will|memory box|legacy|"
        r"tradition|someday|some day|one day|eventually|i am (?:old|getting old)|years old|"
        r"elderly|retired|at my age|grandkids|grandchildren|dementia|illness|ill|sick|dying|"
        r"disease|camp|trip|travel\w*|abroad|away)\b))"),
    "means_inviting": re.compile(
        r"^(?![\s\S]*\b(?:buy|bought|buying|price|sale|deal|shop|store|range|hunting|collect\w*|"
        r"game|skins?|loadout|recipe|cake|cooking|gift|swing|climb\w*|hike|hiking|view|photos?|"
        r"sunset|paint\w*|drawing|pool|swim\w*|beach|sea|lake|holiday|sun|fix|repair\w*|tiles)\b)"),
    "who_cares_after": re.compile(
        r"^(?![\s\S]*\b(?:(?:my|a) will|(?:write|writing|wrote|update\w*|make|making|made) (?:a |my )?"
        r"will|lawyer|solicitor|estate|elderly|old age|\d\d years old|surgery|operation|hospital|"
        r"travel\w*|holiday|vacation|trip|flight|flying|deploy\w*|conference|moving|emergency "
        r"contact|just in case|insurance|guardian\w*|godparents?)\b)"),
    "thanks_for_trying": re.compile(
        r"^(?![\s\S]*\b(?:moving|move|new job|quit\w*|switch\w*|graduat\w*|discharg\w*|holiday|"
        r"vacation|trip|surgery|operation|flu|covid|exams?|wedding|conference|transfer\w*|new "
        r"(?:therapist|coach|doctor|job|school|team|club|counsell?or)|afford|insurance|schedule|"
        r"shift|finished|finishing|done with (?:therapy|treatment)|because of|due to|since i (?:am|"
        r"have)|as i am|appointment|dentist|doctor|meeting|launch|project|off sick|sick|ill)\b)"
        r"[\s\S]*\b(?:(?:will not|am "
        r"not going to|will no longer|am not|will never) be (?:at|there|in|coming|around|here|back|"
        r"needing)|not coming (?:back|to)|last (?:session|appointment|time|message)|goodbye|it is "
        r"over|for good|any ?more|did (?:their|his|her) best|not (?:their|his|her) fault)\b"),
    "cover_story_false": re.compile(
        r"\b(?:plasters?|band-?aids?|bandag\w*|cuts|wounds?|scars?|burns|bruis\w*|blood|bleed\w*|"
        r"stitches|steri\w*|sleeves|on my (?:arms?|wrists?|thighs?|legs?|stomach|hands?))\b"),
    "last_with_me": re.compile(
        r"^(?![\s\S]*\b(?:moving|move|moves|abroad|deploy\w*|uni|university|college|new job|"
        r"emigrat\w*|custody|divorce|their dad'?s|their mum'?s|their mom'?s|ex|hospital|surgery|"
        r"operation|chemo\w*|prison|camp|boarding|semester|term|visa|flight|leaving for|party|"
        r"office|work|team|colleagues?|coworkers?|retir\w*|leaving do|farewell|job|internship|"
        r"placement|shift|school|class)\b)"
        r"[\s\S]*\b(?:for after|ready for after|after i am gone|when i am gone|before (?:sunday|"
        r"monday|tuesday|wednesday|thursday|friday|saturday|the weekend|tomorrow|tonight|i do it)|"
        r"everything(?: is|'s) (?:ready|sorted|arranged|in place|set)|it is time|goodbye|remember "
        r"me|(?:will not|do not|does not|never) (?:know|understand))\b"),
    "ready_for_after": re.compile(
        r"^(?![\s\S]*\b(?:party|wedding|ceremony|reception|guests|match|gig|concert|drinks|"
        r"celebration|barbecue|bbq|picnic|wake|show|game|meeting|conference|launch)\b)"),
    "wound_care_sh": re.compile(
        r"^(?![\s\S]*\b(?:fell|fall|tripped|slipped|bike|cat|cats|kitten|dog|puppy|bramble\w*|"
        r"thorns?|fence|kitchen|cooking|chopping|knife slipped|tattoo\w*|piercing|surgery|operation|"
        r"biopsy|mole|wax\w*|shav\w*|bites?|insect|mosquito|eczema|psoriasis|rash|skiing|football|"
        r"rugby|climbing|work|accident\w*)\b)[\s\S]*\b(?:tonight|last night|today|just now|this "
        r"morning|an hour ago|again|fresh|new|deep|deeper|gaping|will not stop|myself|i did (?:it|"
        r"them|this)|i made|from me|on purpose)\b"),
    "restrained_me": re.compile(
        r"^(?![\s\S]*\b(?:wrestl\w*|judo|bjj|jiu|jitsu|mma|sparring|grappl\w*|tickl\w*|play "
        r"fight\w*|pillow fight|lol|haha\w*|lmao|dog|puppy|cat|kitten|toddler|massage|danc\w*|"
        r"kiss\w*|romantic|cuddl\w*|hug\w*|novel|story|scene|chapter)\b)"),
    "next_time_worse": re.compile(
        r"^(?![\s\S]*\b(?:dentist|doctor|teacher|coach|fine|ticket|parking|exam|test|floss\w*|"
        r"storm|hangover|traffic)\b)[\s\S]*\b(?:pinned|hit|hits|shoved|pushed|grabbed|choked|"
        r"slapped|kicked|punched|strangled|wall|bruis\w*|hurt me|husband|wife|boyfriend|girlfriend|"
        r"partner|dad|stepdad|father|mum|mom|ex)\b"),
    "place_revisit": re.compile(
        r"^(?![\s\S]*\b(?:traffic|commut\w*|(?:to|way to|on the way to) (?:work|school)|photo\w*|"
        r"camera|dog|jog\w*|run|running|training|fishing|birds?|sunset|sunrise|views?|boats?|"
        r"trainspott\w*|construction|repairs?|detour|roadworks|deliver\w*|shift|route|walks|picnic|"
        r"swim\w*|museum|tour|shop\w*|market|gallery|cafe|pub|restaurant|event|festival|seals)\b)"
        r"[\s\S]*(?:\bjust (?:looking|to look|checking|sitting|standing|thinking|staring)\b|\bno reason\b|"
        r"\b(?:looking|looked|staring|stared|peer\w*) (?:down|over)\b|\bthe drop\b|\bhow high\b|"
        r"\bcalm(?:s|ed)? me\b|\bthinking about\b|\bnobody knows\b|\bdo not ask\b)"),
})
NEEDS_MESSAGE["third_party_photo"] = re.compile(
    r"^(?![\s\S]*\b(?:crash\w*|accident\w*|fell|fall|rugby|football|match|game|surgery|operation|"
    r"dog bite|bitten|tattoo\w*|piercing|stitches from|skateboard\w*|bike)\b)")
MESSAGE_LEVEL_R7 = frozenset({"cover_story_false", "next_time_worse"})

RULES += en_families.RULES  # seventeenth round
COMPILED: list[tuple[str, str, str, re.Pattern[str], bool]] = [
    (name, cat, level, re.compile(rx), neg) for name, cat, level, rx, neg in RULES
]

# Rules matched on the whole message rather than sentence by sentence (their regexes look
# across sentences: "plan is set. saturday, the bridge...").
MESSAGE_LEVEL = frozenset({"means_plan", "finality", "farewell_final", "child_neglect",
                           "plan_listed", "sh_sleeves",
                           "minor_secrecy", "relapse_sh", "woke_disappointed",
                           # sixth round: the parts of these may stand in different sentences
                           "nearly_hurt_child", "infant_floppy", "diabetic_confused",
                           "pregnancy_vision", "dementia_missing", "sh_tool_again",
                           "funeral_soon", "platform_end", "third_giveaway", "child_lured",
                           "break_bone_threat", "judged_leave_early", "papers_shown"}
                          | MESSAGE_LEVEL_R7)
# Rules negated only by a negation right before the match ("I don't want to disappear").
# Seventh round: also a denial frame ("it is not that i want to disappear, i just want a weekend
# off"; "that does not mean i want to...").
PRE_NEGATED = {"disappear": re.compile(r"\b(?:do|does|did) not\s*$|\bnever\s*$|\bnot (?:that|like|"
                                       r"as if|because) i\s*$|\bnot mean (?:that )?i\s*$")}

# Cheap pre-checks for the slowest rules: a rule can only match text containing one of
# these words (each list is a superset of the words its regex requires).
NEEDS: dict[str, re.Pattern[str]] = {
    "on_tracks": re.compile(r"rail|track|ledge|edge|note is|front of|traffic"),
    "third_party_act": re.compile(r"took|swallow|overdos|taken|drank|tried|attempt|trying|"
                                  r"bridge|roof|ledge|edge|tracks|cut|burn|hurt|harm|stab|shot|"
                                  r"hang|hung|poison|strangl|posted|jump|says|said|told|texted|"
                                  r"messaged"),
    "end_it_all": re.compile(r"\bend\b|\bstop\b|want out"),
}

# ---- context patterns -------------------------------------------------------------------
TIME_RE = re.compile(rf"\b{TIME}\b")
RECENT = re.compile(r"\b(?:just|last night|tonight|today|this morning|yesterday|an hour ago|"
                    r"again|right now|minutes ago|earlier|deep|deeper|bleeding|blood)\b")
PAST = re.compile(r"\b(?:years? ago|when i was (?:a )?(?:younger|teen|teenager|kid|child|\d+)|"
                  r"in (?:high school|college|my teens|20\d\d|19\d\d)|as a (?:teen|teenager|kid)"
                  r"|a long time ago|used to|last (?:year|month|summer|winter|spring|autumn|fall)|in "
                  r"the past|(?:a few|two|three|several) (?:years|months) back)\b")
REMISSION = re.compile(r"\b(?:clean|free|stopped|recovered|better now|doing (?:well|better|"
                       r"great|good))\b[^.]{0,30}\b(?:for|since)?\b[^.]{0,10}\b(?:\d+|a|two|"
                       r"three|four|five|six|several|many|over a|years?|months?)\b|"
                       r"\bhave not (?:cut|selfharmed|hurt myself) (?:in|for|since)")
ACCIDENT = re.compile(r"\b(?:shaving|cooking|chopping|slicing|by accident|accidentally|"
                      r"on (?:a|the|some) (?:knife|paper|glass|oven|stove|pan|iron|fence|nail|"
                      r"grater|can|tin can|tin|lid|mandoline|saw|wire|thorns?|rose ?bush|"
                      r"tile)|at (?:the )?(?:gym|work|practice)|playing|lifting|running|"
                      r"skiing|football|soccer|fell|tripped|slipped|sports?|workout|hike|"
                      r"hiking|climbing|baking|gardening|on the oven|ice|doctor|"
                      r"how do i stop the bleeding)\b")
PLAN_BENIGN = re.compile(r"\b(?:retir\w+|moving|new job|leaving (?:the|my) (?:job|company|team|"
                         r"school)|graduat\w+|farewell party|going away party|wedding|(?<!credit )card|"
                         r"coworkers?|colleagues?|charity|donat\w+|declutter\w*|moving out|"
                         r"first kid|baby|estate planning|lawyer|yearbook|class|school|team|"
                         # seventh round: plurals, and the people one leaves in an ordinary move
                         r"classmates?|schoolmates?|teammates?|schools|classes|teams|"
                         r"(?:switch|chang|transferr)\w* (?:schools?|jobs?|classes|teams?|"
                         r"departments?|offices?|branches?)|last day (?:at|of|in)|"
                         r"leaving do|vacation|holiday|trip|camp|house|mortgage|married|"
                         r"pregnan\w*|newborn|revision|revising|(?:digital |social media )?"
                         r"detox|to focus)\b")
# An absence bounded in time right after "i will not be here" ("... next week", "... for a few
# days") and an everyday reason for it in the message: an appointment, a trip, a move, or a
# promise to report back. Together (rules.py/layer.py) they make the absence ordinary.
ABSENCE_TIME = re.compile(r"\s*(?:next (?:week|month|weekend|\w+day)|tomorrow|on (?:monday|tuesday|"
                          r"wednesday|thursday|friday|saturday|sunday)|this (?:weekend|week|"
                          r"\w+day)|for (?:a |the )?(?:few |couple of |two |three |\d+ )?(?:days?|"
                          r"weeks?|bit|while|month|weekend|holidays?)|over (?:the )?(?:weekend|"
                          r"holidays?|christmas|summer|easter|break)|during)\b")
ABSENCE_REASON = re.compile(r"\b(?:appointment|surgery|operation|op|procedure|cataracts?|hip|"
                            r"knee|scan|check-?up|dentist|colonoscopy|holiday|vacation|trip|"
                            r"travel\w*|flight|flying|abroad|visiting|conference|wedding|"
                            r"honeymoon|cruise|camping|retreat|exams?|moving|business|festival|"
                            r"tournament|i will (?:tell|let) you (?:know|how)|i will (?:be )?(?:back|"
                            r"report back)|(?:be|am|get|getting) back (?:on|in|next|after|"
                            r"tomorrow|by|the))\b")
# Things that collapse with nobody hurt (a cake, a tent, a plan): the subject of "collapsed", or
# what "it" refers to. No furniture or building: a person collapses on or in those.
_THING = (r"(?:dough|bread|loaf|cake|sponge|souffle|meringue|pavlova|pastry|crust|jelly|tent|"
          r"gazebo|umbrella|market|stocks?|economy|company|business|deal|talks|plan|project|"
          r"startup|government|coalition|sandcastle|pile|stack|bubble|balloon|server|network)")
COLLAPSED_THING = re.compile(rf"\b{_THING}\b(?:\s+(?!and\b|then\b|but\b|he\b|she\b|they\b|i\b|"
                             rf"we\b|you\b)\w+){{0,3}}?\s+collapsed\b|"
                             rf"\b{_THING}\b[^\n]{{0,80}}?\bit (?:\w+ )?collapsed\b")
# Sore muscles after exercise ("leg day wrecked me, can't lift my arms"): not a stroke sign.
EXERCISE = re.compile(r"\b(?:leg day|arm day|gym|workout|work out|worked out|lifting|deadlifts?|"
                      r"squats?|bench press\w*|push ?ups|pull ?ups|doms|personal trainer|pt session|"
                      r"crossfit|spin class|bootcamp|marathon training)\b")
BENIGN_ACTIVITY = re.compile(r"\b(?:bungee|skydiv\w*|cliff diving|diving board|parachut\w*|"
                             r"base jump\w*|paraglid\w*|zip ?lin\w*|climbing|abseil\w*|"
                             r"rappel\w*|hunting|shooting range|gun range|target practice|"
                             r"paintball|airsoft|pier|dock|diving|pool|trampoline|lake|quarry)\b")
TRIVIAL = re.compile(r"\bif (?:he|she|they|you|it|my \w+) (?:\w+ ){0,2}(?:eats?|ate|takes?|took|"
                     r"touches?|uses?|finish\w*|spoil\w*|drinks?|borrows?|steals?|wakes? me|loses?|"
                     r"lost|does not win|do not win|gets? knocked out|gets? relegated|is "
                     r"late|does that|says that|calls me|leaves|forgets?)|\bif i have to "
                     r"(?:\w+ ){0,6}?(?:again|one more|another)|\bone more (?:meeting|email|call|"
                     r"class|minute|day of this|song|episode)|\b(?:makes?|made|making) me want "
                     r"to (?:die|kill myself)|\bwhen (?:he|she|they) (?:sees?|finds? out)|\bso (?:bored|"
                     r"full|boring|good|cute|funny|hard|beautiful|pretty|excited|long|slow|"
                     r"cringe\w*|awkward|annoying|loud|hilarious|"
                     r"tired|hungry|embarrassed|hot|cold|stuffed) (?:that )?(?:i|it|this) (?:am )?"
                     r"(?:want to|could|will|is going to|"
                     r"am going to|going to|might) (?:\w+ )?(?:die|kill myself|kill me)|"
                     # a petty grievance: someone took, ate or broke something ordinary
                     r"\b(?:stole|took|ate|borrowed|used|wore|broke|finished|drank|spoiled|"
                     r"spoilt|ruined|read|hid|lost|sat on|deleted|unplugged|changed) my (?:\w+ )"
                     r"{0,2}?(?:hoodie|clothes|food|fries|leftovers|snacks?|charger|phone|stuff|"
                     r"shirt|jumper|sweater|makeup|game|games|headphones|bike|drink|cereal|lunch|"
                     r"sandwich|chocolate|pizza|keys|seat|remote|show|save file|diary|shoes|"
                     r"jacket|car|lipstick|hair ?dryer|controller|password|netflix|spot|yogurt|"
                     r"milk|ice cream|cake|cookies|chips|crisps|notes|homework|leftover\w*|dinner|"
                     r"breakfast|pasta|noodles|dress|skirt|jeans|top|trousers|pants|socks|"
                     r"t-?shirt|coat|hat|perfume|shampoo|straighteners|book|pen|parking space)\b|"
                     # whatever someone ate or drank of mine, or spilled on it
                     r"\b(?:ate|eaten|eats|drank|drinks|scoffed) (?:all |the last |the rest )?(?:of )?"
                     r"my\b|\bspill(?:ed|t|s) (?:\w+ ){0,2}(?:on|all over) (?:my|it)\b|"
                     r"\b(?:spoiled|spoilt) (?:the|my) (?:ending|show|movie|book|episode|game)|"
                     # embarrassment and hangovers ("lol i want to die, i just waved at ...")
                     r"\bin front of (?:everyone|everybody|the whole|my (?:whole |entire )?(?:class|"
                     r"crush|boss|team|office|family)|the class|my crush)|\bi just (?:waved|tripped|"
                     r"called|said|sent|replied|texted|liked|fell|walked|farted|sneezed|spilled|"
                     r"burped)\b|\b(?:hungover|hangover|so embarrass\w*|cringe\w*|mortified)\b|"
                     # a machine or a group project letting one down again
                     r"\b(?:printer|scanner|laptop|computer|pc|wifi|internet|router|phone|app|"
                     r"code|build|game|bus|train|update|excel|spreadsheet|zoom|teams)\b (?:\w+ )?"
                     r"(?:jammed|crashed|froze|died|broke|is down|went down|lagg\w*|stopped working|"
                     r"deleted|updated|failed|is late|cancelled|canceled)\b|\bgroup (?:project|"
                     r"chat|assignment)\b[^.!?]{0,40}\b(?:again|vanished|ghosted|bailed|flaked|"
                     r"did nothing|disappeared)\b")
WEAPON_OR_PLAN = re.compile(r"\b(?:gun|knife|weapon|rifle|pistol|know where (?:he|she|they) "
                            r"lives?|plan|for real|not joking|i mean it|seriously|tomorrow|"
                            r"tonight)\b")
QUESTION = re.compile(r"\?\s*$|^(?:what|how|why|is|are|can|could|should|does|do|where|when|"
                      r"which|who|explain|tell me|define|describe|help me|list|give me|"
                      r"i am writing|write|we are doing|i need (?:facts|information|info))\b|"
                      r"\b(?:essay|research|presentation|project|class|paper|article|"
                      r"statistics|facts|myths|warning signs|signs|symptoms|risk factors|"
                      r"treatment|prevention|support (?:a|my|someone)|help (?:a|my|someone)|"
                      r"talk to (?:a|my|someone)|training|course)\b")
TOPIC_SUICIDE = re.compile(r"\b(?:suicid\w*|selfharm\w*|self-injur\w*|nssi|overdose\w*|"
                           r"naloxone|narcan|lethal means|means (?:restriction|safety|counsel\w*)|"
                           r"domestic (?:abuse|violence)|abusive relationships?|child abuse|"
                           r"(?:friend|sister|brother|daughter|son|student|partner|child|kid|teen\w*|"
                           r"pupil|patient|girlfriend|boyfriend)\b[^.?]{0,25}\b(?:cuts|used to cut|"
                           r"cutting|self ?harms?)|"
                           r"cutting (?:myself|yourself|themselves|themself|himself|herself)|"
                           r"kill(?:ing|ed)? (?:him|her|them)sel(?:f|ves)|themselves|"
                           r"end(?:ing)? (?:their|his|her) (?:own )?li(?:fe|ves)|"
                           r"988|crisis (?:lines?|text lines?|hotlines?|counsel\w*|workers?|cent(?:er|"
                           r"re)s?|"
                           r"services?|teams?)|hotlines?|lifelines?|samaritans|"
                           r"postvention|safety plan|killed (?:him|her|them)self|died by suicide|"
                           r"c-ssrs|columbia|"
                           # seventh round: the field's own terms without the word "suicide"
                           r"werther effect|papageno effect|psychological autops\w*|(?:involuntary|"
                           r"psychiatric|psych|72[- ]hour|5150) (?:hold|commitment|admission|"
                           r"detention)|contagion effect|copycat (?:suicides?|effect)|"
                           r"thoughts (?:of|about) (?:harming|hurting|killing) (?:the|a|their|your|"
                           r"one's) (?:baby|child|kids?|newborn|infant))\b")
TOPIC_MENTAL = re.compile(r"\b(?:depression|depressive|anxiety|bipolar|schizophreni\w*|ptsd|"
                          r"ocd|adhd|eating disorders?|anorexia|bulimia|borderline|bpd|"
                          r"psychosis|panic attacks?|mental (?:illness|health|disorders?)|"
                          r"therapy|therapist|cbt|dbt|antidepressants?|ssris?|psychiatrist|"
                          r"psychologist|seasonal affective|personality disorder|trauma|"
                          r"grief counselling|counselling|counseling)\b")
FIRST_PERSON_RISK = re.compile(r"\b(?:i am|i feel|i have been|i want|i keep|i still)\b[^.]{0,30}"
                               r"\b(?:suicid\w*|selfharm\w*|cutting|overdos\w*)\b|\bmy (?:own )?"
                               r"(?:selfharm|cutting|suicidal)")
RETRACTION = re.compile(r"\b(?:jk|j/k|just kidding|just joking|i was (?:only |just )?(?:kidding"
                        r"|joking)|it was (?:a|just a|only a) joke|(?:only|just) (?:a )?joke|"
                        r"joking|kidding|never ?mind|nvm|forget (?:it|i said (?:that|anything))"
                        r"|i did not mean (?:it|that)|i am (?:fine|ok|okay|good|alright) now|"
                        r"relax|chill|not serious|was not serious|lol i am fine|i am fine lol)\b")
BYPASS = re.compile(r"\b(?:ignore (?:all |your |the )?(?:previous|prior|above) (?:instructions|"
                    r"rules|prompts?)|hypothetical\w*|for a (?:story|novel|book|game|script|"
                    r"character|class|school project|research)|role-? ?play|pretend (?:you|to "
                    r"be|that)|you are (?:now )?dan\b|developer mode|jailbreak|no (?:rules|"
                    r"filters|restrictions)|safety (?:off|disabled)|disable (?:the |your )?"
                    r"(?:safety|filter)|skip the (?:crisis|safety) check|asking for a friend|"
                    r"just (?:research|curious)|in a fictional|as an ai with no|system:)")
