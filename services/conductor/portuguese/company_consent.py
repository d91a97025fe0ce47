"""Consent withdrawn by a company for its employees (round 13).

Companies booking occupational exams write in a formal third person: "Informamos que a
empresa não autoriza mais o uso dos dados de seus colaboradores". An authorisation
denied from now on ("não autoriza mais", "deixa de autorizar", "revoga a autorização")
with the data named withdraws the consent given, as "não autorizo mais" does.
Already folded text.
"""

from __future__ import annotations

import re

_NO_LONGER = re.compile(
    r"\bnao (?:autoriza|autorizamos|autorizam|consente|consentimos|permite|permitimos) mais\b"
    r"|\b(?:deixa|deixamos|deixam) de (?:autorizar|consentir|permitir)\b"
    r"|\b(?:revoga|revogamos|revogam|retira|retiramos|cancela|cancelamos)"
    r" (?:a |o )?(?:autorizacao|consentimento)\b"
)
_DATA = re.compile(r"\b(?:dados|informacoes|cadastro)\b")


def company_revokes(folded: str) -> bool:
    """Whether the folded message withdraws consent to the use of data, in any person."""
    return _NO_LONGER.search(folded) is not None and _DATA.search(folded) is not None
