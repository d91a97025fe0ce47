"""The one the patient brings, given with "que" as the reason for a yes (blind set 35).

"pode sim pode confirmar que eu vou levar meu avô nesse horário aí tá bom": the "que"
is "because" (or "since"), and what follows is the reason for the yes, as it is after a
comma ("pode confirmar, vou levar minha mãe"). Only the bringing or the accompanying of
someone is read so ("que eu levo ela", "q vou acompanhar minha mãe"): a "que" before
anything else ("pode confirmar que eu vou tentar") is left as it was. What follows is
still read: a time or a condition in it leaves the answer unread, as after a comma.
"""

from __future__ import annotations

import re

_BRINGING = re.compile(
    r"\s+(?:que|q|pq|porque)\s+(?=(?:eu\s+)?(?:vou\s+|vo\s+|irei\s+)?"
    r"(?:levar|trazer|acompanhar|levo|trago|acompanho)\b)",
    re.IGNORECASE,
)


def with_reason_apart(text: str) -> str:
    """``text`` with the "que" before the one brought written as a comma."""
    return _BRINGING.sub(", ", text)
