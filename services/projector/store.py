"""Where the read models live, and how they are read back.

Every key of a chat's read models is in its partition's slot, next to the log, so a view,
its indexes and the projector's checkpoint are written by one script. The version in the
key names lets a rebuilt model be written beside the one in service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

import msgspec
from redis.asyncio import Redis

from events import Keyspace
from services.projector.views import AppointmentView, ConsentRecord, SessionView

VERSION = 1

_session = msgspec.msgpack.Decoder(SessionView)
_consent = msgspec.msgpack.Decoder(ConsentRecord)
_appointment = msgspec.msgpack.Decoder(AppointmentView)


@dataclass(frozen=True, slots=True)
class ReadModelKeys:
    keyspace: Keyspace
    version: int = VERSION

    def _base(self, partition: int) -> str:
        return f"{self.keyspace.prefix}:{{p{partition}}}:rm:v{self.version}"

    def session(self, partition: int, chat: str) -> str:
        return f"{self._base(partition)}:session:{chat}"

    def sessions(self, partition: int) -> str:
        """Chats of the partition, scored by last activity (ms)."""
        return f"{self._base(partition)}:sessions"

    def consent(self, partition: int, chat: str) -> str:
        return f"{self._base(partition)}:consent:{chat}"

    def appointment(self, partition: int, appointment_id: str) -> str:
        return f"{self._base(partition)}:appointment:{appointment_id}"

    def appointments_of(self, partition: int, chat: str) -> str:
        return f"{self._base(partition)}:appointments:{chat}"

    def day(self, partition: int, day: date) -> str:
        return f"{self._base(partition)}:day:{day.isoformat()}"


class ReadModels:
    """Queries over the read models."""

    def __init__(self, redis: Redis, keys: ReadModelKeys) -> None:
        self.redis = redis
        self.keys = keys

    def _partition(self, chat: str) -> int:
        return self.keys.keyspace.partition_of(chat)

    async def session(self, chat: str) -> SessionView | None:
        raw = await self.redis.get(self.keys.session(self._partition(chat), chat))
        return _session.decode(cast(bytes, raw)) if raw is not None else None

    async def consent_history(self, chat: str) -> list[ConsentRecord]:
        raw = await self.redis.lrange(self.keys.consent(self._partition(chat), chat), 0, -1)
        return [_consent.decode(item) for item in cast(list[bytes], raw)]

    async def appointments_of(self, chat: str) -> list[AppointmentView]:
        partition = self._partition(chat)
        ids = await self.redis.zrange(self.keys.appointments_of(partition, chat), 0, -1)
        return await self._appointments(partition, [i.decode() for i in cast(list[bytes], ids)])

    async def appointments_on(self, day: date) -> list[AppointmentView]:
        """A day's appointments of every partition, by start time."""
        found: list[AppointmentView] = []
        for partition in self.keys.keyspace.all_partitions():
            ids = await self.redis.zrange(self.keys.day(partition, day), 0, -1)
            found += await self._appointments(
                partition, [i.decode() for i in cast(list[bytes], ids)]
            )
        return sorted(found, key=lambda a: a.start)

    async def _appointments(self, partition: int, ids: list[str]) -> list[AppointmentView]:
        if not ids:
            return []
        raw = await self.redis.mget([self.keys.appointment(partition, i) for i in ids])
        return [_appointment.decode(item) for item in cast(list[bytes | None], raw) if item]


def decode_session(raw: bytes) -> SessionView:
    return _session.decode(raw)


def decode_appointment(raw: bytes) -> AppointmentView:
    return _appointment.decode(raw)
