"""The part of a message that names the time wanted, when the message also names a time
that is not: the booking one has, before moving it, cancelling it, asking for another
day or correcting oneself.

- A booking moved names the day it has, then the day wanted ("tenho consulta quinta mas
  queria passar pra sexta as 10", "reagenda minha consulta de sexta pra quarta"): the
  time is read after the verb of moving, in any of its forms.
- A booking cancelled and another made ("cancelar a de amanhã mas marcar outra pra
  semana que vem"): after the verb of booking.
- One's booking named, then another day or time asked ("minha consulta é amanhã às 9 mas
  não vou conseguir, queria outro dia"): the time named before is the booking's, and only
  what follows the asking is wanted — nothing, when nothing follows.
- A correction ("na verdade", "aliás", "digo"): see ``corrections``.

Already folded text, number words as digits (see ``when``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

_MOVING_VERBS = (
    r"(?:passar|passa|passe|mudar|muda|mude|trocar|troca|troque|remarc\w*|transfer\w*"
    r"|reagend\w*|adiar|adia|adie|jogar|joga|jogue|antecip\w*|adiant\w*|empurr\w*)"
)
MOVING_VERBS = _MOVING_VERBS  # shared with ``moved_nowhere``
# "trocar a de sexta, pode ser sabado as 9?" names where to as a wish (round 18).
_MOVED_TO = re.compile(
    rf"\b{_MOVING_VERBS}\b(?: \w+){{0,5}}? (?:pra|para|pro|pras|pros|pode ser|podia ser)\b"
)
_BOOKED_AFTER_CANCEL = re.compile(
    r"\b(?:cancel|desmarc)\w*\b.*?\b(?:marcar|agendar|marca|agenda|marco)\b(?: \w+){0,3}? "
    r"(?:pra|para|pro)\b"
)
# One's own booking, then another day or time asked for ("outra semana" is next week, a
# day wanted, so it is no asking for another).
_OWN_BOOKING = (
    r"\b(?:minha consulta|meu horario|meu agendamento|meu exame|meu retorno|marquei|agendei"
    r"|tenho (?:uma )?consulta|consulta marcada)\b"
)
OWN_BOOKING = _OWN_BOOKING
_ANOTHER_ASKED = re.compile(rf"{_OWN_BOOKING}.*?\boutr[oa] (?:dia|horario|data|hora)\b")

# What the patient goes on to explain after the day moved to ends it: one's booking ("a
# minha é só dia 2") or what happened ("peguei plantão na quinta").
_EXPLAINED = re.compile(
    r"\b(?:a minha|o meu|minha consulta|meu horario"
    r"|(?!(?:sei|dei|hei|lei|rei|vei|mei)\b)[a-z]+(?:ei|ou))\b"
)

T = TypeVar("T")


def time_wanted(folded: str, read: Callable[[str], T | None]) -> tuple[bool, T | None]:
    """Whether a part of ``folded`` names the time wanted, and what ``read`` makes of that
    part; (False, None) when the whole message is to be read."""
    moved = _MOVED_TO.search(folded) or _BOOKED_AFTER_CANCEL.search(folded)
    # Read from its "pra", which names an hour of its own ("passar pras 15").
    to = moved.end() - len(moved[0].split()[-1]) if moved else 0
    if moved and (wanted := read(_until_explained(folded[to:]))) is not None:
        return True, wanted
    if another := _ANOTHER_ASKED.search(folded):
        return True, read(folded[another.end() :])
    return False, None


def _until_explained(moved_to: str) -> str:
    explained = _EXPLAINED.search(moved_to)
    return moved_to[: explained.start()] if explained else moved_to


def moved_from(folded: str) -> str | None:
    """What ``folded`` says before the time it moves a booking to ("minha consulta é
    amanhã ... dá pra passar", "passar minha consulta de quinta"); None when it moves
    nothing."""
    moved = _MOVED_TO.search(folded)
    return folded[: moved.end() - len(moved[0].split()[-1])] if moved else None
