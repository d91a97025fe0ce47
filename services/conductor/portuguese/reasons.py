"""A part of the day given as a reason, not as the one wanted (round 8).

"sexta de manhã cedo porque de tarde ela faz hemodiálise", "amanhã de tarde, minha vó
só consegue de tarde pq de manhã ela tá na igreja", "dia 3? de tarde né pq de manhã
tenho aula": the part of the day after "porque", "pq", "pois" or an explaining "que"
says why the other is asked, so it is not meant — when another part of the day is named
outside a reason. Said alone ("pq de manhã fica melhor pra mim"), it stays the one meant.
What fills that part of the day may be said between ("pq ele tem aula de tarde", round
10); a wish for it ("pq ela só pode de tarde") is none.

Already folded text.
"""

from __future__ import annotations

import re

# Words that say the part of the day after them is the one wanted, not a reason.
_WISHED = (
    r"(?:so|pode|podem|consegue|conseguem|consigo|posso|prefere|prefiro|melhor|quer|quero|da)\b"
)

_REASON_PERIOD = re.compile(
    r"\b(?:porque|pq|porq|por que|pois|que) (?:de |a |pela |na parte da )?(manha|tarde|noite)\b"
    # What fills that part of the day said between (round 10): "pq ele tem aula de
    # tarde", "porque ela trabalha a noite"; not a wish for it ("pq só pode de tarde").
    rf"|\b(?:porque|pq|porq|por que|pois) (?:(?!{_WISHED})\w+ ){{1,4}}?"
    r"(?:de |a |pela |na parte da )(manha|tarde|noite)\b"
    # The reason said first, its consequence after "então" (round 13): "ela estuda de
    # manhã então só pode de tarde".
    r"|\b(?:de |a |pela |na parte da )(manha|tarde|noite) (?:entao|por isso|ai|dai) "
    rf"(?:(?:ela|ele|eu|so) )*{_WISHED}"
)


def reasons_periods(folded: str) -> set[str]:
    """The parts of the day named only in a clause of reason."""
    return {match[1] or match[2] or match[3] for match in _REASON_PERIOD.finditer(folded)}
