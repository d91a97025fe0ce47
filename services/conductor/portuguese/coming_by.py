"""Coming by the clinic to fetch or leave something: "vou passar para pegar o resultado
amanhã", "posso passar aí pra buscar o exame?", "passo lá hoje pra deixar a guia".

A question about the clinic (is it ready, when can one come), not a booking moved:
"passar" moves a booking only when a booking is said (``moves_passed``). The text is
folded, shorthand written out ("pra" is "para") and a letter written twice once ("pasar").
"""

from __future__ import annotations

import re

_WHERE_OR_WHEN = r"(?: (?:ai|aqui|la|na clinica|no consultorio|amanha|hoje|depois|cedo|mais tarde))"
_COMING_BY = re.compile(
    r"\b(?:pas[oa]|pasar|pasamos|pasaria|pasando|dar uma pasada)\b"
    rf"{_WHERE_OR_WHEN}{{0,3}} para (?:pegar|buscar|retirar|levar|deixar|entregar)\b"
)


def coming_by(folded: str) -> bool:
    """Whether ``folded`` tells of coming by the clinic to fetch or leave something."""
    return _COMING_BY.search(folded) is not None
