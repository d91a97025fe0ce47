"""A "não" after a trailing off, that takes back the time just said (round 17).

"queria segunda... nao, quinta, segunda eu tenho dentista", "quero marcar quinta, dia
26... ah não, dia 26 não dá, pode ser sexta 27 à tarde?": the dots are the patient
stopping to think, and "não," the time said before them taken back, as "ops" would
(``corrections``). Without the dots ("queria segunda, não quinta") the "não" may refuse
the day after it, and without the comma ("amanhã às 10... não sei se dá") it starts a
sentence of its own: both are left as they are.

Read on the text as written, before folding drops the dots and the comma; the "não" is
written as the marker "ops".
"""

from __future__ import annotations

import re

_TAKEN_BACK = re.compile(
    r"(?:\.{2,}|\u2026)\s*(?:(?:ah|a|é|eh|hmm|hum)\s*,?\s*)?n[aã]o\s*,", re.IGNORECASE
)


def hesitant_no_marked(text: str) -> str:
    """``text`` with a "não," after a trailing off written as the correction it is."""
    return _TAKEN_BACK.sub(" ops, ", text)
