"""Seventeenth round: English rule families written from the misses of the spent blind sets
K, L, M, R, S and U (docs/safety.md), as families, not as a set's sentences. Text is
``normalize``d (lower case, contractions expanded: "he's" -> "he is", "don't" -> "do not").
Each entry is ``(name, category, level, regex, negatable)`` as in ``patterns.RULES``, matched
sentence by sentence.
"""

from __future__ import annotations

import re

_S, _H, _A, _T = "suicidal", "self_harm", "abuse_danger", "third_party_risk"
_M, _O, _L = "medical_emergency", "harm_to_others", "lethal_means"

_KIN = (r"(?:mom|mum|mother|dad|father|mama|papa|parents|family|sister|brother|kids|son|daughter|"
        r"wife|husband|girlfriend|boyfriend|partner|grandma|grandpa|nan|best friend)")

RULES: list[tuple[str, str, str, str, bool]] = [
    # a message to be passed on after one's death: "tell my mom I loved her", past tense
    ("loved_after", _S, "moderate",
     rf"\b(?:tell|remind|let) (?:my )?{_KIN} (?:know )?(?:that )?i (?:loved|really loved|always "
     r"loved) (?:her|him|them|you)\b", True),
    # a third person who said goodbye or talked of dying and now cannot be reached
    ("goodbye_unreachable", _T, "high",
     r"\b(?:goodbye|farewell|good-bye) (?:email|e-mail|message|text|post|video|note|letter|voice "
     r"note|voicemail)\b[^.]{0,100}\b(?:not|stopped|never) (?:picking up|answering|responding|"
     r"replying|reply|answer|respond|pick up)\b|\b(?:talking|talked|talks) about (?:dying|death|"
     r"killing (?:him|her|them)sel\w*|not being (?:here|around))\b[^.]{0,80}\b(?:stopped|not|"
     r"never) (?:answering|picking up|responding|replying)\b", False),
    ("never_see_again", _T, "moderate",
     r"\b(?:would not|will not|is not going to|are not going to) see (?:him|her|them|me) "
     r"(?:tomorrow,? )?(?:or )?ever again\b", False),
    # threats of "honour" violence, or of death for who the writer is
    ("honour_threat", _A, "moderate",
     # matched after "kill me", which the idiom list blanks ("my mom will kill me")
     r"(?:(?<=kill me for )|(?<=kill us for )|(?<=kill her for )|(?<=kill him for )|(?<=kill me "
     r"over ))(?:the )?(?:family'?s? )?hono(?:u)?r\b|\bhono(?:u)?r killing\b|(?<=kill me if )(?:he|she|"
     r"they) (?:finds?|found) out "
     r"(?:that )?i am (?:gay|lesbian|bi|bisexual|trans|queer|pregnant|dating)\b", False),
    # a weapon taken to a named place of others
    ("weapon_to_place", _O, "high",
     r"\b(?:bring|bringing|brought|take|taking|took|carry|carrying) (?:a|the|my|dad's|my dad's) "
     r"(?:\w+ )?(?:gun|rifle|shotgun|pistol|knife|machete|axe) (?:in)?to (?:the )?(?:office|work|"
     r"school|class|campus|meeting|standup|stand-up|site|store|shop|party)\b", False),
    ("intrusive_harm_baby", _O, "moderate",
     r"\b(?:think|thinking|thought|thoughts) (?:about|of) (?:shaking|hitting|hurting|smothering|"
     r"suffocating|drowning) (?:the |my |our )?(?:baby|babies|twins|kids?|son|daughter|newborn|"
     r"infant)\b", True),
    # deliberate burns, and hiding fresh wounds from a doctor
    ("deliberate_burn", _H, "moderate",
     r"\b(?:deliberately|on purpose|purposely) (?:put|pressed|held|burned|burnt) (?:my )?(?:hand|"
     r"arm|fingers?|palm|skin|myself)\b|\bput my (?:hand|arm|palm) on the (?:hob|stove|iron|"
     r"hot plate|burner)\b[^.]{0,30}\b(?:on purpose|deliberately|again)\b|\bhide (?:the |my )?"
     r"(?:burn|cut|self-?harm)\w* (?:marks|scars|wounds|cuts)\b(?! from (?:years|long))", True),
    # medical red flags in plain words
    ("chest_arm", _M, "high",
     r"\bchest (?:feels )?(?:crushed|crushing|like it is being crushed)\b|\bcrushing (?:chest )?"
     r"pain\b|\bchest\b[^.]{0,40}\bleft arm(?: is)? (?:numb|tingling|dead)\b", False),
    ("asthma_no_inhaler", _M, "high",
     r"\basthma attack\b[^.]{0,60}\b(?:inhaler|can not breathe|barely|no air)\b|\binhaler (?:is )?"
     r"(?:empty|ran out|finished|gone)\b[^.]{0,40}\b(?:can not|barely|struggling to) breathe\b",
     False),
    ("fell_unresponsive", _M, "high",
     rf"\b(?:{_KIN[3:-1]}|grandma|grandpa|grandmother|grandfather|he|she|husband|friend|roommate) "
     r"(?:\w+ )?(?:fell|has fallen|collapsed|passed out|fainted)\b(?! asleep| over laughing)[^.]{0,80}"
     r"\b(?:does not|will not|can not) (?:answer|respond|wake up|move)\b(?! to (?:texts|messages|"
     r"emails|calls))|\b(?:fell|collapsed|passed out|fainted)\b[^.]{0,80}\bis not breathing\b",
     False),
    # not wanting to carry on living, waiting to disappear
    ("no_carry_on", _S, "low",
     r"\b(?:do not|does not|no longer) want to (?:carry on|go on|keep) (?:living|being alive|"
     r"existing)\b|\bjust waiting to (?:disappear|die|not exist)\b", False),
    # second pass
    ("better_off_all", _S, "low",
     r"\b(?:everyone|everybody|they all|my family) (?:is|will be|would be|are) (?:so much |much )?"
     r"better off\b(?! (?:with|if we|now that|because of the|in the))", False),
    ("thanks_take_care", _S, "low",
     r"\bthanks? (?:you )?for everything\b[^.]{0,40}\btake care of (?:each other|yourselves|my "
     r"\w+)\b", False),
    ("talking_how_easy", _T, "moderate",
     r"\b(?:has been|keeps|kept|was) talking about how easy it would be\b", False),
    ("papers_taken", _A, "moderate",
     r"\b(?:took|taken|kept|keep|keeps|hold|holding) (?:our|my) (?:ids?|passports?|documents|papers)\b"
     r"[^.]{0,80}\b(?:not allowed to|can not|are not allowed to) (?:leave|go)\b", False),
    ("racing_heart_number", _M, "high",
     r"\bheart (?:rate )?(?:at|is at|is|of) (?:1[6-9]\d|2\d\d)\b", False),
]

