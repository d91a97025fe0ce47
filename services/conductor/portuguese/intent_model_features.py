"""What the intent model sees of a message: its words as the grammar normalises them
(folded, shorthand written out, long letters once), their Portuguese stems, pairs of
neighbouring words, and short runs of letters inside each word — these last meet a slip
of the keyboard ("desmacar", "consuta") halfway, where no rule knows it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from services.conductor.portuguese.shorthand import written_out
from services.conductor.portuguese.text import fold
from services.conductor.portuguese.vocabulary import stem

# A letter written long for emphasis ("Oii", "cancelarrr") counts once, as in the rules.
_ELONGATED = re.compile(r"([^\W\d_])\1+")
_NUMBER = re.compile(r"^\d+(?:[:h]\d*)?h?$")
CHAR_GRAMS = (3,)
"""Lengths of the runs of letters taken inside a word (with its edges marked)."""


def words_of(text: str) -> tuple[str, ...]:
    """The message's words, normalised as the rules read them; a number or a clock time
    is one word, "0", whatever its digits ("15h", "10:30", "26")."""
    folded = _ELONGATED.sub(r"\1", written_out(fold(text)))
    return tuple("0" if _NUMBER.match(word) else word for word in folded.split())


def features_of(text: str) -> frozenset[str]:
    """The features of a message, each counted once (a word said twice says no more)."""
    words = words_of(text)
    found: set[str] = {"w:" + word for word in words}
    found.update("s:" + stem(word) for word in words if word.isalpha())
    padded = ("^", *words, "$")
    found.update(f"b:{a}_{b}" for a, b in pairwise(padded))
    for word in words:
        if not word.isalpha() or len(word) < 3:
            continue
        edged = f"<{word}>"
        for n in CHAR_GRAMS:
            found.update("c:" + edged[i : i + n] for i in range(len(edged) - n + 1))
    if "?" in text:
        found.add("q:?")  # asked, not said: "ta confirmado?" looks a booking up
    return frozenset(found)
