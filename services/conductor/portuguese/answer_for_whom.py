"""Whom an answer is for, said after it (round 12).

A carer or a neighbour answers for the patient and says so after the yes: "eu autorizo, é
pra minha mãe mas eu que cuido das coisas dela", "dá certo sim, é pra minha vizinha mas
eu levo ela". The clause names the patient and who looks after them; it sets no condition
on the answer ("mas" there contrasts the patient with the one answering), so it is taken
off before the answer is read. A clause with a negation, a condition or a question in it
stays, and keeps the answer unread as before.
"""

from __future__ import annotations

import re

# ", é pra minha mãe", ". é pro meu pai", ", e pra dona Maria" not: a possessive kin only.
_FOR_WHOM = re.compile(
    r"[,.;]\s*(?:e|eh|é)\s+(?:pra|para|pro)\s+(?:a\s+|o\s+)?(?:minha|meu)\s+[^\W\d_]+"
    # Who looks after the patient: the one answering ("mas eu que cuido das coisas dela").
    r"(?:\s+(?:mas|e|que)\s+(?:eu|a gente|sou eu)\s+(?:que\s+)?(?:quem\s+)?"
    r"(?:cuido|cuida|levo|leva|acompanho|acompanha|trago|busco|resolvo|vou junto)\b"
    r"(?:\s+(?!(?:se|nao|não|n|num|so|só|mas|caso|porem|porém)\b)[^\W\d_]+){0,5})?"
    r"\s*[.!]*\s*$",
    re.IGNORECASE,
)


def without_whom_for(text: str) -> str:
    """``text`` without the clause after its answer that names whom it is for."""
    return _FOR_WHOM.sub("", text)
