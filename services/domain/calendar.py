"""The calendar behind the scheduling tools; embedded (Redis) or Google Calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from services.domain.schedule import Span


class SlotTaken(Exception):
    """Someone else holds that slot."""


class CalendarUnavailable(Exception):
    """The calendar could not say what is busy: nothing may be offered or booked from it
    (taking an unknown answer for "all free" would double-book)."""


@dataclass(frozen=True, slots=True)
class Booking:
    """An appointment as the calendar holds it. ``appointment_id`` derives from the event
    that decided the booking, so deciding twice books once."""

    appointment_id: str
    subject: str
    start: datetime
    end: datetime
    calendar_entry_id: str = ""
    professional: str = ""  # "": the one professional of a clinic without a clinic file
    service: str = ""
    until: datetime | None = None  # the time is kept until then (buffer); None: ``end``
    # The subject's own appointment this one replaces (a move), cancelled right after: its
    # time is no obstacle to this one's.
    moves: str = ""

    @property
    def kept_until(self) -> datetime:
        """The end of the time the booking keeps its professional from others."""
        return self.until or self.end


class Calendar(Protocol):
    async def busy(self, start: datetime, end: datetime, professional: str = "") -> list[Span]:
        """The professional's busy intervals that overlap [start, end), soonest first.

        Raises :class:`CalendarUnavailable` when the calendar cannot tell.
        """

    async def book(self, booking: Booking) -> Booking:
        """Book, or return the booking already made under the same appointment id.

        Raises :class:`SlotTaken` when another appointment of the professional overlaps
        the time the booking keeps.
        """

    async def cancel(self, appointment_id: str) -> Booking | None:
        """Cancel; the cancelled booking, or None if there was no such live booking."""

    async def cancelled(self, appointment_id: str) -> Booking | None:
        """The booking as it stood, if the calendar holds it cancelled: what a retried
        cancellation, finding it done already, still records and answers."""

    async def bookings_of(self, subject: str) -> list[Booking]:
        """The subject's live bookings, earliest first."""

    async def forget(self, subject: str, tombstone: str) -> int:
        """Unlink ``subject`` from every booking held for them (live, past or cancelled):
        what stays belongs to ``tombstone``, and ``bookings_of(subject)`` finds nothing.
        How many bookings were unlinked; forgetting again unlinks none."""
