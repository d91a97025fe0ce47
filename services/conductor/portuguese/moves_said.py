"""A booking moved, said in other words than "remarcar" (round 11).

- One's own booking, named or not, moved to a day with a verb of moving: "muda a minha
  pra amanha a tarde", "troca minha dermato de amanha pra quinta", "passa minha parada
  pra sabado"; "adiantar" and "antecipar" move a booking by themselves ("preciso
  adiantar pra hoje").
- Not making it to the day or hour booked, and a change asked: "nao vou conseguir ir no
  dia marcado, tem como trocar?".
- One booking cancelled and another booked on a day in the same breath: "cancela a de
  amanha e marca pra sexta as 10h".
- A booking that must be moved: "a consulta do meu pai precisa ser remarcada".
- The time booked found bad and another asked: "pode ser mais cedo? o horario que
  marcaram ficou ruim".

Text is folded and its doubled letters written once ("passa" is "pasa").
"""

from __future__ import annotations

import re

_DAY = (
    r"(?:o |a )?(?:dia|hoje|amanha|depois de amanha|segunda|terca|quarta|quinta|sexta|sabado"
    r"|domingo|semana|outr[oa] (?:dia|data|horario|hora|semana)|\d)"
)
_MOVED_TO_A_DAY = re.compile(
    # "a dor não passa, meu vizinho ..." moves nothing (round 12).
    r"(?<!nao )\b(?:muda|mudar|mude|troca|trocar|troque|pasa|pasar|pase|joga|jogar|empura"
    r"|empurar)"
    rf" (?:a |o )?(?:minha|meu)\b.*\bpara {_DAY}"
    # Not a payment brought forward ("adianta o pagamento pra hoje?").
    rf"|\b(?:adiant|antecip)\w*\b(?! (?:o |a )?(?:pagamento|boleto|pix|conta)).*\bpara {_DAY}"
)
_MISSING_BOOKED = re.compile(
    r"\bnao (?:vou|vai) (?:conseguir |poder )?(?:ir|comparecer)\b.*\b(?:dia|horario|hora)"
    r" marcad[oa]\b.*\b(?:troc|mud|alter|remarc)\w*"
)
_CANCELLED_AND_BOOKED = re.compile(
    rf"\bcancel\w*\b.* e (?:marca|marque|marcar|agenda|agende|agendar|coloca|poe|bota) para {_DAY}"
)
_MUST_BE_MOVED = re.compile(
    r"\b(?:precisa|precisaria|tem que|teria que|pode|poderia|queria|quero) ser"
    r" (?:remarcad|reagendad|transferid|adiad)[oa]\b"
)
_BOOKED_IS_BAD = re.compile(
    r"\b(?:o horario|a hora|a consulta|o dia) que (?:marc|agend)\w+ (?:ficou|e|eh|ta|esta)"
    r" (?:ruim|complicad[oa]|dificil)\b"
)


def booking_moved(words: tuple[str, ...], folded: str) -> bool:
    """Whether the folded message moves a booking in words other than the phrases'."""
    del words
    patterns = (_MOVED_TO_A_DAY, _MISSING_BOOKED, _CANCELLED_AND_BOOKED, _MUST_BE_MOVED)
    if any(pattern.search(folded) for pattern in patterns):
        return True
    other = any(f" {said} " in f" {folded} " for said in ("mais cedo", "mais tarde", "outro"))
    return _BOOKED_IS_BAD.search(folded) is not None and other
