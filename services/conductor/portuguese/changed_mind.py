"""A request taken back and another made in the same message (round 11).

"queria desmarcar... nao pera, melhor marcar outra consulta pro meu marido", "queria
remarcar... ah quer saber, cancela mesmo": after a mark of second thoughts ("não pera",
"quer saber", "pensando bem", "mudei de ideia") set apart by dots or a comma, the request
that follows is the one meant, when it names an act of booking of its own (marcar,
cancelar, remarcar, trocar...). A time alone after the mark ("remarcar pra quinta, pensando
bem sexta") leaves the first request standing; "na verdade" and "aliás" put a fact right
("marquei pra quinta mas confundi o dia, na verdade so posso na sexta, da pra mudar?"),
not the request, and are no mark.
"""

from __future__ import annotations

import re
import unicodedata

from services.conductor.portuguese.text import fold

_SECOND_THOUGHTS = re.compile(
    r"(?:\.{2,}|\u2026|,)\s*(?:ah |ai |eh )?(?:nao pera|pera|espera|quer saber|pensando bem"
    r"|mudei de ideia)\b[,.!]*\s*",
)
_ACT = re.compile(r"\b(?:marc|agend|cancel|desmarc|remarc|reagend|troc|mud)\w*")


def request_after_second_thoughts(text: str) -> str | None:
    """What follows the last mark of second thoughts in ``text``, when it names an act of
    booking; None otherwise."""
    marks = list(_SECOND_THOUGHTS.finditer(_lowered(text)))
    if not marks:
        return None
    after = text[marks[-1].end() :]
    return after if _ACT.search(fold(after)) else None


def _lowered(text: str) -> str:
    """``text`` lower-cased and without accents, letter for letter (punctuation kept, the
    same length), so positions found in it hold in ``text``."""
    return "".join(unicodedata.normalize("NFKD", c)[0].lower()[:1] or c for c in text)
