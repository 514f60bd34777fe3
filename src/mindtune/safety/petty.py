"""Fifty-second round: a petty object blamed for wanting to die (docs/safety.md).

"kms this spreadsheet won't balance", "kms this wifi is so slow", "gonna kms if this printer
jams one more time": the wish to die is pinned to an everyday object in the same breath, a
complaint about the object and not about the writer's life. Text is ``normalize``d ("kms" ->
"kill myself", "won't" -> "will not").

Kept narrow on purpose: the object comes right after the risk words with "this" or "that",
from a closed list of devices, chores and media; exams, results, jobs, shifts, people, pain
and any time word ("this week", "this time") are not on it, because students and workers do
die over those. "for real", "not joking" and the like in the sentence undo it.
"""

from __future__ import annotations

import re

from .lexicon import MEANT

# Devices, software, chores, media and weather: never a reason a person gives for dying.
_PETTY = (r"(?:spreadsheet|excel|formula|wifi|wi-fi|internet|connection|router|printer|scanner|"
          r"laptop|computer|pc|phone|app|website|code|bug|compiler|update|download|software|"
          r"keyboard|mouse|controller|console|game|level|boss fight|lag|traffic|queue|commute|"
          r"meeting|zoom call|conference call|email|emails|inbox|song|playlist|show|episode|"
          r"season finale|weather|heat|humidity|rain|hangover|essay|assignment|homework|"
          r"worksheet|group project|presentation|slides|lecture|paperwork|form|tax return|"
          r"captcha|password|loading screen|buffering|recipe|oven|microwave|flat ?pack|furniture|"
          r"ikea \w+|puzzle|crossword|sudoku|wordle|autocorrect|group chat)")
_RISK = r"(?:kill myself|want to die|wanna die|am going to die|will die)"
_SPITE = r"(?:stupid |damn |freaking |fucking |bloody |effing |dumb |cursed )?"
PETTY_BLAMED = re.compile(
    rf"\b{_RISK}[,.!]? (?:over |because of |cause |cos |coz |because )?(?:this|that) "
    rf"{_SPITE}{_PETTY}s?\b"
    # "if this printer jams one more time": the object misbehaving again
    rf"|\bif (?:this|that|the|my) {_SPITE}{_PETTY}s? (?:\w+ ){{1,4}}?(?:one more time|again|"
    rf"once more)\b"
    r"|\bcould have been an email\b"
    # "so hungover i want to die": the hangover is the reason given
    r"|\b(?:so|too|very|that) hung ?over (?:that )?i (?:want to|wanna|could|am going to|will) "
    r"die\b")
NOT_JOKING = re.compile(rf"\b(?:{MEANT}|no joke|honestly|fr fr)\b")


def petty_blamed(sentence: str) -> bool:
    """True when ``sentence`` (normalized) blames an everyday object for a wish to die, with
    nothing in it that says it is meant."""
    return bool(PETTY_BLAMED.search(sentence)) and not NOT_JOKING.search(sentence)
