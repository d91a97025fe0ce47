"""After repeated no-shows a booking stands only if the patient confirms it by reply:
the question says so, the deadline is a timer like a reminder's, and at the deadline an
unconfirmed booking is released and the patient told; a confirmed one stays. The whole
conductor and outbox on a real Redis, the no-shows recorded as staff record them."""

from __future__ import annotations

from datetime import datetime, timedelta

from redis.asyncio import Redis

from events import EventLog, new_envelope
from events.schema import (
    AppointmentCancelled,
    AppointmentConfirmed,
    AppointmentNoShow,
    ReminderScheduled,
)
from services.conductor.no_shows import RELEASE
from tests.integration.test_reminders import Patient, all_say, logged, remind, replies, slots
from tests.support.whole_stack import NOW, Stack

CONFIRM_BY = timedelta(hours=6)  # the setting's default


async def registered_with_no_shows(
    log: EventLog, redis: Redis, patient: Patient, count: int
) -> None:
    """The patient registers; staff then mark ``count`` earlier appointments missed."""
    for text in ("oi", "sim", "Ana"):
        await all_say(log, redis, {patient: text})
    for n in range(count):
        missed = AppointmentNoShow(
            appointment_id=f"missed{n}", start=NOW - timedelta(days=n + 1), by="recepcao"
        )
        await log.append(new_envelope(missed, chat=patient.chat, session="default"))


async def book(log: EventLog, redis: Redis, patient: Patient, start: datetime) -> None:
    await all_say(log, redis, {patient: f"quero marcar dia {start.day} às {start:%H:%M}"})
    await all_say(log, redis, {patient: "sim"})


async def test_after_two_no_shows_the_question_says_the_booking_must_be_confirmed(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    patient = Patient(41)
    await registered_with_no_shows(log, redis, patient, 2)
    start = slots(10)[3]
    await all_say(log, redis, {patient: f"quero marcar dia {start.day} às {start:%H:%M}"})
    assert "só fica marcada se você confirmar" in replies(simulator, patient)[-1]
    await all_say(log, redis, {patient: "sim"})
    deadlines = [r for r in await logged(log, ReminderScheduled) if r.reminder_id.endswith(RELEASE)]
    assert [d.due_at for d in deadlines] == [start - CONFIRM_BY]


async def test_after_one_no_show_a_booking_stands_without_confirmation(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    patient = Patient(42)
    await registered_with_no_shows(log, redis, patient, 1)
    await book(log, redis, patient, slots(10)[4])
    assert "só fica marcada" not in replies(simulator, patient)[-2]
    assert not [r for r in await logged(log, ReminderScheduled) if r.reminder_id.endswith(RELEASE)]


async def test_an_unconfirmed_booking_is_released_at_the_deadline_and_the_patient_told(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    patient = Patient(43)
    await registered_with_no_shows(log, redis, patient, 2)
    start = slots(10)[5]
    await book(log, redis, patient, start)
    await remind(log, redis, start - CONFIRM_BY)
    [released] = await logged(log, AppointmentCancelled)
    assert released.start == start
    assert "não foi confirmada, liberamos o horário" in replies(simulator, patient)[-1]


async def test_a_booking_confirmed_by_reply_stays_at_the_deadline(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    patient = Patient(44)
    await registered_with_no_shows(log, redis, patient, 2)
    start = slots(10)[6]
    await book(log, redis, patient, start)
    await all_say(log, redis, {patient: "confirmo"})
    assert "confirmada" in replies(simulator, patient)[-1]
    await remind(log, redis, start - CONFIRM_BY)
    assert len(await logged(log, AppointmentConfirmed)) == 1
    assert await logged(log, AppointmentCancelled) == []
