"""Writes confirmed by replicas: commands run, then ``WAIT`` on the same connection.

Redis replicates asynchronously: a primary that fails over right after a write loses it.
``WAIT numreplicas timeout`` blocks until every earlier write *of the same connection* has
reached that many replicas, or the timeout passes, and answers how many it reached
(redis.io, commands/WAIT). So the commands and their ``WAIT`` must share one connection:
on a single Redis one pipeline does; on a cluster, each primary's commands are sent with
their ``WAIT`` on one connection of that primary, and a command the node redirects
(``MOVED``, ``ASK``: the slot is elsewhere now) is not followed but failed, since its
write would land on a connection the ``WAIT`` never sees. Whoever asked retries (WAHA
retries a webhook; the append is deduplicated).

``WAITAOF`` (Redis 7.2) would also wait for the append-only file's fsync; the Redis this
ships with (7.0) has only ``WAIT``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

from redis.asyncio.cluster import ClusterNode, PipelineCommand, RedisCluster
from redis.commands.core import AsyncScript
from redis.exceptions import AskError, MovedError, NoScriptError, RedisError, TryAgainError
from redis.exceptions import ConnectionError as RedisConnectionError

from events.redis_client import RedisClient

Command = Sequence[str | bytes | int | float]

# The connection's read timeout (``StoreSettings.connect``: 5 s) must outlast the wait.
MAX_TIMEOUT_MS = 4000


@dataclass(frozen=True, slots=True)
class ReplicaWait:
    """How many replicas must hold a write before it counts, and how long to wait."""

    replicas: int
    timeout_ms: int

    def __post_init__(self) -> None:
        if self.replicas < 1:
            raise ValueError("a wait for replicas needs at least one replica")
        if not 1 <= self.timeout_ms <= MAX_TIMEOUT_MS:
            raise ValueError(f"the wait's timeout is 1 to {MAX_TIMEOUT_MS} ms")


class NotReplicated(RedisError):
    """Written on the primary, but fewer replicas confirmed it in time than asked: a
    failover could still lose it, so it is not acknowledged (a retry is deduplicated)."""


async def run_replicated(
    redis: RedisClient, routed: Sequence[tuple[str, Command]], wait: ReplicaWait
) -> list[object]:
    """Run each command (given with a hash key of the slot it writes, which a redirection
    is followed on) and wait for replicas.

    Replies come in order, a failed command's reply being its exception; a command whose
    writes did not reach ``wait.replicas`` replicas in time answers :class:`NotReplicated`.
    """
    if isinstance(redis, RedisCluster):
        return await _on_cluster(redis, routed, wait)
    async with redis.pipeline(transaction=False) as pipe:
        for _, command in routed:
            pipe.execute_command(*command)
        pipe.execute_command("WAIT", wait.replicas, wait.timeout_ms)
        replies = list(await pipe.execute(raise_on_error=False))
    return _confirmed(replies[:-1], replies[-1], wait)


async def script_replicated(
    redis: RedisClient,
    script: AsyncScript,
    keys: Sequence[str | bytes],
    args: Sequence[str | bytes | int | float],
    wait: ReplicaWait,
    *,
    route: str,
) -> object:
    """Call ``script`` (``route``: a hash in the slot of its keys) and wait for replicas;
    its reply, or its error raised (:class:`NotReplicated` when too few replicas confirmed
    its writes in time: they happened on the primary, a retry finds them there)."""
    command: list[str | bytes | int | float] = ["EVALSHA", script.sha, len(keys), *keys, *args]
    [reply] = await run_replicated(redis, [(route, command)], wait)
    if isinstance(reply, NoScriptError):  # a restarted Redis: nothing of it ran
        await redis.script_load(script.script)
        [reply] = await run_replicated(redis, [(route, command)], wait)
    if isinstance(reply, BaseException):
        raise reply
    return reply


async def _on_cluster(
    redis: RedisCluster, routed: Sequence[tuple[str, Command]], wait: ReplicaWait
) -> list[object]:
    await redis.initialize()  # at once once the layout is known
    by_node: dict[str, tuple[ClusterNode, list[int]]] = {}
    for position, (key, _) in enumerate(routed):
        node = redis.get_node_from_key(key)
        assert node is not None  # a primary: redis-py raises when no node serves the slot
        by_node.setdefault(node.name, (node, []))[1].append(position)
    replies: list[object] = [None] * len(routed)
    groups = list(by_node.values())
    answers = await asyncio.gather(
        *(_node_pipeline(redis, node, [routed[p][1] for p in positions], wait)
          for node, positions in groups),
        return_exceptions=True,
    )  # fmt: skip
    redirected: list[str] = []
    for (_, positions), answer in zip(groups, answers, strict=True):
        for n, position in enumerate(positions):
            reply = answer if isinstance(answer, BaseException) else answer[n]
            replies[position] = reply
            if isinstance(reply, MovedError | AskError | TryAgainError | RedisConnectionError):
                redirected.append(routed[position][0])
    for key in redirected:
        await _relearn_slot(redis, key)
    return replies


async def _node_pipeline(
    redis: RedisCluster, node: ClusterNode, commands: list[Command], wait: ReplicaWait
) -> list[object]:
    """``commands`` then ``WAIT`` on one connection of ``node``."""
    queued = [PipelineCommand(n, *command) for n, command in enumerate(commands)]
    queued.append(PipelineCommand(len(commands), "WAIT", wait.replicas, wait.timeout_ms))
    permit = getattr(redis, "permit", None)  # the services' client bounds its connections
    if permit is not None:
        async with permit():
            await node.execute_pipeline(queued)
    else:
        await node.execute_pipeline(queued)
    return _confirmed([c.result for c in queued[:-1]], queued[-1].result, wait)


async def _relearn_slot(redis: RedisCluster, key: str) -> None:
    """A routed read of the hash ``key`` (HEXISTS: the gateway's Redis user may send it):
    redis-py follows its redirection and learns the new layout, so the next attempt goes
    to the slot's new primary."""
    with contextlib.suppress(RedisError):  # the cluster settling: the next attempt asks
        await redis.hexists(key, "")


def _confirmed(replies: list[object], acknowledged: object, wait: ReplicaWait) -> list[object]:
    if isinstance(acknowledged, int) and acknowledged >= wait.replicas:
        return replies
    reached = acknowledged if isinstance(acknowledged, int) else 0
    missing = NotReplicated(
        f"{reached} of {wait.replicas} replicas confirmed the write within {wait.timeout_ms} ms"
    )
    return [reply if isinstance(reply, BaseException) else missing for reply in replies]
