"""A booking moved to a time, though no booking is named (round 14).

- A verb of handing over or changing whose "para" leads to a time: "passa pra quinta
  26 as 8 da manha", "passa pra onze e meia amanha?", "seria possivel transferir para
  segunda-feira a tarde?", "consegue trocar de segunda pra terca dia 1?", "pode voltar
  pra amanha de manha?". What one passes to a person or a place ("passa pra atendente",
  "voltar pra casa amanha") moves nothing; "a dor nao passa" is no verb of moving.
- A booking one moved or made before, changed again: "ja tinha remarcado pra quinta mas
  vou ter que mudar de novo".

Text is folded, shorthand written out ("pra" is "para"), doubled letters written once
("passa" is "pasa").
"""

from __future__ import annotations

import re

_VERB = (
    r"(?:pasa|pasar|pase|pasem|transfere|transferir|transfira|troca|trocar|troque|muda"
    r"|mudar|mude|volta|voltar|joga|jogar)"
)
# "uma" is an hour only as one ("pra uma da tarde"): "passa pra uma atendente" is a person.
_NUMBER_WORDS = (
    r"uma (?=da |hora|e )|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|meio dia"
)
_TIME = (
    r"(?:(?:a|o|as|os) )?(?:dia|hoje|amanha|depois de amanha|segunda|terca|quarta|quinta"
    rf"|sexta|sabado|domingo|semana|proxima|mes que vem|manha|tarde|noite|{_NUMBER_WORDS}"
    r"|\d)"
)
_TO_A_TIME = re.compile(rf"(?<!nao )\b{_VERB} (?:(?!para\b)\w+ ){{0,4}}para {_TIME}\b")
_MOVED_BEFORE = re.compile(
    r"\b(?:remarquei|reagendei|(?:tinha|ja) (?:re)?(?:marcado|agendado)|ja remarquei)\b"
    # The booking changed, not something else ("vou trocar de plano").
    r".*\b(?:mudar|muda|trocar|troca|voltar|volta)"
    r"(?: (?:de novo|outra vez|novamente|o dia|o horario|a data|para)\b|$)"
)


def moved_to_a_time(words: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` moves a booking to a time, or changes again one moved before."""
    del words
    return _TO_A_TIME.search(folded) is not None or _MOVED_BEFORE.search(folded) is not None
