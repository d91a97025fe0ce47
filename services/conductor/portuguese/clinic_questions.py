"""Questions about the clinic told apart by their structure (round 10).

- How booking works here, asked with "como funciona" ("e aí, como que funciona pra
  marcar as coisa por aqui", "como funciona o agendamento?"), is help: the patient asks
  how the service is used, not for a time. "como faço pra marcar" stays a booking.
- Whether the clinic is open on a day, asked with "funciona" and the day ("funciona
  sábado?", "vcs funcionam domingo?"), is a question about the clinic, no booking.
- Whether something is sold ("vende seguro de carro?", "vcs vendem remédio?") asks
  nothing the clinic does, unless the data are named ("vcs vendem meus dados?" is a
  data-rights question, read by the rules after).
- Whether a service is done there, the place said ("faz preventivo ai?", "fazem
  ultrassom aqui?", "ai faz teste do pezinho?", round 14): a question about the clinic,
  whatever the service's name; a day or an hour named with it is a booking, left to the
  rules after; "ou só consulta" after it names none ("fazem parto ai ou so consulta?",
  round 16).

Already folded, corrected text.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.intent import Intent

_HOW_BOOKING_WORKS = re.compile(
    r"\bcomo (?:que )?funciona(?: (?:pra|para|o|a|os|as))? (?:\w+ )?"
    r"(?:marc|agend|remarc|desmarc)\w*"
)
_DAYS = (
    r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo|sabados|domingos|feriados?"
    r"|hoje|amanha|fim de semana|final de semana)"
)
_OPEN_ON_A_DAY = re.compile(
    rf"(?<!\bcomo )(?<!\bcomo que )\bfuncionam? (?:(?:no|na|nos|nas|aos|de|em) )?{_DAYS}\b"
)
_DONE_HERE = re.compile(
    r"^(?:(?:voces|ai|aqui) )?(?:faz|fazem|realiza|realizam)"
    r" (?!(?:o |um |uma )?(?:favor|mal|bem|diferenca|falta|sentido|isso|ideia|quanto|tempo)\b)"
    r"(?:[^\W\d_]+ ){1,4}(?:ai|aqui|na clinica|ai na clinica)$"
    r"|^(?:voces|ai|aqui) (?:faz|fazem|realiza|realizam) (?:[^\W\d_]+ ?){1,4}$"
)
_WHEN_NAMED = re.compile(
    r"\b(?:hoje|amanha|segunda|terca|quarta|quinta|sexta|sabado|domingo|semana|dia|manha"
    r"|tarde|noite|marc\w*|agend\w*|consultas?|horario|vaga)\b|\d"
)
# A kind of care set against consultations ("fazem parto ai ou so consulta?", round 16)
# names no booking.
_ONLY_CONSULTS = re.compile(r"\s+ou (?:so|apenas|somente) (?:consultas?|exames?)$")
_SOLD = re.compile(r"\bvend(?:e|em|ia|iam|eria|eriam)\b")
_DATA = re.compile(r"\b(?:dados|informacoes|cadastro|numero|telefone)\b")


def clinic_question(folded: str) -> Intent | None:
    """The intent of a question about the clinic read by its structure; None for others."""
    if _HOW_BOOKING_WORKS.search(folded):
        return Intent.HELP
    if _OPEN_ON_A_DAY.search(folded):
        return Intent.INFO
    care = _ONLY_CONSULTS.sub("", folded)
    if _DONE_HERE.search(care) and not _WHEN_NAMED.search(care):
        return Intent.INFO
    if _SOLD.search(folded) and not _DATA.search(folded):
        return Intent.UNKNOWN
    return None
