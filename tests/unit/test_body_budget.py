"""The body budget: at most its capacity reserved at once, the oldest arriving body cut to
make room, and nothing cut that has finished arriving."""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from services.ingest.body_budget import BodyBudget, BudgetExhausted, ReadCut


async def stalled_reader(budget: BodyBudget, size: int, outcome: list[str]) -> None:
    """A request whose body never finishes arriving."""
    async with budget.reserve(size) as held:
        try:
            await held.read(asyncio.Event().wait())
        except ReadCut:
            outcome.append("cut")


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_a_reservation_holds_its_bytes_until_the_request_ends() -> None:
    budget = BodyBudget(100)
    async with budget.reserve(60):
        assert budget.reserved == 60
    assert budget.reserved == 0


async def test_a_body_larger_than_the_whole_budget_is_refused() -> None:
    with pytest.raises(BudgetExhausted):
        async with BodyBudget(100).reserve(101):
            pass


async def test_the_oldest_body_still_arriving_is_cut_to_make_room() -> None:
    budget = BodyBudget(100)
    outcomes: dict[str, list[str]] = {"old": [], "young": []}
    old = asyncio.create_task(stalled_reader(budget, 50, outcomes["old"]))
    await settle()
    young = asyncio.create_task(stalled_reader(budget, 50, outcomes["young"]))
    await settle()
    async with budget.reserve(40) as held:
        assert await held.read(asyncio.sleep(0, b"{}")) == b"{}"
    await settle()
    assert outcomes == {"old": ["cut"], "young": []}
    assert old.done()
    young.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await young


async def test_a_body_that_has_arrived_is_never_cut() -> None:
    budget = BodyBudget(100)
    async with budget.reserve(80) as held:
        await held.read(asyncio.sleep(0, b"{}"))  # read; now appending, say
        with pytest.raises(BudgetExhausted):
            async with budget.reserve(40):
                pass
        assert not held.cut


async def test_cancelling_the_request_itself_is_not_taken_for_a_cut() -> None:
    budget = BodyBudget(100)
    outcome: list[str] = []
    task = asyncio.create_task(stalled_reader(budget, 10, outcome))
    await settle()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert outcome == [] and budget.reserved == 0
