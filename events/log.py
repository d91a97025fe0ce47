"""The event log: idempotent append, range reads and a conversation's history."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from redis.asyncio import Redis

from events.codec import Record, decode_entry, encode_entry
from events.envelope import Envelope
from events.keys import Keyspace
from events.scripts import Scripts

DEFAULT_DEDUP_WINDOW_MS = 24 * 3600 * 1000

StreamEntries = Sequence[tuple[bytes, dict[bytes, bytes]]]


class LayoutMismatch(Exception):
    """The log was written with another partition count; reading it would misplace chats."""


@dataclass(frozen=True, slots=True)
class AppendResult:
    """Where an event landed; ``created`` is False when it was a duplicate."""

    entry_id: str
    partition: int
    created: bool


@dataclass(frozen=True, slots=True)
class PendingAppend:
    envelope: Envelope
    idempotency_key: str | None = None


def decode_entries(partition: int, entries: StreamEntries) -> list[Record]:
    return [decode_entry(eid.decode(), partition, fields) for eid, fields in entries]


class EventLog:
    """Appends events to their chat's partition and reads them back."""

    def __init__(
        self,
        redis: Redis,
        keyspace: Keyspace,
        *,
        dedup_window_ms: int = DEFAULT_DEDUP_WINDOW_MS,
    ) -> None:
        if dedup_window_ms <= 0:
            raise ValueError("the dedup window must be positive")
        self.redis = redis
        self.keyspace = keyspace
        self.dedup_window_ms = dedup_window_ms
        self._scripts = Scripts.register(redis)

    async def ensure_layout(self) -> None:
        """Record the partition count on first use; refuse to run with a different one."""
        key = self.keyspace.layout()
        await self.redis.set(key, self.keyspace.partitions, nx=True)
        stored = int(cast(bytes, await self.redis.get(key)))
        if stored != self.keyspace.partitions:
            raise LayoutMismatch(
                f"the log has {stored} partitions but this process is configured with "
                f"{self.keyspace.partitions}; set PARTITIONS={stored}"
            )

    async def append(self, envelope: Envelope, idempotency_key: str | None = None) -> AppendResult:
        """Append one event; with an idempotency key, at most once per dedup window."""
        [result] = await self.append_many([PendingAppend(envelope, idempotency_key)])
        return result

    async def append_many(self, items: Sequence[PendingAppend]) -> list[AppendResult]:
        """Append several events in one round trip; each append is atomic on its own."""
        async with self.redis.pipeline(transaction=False) as pipe:
            partitions = []
            for item in items:
                partition = self.keyspace.partition_of(item.envelope.chat)
                partitions.append(partition)
                fields = encode_entry(item.envelope)
                stream = self.keyspace.stream(partition)
                if item.idempotency_key is None:
                    pipe.xadd(stream, fields)  # type: ignore[arg-type]
                    continue
                args: list[bytes | int] = [self.dedup_window_ms]
                for name, value in fields.items():
                    args += [name.encode(), value]
                dedup = self.keyspace.dedup(partition, item.idempotency_key)
                await self._scripts.append_once(keys=[stream, dedup], args=args, client=pipe)
            replies = await pipe.execute()
        return [_append_result(reply, p) for reply, p in zip(replies, partitions, strict=True)]

    async def read(
        self,
        partition: int,
        *,
        start: str = "-",
        end: str = "+",
        count: int | None = None,
    ) -> list[Record]:
        """Entries of one partition between two ids, inclusive, in log order."""
        entries = await self._xrange(partition, start, end, count)
        return decode_entries(partition, entries)

    async def _xrange(
        self, partition: int, start: str, end: str, count: int | None
    ) -> StreamEntries:
        stream = self.keyspace.stream(partition)
        return cast(StreamEntries, await self.redis.xrange(stream, start, end, count))

    async def scan(
        self, partitions: Iterable[int] | None = None, batch: int = 500
    ) -> AsyncIterator[Record]:
        """Every entry, partition by partition, each partition in log order."""
        for partition in self.keyspace.all_partitions() if partitions is None else partitions:
            start = "-"
            while True:
                records = await self.read(partition, start=start, count=batch)
                for record in records:
                    yield record
                if len(records) < batch:
                    break
                start = "(" + records[-1].entry_id

    async def chat_history(self, chat: str, batch: int = 1000) -> list[Record]:
        """Every event of one conversation, in the order it was recorded."""
        partition = self.keyspace.partition_of(chat)
        wanted = chat.encode()
        history: list[Record] = []
        start = "-"
        while True:
            entries = await self._xrange(partition, start, "+", batch)
            # Filter on the plain chat field before decoding: most entries belong to others.
            mine = [(eid, fields) for eid, fields in entries if fields.get(b"chat") == wanted]
            history += decode_entries(partition, mine)
            if len(entries) < batch:
                return history
            start = "(" + entries[-1][0].decode()


def _append_result(reply: object, partition: int) -> AppendResult:
    if isinstance(reply, Exception):
        raise reply
    if isinstance(reply, bytes | str):  # plain XADD
        return AppendResult(_text(reply), partition, created=True)
    assert isinstance(reply, list)
    created, entry_id = reply
    return AppendResult(_text(entry_id), partition, created=bool(created))


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
