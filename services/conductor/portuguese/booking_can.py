"""Whether the clinic can book something, asked: a booking (round 16).

"da pra marcar exame de sangue ai?", "consegue marcar nutricionista pra mim? e quanto
fica?": the patient asks the clinic to book; a price asked beside it does not make it a
question about the clinic. A booking one has, moved to another day ("nao vou conseguir
ir no dia marcado, da pra marcar pra outro dia?"), is the other rules'.
"""

from __future__ import annotations

import re

_CAN_BOOK = re.compile(
    r"\b(?:consegue|conseguem|conseguiria|da para|daria para|tem como|pode|podem|poderia"
    r"|poderiam) (?:me |eu |voce |voces )?(?:marcar|agendar)\b"
)
_BOOKING_HELD = re.compile(
    r"\b(?:outr[oa] (?:dia|data|horario|hora)|marcad[oa]|minha consulta|meu horario"
    r"|remarc\w*|desmarc\w*|cancel\w*)"
)


def booking_can_asked(words: tuple[str, ...], folded: str) -> bool:
    """Whether the folded message asks whether the clinic can book something."""
    del words
    return _CAN_BOOK.search(folded) is not None and _BOOKING_HELD.search(folded) is None
