"""A span said with its two bounds apart: "depois das 9 e antes das 11", "a partir das 14h
mas antes das 17" is the span from the first to the second (round 11), not the open span
after the first.

Already folded text, number words as digits.
"""

from __future__ import annotations

import re

_HOUR = r"(\d{1,2}(?::\d\d|h\d{0,2})?)"
_TWO_BOUNDS = re.compile(
    rf"\b(?:depois|apos|a partir) (?:d[ae]s? |as? )?{_HOUR},? (?:e |mas |so que )?"
    rf"antes (?:d[ae]s? |da )?{_HOUR}(?![\d/])"
)


def two_bounds_spanned(folded: str) -> str:
    """``folded`` with a span said by its two bounds written as "entre X e Y"."""
    return _TWO_BOUNDS.sub(r"entre \1 e \2", folded)
