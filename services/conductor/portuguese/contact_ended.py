"""Any further contact refused: consent taken back (round 16).

"sai desse numero, nao quero mais contato", "não quero mais nenhum contato de vocês":
the patient wants the clinic out of their phone, which ends the consent to message
them, as asking the messages to stop does (see ``stop_messages``); so does refusing its
offers from now on ("não quero mais receber promoção", round 18). A contact wanted
otherwise ("não quero mais contato com aquele médico") names who, and is no such refusal.
"""

from __future__ import annotations

import re

_REFUSED = re.compile(
    r"\bnao (?:quero|desejo) (?:mais )?(?:nenhum )?contato\b(?! com (?!voces\b|a clinica\b))"
    r"|\b(?:sai|saia|saiam|some|sumam) d(?:es+e|est?e|o) (?:meu )?(?:numero|zap|whatsapp)\b"
    # The clinic's offers refused from now on (round 18: "nao quero mais receber promoçao
    # de vcs", "já não quero ..."); without "mais" or "já" it is a condition beside a yes
    # ("sim, mas nao quero receber propaganda"), no consent taken back.
    r"|\b(?:nao (?:quero|desejo) mais|ja nao (?:quero|desejo)) receber (?:\w+ ){0,2}?"
    r"(?:promoc\w*|propagandas?|ofertas?"
    r"|novidades|publicidades?|anuncios?|marketing)\b"
)


def contact_refused(words: tuple[str, ...], folded: str) -> bool:
    """Whether the folded message refuses any further contact with the clinic."""
    del words
    return _REFUSED.search(folded) is not None
