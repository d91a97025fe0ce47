"""The hour it is now, named as the hour wanted (round 15).

"daqui a uma semana, mesmo horário de agora", "amanhã na mesma hora que agora": the hour
meant is the one of the moment the message is read, on the day it names. Only said with
"agora" ("a essa hora" may be of something else: "amanhã a essa hora eu to dormindo"),
only beside a day, and never without the moment known.

Read on the text as written, after the rest of the message is read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from services.conductor.portuguese.text import fold
from services.conductor.portuguese.timed import When

_NOW_HOUR = re.compile(r"\b(?:mesmo horario|mesma hora|horario|hora) (?:de|que|q) agora\b")


def hour_of_now_kept(when: When | None, text: str, now: datetime | None) -> When | None:
    """``when`` at the hour of ``now`` when the message names the hour it is now."""
    if when is None or now is None or when.day is None or when.doubt:
        return when
    if (when.at, when.between) != (None, None) or not _NOW_HOUR.search(fold(text)):
        return when
    return replace(when, at=now.time().replace(second=0, microsecond=0, tzinfo=None))
