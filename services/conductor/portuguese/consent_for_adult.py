"""A consent given for another person shown to be an adult (round 16).

"eu autorizo, é pra minha mãe que tá com 60 anos", "sim, é pro meu pai de 79 anos": the
data are an adult's, whose consent is her own to give (LGPD art. 7 and 11); a relative
answering for her gives none, as round 15's guardian rule keeps a parent's word for an
adult child unread (``consent_guardian``). A yes with such an age beside it is unread,
and the person asked again. A refusal stays a refusal: no data are used on it.

Only a third person's age counts ("ele tem 79 anos", "que tá com 60 anos", "minha mãe
de 60 anos"); the patient's own ("tenho 30 anos") says nothing of whose consent it is.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.text import fold

_ADULT = 18
_AGES = re.compile(
    # "ele tem 79 anos", "que ta com 60 anos", "ela já tem 45 anos".
    r"\b(?:ele|ela|que|q)\s+(?:ja\s+)?(?:tem|ta\s+com|esta\s+com|e\s+de|fez|vai\s+fazer)\s+"
    r"(\d{1,3})\s+anos\b"
    # "minha mae de 60 anos", "pro meu pai, de 79 anos", "meu filho Davi de 30 anos".
    r"|\b(?:meu|minha|meus|minhas)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:de|com|tem|ta\s+com|esta\s+com"
    r"|e\s+de)\s+(\d{1,3})\s+anos\b"
)


def for_an_adult(text: str) -> bool:
    """Whether ``text`` gives another person's age as 18 or more."""
    return any(int(a or b) >= _ADULT for a, b in _AGES.findall(fold(text)))
