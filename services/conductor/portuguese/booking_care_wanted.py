"""Care wanted, said in words the booking phrases do not carry (round 17).

Already folded text, doubled letters written once ("sesao"). A booking, though a person
or a talk is named beside it, when the patient wants:

- to start a course of care: "bom diaaa quero começar a fisio, ja tenho o pedido
  medico", "queria iniciar o tratamento";
- a consultation or an assessment with someone or for something: "queria uma avaliação
  com fisio esportivo", "queria uma consulta pra falar sobre anticoncepcional" (a talk
  with the doctor, not with a person at the desk);
- one more booking beside the one held: "quero marcar mais uma consulta, a outra
  continua de pé ta";
- to be booked with someone: "queria ver se consigo marcar com alguém pra olhar isso";
- a booking asked outright, then one's coming: "marca ai pra amanha a tarde q eu vou".

The line: a cancellation or a move said beside it is left to the other rules.
"""

from __future__ import annotations

import re

_WANT = r"\b(?:quero|queria|gostaria de|preciso|precisava|to querendo|estou querendo)"
_START = re.compile(
    rf"{_WANT} (?:comecar|iniciar|come[cs]ar a fazer) (?:a |o |as |os )?"
    r"(?:fisio\w*|tratamento|pilates|hidro\w*|rpg|acupuntura|sesoes|reabilitacao)\b"
)
_SEEN_FOR = re.compile(
    rf"{_WANT} (?:marcar |agendar )?(?:uma )?(?:consulta|avaliacao|sesao)"
    r" (?:com (?:o |a |um |uma )?(?:fisio|medic|doutor|dentista|especialista|\w+ista)"
    r"|(?:para|pra) (?:falar|conversar|tratar|ver) (?:sobre|de|do|da|dos|das)\b)"
)
_ONE_MORE = re.compile(
    r"\b(?:marcar|agendar) (?:mais uma|mais um|outra|outro) (?:consulta|sesao|avaliacao|exame"
    r"|horario)\b"
)
_WITH_SOMEONE = re.compile(r"\b(?:marcar|agendar) com alguem\b")
# Booking asked outright, one's coming promised after it ("marca ai pra amanha a tarde q
# eu vou"): no confirmation of a booking held.
_BOOK_IT = re.compile(r"^(?:marca|agenda)(?: ai| pra mim| para mim)? (?:para|pro|pra) ")
_CHANGED = re.compile(r"\b(?:cancel|desmarc|remarc|reagend|antecip|adia)\w*")


def care_wanted(folded: str) -> bool:
    """Whether the folded message wants care booked in words of its own."""
    if _CHANGED.search(folded):
        return False
    rules = (_START, _SEEN_FOR, _ONE_MORE, _WITH_SOMEONE, _BOOK_IT)
    return any(rule.search(folded) for rule in rules)
