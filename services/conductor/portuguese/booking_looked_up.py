"""A booking asked about, by whether it holds or when it is (round 17).

Already folded text (no accents, no punctuation). A look-up, though "agendada" or
"marcada" is said, when the patient asks:

- to see whether a booking holds, the booking between "se" and how it stands: "ve pra
  mim se o agendamento da minha filha ta certinho", "olha se a sessao do meu pai ta
  confirmada";
- to see whether someone has one booked: "ve ai se minha mae tem consulta agendada",
  "meu pai tem sessão marcada essa semana?";
- which days or hours one has one's care: "pode me dizer quais dias eu tenho fisio essa
  semana?", "que horas eu tenho consulta amanha";
- to be told again which hour one's booking is: "gostaria de confirmar qual o horário do
  meu exame. Não lembro.";
- whether one has one's care on a day, saying nothing else: "tenho sessão sexta?",
  "tenho hidro amanha de tarde ou foi desmarcado?".

The line: a wish or a change said beside it ("tenho consulta marcada e queria remarcar",
"queria marcar, tem horario agendado pra sexta?") is left to the other rules.
"""

from __future__ import annotations

import re

_BOOKING = (
    r"(?:agendamento|consulta|ses+ao|exame|horario|marcacao|retorno|fisio|avaliacao|hidro"
    r"|mamografia)"
)
_SEE = r"\b(?:ve|ver|veja|olha|olhe|verifica|confere|checa|confirma)\b"
_HOLDS = re.compile(
    rf"{_SEE}(?: \w+){{0,3}}? se (?:\w+ ){{0,5}}?{_BOOKING}\b(?: \w+){{0,5}}? (?:ta|esta)"
    r" (?:tudo )?(?:certinho|certo|ok|confirmad[oa]|de pe|marcad[oa]|agendad[oa])\b"
)
# Asked of another, or after "se"; "tenho consulta marcada mas ..." goes on to a request.
_HAS_ONE = re.compile(
    r"(?:\bse (?:\w+ ){0,3}|\b(?:meu|minha) \w+ )(?:tem|tenho) (?:uma |alguma |algum )?"
    rf"{_BOOKING}s? (?:agendad|marcad)\w*(?!.* mas\b)"
)
_WHICH_DAYS = re.compile(
    rf"\b(?:quais|que|qual) (?:dias?|horarios?|horas?) (?:que )?(?:eu )?tenho (?:\w+ )?{_BOOKING}"
)
_WHICH_HOUR_AGAIN = re.compile(
    r"\bconfirmar (?:qual|que|quando) (?:e )?(?:o |a )?(?:horario|dia|data|hora)"
    r" d[oa] (?:meu|minha|nosso|nossa)\b"
)
_WISH_OR_CHANGE = re.compile(
    r"\b(?:quero|queria|gostaria de (?!confirmar)|preciso|precisava|remarc|reagend|desmarc"
    r"|cancel|mudar|trocar|adiar|pas+ar)\w*"
)


_DAY = (
    r"(?:hoje|amanha|segunda|terca|quarta|quinta|sexta|sabado|domingo|dia \d+o?(?: de \w+)?)"
    r"(?: (?:de|a|pela) (?:manha|tarde|noite))?"
)
# One's care and its day, nothing else but a tag or a doubt (no question mark is left in
# folded text): "tenho sessão sexta?", "tenho hidro amanha de tarde ou foi desmarcado?",
# "tenho exame dia 1º de dezembro de manha ne? so conferindo".
_HAVE_ON_DAY = re.compile(
    rf"^(?:oi )?(?:eu )?tenho (?:uma |um )?{_BOOKING} {_DAY}"
    r"(?: (?:ne|mesmo|msm|so conferindo|conferindo|ou foi desmarcad[oa]|ou nao))*$"
)


def booking_looked_up(folded: str) -> bool:
    """Whether the folded message asks whether a booking holds or when it is."""
    if _HAVE_ON_DAY.search(folded):
        return True
    if _WISH_OR_CHANGE.search(folded):
        return False
    rules = (_HOLDS, _HAS_ONE, _WHICH_DAYS, _WHICH_HOUR_AGAIN)
    return any(rule.search(folded) for rule in rules)
