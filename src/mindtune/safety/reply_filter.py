"""Post-generation check of a model reply: regexes only, well under 1 ms for a few KB.

A reply is rejected when it gives methods, means, doses or lethality, diagnoses the
user, prescribes or changes medication, or promises secrecy. Means-safety advice
("put the pills out of reach") is allowed.
"""

from __future__ import annotations

import re
import unicodedata

_DRUGS = (r"(?:sertraline|zoloft|fluoxetine|prozac|citalopram|celexa|escitalopram|lexapro|"
          r"paroxetine|paxil|venlafaxine|effexor|duloxetine|cymbalta|bupropion|wellbutrin|"
          r"mirtazapine|remeron|trazodone|amitriptyline|nortriptyline|lithium|lamotrigine|"
          r"lamictal|quetiapine|seroquel|olanzapine|zyprexa|aripiprazole|abilify|risperidone|"
          r"xanax|alprazolam|valium|diazepam|ativan|lorazepam|klonopin|clonazepam|ambien|"
          r"zolpidem|adderall|ritalin|methylphenidate|propranolol|hydroxyzine|buspirone|"
          r"melatonin|benadryl|diphenhydramine|tylenol|paracetamol|acetaminophen|ibuprofen|"
          r"advil|aspirin|insulin|oxycodone|codeine|tramadol|morphine|fentanyl|"
          r"(?:an? )?(?:ssri|snri|antidepressant|antipsychotic|benzodiazepine|mood stabili[sz]er|"
          r"sleeping pill|sedative|anti-?anxiety (?:medication|med|drug))s?)")
_DISORDER = (r"(?:clinical depression|depression|major depressive disorder|mdd|bipolar(?: "
             r"disorder)?|bpd|borderline(?: personality disorder)?|c-?ptsd|ptsd|ocd|adhd|gad|"
             r"generalized anxiety disorder|an? anxiety disorder|panic disorder|schizophrenia|"
             r"psychosis|an eating disorder|anorexia|bulimia|autism|narcissistic personality "
             r"disorder|an? personality disorder|dysthymia|social anxiety disorder|"
             r"an? (?:mental|psychiatric) (?:illness|disorder))")

