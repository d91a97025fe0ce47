"""A greeting meant for a group, sent to the clinic by mistake (round 9).

"Bom dia grupo da família 🌻": the morning greeting of a family's group chat asks the
clinic for nothing, and is no request for help; it is read as no request at all. So is
a greeting to a relative ("oi vó, ...", round 14).
"""

from __future__ import annotations

import re

_TO_A_GROUP = re.compile(r"\b(?:grupo|grupinho)\b|\bfamilia(?: amada| querida)?\s*[!.]*$")
# A relative greeted by what they are to the writer ("oi vó, é a Julia, salva meu numero
# novo", round 14); whose relative one is ("oi, mae do Pedro aqui") names a patient.
# "tia", "amor", "minha filha", "irmã" and "maninho" are how many address anyone, the
# clinic's staff too ("maninho me passa pra uma pessoa").
# "tia" and "tio" are how many address any grown-up, the clinic's staff too.
_TO_A_RELATIVE = re.compile(
    r"^(?:oi|ola|opa|bom dia|boa tarde|boa noite|e ai) (?:vo|vovo|vozinha|vozinho|mae|mamae"
    r"|mainha|pai|papai|painho|mozao|madrinha|padrinho|sogra|sogro)\b(?! d[aeo]\b)"
)


def greets_a_group(folded: str) -> bool:
    """Whether a folded greeting is addressed to a group chat."""
    return _TO_A_GROUP.search(folded) is not None or _TO_A_RELATIVE.search(folded) is not None
