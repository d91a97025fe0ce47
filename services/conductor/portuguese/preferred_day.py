"""A day said to be better than the others named (round 13).

"amanhã de tarde ou sei lá quinta também de tarde, mas amanhã é melhor": the patient
names two days and says which one is better, so that one is meant and the others are
set aside. Without such a word ("amanhã ou quinta") the day is asked, as before.

Already folded text, number words as digits, weekdays written out.
"""

from __future__ import annotations

import re

_DAY = r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo|amanha|hoje)"
_PREFERRED = re.compile(
    rf"\b(?:mas|porem|so que) (?:a |o )?({_DAY})(?: feira)? (?:e|eh|seria|fica|ta) "
    r"(?:melhor|preferivel|o ideal)\b"
)
_DAY_NAMED = re.compile(rf"\b{_DAY}\b(?: feira)?(?<!depois de amanha)")


def preferred_kept(folded: str) -> str:
    """``folded`` without the days named beside the one it says is better."""
    if not (preferred := _PREFERRED.search(folded)) or "depois de amanha" in folded:
        return folded
    return _DAY_NAMED.sub(lambda m: m[0] if m[0].startswith(preferred[1]) else " ", folded)
