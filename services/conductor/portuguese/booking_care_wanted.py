"""Care wanted, said in words the booking phrases do not carry (round 17).

Already folded text, doubled letters written once ("sesao"). A booking, though a person
or a talk is named beside it, when the patient wants:

- to start a course of care: "bom diaaa quero começar a fisio, ja tenho o pedido
  medico", "queria iniciar o tratamento"; or to take it up again ("quero retomar a
  terapia", round 18);
- a consultation or an assessment with someone or for something: "queria uma avaliação
  com fisio esportivo", "queria uma consulta pra falar sobre anticoncepcional" (a talk
  with the doctor, not with a person at the desk);
- one more booking beside the one held: "quero marcar mais uma consulta, a outra
  continua de pé ta";
- to be booked with someone: "queria ver se consigo marcar com alguém pra olhar isso";
- a booking asked outright, then one's coming: "marca ai pra amanha a tarde q eu vou";
- a day, asked whether the clinic is open then, or a free time with a reason for it.

The line: a cancellation or a move said beside it is left to the other rules.
"""

from __future__ import annotations

import re

_WANT = r"\b(?:quero|queria|gostaria de|preciso|precisava|to querendo|estou querendo)"
_START = re.compile(
    # Taken up again too, and a talking cure (round 18: "quero retomar a terapia").
    rf"{_WANT} (?:comecar|iniciar|come[cs]ar a fazer|retomar|voltar a fazer|recomecar)"
    r" (?:a |o |as |os |uma |um )?(?:fisio\w*|tratamento|pilates|hidro\w*|rpg|acupuntura|sesoes"
    r"|reabilitacao|terapia|psicoterapia|fono\w*|acompanhamento)\b"
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
_DAYS = r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo|amanha|hoje)"
# A day wanted, then whether the clinic is open then ("queria segunda de noite, vcs
# atendem?"): the wish makes the question a booking.
_DAY_WANTED_IF_OPEN = re.compile(
    rf"\b(?:queria|quero|gostaria|preciso|precisava) (?:na |no |pra |para )?{_DAYS}\b.*"
    r"\b(?:atendem|atende|abrem|abre|funciona|funcionam)\b"
)
# A free time asked, with the reason it suits ("tem horario antes das 10 na segunda? pra
# nao atrasar no trampo"): being late at work is no booking moved.
_FREE_FOR_A_REASON = re.compile(
    r"^(?:tem|teria|voces tem) (?:horario|vaga)\b.*\b(?:para|pra) nao (?:atrasar|perder|faltar)\b"
)
_CHANGED = re.compile(r"\b(?:cancel|desmarc|remarc|reagend|antecip|adia)\w*")


def care_wanted(folded: str) -> bool:
    """Whether the folded message wants care booked in words of its own."""
    if _CHANGED.search(folded):
        return False
    rules = (
        _START,
        _SEEN_FOR,
        _ONE_MORE,
        _WITH_SOMEONE,
        _BOOK_IT,
        _DAY_WANTED_IF_OPEN,
        _FREE_FOR_A_REASON,
    )
    return any(rule.search(folded) for rule in rules)
