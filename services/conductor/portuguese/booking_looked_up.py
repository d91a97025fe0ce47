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
# Whether one's booking is on the day one wrote down ("queria confirmar se minha avaliação
# com o ortopedista é mesmo dia sete de dezembro").
_IF_ON_DAY = re.compile(
    rf"\bconfirmar se (?:a |o )?(?:minha|meu|nossa|nosso) {_BOOKING}\b(?: \w+){{0,4}}?"
    r" (?:e|eh|ta|fica|ficou) (?:mesmo |msm |marcad[oa] )?(?:na |no |para |dia |as |hoje|amanha"
    r"|segunda|terca|quarta|quinta|sexta|sabado)"
)
_WHICH_HOUR_AGAIN = re.compile(
    r"\bconfirmar (?:qual|que|quando) (?:e )?(?:o |a )?(?:horario|dia|data|hora)"
    r" d[oa] (?:meu|minha|nosso|nossa)\b"
)
_WISH_OR_CHANGE = re.compile(
    r"\b(?:(?:quero|queria|gostaria de|preciso|precisava)(?! confirmar)|remarc|reagend|desmarc"
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


_KIND = r"(?:eco|holter|eletro|ultrasom|mamografia|ressonancia|tomografia)"
# The day asked first, the booking after: "é hoje as 14h o eco do meu avô?".
_IS_IT_THEN = re.compile(
    rf"^(?:e|eh) {_DAY}(?: as \d+(?:h\d*)?)? (?:a|o) (?:{_BOOKING}|{_KIND})"
    r"(?: d[oa] (?:meu |minha )?\w+)?$"
)
# One's own, the booking left unsaid, then a check asked: "a minha é quinta às dez e meia,
# confere?".
_MINE_IS = re.compile(
    rf"^(?:e )?(?:a minha|o meu) (?:e|eh|ta|fica) (?:na |no |dia )?{_DAY}\b.*"
    r"\b(?:confere|ne|neh|certo|correto)$"
)


def booking_looked_up(folded: str) -> bool:
    """Whether the folded message asks whether a booking holds or when it is."""
    if _HAVE_ON_DAY.search(folded):
        return True
    if _WISH_OR_CHANGE.search(folded):
        return False
    rules = (_HOLDS, _HAS_ONE, _WHICH_DAYS, _WHICH_HOUR_AGAIN, _IF_ON_DAY, _IS_IT_THEN, _MINE_IS)
    return any(rule.search(folded) for rule in rules)
