"""A message owned as sent by mistake, and nothing else asked (round 17).

Already folded text. "opa foi sem querer", "desculpa o audio cortado, tava no onibus",
"ops mandei errado": the writer takes back what they sent, or excuses how it came; the
clinic is asked for nothing, so it is no request for help either.

The line: a request said beside it ("foi sem querer, pode confirmar", "mandei errado, quero
cancelar") is left to the other rules.
"""

from __future__ import annotations

import re

_OWNED = re.compile(
    r"^(?:(?:opa|ops|oops|ih|eita|desculpa|desculpe|foi mal|perdao)\s+)*"
    r"(?:(?:foi|mandei|enviei|apertei|cliquei)(?: isso)? sem querer|foi engano|mandei errado"
    r"|enviei errado|(?:(?:desculpa|desculpe|foi mal)(?: pelo| pela| o| a)?)"
    r" (?:audio|mensagem|msg|figurinha) (?:cortad[oa]|errad[oa]|picotad[oa]|sem querer))\b"
)
_ASKS = re.compile(
    r"\b(?:marc|agend|cancel|desmarc|remarc|reagend|consult|confirm|pode|quero|queria|preciso"
    r"|gostaria|horario|sim|nao|qual|quando|onde|como|tem)\w*"
)


def sent_by_mistake(folded: str) -> bool:
    """Whether ``folded`` only owns a message as sent by mistake."""
    return _OWNED.search(folded) is not None and _ASKS.search(folded) is None
