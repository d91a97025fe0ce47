"""The proposal's own day and hour said again in the answer to it (round 12).

"perfeito, dia 1 às 10 tá ótimo", "às 10 tá bom sim": the patient repeats what was
proposed to say yes to it. Only the one who knows the proposal can tell this from a new
time, so the brain hands it over: when the time the answer names is exactly the one
proposed (its day, if one is named, and its hour) and nothing else in it names a time, the
words naming it are read as "esse horário", which points at the proposal as "esse horário
tá ótimo" does. Another day or hour, a span or a time in doubt is left as said — but
the proposal's own weekday with its hour ("isso mesmo, terça às 10 tá ótimo", round 14)
points at it when the proposal is that weekday's next or the one after today, the doubt
being only between today and the day proposed.

Since blind sets 21 to 24: the hour said in words ("terça às dez tá bom pra mim") points
at the proposal as its digits do; and the proposal echoed as a question before the
answer ("ah, terça 10h? pode sim, confirma") only checks what was proposed: the answer
after it is the one read.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from services.conductor.portuguese.numbers import with_digits
from services.conductor.portuguese.text import fold
from services.conductor.portuguese.when import parse_when

_WEEKDAY = r"(?:segunda|ter[cç]a|quarta|quinta|sexta)(?:[- ]feira)?|s[aá]bado|domingo"
_PIECE = (
    r"(?:(?:n[oa]\s+)?dia\s+\d{1,2}(?:/\d{1,2}(?:/\d{2,4})?)?"
    # An hour with its "às" or its "h" ("3 pessoas" is no hour).
    r"|(?:[aà]s?\s+\d{1,2}(?:\s*h(?:\s*\d{2})?|:\d{2})?|\d{1,2}(?:\s*h(?:\s*\d{2})?|:\d{2}"
    r"|\s+horas?\b))"
    r"(?:\s+(?:horas?|da manh[aã]|da tarde|da noite))?"
    rf"|(?:n[ao]\s+)?(?:{_WEEKDAY})|amanh[aã]|hoje|depois de amanh[aã])"
)
# The pieces of one time said together ("dia 1 às 10", "terça, dia 1, às 10h").
_TIME_SAID = re.compile(rf"\b{_PIECE}(?:[\s,]+(?:e\s+)?{_PIECE})*\b", re.IGNORECASE)
_POINTED = "esse horário"


def with_proposal_pointed(text: str, proposed: datetime, today: date) -> str:
    """``text`` with the proposal's day and hour, named again and alone, written as "esse
    horário"; ``text`` as it is otherwise."""
    when = parse_when(text, today)
    hour = proposed.time().replace(tzinfo=None)
    if when is None or when.between is not None or when.at != hour:
        return text
    if when.doubt and not _proposals_weekday_alone(text, proposed, today):
        return text
    if when.week is not None or when.day not in (None, proposed.date()):
        return text
    pointed = _TIME_SAID.sub(_POINTED, with_digits(text))
    if parse_when(pointed, today) is not None:
        return text
    echo = _ECHOED.match(pointed)
    return pointed[echo.end() :] if echo and pointed[echo.end() :].strip() else pointed


# The proposal echoed as a question before the answer ("ah, esse horário? pode sim").
_ECHOED = re.compile(
    rf"^\s*(?:(?:ah|ahn|hm+|e|oi|opa)\s*[,.]?\s+)?(?:(?:pra|para|no|na)\s+)?{_POINTED}"
    r"\s*(?:mesmo\s*)?\?+[\s,.!]*",
    re.IGNORECASE,
)


_WEEKDAYS = ("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo")


def _proposals_weekday_alone(text: str, proposed: datetime, today: date) -> bool:
    """Whether ``text`` names the proposal's weekday with no date, and the proposal falls
    within the week after ``today``: that weekday can mean no other day to be booked."""
    folded = fold(text)
    named = re.search(rf"\b{_WEEKDAYS[proposed.weekday()]}\b", folded) is not None
    dated = re.search(r"\b(?:dia\s+)?\d{1,2}\s*/\s*\d{1,2}|\bdia\s+\d", folded) is not None
    return named and not dated and 0 < (proposed.date() - today).days <= 7
