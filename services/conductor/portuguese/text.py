"""Normalising what people type: case, accents, punctuation, spacing."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w:/]+")


def fold(text: str) -> str:
    """Lower case, no accents, words separated by single spaces ("Amanhã às 15h!" ->
    "amanha as 15h")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", plain).strip()


def has_any(folded: str, phrases: tuple[str, ...]) -> bool:
    """Whether any phrase occurs as whole words in already folded text."""
    padded = f" {folded} "
    return any(f" {phrase} " in padded for phrase in phrases)
