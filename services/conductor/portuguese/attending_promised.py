"""One's coming promised in everyday words, after the reminder (round 17).

Already folded text, shorthand written out ("q" is "que"), doubled letters written once.
A confirmation, when the patient says:

- they will be there: "oi, recebi o lembrete, tamo la 👍", "estarei la sim";
- "leave it to me", then their going: "pode deixar q vou", "deixa comigo que eu vou";
- yes, with the one booked going to the care named: "sim, meu filho vai na manutenção",
  "sim ela vai no retorno".

The line: nothing going wrong said ("tamo la mas vou atrasar", "pode deixar que eu vou
remarcar") and no question beside it; those are left to the other rules.
"""

from __future__ import annotations

import re

_BE_THERE = re.compile(r"\b(?:tamo|tamos|estaremos|estarei|vou estar|vamos estar) la\b")
_LEAVE_IT = re.compile(
    r"^(?:pode deixar|deixa comigo|deixa)(?: que)? (?:eu )?(?:vou|irei|estarei|compareco)"
    r"(?: sim)?$"
)
_CARE = (
    r"(?:consulta|retorno|exame|sesao|manutencao|limpeza|avaliacao|fisio\w*|hidro\w*"
    r"|mamografia|ultrasom|vacina)"
)
_SOMEONE_GOES = re.compile(rf"^sim\b.*\b(?:vai|vao|irao|ira)(?: sim)? (?:na|no|a|ao) {_CARE}\b")
_TROUBLE = re.compile(
    r"\b(?:nao|mas|atras\w*|falt\w*|cancel\w*|desmarc\w*|remarc\w*|reagend\w*|mud\w*|troc\w*"
    r"|pas+ar|adiant\w*|outro dia|outra data|outro horario)\b"
)
_ASKED = re.compile(r"\b(?:qual|quais|onde|quanto|como|que horas|endereco|precisa|pode ir)\b")


def attending_promised(folded: str) -> bool:
    """Whether ``folded`` promises the patient's coming, and nothing else."""
    if _TROUBLE.search(folded) or _ASKED.search(folded):
        return False
    rules = (_BE_THERE, _LEAVE_IT, _SOMEONE_GOES)
    return any(rule.search(folded) for rule in rules)
