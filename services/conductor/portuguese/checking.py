"""One's own booking asked to be checked: a look-up (round 7).

A verb of checking ("conferir", "verificar", "checar", in any form) with one's own
booking named ("meu agendamento", "minha consulta de quinta", "meu horário") asks what
is booked, or whether it holds ("verificar se minha consulta está confirmada"): the
confirmation the patient speaks of is the booking's, not one given. Checking anything
else ("verificar se tem horário amanhã") is left to the other rules: a booking wanted;
so is a check said beside a cancellation or a move ("conferir meu horário e remarcar").
"""

from __future__ import annotations

import re

# Compared as ``intents`` folds a message: no accents, letters written long once.
_CHECKING = re.compile(r"\b(?:confer|verific|chec)\w*")
_OWN_BOOKING = re.compile(
    r"\b(?:meu|minha|nosso|nosa)\s+(?:agendamento|consulta|horario|marcacao|retorno|exame)\b"
)

_CHANGED = re.compile(r"\b(?:cancel|desmarc|remarc|reagend|mudar|trocar|pas+ar)\w*")


def checks_own_booking(folded: str) -> bool:
    """Whether the folded message asks one's own booking to be checked."""
    checked = _CHECKING.search(folded)
    if _CHANGED.search(folded):
        return False
    return checked is not None and _OWN_BOOKING.search(folded, checked.end()) is not None
