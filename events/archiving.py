"""Moving the log's older entries out of Redis: the policy that bounds its memory.

An entry leaves Redis when it is older than the time the log keeps in Redis *and* every
consumer group of its partition is done with it (delivered and acknowledged), so no
consumer ever finds an entry it still needs gone. It is written to a segment first
(``events.archive``); then, in one transaction, trimmed from the stream and recorded as
archived, which readers check to know where to look.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from events.archive import Archive, EntryId, StreamEntries, format_id, parse_id
from events.cancellation import raise_if_cancelled
from events.keys import Keyspace
from events.redis_client import RedisClient
from events.scripts import Scripts

log = logging.getLogger(__name__)

SEGMENT_ENTRIES = 10_000
EVERY_S = 3600.0
LOCK_TTL_MS = 10 * 60 * 1000


@dataclass(frozen=True, slots=True)
class GroupProgress:
    last_delivered: EntryId
    oldest_pending: EntryId | None


def successor(entry_id: EntryId) -> EntryId:
    return entry_id[0], entry_id[1] + 1


def horizon(older_than_ms: int, groups: Sequence[GroupProgress]) -> EntryId:
    """The first entry id that must stay in Redis: entries before it may be archived.

    Nothing goes while no group reads the partition: whoever will read it has not come
    yet, and may need everything.
    """
    if not groups:
        return (0, 0)
    bound: EntryId = (older_than_ms, 0)
    for group in groups:
        done_up_to = group.oldest_pending or successor(group.last_delivered)
        bound = min(bound, done_up_to)
    return bound


class ArchiverBusy(Exception):
    """Another archiver is at work on this log."""


class Archiver:
    """Archives every partition of a log up to its horizon, one archiver at a time."""

    def __init__(self, redis: RedisClient, keyspace: Keyspace, archive: Archive) -> None:
        self.redis = redis
        self.keyspace = keyspace
        self.archive = archive
        self._release = Scripts.register(redis).release_lease

    async def run(
        self, now_ms: int, keep_ms: int, on_progress: Callable[[int], None] | None = None
    ) -> dict[int, int]:
        """Archive what is older than ``keep_ms`` and done with; entries moved, by
        partition. ``on_progress`` hears the number moved so far after each segment."""
        lock, token = self.keyspace.archiver(), secrets.token_hex(8)
        if not await self.redis.set(lock, token, nx=True, px=LOCK_TTL_MS):
            raise ArchiverBusy("another archiver holds the lock")
        try:
            moved, so_far = {}, 0

            def segment_written(entries: int) -> None:
                nonlocal so_far
                so_far += entries
                if on_progress is not None:
                    on_progress(so_far)

            for partition in self.keyspace.all_partitions():
                await self.redis.pexpire(lock, LOCK_TTL_MS)
                moved[partition] = await self.archive_partition(
                    partition, now_ms - keep_ms, segment_written
                )
            return moved
        finally:
            await self._release(keys=[lock], args=[token])

    async def keep_archiving(
        self, keep_ms: int, stopping: asyncio.Event, every_s: float = EVERY_S
    ) -> None:
        """Archive now and every ``every_s`` until ``stopping`` is set; a failed or
        skipped run (another replica archiving) is tried again at the next."""
        while not stopping.is_set():
            raise_if_cancelled()
            try:
                moved = await self.run(int(time.time() * 1000), keep_ms)
                if any(moved.values()):
                    log.info("archive: %d entries moved out of Redis", sum(moved.values()))
            except ArchiverBusy:
                pass
            except Exception:
                log.exception("archiving failed; trying again later")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), every_s)

    async def archive_partition(
        self,
        partition: int,
        older_than_ms: int,
        on_segment: Callable[[int], None] | None = None,
    ) -> int:
        """Move one partition's archivable entries, segment by segment; ``on_segment``
        hears each segment's size once it is written and trimmed."""
        stream = self.keyspace.stream(partition)
        until = horizon(older_than_ms, await self._progress(stream))
        moved = 0
        if until == (0, 0):
            return moved
        while True:
            entries = cast(
                StreamEntries,
                await self.redis.xrange(stream, "-", f"({format_id(until)}", SEGMENT_ENTRIES),
            )
            if not entries:
                return moved
            await asyncio.to_thread(self.archive.write, partition, entries)
            last = parse_id(entries[-1][0])
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.xtrim(stream, minid=format_id(successor(last)), approximate=False)
                pipe.set(self.keyspace.archived(partition), format_id(last))
                await pipe.execute()
            moved += len(entries)
            if on_segment is not None:
                on_segment(len(entries))

    async def _progress(self, stream: str) -> list[GroupProgress]:
        if not await self.redis.exists(stream):
            return []
        progress = []
        for info in await self.redis.xinfo_groups(stream):
            oldest = None
            if info["pending"]:
                summary = await self.redis.xpending(stream, info["name"])
                oldest = parse_id(summary["min"])
            progress.append(GroupProgress(parse_id(info["last-delivered-id"]), oldest))
        return progress
