"""Redis connections that never lose a cancellation.

With a socket timeout set, redis-py bounds every write with ``asyncio.wait_for``. On
Python 3.11, ``wait_for`` returns the inner result when the write completes in the same
loop iteration as the caller's cancellation, and the cancellation is gone (CPython
gh-86296; 3.12 rebuilt ``wait_for`` on ``asyncio.timeout``). The write finishes almost at
once, so the window is wide: cancelled at random, two calls in three returned normally,
and a cancelled consumer went on renewing its leases for ever. These connections notice
a cancellation requested during a write and raise it.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Iterable
from typing import Any

from redis.asyncio.connection import (
    AbstractConnection,
    BlockingConnectionPool,
    Connection,
    parse_url,
)


class _KeepsCancellation(AbstractConnection):
    async def send_packed_command(
        self, command: bytes | str | Iterable[bytes], check_health: bool = True
    ) -> None:
        task = asyncio.current_task()
        requested = task.cancelling() if task is not None else 0
        await super().send_packed_command(command, check_health)
        if task is not None and task.cancelling() > requested:
            # The command went out and its reply will never be read: the connection
            # cannot be reused.
            await self.disconnect(nowait=True)
            raise asyncio.CancelledError


@functools.cache
def keeping_cancellation(base: type[AbstractConnection]) -> type[AbstractConnection]:
    """``base`` (TCP, TLS or Unix socket connection) with cancellations kept."""
    return type(f"CancellationKeeping{base.__name__}", (_KeepsCancellation, base), {})


def blocking_pool(url: str, **options: Any) -> BlockingConnectionPool:
    """A pool for ``url`` (as ``BlockingConnectionPool.from_url``) whose connections keep
    cancellations. A URL that cannot be one raises ``ValueError``."""
    url_options: dict[str, Any] = dict(parse_url(url))
    base = url_options.pop("connection_class", Connection)
    # As in from_url, what the URL says wins over the keyword options.
    return BlockingConnectionPool(
        connection_class=keeping_cancellation(base), **{**options, **url_options}
    )
