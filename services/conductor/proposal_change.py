"""A no to a proposal that names a new hour or part of the day but no day ("não, às 16h",
"10h é cedo, só depois das 16", "não, de tarde"): the patient keeps the day proposed."""

from __future__ import annotations

from datetime import date

from services.conductor.portuguese.when import When


def on_proposed_day(when: When | None, proposed: date) -> When | None:
    """``when`` on the day proposed, if it names a time of day and no day or week of its
    own; a time left in doubt stays a question."""
    if when is None or when.doubt or when.day is not None or when.week is not None:
        return when
    if when.at is None and when.period is None and when.between is None:
        return when
    return When(day=proposed, at=when.at, period=when.period, between=when.between)
