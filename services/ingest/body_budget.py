"""The body bytes all requests together may hold, and who gives way when they run out.

A webhook is authenticated by a signature over its whole body, so the body must be read
before anything can tell a forger from WAHA. What a crowd of unauthenticated senders can
take is therefore bounded here: each request reserves the bytes its body may take before
it is read. When a new body does not fit, the body that has been arriving the longest is
cut: WAHA's webhooks are a few kilobytes and arrive in milliseconds, so under pressure the
oldest reader is the slowest one, and a signed webhook still gets through a crowd of
stalled ones.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


class BudgetExhausted(Exception):
    """No room for this body, and no body still arriving to make room."""


class ReadCut(Exception):
    """This body was cut to make room for a newer one."""


@dataclass(eq=False)
class Reservation:
    """One request's share of the budget."""

    size: int
    order: int
    reading: asyncio.Future[Any] | None = None
    cut: bool = field(default=False)

    async def read(self, body: Awaitable[T]) -> T:
        """Await ``body``; raises :class:`ReadCut` when the budget takes the room back."""
        future = asyncio.ensure_future(body)
        self.reading = future
        try:
            return await future
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if self.cut and not (current and current.cancelling()):
                raise ReadCut from None
            raise
        finally:
            future.cancel()
            self.reading = None


class BodyBudget:
    """At most ``capacity`` body bytes reserved at once, across all requests."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.reserved = 0
        self._holders: dict[int, Reservation] = {}
        self._orders = itertools.count()
        self._cut = 0  # holders cut and not yet released

    def reserve(self, size: int) -> contextlib.AbstractAsyncContextManager[Reservation]:
        """Hold ``size`` bytes while the block runs, cutting the oldest bodies still
        arriving when there is not enough room; raises :class:`BudgetExhausted`."""
        return _Holding(self, size)

    def _hold(self, size: int) -> Reservation:
        self._make_room(size)
        reservation = Reservation(size, next(self._orders))
        self._holders[reservation.order] = reservation
        self.reserved += size
        return reservation

    def _release(self, reservation: Reservation) -> None:
        del self._holders[reservation.order]
        self.reserved -= reservation.size
        self._cut -= reservation.cut

    def _make_room(self, size: int) -> None:
        if not self._cut and self.capacity - self.reserved >= size:
            return  # room enough and no one cut: what follows would find no victim
        # Dicts keep insertion order: the first holders are the oldest.
        arriving = [r for r in self._holders.values() if r.reading is not None and not r.cut]
        freed = self.capacity - self.reserved - sum(r.size for r in self._holders.values() if r.cut)
        victims = []
        for reservation in arriving:
            if freed >= size:
                break
            victims.append(reservation)
            freed += reservation.size
        if freed < size:
            raise BudgetExhausted(f"{self.reserved} of {self.capacity} body bytes in use")
        for reservation in victims:
            reservation.cut = True
            self._cut += 1
            if reservation.reading is not None:
                reservation.reading.cancel()


class _Holding(contextlib.AbstractAsyncContextManager[Reservation]):
    """One ``async with budget.reserve(size)``: a class, not a generator, as every
    request enters one."""

    __slots__ = ("_budget", "_reservation", "_size")

    def __init__(self, budget: BodyBudget, size: int) -> None:
        self._budget = budget
        self._size = size

    async def __aenter__(self) -> Reservation:
        self._reservation = self._budget._hold(self._size)
        return self._reservation

    async def __aexit__(self, *exc_info: object) -> None:
        self._budget._release(self._reservation)
