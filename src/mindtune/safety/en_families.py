"""Seventeenth round: English rule families written from the misses of the spent blind sets
K, L, M, R, S and U (docs/safety.md), as families, not as a set's sentences. Text is
``normalize``d (lower case, contractions expanded: "he's" -> "he is", "don't" -> "do not").
Each entry is ``(name, category, level, regex, negatable)`` as in ``patterns.RULES``, matched
sentence by sentence.
"""

from __future__ import annotations

_S, _H, _A, _T = "suicidal", "self_harm", "abuse_danger", "third_party_risk"
_M, _O = "medical_emergency", "harm_to_others"

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
