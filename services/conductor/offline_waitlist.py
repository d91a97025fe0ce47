"""The offline brain's words for the waiting list."""

from __future__ import annotations

from datetime import datetime

from services.conductor.portuguese.speech import spoken
from services.conductor.tools.contract import ToolFailure
from services.conductor.tools.waitlist import NOTHING_BOOKED, Waiting
from services.conductor.waitlist import JOINED


def waiting_text(waiting: Waiting | ToolFailure) -> str:
    """The answer to asking for an earlier time: on the list, or why not."""
    if isinstance(waiting, Waiting):
        return JOINED.format(before=spoken(datetime.fromisoformat(waiting.before)))
    if waiting.error == NOTHING_BOOKED:
        return "Você ainda não tem consulta marcada. Quer marcar uma? Me diga o dia e horário."
    return f"Não consegui pôr você na lista de espera: {waiting.error}."
