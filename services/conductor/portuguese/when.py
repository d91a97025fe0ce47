"""Times as Brazilians write them to book an appointment.

"amanhã às 15h", "terça que vem de manhã", "dia 7 de janeiro às 10 e meia", "duas da tarde",
"semana que vem na quarta", "daqui a 3 dias", "entre 14h e 16h", "ontem às 10h". Pure: the
reference day is an argument. A general date parser misreads these ("15h" as a duration of
fifteen hours), so the grammar of this one small domain is written out here and tested case
by case. The rule: what could mean two things is not read as either; ``When.doubt`` says
what to ask instead, so no booking is ever a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from functools import partial

from services.conductor.portuguese import noon_spans as spans
from services.conductor.portuguese.booking_part_asked import part_asked
from services.conductor.portuguese.corrections import corrected, read_corrected, same_time_kept
from services.conductor.portuguese.dated_weekdays import weekdays_dated
from services.conductor.portuguese.days import DAY_NUMBERS, day_of, days_put_right
from services.conductor.portuguese.days_over import spoken_of_as_over
from services.conductor.portuguese.english_times import time_words_read
from services.conductor.portuguese.listed_times import times_listed
from services.conductor.portuguese.not_meant import set_aside
from services.conductor.portuguese.numbers import with_digits
from services.conductor.portuguese.open_ends import later_opened
from services.conductor.portuguese.parts_asked_closed import sentences_closed
from services.conductor.portuguese.reasons import reasons_periods
from services.conductor.portuguese.text import fold
from services.conductor.portuguese.wanted_part import time_wanted
from services.conductor.portuguese.weekday_over import weekday_over_moved
from services.conductor.portuguese.weekdays import weekdays_written_out

PERIODS = {
    "manha": (time(6), time(12)),
    "tarde": (time(12), time(18)),
    "noite": (time(18), time(23)),
}

# One clock time: "15h", "15:30", "15h30", "15 horas", "10 e meia", "10h e meia".
_TIME = r"(\d{1,2})(?:(?::|h)(\d{2})|h|\s?horas?)?( e meia)?"
_RANGE = re.compile(rf"\b(?:entre|das|de) {_TIME} (?:e|as|a|ate) {_TIME}(?!\d|/)")
# "10 até 11h", and "10-11h" (its dash written as "até" before folding, see ``_DASHED``).
_SPAN_TO = re.compile(rf"\b{_TIME} ate (?:as )?{_TIME}(?!\d|/)")
_DASHED = re.compile(r"(?<![\d/])(\d{1,2}(?::\d\d|h\d{0,2})?) ?[-\u2013] ?(\d{1,2}(?::\d\d)?h)")
# "10h/11h": two hours either way.
_SLASHED_HOURS = re.compile(r"\b\d{1,2}h\d{0,2} ?/ ?\d{1,2}(?!\d)")
_AFTER = re.compile(rf"\b(?:a partir|depois|apos) (?:d[ae]s? |a |as )?{_TIME}(?!\d|/)")
# "antes das 10", and "até as 10" said with no hour before it: a bound, not a time.
_BEFORE = re.compile(rf"\b(?:antes (?:d[ae]s? |da )?|ate (?:as? |das )?){_TIME}(?!\d|/)")
# Its minutes said after "e": "10h e meia", "10 horas e 40".
_CLOCK = re.compile(
    r"\b(\d{1,2})(?::(\d{2})|h(\d{2})?|\s?horas?|\s(?:hrs?|hs)\b)( e (?:meia|[0-5]\d))?"
    r"(?!\d|/)"
)
_MINUTES_SAID = re.compile(r"\b(\d{1,2}) e [0-5]\d\b")
_HALF = re.compile(r"\b(\d{1,2}) e (meia|[1-5]\d|0\d)\b")
# "pra 10" is an hour; "pra 10 pessoas", "a 2 anos" are not.
_AT_HOUR = re.compile(
    r"\b(?:as|a|para|pras|pra|umas|pelas)\s(\d{1,2})\b(?!/|:|\d| \d| e \d"
    r"| (?:pessoas|anos|minutos|reais|consultas|vezes|meses|dias|semanas)\b)"
)
# The first hour of a span that could not be read as one ("entre 2 e 4": morning or
# afternoon?), so that it is asked about.
_SPAN_START = re.compile(r"\b(?:das|entre)\s(\d{1,2})\b(?!/|:|\d| \d)")
# "15.30": a dot between an hour and its quarter; "10.12" may be a date and stays apart.
# An hour written in four digits ("amanhã 1530", "sexta 0930"); not a year ("de 2026").
_FOUR_DIGITS = re.compile(r"(?<![\d/:.])(?<!de )(?<!em )([01]\d|2[0-3])([0-5]\d)(?![\d/:.])")
# A week named by its place in a month ("segunda semana de dezembro"): which day, asked.
_NTH_WEEK = re.compile(r"\b(?:primeira|segunda|terceira|quarta|ultima) semana d[eo]\b")
_DOTTED_TIME = re.compile(r"(?<![\d./])(\d{1,2})\.(00|15|30|45)(?![\d./])")
_HOUR_OF_PERIOD = re.compile(r"\b(\d{1,2}) (?:da|de) (?:manha|tarde|noite)\b")
_OF_PERIOD = re.compile(r"\b(?:da|de|a)\s(manha|tarde|noite)\b|\b(manha|tarde|noite)\b")
# "3 e pouco", "10 e poucos": some minutes after an hour, which ones unsaid.
_ABOUT_HOUR = re.compile(
    r"\b\d{1,2}(?:h|:\d\d| ?horas?)? e (?:pouco|poucos|pouquinho|tanto|alguma coisa"
    r"|qualquer coisa)\b"
)
_FOND_PERIODS = (
    (r"\b(?:cedo|cedinho|manhazinha)\b", "manha"),
    (r"\b(?:tardinha|tardezinha|fim de tarde|fim do dia|final do dia)\b", "tarde"),
    (r"\bnoitinha\b", "noite"),
    # The written register ("no período vespertino", "preferencialmente matutino").
    (r"\b(?:matutino|matinal)\b", "manha"),
    (r"\bvespertino\b", "tarde"),
    (r"\bnoturno\b", "noite"),
)
# A part of the day refused: "não posso de manhã", "de manhã não".
_REFUSED_PERIOD = re.compile(
    r"\bnao (?:posso|pode|consigo|consegue|conseguimos|da|rola|vai dar)(?: ir)? (?:de |a |pela )?"
    r"(manha|tarde|noite)\b"
    r"|\b(manha|tarde|noite),? nao\b(?! (?:me )?lembro\b| (?:consegui|pude|deu|fui)\b)"
)
# "tem vaga de tarde não?", "minha consulta não é hj não?": a "não" asked after a part of
# the day or a day is a question tag, no refusal of it (read before folding drops the
# question mark).
_ASKED_TAG = re.compile(
    r"\b(manh[aã]|tarde|noite|hoje|hj|amanh[aã]|segunda|ter[cç]a|quarta|quinta|sexta"
    r"|s[aá]bado|domingo|\d{1,2}(?:h|:\d\d)?) n[aã]o ?\?",
    re.IGNORECASE,
)
_EITHER_PERIOD = re.compile(
    r"\b(?:manha|tarde|noite) ou (?:a |de |da |pela )?(?:manha|tarde|noite)\b"
)
# An hour that says its own part of the day: "4 da tarde", "9h da manhã".
_OWN_PERIOD = re.compile(
    r"\b\d{1,2}(?:h|:\d\d| horas?)?(?: e meia)? (?:da|de) (manha|tarde|noite)\b"
)
# Words that speak of a day of the month as over ("era dia 20"); not "marquei nada" (r17).
_WAS = re.compile(r"\b(?:era|foi|perdi|faltei|(?<!nao )marquei(?! nada)|agendei|tinha)\b")
# Minutes to an hour: "quinze pras dez" (9:45), "dez para as 8" (7:50).
_MINUTES_TO = re.compile(r"\b(5|10|15|20|25)(?: minutos)? (?:pras|pra as|para as|para) (\d{1,2})\b")
# Before 6 and with no part of the day, an hour is as likely morning as afternoon.
_UNCLEAR_HOURS = range(1, 6)
# "as 7" with no part of the day: 7 in the morning or in the evening, both outside the
# clinic's usual hours, so asked about; "7h" and "7:30" are written on the 24-hour clock.
_EARLY_HOURS = (6, 7)
# Two hours offered as either ("8:00 ou 9:00", "as 10 ou as 11 tanto faz", "oito e meia
# ou nove"), or an hour doubted ("às 14h ou era 15h?"): the person chooses, not the bot.
_EITHER_HOUR = re.compile(
    r"\b\d{1,2}(?::\d{2}|h\d{0,2}| ?horas?)?(?: e (?:meia|[0-5]\d))? ou (?:era |seria |foi )?"
    r"(?:as? )?\d{1,2}(?!\d)"
)


@dataclass(frozen=True, slots=True)
class When:
    """What a message says about a time: a day (or a week), a clock time, a part of the day
    or a span of hours — and, when it says something that cannot be taken as it stands,
    what to ask (``doubt``)."""

    day: date | None = None
    at: time | None = None
    period: str | None = None
    between: tuple[time, time] | None = None
    week: date | None = None  # the Monday of a week named without its day
    doubt: str | None = None
    over: bool = False
    """A moment of today already over, said as meant ("hoje às 8h" at nine, not "hj as 8"
    that may be the evening): never proposed, but tried, so that the clinic says so."""

    def start(self) -> datetime | None:
        """The exact moment, when both day and clock time are known (naive, local)."""
        if self.doubt or self.day is None or self.at is None:
            return None
        return datetime.combine(self.day, self.at)

    def is_past(self, now: datetime) -> bool:
        """Whether it names a day or a moment already over at ``now`` (local wall clock)."""
        if self.day is None:
            return False
        if self.day != now.date():
            return self.day < now.date()
        return self.at is not None and self.at <= now.time().replace(tzinfo=None)

    def over_today(self, now: datetime) -> datetime | None:
        """The moment of today named as meant and already over (``over``), which the
        clinic refuses as over when it is tried."""
        if not self.over or self.day != now.date() or self.at is None or not self.is_past(now):
            return None
        return datetime.combine(self.day, self.at)


def parse_when(text: str, today: date, now: datetime | None = None) -> When | None:
    """What ``text`` says about when, relative to ``today``; None if it says nothing.
    Given ``now`` (local wall clock), an hour of today already over is asked about, never
    proposed."""
    when = weekday_over_moved(_parse(text, today), text, today, now)
    if when is not None and when.at is None and (asked := part_asked(text)):
        when = replace(when, period=None, doubt=when.doubt or asked)
    if when is None or now is None or when.doubt or when.day != now.date() or when.at is None:
        return when
    if when.at > now.time().replace(tzinfo=None):
        return when
    if when.period is None and not _on_the_clock(fold(text), when.at.hour) and when.at.hour < 12:
        # "hj as 8 da pra encaixar?" at nine: said bare, 8 in the morning is over and 20h
        # is the other reading.
        return replace(when, doubt=f"hoje às {when.at.hour}h da manhã já passou; seria à noite?")
    # "hoje 8h ainda dá pra ir?" at nine: the time is over, whatever the patient meant by
    # it; the brain offers today's free times instead (``When.is_past``).
    return replace(when, doubt=f"hoje às {when.at:%H:%M} já passou; qual outro horário?", over=True)


def _parse(text: str, today: date) -> When | None:
    """``parse_when`` without regard to the hour it is now."""
    written = _DASHED.sub(r"\1 até \2", _DOTTED_TIME.sub(r"\1:\2", sentences_closed(text)))
    written = _ASKED_TAG.sub(r"\1 ?", _FOUR_DIGITS.sub(r"\1:\2", written))
    folded = weekdays_written_out(days_put_right(with_digits(time_words_read(fold(written)))))
    folded = later_opened(weekdays_dated(folded, today))
    folded = spans.noon_spanned(set_aside(spans.noon_bound(folded)))
    if _NTH_WEEK.search(folded):
        return When(doubt="qual dia dessa semana você prefere?")

    read = read_corrected(partial(_read, today=today))  # "muda pra segunda as 8, ops, as 9"
    found, wanted = time_wanted(folded, read)
    found, wanted = (found, wanted) if found else corrected(folded, read)
    return same_time_kept(folded, wanted if found else _read(folded, today), read)


def _read(folded: str, today: date) -> When | None:
    """What already folded text says about when."""
    period = _period(folded)
    day, week, day_doubt = day_of(folded, today)
    # The numbers of a date ("dia 7 de manhã", "daqui a 3 dias") are no hours.
    hours = DAY_NUMBERS.sub(" ", folded)
    between = _range(hours, period)
    at, time_doubt = (None, None) if between else _clock(hours, period)
    if at is not None and between is None and spans.span_unread(hours):
        at, time_doubt = None, "qual horário você prefere?"  # never a span's start alone
    if at is not None and (len(_hours_named(hours)) > 1 or times_listed(hours)):
        at, time_doubt = None, "qual horário você prefere?"
    if (day, week, at, period, between, day_doubt, time_doubt) == (None,) * 7:
        return None
    if day is not None and day < today and not spoken_of_as_over(folded):
        # "ontem às 10h dá pra marcar?", "dia 23 de novembro às 10h tem?" on the 24th: a
        # day over, asked for, is never proposed.
        day_doubt = day_doubt or "esse dia já passou. Para qual dia você quer?"
    if day is not None and _over_this_month(folded, today, day):
        # "minha consulta era dia 20 e eu perdi" on the 24th: this month's 20th, over.
        day, day_doubt = today.replace(day=day.day), "esse dia já passou. Para qual dia você quer?"
    elif day is not None and _just_gone_by(folded, today, day):
        day_doubt = f"o dia {day.day} já passou; seria {day.day} de {_MONTHS[day.month - 1]}?"
        day = None
    return When(day, at, period, between, week, day_doubt or time_doubt)


def _over_this_month(folded: str, today: date, day: date) -> bool:
    """Whether a bare "dia N" read as next month's is spoken of as over ("era dia 20")."""
    if day.month == today.month or day.day >= today.day or not _WAS.search(folded):
        return False
    return re.search(rf"\bdia 0?{day.day}\b(?! de (?!manha|tarde|noite)|/)", folded) is not None


