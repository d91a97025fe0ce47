"""A time asked free in a question of its own, another question beside it (round 13).

"amanha de tarde tem? e aceita sulamerica?": the first question asks for a booking,
the second about the clinic, in either order; the booking is what the patient came for,
so a question about the clinic gives way to it. A question is a time that ``parse_when``
reads and a word asking whether it is free at its end ("tem", "teria", "da", "pode ser").
"""

from __future__ import annotations

import re
from datetime import date

from services.conductor.portuguese.text import fold
from services.conductor.portuguese.when import parse_when

_FREE_ASKED = re.compile(r"\b(?:tem|teria|tem vaga|tem horario|da|daria|pode ser|rola)$")
# Any day does: whether a question names a time does not depend on the day it is read.
_ANY_DAY = date(2026, 1, 5)


def time_asked_free(text: str) -> bool:
    """Whether one of two questions or more in ``text`` asks whether a time is free."""
    questions = text.split("?")[:-1]
    return len(questions) > 1 and any(
        _FREE_ASKED.search(fold(asked)) is not None and parse_when(asked, _ANY_DAY) is not None
        for asked in questions
    )
