"""Where the read models live, and how they are read back.

Every key of a chat's read models is in its partition's slot, next to the log, so a view,
its indexes and the projector's checkpoint are written by one script. The version in the
key names lets a rebuilt model be written beside the one in service.

Sessions and consent records are stored sealed with their subject's key
(``events.sealed_state``): read with the key, whole; once it is erased, without the person.
Appointments hold no name or text (a chat key, times, a status) and are stored as they are.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

import msgspec

from events import Keyspace
from events.redis_client import RedisClient
from events.sealed_state import SealedCodec
from events.subject_keys import SubjectKeys
from services.projector.views import (
    AppointmentView,
    ConsentRecord,
    SessionView,
    neutral_session,
    without_person,
)

FIRST_VERSION = 1

_session = SealedCodec(SessionView, neutral_session)
_consent = SealedCodec(ConsentRecord, without_person)
_appointment = msgspec.msgpack.Decoder(AppointmentView)


def version_key(keyspace: Keyspace, projection: str) -> str:
    """The version of a projection that is in service."""
    return keyspace.shared("rm", projection, "version")


async def current_version(redis: RedisClient, keyspace: Keyspace, projection: str) -> int:
    raw = await redis.get(version_key(keyspace, projection))
    return int(cast(bytes, raw)) if raw is not None else FIRST_VERSION


@functools.lru_cache(maxsize=4096)
def _base(keyspace: Keyspace, version: int, partition: int, projection: str) -> str:
    """A version's prefix in a partition: built once, as every event names a few keys."""
    return keyspace.in_partition(partition, "rm", projection, f"v{version}")


@dataclass(frozen=True, slots=True)
class ReadModelKeys:
    """The keys of one version of the read models (each projection uses its own)."""

    keyspace: Keyspace
    version: int = FIRST_VERSION

    def _base(self, partition: int, projection: str) -> str:
        return _base(self.keyspace, self.version, partition, projection)

    def pattern(self, projection: str) -> str:
        """Every key of this version of ``projection``, for SCAN."""
        return self.keyspace.in_every_partition("rm", projection, f"v{self.version}", "*")

    @staticmethod
    def every_version_pattern(keyspace: Keyspace, projection: str) -> str:
        """Every key of every version of ``projection``, for SCAN."""
        return keyspace.in_every_partition("rm", projection, "v*")

    def session(self, partition: int, chat: str) -> str:
        return f"{self._base(partition, 'sessions')}:chat:{chat}"

    def sessions(self, partition: int) -> str:
        """Chats of the partition, scored by last activity (ms)."""
        return f"{self._base(partition, 'sessions')}:index"

    def handoffs(self, partition: int) -> str:
        """Chats of the partition whose session is in a person's hands, scored by when
        that ends (ms): the inbox reads these instead of every session."""
        return f"{self._base(partition, 'sessions')}:handoffs"

    def consent(self, partition: int, chat: str) -> str:
        return f"{self._base(partition, 'consent')}:chat:{chat}"

    def appointment(self, partition: int, appointment_id: str) -> str:
        return f"{self._base(partition, 'appointments')}:id:{appointment_id}"

    def appointments_of(self, partition: int, chat: str) -> str:
        return f"{self._base(partition, 'appointments')}:chat:{chat}"

    def day(self, partition: int, day: date) -> str:
        return f"{self._base(partition, 'appointments')}:day:{day.isoformat()}"

    def session_status(self, partition: int, session: str) -> str:
        """A WAHA session's status (in the partition of its ``session.status`` events)."""
        return f"{self._base(partition, 'health')}:status:{session}"

    def ack_watch(self, partition: int, session: str, chat: str) -> str:
        """A chat's replies in a WAHA session awaiting WhatsApp's acknowledgement: one key
        per chat, as a partition's chats are projected side by side."""
        return f"{self._base(partition, 'health')}:acks:{session}:{chat}"

    def health_index(self, partition: int) -> str:
        """What the partition holds health of: session names, and ``chat:session`` for
        each chat's watch of acknowledgements (the score is 0)."""
        return f"{self._base(partition, 'health')}:index"


