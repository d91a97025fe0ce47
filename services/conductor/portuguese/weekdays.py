"""Weekdays as patients shorten them ("seg", "qui", "sex de manhã", "2ª feira"), written
out so the time grammar reads one spelling.

Three of the short forms are words too: "ter" (to have), "sex" and "dom" (a gift). A short
form is taken for a day only where a day is meant: followed by a time or a part of the day
("qui 15h", "sex de manhã", "seg às 10", "ter que vem"), or ending the message after a
word that leads to a day ("marcar pra sex", "na qua"), or said alone ("sab", round 7).
Anywhere else it is left as written.
"""

from __future__ import annotations

import re

_SHORT = {
    "seg": "segunda", "ter": "terca", "qua": "quarta", "qui": "quinta", "qta": "quinta",
    "sex": "sexta", "sab": "sabado", "dom": "domingo",
}  # fmt: skip
_DAYS = "segunda|terca|quarta|quinta|sexta|sabado|domingo|" + "|".join(_SHORT)
# What follows a day and nothing else: a time, a part of the day, "que vem", another day.
_TIME_AFTER = (
    r"(?:feira|q(?:ue)? vem|as? \d|\d{1,2}(?:h|:\d\d|\s?hr?s?\b| horas?\b| e \d| e meia)"
    r"|\d{1,2}$|de (?:manha|tarde|noite)|a (?:tarde|noite)|pela (?:manha|tarde|noite)"
    rf"|cedo|cedinho|bem cedo|dia \d|ou (?:{_DAYS})\b)"
)
_LEADS = (
    r"na|no|pra|para|ate|ou|essa|esta|nessa|nesta|proxima|proximo|toda|marcar|agendar"
    r"|horario|vaga|consulta"
)
_ABBREVIATED = re.compile(
    rf"(?:\b({_LEADS}) )?\b({'|'.join(_SHORT)})\b(?=( {_TIME_AFTER})?)(?=( |$))"
)
# "2ª feira" (folded "2a feira") to "6ª feira": Monday to Friday, by their number; "na
# 2ª" alone too, and "5ª às 14h", "4ª de manhã": before a time or a part of the day.
_NUMBERED = re.compile(
    r"\b([2-6])a(?: |-)?(?:feira|f)\b|(?:(?<=na )|(?<=pra )|(?<=para )|(?<=ate ))([2-6])a\b"
    r"|(?<![\d/:])\b([2-6])a"
    r"(?= (?:as? \d|\d{1,2}(?:h|:\d\d)|de (?:manha|tarde|noite)|q(?:ue)? vem\b))"
)
_BY_NUMBER = {"2": "segunda", "3": "terca", "4": "quarta", "5": "quinta", "6": "sexta"}


def weekdays_written_out(folded: str) -> str:
    """Already folded text with its weekdays' short forms written out, where they mean
    days."""
    text = _NUMBERED.sub(lambda m: _BY_NUMBER[m[1] or m[2] or m[3]], folded)
    return _ABBREVIATED.sub(lambda m: _day(m, text), text)


def _day(match: re.Match[str], text: str) -> str:
    lead = f"{match[1]} " if match[1] else ""
    ends = match.end() == len(text)
    # The short form alone is the whole answer ("sab", "qui?"): a day, asked for one.
    alone = text.strip(" ?!.") == match[0]
    if match[3] or (match[1] and ends) or alone:
        return lead + _SHORT[match[2]]
    return match[0]