# A bare "dia N" this many days gone by or fewer ("dia 20 tem?" on the 24th) may be this
# month's in the patient's mind (a slip, or a day over) as much as next month's: asked
# (round 7). Further back ("dia 2") it can only be next month's; a weekday that agrees
# with next month's date ("segunda dia 21") says which, and a day spoken of as over
# ("era dia 20") is this month's (above).
_JUST_GONE_BY = 7
_MONTHS = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro")  # fmt: skip
_WEEKDAY_NAMED = re.compile(r"\b(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)\b")


def _just_gone_by(folded: str, today: date, day: date) -> bool:
    """Whether a bare "dia N" read as next month's was only days ago this month."""
    if day.month == today.month or not 0 < today.day - day.day <= _JUST_GONE_BY:
        return False
    if _WEEKDAY_NAMED.search(folded) or _WAS.search(folded):
        return False
    return re.search(rf"\bdia 0?{day.day}\b(?! de (?!manha|tarde|noite)|/)", folded) is not None


def _hours_named(hours: str) -> set[int]:
    """The hours of every clock time named: two of them in one message ("às 10h, se não
    der às 11h") leave the time to be asked."""
    patterns = _CLOCK, _HALF, _AT_HOUR, _HOUR_OF_PERIOD, _SPAN_START
    hours = _MINUTES_SAID.sub(r"\1", hours)  # the "15" of "2 e 15 da tarde" is no hour
    named = {int(match[1]) % 12 for pattern in patterns for match in pattern.finditer(hours)}
    return named | ({0} if "meio dia" in hours else set())


