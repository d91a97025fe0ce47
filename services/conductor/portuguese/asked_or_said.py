"""The intent found in whole phrases, read again in the light of the message's structure
(moved out of ``intents`` in round 16, which had reached its size): a booking one has
with another time wanted is moved; a confirmation asked is a look-up; a question about a
service with a wish to come books it.

Round 16: a question asked indirectly ("queria saber se minha consulta tá confirmada",
"gostaria de saber se meu agendamento foi realizado") is asked as much as one with a
question mark: the patient wants the booking looked up, confirms nothing.
"""

from __future__ import annotations

import re
from datetime import date

from services.conductor.portuguese.booking_asked import booking_asked
from services.conductor.portuguese.intent import Intent
from services.conductor.portuguese.text import has_any
from services.conductor.portuguese.when import parse_when
from services.conductor.portuguese.wish_to_come import wish_to_come

# A day offered as a condition ("se tiver hoje de tarde eu vou"), anywhere (round 8).
DAY_IF_FREE = (
    r"\bse tiver (?:vaga |horario )?(?:pra |para |na |no |dia )?(?:hoje|amanha|segunda"
    r"|terca|quarta|quinta|sexta|sabado|domingo)\b"
)
# Any day does: whether a message names a time does not depend on the day it is read.
ANY_DAY = date(2026, 1, 5)
# "queria saber se ...", "gostaria de saber se ...": a question without its mark.
_ASKED_INDIRECTLY = re.compile(
    r"\b(?:quero|queria|gostaria de|preciso|precisava) saber se\b"
    # Whether one may or must do it asks to do it ("queria saber se posso confirmar por aqui").
    r"(?! (?:eu )?(?:posso|poso|preciso|devo|tenho que|da para|consigo)\b)"
)

# A booking one has, and another day or time wanted: the booking moved, whatever the verb.
_BOOKED = (
    "consulta marcada", "minha consulta", "marquei", "agendei", "tenho uma consulta",
    "tenho consulta", "horario marcado", "meu horario",
)  # fmt: skip
_ANOTHER_TIME = ("outro dia", "outro horario", "outra data", "outra hora")
_MOVABLE = (Intent.CANCEL, Intent.CONSULT, Intent.SCHEDULE)
# One's own booking asked about, with no verb of booking, is looked up.
_OWN_BOOKING = (
    "minha consulta", "meu horario", "meu agendamento", "meu atendimento", "meu retorno",
    "meu exame",
)  # fmt: skip
_BOOKING_VERBS = (
    "marcar", "marca", "marque", "agendar", "agenda", "agende", "encaixar", "encaixa",
    "reservar", "tem", "tem vaga", "vaga", "consigo", "quero", "queria", "gostaria",
)  # fmt: skip
# "Tá confirmado" said is a patient confirming; asked ("tá confirmado?", "só confirmando,
# é dia 3 mesmo?") it looks the booking up.
_CONFIRMED = ("ta confirmado", "ta confirmada", "esta confirmado", "esta confirmada")


# "oi so pra confirmar que eu vou, ta?": a "tá?" closing a statement asks nothing (round 11).
_TAG_ASKED = re.compile(r",\s*t[aá]\s*\?+\s*$", re.IGNORECASE)


def asked_or_said(intent: Intent, folded: str, text: str) -> Intent:
    """The intent found in whole phrases, read again in the light of the message's
    structure: asked (a question mark, or "queria saber se") or said."""
    asked = "?" in _TAG_ASKED.sub("", text) or _ASKED_INDIRECTLY.search(folded) is not None
    if intent in _MOVABLE and has_any(folded, _BOOKED) and has_any(folded, _ANOTHER_TIME):
        return Intent.RESCHEDULE  # "tenho uma consulta marcada ... queria ver outro dia"
    if intent is Intent.CONFIRM and asked:
        return Intent.CONSULT
    own = has_any(folded, _OWN_BOOKING) and not has_any(folded, _BOOKING_VERBS)
    if intent is Intent.SCHEDULE and asked and own:
        return Intent.CONSULT  # "meu horario e que horas mesmo?": one's own, asked
    if intent is Intent.CONSULT and not asked and has_any(folded, _CONFIRMED):
        return Intent.CONFIRM
    if intent is Intent.INFO and has_any(folded, _WISHES) and _booking_wished(folded):
        return Intent.SCHEDULE  # "quero marcar exame de sangue": the service booked
    if intent is Intent.INFO and not asked and folded.startswith(_BOOKING_OPENERS):
        return Intent.SCHEDULE  # "agendar exame de sangue pfvr" (round 13)
    if intent is Intent.INFO and booking_asked(folded):
        return Intent.SCHEDULE  # "tem pediatra hoje a tarde?" (round 11)
    if intent is Intent.INFO and wish_to_come(folded):
        return Intent.SCHEDULE  # "vcs atendem hoje a noite? queria passar" (round 12)
    return intent


# A wish with a booking verb or a clock time turns a question about the clinic into a
# booking: "vcs atendem sabado? se tiver queria sab as 8".
# "consigo alguma coisa na semana que vem com o cardiologista?": anything free (round 8).
_WISHES = ("quero", "queria", "gostaria", "preciso", "consigo", "vou querer", "precisando")
_BOOKING_OPENERS = ("agendar ", "marcar ", "agenda ", "marca ", "agende ", "marque ")
_BOOKING_WORDS = ("marcar", "agendar", "marca", "agenda", "encaixar", "alguma coisa", "uma vaga")


def _booking_wished(folded: str) -> bool:
    if has_any(folded, _BOOKING_WORDS) or re.search(DAY_IF_FREE, folded):
        return True  # "preciso levar meu marido no cardiologista ... se tiver sabado" (round 10)
    when = parse_when(folded, ANY_DAY)
    if when is not None and when.day is not None and _WANTED_ON_A_DAY.search(folded):
        return True  # "quero o exame na quinta a noite, vcs atendem?" (round 16)
    return when is not None and when.at is not None


# What is wanted, then the day it is wanted on: "quero o exame na quinta", "queria uma
# consulta pra sexta"; not "quero saber se ...".
_WANTED_ON_A_DAY = re.compile(
    r"\b(?:quero|queria|gostaria de|preciso de|preciso) (?:o |a |um |uma )?"
    r"(?!saber\b|atestado\b|laudo\b|resultado\b|receita\b|declaracao\b|documento\b)\w+"
    r" (?:na|no|para|pra|dia|de|amanha|hoje)\b"
)
