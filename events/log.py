"""The event log: append (``events.appending``), range reads and a conversation's history.

Whole-log reads (``scan``, ``chat_history``) go through the archive first when part of
the log has been moved out of Redis (``events.archive``), then on in the stream.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from typing import cast

from events.appending import Appender, AppendResult, PendingAppend
from events.archive import Archive, EntryId, StreamEntries, format_id, parse_id
from events.codec import Record, decode_entry, is_redelivery
from events.envelope import Envelope
from events.key_wrapping import KekMismatch, KeyRing, fingerprint_of
from events.keys import Keyspace
from events.redis_client import RedisClient
from events.replication import ReplicaWait
from events.subject_keys import SubjectKeys

DEFAULT_DEDUP_WINDOW_MS = 24 * 3600 * 1000


log = logging.getLogger(__name__)


class LayoutMismatch(Exception):
    """The log was written with another partition count; reading it would misplace chats."""


class WrongKeyEncryptionKey(LayoutMismatch):
    """The subject keys are wrapped with a key-encryption key this process was not given."""


class ArchiveNeeded(Exception):
    """Part of the log is archived and this reader was given no archive to read it in."""


def decode_entries(
    partition: int, entries: StreamEntries, subject_keys: Mapping[str, bytes]
) -> list[Record]:
    records = []
    for eid, fields in entries:
        key = subject_keys.get(fields.get(b"chat", b"").decode())
        records.append(decode_entry(eid.decode(), partition, fields, key))
    return records


class EventLog:
    """Appends events to their chat's partition and reads them back."""

    def __init__(
        self,
        redis: RedisClient,
        keyspace: Keyspace,
        *,
        dedup_window_ms: int = DEFAULT_DEDUP_WINDOW_MS,
        archive: Archive | None = None,
        keys: KeyRing | None = None,
        replica_wait: ReplicaWait | None = None,
    ) -> None:
        """``keys``: the key-encryption keys that wrap the subject keys in Redis (every
        service has them; without, keys are stored unwrapped). ``replica_wait``: an append
        counts once that many replicas hold it (``events.replication``)."""
        if dedup_window_ms <= 0:
            raise ValueError("the dedup window must be positive")
        self.redis = redis
        self.keyspace = keyspace
        self.archive = archive
        self.dedup_window_ms = dedup_window_ms
        self.subject_keys = SubjectKeys(redis, keyspace, keys=keys)
        self._appender = Appender(
            redis, keyspace, self.subject_keys, dedup_window_ms, replica_wait=replica_wait
        )

    async def ensure_layout(self) -> None:
        """Record the partition count on first use; refuse to run with a different one."""
        await self.redis.set(self.keyspace.layout(), self.keyspace.layout_value, nx=True)
        await self.check_layout()

    async def check_layout(self) -> None:
        """Refuse a partition count other than the log's, writing nothing (a reader of a
        log with another count would silently miss partitions)."""
        raw = await self.redis.get(self.keyspace.layout())
        count, _, tags = ("" if raw is None else cast(bytes, raw).decode()).partition(" ")
        stored = int(count) if count else None
        if stored is not None and stored != self.keyspace.partitions:
            raise LayoutMismatch(
                f"the log has {stored} partitions but this process is configured with "
                f"{self.keyspace.partitions}; set PARTITIONS={stored}"
            )
        if stored is not None and (tags == "spread") != self.keyspace.spread:
            # Read with the other tags, the log would look empty.
            written = "a Redis Cluster's" if tags == "spread" else "a single Redis's"
            raise LayoutMismatch(
                f"the log's keys are named for {written} hash tags, and REDIS_URL "
                "says otherwise; see Redis Cluster in the README for moving a log"
            )
        await self.check_key_encryption_key()

    async def check_key_encryption_key(self) -> None:
        """Refuse to run with a key-encryption key other than the one that wraps the
        subject keys (every subject's data would read as erased): one stored key of each
        partition, taken at random, must open."""
        async with self.redis.pipeline(transaction=False) as pipe:
            for partition in self.keyspace.all_partitions():
                pipe.hrandfield(self.keyspace.subject_keys(partition), 1, withvalues=True)
            samples = cast(list[list[bytes]], await pipe.execute())
        for sample in samples:
            if not sample:
                continue
            chat, stored = sample[0].decode(), sample[1]
            try:
                self.subject_keys.opened(stored, chat)
            except KekMismatch:
                if self.subject_keys.ring is None:
                    raise WrongKeyEncryptionKey(
                        "the subject keys are wrapped: set SUBJECT_KEY_KEK_FILE to their "
                        "key-encryption key"
                    ) from None
                raise WrongKeyEncryptionKey(
                    "SUBJECT_KEY_KEK_FILE does not open the subject keys: they are wrapped "
                    "with another key-encryption key (during a rotation, give the old one "
                    "as SUBJECT_KEY_PREVIOUS_KEK_FILE)"
                ) from None
            if self.subject_keys.ring is not None and fingerprint_of(stored) is None:
                # Kept by a version before wrapping: a copy of Redis would open them.
                log.warning("subject keys stored unwrapped remain; run `wsm keys rewrap`")

    async def append(self, envelope: Envelope, idempotency_key: str | None = None) -> AppendResult:
        """Append one event; with an idempotency key, at most once per dedup window."""
        [result] = await self.append_many([PendingAppend(envelope, idempotency_key)])
        if isinstance(result, Exception):
            raise result
        return result

    async def append_many(self, items: Sequence[PendingAppend]) -> list[AppendResult | Exception]:
        """Append several events in one round trip (``events.appending``): each atomic,
        succeeding or failing on its own, one chat's events in the order listed."""
        return await self._appender.append_many(items)

    async def read(
        self,
        partition: int,
        *,
        start: str = "-",
        end: str = "+",
        count: int | None = None,
    ) -> list[Record]:
        """Entries of one partition between two ids, inclusive, in log order, from what
        Redis holds (archived entries are read by ``scan`` and ``chat_history``)."""
        entries = await self._xrange(partition, start, end, count)
        return await self._decode(partition, entries)

    async def _decode(self, partition: int, entries: StreamEntries) -> list[Record]:
        """Decode entries, opening personal data with the subject keys that still exist.

        Every entry gets its chat's key, sealed or not: what is derived from it (a
        snapshot, a read model) is sealed with that key too."""
        chats = [fields[b"chat"].decode() for _, fields in entries]
        subject_keys = await self.subject_keys.for_reading(partition, chats)
        return decode_entries(partition, entries, subject_keys)

    async def _xrange(
        self, partition: int, start: str, end: str, count: int | None
    ) -> StreamEntries:
        stream = self.keyspace.stream(partition)
        return cast(StreamEntries, await self.redis.xrange(stream, start, end, count))

    async def _pages(self, partition: int, end: str, batch: int) -> AsyncIterator[StreamEntries]:
        """Every entry of a partition up to ``end``, in log order: the archived ones, then
        those in Redis.

        Each page of the stream is read together with how far the partition is archived:
        if an archiver moved entries past the last one read meanwhile, they are in newer
        segments, so reading goes back to the archive instead of skipping them.
        """
        last: EntryId | None = None
        limit = None if end == "+" else parse_id(end)
        archived: EntryId | None = None
        while True:
            if self.archive is not None:
                for page in self.archive.read(partition, after=last, end=limit):
                    yield page
                    last = parse_id(page[-1][0])
            if limit is not None and last is not None and last >= limit:
                return
            if archived is not None and (last is None or last < archived):
                where = (
                    f"{self.archive.directory} holds less: is EVENT_ARCHIVE_DIR the archive?"
                    if self.archive
                    else "set EVENT_ARCHIVE_DIR to read it"
                )
                raise ArchiveNeeded(
                    f"partition {partition} is archived up to {format_id(archived)}; {where}"
                )
            while True:
                start = "-" if last is None else "(" + format_id(last)
                archived, page = await self._stream_page(partition, start, end, batch)
                if archived is not None and (last is None or archived > last):
                    break  # moved into the archive meanwhile: read it there
                if page:
                    yield page
                    last = parse_id(page[-1][0])
                if len(page) < batch:
                    return

    async def _stream_page(
        self, partition: int, start: str, end: str, count: int
    ) -> tuple[EntryId | None, StreamEntries]:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.get(self.keyspace.archived(partition))
            pipe.xrange(self.keyspace.stream(partition), start, end, count)
            archived, page = await pipe.execute()
        return (parse_id(archived) if archived else None), cast(StreamEntries, page)

    async def scan(
        self, partitions: Iterable[int] | None = None, batch: int = 500, end: str = "+"
    ) -> AsyncIterator[Record]:
        """Every event up to ``end``, partition by partition, each partition in log order.

        Entries given back to one consumer group from the dead letters are second
        deliveries of events already here: they are left out.
        """
        for partition in self.keyspace.all_partitions() if partitions is None else partitions:
            async for entries in self._pages(partition, end, batch):
                events = [(eid, fields) for eid, fields in entries if not is_redelivery(fields)]
                for record in await self._decode(partition, events):
                    yield record

    async def chat_history(self, chat: str, batch: int = 1000) -> list[Record]:
        """Every event of one conversation, in the order it was recorded."""
        partition = self.keyspace.partition_of(chat)
        wanted = chat.encode()
        history: list[Record] = []
        async for entries in self._pages(partition, "+", batch):
            # Filter on the plain chat field before decoding: most entries belong to others.
            mine = [
                (eid, fields)
                for eid, fields in entries
                if fields.get(b"chat") == wanted and not is_redelivery(fields)
            ]
            history += await self._decode(partition, mine)
        return history
