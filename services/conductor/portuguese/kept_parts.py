"""Another booking named by its part of the day only, and kept (round 17).

"cancela a minha de segunda a tarde, a de manha eu mantenho": the patient has two bookings
that Monday; the morning one stays, so its part of the day is not the one meant. "o da
tarde fica", "mantém a de manhã", "a da noite pode ficar": the booking named by its part
of the day, then kept (``kept_bookings`` reads those named by their day). Set aside only
when another part of the day is named outside it, so the time meant is still said.

Already folded text, number words as digits, weekdays written out.
"""

from __future__ import annotations

import re

_PART = r"(?:manha|tarde|noite)"
_KEEP = (
    r"(?:mantem|mantenha|mantenho|mantemos|fica|continua|permanece|pode ficar|pode manter"
    r"|eu mantenho|eu mantem|vou manter|deixa)"
)
_KEPT = re.compile(
    rf"\b(?:a|o) (?:de|da|do) {_PART},? (?:eu )?{_KEEP}\b"
    rf"|\b(?:mantem|mantenha|mantenho|deixa|deixe) (?:a|o) (?:de|da|do) {_PART}\b"
)
_PART_NAMED = re.compile(rf"\b{_PART}\b")


def kept_parts_set_aside(folded: str) -> str:
    """``folded`` without a booking kept that it names by its part of the day, when
    another part of the day is named."""
    without = _KEPT.sub(" ", folded)
    return without if without != folded and _PART_NAMED.search(without) else folded
