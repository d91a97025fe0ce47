"""A booking moved with "passar" (round 12): "passa pra sexta de tarde?", "queria passar
a consulta de gineco pra outro dia", "tem como passar a minha consulta de sexta pra
tarde do mesmo dia".

"passar" moves a booking only when a booking is said (a consulta, "tinha marcado", not
making it to it: "não vou poder ir na quinta") and the verb takes a day or a part of the
day ("pra amanhã", "pra outro dia", "pra tarde"); passing by the clinic ("queria passar
no clínico") or being passed to someone ("passa pra atendente") moves nothing.

Text is folded, shorthand written out ("pra" is "para"), doubled letters written once
("passa" is "pasa").
"""

from __future__ import annotations

import re

_WHEN = (
    r"(?:o |a )?(?:dia|hoje|amanha|depois de amanha|segunda|terca|quarta|quinta|sexta"
    r"|sabado|domingo|semana|proxima|outr[oa] (?:dia|data|horario|hora|semana)|tarde"
    r"|manha|noite|mesmo horario|\d)"
)
# "a dor não passa, meu vizinho ... pra segunda": the pain, no booking; after "não" only
# a day said at once is one ("não vou poder ir na quinta não, passa pra sexta").
_PASSED = re.compile(
    rf"\b(?:pasa|pasar|pase|pasem) para {_WHEN}"
    r"|(?<!nao )\b(?:pasa|pasar|pase|pasem)\b(?! (?:no|na|ai|aqui|la|em)\b)"
    rf"[^?.!]{{0,40}}?\bpara {_WHEN}"
)
_BOOKING = re.compile(
    # Care named by its kind too ("passar a vacina do Gael pra outra data", round 18).
    r"\b(?:consulta|consultas|retorno|exame|agendamento|marcad[oa]|agendad[oa]|marquei"
    r"|vacina|sesao|avaliacao|limpeza"
    r"|agendei|nao (?:vou|vai) (?:poder|conseguir) ir|nao (?:consigo|posso|da para) ir)\b"
)


def moved_by_passing(words: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` moves a booking it names to another day with "passar"."""
    del words
    return _PASSED.search(folded) is not None and _BOOKING.search(folded) is not None
