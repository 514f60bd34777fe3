"""Forty-second round: two English frames in which a risk phrase is no disclosure of a present
risk, written from the benign false positives of the spent sets ZZK-ZZZ (docs/safety.md), as
families, not as a set's sentences. Text is ``normalize``d (lower case, contractions expanded).

- *Recovery*: the risk is told as over ("four years since I last cut, got a tattoo over the
  scars", "had suicidal thoughts years ago but I'm in a good place now", "overdosed 5 years ago
  and survived, now I'm a peer support worker"). Three things must hold: the sentence of the
  risk phrase anchors it in the past; the message says how the writer is now (well, proud,
  clean, helping others); and nothing in the message points to a present risk (a relapse,
  "again", urges back, tonight, a present wish). Any one missing keeps the hit.
- *Attributed, then denied*: somebody else asks or thinks the writer is suicidal, and the
  writer says they are not ("my mate thinks I'm suicidal because I've been quiet. I'm not").
"""

from __future__ import annotations

import re

from .patterns import PAST

_NUM = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|"
        r"few|several|many|a couple of)")
_SPAN = r"(?:days?|weeks?|months?|years?|yrs?)"
# the risk phrase's own sentence is set in the past
PAST_ANCHOR = re.compile(
    rf"{PAST.pattern}|\bsince i (?:last|stopped|quit|gave up)\b|\b{_NUM} (?:full )?{_SPAN} "
    rf"(?:clean|free|sober|ago|since|without)\b|\b(?:clean|free|sober) (?:for|since) |"
    r"\b(?:urges?|thoughts?|feelings?|feeling|cravings?|self ?-?harm)\b[^.!?]{0,30}\b(?:are|is|"
    r"were|was|have been|has been) (?:long |all |completely |totally |mostly )?(?:gone|over|"
    r"behind me|in the past)\b|\bin my (?:teens|twenties|thirties|20s|30s|40s|early|late)\b|"
    r"\b(?:i|and) survived\b|\b(?:arms?|legs?|scars?|cuts?|wounds?) (?:have |has )?(?:all )?"
    r"healed\b|\bhave not (?:had|done|felt|cut|hurt|burned|burnt)\b[^.!?]{0,30}\b(?:in|for) "
    rf"(?:ages|years|months|a long time|{_NUM} {_SPAN})\b")
# how the writer is now
WELL_NOW = re.compile(
    r"\b(?:(?:in )?a (?:good|better|great) place|doing (?:really |so |pretty |much )?(?:well|"
    r"good|great|better|ok|okay|fine|alright)|proud|celebrat\w*|glad i (?:stayed|am (?:still )?"
    r"here|did not|survived|am alive)|(?:it|things|life) (?:really |does |do |can |will )?"
    r"(?:get|gets|got) better|peer support\w*|volunteer\w*|helpline|graduat\w*|tattoo\w*|"
    r"(?:and )?i am (?:ok|okay|fine|good|happy|safe|alright|better|well|doing (?:ok|okay|"
    r"fine|well|good))\b|healed|recover(?:ed|y)|better now|thriving|no longer|not any ?more|"
    r"(?:have not|never) looked back|" + rf"{_NUM} (?:full )?{_SPAN} (?:clean|free|sober)|"
    r"(?:clean|free|sober) (?:for|since))")
# anything that points to a present risk keeps the hit
CURRENT_RISK = re.compile(
    r"\b(?:relaps\w*|again|(?:is|are|came|come|comes|coming|creeping|crept|been) back|back to|"
    r"tonight|right now|last night|this (?:morning|week|evening|afternoon)|lately|recently|"
    r"but now|now i (?:want|am thinking|keep|feel like)|still (?:want|think|have|cut|hurt|feel|"
    r"get)|urge is|want to (?:die|cut|do it|end|hurt|kill|disappear)|wish i (?:had|was|were)|"
    r"thinking (?:about|of) (?:it|doing|ending|killing|cutting|hurting)|plan\w*|going to (?:do|"
    r"cut|kill|end|hurt)|pills?|can not stop|scared i will|tempted|struggling|slipp\w*|"
    r"fresh|new (?:cuts?|marks|scars)|still|broke (?:it|my|the|down))\b")
# somebody else asks or thinks it ...
ATTRIBUTED = re.compile(
    r"\b(?:asking|asked|asks|ask|think|thinks|thought|worried|worry|worries|assume[sd]?|"
    r"assuming|convinced|reckons?|reckoned|meant|means|accus\w+|decided|suspects?|suspected|"
    r"wondering|wondered|wonders) (?:me )?(?:if |whether |that )?(?:maybe )?$")
# ... and the writer says it is not so
DENIED = re.compile(
    r"\b(?:i am not|i was not|i am really not|i am honestly not)\b(?! (?:sure|ok|okay|fine|well|"
    r"coping|safe|doing|alright|good|going to be))|\bnot suicidal\b|\b(?:i am|im|i am honestly|"
    r"i am genuinely) (?:fine|ok|okay|alright|good)\b|\bno i am not\b|\bit was about\b")


def recovered(norm: str, sentence: str) -> bool:
    """The risk phrase of ``sentence`` (a sentence of ``norm``) is told as over."""
    return bool(PAST_ANCHOR.search(sentence) and WELL_NOW.search(norm)
                and not CURRENT_RISK.search(norm))


def attributed_denied(norm: str, start: int) -> bool:
    """The risk phrase at ``start`` is somebody else's guess ("my mum thinks i am suicidal"),
    denied by the writer in the rest of the message."""
    return bool(ATTRIBUTED.search(norm[max(0, start - 40):start])
                and DENIED.search(norm[start:]))
