"""A booking proposal dropped altogether in answer to it (round 16).

"cancela, nao quero mais", "cancela essa, nao quero mais", "cancela isso ai nao quero
mais", "pode desmarcar, desisti": answering "Posso confirmar?" for a booking, the
patient gives the booking up, a no. Answering "Posso cancelar?" the same words would be
a yes, so they are read only where the question is known to propose a booking (the
proposal's start is given); without it they stay unread, as they did before.
Anything else said beside them (a time, another day, a question) leaves them unread.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.text import fold

_DROP = (
    r"(?:(?:pode|podem|pode\s+so)\s+)?(?:cancela|cancelar|cancele|desmarca|desmarcar|desmarque)"
    r"(?:\s+(?:essa|esse|isso|isso\s+ai|ela|ele|tudo|entao|por\s+favor|pfv|mesmo|msm|ai))*"
)
_GIVEN_UP = (
    r"(?:(?:eu\s+)?(?:nao|n)\s+(?:quero|preciso|vou)\s+mais|(?:eu\s+)?desisti"
    r"|mudei\s+de\s+ideia)(?:\s+(?:nao|n))?"
)
_SEP = r"[\s,.;!]+"
_DROPPED = re.compile(
    rf"^\s*(?:{_DROP}{_SEP}{_GIVEN_UP}|{_GIVEN_UP}{_SEP}{_DROP})(?:\s*k+)?[\s.!]*$"
)


def proposal_dropped(text: str) -> bool:
    """Whether ``text`` is nothing but the proposal given up ("cancela, não quero mais")."""
    return "?" not in text and _DROPPED.match(fold(text)) is not None
