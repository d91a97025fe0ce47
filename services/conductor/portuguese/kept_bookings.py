"""Another booking named by its day, beside the time wanted (round 16).

"cancela a de sexta as 9, a de segunda mantem": the Monday booking stays as it is, so
its day (and any hour said with it) is not the time meant. "a de segunda mantém", "a
de amanhã fica", "o de quinta continua", "mantém a de segunda": the booking named by its
day, then kept. "depois do ultrassom de amanhã queria já deixar o retorno marcado pra sexta
à tarde": the day of the booking the new one follows (a meal is a part of the day: "depois do
almoço de sexta" is Friday afternoon). Set aside only when another day is
named outside it.

Already folded text, number words as digits, weekdays written out.
"""

from __future__ import annotations

import re

_DAY = (
    r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo|amanha|hoje|depois de amanha"
    r"|dia \d{1,2}(?:/\d{1,2})?|\d{1,2}/\d{1,2})(?: feira)?"
)
_TIME = r"(?: (?:as |a |das )?\d{1,2}(?::\d\d|h\d{0,2})?| (?:de|a|da) (?:manha|tarde|noite))?"
_KEEP = (
    r"(?:mantem|mantenha|mantenho|mantemos|fica|continua|permanece|pode ficar|pode manter"
    r"|eu mantenho|vou manter|deixa)"
)
_KEPT = re.compile(
    rf"\b(?:a|o) (?:de|da|do) {_DAY}{_TIME},? {_KEEP}\b"
    rf"|\b(?:mantem|mantenha|mantenho|deixa|deixe) (?:a|o) (?:de|da|do) {_DAY}{_TIME}(?!\w)"
    # "depois do ultrassom de amanhã", "antes da consulta de sexta".
    r"|\b(?:depois|antes|apos) d[oa] (?:meu |minha )?(?!almoco|janta|cafe|meio)[a-z]+"
    rf"(?: [a-z]+)? d[eo] {_DAY}{_TIME}(?!\w)"
)
_DAY_NAMED = re.compile(rf"\b{_DAY}\b")


def kept_set_aside(folded: str) -> str:
    """``folded`` without the other bookings it names, when another day is named."""
    without = _KEPT.sub(" ", folded)
    return without if without != folded and _DAY_NAMED.search(without) else folded
