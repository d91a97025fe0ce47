"""A booking's hour moved to another hour, its day said only with the hour it leaves
(round 17).

"pode mudar minha sessao das 10 de amanha pras 11?", "passa a das 9 de sexta pras 14h":
the day is said once, after the hour booked, and the hour wanted follows "pra"; it is the
same day's ("da pra trocar o horario das 10 pras 11 amanha?" says it the other way round).
The day is written after the hour wanted, and the hour booked set aside, so that the time
read after the verb of moving (``wanted_part``) keeps its day. A day named after the hour
wanted ("das 10 de amanha pras 11 de sexta") is left to say which day is meant.

Already folded text, number words as digits, weekdays written out.
"""

from __future__ import annotations

import re

_HOUR = r"\d{1,2}(?::\d\d|h\d{0,2})?"
_DAY = (
    r"(?:amanha|hoje|depois de amanha|segunda|terca|quarta|quinta|sexta|sabado"
    r"|dia \d{1,2}(?:/\d{1,2})?|\d{1,2}/\d{1,2})(?: feira)?"
)
_MOVED = re.compile(
    rf"\b(?:das?|dos?|as|a) {_HOUR}(?: horas?)? (?:de|do|da|d[ea] dia) ({_DAY}) "
    rf"((?:pras|pra as|para as|pra|para) {_HOUR}(?: horas?)?)(?! (?:de|do|da|na|no) \w)"
)

# The day said first ("troca meu horario de terça dia 1 das 10h pras 14h", round 18).
_DAY_FIRST = re.compile(
    rf"\b(?:de|do|da|na|no) ({_DAY}(?: dia \d{{1,2}})?) (?:das?|dos?|as|a) {_HOUR}(?: horas?)? "
    rf"((?:pras|pra as|para as|pra|para) {_HOUR}(?: horas?)?)(?! (?:de|do|da|na|no) \w)"
)


def hour_moved_on_its_day(folded: str) -> str:
    """``folded`` with an hour booked and its day, moved to another hour, written as the
    hour wanted on that day."""
    return _DAY_FIRST.sub(r"\2 \1", _MOVED.sub(r"\2 \1", folded))
