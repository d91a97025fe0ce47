"""A booking one holds, asked about in ways the look-up phrases miss (round 18).

Already folded text (no accents, no punctuation), doubled letters written once. A
look-up, though the booking's place or its doctor reads like a question about the
clinic, when the patient asks:

- which of two places a booking is in: "a consulta do meu filho é em belem ou macapa?
  esqueci", "a minha sessão é na unidade centro ou na sul?";
- which doctor a booking is with, the booking named with whose it is: "a consulta de
  mainha é com qual medico?";
- whether a booking still holds: "ainda tenho sessão essa semana?", "minha mãe tem
  consulta ai ainda?", "minhas sessões fixas continuam no mesmo horário em dezembro?";
- the hour or day of a booking someone else made and did not tell: "a mãe marcou ontem a
  consulta do Pedro mas não me falou o horário, vcs podem me passar?".

The line: a wish, a move or a cancel said beside it is left to the other rules ("ainda
tenho consulta, queria remarcar"); "ainda tem vaga?" asks for a free time, and "tem"
is only read with whose booking it is before it ("minha mãe tem").
"""

from __future__ import annotations

import re

_BOOKING = (
    r"(?:consultas?|sesoes|sesao|exames?|retorno|agendamentos?|horario|fisio\w*|terapia"
    r"|vacina|avaliacao|limpeza|procedimento|cirurgia)"
)
# Whose booking it is ("do meu filho", "de mainha", "do Pedro"), or one's own ("minha
# consulta"): said, the question is of a booking held, not of how the clinic works ("a
# consulta é em grupo ou individual?", "a consulta do convênio é em dinheiro ou cartão?").
_WHOSE = (
    rf"(?:(?:minha|meu) {_BOOKING}|{_BOOKING} (?:d[ao] (?:meu|minha) [^\W\d_]+"
    r"|d[aeo] (?!convenio\b|plano\b|sus\b|particular\b|grupo\b|retorno\b)[^\W\d_]+))"
)
_IS = r"(?:e|eh|vai ser|ficou|sera|fica)"
_PLACE_EITHER = re.compile(rf"\b{_WHOSE} {_IS} (?:em|na|no|nas|nos) \w+(?: \w+){{0,3}} ou ")
_DOCTOR_ASKED = re.compile(rf"\b{_WHOSE} {_IS} com (?:qual|que|quem)\b")
_STILL_MINE = re.compile(
    rf"\bainda (?:eu )?tenho (?:uma |alguma |algum )?{_BOOKING}\b"
    rf"|^(?:eu )?tenho (?:uma |alguma |algum )?{_BOOKING}\b(?: \w+){{0,3}} ainda\b"
)
_STILL_THEIRS = re.compile(
    rf"\b(?:meu|minha) [^\W\d_]+ (?:ainda )?tem (?:uma |alguma |algum )?{_BOOKING}"
    r"\b(?: \w+){0,2} ainda\b"
    rf"|\b(?:meu|minha) [^\W\d_]+ ainda tem (?:uma |alguma |algum )?{_BOOKING}\b"
)
_GOES_ON = re.compile(
    rf"\b(?:meu|minha|meus|minhas) {_BOOKING}(?: \w+)? (?:continua|continuam|segue|seguem"
    r"|permanece|permanecem|esta mantid|estao mantid|vai continuar|vao continuar)\w*\b"
)
_NOT_TOLD = re.compile(
    r"\b(?:marcou|marcaram|marquei|agendou|agendaram|agendei)\b.*"
    r"\b(?:nao (?:me )?(?:falou|falaram|disse|disseram|pasou|pasaram|informou|avisou|contou)"
    r"|esqueci|nao (?:me )?lembro|nao sei)(?: de)? (?:o |a |qual )?(?:horario|hora|dia|data)\b"
)
WISH_OR_CHANGE = re.compile(
    r"\b(?:remarc|reagend|desmarc|cancel|adia|antecip|transfer)\w*"
    r"|\b(?:mudar|trocar|marcar|agendar|encaixar)\b"
    r"|\b(?:quero|queria|gostaria de|preciso|precisava)\b(?! (?:saber|confirmar|ver)\b)"
)
_RULES = (_PLACE_EITHER, _DOCTOR_ASKED, _STILL_MINE, _STILL_THEIRS, _GOES_ON)


def booking_still_asked(folded: str) -> bool:
    """Whether ``folded`` asks where, with whom or whether a booking one holds is, or
    the hour of one made by someone else."""
    if _NOT_TOLD.search(folded) and not re.search(r"\b(?:remarc|reagend|desmarc|cancel)", folded):
        return True  # "vcs podem me passar?" asks to be told, no move
    if WISH_OR_CHANGE.search(folded):
        return False
    return any(rule.search(folded) for rule in _RULES)
