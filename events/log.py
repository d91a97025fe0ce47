"""The event log: idempotent append, range reads and a conversation's history.

Whole-log reads (``scan``, ``chat_history``) go through the archive first when part of
the log has been moved out of Redis (``events.archive``), then on in the stream.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

from redis.asyncio import Redis
from redis.exceptions import NoScriptError, ResponseError

from events.archive import Archive, EntryId, StreamEntries, format_id, parse_id
from events.checkpoint import append_command
from events.codec import Record, as_text, decode_entry, encode_entry, is_redelivery, is_sealed
from events.envelope import Envelope
from events.keys import Keyspace
from events.scripts import Scripts
from events.sealing import has_personal_data
from events.subject_keys import SubjectKeys

DEFAULT_DEDUP_WINDOW_MS = 24 * 3600 * 1000
# A chat erased while its event was being sealed is sealed again with its new key; more
# than a couple of erasures racing one append means something is wrong.
SEAL_ATTEMPTS = 3


class LayoutMismatch(Exception):
    """The log was written with another partition count; reading it would misplace chats."""


class StaleSubjectKey(Exception):
    """The chat's key kept changing while its event was being appended."""


class ArchiveNeeded(Exception):
    """Part of the log is archived and this reader was given no archive to read it in."""


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


@dataclass(slots=True)
class _KeyedGroup:
    """The keyed appends of one batch that go to one partition, as one script call."""

    names: list[str]
    chats: list[str] = field(default_factory=list)
    dedup_keys: list[str] = field(default_factory=list)
    values: list[bytes] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)


def decode_entries(
    partition: int, entries: StreamEntries, subject_keys: Mapping[str, bytes]
) -> list[Record]:
    records = []
    for eid, fields in entries:
        key = subject_keys.get(fields.get(b"chat", b"").decode()) if is_sealed(fields) else None
        records.append(decode_entry(eid.decode(), partition, fields, key))
    return records


