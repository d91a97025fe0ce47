"""Two clock times listed one after the other, without "ou" (round 16).

"sábado 9h, 9h30", "amanhã às 10h, 10h30", "sábado às 9, 9 e meia", "sábado 9 e meia,
10": the patient offers either, as "8:00 ou 9:00" does, and the bot must ask which;
counted by their hours alone (``when``'s hours named) two times in the same hour ("9h,
9h30") were one, and the first or the last was proposed. Both must be times: written on
the clock ("9h", "9:30") or with their minutes ("9 e meia"), the second may also be a
bare hour closing the message ("9 e meia, 10").

Already folded text (no commas), the numbers of dates taken out.
"""

from __future__ import annotations

import re


def _time(name: str) -> str:
    """A clock time on the clock or with its minutes, its parts named after ``name``."""
    return (
        rf"(?P<{name}>\d{{1,2}})(?::(?P<{name}c>\d\d)|h(?P<{name}h>\d\d)?"
        rf"|(?P<{name}e> e (?:meia|[0-5]\d)))"
    )


# The first may be an hour said bare after "às" or "tipo" when the second is a time ("às 9, 9 e
# meia"), or said bare alone before a time of that hour or the next ("sexta 9, 9:30"); the
# second may be a bare hour closing the message when the first is a time.
_LISTED = re.compile(
    rf"(?<![\d/:])(?:\b(?:as |a )?{_time('a')}|\b(?:as|a|umas|pelas|tipo) (?P<abare>\d{{1,2}})"
    rf"|\b(?P<anear>\d{{1,2}}))(?![\d/:]) "
    rf"(?:as |a )?(?:{_time('b')}(?![\d/:])|(?P<bbare>\d{{1,2}})\s*$)"
)


def _minutes(found: re.Match[str], name: str) -> int:
    if said := found[f"{name}e"]:
        words = said.removeprefix(" e ")
        return 30 if words == "meia" else int(words)
    return int(found[f"{name}c"] or found[f"{name}h"] or 0)


def times_listed(hours: str) -> bool:
    """Whether ``hours`` lists two different clock times one after the other."""
    for found in _LISTED.finditer(hours):
        if (found["abare"] or found["anear"]) and found["bbare"]:
            continue  # "as 9 10": no time written as one
        if found["anear"] and int(found["b"]) - int(found["anear"]) not in (0, 1):
            continue  # "pra 2 9:30": a count, then the time
        bare = found["abare"] or found["anear"]
        first = (int(found["a"]), _minutes(found, "a")) if found["a"] else (int(bare), 0)
        second = (int(found["b"]), _minutes(found, "b")) if found["b"] else (int(found["bbare"]), 0)
        if first != second:
            return True
    return False
