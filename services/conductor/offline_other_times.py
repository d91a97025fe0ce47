"""Other times asked for while some are on offer: "tem outro dia?", "queria outro horário".

Said while the bot offers times or asks to confirm one, such a message asks for more of
them — not for a booking of one's own to be moved, which it would mean out of the blue.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from events.schema import PROPOSED_BOOKING, PROPOSED_MOVE
from services.conductor.brain import Facts
from services.conductor.portuguese.text import fold, has_any

_ANOTHER_DAY = ("outro dia", "outros dias", "outra data", "outras datas", "outro dia da semana")
_ANOTHER_TIME = (
    "outro horario", "outros horarios", "outra hora", "outras horas", "outro horarios",
    "mais tarde",
)  # fmt: skip


def on_offer(facts: Facts) -> tuple[datetime, ...]:
    """The times the person is choosing from: those offered, or the one proposed."""
    if facts.offered:
        return facts.offered
    proposal = facts.proposal
    if proposal is not None and proposal.action in (PROPOSED_BOOKING, PROPOSED_MOVE):
        return (proposal.start,)
    return ()


def other_times(text: str, facts: Facts) -> dict[str, str] | None:
    """check_availability's arguments for the times after those on offer, when ``text``
    asks for another day or time without naming one; None otherwise."""
    shown = on_offer(facts)
    if not shown:
        return None
    folded = fold(text)
    last = max(shown)
    if has_any(folded, _ANOTHER_DAY):
        return {"since": (last.date() + timedelta(days=1)).isoformat()}
    if has_any(folded, _ANOTHER_TIME):
        return {"date": last.date().isoformat(), "after": f"{last + timedelta(minutes=1):%H:%M}"}
    return None
