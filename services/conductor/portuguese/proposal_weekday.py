"""The proposal's weekday alone, said in a yes to it (round 16).

"é... então pode confirmar sim terça tá bom pra mim": asked about Tuesday 01/12 at
10:00, the patient names the day proposed to say yes to it. Round 14 read the weekday
said with the proposal's hour (``proposal_named``); said alone it points at the proposal
as "esse dia" does, when it can be no other day: the next day of that weekday is the
proposal's, or the doubt is only between today and the proposal's day. Another weekday
("sim, quinta tá ótimo"), a weekday with an hour or a part of the day of its own, or a
date, is left as said: a new time may be meant, and the answer stays unread.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from services.conductor.portuguese.text import fold
from services.conductor.portuguese.when import parse_when

_NAMES = (
    r"segunda", r"ter[cç]a", r"quarta", r"quinta", r"sexta", r"s[aá]bado", r"domingo",
)  # fmt: skip


# A week of its own said with the weekday ("essa terça", "terça que vem"): which week is
# meant rests on the time grammar's reading of it, no echo of the proposal; left as said.
_WEEK_WORDS = re.compile(
    r"\b(?:ess[ae]|est[ae]|ness[ae]|nest[ae]|dess[ae]|dest[ae]|proxim[ao]|outr[ao]|que\s+vem"
    r"|q\s+vem|semana|agora)\b"
    # A part of the day or a number beside it, which the time grammar may have set aside
    # as one's routine ("terça de manhã eu trabalho"): the time said, not the proposal.
    r"|\b(?:manha|tarde|noite|cedo|meio\s+dia)\b|\d"
)


def with_proposal_weekday_pointed(text: str, proposed: datetime, today: date) -> str:
    """``text`` with the proposal's weekday, named alone, written as "esse dia"."""
    if _WEEK_WORDS.search(fold(text)):
        return text
    when = parse_when(text, today)
    if when is None or (when.at, when.period, when.between, when.week) != (None,) * 4:
        return text
    doubt_of_today = when.doubt is not None and f"{proposed:%d/%m}" in when.doubt
    if when.day != proposed.date() and not (when.day is None and doubt_of_today):
        return text
    name = _NAMES[proposed.weekday()]
    weekday = re.compile(rf"\b(?:n[ao]\s+)?{name}(?:[- ]feira)?\b", re.IGNORECASE)
    pointed = weekday.sub("esse dia", text)
    return pointed if parse_when(pointed, today) is None else text
