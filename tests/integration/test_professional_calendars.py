"""A calendar per professional (embedded, real Redis; Google, the local fake): one
professional's time is never booked twice — overlapping times, not just equal starts,
across replicas and against bookings made before lengths were kept — and another
professional's bookings leave theirs free."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from events import Keyspace
from services.domain.calendar import Booking, CalendarUnavailable, SlotTaken
from services.domain.calendar_records import CalendarKeys
from services.domain.embedded_calendar import EmbeddedCalendar
from services.domain.google_calendar import GoogleCalendar
from services.domain.schedule import Span
from services.runtime.store import StoreSettings
from tests.support.fake_google_calendar import FakeGoogleCalendar
from tests.support.google_calendar import served_google

SP = ZoneInfo("America/Sao_Paulo")
NINE = datetime(2026, 11, 24, 9, tzinfo=SP)
MINUTE = timedelta(minutes=1)


def visit(appointment_id: str, professional: str, start: datetime, minutes: int = 60,
          buffer: int = 10, subject: str = "s1") -> Booking:  # fmt: skip
    end = start + minutes * MINUTE
    return Booking(appointment_id, subject, start, end, professional=professional,
                   service="primeira-consulta", until=end + buffer * MINUTE)  # fmt: skip


@pytest.fixture
def calendar(redis: Redis) -> EmbeddedCalendar:
    return EmbeddedCalendar(redis)


async def test_a_time_overlapping_a_booking_of_the_same_professional_is_refused(
    calendar: EmbeddedCalendar,
) -> None:
    await calendar.book(visit("a1", "ana", NINE))  # 9:00-10:00, kept until 10:10
    for start in (NINE + 30 * MINUTE, NINE - 15 * MINUTE, NINE + 65 * MINUTE):
        with pytest.raises(SlotTaken):
            await calendar.book(visit(f"b{start:%H%M}", "ana", start, minutes=20, buffer=5))


async def test_a_time_right_after_a_booking_and_its_buffer_is_free(
    calendar: EmbeddedCalendar,
) -> None:
    await calendar.book(visit("a1", "ana", NINE))
    later = await calendar.book(visit("a2", "ana", NINE + 70 * MINUTE, subject="s2"))
    assert later.start == NINE + 70 * MINUTE


async def test_another_professional_is_free_at_the_same_time(calendar: EmbeddedCalendar) -> None:
    await calendar.book(visit("a1", "ana", NINE))
    await calendar.book(visit("b1", "bruno", NINE, subject="s2"))
    assert await calendar.busy(NINE, NINE + 2 * timedelta(hours=1), "carla") == []
    [ana] = await calendar.busy(NINE, NINE + timedelta(hours=2), "ana")
    assert ana == Span(NINE, NINE + 70 * MINUTE)  # the visit and its buffer


async def test_replicas_booking_overlapping_times_of_one_professional_get_one_of_them(
    calendar: EmbeddedCalendar, redis_url: str
) -> None:
    other_replica = EmbeddedCalendar(StoreSettings(redis_url=redis_url).connect())
    attempts = [
        (calendar if n % 2 else other_replica).book(
            visit(f"a{n}", "ana", NINE + 5 * n * MINUTE, subject=f"s{n}")
        )
        for n in range(12)  # every start within the hour: each pair overlaps
    ]
    outcomes = await asyncio.gather(*attempts, return_exceptions=True)
    assert sum(isinstance(o, Booking) for o in outcomes) == 1
    assert all(isinstance(o, (Booking, SlotTaken)) for o in outcomes)


async def test_cancelling_frees_the_whole_time_a_booking_kept(calendar: EmbeddedCalendar) -> None:
    await calendar.book(visit("a1", "ana", NINE))
    cancelled = await calendar.cancel("a1")
    assert cancelled is not None and cancelled.professional == "ana"
    await calendar.book(visit("a2", "ana", NINE + 30 * MINUTE, subject="s2"))


async def test_a_booking_kept_from_before_lengths_still_holds_its_slot_against_longer_ones(
    redis: Redis, keyspace: Keyspace
) -> None:
    # As the calendar held a booking before professionals and lengths: its start, end
    # and status, the slot holder and the booked starts; nothing else.
    keys, start = CalendarKeys(keyspace), NINE + 30 * MINUTE
    epoch, end = int(start.timestamp()), int((start + 30 * MINUTE).timestamp())
    held = {"subject": "s0", "start": epoch, "end": end, "status": "booked"}
    await redis.hset(keys.appointment("old"), mapping=held)
    await redis.set(keys.slot(start), "old")
    await redis.zadd(keys.booked, {"old": epoch})
    calendar = EmbeddedCalendar(redis, keyspace)
    with pytest.raises(SlotTaken):
        await calendar.book(visit("new", "", NINE))  # 9:00-10:00 runs over 9:30-10:00
    assert await calendar.busy(NINE, NINE + timedelta(hours=2)) == [
        Span(start, start + 30 * MINUTE)
    ]
    assert (await calendar.cancel("old")) is not None


async def test_a_booking_from_before_the_clinic_file_keeps_its_time_from_every_professional(
    calendar: EmbeddedCalendar,
) -> None:
    # Made while the clinic had one professional and no file: it is under "".
    await calendar.book(visit("old", "", NINE, minutes=30, buffer=0, subject="s0"))
    with pytest.raises(SlotTaken):
        await calendar.book(visit("new", "ana", NINE))
    with pytest.raises(SlotTaken):
        await calendar.book(visit("later", "bruno", NINE + 15 * MINUTE, minutes=20))
    assert await calendar.busy(NINE, NINE + timedelta(hours=1), "ana") == [
        Span(NINE, NINE + 30 * MINUTE)
    ]


async def test_a_file_professional_books_right_after_a_booking_from_before_the_file(
    calendar: EmbeddedCalendar,
) -> None:
    await calendar.book(visit("old", "", NINE, minutes=30, buffer=0, subject="s0"))
    booked = await calendar.book(visit("new", "ana", NINE + 30 * MINUTE))
    assert booked.start == NINE + 30 * MINUTE


@pytest.fixture
async def google(
    redis: Redis, tmp_path: Path
) -> AsyncIterator[tuple[GoogleCalendar, FakeGoogleCalendar]]:
    own = {"ana": "ana@group.calendar.google.com", "bruno": "bruno@group.calendar.google.com"}
    async with served_google(redis, tmp_path, own) as served:
        yield served


async def test_each_professionals_booking_goes_to_their_own_google_calendar(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    await calendar.book(visit("a1", "ana", NINE))
    await calendar.book(visit("b1", "bruno", NINE, subject="s2"))
    assert fake.calendar_of == {"a1": "ana@group.calendar.google.com",
                                "b1": "bruno@group.calendar.google.com"}  # fmt: skip
    assert [b.professional for b in await calendar.bookings_of("s1")] == ["ana"]
    await calendar.cancel("b1")
    assert fake.events["b1"]["status"] == "cancelled"


async def test_a_professionals_unshared_calendar_stops_only_their_bookings(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    fake.unshared.add("ana@group.calendar.google.com")
    with pytest.raises(CalendarUnavailable):
        await calendar.busy(NINE, NINE + timedelta(hours=1), "ana")
    await calendar.book(visit("b1", "bruno", NINE))
    assert list(fake.events) == ["b1"]


async def test_an_event_in_google_over_a_visits_buffer_refuses_the_visit(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    fake.blocked.append((NINE + 65 * MINUTE, NINE + 90 * MINUTE))  # inside the buffer only
    with pytest.raises(SlotTaken):
        await calendar.book(visit("a1", "ana", NINE))
    assert fake.events == {}


async def test_a_subjects_google_bookings_keep_their_service_and_buffer(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, _ = google
    await calendar.book(visit("a1", "ana", NINE))  # 60 min and a 10-minute buffer
    [mine] = await calendar.bookings_of("s1")
    assert mine.service == "primeira-consulta"
    assert mine.kept_until == NINE + 70 * MINUTE


async def test_cancelling_a_google_booking_whose_claim_is_already_freed_still_deletes_its_event(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    await calendar.book(visit("a1", "ana", NINE))
    await calendar.slots.cancel("a1")  # an earlier attempt that stopped after Redis
    assert await calendar.cancel("a1") is None
    assert fake.events["a1"]["status"] == "cancelled"


async def test_a_google_cancel_refused_by_google_keeps_the_booking_held(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    await calendar.book(visit("a1", "ana", NINE))
    fake.refusing = True
    with pytest.raises(CalendarUnavailable, match="403"):
        await calendar.cancel("a1")
    fake.refusing = False
    assert [b.appointment_id for b in await calendar.bookings_of("s1")] == ["a1"]
    assert fake.events["a1"]["status"] == "confirmed"


async def test_a_google_error_while_booking_is_calendar_unavailable_and_frees_the_claim(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    fake.refusing = True
    with pytest.raises(CalendarUnavailable, match="403"):
        await calendar.book(visit("a1", "ana", NINE))
    assert await calendar.slots.busy(NINE, NINE + timedelta(hours=2), "ana") == []
