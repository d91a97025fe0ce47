"""The embedded calendar on a real Redis: idempotent, never double-booked."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import cast
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from services.conductor.erasure import ErasedBookings, let_go
from services.domain.calendar import Booking, SlotTaken
from services.domain.conversation import Upcoming
from services.domain.embedded_calendar import EmbeddedCalendar
from services.runtime.store import StoreSettings

START = datetime(2026, 11, 25, 15, tzinfo=ZoneInfo("America/Sao_Paulo"))
HOUR = timedelta(hours=1)


def booking(appointment_id: str, subject: str = "s1", start: datetime = START) -> Booking:
    return Booking(appointment_id, subject, start, start + timedelta(minutes=30))


@pytest.fixture
def calendar(redis: Redis) -> EmbeddedCalendar:
    return EmbeddedCalendar(redis)


async def test_a_booking_is_listed_for_its_subject(calendar: EmbeddedCalendar) -> None:
    booked = await calendar.book(booking("a1"))
    assert booked.start == START
    assert [b.appointment_id for b in await calendar.bookings_of("s1")] == ["a1"]
    assert await calendar.bookings_of("someone-else") == []
    assert [s.start for s in await calendar.busy(START, START + timedelta(hours=1))] == [START]


async def test_booking_twice_under_one_appointment_id_books_once(
    calendar: EmbeddedCalendar,
) -> None:
    first = await calendar.book(booking("a1"))
    later = START + timedelta(hours=2)
    again = await calendar.book(booking("a1", start=later))
    assert again.start == first.start
    assert [s.start for s in await calendar.busy(START, later + timedelta(hours=1))] == [START]


async def test_a_taken_slot_is_refused(calendar: EmbeddedCalendar) -> None:
    await calendar.book(booking("a1", "s1"))
    with pytest.raises(SlotTaken):
        await calendar.book(booking("a2", "s2"))


async def test_many_chats_taking_one_slot_at_once_get_it_once(
    calendar: EmbeddedCalendar, redis_url: str
) -> None:
    other_replica = EmbeddedCalendar(StoreSettings(redis_url=redis_url).connect())
    attempts = [
        (calendar if n % 2 else other_replica).book(booking(f"a{n}", f"s{n}")) for n in range(20)
    ]
    outcomes = await asyncio.gather(*attempts, return_exceptions=True)
    assert sum(isinstance(o, Booking) for o in outcomes) == 1
    assert sum(isinstance(o, SlotTaken) for o in outcomes) == 19


async def test_cancelling_frees_the_slot(calendar: EmbeddedCalendar) -> None:
    await calendar.book(booking("a1", "s1"))
    cancelled = await calendar.cancel("a1")
    assert cancelled is not None and cancelled.start == START
    assert await calendar.bookings_of("s1") == []
    assert (await calendar.book(booking("a2", "s2"))).appointment_id == "a2"


async def test_cancelling_what_is_not_booked_changes_nothing(calendar: EmbeddedCalendar) -> None:
    assert await calendar.cancel("nope") is None
    await calendar.book(booking("a1"))
    await calendar.cancel("a1")
    assert await calendar.cancel("a1") is None


async def test_forgetting_a_subject_unlinks_every_booking_and_keeps_the_slots(
    calendar: EmbeddedCalendar, redis: Redis
) -> None:
    past = START - timedelta(days=7)
    for made in (booking("a1"), booking("a2", start=past), booking("a3", start=START + HOUR)):
        await calendar.book(made)
    await calendar.cancel("a3")
    await calendar.book(booking("b1", "s2", START + 2 * HOUR))
    assert await calendar.forget("s1", "t1") == 3
    assert await calendar.bookings_of("s1") == []
    assert [s.start for s in await calendar.busy(past, START + 3 * HOUR)] == [
        past,
        START,
        START + 2 * HOUR,
    ]
    held = [key async for key in redis.scan_iter(match="wsm:{cal}:*")]
    assert all(b"s1" not in key for key in held)
    fields = [await redis.hget(key, "subject") for key in held if b":appointment:" in key]
    assert sorted(cast(list[bytes], fields)) == [b"s2", b"t1", b"t1", b"t1"]
    assert [b.appointment_id for b in await calendar.bookings_of("s2")] == ["b1"]
    assert await calendar.forget("s1", "t2") == 0  # again: nothing left to unlink


async def test_an_erasure_keeping_the_slots_cancels_nothing_and_leaves_them_nobodys(
    calendar: EmbeddedCalendar,
) -> None:
    await calendar.book(booking("a1"))
    before = START - timedelta(days=1)
    assert await let_go(calendar, "s1", [], before, ErasedBookings.KEEP) == []
    assert [s.start for s in await calendar.busy(START, START + HOUR)] == [START]
    assert await calendar.bookings_of("s1") == []


async def test_an_erasure_retried_records_again_what_it_cancelled_and_cancels_nothing_more(
    calendar: EmbeddedCalendar,
) -> None:
    await calendar.book(booking("a1"))
    before = START - timedelta(days=1)
    upcoming = [Upcoming(appointment_id="a1", start=START)]  # as the log has it
    first = await let_go(calendar, "s1", upcoming, before, ErasedBookings.CANCEL)
    again = await let_go(calendar, "s1", upcoming, before, ErasedBookings.CANCEL)
    assert first == again and [c.appointment_id for c in first] == ["a1"]
    assert await calendar.busy(START, START + HOUR) == []
