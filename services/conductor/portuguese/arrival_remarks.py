"""A remark after a yes about getting to the visit (round 14).

"sim, pode confirmar, vou de ônibus então talvez chegue uns minutinhos antes", "perfeito,
confirma por favor que eu saio do trabalho cedo nesse dia": how one comes, when one
leaves work or may arrive, said after the yes, keeps it. Its "cedo", "antes" or "talvez"
are of the journey, not of the time proposed; an hour or a day named in it ("chego às
11") may be another time asked, and still changes the yes.
"""

from __future__ import annotations

from datetime import date

from services.conductor.portuguese.when import parse_when

_ANY_DAY = date(2026, 1, 5)
_ARRIVING = frozenset(
    {"chego", "chegar", "chegue", "chegando", "chegaria", "atraso", "atrasar", "atrase",
     "atrasada", "atrasado", "atrasadinha", "atrasadinho", "saio", "sair", "largo", "onibus",
     "uber", "metro", "trem", "carona", "busao"}
)  # fmt: skip


def about_arriving(words: tuple[str, ...]) -> bool:
    """Whether a clause speaks of getting to the visit and names no hour or day."""
    if not _ARRIVING.intersection(words) or any(c.isdigit() for w in words for c in w):
        return False  # a number may be an hour, its digits collapsed ("11" read "1")
    when = parse_when(" ".join(words), _ANY_DAY)
    return when is None or (when.at is None and when.day is None and when.between is None)