class EventLog:
    """Appends events to their chat's partition and reads them back."""

    def __init__(
        self,
        redis: Redis,
        keyspace: Keyspace,
        *,
        dedup_window_ms: int = DEFAULT_DEDUP_WINDOW_MS,
        archive: Archive | None = None,
    ) -> None:
        if dedup_window_ms <= 0:
            raise ValueError("the dedup window must be positive")
        self.redis = redis
        self.keyspace = keyspace
        self.archive = archive
        self.dedup_window_ms = dedup_window_ms
        self.subject_keys = SubjectKeys(redis, keyspace)
        self._scripts = Scripts.register(redis)

    async def ensure_layout(self) -> None:
        """Record the partition count on first use; refuse to run with a different one."""
        await self.redis.set(self.keyspace.layout(), self.keyspace.partitions, nx=True)
        await self.check_layout()

    async def check_layout(self) -> None:
        """Refuse a partition count other than the log's, writing nothing (a reader of a
        log with another count would silently miss partitions)."""
        raw = await self.redis.get(self.keyspace.layout())
        stored = None if raw is None else int(cast(bytes, raw))
        if stored is not None and stored != self.keyspace.partitions:
            raise LayoutMismatch(
                f"the log has {stored} partitions but this process is configured with "
                f"{self.keyspace.partitions}; set PARTITIONS={stored}"
            )

    async def append(self, envelope: Envelope, idempotency_key: str | None = None) -> AppendResult:
        """Append one event; with an idempotency key, at most once per dedup window."""
        [result] = await self.append_many([PendingAppend(envelope, idempotency_key)])
        if isinstance(result, Exception):
            raise result
        return result

    async def append_many(self, items: Sequence[PendingAppend]) -> list[AppendResult | Exception]:
        """Append several events in one round trip.

        Each append is atomic and succeeds or fails on its own; one chat's events land in
        the order listed. Keyed appends cost one script call per partition, not per event.
        Personal data is sealed with each chat's subject key.
        """
        results: list[AppendResult | Exception] = [RuntimeError("not appended")] * len(items)
        positions = list(range(len(items)))
        for _ in range(SEAL_ATTEMPTS):
            positions = await self._append_round(items, positions, results)
            if not positions:
                return results
        for position in positions:
            results[position] = StaleSubjectKey(f"chat {items[position].envelope.chat}")
        return results

    async def _append_round(
        self,
        items: Sequence[PendingAppend],
        positions: list[int],
        results: list[AppendResult | Exception],
    ) -> list[int]:
        """Append the items at ``positions``; the positions to seal again with a new key."""
        envelopes = [items[p].envelope for p in positions]
        sealed = [e.chat for e in envelopes if has_personal_data(e.event)]
        subject_keys = await self.subject_keys.for_writing(sealed)
        commands, slots = self._append_commands(items, positions, subject_keys)
        replies = await self._pipeline(commands)
        if any(isinstance(reply, NoScriptError) for reply in replies):
            # Redis lost its script cache (a restart): nothing of those commands ran.
            await self.redis.script_load(self._scripts.append_once.script)
            retry = [i for i, reply in enumerate(replies) if isinstance(reply, NoScriptError)]
            retried = await self._pipeline([commands[i] for i in retry])
            for i, reply in zip(retry, retried, strict=True):
                replies[i] = reply
        stale: list[int] = []
        for reply, (partition, carried) in zip(replies, slots, strict=True):
            outcomes = reply if isinstance(reply, list) else [reply] * len(carried)
            for position, outcome in zip(carried, outcomes, strict=True):
                result = _append_result(outcome, partition)
                if result is None:
                    stale.append(position)
                    self.subject_keys.forget(items[position].envelope.chat)
                else:
                    results[position] = result
        return stale

    def _append_commands(
        self,
        items: Sequence[PendingAppend],
        positions: list[int],
        subject_keys: Mapping[str, bytes],
    ) -> tuple[list[Sequence[str | bytes | int | float]], list[tuple[int, list[int]]]]:
        """The commands of a batch, and for each the partition and the items it carries."""
        commands: list[Sequence[str | bytes | int | float]] = []
        slots: list[tuple[int, list[int]]] = []
        keyed: dict[int, _KeyedGroup] = {}
        for position in positions:
            item = items[position]
            chat = item.envelope.chat
            subject_key = subject_keys.get(chat)
            partition = self.keyspace.partition_of(chat)
            if item.idempotency_key is None:
                commands.append(append_command(self.keyspace, item.envelope, subject_key))
                slots.append((partition, [position]))
                continue
            fields = encode_entry(item.envelope, subject_key)
            group = keyed.setdefault(partition, _KeyedGroup(names=list(fields)))
            group.dedup_keys.append(self.keyspace.dedup(partition, item.idempotency_key))
            group.values += [chat.encode(), subject_key or b"", *fields.values()]
            group.positions.append(position)
        for partition, group in keyed.items():
            keys = [
                self.keyspace.stream(partition),
                self.keyspace.subject_keys(partition),
                *group.dedup_keys,
            ]
            commands.append(
                ["EVALSHA", self._scripts.append_once.sha, len(keys), *keys,
                 self.dedup_window_ms, len(group.names), *group.names, *group.values]
            )  # fmt: skip
            slots.append((partition, group.positions))
        return commands, slots

    async def _pipeline(
        self, commands: Sequence[Sequence[str | bytes | int | float]]
    ) -> list[object]:
        """Run commands in one round trip; a failed command's reply is its exception."""
        if len(commands) == 1:
            # A lone command needs no pipeline object.
            try:
                return [await self.redis.execute_command(*commands[0])]  # type: ignore[no-untyped-call]
            except ResponseError as exc:
                return [exc]
        async with self.redis.pipeline(transaction=False) as pipe:
            for command in commands:
                pipe.execute_command(*command)
            return list(await pipe.execute(raise_on_error=False))

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
        """Decode entries, opening personal data with the subject keys that still exist."""
        chats = [fields[b"chat"].decode() for _, fields in entries if is_sealed(fields)]
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


def _append_result(reply: object, partition: int) -> AppendResult | Exception | None:
    """The outcome of one append; None when its subject key went stale."""
    if isinstance(reply, Exception):
        return reply
    if isinstance(reply, bytes | str):  # plain XADD
        return AppendResult(as_text(reply), partition, created=True)
    assert isinstance(reply, list)
    created, entry_id = reply
    if created == -1:
        return None
    return AppendResult(as_text(entry_id), partition, created=bool(created))
