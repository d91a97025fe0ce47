"""Messages that ask nothing of a clinic's care (round 11).

- An advert: a click urged ("clique aqui", "clica no link") or a link sent
  ("bit.ly/xyz123", "www..."), as spam is, in capitals or not.
- A job sought: "vcs tem vaga de emprego pra recepcionista?", a résumé sent.

Both are read as nothing asked (the brain asks), never as a question about the clinic.
"""

from __future__ import annotations

import re

_ADVERT = re.compile(
    r"\b(?:clique|clica|clicar|acesse|acessa) (?:aqui|no link|neste link|nesse link|agora)\b"
    r"|\b(?:https?|www|bit ly)\b"
)
_JOB = re.compile(r"\b(?:vagas? de (?:emprego|trabalho|estagio)|curriculo|curriculos)\b")


def care_not_asked(words: tuple[str, ...], folded: str) -> bool:
    """Whether the folded message is an advert or a job sought."""
    del words
    return _ADVERT.search(folded) is not None or _JOB.search(folded) is not None
