"""What one may do before an exam or a session, asked (round 17).

Already folded text, doubled letters written once. "pode usar desodorante no dia da
mamografia?", "posso tomar café antes do exame de sangue?", "precisa ir de jejum pra
fazer o ultrason?": how to come prepared is a question about the clinic's care, not a
booking, though the exam is named with its day.

The line: a booking verb said beside it ("pode marcar no dia da consulta?") is left to
the other rules.
"""

from __future__ import annotations

import re

_CARE = (
    r"(?:exame|mamografia|ultrasom|ultra|ecocardiograma|eco|holter|eletro\w*|ressonancia"
    r"|tomografia|raio x|coleta|cirurgia|sesao|consulta|endoscopia|colonoscopia|papanicolau"
    r"|preventivo|densitometria|biopsia|fisio\w*|limpeza|extracao)"
)
_PREPARING = re.compile(
    r"\b(?:pode|posso|precisa|preciso|tem que|devo|da pra)\b (?:\w+ ){1,4}?"
    r"(?:no dia d[aoe]|antes d[aoe]|depois d[aoe]|(?:para|pra) fazer [ao])"
    rf" (?:\w+ )?{_CARE}\b"
)
_BOOKING = re.compile(r"\b(?:marc|agend|cancel|desmarc|remarc|reagend|mud|troc|pas+ar)\w*")


def preparation_asked(folded: str) -> bool:
    """Whether ``folded`` asks what one may do before an exam or a session."""
    return _PREPARING.search(folded) is not None and _BOOKING.search(folded) is None
