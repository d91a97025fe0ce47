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


# The first name said with a remark, or as one is called, then the whole name in the last
# part (round 16: "é o joao pedro ele tem 7 anos, joao pedro sales teixeira", "é o
# pedrinho, Pedro Henrique Alves"): the whole name, three words or more, opening with the
# word said before it, or its first four letters.
_SAID_AGAIN_IN_FULL = (
    re.compile(r"^.*\b([^\W\d_]{2,})\b.*[,.;]\s*(\1(?:\s+[^\W\d_]+){2,})\s*[.!]*$", re.IGNORECASE),
    re.compile(
        r"^.*\b([^\W\d_]{4})[^\W\d_]*\b.*[,.;]\s*(\1[^\W\d_]*(?:\s+[^\W\d_]+){2,})\s*[.!]*$",
        re.IGNORECASE,
    ),
)


def without_first_saying(text: str) -> str:
    """``text`` with a first name said before the same name in full dropped."""
    for said_again in _SAID_AGAIN_IN_FULL:
        if again := said_again.match(text):
            return again[2]
    return _REPEATED.sub("", text, count=1)
