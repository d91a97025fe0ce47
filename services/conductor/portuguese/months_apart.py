"""A month named apart from the day of it (round 15).

"vcs tem vaga pra dezembro? tipo dia 17", "dia 5 de manhã tem? já sei que novembro já foi,
dezembro": the month is said in a clause of its own, before or after a bare "dia N", and
it is that day's month. Only a month asked for ("pra dezembro") or said alone at the end
counts, by its whole name ("dez" is also ten), the last one when there are two (the one
put right), and only beside one bare "dia N": two days named are left to the rules that
ask. A month of something else ("tenho um casamento em dezembro") is not the day's.

Already folded text, number words as digits.
"""

from __future__ import annotations

import re

_MONTHS = "janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"
# A month that belongs to a day said with it ("dia 5 de dezembro", "dezembro dia 5").
_ATTACHED = re.compile(
    rf"\b\d{{1,2}} (?:de )?(?:{_MONTHS})\b|\b(?:{_MONTHS}),? (?:no )?dia\b|\b\d{{1,2}}/\d{{1,2}}"
)
# The month asked for ("vaga pra dezembro?") or said last, alone ("..., dezembro"); one in a
# clause of its own ("tenho um casamento em dezembro") may be another thing's.
_MONTH = re.compile(rf"\b(?:pra|para|pro mes de|no mes de) ({_MONTHS})\b|\b({_MONTHS})\s*$")
_BARE_DAY = re.compile(r"\bdia (\d{1,2})\b(?!/| (?:de )?(?:" + _MONTHS + r")\b)")
# The month said first ("pra dezembro dia 17", "janeiro, no dia 5", round 18): written the
# usual way round, so that the day is read as that month's and never asked about as a day
# of this month just gone by.
_MONTH_FIRST = re.compile(
    rf"\b({_MONTHS}),? (?:no )?dia (\d{{1,2}})\b"
    r"(?!/| (?:de )?\d| (?:ou|e|a|ate) (?:o |dia )?\d)"  # two days named: left to be asked
)


def months_attached(folded: str) -> str:
    """``folded`` with a month named apart written after the one bare "dia N" it names."""
    folded = _MONTH_FIRST.sub(r"dia \2 de \1", folded)
    if _ATTACHED.search(folded):
        return folded
    months = [match[1] or match[2] for match in _MONTH.finditer(folded)]
    days = list(_BARE_DAY.finditer(folded))
    if not months or len(days) != 1:
        return folded
    day = days[0]
    return f"{folded[: day.end()]} de {months[-1]}{folded[day.end() :]}"
