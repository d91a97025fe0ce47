"""A bare number asked right after the hour proposed is refused (round 14).

"não.. 10h eu não consigo, pode ser 11?", answering a proposal for 10h: the number set
against the hour refused is another hour, not a day of the month, and it is read on the
day proposed. Only when the hour refused is the one proposed, written as an hour, and
the number asked is an hour a clinic keeps (6 to 21); "pode ser 11?" alone, or after a
day refused, stays unread (it could be the 11th).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, time

_REFUSED_THEN_ASKED = re.compile(
    r"\b(?:as\s+)?(?P<refused>\d{1,2})\s*(?:h|hrs?|horas)\b[^?]*?\b(?:nao|n|num)\b[^?]*?"
    r"(?:pode ser|podia ser|poderia ser|tem|teria|da pra|e)\s+(?:as\s+|a\s+)?"
    r"(?P<asked>\d{1,2})\s*\?+\s*$"
)


def hour_asked_after_refused(text: str, proposed: datetime) -> time | None:
    """The hour asked in ``text`` after refusing the hour of ``proposed``; None else."""
    found = _REFUSED_THEN_ASKED.search(_plain(text))
    if found is None or int(found["refused"]) != proposed.hour:
        return None
    asked = int(found["asked"])
    if asked == proposed.hour or not 6 <= asked <= 21:
        return None
    return time(asked)


def _plain(text: str) -> str:
    """Lower case, no accents; the question marks kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
