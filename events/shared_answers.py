"""Callers that shared one call to Redis, each answered with its own part of the reply."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import TypeVar

Part = TypeVar("Part")
Answer = TypeVar("Answer")


def answer_each(
    waiting: Sequence[asyncio.Future[Answer]],
    answer_of: Callable[[Part], Answer | Exception],
    done: asyncio.Future[list[Part]],
) -> None:
    """A done callback (``done`` last): ``waiting[n]`` answered with ``answer_of`` the
    reply's ``n``-th part (raised, if it is an exception), or every one with the call's
    failure or cancellation. A caller already answered (its lane was cancelled meanwhile)
    is left alone."""
    failure = None if done.cancelled() else done.exception()
    for n, waiter in enumerate(waiting):
        if waiter.done():
            continue
        if done.cancelled():
            waiter.cancel()
        elif failure is not None:
            waiter.set_exception(failure)
        elif isinstance(answer := answer_of(done.result()[n]), Exception):
            waiter.set_exception(answer)
        else:
            waiter.set_result(answer)