REASONS: list[tuple[str, re.Pattern[str]]] = [
    ("method", re.compile(
        r"\b(?:ti(?:e|ing)|make|making) (?:a )?(?:noose|slip ?knot)|\bnoose\b|\bhang(?:ing)? "
        r"(?:yourself|oneself|myself|themselves)|\b(?:slit|cut|slash)(?:ting)? (?:your|the|my|"
        r"one's) (?:wrists?|throat|veins?|arteries)|\b(?:vertical(?:ly)?|lengthwise|along the "
        r"(?:vein|artery))\b|\bcarbon monoxide\b|\bcharcoal (?:burning|grill)|\bhelium\b|"
        r"\bexit bag|\bsuicide (?:bag|kit)|\bexhaust (?:pipe|fumes)|\b(?:jump|jumping|leap"
        r"(?:ing)?) (?:off|from) (?:a|the) (?:bridge|building|roof|cliff|balcony)|\bin front "
        r"of (?:a|the) (?:train|truck|bus)|\bmix(?:ing)? (?:\w+ ){0,3}(?:with alcohol|bleach "
        r"and|and ammonia)|\bsteps? (?:to|for) (?:kill|suicide|overdose|end)|\bgun to (?:your|"
        r"the) head|\bshoot(?:ing)? (?:yourself|oneself)|\bpentobarbital|\bnembutal|\bcyanide|"
        r"\bbarbiturates?|\bsuffocat\w+ (?:yourself|oneself)|\bdrown(?:ing)? (?:yourself|"
        r"oneself)|\boverdos(?:e|ing) on\b|\bbleed(?:ing)? out\b")),
    ("lethality", re.compile(
        r"\b(?:lethal|fatal|deadly|toxic|killing) (?:dose|amount|level|quantity|threshold)s?|"
        r"\bld50\b|\benough to (?:kill|die|be fatal|be lethal|stop (?:your|the) heart)|"
        r"\bwould (?:kill (?:you|a person|someone)|be fatal|be lethal)|\b(?:liver|organ|kidney)"
        r" (?:failure|damage)\b|\b(?:falls?|jumps?) (?:from|of) (?:over |more than |above )?"
        r"\d+|\b\d+\s?(?:m|meters?|metres?|feet|ft|stor(?:ey|ie)s|floors?)\b[^.]{0,40}(?:fatal|"
        r"lethal|survive|die|death|kill)|\bsurvival rate|\bmost (?:lethal|effective|painless|"
        r"reliable|common|deadly) (?:suicide )?(?:method|way|means)|\bpainless(?:ly)?\b"
        r"[^.]{0,30}(?:die|death|method|way to)|\b(?:can|could|will|would) (?:kill|be fatal)\b"
        r"[^.]{0,20}\b(?:in|within) (?:\d+|a few) (?:minutes|hours)")),
    ("dose", re.compile(
        r"\b\d+(?:[.,]\d+)?\s?(?:mg|milligrams?|mcg|micrograms?|mg/kg|iu|units of insulin|"
        r"tablets?|pills?|capsules?|caps)\b|\b\d+(?:[.,]\d+)?\s?(?:g|grams?|ml|milliliters?)\b"
        rf"[^.]{{0,40}}\b(?:{_DRUGS}|medication|medicine|dose|dosage|drug)|\b{_DRUGS}\b[^.]"
        r"{0,40}\b\d+(?:[.,]\d+)?\s?(?:g|grams?|ml|milliliters?|mg)\b|\b(?:take|taking|"
        r"swallow(?:ing)?) (?:\w+ ){0,2}(?:\d+|a (?:handful|bottle)|all) (?:of )?(?:the |your )?"
        r"(?:pills|tablets|capsules)")),
    ("diagnosis", re.compile(
        r"(?<!\bif )(?<!\bwhether )(?<!\bwhen )\b(?:you (?:have(?! been diagnosed| mentioned| "
        r"said| told| shared)|have got|might have|may have|probably have|likely have|clearly "
        r"have|definitely have|are suffering from|suffer from|seem to have|are showing (?:signs"
        r"|symptoms) of|are (?:clearly |definitely |probably )?(?:experiencing|dealing with))|"
        r"sounds like you have|it sounds like (?:you have|you are suffering from)|i think you "
        r"have|i diagnose you with|your diagnosis is|you meet the criteria for|you (?:definitely"
        r"|clearly|probably) suffer from)\s+(?:\w+ ){0,2}?" + _DISORDER + r"\b|\byou are "
        r"(?:clearly |definitely |probably |obviously )?(?:bipolar|schizophrenic|psychotic|"
        r"autistic|a narcissist|narcissistic|anorexic|bulimic|clinically depressed)\b|\bthis is "
        r"(?:clearly|definitely|probably|classic|textbook) " + _DISORDER)),
    ("prescription", re.compile(
        r"(?<!not )(?<!n't )(?<!never )\b(?:you should (?:\w+ )?(?:take|try|start|be on|ask "
        r"for)|you need (?:to take|to start)|try taking|try|start(?:ing)? on|start taking|i "
        r"(?:would )?recommend|i(?: would)? suggest|i prescribe|consider taking|switch to|"
        r"increase|decrease|double|halve|stop taking|come off|skip) (?:\w+ ){0,3}?(?:"
        + _DRUGS + r"|your (?:dose|dosage|medication|meds))\b(?![^.]{0,40}\b(?:as prescribed|"
        r"with your doctor|your doctor|a doctor|prescriber|pharmacist|psychiatrist))")),
    ("secrecy", re.compile(
        r"\bi (?:promise|swear) (?:i will not|i won't|not to) tell|\bthis (?:stays|will stay) "
        r"between (?:us|you and me)|\bi will keep (?:this|it|your secret) (?:a )?secret|"
        r"\bno one (?:else )?will (?:ever )?know\b")),
]

_MEANS_SAFETY = re.compile(
    r"\b(?:away|out of reach|lock(?:ed)? (?:it|them|up)|remove|give (?:it|them) to|dispose|"
    r"safe place|someone you trust|hold on ?to)\b")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")


def _prep(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'").replace("'", "'")


def scan_reply(reply: str, means_request: bool = False) -> tuple[str | None, str | None]:
    """Return ``(reason, matched text)`` for the first problem in ``reply``, or ``(None, None)``.

    ``means_request`` says the user asked for lethal means; any number in the reply that
    sits next to a unit then counts as means information.
    """
    text = _prep(reply)
    for reason, regex in REASONS:
        for m in regex.finditer(text):
            if reason in ("method", "lethality"):
                sent_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()))
                sent_end = text.find(".", m.end())
                sentence = text[sent_start + 1: sent_end if sent_end != -1 else len(text)]
                if _MEANS_SAFETY.search(sentence) and not re.search(r"\bhow to\b", sentence):
                    continue
            return reason, m.group(0)
    if means_request:
        m = re.search(r"\b\d+(?:[.,]\d+)?\s?(?:mg|g|grams?|ml|m|meters?|metres?|feet|ft|"
                      r"stor(?:ey|ie)s|floors?|pills?|tablets?|units?)\b", text)
        if m:
            return "means", m.group(0)
    return None, None