def offered_slot(text: str, offered: Sequence[datetime], today: date) -> datetime | None:
    """The one offered slot a message picks by its time ("o das 10h30", "pode ser o de
    quinta às 9h"); None when it names none of them, or more than one."""
    when = parse_when(text, today)
    if when is None or when.at is None or when.doubt:
        return None
    chosen = [
        slot
        for slot in offered
        if slot.time().replace(tzinfo=None) == when.at
        and (when.day is None or slot.date() == when.day)
    ]
    return chosen[0] if len(chosen) == 1 else None


def _period(folded: str) -> str | None:
    """The part of the day meant; None when none is, or when two are named ("não posso de
    manhã, só à tarde às 4": the hour is then asked about, never read as 4 in the morning)."""
    if "meio dia" in folded:
        return None
    refused = {match[1] or match[2] for match in _REFUSED_PERIOD.finditer(folded)}
    said = {match.group(1) or match.group(2) for match in _OF_PERIOD.finditer(folded)}
    named = said - refused
    named -= reasons_periods(folded) if named - reasons_periods(folded) else set()
    if "depois do almoco" in folded:
        named.add("tarde")
    if "antes do almoco" in folded:
        named.add("manha")
    if not named:
        # "cedo" only when no part of the day is named outright: it may be about something
        # else ("de tarde, porque saio cedo do trabalho").
        for words, period in _FOND_PERIODS:
            if re.search(words, folded):
                named.add(period)
    return named.pop() if len(named) == 1 else None


