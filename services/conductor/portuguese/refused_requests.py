"""A request said and refused in the same message (round 13).

"desmarca por favor nao quero remarcar agora": the patient cancels and says outright that
moving the booking is not wanted. A verb of booking after "não quero", "não vou",
"não precisa" asks nothing, and is taken out before the other rules read the message.
Already folded text.
"""

from __future__ import annotations

import re

_REFUSED = re.compile(
    r"\bnao (?:quero|queria|vou|precisa|preciso|pretendo) (?:mais )?"
    r"(?:remarcar|reagendar|marcar outr[ao]|agendar outr[ao])\b(?: (?:agora|ainda|por enquanto))?"
    # The verb refused bare, beside the one meant (round 17: "quero cancelar, nao
    # reagendar, so cancelar msm", "cancela sem remarcar").
    r"|(?:^|(?<=\be )|(?<=cancelar )|(?<=cancela ))(?:nao|sem) (?:remarcar|reagendar)\b"
)


def without_refused(folded: str) -> str:
    """Folded text without a booking verb that the patient refuses."""
    return " ".join(_REFUSED.sub(" ", folded).split())
