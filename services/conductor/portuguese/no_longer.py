"""A time said to suit once and no longer, not the time wanted (round 18).

"sexta as 10 tava bom mas agora nao posso", "amanha as 9 seria otimo, mas ja nao da": the
time is the one the patient gives up; proposing it would book a time refused in the same
breath. The hour is set aside (the day may still be the one wanted), so the time is asked.

Already folded text, number words as digits.
"""

from __future__ import annotations

import re

_NO_LONGER = re.compile(
    r"\b((?:as |a )?\d{1,2}(?::\d\d|h\d{0,2}| ?horas?)?(?: e meia)?|meio dia)"
    r" (?:tava|estava|era|seria|ia ser|ficava|ficaria) (?:bom|boa|otimo|otima|perfeito|melhor)"
    r"(?: pra mim)?,? (?:mas|so que|porem) (?:agora )?(?:ja )?(?:nao|n)"
    r" (?:posso|da|consigo|vai dar|rola|vou poder|vou conseguir|sei)\b"
)


def no_longer_set_aside(folded: str) -> str:
    """``folded`` without the hours said to suit no longer."""
    for found in reversed(list(_NO_LONGER.finditer(folded))):
        folded = folded[: found.start(1)] + " " + folded[found.end(1) :]
    return folded
