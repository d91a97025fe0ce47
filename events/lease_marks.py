"""Marks written under their handlers' leases (``events.holding``), gathered per turn of
the event loop: the marks the lanes of a partition ask for at the same moment, in the same
hash, are written by one script call that checks the lease once, instead of one each.

Each mark is still written after it was asked for and before its caller goes on, with the
answer it would have had alone (whether it was set before); a call that fails (Redis away,
too few replicas, the lease lost) fails every caller in it, as their own call would have.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import partial
from importlib import resources
from typing import cast

from redis.exceptions import ResponseError

from events.checkpoint import raise_if_fenced
from events.holding import MARK_TTL_MS, Lease, held, mark, mark_replicated
from events.redis_client import RedisClient
from events.replication import ReplicaWait, script_replicated
from events.shared_answers import answer_each

_SOURCE = resources.files("events").joinpath("lua", "mark_many_if_owner.lua").read_text()


@dataclass(slots=True)
class _Asked:
    field: str
    value: str
    answer: asyncio.Future[bool]


class LeaseMarks:
    """Writes marks to one Redis (with a wait for replicas, when given one)."""

    def __init__(self, redis: RedisClient, wait: ReplicaWait | None = None) -> None:
        self.redis = redis
        self.wait = wait
        self._script = redis.register_script(_SOURCE)
        self._waiting: dict[tuple[Lease, str], list[_Asked]] = {}
        self._sending: set[asyncio.Future[list[int]]] = set()  # kept till done

    async def mark(self, key: str, field: str, value: str) -> bool:
        """Set ``field`` of the hash ``key`` (in the partition's slot), only while the
        running handler's lease holds (``LeaseLost`` otherwise); whether it was set before."""
        lease = held()
        if lease is None:  # outside a partition's worker: no lease to check, nothing shared
            if self.wait is None:
                return await mark(self.redis, key, field, value)
            return await mark_replicated(self.redis, key, field, value, self.wait)
        loop = asyncio.get_running_loop()
        asked = _Asked(field, value, loop.create_future())
        if not self._waiting:
            loop.call_soon(self._send_all)  # after the lanes resumed in this turn mark too
        self._waiting.setdefault((lease, key), []).append(asked)
        return await asked.answer

    def _send_all(self) -> None:
        waiting, self._waiting = self._waiting, {}
        for (lease, key), everyone in waiting.items():
            # A lane cancelled meanwhile (its worker stopping) marks nothing.
            asked = [one for one in everyone if not one.answer.done()]
            if asked:
                sending = asyncio.ensure_future(self._send(lease, key, asked))
                self._sending.add(sending)
                sending.add_done_callback(self._sending.discard)
                sending.add_done_callback(
                    partial(answer_each, [a.answer for a in asked], _marked_before)
                )

    async def _send(self, lease: Lease, key: str, asked: list[_Asked]) -> list[int]:
        args: list[str | int] = [lease.token, MARK_TTL_MS]
        for one in asked:
            args += [one.field, one.value]
        keys = [lease.fence, key]
        try:
            if self.wait is None:
                reply = await self._script(keys=keys, args=args)
            else:
                reply = await script_replicated(
                    self.redis, self._script, keys, args, self.wait, route=key
                )
        except ResponseError as exc:
            raise_if_fenced(exc)
            raise
        return cast(list[int], reply)


def _marked_before(reply: int) -> bool:
    """Whether the mark was there before this call (HSET answers 0: no new field)."""
    return reply == 0
