"""One's own times looked up, in words other than the phrases' (round 11).

- The hour of a booking asked, the booking named by what it is and its day: "a fisio de
  sexta é que horas?", "a consulta de painho e sexta de que horas?" — not the hours a
  professional keeps ("a pediatra atende que horas?": the clinic's).
- A relative's booking checked with "né" ("bom dia ne amanha as 10 o retorno de mainha
  com o doutor?"), no act of booking named: the day said is one's own to confirm.
- One's bookings, in the plural, asked to be shown or passed on: "me passa os horarios das
  minhas sessoes de fisio", "mim mostra minhas consulta"; the times one has booked:
  "pode me passar os horarios que tenho agendados".

Text is folded and its doubled letters written once ("sessoes" is "sesoes").
"""

from __future__ import annotations

import re

_BOOKING = (
    r"(?:consulta|retorno|exame|sesao|fisio|fisioterapia|terapia|dermato|cardio|gineco"
    r"|pediatra|nutri|nutricionista|psicologa|psicologo|vacina|ultrasom)"
)
_HOUR_OF_A_BOOKING = re.compile(rf"^(?:e )?(?:a|o) {_BOOKING}\b.*\bd[aeo] .*\bque horas?\b")
_RELATIVES_BOOKING = re.compile(
    rf"\b{_BOOKING} d[aeo] (?:mainha|painho|vovo|vo|(?:minha|meu) \w+)\b"
)
_PRICE = re.compile(r"\b(?:quanto|preco|valor|custa|cobra|pagar|jejum|preparo|levar)\b")
_ACT = re.compile(r"\b(?:marc|agend|encaix|reserv|cancel|desmarc|remarc|reagend|troc|mud)\w*")
_KEPT_HOURS = re.compile(r"\b(?:atende|atendem|abre|abrem|fecha|fecham|funciona|tem vaga)\b")
_SHOWING = re.compile(
    r"\b(?:mostra|mostrar|pasa|pasar|manda|mandar|envia|enviar|lista|listar|ver|quais)\b"
)
_MINE = re.compile(
    r"\b(?:minhas (?:consultas?|sesoes|marcacoes)|meus (?:horarios|agendamentos|retornos"
    r"|exames))\b|\bhorarios que (?:eu )?tenho (?:agendad|marcad)\w*"
)


def own_times_asked(words: tuple[str, ...], folded: str) -> bool:
    """Whether the folded message asks for the times of bookings one has."""
    del words
    if _HOUR_OF_A_BOOKING.search(folded) and not _KEPT_HOURS.search(folded):
        return True
    relatives = _RELATIVES_BOOKING.search(folded) is not None
    priced = _PRICE.search(folded) is not None
    if relatives and " ne " in f" {folded} " and not _ACT.search(folded) and not priced:
        return True
    return _MINE.search(folded) is not None and _SHOWING.search(folded) is not None
