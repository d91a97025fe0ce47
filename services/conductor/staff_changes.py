"""Bookings, moves and cancellations made at the front desk (the console appends them to
the patient's conversation): the conductor takes them in as if it had decided them, so
the reminders follow the appointment, the waiting list lets go of a cancelled one and
the time a cancellation frees is offered to the next patient waiting.

The conductor's own bookings and cancellations come back to it too; they are caused by
the entry that decided them, a staff member's by none. Taking one in twice changes
nothing: a booking already held, or a cancellation of an appointment no longer held, is
already in the conversation (a redelivery, or a replay of the log after a lost snapshot).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from events import Record
from events.schema import AppointmentBooked, AppointmentCancelled, ReminderScheduled
from services.conductor import reminders
from services.domain.conversation import Conversation, Stage

Change = AppointmentBooked | AppointmentCancelled


def made_by_staff(record: Record) -> Change | None:
    """The booking or cancellation ``record`` holds when nothing in the conversation
    caused it (a member of staff did); None otherwise."""
    event = record.envelope.event
    if isinstance(event, AppointmentBooked | AppointmentCancelled):
        return event if record.envelope.causation_id is None else None
    return None


def to_take_in(state: Conversation, change: Change) -> bool:
    """Whether the conversation has yet to take ``change`` in."""
    held = any(u.appointment_id == change.appointment_id for u in state.upcoming)
    return not held if isinstance(change, AppointmentBooked) else held


def reminders_of(
    state: Conversation, change: Change, offsets: Sequence[timedelta], now: datetime
) -> list[ReminderScheduled]:
    """The reminders a booking by hand gets: those of a booking by the bot, for a
    patient the bot talks with."""
    if isinstance(change, AppointmentBooked) and state.stage is Stage.REGISTERED:
        return reminders.plan(change, offsets, now)
    return []
