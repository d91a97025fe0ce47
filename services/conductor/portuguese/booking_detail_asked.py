"""The day, hour, place or doctor of a booking one holds, checked: a look-up, though a
day or an hour is named.

- which of two it is: "a consulta de mainha é dia 3 ou dia 4?", "meu botox é amanhã de
  manhã ou à tarde? esqueci", "a sessão de quinta à noite é com a Dra Paula ou com o Dr
  Rafael?", "a consulta do dia 2/12 é online ou presencial?";
- whether it is when one thinks: "a vacina dele é dia 3 mesmo?", "minha sessão de terça
  dia 1 é às 10 msm?";
- whether one has it: "tenho peeling marcado semana que vem?", "tem alguma vacina
  agendada pra hoje?";
- what it needs: "qual o link da sessão de hoje às 19h?".

The booking is one held: said with whose it is ("minha", "dele", "de mainha") or with its
day ("a consulta do dia 2/12"), so "a consulta é online ou presencial?" stays a question
about the clinic. A wish, a move, a cancel or not going said beside it is left to the
other rules. Already folded text, shorthand written out ("msm" is "mesmo"), doubled
letters once ("sesao").
"""

from __future__ import annotations

import re

from services.conductor.portuguese.booking_still_held import WISH_OR_CHANGE

_NOUN = (
    r"(?:consultas?|sesoes|sesao|exames?|retorno|vacinas?|botox|peling|preenchimento"
    r"|ultrason\w*|ultra|eco\w*|mamografia|fisio\w*|terapia|avaliacao|limpeza|procedimento"
    r"|cirurgia|agendamento)"
)
_DAY = (
    r"(?:hoje|amanha|depois de amanha|segunda|terca|quarta|quinta|sexta|sabado|domingo"
    r"|dia [\d/]+)"
)
_HELD = (
    rf"(?:(?:meu|minha|meus|minhas) {_NOUN}|{_NOUN} (?:dele|dela|d[aeo] (?:meu|minha) \w+"
    rf"|d[aeo] {_DAY}|d[aeo] (?:minha|meu)\b))"
)
_WHICH_OR_SO = re.compile(rf"\b{_HELD}\b(?: [\w/]+){{0,4}} e\b(?: [\w/]+){{0,8}} (?:ou|mesmo)\b")
_HAVE_BOOKED = re.compile(
    rf"^(?:eu )?(?:tenho|tem) (?:uma |um |alguma |algum )?{_NOUN} (?:marcad|agendad)\w*\b"
)
_NEEDS = re.compile(
    rf"\bqual (?:e )?(?:o|a) (?:link|sala|endereco|local)\b.*\b{_NOUN} (?:d[aeo] )?{_DAY}\b"
)
# Not going ("não vai dar pra ir"), or another time wanted ("queria ver outro dia").
_ELSEWHERE = re.compile(r"\bnao(?: \w+){0,3} ir\b|\boutr[oa] (?:dia|data|horario|hora|semana)\b")


def booking_detail_asked(folded: str) -> bool:
    """Whether ``folded`` checks the day, hour, place or doctor of a booking one holds."""
    if WISH_OR_CHANGE.search(folded) or _ELSEWHERE.search(folded):
        return False
    return any(rule.search(folded) for rule in (_WHICH_OR_SO, _HAVE_BOOKED, _NEEDS))
