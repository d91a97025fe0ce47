"""An hour that ends a question is the one asked for (round 14).

"da pra jogar pra quinta às onze? tenho que levar meu marido na hemodiálise": the
sentence after the question tells why, and its verb ("tenho", "levo", "pego") does not
make the hour before it the hour of that errand, as "às 11 tenho que levar meu marido"
said in one breath would (``not_meant``). Folding drops the question mark, so the end of
the question is written as a word before folding.

Read on the text as written.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.own_routine import routine_set_aside

# The end of a sentence, then a verb of something else one does.
_CLOSED = re.compile(
    r"\s*[?!.]+\s*(?=(?:eu |ele |ela )?(?:tenho|pego|busco|levo|pega|busca|leva)\b)",
    re.IGNORECASE,
)


def questions_closed(text: str) -> str:
    """``text`` with the end of a sentence before a verb of another errand written "e",
    so that the hour closing the sentence stays apart from that verb; the clauses that
    tell one's own routine beside a time asked for set aside (``own_routine``)."""
    return _CLOSED.sub(" e ", routine_set_aside(text))
