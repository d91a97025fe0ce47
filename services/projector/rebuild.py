"""Rebuilding projections from the log, from the first entry up to a boundary.

A rebuild writes a version nobody else writes, one partition at a time, and every chat
lives in one partition: so the views of a partition can be built in memory and written in
large pipelined batches (only each key's final state), instead of one commit per event.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
from collections.abc import Callable, Iterator, Mapping
from typing import cast
from zoneinfo import ZoneInfo

from events import EventLog
from events.checkpoint import Command
from events.redis_client import RedisClient
from events.schema import EVENT_TYPES, DomainEvent, UnknownEvent
from services.projector.projections import projection
from services.projector.store import ReadModelKeys

FLUSH_EVERY = 5000
"""Entries read between two writes of the views changed meanwhile."""
PROGRESS_EVERY = 1000
"""Entries read between two reports of progress."""


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


STAND_IN = b"\x00wsm-rebuild-stand-in:"
"""Starts a value sealed only once it is known to be its key's last; no stored value
starts so (a sealed one is a msgpack array, an older one a msgpack map)."""


class MemoryViews:
    """The views being rebuilt: the projections' commands applied in memory."""

    def __init__(self) -> None:
        self.values: dict[str, bytes] = {}
        self.lists: dict[str, list[bytes]] = {}
        self.sorted: dict[str, dict[bytes, float]] = {}
        self.dirty: set[str] = set()
        self._stand_ins: dict[bytes, tuple[object, Callable[[], bytes]]] = {}
        self._next_stand_in = itertools.count()

    async def get(self, key: str) -> bytes | None:
        return self.values.get(key)

    def sealed(self, view: object, seal: Callable[[], bytes]) -> bytes:
        stand_in = STAND_IN + str(next(self._next_stand_in)).encode()
        self._stand_ins[stand_in] = (view, seal)
        return stand_in

    def standing_in(self, stored: bytes) -> object | None:
        found = self._stand_ins.get(stored)
        return None if found is None else found[0]

    def _stored(self, value: bytes) -> bytes:
        """A value as it is written: a stand-in sealed now."""
        found = self._stand_ins.pop(value, None)
        return value if found is None else found[1]()

    async def elements(self, key: str) -> list[bytes]:
        return list(self.lists.get(key, ()))

    async def members(self, key: str) -> list[bytes]:
        scores = self.sorted.get(key, {})
        return sorted(scores, key=lambda member: (scores[member], member))

    def apply(self, command: Command) -> None:
        name, key, *args = command
        assert isinstance(key, str)
        self.dirty.add(key)
        replaced = self.values.get(key)
        if replaced is not None and replaced.startswith(STAND_IN):
            self._stand_ins.pop(replaced, None)  # never to be written: never sealed
        match name:
            case "SET":
                self.values[key] = cast(bytes, args[0])
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
        if replaced:
            commands.append(("DEL", *replaced))
        for key in dirty:
            if key in self.values:
                self.values[key] = self._stored(self.values[key])
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
        self._stand_ins.clear()
        self.values.clear()
        self.lists.clear()
        self.sorted.clear()


def _bytes(value: object) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode()


_TYPE_NAMES = {event: name for name, event in EVENT_TYPES.items()}


def type_of(event: DomainEvent | UnknownEvent) -> str:
    """An event's type, as its entry names it."""
    return event.type if isinstance(event, UnknownEvent) else _TYPE_NAMES[type(event)]


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
    """Build each projection named in ``versions`` into its keys from every entry up to
    ``until`` (per partition), in log order, in one pass over the log.

    Each chat lives in one partition, in order, so every view gets exactly the history
    the live projector saw. Returns the number of entries read; ``on_progress`` hears
    the count now and then.
    """
    views = MemoryViews()
    built = [projection(name, views, keys, zone) for name, keys in versions.items()]
    projections = [(project, project.types) for project in built]
    read = 0
    with fewer_collections():
        for partition, last in until.items():
            if last == "0-0":
                continue
            async for record in log.scan([partition], batch=1000, end=last):
                kind = type_of(record.envelope.event)
                for project, types in projections:
                    if types is not None and kind not in types:
                        continue  # as the live projector, which acknowledges it unread
                    for command in await project.project(record, views):
                        views.apply(command)
                read += 1
                if read % FLUSH_EVERY == 0:
                    await _write(log.redis, views.changes())
                if on_progress is not None and read % PROGRESS_EVERY == 0:
                    on_progress(read)
            await _write(log.redis, views.changes())
            views.forget()
    if on_progress is not None:
        on_progress(read)
    return read
