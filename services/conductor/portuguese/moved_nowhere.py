"""One's booking named with its time, then moved to no time said (round 18).

"minha consulta era sexta as 10, quero remarcar", "tenho consulta amanha as 9, preciso
mudar o horario", "tava marcado pra sexta as 10, da pra trocar?", "tava marcado pra sexta as 10 mas
cancelaram, tem outro dia?": the time named is the
booking's, the one to leave; proposing it would book the very time the patient wants out
of. The time wanted is asked instead.

Already folded text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from services.conductor.portuguese.timed import When
from services.conductor.portuguese.wanted_part import MOVING_VERBS, OWN_BOOKING

_BOOKED = rf"(?:{OWN_BOOKING}|\b(?:tava|estava|ta|esta|foi) (?:marcad|agendad)[oa]\b)"
_MOVED_NOWHERE = re.compile(
    rf"{_BOOKED}.*?\b(?:{MOVING_VERBS}|outr[oa] (?:dia|horario|data|hora))\b"
    # Nothing after the verb names where to: no "pra", no day, no number.
    r"(?: (?!pra\b|para\b|pro\b|pras\b|pros\b|dia\b|\d)\w+){0,3}\s*$"
)


def moved_nowhere(folded: str, wanted: When | None) -> When | None:
    """``wanted`` put in doubt when it is only the time of a booking moved to no time."""
    if wanted is None or not _MOVED_NOWHERE.search(folded):
        return wanted
    return replace(
        wanted, day=None, at=None, period=None, between=None, week=None,
        doubt="para qual dia e horário você quer mudar?",
    )  # fmt: skip
