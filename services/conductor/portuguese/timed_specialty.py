"""A specialty named with the time wanted is a booking (round 9).

"quarta às 18h com a nutricionista": named alone, a specialty asks whether the clinic has
one (``phrases``); named after a day or an hour, with nothing else asked, it says whom the
booking is with. What is left once "com a nutricionista" is dropped must be a time and
nothing any request names ("qual o valor da nutricionista amanhã?" stays a question).
"""

from __future__ import annotations

import re
from datetime import date

from services.conductor.portuguese.when import parse_when

_ANY_DAY = date(2026, 1, 5)
SPECIALTIES = (
    "pediatra", "dermatologista", "cardiologista", "ginecologista", "ortopedista",
    "oftalmologista", "psicologo", "psicologa", "nutricionista", "fisioterapeuta",
    "endocrinologista", "neurologista", "urologista", "otorrino",
)  # fmt: skip
_WITH_SPECIALTY = re.compile(
    rf"\s*\b(?:com|pra|para|no|na) (?:a |o |um |uma )?(?:{'|'.join(SPECIALTIES)})\b\s*"
)


def without_specialty(folded: str) -> str:
    """``folded`` without the specialty said as whom the booking is with."""
    return " ".join(_WITH_SPECIALTY.sub(" ", folded).split())


def names_a_time(text: str) -> bool:
    """Whether ``text`` names a day or an hour."""
    when = parse_when(text, _ANY_DAY)
    return when is not None and (when.day is not None or when.at is not None)
