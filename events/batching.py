"""Coalescing concurrent appends into one pipelined round trip.

No timer is involved: while one batch is on the wire, the appends that arrive meanwhile
queue up and leave together as the next batch. Under light load a batch holds a single
append and costs what a plain append costs; under heavy load the per-append overhead of
the client and the network is shared by the whole batch.
"""

from __future__ import annotations

import asyncio

from events.appending import AppendResult, PendingAppend
from events.envelope import Envelope
from events.log import EventLog


class AppendBatcher:
    """Appends through ``log``, batching the appends that are waiting at the same time."""

    def __init__(self, log: EventLog, max_batch: int = 256) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        self.log = log
        self.max_batch = max_batch
        self._waiting: list[tuple[PendingAppend, asyncio.Future[AppendResult]]] = []
        self._sender: asyncio.Task[None] | None = None

    async def append(self, envelope: Envelope, idempotency_key: str | None = None) -> AppendResult:
        """Same contract as :meth:`EventLog.append`."""
        future: asyncio.Future[AppendResult] = asyncio.get_running_loop().create_future()
        self._waiting.append((PendingAppend(envelope, idempotency_key), future))
        if self._sender is None:
            self._sender = asyncio.create_task(self._send_while_waiting())
        # Shielded: a caller that goes away must not cancel the appends of the others.
        return await asyncio.shield(future)

    async def _send_while_waiting(self) -> None:
        try:
            while self._waiting:
                batch = self._waiting[: self.max_batch]
                del self._waiting[: self.max_batch]
                try:
                    results = await self.log.append_many([item for item, _ in batch])
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
