"""A machine kept busy: one spinning process per core, while a test runs.

Races between a cancellation and an I/O completion show up when the event loop is
starved, as on a loaded CI machine, rarely on an idle one.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import subprocess
import sys
from collections.abc import Awaitable, Callable, Iterator


@contextlib.contextmanager
def busy_machine() -> Iterator[None]:
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(os.cpu_count() or 2)
    ]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


async def cancellations_lost(call: Callable[[], Awaitable[object]], rounds: int) -> int:
    """Of ``rounds`` tasks each repeating ``call`` until cancelled at a random moment on a
    busy machine, how many finished normally instead: their cancellation lost on the way."""
    rng = random.Random(7)
    lost = 0

    async def until_cancelled() -> None:
        nonlocal lost
        while True:
            await call()
            if asyncio.current_task().cancelling():  # type: ignore[union-attr]
                lost += 1
                return

    with busy_machine():
        for _ in range(rounds):
            task = asyncio.create_task(until_cancelled())
            await asyncio.sleep(rng.random() * 0.005)
            task.cancel()
            await asyncio.wait({task}, timeout=5)
    return lost
