"""A service and the doctor who gives it, named as a choice (round 14).

"Eletrocardiograma - Dr. Bruno Tavares (cardiologista)", "Retorno dra Silvia Mendes",
"ultrassom com o doutor Paulo Lima", "Dr. Paulo - pediatra": a service and a doctor
named by name, and nothing else said, is what the patient picks from the clinic's list,
a booking. A verb or a
question word said with them asks something else ("a consulta com o dr Paulo ta
confirmada", "dr Bruno e cardiologista?") and is left to the other rules.

Text is folded and its doubled letters written once ("ultrassom" is "ultrasom").
"""

from __future__ import annotations

import re

from services.conductor.portuguese.timed_specialty import SPECIALTIES

_SERVICE = (
    r"(?:consulta|retorno|exame|exames|checkup|avaliacao|eletro\w*|ultrasom|ultrason\w*"
    rf"|ecocardiograma|mamografia|raio x|{'|'.join(SPECIALTIES)})"
)
_NAME_WORD = r"[^\W\d_]{2,}"
_CHOSEN = re.compile(
    rf"^{_SERVICE}(?: d[eoa] [^\W\d_]+)? (?:com )?(?:o |a )?(?:dr|dra|doutor|doutora)"
    rf" {_NAME_WORD}(?: {_NAME_WORD}){{0,3}}(?: {_SERVICE})?$"
    # The doctor first ("Dr. Paulo - pediatra").
    rf"|^(?:dr|dra|doutor|doutora)(?: {_NAME_WORD}){{1,4}} {_SERVICE}$"
)
_ASKING = re.compile(
    r"\b(?:e|eh|tem|atende|atendem|qual|quanto|quem|onde|quando|como|ta|esta|foi|ainda"
    r"|confirm\w*|cancel\w*|desmarc\w*|remarc\w*|vai|vem|sera)\b"
)


def doctor_chosen(words: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` only names a service and the doctor giving it."""
    del words
    return _CHOSEN.search(folded) is not None and _ASKING.search(folded) is None
