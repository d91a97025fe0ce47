"""Punctuation said aloud in a dictated answer (round 18).

A voice keyboard, or a patient dictating to one, writes the marks as words: "sim vírgula
autorizo ponto", "Sim vírgula pode confirmar ponto", "não vírgula obrigada ponto". The
words are written back as the marks before the answer is read, so that its clauses part
as typed ones do and a "ponto de interrogação" still asks.

"ponto" is a mark only where no determiner or preposition stands before it and no "de"
follows ("o ponto de ônibus", "às 10 em ponto", "qual ponto eu desço" stay words).
"""

from __future__ import annotations

import re

_ASKED = re.compile(r"\b(?:ponto\s+de\s+)?interroga[cç][aã]o\b", re.IGNORECASE)
_EXCLAIMED = re.compile(r"\b(?:ponto\s+de\s+)?exclama[cç][aã]o\b", re.IGNORECASE)
_COMMA = re.compile(r"\s*\bv[ií]rgula\b", re.IGNORECASE)
_STOP = re.compile(
    r"(?<!\bno )(?<!\bdo )(?<!\bo )(?<!\bum )(?<!\bao )(?<!\bem )(?<!\bqual )"
    r"(?<!\bque )(?<!\besse )(?<!\bnesse )(?<!\bpelo )(?<!\bde )(?<!\bmeu )(?<!\bseu )"
    r"\bponto(?:\s+final)?\b(?!\s+de\b)",
    re.IGNORECASE,
)


def with_marks_written(text: str) -> str:
    """``text`` with the marks said as words ("vírgula", "ponto") written as marks."""
    text = _ASKED.sub("?", text)
    text = _EXCLAIMED.sub("!", text)
    return _STOP.sub(".", _COMMA.sub(",", text))
