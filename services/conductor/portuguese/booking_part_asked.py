"""Which part of the day one's booking is in, asked with its day or by its service
(round 16).

"a consulta da minha mae é dia 2 de manha ou de tarde?", "meu exame é amanha de manha ou
de tarde?", "o pre natal de dia 2 é de manha ou de tarde?": as round 14's "a consulta de
sexta é de manhã ou de tarde?" (``either_parts``), the patient asks the clinic to look
up a booking they have, so the day stands and no part of the day is asked back; the day
may be said after "é", and the booking named by its service. "uma consulta é de manhã
ou de tarde?" (no booking of one's own) and "a consulta pode ser de manhã ou de tarde?"
(which to book) are still asked back.

Read on the text as written (``either_parts`` folds it).
"""

from __future__ import annotations

import re

from services.conductor.portuguese.either_parts import either_part_asked
from services.conductor.portuguese.text import fold

_BOOKING = (
    r"(?:consulta|exame|retorno|agendamento|horario|pre natal|prenatal|ultrassom|ultrasom"
    r"|ultra|transvaginal|vacina|sessao|avaliacao|atendimento|cirurgia|procedimento)"
)
_DAY = (
    r"(?:(?:na |no |dia )?(?:segunda|terca|quarta|quinta|sexta|sabado|domingo|amanha|hoje"
    r"|depois de amanha|dia \d{1,2}(?:/\d{1,2})?|\d{1,2}/\d{1,2})(?: feira)? )"
)
_BOOKING_IS_ON = re.compile(
    rf"\b(?:a|o|minha|meu)(?: minha| meu)? {_BOOKING}\b(?: \w+){{0,5}}? "
    rf"(?:e|eh|fica|ficou|vai ser|sera) {_DAY}?(?:de |a |pela |na )?(?:manha|tarde|noite) ou\b"
)


def part_asked(text: str) -> str | None:
    """The question to ask back when ``text`` asks about two parts of the day as either;
    None when it does not, or asks which one its booking is in."""
    asked = either_part_asked(text)
    return None if asked is None or _BOOKING_IS_ON.search(fold(text)) else asked
