"""Letting the clinic know one will come (round 12): "so pra avisar que vou na consulta
viu, ta tudo certo", "passando pra avisar que eu vou sim".

"avisar que vou" with nothing going wrong said: a delay, missing it, or a change
("avisar que vou atrasar", "avisar que nao vou", "avisar que vou precisar remarcar")
are other requests, left to the other rules.
"""

from __future__ import annotations

import re

_NOTICE = re.compile(r"\bavisar (?:que |q )?(?:eu )?(?:vou|irei|estarei|vou estar)\b")
_TROUBLE = re.compile(
    r"\b(?:nao|atras\w*|falt\w*|cancelar|desmarcar|remarcar|reagendar|mudar|trocar"
    r"|pasar|adiantar|outro dia|outra data|outro horario)\b"
)


def attending_told(words: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` lets the clinic know the patient will come, and nothing else."""
    del words
    return _NOTICE.search(folded) is not None and _TROUBLE.search(folded) is None
