"""A yes taken back as it is said (blind set 35).

"sim... quer dizer, peraí": the patient starts to say yes and stops herself, to check
something or to think. No booking is made on it: the answer is unread, and she is asked
again. A wait said before the answer ("pera, sim pode") is her reading the message, and
is read as before; a no then a wait ("não, pera") stays a no, as the corpus labels it:
only a yes stopped by a wait or an "I mean" at its end is taken back.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from services.conductor.portuguese.text import fold

_STOP = re.compile(
    r"[\s,.;!…]+(?:(?:quer\s+dizer|ou\s+melhor|pensando\s+bem|na\s+verdade)[\s,.;!…]*)?"
    r"(?:pera|perai|pera\s+ai|pera\s+la|espera|espera\s+ai|calma|calma\s+ai"
    r"|deixa\s+eu\s+ver|perae)[\s.!…]*$"
    r"|[\s,.;!…]+(?:quer\s+dizer|ou\s+melhor)[\s,.;!…]*$"
)


def yes_taken_back(text: str, read: Callable[[str], bool | None]) -> bool:
    """Whether ``text`` is a yes (as ``read`` reads it) that ends by stopping itself
    ("sim... quer dizer, peraí")."""
    folded = fold(text).strip()
    stop = _STOP.search(folded)
    return stop is not None and stop.start() > 0 and read(folded[: stop.start()]) is True
