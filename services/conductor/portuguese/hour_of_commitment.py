"""The hour of something else the patient must do, told beside an answer.

"se for rápido sim, tenho q estar no trabalho às 11", "pode, mas preciso sair às 11",
"tenho aula às 14", "entro no serviço às 13": the hour is when another thing begins,
a bound the patient keeps, not a time asked for. Read as a booking it would propose
that very hour, so it is taken as no time meant; the day said beside it stays.
An hour asked for in the same message ("tenho que sair às 11, tem às 9?") is not
this rule's: a second hour leaves the message as it was read.
"""

from __future__ import annotations

import re
from datetime import time

from services.conductor.portuguese.text import fold

# Having to be somewhere, leave, arrive or start: "tenho que estar", "preciso sair".
_MUST = (
    r"(?:tenho|tenh[ao]|temos|tem|preciso|precisamos|precisa)\s+(?:que\s+|q\s+|de\s+|d\s+)?"
    r"(?:estar|ta|tar|ir|sair|chegar|entrar|pegar|buscar|voltar|bater\s+o\s+ponto)"
)
# Something else on at that hour: "tenho aula às 14", "tenho reunião às 11".
_HAVE_ON = (
    r"(?:tenho|tem|temos)\s+(?:um\s+|uma\s+|outr[ao]\s+)?"
    r"(?:aula|reuniao|compromisso|prova|trabalho|servico|plantao|outra\s+consulta|culto"
    r"|entrevista|audiencia|voo|onibus)"
)
# Starting work: "entro às 13", "pego no serviço às 7", "começo a trabalhar às 8".
_START = r"(?:entro|entra|pego|pega|comeco|comeca|inicio)"
_HOUR = r"(\d{1,2})(?::(\d\d)|h(\d\d)?|\s?horas?)?(\s+e\s+meia)?"
_COMMITMENT = re.compile(
    rf"\b(?:{_MUST}|{_HAVE_ON}|{_START})\b(?:\s+(?!(?:as|a|ou|mas|tem|teria|pode)\b)[a-z]+)"
    rf"{{0,4}}?\s+(?:as|a|ate\s+as|ate)\s+{_HOUR}(?![\d/])"
)
# A number that may be an hour; a date ("dia 1", "01/12") is none.
_ANY_HOUR = re.compile(r"(?<![\d/])(?<!dia )\d{1,2}(?::\d\d|h\d{0,2}|\s?horas?)?(?![\d/])")


def commitment_hour(text: str) -> time | None:
    """The hour ``text`` gives as that of another commitment, when it names no other
    hour; None otherwise."""
    folded = fold(text)
    found = _COMMITMENT.search(folded)
    if found is None or len(_ANY_HOUR.findall(folded)) != 1:
        return None
    hour, minutes = int(found[1]), int(found[2] or found[3] or 0)
    if found[4]:
        minutes = 30
    if not 0 <= hour <= 23 or not 0 <= minutes <= 59:
        return None
    return time(hour, minutes)
