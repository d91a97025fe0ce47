"""What the bot does for a patient who has missed appointments before: after
``NO_SHOW_CONFIRMATION_AFTER`` no-shows, a booking stands only if the patient confirms it
by reply ("confirmo", answering a reminder) up to ``NO_SHOW_CONFIRM_BY_HOURS`` before it;
otherwise the time is released for other patients, and the patient is told.

The deadline is a timer like the reminders' (a ``reminder.scheduled`` whose id ends in
``RELEASE``), decided with the booking and kept in the log, so a replay sees the same
release; the count comes from ``appointment.no_show`` events in the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from events.schema import (
    AppointmentBooked,
    AppointmentCancelled,
    DomainEvent,
    ReminderDue,
    ReminderScheduled,
    ReplyRequested,
)
from services.conductor.portuguese.speech import spoken
from services.domain.calendar import Calendar
from services.domain.conversation import Conversation, Upcoming, reminder_due

RELEASE = "-confirm-by"
RELEASED = (
    "Como a consulta de *{when}* não foi confirmada, liberamos o horário para outro "
    "paciente. Se quiser, marque outro horário escrevendo *marcar*."
)
MUST_CONFIRM = (
    "Atenção: como houve faltas em consultas anteriores, esta só fica marcada se você "
    "confirmar respondendo *confirmo* até *{deadline}*; sem confirmação, o horário é liberado."
)


@dataclass(frozen=True, slots=True)
class NoShowPolicy:
    """After how many no-shows (0: never) a booking must be confirmed, and by how long
    before its start."""

    after: int = 2
    confirm_by: timedelta = timedelta(hours=6)

    def deadline(self, state: Conversation, start: datetime, now: datetime) -> datetime | None:
        """When a booking at ``start`` must be confirmed by, for this patient; None when
        it stands without (few no-shows, or too close to the start for a deadline)."""
        if self.after <= 0 or state.no_shows < self.after:
            return None
        deadline = start - self.confirm_by
        return deadline if deadline > now else None


def with_deadline(question: str, confirm_by: str | None) -> str:
    """A proposal's question, with by when the booking must be confirmed if it must
    (``confirm_by``: the deadline on the clinic's wall clock)."""
    if confirm_by is None:
        return question
    deadline = spoken(datetime.fromisoformat(confirm_by))
    return f"{question}\n\n{MUST_CONFIRM.format(deadline=deadline)}"


def release_timer(booked: AppointmentBooked, deadline: datetime) -> ReminderScheduled:
    """The timer that releases ``booked`` at ``deadline`` unless it was confirmed."""
    return ReminderScheduled(
        reminder_id=f"{booked.appointment_id}{RELEASE}",
        appointment_id=booked.appointment_id,
        start=booked.start,
        due_at=deadline,
    )


def awaiting_confirmation(state: Conversation) -> str | None:
    """The first appointment that stands only if confirmed and is not yet: what a
    "confirmo" refers to, even before any reminder asked."""
    for upcoming in state.upcoming:
        if not upcoming.confirmed and any(r.endswith(RELEASE) for r in upcoming.reminders):
            return upcoming.appointment_id
    return None


def is_release(due: ReminderDue) -> bool:
    """Whether a due timer is a confirmation deadline, not a reminder to send."""
    return due.reminder_id.endswith(RELEASE)


def to_release(state: Conversation, due: ReminderDue) -> Upcoming | None:
    """The appointment a due deadline releases: still standing as booked, unconfirmed."""
    upcoming = reminder_due(state, due)
    return upcoming if upcoming is not None and not upcoming.confirmed else None


async def release(
    calendar: Calendar, upcoming: Upcoming, *, reply_id: str, chat_id: str, when: str
) -> list[DomainEvent]:
    """Cancels an unconfirmed booking at its deadline and tells the patient; nothing if
    the calendar no longer holds it. Found cancelled already (by an attempt whose
    commit did not land), it is recorded and told all the same."""
    cancelled = await calendar.cancel(upcoming.appointment_id)
    cancelled = cancelled or await calendar.cancelled(upcoming.appointment_id)
    if cancelled is None:
        return []
    return [
        AppointmentCancelled(
            appointment_id=cancelled.appointment_id,
            calendar_entry_id=cancelled.calendar_entry_id,
            start=cancelled.start,
            professional=cancelled.professional,
            service=cancelled.service,
        ),
        ReplyRequested(reply_id=reply_id, chat_id=chat_id, text=RELEASED.format(when=when)),
    ]
