"""Rules of round 13, tried before ``intent_rules``; the first that holds wins.

1. Bookings already made, asked about by a company ("poderiam informar as datas
   agendadas para os exames dos nossos colaboradores?") or recalled ("perdi o papel com
   o horario, qual era mesmo?"): a look-up, though "informar" or a time is said.
2. Whether a minor needs a guardian ("precisa de responsavel?"): a question about the
   clinic's rules, not a person wanted.
3. Whether someone at the clinic speaks a language ("tem medico que fala espanhol?"):
   a question about the clinic.
4. Wanting to be seen by someone ("queria passar com alguem"): a booking, no person
   wanted to talk to.
Already folded, corrected text, a letter written twice counted once ("pasar").
"""

from __future__ import annotations

import re

from services.conductor.portuguese.intent import Intent

_BOOKED_ASKED = re.compile(
    r"\b(?:informar|qual|quais|saber|pas+ar|enviar|mandar|confirmar)\b.*"
    r"\b(?:datas?|dias?|horarios?|horas) (?:ja )?(?:agendad|marcad)\w*"
    r"|\b(?:qual|que horas|que dia|quando) (?:e que )?era\b(?= mesmo\b| o horario\b| a consulta\b)"
)
_GUARDIAN = re.compile(
    r"\b(?:precisa|precisam|tem que|deve|pode ir) (?:ir |vir |estar )?"
    r"(?:com |de |do |acompanhad[oa] (?:de|do|por|pelo) )?(?:um |uma |o |a )?responsavel\b"
)
_LANGUAGE = re.compile(
    r"\b(?:fala|falam|que fala|atende|atendem) (?:em )?"
    r"(?:espanhol|castelhano|ingles|frances|italiano|alemao|libras|japones)\b"
)
_SEEN_BY_SOMEONE = re.compile(
    r"\b(?:quero|queria|gostaria de|preciso|precisava|tem como) (?:eu )?pas+ar com alguem\b"
)
_RULES = (
    (Intent.CONSULT, _BOOKED_ASKED),
    (Intent.INFO, _GUARDIAN),
    (Intent.INFO, _LANGUAGE),
    (Intent.SCHEDULE, _SEEN_BY_SOMEONE),
)


def intent_of_round13(folded: str) -> Intent | None:
    """The intent of the first round-13 rule that holds; None when none does."""
    return next((intent for intent, rule in _RULES if rule.search(folded)), None)
