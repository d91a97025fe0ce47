"""Hours that belong to something else's schedule, not the time wanted (round 18).

"marca pra mim sexta as 8 pfv, q o barco chega as 6", "meu barco chega sexta as 7, da pra
marcar as 9?", "queria sexta de tarde, o barco chega de manha", "sexta, meu marido chega
do trabalho as 18": the hour or the part of the day a boat, a bus or a person arrives or
leaves is the patient's reason, not the time wanted. It is set aside even alone ("sexta o
onibus passa as 9"): the hour wanted is then asked, never taken from the ride. The
weekday said with it stays ("chega sexta as 7" names the day of the trip, the visit's).
"as 9 ele ta na escola, quinta as 11:30": the hour someone is somewhere else is the one
they cannot come, set aside when another hour is named outside it.

Already folded text, number words as digits, weekdays written out.
"""

from __future__ import annotations

import re

_HOUR = r"\d{1,2}(?::\d\d|h\d{0,2}| ?horas?)?(?: e meia)?"
_CLOCK_TIME = (
    rf"(?:(?:as|a|ao|umas|pelas|por volta das) )?(?:{_HOUR}|meio dia)"
    r"(?: (?:da|de) (?:manha|tarde|noite))?"
)
# "meu marido chega as 18, depois disso pode": the hour then begins the span wanted.
_NOT_AFTER = r"(?!,? (?:e |mas |ai )?depois\b)"
_PART = r"(?:de|pela|a|na parte da|no fim da|cedo de) (?:manha|tarde|noite)|cedo|cedinho"
_RIDE = (
    r"(?:barco|lancha|balsa|onibus|busao|voo|aviao|trem|van|carona|transporte|metro"
    r"|ferry|barca)"
)
_WEEKDAY = r"(?:(?:na |no )?(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)? )?"
# The ride, then its verb, then its hour or part of the day.
_RIDE_TIME = re.compile(
    rf"\b{_RIDE}(?: \w+){{0,3}}? (?:chega|chegam|sai|saem|parte|passa|passam)"
    rf"(?: (?:so|aqui|la|ai|na cidade|no porto))* {_WEEKDAY}"
    rf"({_CLOCK_TIME}|{_PART})\b{_NOT_AFTER}"
)
# Someone else arriving, or anyone arriving from somewhere ("meu marido chega as 18",
# "sexta eu chego do trabalho as 18"): the hour is theirs, the time wanted is unsaid, so
# the hour is set aside even alone and the time is asked. "chego ai as 10" is the visit.
_PERSON = (
    r"(?:marido|esposa|mulher|filho|filha|mae|pai|vo|avo|irma|irmao|namorado|namorada"
    r"|patrao|patroa|chefe)"
)
_ARRIVES = re.compile(
    rf"\b{_PERSON}(?: \w+){{0,2}}? (?:chega|sai|volta)(?: (?:do|da|de) \w+)? "
    rf"({_CLOCK_TIME})\b{_NOT_AFTER}"
    rf"|\b(?:chego|chega|volto|volta) (?:do|da) (?!clinica|consulta)\w+ "
    rf"({_CLOCK_TIME})\b{_NOT_AFTER}"
)
# Someone at a place at an hour: "as 9 ele ta na escola", "ela ta no trabalho as 10".
# Not the clinic: "as 9 to na clinica" is when the patient will come.
_PLACE = r"(?:na|no|em) (?!clinica|consultorio|consulta|sessao|atendimento)\w+"
_BEING = r"(?:eu |ele |ela |a gente |meu filho |minha filha )?(?:to|ta|tou|estou|esta|fica|fico)"
# Its hour said after the place wins: "quinta as 10, ela ta na escola ate as 9".
_ELSEWHERE_UNTIL = re.compile(rf"\b{_BEING} {_PLACE} ((?:ate |desde )?{_CLOCK_TIME})\b")
_ELSEWHERE_AT = re.compile(
    rf"\b({_CLOCK_TIME}) {_BEING} {_PLACE}\b(?! (?:ate |desde )?{_CLOCK_TIME}\b)"
)
_HOUR_LEFT = re.compile(
    r"\b\d{1,2}(?::\d\d|h\d{0,2})(?!\w)|\b(?:as|a|pras?|umas|pelas) \d{1,2}\b(?!/)|\bmeio dia\b"
)


def _without(folded: str, spans: set[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):  # the last first, the others' places kept
        folded = folded[:start] + " " + folded[end:]
    return folded


def others_hours_set_aside(folded: str) -> str:
    """``folded`` without the hours and parts of the day of a ride or of someone arriving,
    and the hours someone is elsewhere when another hour is named outside them. Someone
    elsewhere at an hour beside a part of the day only ("as 10 ela ta na escola, amanha de
    tarde?") may be refusing a proposal, and is left as before."""
    theirs = [*_ARRIVES.finditer(folded), *_RIDE_TIME.finditer(folded)]
    folded = _without(folded, {found.span(found.lastindex or 1) for found in theirs})
    for pattern in (_ELSEWHERE_UNTIL, _ELSEWHERE_AT):
        for found in reversed(list(pattern.finditer(folded))):
            without = folded[: found.start(1)] + " " + folded[found.end(1) :]
            if _HOUR_LEFT.search(without):
                folded = without
    return folded
