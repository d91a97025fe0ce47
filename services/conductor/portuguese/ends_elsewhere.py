"""Times of something else the patient tells, beside the time wanted (round 13).

- The last day of a stay ("vou estar na cidade só até domingo, tem sábado?"): a bound
  of the visit, not the day asked for, when another day is named.
- A day someone has something else on ("quinta eu tenho prova, faz sexta às 10"),
  beside another day.
- The hour one arrives or gets off ("que eu saio do barco dez e meia", "chego 14h"),
  said without "às" beside another hour: the event's, not the one wanted.
- A day or hour asked for, then the one not meant ("eu pedi dia 2 não dia 1", "é 10h
  não 9h"): "X não Y" after a verb of asking or saying is X; without one ("dia 2 não,
  dia 1") the first is the one refused, as before.

Already folded text, number words as digits, weekdays written out.
"""

from __future__ import annotations

import re

_DAY = r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)?|dia \d{1,2}(?:/\d{1,2})?"
_HOUR = r"\d{1,2}(?::\d\d|h\d{0,2}| ?horas?)?(?: e meia)?"
_STAY_END = re.compile(rf"\b(?:so )?ate (?:o |a )?(?:{_DAY})\b")
# A day one has something else on ("quinta eu tenho prova, faz sexta"), who has it said.
_BUSY_DAY = re.compile(rf"\b(?:{_DAY}) (?:eu|ele|ela) (?:tenho|tem)\b")
_DAY_SAID = re.compile(rf"\b(?:{_DAY}|amanha|hoje)\b")
_ARRIVING = re.compile(
    rf"\b(?:saio|sai|chego|chega|desembarco|desembarca|volto|volta)(?: (?!as\b|a\b|das\b)"
    rf"[a-z]+){{0,3}}? {_HOUR}(?!\w)"
)
_HOUR_SAID = re.compile(rf"\b{_HOUR}(?!\w)")
# Folding drops the comma that tells "dia 2 nao dia 1" from "dia 2 não, dia 1": only
# after a verb of asking or saying is the first the one meant.
_NOT_THE_OTHER = re.compile(
    rf"\b((?:pedi|falei|disse|era|queria|quero|e)(?: (?:o|a|pra|pro|para))? "
    rf"(?:(?:{_DAY})|(?:as |a )?{_HOUR})) nao (?:(?:{_DAY})|(?:as |a )?{_HOUR})(?!\w)"
)


def elsewhere_set_aside(folded: str) -> str:
    """``folded`` without the ends of a stay, the hours of arriving and the day or hour
    said as not meant, when the time wanted is said beside them."""
    folded = _NOT_THE_OTHER.sub(r"\1", folded)
    for pattern in (_STAY_END, _BUSY_DAY):
        without = pattern.sub(" ", folded)
        if without != folded and _DAY_SAID.search(without):
            folded = without
    without = _ARRIVING.sub(" ", folded)
    if without != folded and _HOUR_SAID.search(without):
        folded = without
    return folded
