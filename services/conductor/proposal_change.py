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
from services.conductor.portuguese.refused_then_asked import (
    dated_day_after_weekday_refused,
    later_than_busy,
    other_hour_after_hour_refused,
    others_name_no_day,
    proposal_weekday_other_part_asked,
)
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
    if when is None and (same := _same_day_asked(text, proposed)) is not None:
        return same  # "tenho aula de manha. tem a tarde no msm dia?" (round 16)
    if when is not None and (later := _later_than_busy_asked(when, text, proposed)):
        return later  # "no puedo, trabajo ... hasta las 17. tiene más tarde?" (round 17)
    if when is not None and when.doubt and (instead := _refused_then_asked(text, proposed)):
        return instead  # "Não consigo às 10h. Poderia ser às 14h do mesmo dia?" (round 17)
    if when is not None and when.doubt and (kept := _without_hour_filled(text, proposed)):
        when = kept  # "não, às 10 ela tá na creche, só de tarde": the afternoon asked
    if when is not None and when.at is not None and when.at == commitment_hour(text):
        return _without_hour(when)  # "tenho q estar no trabalho às 11": another thing's
    if when is not None and _proposal_said_yes(when, proposed, text):
        return When(day=proposed.date(), at=proposed.time().replace(tzinfo=None))
    if (
        when is not None
        and _doubt_of_proposed_day(when, proposed)
        and (
            _proposed_weekday_meant(text, proposed)
            # "nao pode ser, ... teria terça de tarde?" (round 17)
            or proposal_weekday_other_part_asked(text, proposed)
        )
    ):
        when = When(at=when.at, period=when.period, between=when.between)
    if when is not None:
        when = weekday_in_doubt(when, proposed, text)  # "não, quarta às 10" a week before
    if when is not None and (other := _other_date_than_refused(when, proposed, text)):
        return When(day=other, period=when.period)  # "só no dia 9 de manhã" (round 16)
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
    the day, a bound or another hour, and no day of its own but a dated one; None when
    it names no such hour or asks nothing else."""
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
    kept = re.sub(filled, " ", folded)
    rest = parse_when(kept, proposed.date())
    if rest is None or rest.doubt or rest.week is not None:
        return None
    # A day of its own only with its date ("terça eu levo minha mãe na hemodiálise ...
    # se tiver quarta dia 2 à tarde seria melhor", round 16): a weekday alone may be of
    # either week.
    if rest.day is not None and _OWN_DATE.search(kept) is None:
        return None
    return rest


# The proposal's day pointed at ("no mesmo dia", "no msm dia").
_SAME_DAY = re.compile(r"\b(?:n?o\s+)?(?:mesmo|msm)\s+dia\b")
_SENTENCE_END = re.compile(r"[.;!?\n]+")


def _same_day_asked(text: str, proposed: datetime) -> When | None:
    """The part of the day, bound or hour asked "no mesmo dia" in a sentence of its own,
    when the whole message reads as no time ("nao posso, tenho aula de manha. tem a
    tarde no msm dia?": the morning is one's routine, set aside, and took the question
    with it); None otherwise."""
    for sentence in _SENTENCE_END.split(text):
        if _SAME_DAY.search(fold(sentence)) is None:
            continue
        asked = parse_when(sentence, proposed.date())
        if asked is None or asked.doubt or asked.week is not None:
            return None
        if asked.day not in (None, proposed.date()) or asked.start() == proposed:
            return None
        if asked.at is None and asked.period is None and asked.between is None:
            return None
        return When(day=proposed.date(), at=asked.at, period=asked.period, between=asked.between)
    return None


def _later_than_busy_asked(when: When, text: str, proposed: datetime) -> When | None:
    """After the hour one is busy until, "later" asked on the proposal's day
    (``refused_then_asked``): only where ``when`` names no hour, week, doubt or other day."""
    if when.at is not None or when.doubt or when.week is not None:
        return None
    return later_than_busy(text, proposed) if when.day in (None, proposed.date()) else None


def _refused_then_asked(text: str, proposed: datetime) -> When | None:
    """The time asked after the proposal's hour or weekday is refused, where the whole
    message reads as a doubt (``refused_then_asked``); None when there is none."""
    if others_name_no_day(text, proposed) and (same := _same_day_asked(text, proposed)):
        return same  # "Não consigo às 10h. Poderia ser às 14h do mesmo dia?"
    if (other := other_hour_after_hour_refused(text, proposed)) is not None:
        return other  # "não consigo às 10, pode ser às 15h?"
    return dated_day_after_weekday_refused(text, proposed)  # "n consigo terça, ... dia 2"


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


def _doubt_of_proposed_day(when: When, proposed: datetime) -> bool:
    """Whether ``when`` is in doubt between the proposal's day and another, its time
    apart ("hoje (terça, 24/11) ou terça, 01/12?")."""
    return when.doubt is not None and f"{proposed:%d/%m}" in when.doubt


# A date of its own ("dia 3", "02/12"): another day than the proposal's may be meant.
_OWN_DATE = re.compile(r"\bdia\s+\d|\b\d{1,2}/\d{1,2}\b|\b\d{1,2}\s+de\s+[a-z]+")


def _proposed_weekday_meant(text: str, proposed: datetime) -> bool:
    """Whether ``text`` names the proposal's weekday with "mesmo" ("na terça mesmo") or
    refuses part of it by name ("terça de manha nao rola, trampo. tem depois das 17?",
    round 16), and names no date of its own. An hour is no date ("terça mesmo só que
    as 11?", round 16): the doubt is only between today and the day proposed, and the
    one answering the proposal looks at the day proposed."""
    folded = fold(text)
    name = _WEEKDAYS[proposed.weekday()]
    named = re.search(rf"\b{name}(?: feira)? (?:mesmo|msm)\b", folded) is not None
    part_refused = re.search(
        rf"\b{name}(?: feira)? (?:de|pela|a|na) (?:manha|tarde|noite)"
        r" (?:(?:eu|ele|ela) )?(?:nao|n|num)\b",
        folded,
    )
    return (named or part_refused is not None) and _OWN_DATE.search(folded) is None


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
    if when.period is not None and when.doubt is None:
        return None  # a part of the day on a day read already
    folded = fold(text)
    own = proposed.day
    refused = re.search(
        rf"\b(?:nao|n) dia {own}\b|\bdia {own} (?:nao|n)\b"
        # With the verb of being able between ("nao consigo dia 1", round 16).
        r"|\b(?:nao|n) (?:consigo|posso|da|vai dar|rola|quero|vou poder) "
        rf"(?:(?:no|o) )?dia {own}\b",
        folded,
    )
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
