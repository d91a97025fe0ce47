"""A calendar kept in Redis: the default, needing no account.

Every key carries the ``{cal}`` hash tag, so each script touches one Redis Cluster slot.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources
from typing import cast

from redis.asyncio import Redis

from events import Keyspace
from services.conductor.calendar import Booking, SlotTaken


def _script(name: str) -> str:
    return resources.files("services.conductor").joinpath("lua", f"{name}.lua").read_text()


class EmbeddedCalendar:
    def __init__(self, redis: Redis, keyspace: Keyspace | None = None) -> None:
        self.redis = redis
        # Every key of the calendar in one slot: booking touches four of them at once.
        self.keyspace = keyspace or Keyspace()
        self._book = redis.register_script(_script("book"))
        self._cancel = redis.register_script(_script("cancel"))

    def _appointment(self, appointment_id: str) -> str:
        return self.keyspace.in_slot("cal", "appointment", appointment_id)

    def _slot(self, start: datetime) -> str:
        return self.keyspace.in_slot("cal", "slot", str(int(start.timestamp())))

    @property
    def _booked(self) -> str:
        return self.keyspace.in_slot("cal", "booked")

    def _subject(self, subject: str) -> str:
        return self.keyspace.in_slot("cal", "subject", subject)

    async def taken(self, start: datetime, end: datetime) -> list[datetime]:
        scores = await self.redis.zrangebyscore(
            self._booked, int(start.timestamp()), f"({int(end.timestamp())}", withscores=True
        )
        pairs = cast(list[tuple[bytes, float]], scores)
        return [datetime.fromtimestamp(score, UTC) for _, score in pairs]

    async def book(self, booking: Booking) -> Booking:
        keys = [
            self._appointment(booking.appointment_id),
            self._slot(booking.start),
            self._booked,
            self._subject(booking.subject),
        ]
        args: list[str | int] = [
            booking.appointment_id,
            booking.subject,
            int(booking.start.timestamp()),
            int(booking.end.timestamp()),
        ]
        outcome, *values = cast(list[bytes], await self._book(keys=keys, args=args))
        if outcome == b"taken":
            raise SlotTaken(booking.start.isoformat())
        start, end = (datetime.fromtimestamp(int(v), UTC) for v in values)
        return Booking(booking.appointment_id, booking.subject, start, end, booking.appointment_id)

    async def cancel(self, appointment_id: str) -> Booking | None:
        held = await self._load(appointment_id)
        if held is None:
            return None
        keys: list[str] = [self._appointment(appointment_id), self._slot(held.start), self._booked]
        cancelled = await self._cancel(keys=keys, args=[appointment_id])
        return held if cancelled else None

    async def bookings_of(self, subject: str) -> list[Booking]:
        members = cast(set[bytes], await self.redis.smembers(self._subject(subject)))
        ids = sorted(member.decode() for member in members)
        bookings = [await self._load(appointment_id) for appointment_id in ids]
        return sorted((b for b in bookings if b is not None), key=lambda b: b.start)

    async def _load(self, appointment_id: str) -> Booking | None:
        """The booking if it is live."""
        fields = cast(
            dict[bytes, bytes], await self.redis.hgetall(self._appointment(appointment_id))
        )
        if fields.get(b"status") != b"booked":
            return None
        return Booking(
            appointment_id=appointment_id,
            subject=fields[b"subject"].decode(),
            start=datetime.fromtimestamp(int(fields[b"start"]), UTC),
            end=datetime.fromtimestamp(int(fields[b"end"]), UTC),
            calendar_entry_id=appointment_id,
        )
