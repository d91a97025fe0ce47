"""Remarks beside a yes to a proposal that neither condition nor doubt it.

- Being free that day, the reason it suits: "confirma sim, terça to de folga 🙏",
  "pode sim confirma aí que nesse dia eu tô de folga da escala então dá certinho". The
  day named must be the proposal's own (its weekday, "nesse dia", "esse dia"): another
  day named ("confirma, quinta to de folga") may be a new request, and stays.
- Resignation before the yes: "não tenho outro jeito mesmo, pode confirmar", "fazer o
  quê, pode marcar". Its "não" denies a choice, not the booking. Kept out of consent,
  which the LGPD asks to be free.
- Who takes the patient: "pode confirmar sim moça que eu levo ele"; a ride the patient
  gets there in, said after the yes ("terça tá bom pra mim às dez eu pego carona com meu
  cumpadi que vai pra feira").

Each is taken out before the answer is read; what remains must still be a plain yes.
"""

from __future__ import annotations

import re
from datetime import datetime

from services.conductor.portuguese.text import fold

_WEEKDAYS = ("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo")
_FREE = (
    r"(?:(?:que|q|pq|porque|ja que)\s+)?(?:(?:n?ess[ea]|n?est[ea]|no|o)\s+dia\s+|{day}"
    r"(?:[- ]feira)?\s+)?(?:eu\s+)?(?:to|tou|estou|vou\s+estar|vou\s+ta|fico|ta|esta)\s+"
    r"(?:de\s+folga|livre|de\s+ferias|em\s+casa)"
    r"(?:\s+(?:da|do|no|na)\s+(?:escala|trabalho|servico|plantao|emprego|firma))?"
    r"(?:\s+(?:entao|ai|e)\s+(?:da|serve|fica)\s+(?:certinho|certo|bom|otimo|perfeito))?"
)
_RESIGNED = re.compile(
    r"^\s*(?:(?:nao|n)\s+(?:tenho|tem|ha)\s+(?:outro\s+jeito|outra\s+opcao|outra\s+saida"
    r"|jeito|escolha)(?:\s+(?:mesmo|msm|ne))?|fazer\s+o\s+que|vai\s+ter\s+que\s+ser"
    r"(?:\s+(?:esse|essa|assim))?)\b[\s,.!]*"
)
_TAKING = re.compile(
    r"[\s,.]*\b(?:que|q|pq|porque|e)\s+eu\s+(?:levo|trago|acompanho|vou\s+com)\s+"
    r"(?:el[ae]s?|(?:a|o)\s+\w+)\s*[.!]*\s*$"
)


# A ride to the clinic at the end ("eu pego carona com meu cumpadi que vai pra feira").
_RIDE = re.compile(
    r"[\s,.]*\b(?:(?:esse\s+horario|que|q|pq|porque|e)\s+)?(?:eu\s+)?"
    r"(?:pego|pegamos|vou\s+de|vamos\s+de|consigo|arrumei|tenho)\s+(?:uma\s+)?carona\s+"
    r"(?:com|do|da)\s+(?:(?:o|a|meu|minha)\s+)?[a-z]+"
    r"(?:\s+(?:que|q)\s+(?:vai|passa|desce)\s+(?:pra|para|pro|na|no)\s+(?:a\s+|o\s+)?[a-z]+)?"
    r"\s*[.!]*\s*$"
)


def without_remarks(text: str, proposed: datetime | None) -> str:
    """``text`` (folded) without a remark of being free on the proposal's day, of
    resignation or of who takes the patient; ``text`` as it is when it has none."""
    folded = fold(text)
    day = _WEEKDAYS[proposed.weekday()] if proposed is not None else "(?!)"
    kept = re.sub(rf"\b{_FREE.format(day=day)}\b", " ", folded)
    kept = _RIDE.sub(" ", _TAKING.sub(" ", _RESIGNED.sub(" ", kept)))
    return text if kept == folded or not kept.strip() else kept
