"""The day and hour of something that already happened, not the time wanted (round 18).

"liguei ontem as 10 e ninguem atendeu, tem vaga sexta?", "semana passada fui as 9 e tava
fechado, sexta tem?", "fui atendida sexta as 10 e gostei, quero marcar de novo pra semana
que vem", "a reuniao acabou as 10, tem horario hoje?": the hour belongs to a past event
told as the story of the message; proposing it would book a time the patient never asked
for. It is set aside, with the day said with it, so the time wanted is asked. A booking
told as past ("marquei", "era") is left to the rules of bookings.

Already folded text, number words as digits, weekdays written out.
"""

from __future__ import annotations

import re

_PAST = (
    r"(?:liguei|ligou|ligamos|fui|foi atendid[ao]|fui atendid[ao]|vim|veio|estive|esteve"
    r"|passei|cheguei|chegou|tentei|tentou|mandei|falei|atendeu|atenderam|acabou|terminou"
    r"|aconteceu|comecou|tomei|tomou|senti|sentiu|desmaiou|caiu|bateu)"
)
_HOUR = r"(?:(?:as|a|umas|pelas) )?\d{1,2}(?::\d\d|h\d{0,2}| ?horas?)?(?: e meia)?"
_DAY = (
    r"(?:(?:na |no )?(?:ontem|hoje|segunda|terca|quarta|quinta|sexta|sabado|domingo)"
    r"(?: feira)?(?: passad[ao])? )?"
)
# The verb, then within its clause the day and hour: "liguei ontem as 10".
_AFTER_VERB = re.compile(rf"\b{_PAST}\b(?: (?!e\b|mas\b|entao\b)\w+){{0,2}}? ({_DAY}{_HOUR})\b")
# The hour, then one's own visit or call: "ontem as 10 eu liguei", "sexta as 10 fui
# atendida"; not "era dia 3 as 8 horas ele caiu", where the hour is the booking's.
_CONTACT = r"(?:liguei|fui|vim|estive|passei|cheguei|tentei|mandei|falei)"
_BEFORE_VERB = re.compile(rf"\b({_DAY}{_HOUR}) (?:eu |a gente )?{_CONTACT}\b")


def past_hours_set_aside(folded: str) -> str:
    """``folded`` without the days and hours of what already happened."""
    spans = {m.span(1) for p in (_AFTER_VERB, _BEFORE_VERB) for m in p.finditer(folded)}
    for start, end in sorted(spans, reverse=True):  # the last first, the others' places kept
        folded = folded[:start] + " " + folded[end:]
    return folded
