"""The corpus's reference moment (Tuesday 24 November 2026, 09:00) and reading at it."""

from datetime import date, datetime

from services.conductor.portuguese.when import When, parse_when

TUESDAY = date(2026, 11, 24)
NINE = datetime(2026, 11, 24, 9)


def read_when(text: str) -> When | None:
    """The time ``text`` names, read at the reference moment."""
    return parse_when(text, TUESDAY, now=NINE)
