"""Letting the clinic know one will come (round 12): "so pra avisar que vou na consulta
viu, ta tudo certo", "passando pra avisar que eu vou sim".

"avisar que vou" with nothing going wrong said: a delay, missing it, or a change
("avisar que vou atrasar", "avisar que nao vou", "avisar que vou precisar remarcar")
are other requests, left to the other rules.

A yes with one's going to the booking says the same ("sim vamos sim na consulta de
amanha", "vou sim no retorno de sexta", round 15), with nothing going wrong said.
"""

from __future__ import annotations

import re

_NOTICE = re.compile(r"\bavisar (?:que |q )?(?:eu )?(?:vou|irei|estarei|vou estar)\b")
_TROUBLE = re.compile(
    r"\b(?:nao|atras\w*|falt\w*|cancelar|desmarcar|remarcar|reagendar|mudar|trocar"
    # "passar" as typed, or with its letter written once as the intents read it ("pasar").
    r"|pass?ar|adiantar|outro dia|outra data|outro horario)\b"
)
_GOING_SAID_YES = re.compile(
    r"\bsim\b.*\b(?:vamos|vou|iremos|irei|estaremos|estarei|vamo)(?: sim)? (?:na|no|a|ao)"
    r" (?:consulta|retorno|exame|sesao|sessao)\b"
)

# A question beside the yes ("sim vamos na consulta, qual o endereço?") asks it.
_ASKED = re.compile(r"\b(?:qual|quais|onde|quanto|como|que horas|endereco|precisa)\b")


def attending_told(words: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` lets the clinic know the patient will come, and nothing else."""
    del words
    going = _GOING_SAID_YES.search(folded) is not None and _ASKED.search(folded) is None
    told = _NOTICE.search(folded) is not None or going
    return told and _TROUBLE.search(folded) is None
