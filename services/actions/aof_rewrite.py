"""Rewriting Redis's append-only file after erasures, so an erased subject's key and data
leave the disk too, not only the dataset.

Until Redis rewrites its AOF, the file still holds every command it ever ran: the key an
erasure deleted, and what it sealed. An erasure asks for a rewrite; a projector performs
the requests together, at most once per period over all replicas (a rewrite forks Redis
and writes the whole dataset: not something to run per erasure).

The ordering needs no waiting: a request is written after its erasure has run, and the
rewrite starts after the request is taken, so the dataset it forks already lacks the key.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from typing import Any, cast

from redis.asyncio.cluster import ClusterNode, RedisCluster
from redis.cluster import REPLICA
from redis.exceptions import ResponseError

from events import Keyspace
from events.error_text import describe
from events.redis_client import RedisClient

log = logging.getLogger(__name__)

POLL_S = 60.0
"""How often a projector looks for requests."""


def _requested(keyspace: Keyspace) -> str:
    return keyspace.shared("aof-rewrite", "requested")


def _window(keyspace: Keyspace) -> str:
    return keyspace.shared("aof-rewrite", "window")


@contextlib.asynccontextmanager
async def _every_node(redis: RedisClient) -> AsyncIterator[dict[str, Any]]:
    """On a cluster, the targets that reach every node, primaries and replicas (CLUSTER
    SHARDS): each keeps an AOF of its own, a replica writing what it replicates to it, so
    an erased key stays on a replica's disk until that replica rewrites too. A command
    without targets would go to one node. The replicas' connections, which the client
    does not keep (it sends nothing to replicas), are closed after."""
    if not isinstance(redis, RedisCluster):
        yield {}
        return
    known = {node.name: node for node in redis.get_nodes()}
    added: list[ClusterNode] = []
    for shard in await redis.cluster_shards():
        for node in shard["nodes"]:
            host, port = _text(node[b"endpoint"]), int(node[b"port"])
            name = f"{host}:{port}"
            if name in known or _text(node[b"health"]) == "fail":
                continue
            known[name] = ClusterNode(host, port, REPLICA, **redis.connection_kwargs)
            added.append(known[name])
    try:
        yield {"target_nodes": list(known.values())}
    finally:
        for node in added:
            await node.disconnect()


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


async def _persistence(redis: RedisClient, targets: dict[str, Any]) -> list[dict[str, object]]:
    """INFO persistence of Redis, or of every node of a cluster (by name, then)."""
    reply: dict[str, Any] = await redis.info("persistence", **targets)
    if "aof_enabled" in reply:
        return [reply]
    return [cast(dict[str, object], info) for info in reply.values()]


async def request_rewrite(redis: RedisClient, keyspace: Keyspace) -> None:
    """Ask for a rewrite of the AOF (after an erasure has run)."""
    await redis.set(_requested(keyspace), int(time.time()))


async def rewrite_if_requested(redis: RedisClient, keyspace: Keyspace, every_s: int) -> bool:
    """Start a rewrite if one was asked for and none was started by any process in the
    last ``every_s`` seconds; whether one was started."""
    if not await redis.exists(_requested(keyspace)):
        return False
    if not await redis.set(_window(keyspace), int(time.time()), nx=True, ex=every_s):
        return False  # one ran lately: this request waits for the window to close
    async with _every_node(redis) as targets:
        return await _rewrite(redis, keyspace, targets)


async def _rewrite(redis: RedisClient, keyspace: Keyspace, targets: dict[str, Any]) -> bool:
    """The rewrite on ``targets``, this process holding the window."""
    nodes = await _persistence(redis, targets)
    if not any(node.get("aof_enabled") for node in nodes):
        await redis.delete(_requested(keyspace))
        return False
    if any(node.get("aof_rewrite_in_progress") for node in nodes):
        # Redis's own rewrite may have forked before the erasure: the request waits.
        await redis.delete(_window(keyspace))
        log.info("AOF rewrite after erasures: Redis is busy rewriting; trying again later")
        return False
    # Taken before the rewrite starts: a request made from here on waits for the next.
    await redis.delete(_requested(keyspace))
    try:
        await redis.bgrewriteaof(**targets)
    except ResponseError as exc:
        # Refused (no permission for it, a managed Redis without it): said loudly, and
        # asked again, for the erased keys stay in the AOF until it is rewritten.
        await request_rewrite(redis, keyspace)
        await redis.delete(_window(keyspace))
        log.warning("AOF rewrite after erasures refused (%s); trying again later", describe(exc))
        return False
    log.info("AOF rewrite after erasures started")
    return True


async def keep_rewriting(
    redis: RedisClient,
    keyspace: Keyspace,
    every_s: int,
    stopping: asyncio.Event,
    *,
    poll_s: float = POLL_S,
) -> None:
    """Perform the rewrites asked for, until ``stopping`` is set; a failure is retried at
    the next look."""
    while not stopping.is_set():
        try:
            await rewrite_if_requested(redis, keyspace, every_s)
        except Exception as exc:
            log.warning("AOF rewrite after erasures failed (%s); trying again later",
                        type(exc).__name__)  # fmt: skip
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), poll_s)
