"""A booking asked outright beside words other requests carry (round 18).

Already folded text. "quero marcar" or "a gente quer agendar" says what the patient
wants, and it is a booking, though the message also:

- names a day of one's own that is no booking ("quero marcar uma consulta no dia da
  minha folga"): "dia da minha" asks a booking's day only when a booking follows it;
- complains that nobody answered before ("meu marido ja mandou msg mas ninguém
  respondeu, a gente quer marcar consulta pro Theo"): the complaint explains the
  message, the booking is what is asked.

The line: a move or a cancel said beside it is left to the other rules; a complaint
alone, or with a person asked for ("ninguém responde, quero falar com alguém"), is not
touched.
"""

from __future__ import annotations

import re

_BOOK = (
    r"\b(?:quero|queria|quer|queremos|queriamos|gostaria de|gostariamos de|preciso|precisava"
    r"|precisamos) (?:de )?(?:marcar|agendar)\b"
)
_OWN_DAY = re.compile(
    rf"{_BOOK}.*\bdia d[ao] (?:minha|meu) (?!consulta|exame|sesao|retorno|agendamento|horario"
    r"|avaliacao|procedimento)[^\W\d_]+"
)
_NO_REPLY = re.compile(
    r"\bninguem (?:me |nos )?(?:respond\w*|atend\w*|retorn\w*|deu retorno)\b"
    r"|\bsem (?:resposta|retorno)\b"
)
_CHANGED = re.compile(r"\b(?:remarc|reagend|desmarc|cancel|adia|antecip)\w*")
_PERSON = re.compile(r"\b(?:falar com|atendente|humano|pessoa|alguem)\b")


def booking_asked_outright(folded: str) -> bool:
    """Whether ``folded`` asks a booking outright beside a day of one's own or a complaint
    of no reply."""
    if _CHANGED.search(folded):
        return False
    if _OWN_DAY.search(folded):
        return True
    booked = re.search(_BOOK, folded) is not None
    return booked and _NO_REPLY.search(folded) is not None and _PERSON.search(folded) is None
