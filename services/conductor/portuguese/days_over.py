"""A day over spoken of as over, or asked for (rounds 6 and 16).

A day over with a verb in the past tense ("marquei ontem", "era ontem") is spoken of as
over: a look-up, read as that day. Without one ("ontem às 10h dá?") it is asked for, and
asked about, never proposed. Two kinds are asked about whatever their verbs (round 16):

- a booking over cancelled ("cancela a de ontem que eu faltei"): nothing is left to
  cancel on a day gone by, and which booking is meant is asked;
- a day over asked for with "pra" ("queria marcar o transvaginal ontem mas esqueci kkk,
  tem pra ontem ainda?", "queria ter marcado ontem, ainda dá?", round 17): the wish is
  for a booking, on a day that cannot have one.

Already folded text.
"""

from __future__ import annotations

import re

_PAST_TENSE = re.compile(
    r"\b(?:(?!(?:vou|sou|dou|tou|estou|meu|seu|teu|dia|tia|via)\b)\w+(?:ei|ou|eu|ava|ia|oi)|era)\b"
)
_CANCELLED = re.compile(r"\b(?:cancel|desmarc)\w*")
# "queria ter marcado ontem, ainda dá?" (round 17): a wish for a booking on a day gone by.
_ASKED_FOR = re.compile(
    r"\b(?:pra|para) ontem\b"
    r"|\b(?:queria|gostaria|devia|deveria|era pra) ter (?:marcado|agendado|vindo|ido)\b"
)


def spoken_of_as_over(folded: str) -> bool:
    """Whether a day over that ``folded`` names is spoken of as over, not asked for."""
    if _CANCELLED.search(folded) or _ASKED_FOR.search(folded):
        return False
    return _PAST_TENSE.search(folded) is not None
