"""Two parts of the day asked about as either ("amanhã de manhã ou de noite?"): the
patient asks which the clinic has, or which is meant, and neither is read; the brain asks
back. Offered as either without a question ("de manhã ou de tarde, tanto faz") the day
stands with no part of it.

Read on the text as written, before folding drops the question mark.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.text import fold

_EITHER_ASKED = re.compile(
    r"\b(manha|tarde|noite) ou (?:a |de |da |pela |na )?(manha|tarde|noite) ?\?"
)
# "a consulta dele é sexta de manhã ou de tarde? esqueci": a question about one's own
# booking, forgotten, asks the clinic to look it up, not which part to book (round 13).
_FORGOTTEN = re.compile(r"\b(?:esqueci|nao (?:me )?lembro)\b")
# "a consulta de sexta é de manhã ou de tarde?": which part one's booking is in, asked of
# the clinic (round 14); "a consulta pode ser de manhã ou de tarde?" still asks which to
# book.
_BOOKING_IS = re.compile(
    r"\b(?:a|o|minha|meu)(?: minha| meu)? (?:consulta|exame|retorno|agendamento|horario)\b"
    r"(?: \w+){0,5}? "
    r"(?:e|eh|fica|ficou|vai ser|sera|(?:foi|ta|esta|ficou) (?:marcad|agendad)[ao]) "
    r"(?:de |a |pela |na )?(?:manha|tarde|noite) ou\b"
)
_SAID = {"manha": "de manhã", "tarde": "à tarde", "noite": "à noite"}


def either_part_asked(text: str) -> str | None:
    """The question to ask back when ``text`` asks about two parts of the day as either;
    None when it does not."""
    folded = fold(text.replace("?", " qmark "))
    match = _EITHER_ASKED.search(folded.replace(" qmark", "?"))
    if match is None or match[1] == match[2] or _FORGOTTEN.search(folded):
        return None
    if _BOOKING_IS.search(folded):
        return None
    return f"{_SAID[match[1]]} ou {_SAID[match[2]]}?"
