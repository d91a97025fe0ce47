"""Today's weekday said with an hour already over today (round 14).

"terça 9h" said on a Tuesday is asked about (today, or a week from today?), unless "que
vem" or "próxima" says which. When the hour, written on the clock or with its part of
the day, is already over today ("pode ser segunda 9h? ops, quis dizer terça 9h" at nine
on a Tuesday), today is no longer one of the two: the weekday is next week's. An hour
said bare before noon ("terça as 8") may be the evening, and is still asked about.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from services.conductor.portuguese.days import today_or_coming
from services.conductor.portuguese.now_hour import hour_of_now_kept
from services.conductor.portuguese.text import fold
from services.conductor.portuguese.timed import When


def weekday_over_moved(
    when: When | None, text: str, today: date, now: datetime | None
) -> When | None:
    """``when`` on next week's weekday when it names today's with an hour already over;
    at the hour it is now when it names that (``now_hour``)."""
    when = hour_of_now_kept(when, text, now)
    if when is None or now is None or when.at is None or when.doubt != today_or_coming(today):
        return when
    hour = when.at.hour
    if when.at > now.time().replace(tzinfo=None):
        return when
    if when.period is None and hour < 12 and not re.search(rf"\b0?{hour}(?::\d\d|h)", fold(text)):
        return when  # "terça as 8" at nine: 8 in the evening is still today
    return replace(when, day=today + timedelta(days=7), doubt=None)
