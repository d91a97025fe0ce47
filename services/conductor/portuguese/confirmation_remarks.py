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

- Round 16: "se Deus quiser" ("pode marcar sim, se Deus quiser estarei lá"), the ride
  taken if it rains ("se chover eu vou de uber msm kkk"), who comes along or takes the
  patient ("que eu vou tá com a minha avó lá", "que meu marido tá de folga e me leva"),
  and whom it is for before "ela vai" ("pode confirmar pra minha mae ela vai sim").

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
    r"(?:\s+(?:da|do|no|na)\s+(?:escala|trabalho|servico|plantao|emprego|firma|turno))?"
    # The proposal's day said after it ("vou tá de folga do turno nesse dia", round 18).
    r"(?:\s+(?:n?ess[ea]|n?est[ea])\s+dia)?"
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


# Round 16: the devout's "se Deus quiser" with the going said after it ("pode marcar sim,
# se Deus quiser estarei lá"): a blessing asked, no condition on the booking.
_DEVOUT = re.compile(
    r"[\s,.]*\b(?:e\s+)?se\s+deus\s+quiser\b(?:\s+(?:eu\s+)?(?:estarei|vou\s+estar"
    r"|vou\s+ta|vou\s+tar|to|estou|vou|irei|vamos)(?:\s+(?:la|ai|sim))*)?[\s,.!]*"
)
# How one gets there if it rains ("se chover eu vou de uber msm kkk"): the patient goes
# either way; the condition is on the ride, not on the booking.
_RIDE_IF = re.compile(
    r"[\s,.]*\b(?:e\s+)?se\s+(?:chover|tiver\s+chuva|estiver\s+chovendo|tiver\s+chovendo"
    r"|o\s+onibus\s+atrasar|(?:o\s+)?carro\s+(?:quebrar|nao\s+pegar))\s+(?:eu\s+)?"
    r"(?:vou|venho|pego|chamo)\s+(?:de\s+|um\s+|uma\s+)?(?:uber|taxi|onibus|carro|moto|99)"
    r"(?:\s+(?:msm|mesmo|entao|ne))*(?:\s*k+)?\s*[.!]*\s*$"
)
# Who comes along or takes the patient, said after the yes ("que eu vou tá com a minha
# avó lá", "que meu marido tá de folga e me leva").
_COMPANY = re.compile(
    r"[\s,.]*\b(?:que|q|pq|porque|e)\s+(?:(?:eu\s+)?vou\s+(?:ta|tar|estar|ir|com)\s+"
    r"(?:(?:com|junto\s+com)\s+)?(?:a\s+|o\s+)?(?:minha|meu)\s+[a-z]+(?:\s+(?:la|ai|junto))?"
    r"|(?:o\s+|a\s+)?(?:meu|minha)\s+[a-z]+\s+(?:(?:ta|esta|vai\s+estar|fica)\s+de\s+folga"
    r"(?:\s+e\s+(?:me\s+leva|me\s+traz|vai\s+comigo|me\s+acompanha))?"
    r"|(?:me\s+leva|me\s+traz|vai\s+comigo|me\s+acompanha)))\s*[.!]*\s*$"
)
# Whom the booking is for, after its verb ("pode confirmar pra minha mae ela vai sim").
_FOR_KIN = re.compile(
    r"\b(?:pra|para|pro)\s+(?:a\s+|o\s+)?(?:minha|meu)\s+(?:mae|pai|filh[ao]|avo|vo|esposa"
    r"|marido|sogr[ao]|tia|tio|irma|irmao|net[ao]|vizinh[ao]|mainha|painho)\b"
    r"(?=\s+(?:el[ae]\s+vai|que\s+el[ae]\s+vai)\b)"
)


def without_remarks(text: str, proposed: datetime | None) -> str:
    """``text`` (folded) without a remark of being free on the proposal's day, of
    resignation or of who takes the patient; ``text`` as it is when it has none."""
    folded = fold(text)
    day = _WEEKDAYS[proposed.weekday()] if proposed is not None else "(?!)"
    kept = _FOR_KIN.sub(" ", _COMPANY.sub(" ", _RIDE_IF.sub(" ", _DEVOUT.sub(" ", folded))))
    kept = re.sub(rf"\b{_FREE.format(day=day)}\b", " ", kept)
    kept = _RIDE.sub(" ", _TAKING.sub(" ", _RESIGNED.sub(" ", kept)))
    return text if kept == folded or not kept.strip() else kept
