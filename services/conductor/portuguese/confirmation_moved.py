"""A proposal asked to be moved, as the answer to it (round 14).

"troca pra 11h", "muda pra quinta de tarde", "passa pro dia 3", "pode trocar pra mais
cedo?": answering "Posso confirmar?", a verb of moving with where to is no yes to the
time proposed; it is a no, and the time named is the new request (``on_proposed_day``
puts an hour alone on the day proposed). A verb of moving with no time or option after
it ("troca", "muda isso") says nothing read here.
"""

from __future__ import annotations

import re
from datetime import date

from services.conductor.portuguese.text import fold
from services.conductor.portuguese.when import parse_when

_ANY_DAY = date(2026, 1, 5)
_MOVE = re.compile(
    r"^(?:(?:ah|ai|entao|nao|n|oi|ola|por favor|pfv|moca|moco)[\s,.!]+)*"
    r"(?:(?:pode|podia|poderia|da pra|da para|consegue|tem como|voce pode|vc pode|"
    r"melhor|prefiro|queria|quero|gostaria de)\s+)?"
    r"(?:troca|trocar|troque|muda|mudar|mude|passa|passar|passe|joga|jogar|empurra"
    r"|empurrar|transfere|transferir|remarca|remarcar|altera|alterar)\s+"
    r"(?:(?:ela|ele|isso|a consulta|o horario|a hora|o dia)\s+)?"
    r"(?:pra|para|pro|pras|pros|por)\s+(?P<to>.+)$"
)
_OPTION = re.compile(r"^(?:outr[oa]|mais cedo|mais tarde|antes|depois|de manha|de tarde|a tarde)")


def move_asked(text: str) -> bool:
    """Whether ``text`` asks the proposal moved to another time or option."""
    found = _MOVE.match(fold(text).strip(" .!?"))
    if found is None:
        return False
    to = found["to"]
    return _OPTION.match(to) is not None or parse_when(to, _ANY_DAY) is not None