@dataclass(frozen=True, slots=True, order=True)
class Activity:
    """A place in the sessions' order (most recent first): last activity (ms) and chat."""

    at_ms: int
    chat: str


class ReadModels:
    """Queries over the versions of the read models in service."""

    def __init__(
        self, redis: RedisClient, keyspace: Keyspace, subject_keys: SubjectKeys | None = None
    ) -> None:
        """``subject_keys``: the log's, which open the sealed views (a log's
        ``subject_keys``, unwrapped with its key-encryption key)."""
        self.redis = redis
        self.keyspace = keyspace
        self.subject_keys = subject_keys or SubjectKeys(redis, keyspace)

    async def _subject_keys(self, chats: list[tuple[str, int]]) -> dict[str, bytes]:
        """The keys of ``chats`` (chat, partition) that still exist."""
        by_partition: dict[int, list[str]] = {}
        for chat, partition in chats:
            by_partition.setdefault(partition, []).append(chat)
        found: dict[str, bytes] = {}
        for partition, wanted in by_partition.items():
            found |= await self.subject_keys.for_reading(partition, wanted)
        return found

    async def _keys(self, projection: str) -> ReadModelKeys:
        version = await current_version(self.redis, self.keyspace, projection)
        return ReadModelKeys(self.keyspace, version)

    async def session(self, chat: str) -> SessionView | None:
        keys = await self._keys("sessions")
        found = await self._sessions(keys, [(chat, self.keyspace.partition_of(chat))])
        return found[0] if found else None

    async def recent_sessions(
        self, limit: int, after: Activity | None = None
    ) -> tuple[list[SessionView], Activity | None]:
        """Up to ``limit`` sessions, most recently active first, from just after ``after``;
        and where the next page starts (None after the last)."""
        keys = await self._keys("sessions")
        partitions = list(self.keyspace.all_partitions())
        top = "+inf" if after is None else f"({after.at_ms}"
        async with self.redis.pipeline(transaction=False) as pipe:
            for partition in partitions:
                index = keys.sessions(partition)
                pipe.zrange(
                    index,
                    top,
                    "-inf",
                    desc=True,
                    byscore=True,
                    offset=0,
                    num=limit + 1,
                    withscores=True,
                )
                if after is not None:  # the same millisecond, further on in the order
                    pipe.zrange(index, after.at_ms, after.at_ms, byscore=True, withscores=True)
            replies = cast(list[list[tuple[bytes, float]]], await pipe.execute())
        found: list[tuple[Activity, int]] = []
        per_partition = 1 if after is None else 2
        for i, partition in enumerate(partitions):
            for reply in replies[i * per_partition : (i + 1) * per_partition]:
                found += [(Activity(int(score), chat.decode()), partition) for chat, score in reply]
        candidates = sorted((f for f in found if after is None or f[0] < after), reverse=True)[
            : limit + 1
        ]
        page = candidates[:limit]
        views = await self._sessions(keys, [(a.chat, p) for a, p in page])
        more = len(candidates) > limit
        return views, page[-1][0] if more else None

    async def in_handoff(self, now: datetime) -> list[SessionView]:
        """The sessions in a person's hands at ``now``, in no particular order."""
        keys = await self._keys("sessions")
        after = f"({int(now.timestamp() * 1000)}"
        partitions = list(self.keyspace.all_partitions())
        async with self.redis.pipeline(transaction=False) as pipe:
            for partition in partitions:
                pipe.zrange(keys.handoffs(partition), after, "+inf", byscore=True)
            replies = cast(list[list[bytes]], await pipe.execute())
        chats = [
            (chat.decode(), partition)
            for partition, found in zip(partitions, replies, strict=True)
            for chat in found
        ]
        return await self._sessions(keys, chats)

    async def inactive_since(self, cutoff: datetime) -> list[SessionView]:
        """Sessions whose last activity was at or before ``cutoff``, oldest first."""
        keys = await self._keys("sessions")
        top = int(cutoff.timestamp() * 1000)
        chats: list[tuple[str, int]] = []
        for partition in self.keyspace.all_partitions():
            found = await self.redis.zrange(keys.sessions(partition), "-inf", top, byscore=True)
            chats += [(chat.decode(), partition) for chat in cast(list[bytes], found)]
        views = await self._sessions(keys, chats)
        return sorted(views, key=lambda view: view.last_activity)

    async def _sessions(
        self, keys: ReadModelKeys, chats: list[tuple[str, int]]
    ) -> list[SessionView]:
        if not chats:
            return []
        async with self.redis.pipeline(transaction=False) as pipe:
            for chat, partition in chats:
                pipe.get(keys.session(partition, chat))
            raw = cast(list[bytes | None], await pipe.execute())
        subject_keys = await self._subject_keys(chats)
        return [
            decode_session(item, chat, subject_keys.get(chat))
            for item, (chat, _) in zip(raw, chats, strict=True)
            if item is not None
        ]

    async def consent_history(
        self, chat: str, start: int = 0, count: int | None = None
    ) -> list[ConsentRecord]:
        """The subject's consent records in the order they happened (``count`` of them
        from ``start``, or all)."""
        keys = await self._keys("consent")
        partition = self.keyspace.partition_of(chat)
        key = keys.consent(partition, chat)
        stop = -1 if count is None else start + count - 1
        raw = await self.redis.lrange(key, start, stop)
        subject_key = (await self.subject_keys.for_reading(partition, [chat])).get(chat)
        return [decode_consent(item, chat, subject_key) for item in cast(list[bytes], raw)]

    async def appointments_of(self, chat: str) -> list[AppointmentView]:
        keys = await self._keys("appointments")
        partition = self.keyspace.partition_of(chat)
        ids = await self.redis.zrange(keys.appointments_of(partition, chat), 0, -1)
        return await self._appointments(keys, partition, cast(list[bytes], ids))

    async def appointments_on(self, day: date) -> list[AppointmentView]:
        """A day's appointments of every partition, by start time."""
        keys = await self._keys("appointments")
        found: list[AppointmentView] = []
        for partition in self.keyspace.all_partitions():
            ids = await self.redis.zrange(keys.day(partition, day), 0, -1)
            found += await self._appointments(keys, partition, cast(list[bytes], ids))
        return sorted(found, key=lambda a: a.start)

    async def _appointments(
        self, keys: ReadModelKeys, partition: int, ids: list[bytes]
    ) -> list[AppointmentView]:
        if not ids:
            return []
        raw = await self.redis.mget([keys.appointment(partition, i.decode()) for i in ids])
        return [_appointment.decode(item) for item in cast(list[bytes | None], raw) if item]


def _session_place(chat: str) -> bytes:
    return f"sessions/{chat}".encode()


def _consent_place(chat: str) -> bytes:
    return f"consent/{chat}".encode()


def encode_session(view: SessionView, subject_key: bytes | None) -> bytes:
    """A session as stored: its person sealed with ``subject_key``."""
    return _session.encode(view, subject_key, _session_place(view.chat))


def decode_session(raw: bytes, chat: str, subject_key: bytes | None) -> SessionView:
    """A stored session: whole if ``subject_key`` opens it, else without its person."""
    return _session.decode(raw, subject_key, _session_place(chat))


def encode_consent(record: ConsentRecord, chat: str, subject_key: bytes | None) -> bytes:
    return _consent.encode(record, subject_key, _consent_place(chat))


def decode_consent(raw: bytes, chat: str, subject_key: bytes | None) -> ConsentRecord:
    return _consent.decode(raw, subject_key, _consent_place(chat))


def decode_appointment(raw: bytes) -> AppointmentView:
    return _appointment.decode(raw)
