"""One's own therapist or doctor, asked to be talked to directly (round 18).

Already folded text. "gostaria de falar diretamente com a minha psicóloga, é possível?",
"quero falar direto com o meu médico": the patient wants the person who treats them on
the line, not a booking, though a professional is named.

The line: "diretamente" or "direto", or the professional called one's own ("a minha
psicóloga"), must be said; a consultation wanted to talk to someone ("queria uma
consulta pra falar com o médico") or a booking verb beside it stays a booking.
"""

from __future__ import annotations

import re

_PROFESSIONAL = (
    r"(?:psicologa|psicologo|psiquiatra|terapeuta|medica|medico|doutora|doutor|dra|dr"
    r"|dentista|nutricionista|nutri|fisioterapeuta|fisio|fonoaudiologa|fono|pediatra)"
)
_TALK = r"\bfalar (?:diretamente |direto )?com (?:a |o )?"
_DIRECTLY = re.compile(
    rf"\bfalar (?:diretamente|direto) com (?:a |o )?(?:minha |meu )?{_PROFESSIONAL}\b"
    rf"|{_TALK}(?:minha |meu )?{_PROFESSIONAL}\b(?: \w+)? (?:diretamente|direto)\b"
    rf"|{_TALK}(?:minha|meu) {_PROFESSIONAL}\b"
)
_BOOKING = re.compile(r"\b(?:consulta|sesao|marc\w*|agend\w*|remarc\w*|desmarc\w*|cancel\w*)")


def own_professional_wanted(folded: str) -> bool:
    """Whether ``folded`` asks to talk directly with one's own therapist or doctor."""
    return _DIRECTLY.search(folded) is not None and _BOOKING.search(folded) is None
