"""Saying times and lists the way the clinic writes on WhatsApp."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

WEEKDAYS = ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo")


def spoken(moment: datetime) -> str:
    """ "quarta, 25/11 às 15:00" (in the moment's own time zone)."""
    return f"{WEEKDAYS[moment.weekday()]}, {moment:%d/%m} às {moment:%H:%M}"


DOUBT_LEAD = "Só para eu não errar: "


def doubt_question(doubt: str) -> str:
    """What to ask of a time that cannot be taken as written: never a guess."""
    if doubt.endswith("?"):
        return DOUBT_LEAD + doubt
    return f"Essa data não existe: {doubt}. Qual dia você quer?"


def numbered(items: Sequence[str]) -> str:
    return "\n".join(f"{n}) {item}" for n, item in enumerate(items, 1))


MENU = (
    "Posso ajudar a *marcar* uma consulta, *ver* suas consultas ou *cancelar* uma delas. "
    "O que você deseja?"
)
"""What the bot offers a registered person who has not said what they want."""
