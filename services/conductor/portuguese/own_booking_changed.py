"""One's booking changed, in words the other rules leave (round 16):

- a change needed, the booking left unsaid, with a time offered: "preciso mudar, pode
  ser dia 11 de manha?", "vou ter que trocar, tem sexta?";
- one's booking pushed or brought forward, whatever it is: "da pra empurrar meu pre
  natal pra daqui 2 semanas?", "adiantar minha ultrassom";
- a change of a booking asked in the written register: "Solicito alteração do periódico
  do Antônio para 10/12";
- one's booking on its day not possible, another day offered: "a consulta de amanha eu
  num posso mas se tiver dia 2 de tarde eu vou".

A change of one's data ("preciso mudar meu endereço") is read before, by the data
rules; what is changed when it is no booking ("mudar de plano") is left alone.
"""

from __future__ import annotations

import re

_NEEDED = re.compile(
    r"^(?:eu )?(?:preciso|precisava|queria|quero|vou precisar|tenho que|vou ter que)"
    r" (?:mudar|trocar)(?: ela| ele)?(?: (?:pode ser|tem|da para|consegue|seria)\b.*)?$"
)
_PUSHED = re.compile(
    r"\b(?:empur|adiant|posterg|atras)\w* (?:a |o )?(?:minha|meu|nosa|noso) \w+(?: \w+)? para\b"
)
_CHANGE_ASKED = re.compile(
    r"\b(?:alteracao|mudanca|troca|remarcacao|reagendamento|transferencia) d[oa]s?"
    r" (?:\w+ ){1,4}?para (?:o |a )?(?:dia |\d|segunda|terca|quarta|quinta|sexta|sabado"
    r"|semana|proxim)"
)
_DAY = r"(?:hoje|amanha|segunda|terca|quarta|quinta|sexta|sabado|domingo|dia \d+)"
_NOT_ON_ITS_DAY = re.compile(
    rf"\b(?:a consulta|o exame|o retorno|o horario|minha consulta|meu horario|meu exame) d[eao]"
    rf" {_DAY}\b.*\b(?:nao|num) (?:poso|consigo|vou poder|da)\b.*"
    r"\b(?:se tiver|pode ser|tem|prefiro|melhor)\b"
)
_CHANGES = (_NEEDED, _PUSHED, _CHANGE_ASKED, _NOT_ON_ITS_DAY)


def own_booking_changed(words: tuple[str, ...], folded: str) -> bool:
    """Whether the folded message asks for one's booking to be changed."""
    del words
    return any(change.search(folded) for change in _CHANGES)
