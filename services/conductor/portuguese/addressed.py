"""Whom a letter-like message is addressed to, which asks for nobody (round 11).

"Prezada secretária, minha esposa deseja consultar com a dermatologista na terça": the
secretary is greeted, not asked for; the request is what follows. A salutation ("prezada",
"cara", "olá") before a member of the staff, opening the message, is set aside before it
is read, when a request of some words follows ("oi atendente" alone greets the staff).
The staff named without a salutation ("quero falar com a secretária") is kept.
"""

from __future__ import annotations

import re

_SALUTATION = re.compile(
    r"^(?:prezad[oa]s?|car[oa]s?|estimad[oa]s?|ola|oi|bom dia|boa tarde|boa noite)"
    r" (?:senhora |senhor |sra |sr )?(?:secretaria|recepcionista|atendente|recepcao)\b\s*"
    r"(?=\w+ \w+ \w+)"
)


# "opa" before a correction ("dia 3/12 as 15h... opa digo dia 4", round 15) is a slip
# noticed, no greeting.
_SLIP_NOTICED = re.compile(r"\b(?:opa|ops|opa opa)\b(?= (?:digo|quer dizer|quis dizer|errei)\b)")


def without_salutation(folded: str) -> str:
    """Folded text without a salutation to the staff opening it, nor an "opa" noticing a
    slip."""
    return _SLIP_NOTICED.sub("", _SALUTATION.sub("", folded))
