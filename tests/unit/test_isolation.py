"""The isolation gate: handlers run together, a suspect runs alone."""

from __future__ import annotations

import asyncio

from events.isolation import IsolationGate


async def most_together(gate: IsolationGate, handlers: int) -> int:
    """How many of ``handlers`` concurrent handlers were inside the gate at once, at most."""
    inside = 0
    peak = 0

    async def handler() -> None:
        nonlocal inside, peak
        async with gate.together():
            inside += 1
            peak = max(peak, inside)
            await asyncio.sleep(0.01)
            inside -= 1

    await asyncio.gather(*(handler() for _ in range(handlers)))
    return peak


async def test_handlers_pass_together() -> None:
    assert await most_together(IsolationGate(), 5) == 5


async def test_no_more_handlers_than_the_limit_run_together() -> None:
    assert await most_together(IsolationGate(limit=3), 10) == 3


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
    gate = IsolationGate()
    inside = 0
    peak = 0

    async def suspect() -> None:
        nonlocal inside, peak
        async with gate.alone():
            inside += 1
            peak = max(peak, inside)
            await asyncio.sleep(0.005)
            inside -= 1

    await asyncio.gather(*(suspect() for _ in range(4)))
    assert peak == 1
