"""Times as Brazilians write them to book an appointment.

"amanhã às 15h", "terça que vem de manhã", "dia 3 às 10:30", "sexta 9h30", "3 da tarde",
"12/12 às 14h", "hoje à noite", "meio-dia". Pure: the reference time is an argument.
A general date parser misreads these ("15h" as a duration of fifteen hours), so the
grammar of this one small domain is written out here and tested case by case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from services.conductor.portuguese.text import fold

PERIODS = {
    "manha": (time(6), time(12)),
    "tarde": (time(12), time(18)),
    "noite": (time(18), time(23)),
}

_WEEKDAYS = {
    "segunda": 0,
    "terca": 1,
    "quarta": 2,
    "quinta": 3,
    "sexta": 4,
    "sabado": 5,
    "domingo": 6,
}
_WEEKDAY = re.compile(r"\b(segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)?\b")
_NEXT_WEEK = re.compile(r"\b(que vem|proxima|proximo|semana que vem)\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b")
_DAY_OF_MONTH = re.compile(r"\bdia (\d{1,2})\b")
_CLOCK = re.compile(r"\b(\d{1,2})(?::(\d{2})|h(\d{2})?|\s?horas?)(?!\d|/)")
_AT_HOUR = re.compile(r"\b(?:as|a|para|pras|pra)\s(\d{1,2})\b(?!/|:|\d)")
_OF_PERIOD = re.compile(r"\b(?:da|de|a)\s(manha|tarde|noite)\b|\b(manha|tarde|noite)\b")


@dataclass(frozen=True, slots=True)
class When:
    """What a message says about a time: a day, a clock time, or a part of the day."""

    day: date | None = None
    at: time | None = None
    period: str | None = None

    def start(self) -> datetime | None:
        """The exact moment, when both day and clock time are known (naive, local)."""
        return datetime.combine(self.day, self.at) if self.day and self.at else None


def parse_when(text: str, today: date) -> When | None:
    """What ``text`` says about when, relative to ``today``; None if it says nothing."""
    folded = fold(text)
    period = _period(folded)
    day = _day(folded, today)
    at = _clock(folded, period)
    if day is None and at is None and period is None:
        return None
    return When(day=day, at=at, period=period)


def _period(folded: str) -> str | None:
    if "meio dia" in folded:
        return None
    match = _OF_PERIOD.search(folded)
    return (match.group(1) or match.group(2)) if match else None


def _day(folded: str, today: date) -> date | None:
    if "depois de amanha" in folded:
        return today + timedelta(days=2)
    if re.search(r"\bamanha\b", folded):
        return today + timedelta(days=1)
    if re.search(r"\bhoje\b", folded):
        return today
    if match := _DAY_MONTH.search(folded):
        return _calendar_date(today, int(match[1]), int(match[2]), match[3])
    if match := _DAY_OF_MONTH.search(folded):
        return _next_day_of_month(today, int(match[1]))
    if match := _WEEKDAY.search(folded):
        ahead = (_WEEKDAYS[match[1]] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    return None


def _calendar_date(today: date, day: int, month: int, year: str | None) -> date | None:
    full_year = int(year) + (2000 if year and len(year) == 2 else 0) if year else today.year
    try:
        found = date(full_year, month, day)
    except ValueError:
        return None
    if year is None and found < today:
        try:
            found = date(today.year + 1, month, day)
        except ValueError:
            return None
    return found


def _next_day_of_month(today: date, day: int) -> date | None:
    year, month = today.year, today.month
    for _ in range(12):
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and found >= today:
            return found
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    return None


def _clock(folded: str, period: str | None) -> time | None:
    if "meio dia" in folded:
        return time(12)
    hour = minute = None
    if match := _CLOCK.search(folded):
        hour, minute = int(match[1]), int(match[2] or match[3] or 0)
    elif match := _AT_HOUR.search(folded):
        hour, minute = int(match[1]), 0
    if hour is None or minute is None or hour > 23 or minute > 59:
        return None
    if period in ("tarde", "noite") and hour < 12:
        hour += 12  # "3 da tarde"
    return time(hour, minute) if hour < 24 else None
