"""A question about the clinic that comes with a wish to be seen (round 12).

"hoje a noite vcs atendem? queria passar no clinico", "tem medico pra crianca pequena?
meu bebe ... queria levar": a wish to go, or to take someone, turns the question into a
booking. So does a booking named with its time before a practical question ("consulta
pra minha mae dia 30 as 9h, ela anda de cadeira de rodas tem rampa?").

Text is folded, shorthand written out ("pra" is "para"), doubled letters written once.
"""

from __future__ import annotations

import re
from datetime import date

from services.conductor.portuguese.when import parse_when

# Someone taken or brought, not a thing ("preciso levar algum documento?", "que
# documentos preciso levar?" ask what to bring): a person named after the verb, or a wish
# ending the message, the person said before it ("meu bebe ... queria levar").
_SOMEONE = r" (?:el[ae]|meu|minha|o meu|a minha|[ao] (?:bebe|crianca|menin[oa]|nenem|paciente))\b"
_WISH_TO_GO = re.compile(
    r"\b(?:quero|queria|gostaria|preciso|precisava|vou querer|pretendo) (?:de )?"
    rf"(?:(?:levar|trazer){_SOMEONE}|ir (?:ai|la|na|no|com|hoje|amanha)\b"
    r"|pasar (?:n[oa]|ai|com)\b|consultar\b)"
    r"|\b(?:quero|queria|gostaria) (?:levar|trazer|ir)$"
)
_BOOKING_NAMED_FIRST = re.compile(r"^(?:uma )?(?:consulta|horario|vaga|agendamento) para ")
# Any day does: whether a message names a time does not depend on the day it is read.
_ANY_DAY = date(2026, 1, 5)


def wish_to_come(folded: str) -> bool:
    """Whether ``folded`` wishes to come, or names a booking with its time, beside a
    question about the clinic."""
    if _WISH_TO_GO.search(folded):
        return True
    if _BOOKING_NAMED_FIRST.match(folded) is None:
        return False
    when = parse_when(folded, _ANY_DAY)
    return when is not None and when.at is not None
