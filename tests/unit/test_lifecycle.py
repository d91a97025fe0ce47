"""A service runs until a signal, then stops gracefully, or is cut after its grace."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import pytest

from services.runtime.lifecycle import StoppedLate, run_until_signalled


def signal_soon(signum: int = signal.SIGTERM, after_s: float = 0.1) -> None:
    asyncio.get_running_loop().call_later(after_s, os.kill, os.getpid(), signum)


async def test_a_signal_asks_for_a_graceful_stop() -> None:
    stopped_gracefully = False

    async def serve(stopping: asyncio.Event) -> None:
        nonlocal stopped_gracefully
        await stopping.wait()
        stopped_gracefully = True

    signal_soon()
    await run_until_signalled(serve, grace_s=5)
    assert stopped_gracefully


async def test_a_stop_that_overstays_its_grace_is_cut() -> None:
    async def serve(stopping: asyncio.Event) -> None:
        await asyncio.Event().wait()  # never notices

    signal_soon()
    started = asyncio.get_running_loop().time()
    with pytest.raises(StoppedLate, match=r"grace of 0\.4 s ran out"):
        await run_until_signalled(serve, grace_s=0.4)
    assert asyncio.get_running_loop().time() - started < 3


async def test_a_second_signal_cuts_at_once() -> None:
    async def serve(stopping: asyncio.Event) -> None:
        await asyncio.Event().wait()

    signal_soon(signal.SIGTERM, 0.1)
    signal_soon(signal.SIGINT, 0.2)
    started = asyncio.get_running_loop().time()
    with pytest.raises(StoppedLate, match="a second signal"):
        await run_until_signalled(serve, grace_s=30)
    assert asyncio.get_running_loop().time() - started < 3


async def test_a_service_that_fails_by_itself_raises_its_error() -> None:
    async def serve(stopping: asyncio.Event) -> None:
        raise ValueError("bad layout")

    with pytest.raises(ValueError, match="bad layout"):
        await run_until_signalled(serve)


STUCK_IN_A_THREAD = """
import asyncio, os, signal, time
from services.runtime.lifecycle import run_until_signalled

async def serve(stopping):
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, time.sleep, 60)  # a call that never returns in time
    loop.call_later(0.2, os.kill, os.getpid(), signal.SIGTERM)
    await stopping.wait()

asyncio.run(run_until_signalled(serve, grace_s=0.5, exit_by_s=2))
"""


def test_a_process_whose_teardown_hangs_still_exits_within_its_bound() -> None:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", STUCK_IN_A_THREAD], capture_output=True,
                            text=True, timeout=30)  # fmt: skip
    assert result.returncode == 1
    assert time.monotonic() - started < 10
