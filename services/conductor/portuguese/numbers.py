"""Number words as digits: "dez e meia" -> "10 e meia", "duas da tarde" -> "2 da tarde"."""

from __future__ import annotations

import re

from text_to_num import alpha2digit

# Weekdays are ordinals in Portuguese ("quarta" = fourth), and "dez" after a day is
# December: they must stay words; but "quinta 26, dez e meia" is half past ten (round 17).
# "umas" and "uns" ("umas sete") are "about", never the number one.
_KEPT = re.compile(
    r"\b(segunda|terca|quarta|quinta|sexta|umas|uns|(?<=\d )dez(?! e meia\b| horas?\b)"
    r"|(?<=\d de )dez)\b"
)
# One and two are left as words by the library (they are articles as often as numbers:
# "uma consulta"); they are digits only where a time or a count of days is meant.
_SMALL = {"um": "1", "uma": "1", "dois": "2", "duas": "2"}
_SMALL_AS_NUMBER = re.compile(
    r"\b(?:(?<=as )|(?<=das )|(?<=ate )|(?<=entre )|(?<=daqui a ))(um|uma|dois|duas)\b"
    r"|\b(um|uma|dois|duas)\b(?= (?:h\b|horas?\b|e meia\b|da (?:manha|tarde|noite)\b"
    r"|dias?\b|semanas?\b))"
    # "do dia dois" is the 2nd (round 12); "bom dia, um..." greets.
    r"|(?<=\bdia )(?<!bom dia )(um|dois)\b(?! pouco| tanto| dia| monte)"
)


def with_digits(folded: str) -> str:
    """Already folded text with its number words written as digits."""
    parts = _KEPT.split(folded)
    # split() with a group alternates: text, kept word, text, kept word, ...
    converted = [part if i % 2 else _digits(part) for i, part in enumerate(parts)]
    return _SMALL_AS_NUMBER.sub(lambda m: _SMALL[m[1] or m[2] or m[3]], "".join(converted))


def _digits(words: str) -> str:
    if not words.strip():
        return words
    lead = words[: len(words) - len(words.lstrip())]
    tail = words[len(words.rstrip()) :]
    return lead + str(alpha2digit(words.strip(), "pt")) + tail
