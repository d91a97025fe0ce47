"""A no to a proposal that names a new hour or part of the day but no day ("não, às 16h",
"10h é cedo, só depois das 16", "não, de tarde"): the patient keeps the day proposed.
The proposal's own weekday said with "mesmo" ("tem na terça mesmo só que de tarde?")
is the day proposed, not a doubt between two of them (round 11). Another day asked "no
mesmo horário" keeps the hour proposed ("Teria o dia 03/12 no mesmo horário?", round 13);
the proposal's date refused beside another ("eu pedi dia 2 não dia 1") leaves the other.
A yes that names the proposal again ("pode ser 10h sim", "isso mesmo, terça às 10 tá
ótimo") means the proposal itself (round 14). The hour of another commitment ("se for
rápido sim, tenho q estar no trabalho às 11") is no time meant."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.hour_after_refused import hour_asked_after_refused
from services.conductor.portuguese.hour_of_commitment import commitment_hour
from services.conductor.portuguese.text import fold
from services.conductor.portuguese.weekday_of_proposal_week import weekday_in_doubt
from services.conductor.portuguese.when import When, parse_when

_WEEKDAYS = ("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo")


def on_proposed_day(when: When | None, proposed: datetime, text: str = "") -> When | None:
    """``when`` on the day of ``proposed`` (local wall clock), if it names a time of day and
    no day or week of its own; a time left in doubt stays a question, unless ``text``
    names the proposal's weekday with "mesmo". The hour proposed, named again in a no
    ("não, às 10 eu trabalho"), is the one refused: no time is meant."""
    if when is None and (asked := hour_asked_after_refused(text, proposed)) is not None:
        return When(day=proposed.date(), at=asked)  # "10h não consigo, pode ser 11?"
    if when is not None and when.doubt and (kept := _without_hour_filled(text, proposed)):
        when = kept  # "não, às 10 ela tá na creche, só de tarde": the afternoon asked
    if when is not None and when.at is not None and when.at == commitment_hour(text):
        return _without_hour(when)  # "tenho q estar no trabalho às 11": another thing's
    if when is not None and _proposal_said_yes(when, proposed, text):
        return When(day=proposed.date(), at=proposed.time().replace(tzinfo=None))
    if when is not None and when.doubt and _proposed_weekday_meant(text, proposed):
        when = When(at=when.at, period=when.period, between=when.between)
    if when is not None:
        when = weekday_in_doubt(when, proposed, text)  # "não, quarta às 10" a week before
    if when is not None and (other := _other_date_than_refused(when, proposed, text)):
        return When(day=other)
    if when is not None and _proposed_hour_kept(when, text):
        return When(day=when.day, at=proposed.time().replace(tzinfo=None))
    if when is None or when.doubt or when.day is not None or when.week is not None:
        return when
    if when.at is None and when.period is None and when.between is None:
        return when
    if when.at == proposed.time().replace(tzinfo=None) and when.between is None:
        return None
    day = proposed.date()
    return When(day=day, at=when.at, period=when.period, between=when.between)


# Who the hour proposed is filled for, or the first person's verb of being elsewhere.
_FILLER = r"(?:eu|ele|ela|a gente|nos|meu|minha|to|tou|estou|ta|trabalho|estudo)"


def _without_hour_filled(text: str, proposed: datetime) -> When | None:
    """What ``text`` asks once the hour or weekday proposed, named with what fills it
    ("às 10 ela tá na creche", "terça de manhã eu trabalho"), is taken out: a part of
    the day, a bound or another hour, and no day of its own; None when it names no such
    hour or asks nothing else."""
    hour, weekday = proposed.hour, _WEEKDAYS[proposed.weekday()]
    filled = (
        rf"\b(?:(?:as\s+|a\s+)?{hour}(?:h(?:00)?|:00|\s+horas?)?"
        # The proposal's weekday and part of the day ("terça de manhã eu trabalho").
        rf"|{weekday}(?:[- ]feira)?(?:\s+(?:de|pela|a|na)\s+(?:manha|tarde|noite))?)"
        rf"\s+(?={_FILLER}\b)"
    )
    folded = fold(text)
    if re.search(filled, folded) is None:
        return None
    rest = parse_when(re.sub(filled, " ", folded), proposed.date())
    if rest is None or rest.doubt or rest.day is not None or rest.week is not None:
        return None
    return rest


def _without_hour(when: When) -> When | None:
    """``when`` with its hour taken off: its day or week, if it names one."""
    if when.day is None and when.week is None:
        return None
    return When(day=when.day, week=when.week, doubt=when.doubt)


def _proposal_said_yes(when: When, proposed: datetime, text: str) -> bool:
    """Whether ``text`` names the hour proposed and is a yes to the proposal."""
    if when.at != proposed.time().replace(tzinfo=None):
        return False
    # Read from six days before, the proposal's weekday names the proposal and no other day.
    return confirmation_answer(text, proposed, proposed.date() - timedelta(days=6)) is True


def _proposed_weekday_meant(text: str, proposed: datetime) -> bool:
    """Whether ``text`` names the proposal's weekday with "mesmo" ("na terça mesmo") and
    no date of its own."""
    folded = fold(text)
    name = _WEEKDAYS[proposed.weekday()]
    named = re.search(rf"\b{name}(?: feira)? mesmo\b", folded) is not None
    return named and re.search(r"\d", folded) is None


# The hour proposed kept for another day ("no mesmo horário", "na mesma hora").
_SAME_HOUR = re.compile(r"\b(?:n[oa]\s+)?mesm[oa]\s+(?:horario|hora)\b")


def _proposed_hour_kept(when: When, text: str) -> bool:
    """Whether ``when`` is a day alone that ``text`` asks for at the hour proposed."""
    alone = when.at is None and when.period is None and when.between is None
    plain = when.doubt is None and when.week is None and when.day is not None
    return alone and plain and _SAME_HOUR.search(fold(text)) is not None


# "dia N" said twice, the proposal's own date refused with the negator beside it.
_DATE = re.compile(r"\bdia (\d{1,2})\b")


def _other_date_than_refused(when: When, proposed: datetime, text: str) -> date | None:
    """The later date of the proposal's month that ``text`` asks for, refusing the
    proposal's own ("eu pedi dia 2 não dia 1"); None for anything else. A day alone only:
    a date before the proposal's, or a choice between them ("dia 1 ou dia 2?"), is not
    read here."""
    if when.at is not None or when.between is not None or when.week is not None:
        return None
    folded = fold(text)
    own = proposed.day
    refused = re.search(rf"\b(?:nao|n) dia {own}\b|\bdia {own} (?:nao|n)\b", folded)
    others = {int(n) for n in _DATE.findall(folded)} - {own}
    if refused is None or len(others) != 1 or " ou " in f" {folded} ":
        return None
    (other,) = others
    if not own < other <= 31:
        return None
    try:
        return proposed.date().replace(day=other)
    except ValueError:
        return None  # "dia 31" in a month of thirty
