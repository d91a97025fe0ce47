"""One's own booking asked about with the noun left out (round 12): "a minha e hoje as
10 ou as 11? fiquei na duvida", "o meu é amanhã né?".

"a minha é" / "o meu é" opening the message, with a time named and a doubt or a tag
closing it ("né", "mesmo", "certo", "fiquei na dúvida"): the consulta (or horário) is
understood. Without one it is left to the other rules ("a minha é amanhã às 10?" asks
whether a time works, a booking).
"""

from __future__ import annotations

import re
from datetime import date

from services.conductor.portuguese.when import parse_when

_ELIDED = re.compile(r"^(?:a minha|o meu) (?:e|eh|era|ficou|vai ser|seria) ")
_ASKED = re.compile(r"\b(?:ne|fiquei na duvida|to na duvida|estou na duvida|mesmo|certo)$")
# Any day does: whether a message names a time does not depend on the day it is read.
_ANY_DAY = date(2026, 1, 5)


def own_elided_asked(words: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` asks about one's own booking, the noun left out."""
    del words
    if _ELIDED.match(folded) is None:
        return False
    return _ASKED.search(folded) is not None and parse_when(folded, _ANY_DAY) is not None
