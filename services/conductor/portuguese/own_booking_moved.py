"""A booking one has moved, or taken off, in everyday verbs (round 15).

- Moved: one's booking named ("minha consulta", "tenho uma consulta marcada", "a
  consulta") with a verb that brings it forward or changes it: "queria antecipar minha
  consulta com a dermato", "minha consulta de sexta, da pra passar pras 16h?", "tenho uma
  consulta marcada mas vou precisar mudar", "passa a consulta pra ela"; or another day
  wanted in place of the one booked: "da pra marca outro dia no lugar daquela?".
- Taken off: "tira a consulta do meu pai", "tira a consulta da minha mãe de quarta" —
  with no other day to put it on, a cancellation.

Text is folded and its doubled letters written once ("pasar").
"""

from __future__ import annotations

import re

_BOOKING = r"(?:consulta|horario|agendamento|retorno|exame|limpeza|sesao|marcacao|avaliacao)"
_OWN = re.compile(
    rf"\b(?:minha|meu) {_BOOKING}\b|\b(?:tenho|tem) (?:uma |um )?{_BOOKING} (?:marcad|agendad)"
)
# Changing something else ("vou mudar de endereço", "trocar de médico") moves nothing.
_MOVING = re.compile(
    r"\b(?:antecipar|antecipa|adiantar|adianta)\b"
    r"|\b(?:mudar|muda|trocar|troca)\b(?! de (?!dia|horario|data|hora)\w)"
    r"|\bpas(?:a|ar|e) (?:ela |ele |(?:a|o) \w+ )?(?:para|pra|pras|pro|pros)\b"
)
# The care booked named by its kind too (round 17: "quero passar minha fisio pra mais
# tarde", "muda o holter da minha vó pra dia 3 de dezembro").
_CARE = r"(?:fisio|hidro|holter|eletro|eco|mamografia|ultrasom|ultra|raio x|ressonancia|mapa)"
_BOOKING_PASSED = re.compile(
    rf"\b(?:pas(?:a|ar|e)|muda|mudar) (?:a|o|minha|meu) (?:{_BOOKING}|{_CARE})\b"
    r"(?: d[aeo] (?:minha |meu )?\w+(?: \d+)?)? (?:para|pra|pras|pro)\b"  # "do dia 2 pra"
)
_IN_PLACE = re.compile(
    r"\b(?:outro dia|outro horario|outra data|outra hora)\b.*"
    r"\bno lugar d(?:ela|ele|aquela|aquele|esa|ese|a|o)\b"
)
_CANCELLING = re.compile(r"\b(?:cancel|desmarc)\w*")
_TAKEN_OFF = re.compile(
    rf"\b(?:tira|tirar|tire|tirem|retira|retirar)\b (?:a |o )?(?:minha |meu )?{_BOOKING}\b"
)
_PUT_ELSEWHERE = re.compile(
    r"\b(?:coloca|colocar|poe|bota|botar|pasa|pasar|joga|outro dia|outro horario|outra data)\b"
)


def own_booking_moved(words: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` moves a booking one has to another time."""
    del words
    if _CANCELLING.search(folded):
        return False
    if _BOOKING_PASSED.search(folded) or _IN_PLACE.search(folded):
        return True
    return _OWN.search(folded) is not None and _MOVING.search(folded) is not None


def booking_taken_off(words: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` takes a booking off the agenda, with nowhere to put it."""
    del words
    return _TAKEN_OFF.search(folded) is not None and _PUT_ELSEWHERE.search(folded) is None
