"""Minutes to an hour said after "às" (round 16).

"consigo às quinze pras dez amanhã?" is 9:45: the "às" is said of the whole time, and
read before "quinze" it would make 15 an hour of its own beside the 10, and the time
asked. It is dropped, so that the minutes to the hour are read as ``when`` reads
"quinze pras dez" (an hour of 6 or 7 still asked: "às dez pras sete").

Already folded text, number words as digits.
"""

from __future__ import annotations

import re

_AT_MINUTES_TO = re.compile(
    r"\b(?:as|a|pelas|umas) (?=(?:5|10|15|20|25)(?: minutos)? (?:pras|pra as|para as|para) \d)"
)


def minutes_to_read(folded: str) -> str:
    """``folded`` without the "às" said before minutes to an hour."""
    return _AT_MINUTES_TO.sub("", folded)
