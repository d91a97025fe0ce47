"""Bookings cancelled for good, with why (round 12).

A cancelling verb ("cancela", "desmarca", "tira da agenda") with what makes it final:
everything cancelled ("cancela tudo que eu tinha marcado"), a death ("meu pai faleceu
..., podem tirar da agenda"), a move of house ("vou me mudar pra casa da minha filha"),
or another booking left for later without a day ("cancela minha consulta que depois eu
marco outra", "pode cancelar que eu marco depois quando receber", round 14). "mudar"
and "marco outra" said so move no booking; a new day asked in the same breath ("cancela
tudo e marca pra sexta") is a move, left to the other rules.

Text is folded, shorthand written out ("pra" is "para"), forms of "cancelar" rooted.
"""

from __future__ import annotations

import re

_OFF_THE_BOOK = re.compile(r"\b(?:tira|tirar|tirem|tire)\b.{0,30}\bd[ae] agenda\b")
_FINAL = re.compile(
    r"\b(?:cancelar|desmarcar) (?:tudo|todas|todos)\b"
    r"|\b(?:faleceu|falecid[oa]|falecimento|morreu|obito|velorio|enterro"
    r"|me mudar|mudando de (?:casa|cidade|estado)|mudei de (?:casa|cidade|estado)"
    r"|vou mudar de (?:casa|cidade|estado)"
    r"|depois (?:eu )?(?:marco|agendo|remarco|vejo|ligo)(?! para)(?: outra| outro| de novo)?$"
    # The verb first and a when with no day ("que eu marco depois quando receber", round 14).
    r"|\b(?:marco|agendo|remarco) (?:outra |outro |de novo )?depois\b(?! para)(?: quando .*)?$)"
)
# A cancelling denied ("nao precisa cancelar", "nao cancela nao") cancels nothing.
# "nao pode cancelar" runs a no into the request ("nao vou conseguir ir nao pode cancelar").
_DENIED = re.compile(r"\bnao (?!pode )(?:\w+ )?(?:cancelar|desmarcar)\b")
_NEW_DAY = re.compile(
    r"\b(?:marca|marcar|marque|agenda|agendar|remarcar|passa|pasa|bota|coloca)"
    r" (?:\w+ )?para\b"
)


def cancelled_for_good(words: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` cancels a booking and says what makes it final."""
    del words
    cancels = re.search(r"\b(?:cancelar|desmarcar)\b", folded) or _OFF_THE_BOOK.search(folded)
    if not cancels or _DENIED.search(folded) or _NEW_DAY.search(folded):
        return False
    return _FINAL.search(folded) is not None
