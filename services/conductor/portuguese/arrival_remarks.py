"""A remark after a yes about getting to the visit (round 14).

"sim, pode confirmar, vou de ônibus então talvez chegue uns minutinhos antes", "perfeito,
confirma por favor que eu saio do trabalho cedo nesse dia": how one comes, when one
leaves work or may arrive, said after the yes, keeps it. Its "cedo", "antes" or "talvez"
are of the journey, not of the time proposed; an hour or a day named in it ("chego às
11") may be another time asked, and still changes the yes.

A question whether the clinic waits for one late ("pode, mas se eu atrasar um pouquinho
vcs esperam né? o ônibus aqui demora") asks about going to the visit, as "tem
estacionamento?" does: the yes before it stands. Its "mas se" is of the delay, not of
the yes; a question naming a time, another day or a cancelling still leaves it unread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from services.conductor.portuguese.answer_parts import answer_words
from services.conductor.portuguese.when import parse_when

_ANY_DAY = date(2026, 1, 5)
_ARRIVING = frozenset(
    {"chego", "chegar", "chegue", "chegando", "chegaria", "atraso", "atrasar", "atrase",
     "atrasada", "atrasado", "atrasadinha", "atrasadinho", "saio", "sair", "largo", "onibus",
     "uber", "metro", "trem", "carona", "busao",
     # Round 18: the river's and the road's rides, and where one arrives ("o barco chega
     # cedo", "chego de manhãzinha no porto").
     "chega", "chegamos", "barco", "lancha", "balsa", "voadeira", "porto", "van", "moto",
     "taxi", "rodoviaria"}
)  # fmt: skip
# Arriving in the afternoon or the evening may miss a morning proposal: no mere remark.
_LATE_PARTS = frozenset({"tarde", "noite"})


def about_arriving(words: tuple[str, ...]) -> bool:
    """Whether a clause speaks of getting to the visit and names no hour or day."""
    if not _ARRIVING.intersection(words) or any(c.isdigit() for w in words for c in w):
        return False  # a number may be an hour, its digits collapsed ("11" read "1")
    when = parse_when(" ".join(words), _ANY_DAY)
    if when is not None and when.period in _LATE_PARTS:
        return False  # "vou de ônibus, chego de tarde" (round 18)
    return when is None or (when.at is None and when.day is None and when.between is None)


_LATE = frozenset(
    {"atrasar", "atrase", "atraso", "atrasada", "atrasado", "atrasadinha", "atrasadinho",
     "tolerancia", "esperam", "espera", "aguardam", "aguarda", "esperar", "aguardar"}
)  # fmt: skip
_WAITING = frozenset({"esperam", "espera", "aguardam", "aguarda", "esperar", "aguardar"})
_CHANGING = frozenset(
    {"outro", "outra", "remarcar", "desmarcar", "cancelar", "mudar", "trocar", "adiar", "ou"}
)
# The yes in the first clause, then the rest, with a question in it.
_FIRST_THEN_REST = re.compile(r"^\s*(?P<said>[^,.;!?\n]+)[,.;!\n]+\s*(?P<rest>.*\?.*)$", re.DOTALL)


def yes_then_lateness_asked(text: str, read: Callable[[str], bool | None]) -> bool:
    """Whether ``text`` is a yes (as ``read`` reads it), then a question whether one late
    is waited for, naming no time."""
    found = _FIRST_THEN_REST.match(text)
    if found is None or read(found["said"]) is not True:
        return False
    asked = set(answer_words(found["rest"]))
    if not asked & _LATE - _WAITING:
        return False  # the delay itself named, not only a wait
    if asked & _CHANGING:
        return False
    when = parse_when(found["rest"], _ANY_DAY)
    return when is None or (when.at is None and when.day is None and when.between is None)
