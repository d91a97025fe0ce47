"""Reminders: timers set with a booking, fired once into the log by any number of
scheduler replicas, sent only for appointments that still stand."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace, MessageReceived, new_envelope
from events.schema import (
    AppointmentBooked,
    AppointmentCancelled,
    AppointmentConfirmed,
    ReminderDue,
)
from services.conductor.portuguese.speech import spoken
from services.conductor.reminders import (
    REMINDER,
    ReminderScheduler,
    parse_offsets,
    plan,
    timer_payloads_key,
    timers_key,
)
from services.runtime.settings import SettingsError
from services.waha_sim.app import Simulator
from tests.support.projecting import groups_caught_up
from tests.support.whole_stack import NOW, Stack

PEOPLE = 200
T = TypeVar("T")
REMINDED_BY = REMINDER.split(":")[0]  # "Lembrete"


class Patient:
    def __init__(self, n: int) -> None:
        self.chat = f"c{n:032x}"
        self.chat_id = f"55119{n:08d}@c.us"
        self.said = 0

    def says(self, text: str) -> MessageReceived:
        self.said += 1
        return MessageReceived(
            message_id=f"false_{self.chat_id}_{self.said}", chat_id=self.chat_id,
            sender=self.chat_id, text=text, sent_at=NOW.astimezone(UTC),
        )  # fmt: skip


async def all_say(log: EventLog, redis: Redis, said: dict[Patient, str]) -> None:
    """Each patient sends a message at the same time; until every answer is delivered."""
    for patient, text in said.items():
        await log.append(new_envelope(patient.says(text), chat=patient.chat, session="default"))
    await groups_caught_up(redis, log.keyspace, "conductor", "outbox", within_s=120)


def slots(count: int) -> list[datetime]:
    """``count`` distinct free slots from the day after NOW, clinic days only."""
    found: list[datetime] = []
    day: date = NOW.date()
    while len(found) < count:
        day += timedelta(days=1)
        if day.isoweekday() <= 5:
            start = NOW.replace(year=day.year, month=day.month, day=day.day, hour=8, minute=0)
            found += [start + timedelta(minutes=30 * i) for i in range(20)]
    return found[:count]


def reminders_received(simulator: Simulator, patient: Patient) -> list[str]:
    sent = simulator.messages[("default", patient.chat_id)]
    return [m["body"] for m in sent if m["fromMe"] and m["body"].startswith(REMINDED_BY)]


async def test_every_due_reminder_of_a_live_appointment_is_sent_once_and_none_for_cancelled(
    stack: Stack, redis: Redis, log: EventLog, keyspace: Keyspace
) -> None:
    _, _, simulator = stack
    rng = random.Random(3)
    patients = [Patient(n) for n in range(PEOPLE)]
    starts = dict(zip(patients, slots(PEOPLE), strict=True))
    for step in ("oi", "sim", "Maria Silva"):
        await all_say(log, redis, dict.fromkeys(patients, step))
    await all_say(
        log, redis, {p: f"quero marcar dia {s.day} às {s:%H:%M}" for p, s in starts.items()}
    )
    await all_say(log, redis, dict.fromkeys(patients, "sim"))  # to the time proposed
    booked = await logged(log, AppointmentBooked)
    assert len(booked) == PEOPLE
    cancelled = set(rng.sample(patients, 50))
    await all_say(log, redis, dict.fromkeys(cancelled, "cancelar"))
    await all_say(log, redis, dict.fromkeys(cancelled, "sim"))

    clock = [NOW]
    replicas = [ReminderScheduler(log, clock=lambda: clock[0]) for _ in range(2)]
    last = max(starts.values())
    while clock[0] <= last:
        clock[0] += timedelta(minutes=rng.choice([20, 45, 90]))
        await asyncio.gather(*(replica.fire_due() for replica in replicas))
    await groups_caught_up(redis, keyspace, "conductor", "outbox", within_s=120)

    for patient, start in starts.items():
        received = reminders_received(simulator, patient)
        if patient in cancelled:
            assert received == [], patient.chat
            continue
        expected = [o for o in (timedelta(hours=24), timedelta(hours=2)) if start - o > NOW]
        assert len(received) == len(expected), (patient.chat, start, received)
        assert len(set(received)) == 1 and f"{start:%d/%m às %H:%M}" in received[0]
    due = [r async for r in log.scan() if isinstance(r.envelope.event, ReminderDue)]
    assert len(due) == len({r.envelope.event.reminder_id for r in due})  # each fired once
    assert await redis.zcard("wsm:{p0}:timers") == 0


async def book(log: EventLog, redis: Redis, patient: Patient, *starts: datetime) -> None:
    """The patient registers and books each of ``starts``, saying yes to each proposal."""
    for text in ("oi", "sim", "Ana"):
        await all_say(log, redis, {patient: text})
    for start in starts:
        await all_say(log, redis, {patient: f"quero marcar dia {start.day} às {start:%H:%M}"})
        await all_say(log, redis, {patient: "sim"})


async def logged(log: EventLog, kind: type[T]) -> list[T]:
    return [r.envelope.event async for r in log.scan() if isinstance(r.envelope.event, kind)]


async def test_a_timer_fired_again_after_a_crash_sends_nothing_more(
    stack: Stack, redis: Redis, log: EventLog, keyspace: Keyspace
) -> None:
    _, _, simulator = stack
    patient = Patient(1)
    start = slots(30)[22]
    await book(log, redis, patient, start)
    partition = keyspace.partition_of(patient.chat)
    timers, payload = timers_key(keyspace, partition), timer_payloads_key(keyspace, partition)
    saved = await redis.zrange(timers, 0, -1, withscores=True)
    payloads = await redis.hgetall(payload)
    scheduler = ReminderScheduler(log, clock=lambda: start)
    assert await scheduler.fire_due() == 2
    # As if the process died after logging and before removing the timers.
    await redis.zadd(timers, dict(saved))
    await redis.hset(payload, mapping=payloads)
    assert await scheduler.fire_due() == 0
    await groups_caught_up(redis, keyspace, "conductor", "outbox")
    assert len(reminders_received(simulator, patient)) == 2


async def test_no_reminder_once_consent_is_revoked(
    stack: Stack, redis: Redis, log: EventLog, keyspace: Keyspace
) -> None:
    _, _, simulator = stack
    patient = Patient(2)
    start = slots(30)[24]
    await book(log, redis, patient, start)
    await all_say(log, redis, {patient: "revogar consentimento"})
    assert await ReminderScheduler(log, clock=lambda: start).fire_due() == 2
    await groups_caught_up(redis, keyspace, "conductor", "outbox")
    assert reminders_received(simulator, patient) == []


def test_only_reminders_still_ahead_are_planned() -> None:
    start = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
    booked = AppointmentBooked(appointment_id="a1", calendar_entry_id="e1", start=start,
                               end=start + timedelta(minutes=30))  # fmt: skip
    offsets = parse_offsets("24h,2h")
    planned = plan(booked, offsets, now=start - timedelta(hours=3))
    assert [(p.reminder_id, p.due_at) for p in planned] == [("a1-120m", start - timedelta(hours=2))]


def test_offsets_are_read_in_minutes_hours_or_days() -> None:
    assert parse_offsets("2h, 1d,90m") == (
        timedelta(days=1),
        timedelta(hours=2),
        timedelta(minutes=90),
    )
    assert parse_offsets("off") == ()


@pytest.mark.parametrize("raw", ["", "24", "2x", "-1h", "0m", "1h,,2h", "9999999h"])
def test_offsets_that_are_not_durations_are_refused(raw: str) -> None:
    with pytest.raises(SettingsError, match="REMINDER_OFFSETS"):
        parse_offsets(raw)


def replies(simulator: Simulator, patient: Patient) -> list[str]:
    return [m["body"] for m in simulator.messages[("default", patient.chat_id)] if m["fromMe"]]


async def remind(log: EventLog, redis: Redis, at: datetime) -> None:
    await ReminderScheduler(log, clock=lambda: at).fire_due()
    await groups_caught_up(redis, log.keyspace, "conductor", "outbox")


async def test_confirmo_after_a_reminder_confirms_that_appointment(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    patient = Patient(3)
    start = slots(30)[26]
    await book(log, redis, patient, start)
    await remind(log, redis, start - timedelta(hours=2))
    await all_say(log, redis, {patient: "confirmo"})
    assert "confirmada" in replies(simulator, patient)[-1]
    [confirmed] = await logged(log, AppointmentConfirmed)
    assert confirmed.start == start


async def test_confirmo_without_a_reminder_confirms_nothing(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    patient = Patient(4)
    await book(log, redis, patient, slots(30)[27])
    await all_say(log, redis, {patient: "confirmo"})
    assert "Não há consulta aguardando confirmação" in replies(simulator, patient)[-1]
    assert not await logged(log, AppointmentConfirmed)


async def test_preciso_cancelar_after_a_reminder_cancels_the_reminded_appointment(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    patient = Patient(5)
    first, second = slots(30)[21], slots(30)[28]
    await book(log, redis, patient, first, second)
    await remind(log, redis, second - timedelta(hours=2))  # the last one due: the second's
    assert f"{second:%d/%m às %H:%M}" in replies(simulator, patient)[-1]
    await all_say(log, redis, {patient: "preciso cancelar"})
    assert f"Posso cancelar sua consulta de *{spoken(second)}*?" in replies(simulator, patient)[-1]
    assert not await logged(log, AppointmentCancelled)
    await all_say(log, redis, {patient: "sim"})
    [cancelled] = await logged(log, AppointmentCancelled)
    assert cancelled.start == second


async def test_remarcar_after_a_reminder_moves_that_appointment_and_its_reminders(
    stack: Stack, redis: Redis, log: EventLog, keyspace: Keyspace
) -> None:
    _, _, simulator = stack
    patient = Patient(6)
    old, new = slots(40)[23], slots(40)[35]
    await book(log, redis, patient, old)
    await remind(log, redis, old - timedelta(hours=24))
    await all_say(log, redis, {patient: "preciso remarcar"})
    assert "Para quando" in replies(simulator, patient)[-1]
    await all_say(log, redis, {patient: f"dia {new.day} às {new:%H:%M}"})
    assert "Posso passar sua consulta" in replies(simulator, patient)[-1]
    assert not await logged(log, AppointmentCancelled)
    await all_say(log, redis, {patient: "sim"})
    assert "remarcada" in replies(simulator, patient)[-1]
    [cancelled] = await logged(log, AppointmentCancelled)
    assert cancelled.start == old
    partition = keyspace.partition_of(patient.chat)
    due = await redis.zrange(timers_key(keyspace, partition), 0, -1, withscores=True)
    assert [score for _, score in due] == [
        (new - timedelta(hours=h)).timestamp() * 1000 for h in (24, 2)
    ]


async def test_remarcar_with_no_appointment_to_tell_apart_asks_which(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    patient = Patient(7)
    first, second = slots(40)[24], slots(40)[36]
    await book(log, redis, patient, first, second)
    await all_say(log, redis, {patient: "quero remarcar"})
    assert "Não sei qual consulta remarcar" in replies(simulator, patient)[-1]
    assert not await logged(log, AppointmentCancelled)
