"""A service's life: it runs until SIGINT or SIGTERM, then stops within a bound.

The first signal asks for a graceful stop: entries in hand finish, leases are handed back.
Whatever is still running ``SHUTDOWN_GRACE_S`` later is cancelled, as a second signal
does at once, so a service always exits within the bound (what an orchestrator's
termination grace period must exceed).
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)

SHUTDOWN_GRACE_S = 15.0
"""How long a graceful stop may take before the rest is cancelled: more than a
subscription's drain timeout (10 s), so that a stop cut short means something hung."""

CANCEL_RETRY_S = 0.5

Serve = Callable[[asyncio.Event], Coroutine[Any, Any, None]]


class StoppedLate(RuntimeError):
    """A graceful stop did not finish in time; the rest was cancelled."""


async def run_until_signalled(serve: Serve, grace_s: float = SHUTDOWN_GRACE_S) -> None:
    """Run ``serve(stopping)``; a signal sets ``stopping``, and ``grace_s`` later (or on
    a second signal) cancels what is left. ``StoppedLate`` if it had to."""
    stopping = asyncio.Event()
    main = asyncio.create_task(serve(stopping))
    loop = asyncio.get_running_loop()

    def cancel_until_done() -> None:
        # Cancelled again until done: a library can lose a cancellation on the way.
        if not main.done():
            main.cancel()
            loop.call_later(CANCEL_RETRY_S, cancel_until_done)

    def on_signal() -> None:
        if stopping.is_set():
            cancel_until_done()
            return
        log.info("stopping (at most %.0f s)", grace_s)
        stopping.set()
        loop.call_later(grace_s, cancel_until_done)

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, on_signal)
    try:
        await asyncio.wait([main])
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
    if main.cancelled():
        raise StoppedLate(f"the graceful stop took longer than {grace_s:.0f} s; the rest was cut")
    main.result()
