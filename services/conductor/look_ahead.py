"""The entries of a partition after a message, where its burst's follower would be.

Each first message of a chat looks through the entries after it for the chat's next one
(``burst``). Read one message at a time, that look-ahead cost more than the rest of the
turn when the log holds a backlog: a few hundred entries sent and parsed for one or none
of them. So entries are read a page at a time, per partition, and a look-ahead is served
from the page while the page holds every entry it covers: the log only grows at its end,
so the entries after a message, once there, never change, and the answer is the one a
read of the log would give. Near the log's end, where the page cannot hold them all yet,
the log is read again.
"""

from __future__ import annotations

import asyncio
from bisect import bisect_right
from dataclasses import dataclass
from typing import cast

from events import Keyspace, Record
from events.batch_commit import entry_order
from events.codec import is_redelivery
from events.redis_client import RedisClient

StreamEntries = list[tuple[bytes, dict[bytes, bytes]]]

PAGE = 1000
"""Entries read at a time: one read serves the turns of the messages it holds."""


@dataclass(frozen=True, slots=True)
class _Page:
    """Entries of a partition's stream, contiguous: all those after ``after``, in order."""

    after: tuple[int, int]
    order: list[tuple[int, int]]
    entries: StreamEntries

    def following(self, entry_id: str, span: int) -> StreamEntries | None:
        """The ``span`` entries after ``entry_id``, or None if they are not all here."""
        at = entry_order(entry_id)
        if at < self.after:
            return None
        start = bisect_right(self.order, at)
        if start + span > len(self.entries):
            return None  # the log may hold more of them by now
        return self.entries[start : start + span]


class LookAhead:
    """Serves the entries after a message from pages of its partition's stream."""

    def __init__(self, redis: RedisClient, keyspace: Keyspace, page: int = PAGE) -> None:
        self.redis = redis
        self.keyspace = keyspace
        self.page = page
        self._pages: dict[int, _Page] = {}
        # One page read at a time per partition: the turns that run together all miss
        # the page at once, and each reading a page of its own cost more than it saved.
        self._reading: dict[int, asyncio.Task[_Page]] = {}

    @property
    def kept(self) -> frozenset[int]:
        """The partitions whose page is kept."""
        return frozenset(self._pages)

    def forget(self, partition: int) -> None:
        """Drop the partition's page (a page being read is not kept either): its worker
        gave the partition up, and another replica now appends what follows."""
        self._pages.pop(partition, None)
        self._reading.pop(partition, None)

    async def of_chat(self, record: Record, span: int) -> StreamEntries:
        """The entries of ``record``'s chat (redelivered ones left out) among the ``span``
        entries of its partition after it, in order, as a read of the log gives them."""
        partition = record.partition
        after = self._served(record, span)
        if after is None and not self._before_page(record):
            reading = self._reading.get(partition)
            if reading is None:
                reading = asyncio.create_task(self._read_page(record))
                self._reading[partition] = reading
            page = await asyncio.shield(reading)
            after = self._served(record, span)
            if after is None and page.after == entry_order(record.entry_id):
                after = page.entries[:span]  # read from this very entry: what there is yet
        if after is None:  # older than the page: one of the turns that started with it
            read = await self.redis.xrange(self._stream(record), "(" + record.entry_id, "+", span)
            after = cast(StreamEntries, read)
        wanted = record.chat.encode()
        return [
            (eid, fields)
            for eid, fields in after
            if fields.get(b"chat") == wanted and not is_redelivery(fields)
        ]

    def _served(self, record: Record, span: int) -> StreamEntries | None:
        page = self._pages.get(record.partition)
        return page.following(record.entry_id, span) if page else None

    def _before_page(self, record: Record) -> bool:
        page = self._pages.get(record.partition)
        return page is not None and entry_order(record.entry_id) < page.after

    def _stream(self, record: Record) -> str:
        return self.keyspace.stream(record.partition)

    async def _read_page(self, record: Record) -> _Page:
        try:
            read = await self.redis.xrange(self._stream(record), "(" + record.entry_id, "+",
                                           self.page)  # fmt: skip
            entries = cast(StreamEntries, read)
            page = _Page(entry_order(record.entry_id),
                         [entry_order(eid.decode()) for eid, _ in entries], entries)  # fmt: skip
            if self._reading.get(record.partition) is asyncio.current_task():
                self._pages[record.partition] = page  # not forgotten while it was read
            return page
        finally:
            if self._reading.get(record.partition) is asyncio.current_task():
                del self._reading[record.partition]
