"""One's own booking asked to be checked: a look-up (round 7).

A verb of checking ("conferir", "verificar", "checar", in any form) with one's own
booking named ("meu agendamento", "minha consulta de quinta", "meu horário") asks what
is booked, or whether it holds ("verificar se minha consulta está confirmada"): the
confirmation the patient speaks of is the booking's, not one given. Checking anything
else ("verificar se tem horário amanhã") is left to the other rules: a booking wanted;
so is a check said beside a cancellation or a move ("conferir meu horário e remarcar").

Round 8: asking to see whether it is all right ("vê pra mim se tá tudo certo com meu
agendamento") checks it too; and when a booking of one's family is ("a consulta do meu
menino é quando?", "quando é o retorno do meu pai?", "que horas é a consulta da minha
mãe") asks what is booked, unless a
booking verb asks for one ("quero marcar a consulta da minha mãe, quando tem?").
"""

from __future__ import annotations

import re

# Compared as ``intents`` folds a message: no accents, letters written long once.
_CHECKING = re.compile(r"\b(?:confer|verific|chec)\w*")
_OWN_BOOKING = re.compile(
    r"\b(?:meu|minha|nosso|nosa|meus|minhas|nosos|nosas)\s+(?:agendamento|consulta|horario"
    r"|marcacao|retorno|exame)s?\b"  # in the plural too ("conferir meus agendamento", round 16)
)

_SEEING_ALL_RIGHT = re.compile(
    r"\b(?:ve|ver|veja|olha|olhar|olhe)\b(?: \w+){0,3}? se (?:ta|esta) (?:tudo )?"
    r"(?:certo|ok|confirmad[oa]|em ordem)\b"
)
_BOOKING_NOUN = r"(?:consulta|retorno|exame|horario|agendamento)"
_WHEN = r"(?:quando|que horas|que dia|qual dia|qual horario|que horario)"
_WHEN_OF_FAMILYS = re.compile(
    rf"\b{_BOOKING_NOUN} d[oa]s? (?:meu|minha|meus|minhas) \w+(?: \w+)? (?:e|eh|vai ser|sera) "
    rf"{_WHEN}\b|\b{_WHEN} (?:que )?(?:e|eh|vai ser|sera|fica) (?:[oa] )?{_BOOKING_NOUN} d[oa]s? "
    r"(?:meu|minha|meus|minhas)\b"
)
_BOOKING_VERB = re.compile(r"\b(?:marc|agend|encaix|reserv)\w*")
_CHANGED = re.compile(r"\b(?:cancel|desmarc|remarc|reagend|mudar|trocar|pas+ar)\w*")


def checks_own_booking(folded: str) -> bool:
    """Whether the folded message asks one's own booking to be checked."""
    checked = _CHECKING.search(folded) or _SEEING_ALL_RIGHT.search(folded)
    if _CHANGED.search(folded):
        return False
    if _WHEN_OF_FAMILYS.search(folded) and not _BOOKING_VERB.search(folded):
        return True
    return checked is not None and _OWN_BOOKING.search(folded, checked.end()) is not None
