"""A call asked for: a person wanted (round 16).

"liga pra mim pfv, nao sei mexer nisso", "me liga por favor", "me ligue amanhã": the
patient wants someone of the clinic on the phone, though not knowing how to use the
chat is said too (that alone would be help). A call told of ("me ligaram ontem", "vocês
não me ligaram") or refused ("não precisa me ligar") asks for none.
"""

from __future__ import annotations

import re

_CALL_ASKED = re.compile(r"\b(?:liga|ligue|ligem) (?:para|pra) mim\b|\bme (?:liga|ligue|ligem)\b")
_NOT_ASKED = re.compile(r"\b(?:nao|num|nem) (?:precisa )?(?:me )?lig\w*|\bligaram\b|\brecebi\b")


def call_asked(words: tuple[str, ...], folded: str) -> bool:
    """Whether the folded message asks the clinic to call the patient."""
    del words
    return _CALL_ASKED.search(folded) is not None and _NOT_ASKED.search(folded) is None
