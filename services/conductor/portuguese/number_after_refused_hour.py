"""A bare number asked after an hour refused in the same message, or offered if the hour
asked is not free, is an hour (round 16).

"tem vaga quinta, dia 26, às 9? não, pera, às 9 eu não consigo, pode ser 11": set
against the hour refused, the 11 is another hour, not the 11th; as "amanhã às 16, ou
melhor, 17" (``corrections``) it takes the refused hour's place. Only when the hour
refused is written as an hour ("às 9", "9h", "9 horas") on a day said before it, and the
number ends the message after a word that asks it ("pode ser", "que tal", "tem",
"então"); "dia 9 não dá, pode ser 11" (a day refused) is left as it was, and so is "9h
não dá, pode ser 11?" with no day (round 14: the number may be a day). The number keeps
the rules of any hour: "pode ser 3" is still asked (3 in the morning or the afternoon).

"amanhã às 10 tem? se não tiver, 11 serve": the 11 is the hour offered instead, so two
hours are named, and which is asked (as "9h, se não tiver pode ser 10h", round 8).

Already folded text, number words as digits.
"""

from __future__ import annotations

import re

_REFUSED_THEN_NUMBER = re.compile(
    r"(?:\b(?:as|a) \d{1,2}(?::\d\d|h\d{0,2}| ?horas?)?|(?<!dia )\b\d{1,2}(?::\d\d|h\d{0,2}"
    r"| ?horas?))(?: (?:eu|ele|ela|a gente|nos))? (?:nao|n|num) (?:consigo|posso|da|rola"
    r"|vai dar|consegue|pode|vou conseguir|vou poder)\b(?: \w+){0,3}? (?:pode ser|podia ser"
    r"|poderia ser|que tal|tem|teria|entao|mas|so|prefiro|seria) (\d{1,2})\s*$"
)

# The day the hour refused was asked on, said before it: without one ("9h não dá, pode
# ser 11?" answering a proposal for 10h) the number may still be a day, and is left.
_DAY_SAID = re.compile(
    r"\b(?:hoje|amanha|segunda|terca|quarta|quinta|sexta|sabado|domingo|dia \d{1,2})\b|\d/\d"
)


# Another hour offered bare if the first is not free ("amanhã às 10 tem? se não tiver, 11
# serve"): two hours, asked which, as "9h, se não tiver pode ser 10h" is.
_OTHER_IF_NOT = re.compile(
    r"\b(?:as |a )?\d{1,2}(?::\d\d|h\d{0,2}| ?horas?)?\b(?: \w+){0,3}? (?:se nao (?:tiver|der|puder"
    r"|rolar|for possivel)|senao|se nao)(?: (?:pode ser|tem|serve))? (\d{1,2})"
    r"(?= serve| pode ser| ta bom| tambem| da\b|\s*$)"
)


def number_after_refused_hour(folded: str) -> str:
    """``folded`` with a bare number asked after an hour refused, or offered if the hour
    asked is not free, written as an hour."""
    if other := _OTHER_IF_NOT.search(folded):
        folded = f"{folded[: other.start(1)]}as {folded[other.start(1) :]}"
    found = _REFUSED_THEN_NUMBER.search(folded)
    if found is None or not _DAY_SAID.search(folded[: found.start()]):
        return folded
    return f"{folded[: found.start(1)]}as {found[1]}"
