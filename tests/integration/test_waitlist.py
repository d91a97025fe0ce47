"""The waiting list end to end: two patients ask for an earlier time; a cancellation offers
the freed time to the first, for a while, then (unanswered) to the second, who takes it:
each offer made once, each step on record. The whole conductor and outbox on a real Redis,
the offline brain."""

from __future__ import annotations

from datetime import timedelta

from redis.asyncio import Redis

from events import EventLog
from events.schema import AppointmentBooked, AppointmentCancelled
from events.waitlist_schema import WaitlistJoined, WaitlistOffered, WaitlistOfferEnded
from services.conductor.waitlist import DEFAULT_OFFER_FOR
from tests.integration.test_no_show_policy import CONFIRM_BY, registered_with_no_shows
from tests.integration.test_reminders import Patient, all_say, book, logged, remind, replies, slots
from tests.support.whole_stack import NOW, Stack

OFFERED_BY = "Boa notícia: vagou um horário"


async def cancel(log: EventLog, redis: Redis, patient: Patient) -> None:
    await all_say(log, redis, {patient: "quero cancelar minha consulta"})
    await all_say(log, redis, {patient: "sim"})


def offers(simulator: object, patient: Patient) -> list[str]:
    return [r for r in replies(simulator, patient) if r.startswith(OFFERED_BY)]  # type: ignore[arg-type]


async def test_asking_for_an_earlier_time_puts_the_patient_on_the_list(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    patient = Patient(51)
    await book(log, redis, patient, slots(20)[12])
    await all_say(log, redis, {patient: "tem algo antes?"})
    assert "lista de espera" in replies(simulator, patient)[-1]
    [joined] = await logged(log, WaitlistJoined)
    assert joined.before == slots(20)[12]


async def test_asking_without_an_appointment_is_told_to_book_first(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    patient = Patient(52)
    await book(log, redis, patient)
    await all_say(log, redis, {patient: "me avisa se abrir vaga"})
    assert "não tem consulta marcada" in replies(simulator, patient)[-1]
    assert await logged(log, WaitlistJoined) == []


async def test_a_freed_time_goes_to_the_first_waiting_then_on_expiry_to_the_next(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    freeing, first, second = Patient(61), Patient(62), Patient(63)
    early, later, latest = slots(20)[2], slots(20)[14], slots(20)[16]
    await book(log, redis, freeing, early)
    await book(log, redis, first, later)
    await book(log, redis, second, latest)
    await all_say(log, redis, {first: "tem algo antes?"})
    await all_say(log, redis, {second: "me avisa se abrir vaga"})

    await cancel(log, redis, freeing)
    assert len(offers(simulator, first)) == 1 and offers(simulator, second) == []

    await remind(log, redis, NOW + DEFAULT_OFFER_FOR + timedelta(minutes=1))
    assert len(offers(simulator, second)) == 1
    await all_say(log, redis, {second: "sim"})
    assert "remarcada" in replies(simulator, second)[-1]

    booked = [b for b in await logged(log, AppointmentBooked) if b.start == early]
    assert len(booked) == 2  # the first patient's, then the second's move to it
    ended = [(e.slot, e.outcome) for e in await logged(log, WaitlistOfferEnded)]
    slot = (await logged(log, WaitlistOffered))[0].slot
    assert sorted(ended) == [(slot, "accepted"), (slot, "expired")]  # the log is by partition
    assert len(await logged(log, WaitlistOffered)) == 2  # once each
    moved = [c for c in await logged(log, AppointmentCancelled) if c.start == latest]
    assert len(moved) == 1


async def test_a_yes_after_the_offer_lapsed_moves_nothing(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    freeing, waiting = Patient(71), Patient(72)
    early, later = slots(20)[3], slots(20)[15]
    await book(log, redis, freeing, early)
    await book(log, redis, waiting, later)
    await all_say(log, redis, {waiting: "tem algo antes?"})
    await cancel(log, redis, freeing)
    await remind(log, redis, NOW + DEFAULT_OFFER_FOR + timedelta(minutes=1))
    await all_say(log, redis, {waiting: "sim"})
    # Only the first booking of that time: the lapsed offer's question lapsed with it.
    assert len([b for b in await logged(log, AppointmentBooked) if b.start == early]) == 1


async def test_a_time_released_for_want_of_confirmation_is_offered_to_the_waiting(
    stack: Stack, redis: Redis, log: EventLog
) -> None:
    _, _, simulator = stack
    missing, waiting = Patient(81), Patient(82)
    early, later = slots(20)[4], slots(20)[17]
    await registered_with_no_shows(log, redis, missing, 2)
    await all_say(log, redis, {missing: f"quero marcar dia {early.day} às {early:%H:%M}"})
    await all_say(log, redis, {missing: "sim"})
    await book(log, redis, waiting, later)
    await all_say(log, redis, {waiting: "me avisa se abrir vaga"})
    await remind(log, redis, early - CONFIRM_BY)
    assert "liberamos o horário" in replies(simulator, missing)[-1]
    [offered] = await logged(log, WaitlistOffered)
    assert offered.start == early
    assert len(offers(simulator, waiting)) == 1
