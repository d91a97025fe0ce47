"""A person wanted, said politely as being served by one (round 11).

"Por gentileza, gostaria de ser atendida por um funcionário": being served ("ser
atendida") by staff or a person, not by a professional of a specialty (that books).
"""

from __future__ import annotations

import re

_BY_A_PERSON = re.compile(
    r"\bser atendid[oa]s? por (?:um |uma |algum |alguma )?(?:funcionari[oa]|atendente"
    r"|pesoa|humano|humana|alguem|recepcionista|gente)\b"
)


def person_asked_politely(words: tuple[str, ...], folded: str) -> bool:
    """Whether the folded message asks to be served by a person."""
    del words
    return _BY_A_PERSON.search(folded) is not None
