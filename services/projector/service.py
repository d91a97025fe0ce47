"""The projections: every event of the log into a read model, each update committed with
that projection's checkpoint, so a crash or a redelivery never applies an event twice or
skips one. Each projection has its own consumer group and version, so one can be rebuilt
while the others, and its own previous version, keep serving."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, cast
from zoneinfo import ZoneInfo

import msgspec
from redis.asyncio import Redis

from events import Record
from events.checkpoint import Command
from events.schema import AppointmentBooked, AppointmentCancelled
from services.projector.store import ReadModelKeys, decode_appointment, decode_session
from services.projector.views import consent_record, project_appointment, project_session

PROJECTIONS = ("sessions", "consent", "appointments")


def group_of(name: str, version: int) -> str:
    return f"projector.{name}.v{version}"


class Projection(Protocol):
    name: str
    keys: ReadModelKeys

    async def __call__(self, record: Record) -> Sequence[Command]: ...


class Sessions:
    name = "sessions"

    def __init__(self, redis: Redis, keys: ReadModelKeys) -> None:
        self.redis = redis
        self.keys = keys

    async def __call__(self, record: Record) -> Sequence[Command]:
        key = self.keys.session(record.partition, record.chat)
        raw = await self.redis.get(key)
        before = decode_session(cast(bytes, raw)) if raw is not None else None
        after = project_session(before, record.envelope)
        if after is None or after == before:
            return ()
        score = int(after.last_activity.timestamp() * 1000)
        return (
            ("SET", key, msgspec.msgpack.encode(after)),
            ("ZADD", self.keys.sessions(record.partition), score, record.chat),
        )


class Consent:
    name = "consent"

    def __init__(self, keys: ReadModelKeys) -> None:
        self.keys = keys

    async def __call__(self, record: Record) -> Sequence[Command]:
        evidence = consent_record(record.envelope)
        if evidence is None:
            return ()
        key = self.keys.consent(record.partition, record.chat)
        return (("RPUSH", key, msgspec.msgpack.encode(evidence)),)


class Appointments:
    name = "appointments"

    def __init__(self, redis: Redis, keys: ReadModelKeys, zone: ZoneInfo) -> None:
        self.redis = redis
        self.keys = keys
        self.zone = zone

    async def __call__(self, record: Record) -> Sequence[Command]:
        event = record.envelope.event
        if not isinstance(event, AppointmentBooked | AppointmentCancelled):
            return ()
        partition = record.partition
        key = self.keys.appointment(partition, event.appointment_id)
        raw = await self.redis.get(key)
        current = decode_appointment(cast(bytes, raw)) if raw is not None else None
        view = project_appointment(current, record.envelope)
        if view is None:
            return ()
        start = int(view.start.timestamp())
        day = view.start.astimezone(self.zone).date()
        return (
            ("SET", key, msgspec.msgpack.encode(view)),
            ("ZADD", self.keys.appointments_of(partition, record.chat), start, view.appointment_id),
            ("ZADD", self.keys.day(partition, day), start, view.appointment_id),
        )


def projection(name: str, redis: Redis, keys: ReadModelKeys, zone: ZoneInfo) -> Projection:
    if name == "sessions":
        return Sessions(redis, keys)
    if name == "consent":
        return Consent(keys)
    if name == "appointments":
        return Appointments(redis, keys, zone)
    raise ValueError(f"no projection named {name!r}")
