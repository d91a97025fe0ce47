"""Days as Brazilians write them to book: "amanhã", "depois de amanhã", "sexta que vem",
"dia 7 de janeiro", "12/12", "dia 3", "daqui a 3 dias", "semana que vem". Pure: the
reference day is an argument. What could mean two days is not read as either: the doubt
says what to ask instead (see ``when``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from services.conductor.portuguese.months_apart import months_attached
from services.conductor.portuguese.run_together import parts_of_day_apart
from services.conductor.portuguese.slips import Slips
from services.conductor.portuguese.text import fold
from services.domain.clinic import WEEKDAY_NAMES

_WEEKDAYS = {
    "segunda": 0,
    "terca": 1,
    "quarta": 2,
    "quinta": 3,
    "sexta": 4,
    "sabado": 5,
    "domingo": 6,
}
_MONTH_NAMES = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
                "setembro", "outubro", "novembro", "dezembro")  # fmt: skip
_MONTH_PREFIXES = [fold(name)[:3] for name in _MONTH_NAMES]  # "dez", "dezembro": December
_MONTH_WORDS = "|".join(sorted({fold(n) for n in _MONTH_NAMES} | set(_MONTH_PREFIXES)))
# The ordinals that name weekdays are ordinals too: "segunda vez", "quarta consulta".
_WEEKDAY = re.compile(
    r"\b(segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)?\b"
    r"(?! (?:vez|vezes|consulta|opcao|via|dose|parte|etapa|sessao|filha|filho|opiniao)\b)"
)
_NEXT_WEEK = re.compile(r"\b(?:semana que vem|prox(?:ima)? semana|outra semana|semana seguinte)\b")
# "essa semana", "dessa semana", "nesta semana": this week, its Monday (a look-up or a
# booking over the week, no day chosen).
_THIS_WEEK = re.compile(r"\b(?:[dn]?essa|[dn]?esta) semana\b")
# A part of a month ("começo de dezembro", "fim do mês", "meados de janeiro"): several
# days, none of them said, so which one is asked.
_PART_OF_MONTH = re.compile(
    r"\b(?:comeco|inicio|meio|meados|fim|final|finalzinho)(?: d[eo])? "
    rf"(?:mes|{_MONTH_WORDS})\b"
)
# "que vem" after a day or a week; "mês que vem", "ano que vem" are no week.
_COMING = re.compile(r"\b(?<!mes )(?<!ano )(?:que|q) vem\b")
# "a de agora não", "não essa, a outra": the coming one refused, the next week's meant.
_NOT_THIS_WEEKS = re.compile(
    r"\b(?:a|o) (?:de agora|dessa semana|desta semana|mais perto) nao\b"
    r"|\bnao (?:a|o) (?:de agora|dessa semana|desta semana|mais perto)\b"
    r"|\bnao (?:essa|esta|esse|este),? (?:a|o) (?:outra|outro|seguinte|da outra semana)\b"
)
_NEXT_MONTH = re.compile(r"\b(?:mes que vem|mes q vem|prox(?:imo)? mes|mes seguinte)\b")
# "fim de semana", "fds": Saturday or Sunday, the person chooses.
_WEEKEND = re.compile(r"\b(?:fim de semana|final de semana|fds)\b")
# "próxima sexta", "sexta feira próxima": like "sexta que vem", the coming Friday or the
# next week's ("próxima terça" said on a Tuesday is only next week's).
_NEXT_DAY = re.compile(
    r"\bprox(?:ima|imo)? (?:segunda|terca|quarta|quinta|sexta|sabado|domingo)"
    r"|\b(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)? prox(?:ima|imo)?\b"
)
_DAY_MONTH = re.compile(r"\b(?:dia )?(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b")
_DAY_MONTH_NAME = re.compile(
    rf"\b(?:dia )?(\d{{1,2}}|primeiro)o? (?:de )?({_MONTH_WORDS})\b(?: (?:de )?(\d{{4}})\b)?"
)
# The month first: "janeiro dia 5", "dezembro, dia 3".
_MONTH_THEN_DAY = re.compile(rf"\b({_MONTH_WORDS}),? (?:no )?dia (\d{{1,2}}|primeiro)o?\b")
_DAY_OF_MONTH = re.compile(r"\bdia (\d{1,2}|primeiro)o?\b(?!/)")
_FROM_NOW = re.compile(r"\b(?:daqui a|daqui|dentro de|em) (\d{1,2}) (dias?|semanas?)\b")
DAY_NUMBERS = re.compile(
    "|".join(
        p.pattern for p in (_DAY_MONTH_NAME, _MONTH_THEN_DAY, _DAY_MONTH, _DAY_OF_MONTH, _FROM_NOW)
    )
)
_DAY_AFTER_TOMORROW = re.compile(r"\b(?:depois|dps) de? ?amanha\b")
_RELATIVE_DAY = re.compile(r"\b(?:(?:depois|dps) de ?amanha|amanha|hoje|hj|oje)\b")
_DAY_WORD = (
    r"(?:hoje|amanha|(?:depois|dps) de ?amanha|segunda|terca|quarta|quinta|sexta|sabado"
    r"|domingo|hj|oje|dia \d{1,2}|\d{1,2}/\d{1,2})"
)
# Two days offered as either ("segunda ou terça", "amanhã ou depois", "segunda de manhã
# ou terça à tarde"): the person chooses.
_EITHER_DAY = re.compile(
    rf"\b{_DAY_WORD}(?: feira)?(?: [\w:]+){{0,3}},? ou (?:na |no |a |o |entao |talvez |so )?"
    rf"(?:{_DAY_WORD}|depois|(?:na )?semana)\b"
    # "dia 26 ou 27?": the second day's number said bare, as no hour is (round 15).
    r"|\bdia \d{1,2},? ou (?:o )?(?:1[3-9]|2\d|3[01]|\d{1,2}(?! (?:da|de) (?:manha|tarde|noite)))"
    r"\b(?![h:/]| ?horas?)"
)
# Days refused together ("na segunda e na terça eu não consigo", round 14).
_DAYS_JOINED = rf"(?:{_DAY_WORD}(?: feira)? (?:e|nem) (?:na |no |a |o )?)*"
# A day said and refused ("sexta não dá, pode ser segunda?", "hoje não, amanhã"): not meant.
REFUSED_DAY = re.compile(
    # "amanhã eu não posso", "quinta ela não pode": who cannot may be said between.
    rf"\b{_DAYS_JOINED}{_DAY_WORD}(?: feira)?(?: (?:eu|ele|ela|a gente|nos))? nao\b"
    r"(?! (?:posso|consigo|da|rola|vai dar)(?: ir)? (?:de |a |pela )?(?:manha|tarde|noite))"
    # "tenho horário quinta? não lembro": a "não" of not remembering refuses no day (round
    # 8); "quinta não sei se posso" still doubts the day, and refuses it.
    r"(?! (?:me )?(?:lembro|recordo)\b)"
    # "sexta eu to de plantão", "sábado ela trabalha": a day one is busy (round 12).
    rf"|\b{_DAYS_JOINED}{_DAY_WORD}(?: feira)?(?: (?:eu|ele|ela))?"
    r" (?:to|tou|estou|ta|esta|vou estar) (?:de plantao|trabalhando|viajando)\b"
    r"(?! (?:ate|das|de|a|as|pela|na|no|depois|antes|so|mas)\b)"  # busy part of it only
)  # but "amanhã não posso de manhã" refuses the morning, not the day
# A day and its part or its hour refused together, then another day named ("hoje de
# tarde não dá, amanhã de tarde então", "sexta às 14h... não, quinta às 14h", round 14):
# the day is refused with them.
REFUSED_DAY_PART = re.compile(
    rf"\b{_DAY_WORD}(?: feira)? (?:(?:de |a |pela )(?:manha|tarde|noite)"
    r"|(?:as |a )?\d{1,2}(?::\d\d|h\d{0,2}| ?horas?)?(?: e meia)?"
    r"(?: (?:da|de) (?:manha|tarde|noite))?)"
    rf",? nao\b(?=.*\b{_DAY_WORD}\b)"
)
_RELATIVE_DAYS = {"hoje": 0, "hj": 0, "oje": 0, "amanha": 1}


# The names of days are few and unlike each other: a slip of five letters is put right
# ("amnha", "segnda", "sabdo"), though not into a word that is one ("quinto", "quanta").
_DAY_SLIPS = Slips.of(
    ["amanha", *_WEEKDAYS],
    known=["quinto", "quanta", "quanto", "quarto", "quartos", "sexto", "sesta", "manha",
           "semana", "segundo", "segundos", "sabados", "domingos", "amanhecer"],
    shortest=5,
)  # fmt: skip


def days_put_right(folded: str) -> str:
    """Already folded text with the slips in its names of days put right, and its parts
    of the day written apart from the words run into them, and a month named apart
    written with its day ("pra dezembro? tipo dia 17")."""
    return months_attached(" ".join(_DAY_SLIPS.corrected(parts_of_day_apart(folded).split())))


def day_of(folded: str, today: date) -> tuple[date | None, date | None, str | None]:
    """The day meant, the week meant (its Monday) when no day is, and what to ask when the
    message names days that could be two (already folded text, number words as digits)."""
    day, week, doubt = _agreed_day(folded, today, *_day(folded, today))
    if day is not None and _WEEK_OF_DAY.search(folded):
        # "pra semana do dia 14": any day of the week that day falls in (round 8).
        return None, day - timedelta(days=day.weekday()), doubt
    return day, week, doubt


_WEEK_OF_DAY = re.compile(r"\bsemana d[oa] (?:dia )?(?:\d{1,2}|primeiro)\b")


def _agreed_day(
    folded: str, today: date, day: date | None, week: date | None, doubt: str | None
) -> tuple[date | None, date | None, str | None]:
    """The day read, unless the message names days that disagree: then what to ask."""
    named = _weekdays_named(folded, today)
    # Two days of the month ("dia 23 eu estava doente, tem vaga dia 30?") likewise.
    numbered = {
        m[1] for p in (_DAY_OF_MONTH, _DAY_MONTH, _DAY_MONTH_NAME) for m in p.finditer(folded)
    }
    if doubt is None and (len(named) > 1 or len(numbered) > 1):
        return None, None, "qual dia você prefere?"
    if day is not None and _RELATIVE_DAY.search(folded) and DAY_NUMBERS.search(folded):
        # "amanhã dia 26" where tomorrow is the 25th: which of the two was meant?
        dated = _day(_RELATIVE_DAY.sub(" ", folded), today)[0]
        if dated is not None and dated != day:
            return None, None, f"{_said(day)} ou {_said(dated)}?"
    if doubt is None and day is not None and named and day.weekday() not in named:
        # "segunda dia 1" where the 1st is a Tuesday: which of the two was meant?
        weekday = named.pop()
        coming = today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
        return None, None, f"{_said(day)} ou {_said(coming)}?"
    return day, week, doubt


def _weekdays_named(folded: str, today: date) -> set[int]:
    """The weekdays of every day named ("amanhã" on a Tuesday is a Wednesday): two of them
    in one message ("quinta 15h, sexta 15h também") leave the day to be asked."""
    named = {_WEEKDAYS[match[1]] for match in _WEEKDAY.finditer(folded)}
    if _DAY_AFTER_TOMORROW.search(folded):
        named.add((today.weekday() + 2) % 7)
        folded = _DAY_AFTER_TOMORROW.sub(" ", folded)
    for word, ahead in _RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", folded):
            named.add((today.weekday() + ahead) % 7)
    return named


def _day(folded: str, today: date) -> tuple[date | None, date | None, str | None]:
    """The day meant, the week meant (its Monday) when no day is, and any doubt."""
    if _EITHER_DAY.search(folded):
        return None, None, "qual dos dois dias você prefere?"
    if _DAY_AFTER_TOMORROW.search(folded):
        return today + timedelta(days=2), None, None
    if re.search(r"\bamanha\b", folded):
        return today + timedelta(days=1), None, None
    if re.search(r"\b(?:hoje|hj|oje)\b", folded):
        return today, None, None
    if re.search(r"\bontem\b", folded):
        return today - timedelta(days=1), None, None
    if match := _FROM_NOW.search(folded):
        unit = 7 if match[2].startswith("semana") else 1
        return today + timedelta(days=int(match[1]) * unit), None, None
    if match := _DAY_MONTH_NAME.search(folded):
        month = _MONTH_PREFIXES.index(match[2][:3]) + 1
        first = 1 if match[1] == "primeiro" else int(match[1])
        return _calendar_date(today, first, month, match[3])
    if match := _MONTH_THEN_DAY.search(folded):
        month = _MONTH_PREFIXES.index(match[1][:3]) + 1
        return _calendar_date(today, 1 if match[2] == "primeiro" else int(match[2]), month, None)
    if match := _DAY_MONTH.search(folded):
        return _calendar_date(today, int(match[1]), int(match[2]), match[3])
    if match := _DAY_OF_MONTH.search(folded):
        number = 1 if match[1] == "primeiro" else int(match[1])
        if _NEXT_MONTH.search(folded):
            # "dia 30 do mês que vem": next month's, even when this month's is still ahead.
            month = today.month % 12 + 1
            return _calendar_date(today, number, month, str(today.year + (month == 1)))
        return _next_day_of_month(today, number)
    if _WEEKEND.search(folded) and not _WEEKDAY.search(folded):
        return None, None, "sábado ou domingo?"
    if _PART_OF_MONTH.search(folded):
        return None, None, "qual dia você prefere?"
    if _NEXT_MONTH.search(folded) and not _WEEKDAY.search(folded):
        # "quero marcar pro mês que vem" (round 17): a month, none of its days said.
        return None, None, "qual dia do mês que vem você prefere?"
    next_week = _NEXT_WEEK.search(folded) is not None
    monday = today - timedelta(days=today.weekday())
    if match := _WEEKDAY.search(folded):
        weekday = _WEEKDAYS[match[1]]
        following = monday + timedelta(days=7 + weekday)
        if next_week:
            return following, None, None
        coming = today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
        said_next = _COMING.search(folded) or _NEXT_DAY.search(folded)
        if weekday == today.weekday() and not said_next:
            # "terça" said on a Tuesday: today, or a week from today?
            return None, None, today_or_coming(today)
        if said_next and coming != following and _NOT_THIS_WEEKS.search(folded):
            # "quinta que vem? a de agora nao, a outra" (round 17): this week's refused.
            return following, None, None
        if said_next and coming != following:
            # "sexta que vem", "próxima sexta" on a Tuesday: this Friday for some, next
            # week's for others.
            return None, None, f"{_said(coming)} ou {_said(following)}?"
        return coming, None, None
    if next_week or _COMING.search(folded):
        return None, monday + timedelta(days=7), None
    if _THIS_WEEK.search(folded):
        return None, monday, None
    return None, None, None


def today_or_coming(today: date) -> str:
    """What is asked of today's weekday said on it: today, or a week from today?"""
    return f"hoje ({_said(today)}) ou {_said(today + timedelta(days=7))}?"


