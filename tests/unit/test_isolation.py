"""The isolation gate: handlers run together, a suspect runs alone."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from events.isolation import IsolationGate


async def most_inside(
    enter: Callable[[], AbstractAsyncContextManager[object]], handlers: int, hold_s: float = 0.01
) -> int:
    """How many of ``handlers`` concurrent handlers, each holding what ``enter`` gives for
    ``hold_s``, were inside at once, at most."""
    inside = 0
    peak = 0

    async def handler() -> None:
        nonlocal inside, peak
        async with enter():
            inside += 1
            peak = max(peak, inside)
            await asyncio.sleep(hold_s)
            inside -= 1

    await asyncio.gather(*(handler() for _ in range(handlers)))
    return peak


async def test_handlers_pass_together() -> None:
    assert await most_inside(IsolationGate().together, 5) == 5


async def test_no_more_handlers_than_the_limit_run_together() -> None:
    assert await most_inside(IsolationGate(limit=3).together, 10) == 3


async def test_a_suspect_waits_for_running_handlers_and_holds_off_new_ones() -> None:
    gate = IsolationGate()
    timeline: list[str] = []
    running = asyncio.Event()

    async def before() -> None:
        async with gate.together():
            running.set()
            await asyncio.sleep(0.02)
            timeline.append("before ends")

    async def suspect() -> None:
        await running.wait()
        async with gate.alone():
            timeline.append("suspect runs")
            await asyncio.sleep(0.02)
            timeline.append("suspect ends")

    async def after() -> None:
        await running.wait()
        await asyncio.sleep(0.005)  # arrives while the suspect is waiting or running
        async with gate.together():
            timeline.append("after runs")

    await asyncio.gather(before(), suspect(), after())
    assert timeline == ["before ends", "suspect runs", "suspect ends", "after runs"]


async def test_suspects_run_one_at_a_time() -> None:
    assert await most_inside(IsolationGate().alone, 4, hold_s=0.005) == 1
