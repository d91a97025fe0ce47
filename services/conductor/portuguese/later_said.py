"""Later or earlier than something ("mais tarde", "mais cedo"): no part of the day (round 18).

"consigo vaga pra vacina na quinta à noite? vcs atendem até mais tarde?": the evening is
the part wanted, and "mais tarde" only asks whether the clinic is open late. Beside a
part of the day named outright, such a comparison is set aside; said alone ("tem mais
tarde?") it is read as before.

Already folded text.
"""

from __future__ import annotations

import re

_COMPARED = re.compile(r"\bmais (?:tarde|cedo)\b|\btarde demais\b")
_PART = re.compile(r"\b(?:manha|tarde|noite)\b")
# A part refused ("de manhã não, mais tarde") is none wanted: "mais tarde" is then the
# answer, and stays.
_REFUSED = re.compile(
    r"\b(?:manha|tarde|noite),? nao\b|\bnao \w+(?: \w+)? (?:de |a |pela )?(?:manha|tarde|noite)\b"
)


def later_set_aside(folded: str) -> str:
    """``folded`` without "mais tarde" and its like, when a part of the day is named
    outside them."""
    without = _COMPARED.sub(" ", folded)
    return without if _PART.search(_REFUSED.sub(" ", without)) else folded
