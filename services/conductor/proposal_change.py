"""A no to a proposal that names a new hour or part of the day but no day ("não, às 16h",
"10h é cedo, só depois das 16", "não, de tarde"): the patient keeps the day proposed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from services.conductor.portuguese.days import today_or_coming
from services.conductor.portuguese.when import When


def on_proposed_day(when: When | None, proposed: datetime) -> When | None:
    """``when`` on the day of ``proposed`` (local wall clock), if it names a time of day and
    no day or week of its own; a time left in doubt stays a question. The hour proposed,
    named again in a no ("não, às 10 eu trabalho"), is the one refused: no time is meant.
    The proposal's weekday said on the same weekday a week before ("não, terça mesmo mas
    de tarde"), which alone asks whether today is meant, is the proposal's day."""
    week_before = proposed.date() - timedelta(days=7)
    if when is not None and when.doubt == today_or_coming(week_before) and _timed(when):
        when = replace(when, doubt=None)
    if when is None or when.doubt or when.day is not None or when.week is not None:
        return when
    if when.at is None and when.period is None and when.between is None:
        return when
    if when.at == proposed.time().replace(tzinfo=None) and when.between is None:
        return None
    day = proposed.date()
    return When(day=day, at=when.at, period=when.period, between=when.between)


def _timed(when: When) -> bool:
    return (when.at, when.period, when.between) != (None, None, None)
