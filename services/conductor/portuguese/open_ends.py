"""An hour said with "ou mais tarde" or "em diante" is the span from it (rounds 13, 15).

"amanhã às 4 da tarde ou mais tarde", "sexta 10h ou depois", "quinta às 9 ou mais pra tarde": the
patient allows that hour and any later one, so the span from it is what is meant, and no
exact time is proposed. "ou depois de amanhã" names another day, not a later hour, and
stays as it is. "umas 11 em diante", "das 14h pra frente" likewise open the span from the
hour; "do dia 5 em diante" is a day, not an hour, and is left. "9h ou mais cedo" is left
to the hour it names: the earlier hours are offered only if the clinic has them, and the
hour itself is the one asked for.

A span said without its "das" (round 16): "amanhã 14 às 16", "amanhã 10h às 11h" is the
span from the first hour to the second, not the second hour ("dia 2 às 10", "02/12 às 10"
and a first number larger than the second are a day and its hour, and left).

Already folded text, number words as digits.
"""

from __future__ import annotations

import re

_LATER = re.compile(
    r"\b(?:(?:as|a|das|pras|pra|para as|para) )?"
    r"(\d{1,2}(?:h\d{0,2}|:\d\d| ?horas?)?(?: e meia)?(?: (?:da|de) (?:manha|tarde|noite))?)"
    r",? ou (?:mais tarde|depois(?! d[aeo]s?\b)|mais pra tarde)\b"
)

_ONWARDS = re.compile(
    r"\b(?:(?:as|a|das|de|umas|pelas|partir das) )?(?<!dia )"
    r"(\d{1,2}(?:h\d{0,2}|:\d\d| ?horas?)?(?: e meia)?(?: (?:da|de) (?:manha|tarde|noite))?)"
    r",? (?:em diante|pra frente|para frente)\b"
)

_BARE_SPAN = re.compile(
    r"(?<![\d/:])(?<!dia )(?<!das )(?<!de )(?<!entre )\b(\d{1,2})(h|:\d\d)? as (\d{1,2})(h|:\d\d)?"
    r"(?![\d/:])"
)


def _spanned(match: re.Match[str]) -> str:
    first, last = int(match[1]), int(match[3])
    return f"das {match[0]}" if first < last <= 23 else match[0]


def later_opened(folded: str) -> str:
    """``folded`` with "<hour> ou mais tarde" and "<hour> em diante" written as the span
    from that hour, and "<hour> às <hour>" as the span between them."""
    folded = _ONWARDS.sub(r"a partir das \1", _LATER.sub(r"a partir das \1", folded))
    return _BARE_SPAN.sub(_spanned, folded)
