"""A weekday followed by the number of its date ("segunda 23", "quarta 25 às 15:30",
"sexta 27") (round 10).

The number after a weekday is its day of the month when the calendar agrees: that
weekday falls on that day this month or the next. Then it is read as that date, written
out with its month, so a date already over ("segunda 23" said on Tuesday the 24th) is
asked about as any day over is, never read as the Monday to come. Where the calendar
does not agree ("sexta 10", "segunda 9"), the number is an hour, as before; a number with
an hour's marks ("sexta 14 e 30", "quinta 3 da tarde", "sexta 11 horas") is never a date.

Already folded text, number words as digits, weekdays written out.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = ("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo")
_MONTHS = ("janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro")  # fmt: skip
_WEEKDAY_NUMBER = re.compile(
    rf"\b({'|'.join(_WEEKDAYS)})(?: feira)?,? (\d{{1,2}})"
    r"(?=\s*$|\s*[,.?!]|\s+(?:as|a|de|pela|depois|antes|a partir|ate|que|pra|para|tem|pode)\b)"
    r"(?! (?:de|da) (?:manha|tarde|noite)\b| de \d)"
)

# A number after a weekday that no hour can be ("sabado 29 pfv", "segunda 31 de manha"):
# a date, said with its weekday whether the calendar agrees or not (round 18). Where it
# does not ("sabado 29", the 29th a Sunday), which of the two was meant is asked.
_WEEKDAY_DATE_ONLY = re.compile(
    rf"\b({'|'.join(_WEEKDAYS)})(?: feira)?,? (2[4-9]|3[01])\b(?!:|h|/| ?horas?\b| e )"
)


def weekdays_dated(folded: str, today: date) -> str:
    """``folded`` with "segunda 23" written "segunda dia 23 de novembro" where the
    calendar agrees."""
    folded = _WEEKDAY_NUMBER.sub(lambda match: _dated(match, today), folded)
    return _WEEKDAY_DATE_ONLY.sub(r"\1 dia \2", folded)


def _dated(match: re.Match[str], today: date) -> str:
    weekday, number = _WEEKDAYS.index(match[1]), int(match[2])
    first = today.replace(day=1)
    for month_start in (first, (first + timedelta(days=32)).replace(day=1)):
        try:
            day = month_start.replace(day=number)
        except ValueError:
            continue
        if day.weekday() == weekday:
            return f"{match[1]} dia {number} de {_MONTHS[day.month - 1]}"
    return match[0]
