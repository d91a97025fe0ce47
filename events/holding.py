"""The lease a handler runs under: its partition's fencing key and the token its worker
holds, for a handler that must still be the owner when it acts outside Redis (the outbox,
before a send). Only commits are fenced by the log itself; a worker that lost its lease
unnoticed (it lapsed while Redis was away, or a failover lost its renewal) would otherwise
go on acting on what it read, beside the new owner.

A mark (``mark`` on a single Redis, ``mark_replicated`` with a wait for replicas) is
written by one script that checks the lease first, in one round trip, and gives its hash
a lifetime (``MARK_TTL_MS``): a mark nobody clears (its entry was dead-lettered) does not
stay forever once its partition stops marking. ``events.lease_marks`` writes the marks
the lanes of a partition ask for at the same moment in one such call."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from importlib import resources

from redis.exceptions import ResponseError

from events.checkpoint import raise_if_fenced
from events.redis_client import RedisClient
from events.replication import ReplicaWait, run_replicated, script_replicated

_MARK_IF_OWNER = resources.files("events").joinpath("lua", "mark_if_owner.lua").read_text()

MARK_TTL_MS = 7 * 24 * 3600 * 1000
"""How long a hash of marks outlives its last mark: well past any retry of its entries."""


@dataclass(frozen=True, slots=True)
class Lease:
    fence: str
    """The partition's fencing key (``Keyspace.fence``), in the partition's slot."""
    token: int


_held: ContextVar[Lease | None] = ContextVar("lease_held", default=None)


def held() -> Lease | None:
    """The lease the running handler holds; None outside a partition's worker."""
    return _held.get()


def hold(lease: Lease) -> None:
    """Say, for the running task, which lease its handlers run under."""
    _held.set(lease)


async def mark(redis: RedisClient, key: str, field: str, value: str) -> bool:
    """Set ``field`` of the hash ``key`` (in the partition's slot), only while the running
    handler's lease holds (``LeaseLost`` otherwise); whether it was set before."""
    lease = held()
    if lease is None:  # outside a partition's worker: no lease to check
        async with redis.pipeline(transaction=False) as pipe:
            pipe.hset(key, field, value)
            pipe.pexpire(key, MARK_TTL_MS)
            reply, _ = await pipe.execute()
    else:
        script = redis.register_script(_MARK_IF_OWNER)
        try:
            reply = await script(
                keys=[lease.fence, key], args=[lease.token, field, value, MARK_TTL_MS]
            )
        except ResponseError as exc:
            raise_if_fenced(exc)
            raise
    return bool(reply == 0)


async def mark_replicated(
    redis: RedisClient, key: str, field: str, value: str, wait: ReplicaWait
) -> bool:
    """Set ``field`` of the hash ``key`` (in the partition's slot) once replicas hold it,
    only while the running handler's lease holds (``LeaseLost`` otherwise); whether it was
    set before. Raises ``NotReplicated`` when too few replicas confirm in time."""
    lease = held()
    if lease is None:  # outside a partition's worker: no lease to check
        commands = [(key, ("HSET", key, field, value)), (key, ("PEXPIRE", key, MARK_TTL_MS))]
        reply, _ = await run_replicated(redis, commands, wait)
        if isinstance(reply, BaseException):
            raise reply
    else:
        script = redis.register_script(_MARK_IF_OWNER)
        try:
            args: list[str | int] = [lease.token, field, value, MARK_TTL_MS]
            reply = await script_replicated(
                redis, script, [lease.fence, key], args, wait, route=key
            )
        except ResponseError as exc:
            raise_if_fenced(exc)
            raise
    return reply == 0
