"""Keeping Redis busy while a rebuild computes: the next page of the log is read, and the
last batch of views written, while the current page is projected.

A rebuild alternates between waiting for Redis (a page of the log, the subject keys, a
batch of writes) and projecting in Python; Redis works in another process, so each wait
can overlap the work before it instead of following it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from events import Record
from events.checkpoint import Command
from events.redis_client import RedisClient

_DONE = None


@contextlib.asynccontextmanager
async def read_ahead(
    source: AsyncIterator[list[Record]], depth: int = 1
) -> AsyncIterator[AsyncIterator[list[Record]]]:
    """``source``'s items, each next one already being read while the last is used:
    up to ``depth`` of them held. Its errors are raised where its items are taken."""
    ready: asyncio.Queue[list[Record] | BaseException | None] = asyncio.Queue(depth)

    async def produce() -> None:
        try:
            async for item in source:
                await ready.put(item)
        except Exception as exc:  # handed to the reader, which raises it
            await ready.put(exc)
            return
        await ready.put(_DONE)

    async def items() -> AsyncIterator[list[Record]]:
        while (item := await ready.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item

    producer = asyncio.create_task(produce())
    try:
        yield items()
    finally:
        producer.cancel()
        await asyncio.wait([producer])


class Writes:
    """Batches of commands written one after another, each while the next is prepared."""

    def __init__(self, redis: RedisClient) -> None:
        self.redis = redis
        self._last: asyncio.Task[None] | None = None

    async def submit(self, commands: list[Command]) -> None:
        """Start writing ``commands`` once the batch before has been written."""
        await self.drain()
        if commands:
            self._last = asyncio.create_task(_write(self.redis, commands))

    async def drain(self) -> None:
        """Until every batch submitted is written (raising the error of one that failed)."""
        last, self._last = self._last, None
        if last is not None:
            await last

    async def abandon(self) -> None:
        """Stop a batch still being written (the rebuild failed or was stopped)."""
        last, self._last = self._last, None
        if last is None:
            return
        last.cancel()
        await asyncio.wait([last])
        if not last.cancelled():
            last.exception()  # taken: the error that stopped the rebuild is the one raised


async def _write(redis: RedisClient, commands: list[Command]) -> None:
    async with redis.pipeline(transaction=False) as pipe:
        for command in commands:
            pipe.execute_command(*command)
        await pipe.execute()
