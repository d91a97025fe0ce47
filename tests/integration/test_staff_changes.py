"""Bookings, moves and cancellations made at the front desk reach the conversation: the
reminders follow a moved appointment, and a time cancelled by hand is offered to the
patient waiting for it. The whole conductor and outbox on a real Redis, the offline
brain; the front desk's own booking functions, as its pages call them."""

from __future__ import annotations

from datetime import datetime, timedelta

from redis.asyncio import Redis

from events import EventLog
from events.schema import AppointmentBooked
from services.actions.read_models import ReadModels
from services.console import bookings
from services.domain.embedded_calendar import EmbeddedCalendar
from tests.integration.test_reminders import (
    Patient,
    all_say,
    book,
    logged,
    remind,
    reminders_received,
    slots,
)
from tests.integration.test_waitlist import offers
from tests.support.projecting import groups_caught_up
from tests.support.whole_stack import Stack

HALF_HOUR = timedelta(minutes=30)


def models_of(log: EventLog, redis: Redis) -> ReadModels:
    return ReadModels(redis, log.keyspace, log.subject_keys)


def wanted(start: datetime) -> bookings.Wanted:
    """Half an hour with the one professional of a clinic without a clinic file."""
    return bookings.Wanted(start, start + HALF_HOUR, start + HALF_HOUR, "", "")


async def test_a_move_at_the_front_desk_moves_the_reminders_to_the_new_time(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    patient = Patient(91)
    first, moved_to = slots(20)[2], slots(20)[8]
    await book(log, redis, patient, first)
    [booked] = await logged(log, AppointmentBooked)
    await bookings.move(log, models_of(log, redis), EmbeddedCalendar(redis),
                        booked.appointment_id, wanted(moved_to), "staff-move-1")  # fmt: skip
    await groups_caught_up(redis, log.keyspace, "conductor", "outbox")
    await remind(log, redis, moved_to - timedelta(hours=1))  # every timer due by then
    received = reminders_received(simulator, patient)
    assert len(received) == 2  # 24 h and 2 h before the new time; none for the old
    assert all(f"{moved_to:%d/%m às %H:%M}" in text for text in received)


async def test_a_cancellation_at_the_front_desk_offers_the_time_to_the_waiting_patient(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    freeing, waiting = Patient(92), Patient(93)
    early, later = slots(20)[3], slots(20)[15]
    await book(log, redis, freeing, early)
    await book(log, redis, waiting, later)
    await all_say(log, redis, {waiting: "tem algo antes?"})
    [freed] = [b for b in await logged(log, AppointmentBooked) if b.start == early]
    await bookings.cancel(log, models_of(log, redis), EmbeddedCalendar(redis),
                          freed.appointment_id)  # fmt: skip
    await groups_caught_up(redis, log.keyspace, "conductor", "outbox")
    [offer] = offers(simulator, waiting)
    assert f"{early:%d/%m às %H:%M}" in offer


async def test_a_cancellation_at_the_front_desk_sends_no_reminder_of_the_cancelled_time(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    patient = Patient(94)
    start = slots(20)[5]
    await book(log, redis, patient, start)
    [booked] = await logged(log, AppointmentBooked)
    await bookings.cancel(log, models_of(log, redis), EmbeddedCalendar(redis),
                          booked.appointment_id)  # fmt: skip
    await groups_caught_up(redis, log.keyspace, "conductor", "outbox")
    await remind(log, redis, start)
    assert reminders_received(simulator, patient) == []
