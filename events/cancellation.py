"""Cancellation that a library lost on the way still stops a loop."""

from __future__ import annotations

import asyncio


def raise_if_cancelled() -> None:
    """Raise ``CancelledError`` if the running task has been asked to stop.

    A cancellation can be swallowed below us (redis-py's writes through
    ``asyncio.wait_for`` on Python 3.11 drop one that lands as the write completes), yet
    the task keeps the request counted. Loops that run until cancelled call this every
    round, so a cancelled loop ends whatever client it was given.
    """
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError
