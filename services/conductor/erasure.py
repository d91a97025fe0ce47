"""What the conductor does when a data subject is erased: the calendar lets them go.

Their bookings still ahead are cancelled, or, where the clinic keeps the slots, stay booked
under a random tombstone subject; either way every booking the calendar held for them is
unlinked from their chat key. A recycled number gets the same chat key, so this is what
keeps the next owner from seeing the previous one's appointments. Each cancellation is
recorded (reason ``erasure``), so a replay builds the same read models; the reminders'
timers go in the same commit.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from events.schema import CANCELLED_ON_ERASURE, AppointmentCancelled
from services.domain.calendar import Booking, Calendar
from services.domain.conversation import Upcoming


class ErasedBookings(StrEnum):
    """What becomes of an erased subject's bookings still ahead."""

    CANCEL = "cancel"  # the slots are free again
    KEEP = "keep"  # the slots stay taken, by nobody anyone can name


def cancellations(
    upcoming: Iterable[Upcoming], live: Iterable[Booking], now: datetime
) -> list[AppointmentCancelled]:
    """The cancellations an erasure decides: every appointment not yet started, whether
    the log (``upcoming``) or the calendar (``live``) knows it, each once, soonest first.

    The log's list makes a retried erasure record what a first attempt already cancelled
    in the calendar before failing to commit."""
    ahead: dict[str, AppointmentCancelled] = {}
    for u in upcoming:
        ahead[u.appointment_id] = AppointmentCancelled(
            appointment_id=u.appointment_id,
            calendar_entry_id=u.appointment_id,
            start=u.start,
            reason=CANCELLED_ON_ERASURE,
        )
    for b in live:
        ahead[b.appointment_id] = AppointmentCancelled(
            appointment_id=b.appointment_id,
            calendar_entry_id=b.calendar_entry_id or b.appointment_id,
            start=b.start,
            reason=CANCELLED_ON_ERASURE,
            professional=b.professional,
            service=b.service,
        )
    return sorted(
        (c for c in ahead.values() if c.start > now), key=lambda c: (c.start, c.appointment_id)
    )


def tombstone() -> str:
    """A subject nobody is: random, so it links no two erasures and names no one."""
    return "t" + secrets.token_hex(16)


async def let_go(
    calendar: Calendar,
    subject: str,
    upcoming: Iterable[Upcoming],
    now: datetime,
    erased_bookings: ErasedBookings,
) -> list[AppointmentCancelled]:
    """Cancel (unless kept) the subject's bookings ahead and unlink every booking of
    theirs; the cancellations to record. Doing it again cancels and unlinks nothing more."""
    cancelled: list[AppointmentCancelled] = []
    if erased_bookings is ErasedBookings.CANCEL:
        cancelled = cancellations(upcoming, await calendar.bookings_of(subject), now)
    # Unlinked first: a Google event is stripped of its subject while it is still live.
    await calendar.forget(subject, tombstone())
    for cancellation in cancelled:
        await calendar.cancel(cancellation.appointment_id)
    return cancelled
