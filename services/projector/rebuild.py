"""Rebuilding projections from the log, from the first entry up to a boundary.

A rebuild writes a version nobody else writes, one partition at a time, and every chat
lives in one partition: so the views of a partition can be built in memory and written in
large pipelined batches (only each key's final state), instead of one commit per event.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Protocol, cast
from zoneinfo import ZoneInfo

from events import EventLog, Record
from events.checkpoint import Command
from events.redis_client import RedisClient
from events.schema import EVENT_TYPES, DomainEvent, UnknownEvent
from services.projector.health_rebuild import HealthRebuild
from services.projector.projections import Projection, projection
from services.projector.sessions_rebuild import SessionsRebuild
from services.projector.store import ReadModelKeys

FLUSH_EVERY = 5000
"""Entries read between two writes of the views changed meanwhile."""
PAGE = 1000
"""Entries read from the log at a time; progress is reported after each page."""


async def boundaries(log: EventLog) -> dict[int, str]:
    """The last entry id of every partition now (``0-0`` for an empty one)."""
    ends: dict[int, str] = {}
    for partition in log.keyspace.all_partitions():
        last = cast(
            list[tuple[bytes, object]],
            await log.redis.xrevrange(log.keyspace.stream(partition), count=1),
        )
        ends[partition] = last[0][0].decode() if last else "0-0"
    return ends


class MemoryViews:
    """The views being rebuilt: the projections' commands applied in memory."""

    def __init__(self) -> None:
        self.values: dict[str, bytes] = {}
        self.lists: dict[str, list[bytes]] = {}
        self.sorted: dict[str, dict[bytes, float]] = {}
        self.dirty: set[str] = set()
        self.written: set[str] = set()
        """The keys written by an earlier batch (of this partition)."""

    async def get(self, key: str) -> bytes | None:
        return self.values.get(key)

    async def elements(self, key: str) -> list[bytes]:
        return list(self.lists.get(key, ()))

    async def members(self, key: str) -> list[bytes]:
        scores = self.sorted.get(key, {})
        return sorted(scores, key=lambda member: (scores[member], member))

    def apply(self, command: Command) -> None:
        name, key = command[0], command[1]
        assert isinstance(key, str)
        self.dirty.add(key)
        if name == "SET":  # most of them: no list of arguments made
            self.values[key] = cast(bytes, command[2])
            return
        args = command[2:]
        match name:
            case "DEL":
                self.values.pop(key, None)
                self.lists.pop(key, None)
                self.sorted.pop(key, None)
            case "RPUSH":
                self.lists.setdefault(key, []).extend(cast(list[bytes], args))
            case "ZADD":
                members = self.sorted.setdefault(key, {})
                for score, member in zip(args[::2], args[1::2], strict=True):
                    members[_bytes(member)] = float(score)
            case "ZREM":
                members = self.sorted.get(key, {})
                for member in args:
                    members.pop(_bytes(member), None)
                if not members:
                    self.sorted.pop(key, None)  # as Redis drops an emptied set
            case _:
                raise ValueError(f"a projection used {name!r}, which a rebuild cannot apply")

    def changes(self) -> list[Command]:
        """Commands that write the final state of every key changed since the last call.

        Few and large: per command, the client's reply parsing costs more than Redis's
        work, so strings go in one MSET and the keys to rewrite or drop in one DEL.
        """
        dirty = sorted(self.dirty)
        self.dirty.clear()
        commands: list[Command] = []
        replaced = [key for key in dirty if key not in self.values]
        # Only what an earlier batch wrote exists: the version being built starts empty.
        written = [key for key in replaced if key in self.written]
        if written:
            commands.append(("DEL", *written))
        self.written.update(dirty)
        strings = [x for key in dirty if key in self.values for x in (key, self.values[key])]
        if strings:
            commands.append(("MSET", *strings))
        for key in replaced:
            if key in self.lists:
                commands.append(("RPUSH", key, *self.lists[key]))
            elif key in self.sorted:
                pairs = self.sorted[key].items()
                commands.append(("ZADD", key, *[x for m, s in pairs for x in (s, m)]))
        return commands

    def forget(self) -> None:
        """Drop what is held (everything changed must have been written)."""
        assert not self.dirty
        self.written.clear()
        self.values.clear()
        self.lists.clear()
        self.sorted.clear()


