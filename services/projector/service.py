"""The projector: every event of the log into the read models, each update committed with
the projector's checkpoint, so a crash or a redelivery never applies an event twice or
skips one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast
from zoneinfo import ZoneInfo

import msgspec
from redis.asyncio import Redis

from events import Record
from events.checkpoint import Command
from events.schema import AppointmentBooked, AppointmentCancelled
from services.projector.store import ReadModelKeys, decode_appointment, decode_session
from services.projector.views import consent_record, project_appointment, project_session

GROUP = "projector"


class Projector:
    def __init__(self, redis: Redis, keys: ReadModelKeys, zone: ZoneInfo) -> None:
        self.redis = redis
        self.keys = keys
        self.zone = zone

    async def __call__(self, record: Record) -> Sequence[Command]:
        envelope, partition, chat = record.envelope, record.partition, record.chat
        commands: list[Command] = []
        session_key = self.keys.session(partition, chat)
        raw = await self.redis.get(session_key)
        before = decode_session(cast(bytes, raw)) if raw is not None else None
        after = project_session(before, envelope)
        if after is not None and after != before:
            commands.append(("SET", session_key, msgspec.msgpack.encode(after)))
            score = int(after.last_activity.timestamp() * 1000)
            commands.append(("ZADD", self.keys.sessions(partition), score, chat))
        record_ = consent_record(envelope)
        if record_ is not None:
            consent_key = self.keys.consent(partition, chat)
            commands.append(("RPUSH", consent_key, msgspec.msgpack.encode(record_)))
        event = envelope.event
        if isinstance(event, AppointmentBooked | AppointmentCancelled):
            key = self.keys.appointment(partition, event.appointment_id)
            raw = await self.redis.get(key)
            current = decode_appointment(cast(bytes, raw)) if raw is not None else None
            view = project_appointment(current, envelope)
            if view is not None:
                start = int(view.start.timestamp())
                local_day = view.start.astimezone(self.zone).date()
                commands += [
                    ("SET", key, msgspec.msgpack.encode(view)),
                    (
                        "ZADD",
                        self.keys.appointments_of(partition, chat),
                        start,
                        view.appointment_id,
                    ),
                    ("ZADD", self.keys.day(partition, local_day), start, view.appointment_id),
                ]
        return commands