# ---- thirty-fifth round: families of the spent English-led sets ZO, ZQ, ZS, ZU, ZW ---------
# (docs/safety.md "Thirty-fifth round"). Same form as above; tests in
# tests/safety/test_safety_round35.py use sentences of their own.
_DEAD_KIN = (r"(?:mom|mum|mother|dad|father|mama|papa|grandma|grandpa|grandad|granddad|gran|nan|"
             r"nana|nanna|granny|grandmother|grandfather|wife|husband|son|daughter|brother|sister|"
             r"twin|baby|best friend|auntie|aunt|uncle)")
_INNOCENT_CAUSE = (r"(?:cat|cats|kitten|dog|puppy|oven|stove|iron|pan|baking tray|curling iron|"
                   r"straighteners|bike|brambles|roses|gardening|hob|kettle)")

RULES += [
    # joining a dead parent or partner ("ready to go be with my dad now"; the message says they
    # died: NEEDS_MESSAGE)
    ("join_the_dead", _S, "moderate",
     rf"\b(?:ready|want|wanna|going|time|need|about|longing|waiting) to (?:go )?(?:be with|join|"
     rf"see|meet) (?:my )?(?:late |dead )?{_DEAD_KIN}\b(?! (?:at|in|on|for|tomorrow|next|this|"
     r"after))", True),
    # harm to others meant to look like an accident, or poison put in someone's food
    ("covert_harm", _O, "moderate",
     r"\bmake (?:someone's|somebody's|his|her|their|my \w+'s|\w+'s) (?:brakes|car|heart) (?:fail|"
     r"crash|stop)\b|\b(?:cut|tamper with|mess with|loosen|sabotage|disable) (?:someone's|"
     r"somebody's|his|her|their|my \w+'s) (?:brake lines|brakes)\b|\b(?:kill|hurt|poison|harm|"
     r"drug|get rid of|push|run over) (?:someone|somebody|him|her|them|my \w+)\b[^.?!]{0,60}\b"
     r"without (?:it|anyone|them|the police|being|getting)\b[^.?!]{0,20}\b(?:looking|seeming|"
     r"noticing|caught|traced|suspect\w*|finding out)\b|\bmake (?:it|his death|her death|their "
     r"death) look like an accident\b|\b(?:put|slip|mix|add|putting|slipping) (?:some )?(?:poison|"
     r"rat poison|bleach|antifreeze|weed ?killer|pesticide) (?:in|into) (?:his|her|their|my "
     r"\w+'s|someone's|\w+'s) (?:food|drink|coffee|tea|meal|dinner|water|soup|lunch)\b", True),
    # the fastest or strongest poison, or enough of one to kill, asked outright
    ("poison_fast", _L, "moderate",
     r"\b(?:fastest|quickest|fast|quick)[- ]acting (?:poisons?|toxins?)\b|\bpoisonous enough "
     r"to(?:\s*(?:\.|…|$)| (?:kill|end) (?:a person|a human|me|someone|an adult|myself))", False),
    # questions about the deadliest mix or a painful death: counted with a reason
    # (layer._NEEDS_CONTEXT)
    ("poison_question", _L, "moderate",
     r"\b(?:deadliest|most (?:poisonous|toxic|deadly|lethal))\b[^.?!]{0,40}\b(?:if|when) "
     r"(?:you |i |they )?(?:mix|combine|drink|swallow|inhale|breathe)\b|\b(?:is|would|does) "
     r"dying (?:from|of|by) (?:\w+ ){1,4}?(?:be )?(?:painful|hurt|quick|fast|peaceful|painless)\b",
     False),
    # not eating, or starving, as a punishment
    ("punish_not_eating", _H, "low",
     r"\b(?:stopped|stop|not|quit|skipping|skipped|refus\w*) (?:eating|meals|food)\b[^.]{0,50}\b"
     r"punish(?:ing)? (?:myself|me)\b|\bpunish(?:ing|ed)? myself\b[^.]{0,30}\b(?:not eating|"
     r"starving|skipping meals)\b|\bstarv(?:e|ing|ed) myself\b[^.]{0,40}\b(?:punish|deserve)",
     True),
    # a cover story for scars or burns that others are told or believe
    ("sh_cover_story", _H, "moderate",
     rf"\b(?:thinks?|believes?|told \w+|tell \w+|say) (?:that )?my (?:scars|cuts|burns|marks) "
     rf"(?:are|were) from (?:my |the |a )?{_INNOCENT_CAUSE}\b|\btold (?:people|everyone|them|"
     rf"\w+) (?:it was|they were|they are) (?:from )?(?:my |the |a )?{_INNOCENT_CAUSE}\b"
     r"[^.?!]{0,40}\b(?:excuse|story|lie|believe)", False),
    # someone going at a person with a knife or another weapon
    ("weapon_at_person", _A, "high",
     r"\b(?:go|goes|going|went|come|comes|coming|came|lunged|lunges|swung|swings|ran|runs) "
     r"(?:at|for) (?:me|us|my \w+|him|her|them)\b[^.]{0,12}\bwith (?:a|the|his|her|their|my) "
     r"(?:kitchen |big |bread |carving )?(?:knife|knives|machete|axe|hammer|bat|gun|blade|"
     r"screwdriver|scissors|broken bottle)\b", False),
    # a grievance, then "they will see"
    ("they_will_see", _O, "moderate",
     r"\b(?:laughed at|humiliated|mocked|bullied|made fun of)\b[^\n]{0,120}\b(?:they|he|she|you)"
     r" (?:will|are going to|is going to) (?:all )?(?:see|regret (?:it|this)|be sorry|pay)"
     r"(?: for (?:it|this|that))?(?: (?:on \w+day|tomorrow|tonight|soon|next week))?\s*[.!]*$",
     False),
    # fear of having one's medication or a gun at home, given how one feels
    ("means_at_home_fear", _L, "moderate",
     r"\b(?:scared|afraid|frightened|worried|nervous) (?:of|about) (?:having|keeping) (?:it|them|"
     r"(?:the |my |a )?(?:pills|tablets|meds|medication|gun|bottle|supply))\b[^.]{0,30}\b(?:in "
     r"the house|at home|around|near me|in my room)\b[^.]{0,40}\b(?:how i am feeling|the way i "
     r"(?:am )?feel\w*|my head|my state|lately|these days)", False),
    # thirty-sixth round: a parent with dementia walking into traffic or water
    ("dementia_wandering", _T, "moderate",
     r"\b(?:dementia|alzheimer'?s)\b[^\n]{0,80}?\b(?:wander\w*|walk\w*|went|goes|going|keeps "
     r"going|tried to walk|tries to walk|driv\w*|drove|ran|runs) (?:out )?(?:onto|into|in front of|"
     r"across) (?:the )?(?:main |busy )?(?:road|sea|river|motorway|highway|dual carriageway|"
     r"traffic|tracks|railway|canal|lake|ocean)\b", False),
    # one's own eulogy or obituary, drafted (not a class exercise: NEEDS_MESSAGE)
    ("own_eulogy", _S, "low",
     r"\b(?:writing|drafting|wrote|drafted|rehears\w*|planning|keep (?:drafting|writing)) my "
     r"(?:own )?(?:eulogy|obituary)\b", True),
    # a note to whoever finds it, with thanks or last wishes (NEEDS_MESSAGE)
    ("note_to_finder", _S, "moderate",
     r"\b(?:to|dear) whoever (?:reads|finds|is reading) this\b", False),
]

NEEDS_MESSAGE = {
    "join_the_dead": re.compile(
        r"^(?![\s\S]*\b(?:grave|cemetery|memorial|headstone|visit\w*|hospital|care home|"
        r"nursing home|flight|airport)\b)[\s\S]*(?:\b(?:passed|died|dead|is gone|in heaven|up "
        r"there|funeral|late|lost (?:him|her)|miss (?:him|her|them))\b|\U0001F54A)"),
    "own_eulogy": re.compile(
        r"^(?![\s\S]*\b(?:exercise|class|assignment|workshop|course|prompt|homework|therapist "
        r"asked|teacher asked)\b)"),
    "note_to_finder": re.compile(
        r"\b(?:thank you for everything|thanks for everything|goodbye|sorry|take care of|look "
        r"after|water my|feed my|forgive me|i love you all)\b"),
}

# matched on the whole message: the grievance and the threat are often two sentences
MESSAGE_LEVEL = frozenset({"they_will_see", "dementia_wandering"})
