"""A bare weekday answering a proposal made for a later week (round 14).

"não, prefiro quarta às 10", said on Tuesday the 24th to a proposal for Tuesday 01/12: the
patient, looking at the week proposed, may mean that week's Wednesday (02/12) as well as
tomorrow. When the weekday named alone (no date of its own, no "essa" or "que vem")
falls before the proposal and in an earlier week than it, the day is asked, never
guessed. A weekday of the proposal's own week, a date ("quarta 02/12") or a weekday
after the proposal is read as it stands, and so is a weekday recalled from an earlier
request ("errado, eu pedi quarta"): it was said before the week proposed was seen.

Since blind sets 21 to 24: the proposal's weekday refused by name, and a later weekday
asked ("terça nao da, pode ser na quarta?", "terça não dá porque ... se tiver na quarta
depois das duas eu vou"), is read in the week proposed: the patient, looking at that
Tuesday, asks for the day after it. A weekday before the proposal's in its week
("terça não dá, segunda?") stays asked.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from services.conductor.portuguese.text import fold
from services.conductor.portuguese.when import When, parse_when

_WEEKDAYS = ("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo")
_SPOKEN = ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo")
# A weekday tied to this week or the next by its own words: no doubt between the two.
_WEEK_SAID = re.compile(
    r"\b(?:ess[ae]|dess[ae]|ness[ae]|est[ae]|dest[ae]|nest[ae]|proxim[ao]|agora)\s+"
    r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)"
    r"|\b(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)(?:[- ]feira)?\s+"
    r"(?:q(?:ue)?\s+vem|agora|proxim[ao]|dessa semana|desta semana|da semana que vem)\b"
)

# An earlier request recalled ("eu pedi quarta", "falei sexta", "tinha dito quinta").
_RECALLED = r"\b(?:pedi|falei|disse|dito|pedido|escrevi|mandei)\b(?:\s+\w+){0,2}?\s+"


def weekday_in_doubt(when: When, proposed: datetime, text: str) -> When:
    """``when`` with its day asked about, when that day is a weekday named alone that
    falls before ``proposed`` and in an earlier week; ``when`` as it is otherwise."""
    day = when.day
    if day is None or when.doubt or when.week is not None:
        return when
    start = proposed.date()
    if not day < start or _monday(day) >= _monday(start):
        return when
    folded = fold(text)
    name = _WEEKDAYS[day.weekday()]
    if not re.search(rf"\b{name}\b", folded) or _WEEK_SAID.search(folded):
        return when
    if re.search(rf"{_RECALLED}{name}\b", folded):
        return when
    # The same weekday after the proposal: the one the patient may be looking at.
    later = start + timedelta(days=(day.weekday() - start.weekday()) % 7 or 7)
    numbered = re.search(rf"\b{name}(?:[- ]feira)?,?\s+(?:dia\s+)?(\d{{1,2}})\b", folded)
    if numbered and int(numbered[1]) in (day.day, later.day):
        return when  # "quarta 25 às 10": its date said
    if _dated_without(folded, name, start):
        return when
    if day.weekday() > start.weekday() and _proposals_weekday_refused(folded, start):
        return replace(when, day=later)
    spoken = _SPOKEN[day.weekday()]
    asked = f"seria {spoken} dia {day:%d/%m} ou {spoken} dia {later:%d/%m}?"
    return replace(when, day=None, doubt=asked)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _dated_without(folded: str, name: str, today: date) -> bool:
    """Whether ``folded`` still names a day with its weekday taken out ("quarta 02/12")."""
    rest = re.sub(rf"\b{name}(?:[- ]feira)?\b", " ", folded)
    when = parse_when(rest, today)
    return when is not None and (when.day is not None or when.week is not None)


def _proposals_weekday_refused(folded: str, start: date) -> bool:
    """Whether ``folded`` refuses the proposal's weekday by name ("terça não dá")."""
    name = _WEEKDAYS[start.weekday()]
    refused = (
        rf"\b{name}(?:[- ]feira)?\s+(?:(?:eu|ele|ela)\s+)?(?:nao|n|num|e\s+impossivel)\b"
        rf"|\b(?:nao|n|num)\s+(?:posso|consigo|da|vai\s+dar|rola)\s+(?:na\s+)?{name}\b"
    )
    return re.search(refused, folded) is not None