def _bytes(value: object) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode()


_TYPE_NAMES = {event: name for name, event in EVENT_TYPES.items()}


def type_of(event: DomainEvent | UnknownEvent) -> str:
    """An event's type, as its entry names it."""
    return event.type if isinstance(event, UnknownEvent) else _TYPE_NAMES[type(event)]


class Fold(Protocol):
    """A model rebuilt by folding a partition's events in memory, written per batch."""

    def fold(self, record: Record) -> None: ...

    def changes(self) -> list[Command]: ...

    def forget(self) -> None: ...


FOLDS: dict[str, Callable[[ReadModelKeys], Fold]] = {
    "sessions": SessionsRebuild,
    "health": HealthRebuild,
}
"""The models a rebuild folds itself; the others' commands are applied to ``MemoryViews``."""


class _ByType(dict[str, list[Projection]]):
    """The projections each event type can change, found once per type."""

    def __init__(self, projections: list[Projection]) -> None:
        super().__init__()
        self.projections = projections

    def __missing__(self, kind: str) -> list[Projection]:
        found = [p for p in self.projections if p.types is None or kind in p.types]
        self[kind] = found
        return found


async def _write(redis: RedisClient, commands: list[Command]) -> None:
    if not commands:
        return
    async with redis.pipeline(transaction=False) as pipe:
        for command in commands:
            pipe.execute_command(*command)
        await pipe.execute()


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the young-generation collector less often: a rebuild allocates millions of
    short-lived objects and no cycles, and the default pace costs it about a tenth of its
    time."""
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


async def rebuild(
    log: EventLog,
    versions: Mapping[str, ReadModelKeys],
    zone: ZoneInfo,
    until: Mapping[int, str],
    on_progress: Callable[[int], None] | None = None,
) -> int:
    """Build each projection named in ``versions`` into its keys, which hold nothing yet
    (a version nobody has written), from every entry up to ``until`` (per partition), in
    log order, in one pass over the log.

    Each chat lives in one partition, in order, so every view gets exactly the history
    the live projector saw. Returns the number of entries read; ``on_progress`` hears
    the count now and then.
    """
    views = MemoryViews()
    folds = [FOLDS[n](keys) for n, keys in versions.items() if n in FOLDS]
    built = [projection(n, views, keys, zone) for n, keys in versions.items() if n not in FOLDS]
    by_type = _ByType(built)
    read = 0
    building: int | None = None  # the partition whose views are held

    async def write_changes() -> None:
        await _write(log.redis, views.changes() + [c for f in folds for c in f.changes()])

    with fewer_collections():
        async for page in _pages(log, until):
            if page[0].partition != building:
                await write_changes()
                views.forget()
                for fold in folds:
                    fold.forget()
                building = page[0].partition
            for record in page:
                for fold in folds:
                    fold.fold(record)
                # Only the models the event's type can change, as the live projector,
                # which acknowledges it unread for the others.
                for project in by_type[type_of(record.envelope.event)]:
                    for command in await project.project(record, views):
                        views.apply(command)
            read += len(page)
            if read // FLUSH_EVERY != (read - len(page)) // FLUSH_EVERY:
                await write_changes()
            if on_progress is not None:
                on_progress(read)
        await write_changes()
    if on_progress is not None:
        on_progress(read)
    return read


async def _pages(log: EventLog, until: Mapping[int, str]) -> AsyncIterator[list[Record]]:
    """Every entry up to ``until``, in pages of one partition each."""
    for partition, last in until.items():
        if last == "0-0":
            continue
        page: list[Record] = []
        async for record in log.scan([partition], batch=PAGE, end=last):
            page.append(record)
            if len(page) == PAGE:
                yield page
                page = []
        if page:
            yield page
