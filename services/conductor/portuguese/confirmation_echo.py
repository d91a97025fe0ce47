"""The proposal echoed in surprise before a yes (round 18).

"ué, clínico geral? tá bom, pode confirmar msm", "oxe, com a doutora? ok, pode marcar
mesmo assim": surprised by what is proposed, the patient repeats a word of it as a
question, then takes it anyway ("msm", "mesmo assim"). The question asks nothing the yes
waits on, and the yes after it is read. Only a short echo after an interjection of
surprise, naming no time, no negation and no change ("ué, quinta? pode ser" may ask
another day; "ué, não tem mais cedo? pode" asks another option), before a yes that says
"anyway" and ends the message with no question of its own. Without "anyway" ("ah,
pediatra? pode") the yes may wait on the answer (is it a paediatrician?), and stays
unread.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

from services.conductor.portuguese.answer_parts import answer_words
from services.conductor.portuguese.confirmation_sentences import _CHANGING
from services.conductor.portuguese.when import parse_when

_ANY_DAY = date(2026, 1, 5)
_SURPRISE = r"(?:ue|uai|oxe|oxente|eita|ah|ata|hm+|hum+|opa)"
_ECHO_THEN_YES = re.compile(
    rf"^\s*{_SURPRISE}\b[\s,.!]*(?P<echo>[^?.,;!]+)\?+[\s,.;!]*(?P<rest>[^?]+)$", re.IGNORECASE
)
_LONGEST_ECHO = 4  # words: "com a dra ana"
# Taken anyway: the surprise weighed and the proposal kept.
_ANYWAY = re.compile(
    r"\b(?:mesmo|msm|mermo|assim mesmo|mesmo assim|de qualquer (?:jeito|forma|maneira)|tanto faz)\b"
)


def yes_after_echo(text: str, read: Callable[[str], bool | None]) -> bool:
    """Whether ``text`` echoes the proposal in surprise, then says a yes (as ``read``
    reads it)."""
    found = _ECHO_THEN_YES.match(_unaccented(text))
    if found is None:
        return False
    echo = answer_words(found["echo"])
    if len(echo) > _LONGEST_ECHO or _CHANGING.intersection(echo):
        return False
    if any(char.isdigit() for char in found["echo"]):
        return False
    if parse_when(found["echo"], _ANY_DAY) is not None:
        return False  # "ué, quinta?": maybe another day
    if not _ANYWAY.search(found["rest"]):
        return False  # "ah, pediatra? pode": maybe "if it is, yes"
    return read(found["rest"]) is True


def _unaccented(text: str) -> str:
    """``text`` without accents, its marks kept (they part the echo from the yes)."""
    parts = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in parts if not unicodedata.combining(char))
