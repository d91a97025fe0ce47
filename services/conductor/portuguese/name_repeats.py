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


# The whole name, then in a part of its own the short form of its first name one is
# called by ("francine scheidt, fran", "Gabriela Souza, gabi", round 18): four letters at
# most opening as the first name does ("Maria" after "Mariana" is a name of its own).
_SHORT_FORM_AFTER = re.compile(
    r"^\s*(([^\W\d_]+)(?:\s+[^\W\d_]+)*)\s*[,.;]\s*([^\W\d_]{2,})\s*[.!]*$"
)


def without_short_form_after(text: str) -> str:
    """``text`` without the short form of its first name said after the whole name."""
    said = _SHORT_FORM_AFTER.match(text)
    if said is None:
        return text
    first, short = said[2].lower(), said[3].lower()
    shortened = len(short) <= 4 < len(first) and first.startswith(short[:3])
    return said[1] if shortened else text
