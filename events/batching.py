"""Coalescing concurrent calls into one batch: appends into one pipelined round trip.

No timer is involved: while one batch is on the wire, the calls that arrive meanwhile
queue up and leave together as the next batch. Under light load a batch holds a single
call and costs what a plain call costs; under heavy load the per-call overhead of the
client and the network is shared by the whole batch.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

from events.appending import AppendResult, PendingAppend
from events.envelope import Envelope
from events.log import EventLog

Item = TypeVar("Item")
Result = TypeVar("Result")


class Coalescer(Generic[Item, Result]):
    """Hands ``send`` every item waiting at the same time; each caller gets its own result.

    ``send`` answers one result or exception per item, in order; an exception it raises
    is every item's answer.
    """

    def __init__(
        self,
        send: Callable[[list[Item]], Awaitable[Sequence[Result | Exception]]],
        max_batch: int = 256,
    ) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        self.max_batch = max_batch
        self._send = send
        self._waiting: list[tuple[Item, asyncio.Future[Result]]] = []
        self._sender: asyncio.Task[None] | None = None

    async def submit(self, item: Item) -> Result:
        """``item``'s result, once the batch it leaves in is answered."""
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, future))
        if self._sender is None:
            self._sender = asyncio.create_task(self._send_while_waiting())
        # A caller that goes away cancels its own future only: its item is sent all the
        # same, by the sender task, and the others' results are theirs.
        return await future

    async def _send_while_waiting(self) -> None:
        try:
            while self._waiting:
                batch = self._waiting[: self.max_batch]
                del self._waiting[: self.max_batch]
                try:
                    results = await self._send([item for item, _ in batch])
                except Exception as exc:
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(exc)
                    continue
                for (_, future), result in zip(batch, results, strict=True):
                    if future.done():
                        continue
                    if isinstance(result, Exception):
                        future.set_exception(result)
                    else:
                        future.set_result(result)
        finally:
            self._sender = None


class AppendBatcher:
    """Appends through ``log``, batching the appends that are waiting at the same time."""

    def __init__(self, log: EventLog, max_batch: int = 256) -> None:
        self.log = log
        self._batches: Coalescer[PendingAppend, AppendResult] = Coalescer(
            log.append_many, max_batch
        )

    @property
    def max_batch(self) -> int:
        return self._batches.max_batch

    async def append(self, envelope: Envelope, idempotency_key: str | None = None) -> AppendResult:
        """Same contract as :meth:`EventLog.append`."""
        return await self._batches.submit(PendingAppend(envelope, idempotency_key))
