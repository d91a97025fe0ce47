"""What a yes says beside it without a comma: the one the patient brings, given with
"que" as the reason, and the professional proposed named again (blind sets 33, 35).

"pode sim pode confirmar que eu vou levar meu avô nesse horário aí tá bom": the "que"
is "because" (or "since"), and what follows is the reason for the yes, as it is after a
comma ("pode confirmar, vou levar minha mãe"). Only the bringing or the accompanying of
someone is read so ("que eu levo ela", "q vou acompanhar minha mãe"): a "que" before
anything else ("pode confirmar que eu vou tentar") is left as it was. What follows is
still read: a time or a condition in it leaves the answer unread, as after a comma.

"isso mesmo pode confirmar com a dra ana": the professional of the proposal ("... com a
Dra. Ana (clínico geral). Posso confirmar?") named after the verb that carries it out,
as "Sim, pode confirmar com a Dra. Ana." is read since round 4, where the abbreviation's
stop parts the clauses. Only after a verb of carrying out ("confirmar", "marcar",
"agendar"); what follows must still be nothing but a name.
"""

from __future__ import annotations

import re

_BRINGING = re.compile(
    r"\s+(?:que|q|pq|porque)\s+(?=(?:eu\s+)?(?:vou\s+|vo\s+|irei\s+)?"
    r"(?:levar|trazer|acompanhar|levo|trago|acompanho)\b"
    # Round 18: how one gets there ("que eu vou de ônibus", "que eu chego de manhãzinha no
    # porto"), read then as any remark on arriving (``arrival_remarks``).
    r"|(?:eu\s+)?(?:chego|chegarei|vou\s+de|vo\s+de|vou\s+a\s+p[eé]|pego\s+(?:o|a)|venho\s+de)\b)",
    re.IGNORECASE,
)


# Speech's "chegar no" for the written "chegar ao" ("chego no porto", round 18): its "no"
# is "in the", which the answers' words would take for the English "no".
_ARRIVING_IN = re.compile(
    r"\b(cheg(?:o|a|ar|amos|ando|arei)|desembarco|des[cç]o)"
    # When, said between ("chego de manhãzinha no porto").
    r"((?:\s+(?!n[aã]o\b|n\b)[^\W\d_]+){0,3}?)\s+no\b",
    re.IGNORECASE,
)


def with_reason_apart(text: str) -> str:
    """``text`` with the "que" before the one brought, or before how one gets there,
    written as a comma, and the place one arrives at said "ao"."""
    return _ARRIVING_IN.sub(r"\1\2 ao", _BRINGING.sub(", ", text))


_PROFESSIONAL = re.compile(
    r"\b(?P<verb>(?:confirm|marc|agend)(?:ar|a|o))\s+"
    r"(?=com\s+(?:a|o)\s+(?:dra|dr|doutora|doutor|dotora)\.?\s+[^\W\d_]+\s*[.!]*\s*$)",
    re.IGNORECASE,
)


def with_professional_apart(text: str) -> str:
    """``text`` with a comma before the professional named after the verb of a yes."""
    return _PROFESSIONAL.sub(r"\g<verb>, ", text)
