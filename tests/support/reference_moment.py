"""The corpus's reference moment (Tuesday 24 November 2026, 09:00), the proposal its
answers files reply to (Tuesday 01/12 at 10:00), and reading at that moment."""

from datetime import date, datetime

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.when import When, parse_when
from services.conductor.proposal_change import on_proposed_day

TUESDAY = date(2026, 11, 24)
NINE = datetime(2026, 11, 24, 9)
PROPOSED = datetime(2026, 12, 1, 10)


def read_when(text: str) -> When | None:
    """The time ``text`` names, read at the reference moment."""
    return parse_when(text, TUESDAY, now=NINE)


def confirmed(text: str) -> bool | None:
    """``text`` read as an answer to the proposal: yes, no, or neither."""
    return confirmation_answer(text, PROPOSED, TUESDAY)


def asked_after_no(text: str) -> When | None:
    """The time a no to the proposal asks for, as the brain reads it."""
    return on_proposed_day(read_when(text), PROPOSED, text)
