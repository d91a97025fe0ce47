"""Spans of hours that reach or cross noon (round 10).

- Noon as a bound is the hour 12: "antes do meio dia", "depois do meio-dia", "entre 10 e
  meio dia", "das 9 ao meio dia" — and as a span's start, "entre meio dia e duas", "do
  meio dia às 2", "de meio dia a uma" (the span 12:00 to 14:00, never the time 12:00).
- A span's end hour from 1 to 6 after a start from 7 to noon ("entre 11 e 1", "entre 12
  e 2", "das 10 às 2") is the afternoon: a span runs forward, and 1 to 6 in the morning
  would end it before it began.
- A span's start before an end said in the afternoon ("das 11 à 1 da tarde") is the
  morning; articles before a span's hours ("entre as 10 e as 11") change nothing.
- A span said but not read (its end left unclear, "entre 2 e 4") is asked about; its
  start is never proposed as the time.

Already folded text, number words as digits.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.bounds import two_bounds_spanned

_NOON_BOUND = re.compile(r"\b(antes|depois|apos|a partir|ate) (?:d?o )?meio dia\b")
# One o'clock as a bound ("depois da uma") is the afternoon's, as one at night bounds no
# span the clinic has (round 11).
_ONE_BOUND = re.compile(
    r"\b(antes|depois|apos|a partir|ate) da (?:uma|1)\b(?! (?:da manha|hora)\b)"
)
_NOON_END = re.compile(r"\b((?:entre|das|de) \d{1,2}(?:h|:\d\d)?) (?:e|ao|as|a|ate o) meio dia\b")
_NOON_START = re.compile(
    r"\b(?:entre|d[oe]|das) (?:o )?meio dia( e meia)? (?:e|as|a|ao|ate(?: as?)?) "
    r"(\d{1,2}|uma|duas)\b(?! (?:pessoas|anos|minutos|dias|semanas|meses)\b)"
)
_WORDS = {"uma": "1", "duas": "2"}
_ARTICLED = re.compile(
    r"\bentre (?:as? )?(\d{1,2}(?:h\d{0,2}|:\d\d)?) e (?:as? )(\d{1,2}(?:h\d{0,2}|:\d\d)?)"
)
# The starts a span may have for its end to be read past noon.
_MORNING_STARTS = range(7, 13)
_AFTERNOON_ENDS = range(1, 7)
# "entre 10 e 2", "das 11 as 1", "das 12h ate as 3": a span's two hours.
_SPAN = re.compile(
    r"\b(?:entre|das|de) (\d{1,2})(?::\d\d|h\d{0,2}| ?horas?)? (?:e|as|a|ate(?: as?)?) "
    r"(\d{1,2})(?![\d/:]| ?(?:pessoas|anos|minutos|reais|dias|semanas|meses)\b)"
)


def noon_bound(folded: str) -> str:
    """``folded`` with noon as the hour 12 where it is an open span's bound ("antes do
    meio dia"); read before the times not meant are set aside, as they were written."""
    return _ONE_BOUND.sub(r"\1 das 13h", _NOON_BOUND.sub(r"\1 das 12h", folded))


def noon_spanned(folded: str) -> str:
    """``folded`` with noon as the hour 12 where it begins or ends a span, and a span's
    hours without their articles ("entre as 10 e as 11" is "entre 10 e 11")."""
    folded = _ARTICLED.sub(r"entre \1 e \2", two_bounds_spanned(folded))
    folded = _NOON_END.sub(r"\1 e 12h", folded)
    return _NOON_START.sub(
        lambda m: f"entre {'12:30' if m[1] else '12h'} e {_WORDS.get(m[2], m[2])}", folded
    )


def start_period(start: str, end: str, period: str | None) -> str | None:
    """The part of the day of a span's start: the morning when the afternoon is said of
    its end and the start could only be before it ("das 11 à 1 da tarde")."""
    if period == "tarde" and int(start) in _MORNING_STARTS and int(end) < int(start):
        return None
    return period


def end_period(start: str, end: str, period: str | None) -> str | None:
    """The part of the day of a span's end hour: the afternoon when it is 1 to 6 after
    a morning start or noon, and no part of the day is said."""
    if period is None and int(start) in _MORNING_STARTS and int(end) in _AFTERNOON_ENDS:
        return "tarde"
    return period


def span_unread(folded: str) -> bool:
    """Whether ``folded`` says a span of two hours (which was then not read)."""
    return _SPAN.search(folded) is not None