def _said(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]}, {day:%d/%m}"


def _calendar_date(
    today: date, day: int, month: int, year: str | None
) -> tuple[date | None, None, str | None]:
    """A day and month (and maybe year): a date that does not exist is asked about, never
    rolled into the next month; one without a year that passed long ago is next year's."""
    if not 1 <= month <= 12:
        return None, None, f"não existe o mês {month}"
    full_year = int(year) + (2000 if len(year) == 2 else 0) if year else today.year
    try:
        found = date(full_year, month, day)
    except ValueError:
        return None, None, _no_such_day(day, month)
    if year is None and (today - found).days > 31:
        try:
            found = date(today.year + 1, month, day)
        except ValueError:  # 29/02 of a year whose next is not a leap year
            return None, None, _no_such_day(day, month)
    return found, None, None


def _next_day_of_month(today: date, day: int) -> tuple[date | None, None, str | None]:
    """ "dia 3": this month's if still ahead, else next month's; never a month after that."""
    year, month = today.year, today.month
    if day < today.day:
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    try:
        return date(year, month, day), None, None
    except ValueError:
        return None, None, _no_such_day(day, month)


def _no_such_day(day: int, month: int) -> str:
    if not 1 <= day <= 31:
        return f"não existe dia {day}"
    return f"{_MONTH_NAMES[month - 1]} não tem dia {day}"
