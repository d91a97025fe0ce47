"""A gate that lets many handlers run together, or one suspect entry entirely alone.

A process that crashed took every entry it was handling down with it, and nothing tells
which one was the cause. Retrying each of them with nothing else running in the process
makes only the culprit crash again. Normal handling passes the gate for the price of a
counter while no suspect waits.

"Together" is bounded too: a backlog spread over thousands of chats would otherwise start
thousands of handlers at once, all queueing for the same few Redis connections, and the
lease renewals queued behind them would expire.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class IsolationGate:
    def __init__(self, limit: int = 32) -> None:
        """``limit``: handlers allowed to run together."""
        self._slots = asyncio.Semaphore(limit)
        self._running = 0
        self._alone = asyncio.Lock()
        self._open = asyncio.Event()
        self._open.set()
        self._drained = asyncio.Event()
        self._drained.set()

    @asynccontextmanager
    async def together(self) -> AsyncIterator[None]:
        """Run alongside other handlers; waits while a suspect runs alone."""
        async with self._slots:
            while not self._open.is_set():
                await self._open.wait()
            self._running += 1
            self._drained.clear()
            try:
                yield
            finally:
                self._running -= 1
                if self._running == 0:
                    self._drained.set()

    @asynccontextmanager
    async def alone(self) -> AsyncIterator[None]:
        """Run with no other handler of this process: new ones wait, running ones finish."""
        async with self._alone:
            self._open.clear()
            try:
                await self._drained.wait()
                yield
            finally:
                self._open.set()
