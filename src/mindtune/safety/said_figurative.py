"""Fifty-sixth round: English figurative speech that says so (docs/safety.md).

"i'm gonna kms 🖨️🙄 (obviously not literally, it's just a printer)", "kms this wifi (not
literally lol)": the writer disclaims the words themselves. "ugh I wanna die, my crush saw me
trip in the canteen 🙈😂": embarrassment with the faces that laugh at it. Both join the joke
test of ``layer._is_figurative_at`` (laughter and a petty trigger), which then drops rule hits
that are not a plan and asks the classifier for ``T_IDIOM``.
"""

from __future__ import annotations

import re

# the writer says the risk words are not meant literally
# ("not a figure of speech this time" says the opposite)
NOT_LITERAL = re.compile(r"\b(?:not literally|not in a (?:dark|literal|serious|suicidal) way|"
                         r"(?<!not )(?<!not just )(?:figuratively(?: speaking)?|a figure of speech|"
                         r"just an expression|just a saying))\b")
# the face that hides from embarrassment, counted like a written laugh ("😂", "🤣" and "💀"
# are already "lol" after ``normalize``)
LAUGH_FACES = re.compile("\U0001F648")
# someone saw the writer do something embarrassing: a petty trigger, like "i just tripped"
EMBARRASSED = re.compile(r"\b(?:saw|heard|watched|caught|filmed) me (?:\w+ )?(?:trip|tripping|fall|"
                         r"falling|slip|slipping|sing|singing|dance|dancing|fart|farting|wave|"
                         r"waving|sneeze|sneezing|faceplant\w*|snore|snoring)\b")
