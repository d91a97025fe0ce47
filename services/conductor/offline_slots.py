"""What the offline brain offers and asks the calendar for: the free slots found, as a
reply; the hours or week a patient asked for, as ``check_availability``'s arguments; the
day of a time just refused, to look for others that day."""

from __future__ import annotations

from datetime import datetime

import msgspec

from services.conductor.brain import BrainRequest
from services.conductor.portuguese.speech import numbered, spoken
from services.conductor.portuguese.when import When
from services.conductor.tools.contract import ToolFailure
from services.conductor.tools.scheduling import (
    BOOK_APPOINTMENT,
    PROPOSE_APPOINTMENT,
    RESCHEDULE_APPOINTMENT,
    Availability,
)


def offered_text(available: Availability, refused: ToolFailure | None) -> str:
    """The slots found, or why there are none where asked and the nearest alternatives."""
    slots = [spoken(datetime.fromisoformat(s)) for s in available.slots]
    if available.professionals:  # with a clinic file: who sees the patient then
        slots = [f"{s} com {p}" for s, p in zip(slots, available.professionals, strict=False)]
    reason = available.reason
    # After a refused time its reason was said; the day's would mostly repeat it.
    said = f"Nesse dia não dá: {reason}. " if reason and refused is None else ""
    if not slots:
        return f"{said}Não encontrei horários livres. Quer tentar outro dia?"
    heading = "Os horários livres mais próximos são" if reason else "Tenho estes horários"
    return (
        f"{said}{heading}:\n{numbered(slots)}\nResponda com o número, ou diga outro dia e horário."
    )


def span_arguments(when: When) -> dict[str, str]:
    """check_availability's arguments for a week ("semana que vem") or hours ("entre 14h
    e 16h") asked for."""
    arguments: dict[str, str] = {}
    if when.day is None and when.week is not None:
        arguments["since"] = when.week.isoformat()
    if when.between is not None:
        arguments["after"], arguments["before"] = (f"{t:%H:%M}" for t in when.between)
    return arguments


_TRIES = (PROPOSE_APPOINTMENT.name, BOOK_APPOINTMENT.name, RESCHEDULE_APPOINTMENT.name)


def tried_day(request: BrainRequest) -> str | None:
    """The day of the time just proposed or booked and refused, to look for other times
    that day."""
    for message in reversed(request.messages):
        for call in message.tool_calls:
            if call.name in _TRIES:
                start = msgspec.json.decode(call.arguments).get("start", "")
                return str(start)[:10] or None
    return None
