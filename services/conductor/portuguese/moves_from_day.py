"""The day of the booking being moved, said with the booking, then the day wanted asked
without "pra" (round 17).

"preciso mudar minha consulta de amanha, pode ser semana que vem?", "queria trocar meu
exame de sexta, tem segunda?": the booking is named with its day right after the verb of
moving, and the day wanted is asked in the next clause, not after "pra" (which
``wanted_part`` reads). The booking's day is set aside when another day (or week) is named
after it; moved to a part of the day only ("muda minha consulta de amanhã pra tarde") it
stays, as the day the booking keeps.

Already folded text, number words as digits, weekdays written out.
"""

from __future__ import annotations

import re

_MOVING = (
    r"(?:mudar|muda|mude|trocar|troca|troque|passar|passa|remarcar|remarca|reagendar"
    r"|reagenda|adiar|adia|transferir|transfere)"
)
_BOOKING = r"(?:consulta|sessao|exame|retorno|horario|agendamento|avaliacao|atendimento|hora)"
_DAY = (
    r"(?:amanha|hoje|depois de amanha|segunda|terca|quarta|quinta|sexta|sabado"
    r"|dia \d{1,2}(?:/\d{1,2})?|\d{1,2}/\d{1,2})(?: feira)?"
)
_HOUR = r"(?: (?:as|das|a) \d{1,2}(?::\d\d|h\d{0,2})?| \d{1,2}(?::\d\d|h\d{0,2}))?"
_MOVED_FROM = re.compile(
    rf"\b({_MOVING} (?:a |o )?(?:minha|meu) {_BOOKING}) (?:de|do|da) {_DAY}{_HOUR}(?!\w)"
    r"(?=,? (?:pode ser|tem|teria|queria|quero|consigo|da|seria)\b)"
)
_WANTED_DAY = re.compile(
    rf"\b(?:{_DAY}|semana que vem|proxima semana|outra semana|semana seguinte)\b"
)


def moved_from_day_set_aside(folded: str) -> str:
    """``folded`` without the day of the booking it moves, when a day wanted is asked
    after it."""
    match = _MOVED_FROM.search(folded)
    if match is None or not _WANTED_DAY.search(folded, match.end()):
        return folded
    return folded[: match.start()] + match[1] + folded[match.end() :]
