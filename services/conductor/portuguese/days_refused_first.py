"""A day refused before it is named, then another day asked (round 16).

"nao consigo dia 1, só no dia 9 de manhã", "não posso segunda, pode ser terça às 10?",
"não dá na quinta, só sexta de manhã": the day after "não posso/consigo/dá" is the one
the patient cannot make, and the day named after it is the one meant. Only a day said
bare after the refusal: "não posso amanhã de manhã, só à tarde" refuses the morning, not
the day. Set aside only when another day is named after it; a refusal alone ("não posso
segunda") is read as before, and cancelling keeps it (the day cancelled is the booking's,
see ``not_meant``).

Already folded text, number words as digits, weekdays written out.
"""

from __future__ import annotations

import re

_DAY = (
    r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo|amanha|hoje|depois de amanha"
    r"|dia \d{1,2}(?:/\d{1,2})?|\d{1,2}/\d{1,2})(?: feira)?"
)
# What turns to the day asked instead ("só", "mas", "pode ser", "prefiro").
_TURN = (
    r"(?:so|mas|entao|pode|podia|prefiro|preferia|tem|teria|que tal|melhor|seria|quem sabe"
    r"|queria|quero|consigo|posso|da)"
)
_REFUSED_FIRST = re.compile(
    rf"\b(nao (?:posso|consigo|da|vai dar|rola|pode|consegue|vou poder|vou conseguir)"
    rf"(?: ir)?(?: (?:na|no|o|a|pra|para|pro))?) {_DAY}(?= {_TURN}\b)"
)
_DAY_NAMED = re.compile(rf"\b{_DAY}\b")


def days_refused_first(folded: str) -> str:
    """``folded`` without a day refused before it is named, when another day follows."""
    found = _REFUSED_FIRST.search(folded)
    if found is None or not _DAY_NAMED.search(folded[found.end() :]):
        return folded
    return f"{folded[: found.start()]}{found[1]}{folded[found.end() :]}"
