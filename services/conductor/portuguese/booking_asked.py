"""A question about the clinic that is a booking asked (round 11).

Read by the phrases as a question about the clinic, a message is a booking when
- it tells the clinic to book ("marca pra vovo na sexta de tarde ela so anda de cadeira
  de rodas"), or asks how to ("meu pai precisa passar com o urologista, como marco?");
- or it names a specialty or an insurer beside a day or a part of one ("tem pediatra hoje
  a tarde?", "rola sabado de manha? unimed", "to precisando pra semana que vem, Amil"):
  the insurer says how the booking is paid, the specialty whom it is with.
- or it asks whether the clinic sees patients on a day at an hour ("amanha 19h vcs
  atendem?", round 14): the hour is the one wanted, as in "amanha 19h tem?".
- Round 16: a service named as a specialty is ("tem ultrassom hj depois do almoço?"); an
  hour asked with "tem" ("hj as 10 tem? to aqui perto"); a company bringing its workers
  on a day ("podemos levar todos na quinta dia 03/12 a partir das 13h?"), though
  "levar" is said.
Neither holds when a price, a preparation, or the hours kept are asked ("quanto custa a
pediatra amanha?", "a pediatra atende sabado?", "aceita unimed sabado?").
"""

from __future__ import annotations

import re
from datetime import date

from services.conductor.portuguese.phrases import INSURERS
from services.conductor.portuguese.timed_specialty import SPECIALTIES
from services.conductor.portuguese.when import parse_when

_TOLD_TO_BOOK = re.compile(
    r"\b(?:marca|marque|agenda|agende|como (?:eu )?(?:marco|agendo)|como faco para marcar)\b"
)
_ABOUT_IT = re.compile(
    r"\b(?:quanto|preco|precos|valor|valores|custa|cobra|cobram|pagar|pagamento|jejum|preparo"
    r"|levar|documentos?|aceita|aceitam|atende|atendem|abre|abrem|fecha|fecham|funciona"
    r"|funcionam|convenio|plano|resultados?)\b"
)
# A service named is as good as a specialty ("tem ultrassom hj depois do almoço?", round 16).
_SERVICES = ("ultrasom", "ultrasonografia", "exame", "exames", "eletro", "raio x", "mamografia")
_NAMED = re.compile(rf"\b(?:{'|'.join((*SPECIALTIES, *INSURERS, *_SERVICES))})\b")
# An hour asked with "tem" ("hj as 10 tem? to aqui perto", round 16): the hour is wanted.
# Only right beside the hour: "tem estacionamento? chego as 10" wants no hour booked.
_HAS = re.compile(
    r"\b(?:as \d{1,2}(?:h\d*)?|\d{1,2}h\d*) tem\b"
    r"|\btem (?:vaga |horario )?(?:(?:hoje|amanha|segunda|terca|quarta|quinta|sexta|sabado) )?"
    r"(?:as |a )?\d{1,2}(?:h|:|\b)"
)
# A company bringing its workers on a day ("podemos levar todos na quinta dia 03/12?").
_BRINGING = re.compile(
    r"\b(?:podemos|poso|posso|poderiamos) (?:levar|mandar|enviar) (?:todos|eles|elas|os \w+"
    r"|as \w+|\d+)\b"
)
_WEEK = re.compile(r"\b(?:semana que vem|proxima semana|esa semana|nesta semana)\b")
# Any day: a day, a part of one or a week named is enough, even one left in doubt.
_ANY_DAY = date(2026, 1, 5)


_SEEN = re.compile(r"\b(?:atende|atendem)\b")
_HOURS_KEPT = re.compile(r"\b(?:ate|a partir|desde|que horas|horario de)\b")


def _seen_at_an_hour(folded: str) -> bool:
    if not _SEEN.search(folded) or _HOURS_KEPT.search(folded):
        return False
    if _ABOUT_IT.search(_SEEN.sub(" ", folded)):
        return False  # a price or an insurer asked beside it is the question
    when = parse_when(folded, _ANY_DAY)
    return when is not None and when.day is not None and when.at is not None


def booking_asked(folded: str) -> bool:
    """Whether a folded message the phrases read as a question about the clinic asks for
    a booking."""
    if _seen_at_an_hour(folded):
        return True
    when = parse_when(folded, _ANY_DAY)
    if when is not None and when.day is not None and _BRINGING.search(folded):
        return True
    if _ABOUT_IT.search(folded):
        return False
    if _TOLD_TO_BOOK.search(folded):
        return True
    if when is not None and when.day is not None and when.at is not None and _HAS.search(folded):
        return True
    dated = when is not None or _WEEK.search(folded) is not None
    return dated and _NAMED.search(folded) is not None