def _range(folded: str, period: str | None) -> tuple[time, time] | None:
    """A span of hours: "entre 14h e 16h", "das 9 às 11", "a partir das 15h", "antes
    das 10h" (an open end is the day's)."""
    first: time | None
    last: time | None
    if (match := _RANGE.search(folded)) or (match := _SPAN_TO.search(folded)):
        first = _time_of(
            match[1], match[2], match[3], spans.start_period(match[1], match[4], period)
        )
        last = _time_of(match[4], match[5], match[6], spans.end_period(match[1], match[4], period))
    elif match := _AFTER.search(folded):
        first = _time_of(match[1], match[2], match[3], _bound_period(match[1], period))
        last = time(23, 59)
    elif match := _BEFORE.search(folded):
        first, last = (
            time(0),
            _time_of(match[1], match[2], match[3], _bound_period(match[1], period)),
        )
    else:
        return None
    if first is None or last is None or first >= last:
        return None
    return first, last


def _bound_period(hour: str, period: str | None) -> str | None:
    """The part of the day of an hour that bounds a span: "depois das 3", "antes das 5"
    with none said is the afternoon, as a span from or to 3 at night means nothing."""
    return "tarde" if period is None and int(hour) in _UNCLEAR_HOURS else period


def _time_of(hour: str, minute: str | None, half: str | None, period: str | None) -> time | None:
    h, m = int(hour), 30 if half else int(minute or 0)
    if period in ("tarde", "noite") and h < 12:
        h += 12
    elif period is None and h in _UNCLEAR_HOURS:
        return None  # then read as a clock time, which asks which half of the day
    return time(h, m) if h < 24 and m < 60 else None


