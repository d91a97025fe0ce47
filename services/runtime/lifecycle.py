"""A service's life: it runs until SIGINT or SIGTERM, then stops within a bound.

The first signal asks for a graceful stop: entries in hand finish, leases are handed back.
Whatever is still running ``SHUTDOWN_GRACE_S`` later is cancelled, as a second signal
does at once; and should even the process's own teardown hang (a thread that does not
return), it exits a little later regardless. So a service always exits within
``EXIT_BOUND_S`` of the first signal: what an orchestrator's grace period must exceed.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)

SHUTDOWN_GRACE_S = 15.0
"""How long a graceful stop may take before the rest is cancelled: more than a
subscription's drain timeout (10 s), so that a stop cut short means something hung."""

EXIT_BOUND_S = SHUTDOWN_GRACE_S + 3.0
"""When the process exits at the latest, counted from the first signal."""

_CANCEL_AGAIN_S = 0.5

Serve = Callable[[asyncio.Event], Coroutine[Any, Any, None]]


class StoppedLate(RuntimeError):
    """A graceful stop was cut short; what was in hand stays for the next owner."""


async def run_until_signalled(
    serve: Serve, grace_s: float = SHUTDOWN_GRACE_S, exit_by_s: float | None = None
) -> None:
    """Run ``serve(stopping)``; a signal sets ``stopping``, and ``grace_s`` later (or on
    a second signal) cancels what is left: ``StoppedLate`` then. With ``exit_by_s``, the
    process exits that long after the first signal, whatever still runs."""
    stopping = asyncio.Event()
    main = asyncio.create_task(serve(stopping))
    loop = asyncio.get_running_loop()
    cut_by: list[str] = []

    def cut(reason: str) -> None:
        if not main.done():
            cut_by.append(reason)
            cancel_until_done()

    def cancel_until_done() -> None:
        # Cancelled again until done: a library can lose a cancellation on the way.
        if not main.done():
            main.cancel()
            loop.call_later(_CANCEL_AGAIN_S, cancel_until_done)

    def on_signal() -> None:
        if stopping.is_set():
            cut("a second signal")
            return
        log.info("stopping (at most %.0f s)", grace_s)
        stopping.set()
        loop.call_later(grace_s, cut, f"its grace of {grace_s:g} s ran out")
        if exit_by_s is not None:
            _exit_regardless_after(exit_by_s)

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, on_signal)
    try:
        await asyncio.wait([main])
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
    if main.cancelled() and cut_by:
        raise StoppedLate(f"the graceful stop was cut short by {cut_by[0]}")
    main.result()


def run_service(serve: Serve) -> None:
    """Run a service's ``serve`` until a signal, exiting within ``EXIT_BOUND_S`` of it."""
    asyncio.run(run_until_signalled(serve, exit_by_s=EXIT_BOUND_S))


def _exit_regardless_after(seconds: float) -> None:
    def exit_now() -> None:
        log.error("still running %.0f s after the signal to stop; exiting", seconds)
        sys.stderr.flush()
        os._exit(1)

    watchdog = threading.Timer(seconds, exit_now)
    watchdog.name = "exit bound"
    watchdog.daemon = True
    watchdog.start()
