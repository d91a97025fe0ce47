"""A first name said, then said again in full (round 9).

"eu sou a Ivone, Ivone Batista Moreira", "oi sou o lucas 😅 lucas martins costa": the
patient names themself, then corrects to the whole name. The first saying is dropped
when the same word opens the full name right after it, set apart only by punctuation or
a symbol, so the introduction reads as one name.
"""

from __future__ import annotations

import re

# A word, punctuation or a symbol (a space alone is no separator: "Maria Maria"), the word
# again followed by at least one more word.
_REPEATED = re.compile(r"\b([^\W\d_]{2,})\s*[^\w\s]+\s*(?=\1\s+[^\W\d_])", re.IGNORECASE)


def without_first_saying(text: str) -> str:
    """``text`` with a first name said before the same name in full dropped."""
    return _REPEATED.sub("", text, count=1)