def _minutes(said_after_e: str | None) -> int:
    """The minutes of " e meia", " e 40"; 0 when none were said that way."""
    if not said_after_e:
        return 0
    said = said_after_e.removeprefix(" e ")
    return 30 if said == "meia" else int(said)


def _clock(folded: str, period: str | None) -> tuple[time | None, str | None]:
    """The clock time said, and the question to ask when the hour could be either half of
    the day."""
    if own := _OWN_PERIOD.search(folded):
        period = own[1]  # "4 da tarde" is the afternoon, whatever else the message names
    if "meio dia" in folded:
        return (time(12, 30) if "meio dia e meia" in folded else time(12)), None
    if _EITHER_HOUR.search(folded) or _SLASHED_HOURS.search(folded):
        return None, "qual dos dois horários você prefere?"
    if _ABOUT_HOUR.search(folded):
        return None, "que horas exatamente?"
    hour = minute = None
    clock_like = True  # the hour said is not one of the early hours, or is on the clock
    if match := _MINUTES_TO.search(folded):
        hour, minute = int(match[2]) - 1, 60 - int(match[1])  # "quinze pras dez": 9:45
        clock_like = int(match[2]) not in _EARLY_HOURS
    elif match := _CLOCK.search(folded):
        hour, minute = int(match[1]), _minutes(match[4]) or int(match[2] or match[3] or 0)
        clock_like = _on_the_clock(folded, hour)
    elif match := _HALF.search(folded):
        hour, minute = int(match[1]), 30 if match[2] == "meia" else int(match[2])
        clock_like = False
    elif (
        (match := _HOUR_OF_PERIOD.search(folded))
        or (match := _AT_HOUR.search(folded))
        or (match := _SPAN_START.search(folded))
    ):
        hour, minute = int(match[1]), 0
        clock_like = False
    if hour is None or minute is None or hour > 23 or minute > 59:
        return None, None
    if _EITHER_PERIOD.search(folded):
        return None, f"{hour}h da manhã ou da tarde?"  # "as 10 da manhã ou da tarde?"
    if (period == "tarde" and 8 <= hour < 12) or (period == "manha" and hour >= 13):
        # "as 10, então só à tarde", "amanhã cedo ... às 14": the hour is not the part meant.
        return None, "qual horário você prefere?"
    if period in ("tarde", "noite") and hour < 12:
        hour += 12  # "3 da tarde"
    elif period is None and hour in _UNCLEAR_HOURS:
        return None, f"{hour}h da manhã ou da tarde?"
    elif period is None and hour in _EARLY_HOURS and not clock_like:
        return None, f"{hour}h da manhã ou da noite?"
    return time(hour, minute), None


def _on_the_clock(folded: str, hour: int) -> bool:
    """Whether the hour is written the way a clock shows it ("7h", "07:30")."""
    return re.search(rf"\b0?{hour}(?::\d\d|h)", folded) is not None
