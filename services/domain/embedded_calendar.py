"""A calendar kept in Redis: the default, needing no account.

Its keys and records are spelled in :mod:`services.domain.calendar_records`, where the
export reads them too. Every key carries the ``{cal}`` hash tag, so each script touches
one Redis Cluster slot.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from importlib import resources
from typing import cast

from events import Keyspace
from events.redis_client import RedisClient
from services.domain.calendar import Booking, SlotTaken
from services.domain.calendar_records import (
    CANCELLED,
    CalendarKeys,
    CalendarRecord,
    record_of,
)
from services.domain.clinic_model import LONGEST_BOOKING
from services.domain.schedule import Span

# How long a booking lasts whose end was never kept apart (one booked before bookings
# had lengths of their own): one slot of today's settings.
DEFAULT_SLOT = timedelta(minutes=30)

# Reading a subject's index and unlinking it are two steps; a booking made in between
# (never by the conductor, which handles one chat's events in order) makes it read again.
_FORGET_ATTEMPTS = 5


def _script(name: str) -> str:
    return resources.files("services.domain").joinpath("lua", f"{name}.lua").read_text()


class EmbeddedCalendar:
    def __init__(
        self,
        redis: RedisClient,
        keyspace: Keyspace | None = None,
        *,
        slot: timedelta = DEFAULT_SLOT,
    ) -> None:
        self.redis = redis
        # Every key of the calendar in one slot: booking touches five of them at once.
        self.keys = CalendarKeys(keyspace or Keyspace())
        self.slot = slot
        self._book = redis.register_script(_script("book"))
        self._cancel = redis.register_script(_script("cancel"))
        self._forget = redis.register_script(_script("forget"))

    async def busy(self, start: datetime, end: datetime, professional: str = "") -> list[Span]:
        # The bookings of the clinic's one professional of before a clinic file ("") keep
        # their time from every professional of the file: whose they were is unknown.
        spans = await self._busy_of(start, end, professional)
        if professional:
            spans += await self._busy_of(start, end, "")
        return sorted(set(spans))

    async def _busy_of(self, start: datetime, end: datetime, professional: str) -> list[Span]:
        earliest = int((start - LONGEST_BOOKING).timestamp())
        booked = cast(
            list[tuple[bytes, float]],
            await self.redis.zrangebyscore(
                self.keys.booked_of(professional), earliest, f"({int(end.timestamp())}",
                withscores=True,
            ),
        )  # fmt: skip
        if not booked:
            return []
        # Each booking's end, kept beside the starts; the hash of the few without one (made
        # before ends were kept, or cancelled meanwhile) says it.
        ids = [appointment_id.decode() for appointment_id, _ in booked]
        ends = await self.redis.zmscore(self.keys.ends_of(professional), ids)
        spans: list[Span] = []
        for appointment_id, (_, opens), closes in zip(ids, booked, ends, strict=True):
            if closes is None:
                record = await self._record(appointment_id)
                if record is None or not record.live:
                    continue
                closes = (record.until or record.end).timestamp()
            spans.append(
                Span(datetime.fromtimestamp(opens, UTC), datetime.fromtimestamp(closes, UTC))
            )
        return sorted(span for span in spans if span.overlaps(Span(start, end)))

    async def book(self, booking: Booking) -> Booking:
        professional = booking.professional
        keys = [
            self.keys.appointment(booking.appointment_id),
            self.keys.slot(booking.start, professional),
            self.keys.booked_of(professional),
            self.keys.subject(booking.subject),
            self.keys.ends_of(professional),
            # Bookings of before a clinic file hold their time against everyone's.
            self.keys.booked_of(""),
            self.keys.ends_of(""),
            self.keys.appointment(booking.moves or booking.appointment_id),
        ]
        args: list[str | int] = [
            booking.appointment_id,
            booking.subject,
            int(booking.start.timestamp()),
            int(booking.end.timestamp()),
            int(booking.kept_until.timestamp()),
            int((booking.start - LONGEST_BOOKING).timestamp()),
            int(self.slot.total_seconds()),
            professional,
            booking.service,
            booking.moves,
        ]
        outcome, *values = cast(list[bytes], await self._book(keys=keys, args=args))
        if outcome == b"taken":
            raise SlotTaken(booking.start.isoformat())
        start, end = (datetime.fromtimestamp(int(v), UTC) for v in values)
        return Booking(booking.appointment_id, booking.subject, start, end,
                       booking.appointment_id, professional, booking.service,
                       booking.until)  # fmt: skip

    async def cancel(self, appointment_id: str) -> Booking | None:
        held = await self._load(appointment_id)
        if held is None:
            return None
        keys: list[str] = [
            self.keys.appointment(appointment_id),
            self.keys.slot(held.start, held.professional),
            self.keys.booked_of(held.professional),
            self.keys.ends_of(held.professional),
        ]
        cancelled = await self._cancel(keys=keys, args=[appointment_id])
        return held if cancelled else None

    async def cancelled(self, appointment_id: str) -> Booking | None:
        record = await self._record(appointment_id)
        if record is None or record.status != CANCELLED:
            return None
        return _booking_of(record)

    async def bookings_of(self, subject: str) -> list[Booking]:
        bookings = [await self._load(i) for i in await self._appointment_ids(subject)]
        return sorted((b for b in bookings if b is not None), key=lambda b: b.start)

    async def forget(self, subject: str, tombstone: str) -> int:
        """Unlink ``subject`` from every booking held for them, live, past or cancelled:
        from now on those belong to ``tombstone``, whom nothing names. How many were."""
        for _ in range(_FORGET_ATTEMPTS):
            ids = await self._appointment_ids(subject)
            keys = [self.keys.subject(subject), *(self.keys.appointment(i) for i in ids)]
            unlinked = cast(int, await self._forget(keys=keys, args=[subject, tombstone]))
            if unlinked >= 0:
                return unlinked
        raise RuntimeError("the subject's bookings kept changing while being unlinked")

    async def _appointment_ids(self, subject: str) -> list[str]:
        members = cast(set[bytes], await self.redis.smembers(self.keys.subject(subject)))
        return sorted(member.decode() for member in members)

    async def record(self, appointment_id: str) -> CalendarRecord | None:
        """The calendar's record of the appointment, live or cancelled; None if none."""
        return await self._record(appointment_id)

    async def _record(self, appointment_id: str) -> CalendarRecord | None:
        fields = await self.redis.hgetall(self.keys.appointment(appointment_id))
        return record_of(appointment_id, cast(dict[bytes, bytes], fields))

    async def _load(self, appointment_id: str) -> Booking | None:
        """The booking if it is live."""
        record = await self._record(appointment_id)
        if record is None or not record.live:
            return None
        return _booking_of(record)


def _booking_of(record: CalendarRecord) -> Booking:
    return Booking(
        appointment_id=record.appointment_id,
        subject=record.subject,
        start=record.start,
        end=record.end,
        calendar_entry_id=record.appointment_id,
        professional=record.professional,
        service=record.service,
        until=record.until if record.until != record.end else None,
    )
