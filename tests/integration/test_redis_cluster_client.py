"""The cluster client the services get from a ``redis+cluster://`` URL keeps the single
client's promises: a bound on connections that waits, cancellations kept, and errors that
never carry a command's arguments."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from redis.asyncio.cluster import RedisCluster
from redis.exceptions import ResponseError

from events import EventLog, Keyspace
from services.runtime.redis_cluster import ServicesRedisCluster
from services.runtime.store import StoreSettings
from tests.support.busy_machine import cancellations_lost
from tests.support.factories import message
from tests.support.redis_cluster import LocalCluster


async def test_commands_beyond_the_connection_bound_wait_for_a_connection(
    redis_cluster: LocalCluster,
) -> None:
    async with StoreSettings(redis_url=redis_cluster.url, connections=8).connected() as redis:
        keys = [f"pool-burst-{n}" for n in range(20)]  # spread over the three primaries
        await asyncio.gather(*(redis.delete(key) for key in keys))
        await asyncio.gather(*(redis.incr(keys[n % 20]) for n in range(500)))
        counts = await asyncio.gather(*(redis.get(key) for key in keys))
        assert sum(int(count or 0) for count in counts) == 500


async def test_pipelines_beyond_the_connection_bound_wait_for_a_connection(
    redis_cluster: LocalCluster,
) -> None:
    async with StoreSettings(redis_url=redis_cluster.url, connections=8).connected() as redis:

        async def bump(n: int) -> None:
            async with redis.pipeline(transaction=False) as pipe:
                pipe.incr(f"pipe-burst-{n % 7}")
                pipe.incr(f"pipe-burst-{(n + 3) % 7}")
                await pipe.execute()

        await asyncio.gather(*(redis.delete(f"pipe-burst-{n}") for n in range(7)))
        await asyncio.gather(*(bump(n) for n in range(200)))
        counts = await asyncio.gather(*(redis.get(f"pipe-burst-{n}") for n in range(7)))
        assert sum(int(count or 0) for count in counts) == 400


@pytest.mark.timeout(180)  # 200 calls on a machine kept busy on purpose
async def test_a_cluster_call_cancelled_at_any_moment_raises(redis_cluster: LocalCluster) -> None:
    redis = StoreSettings(redis_url=redis_cluster.url).connect()
    assert isinstance(redis, ServicesRedisCluster)
    try:
        await redis.get("wsm:{p0}:cancelled")  # the cluster's layout, read once
        assert await cancellations_lost(lambda: redis.get("wsm:{p0}:cancelled"), 200) == 0
        assert await redis.ping()  # a connection dropped mid-command was not reused
    finally:
        await redis.aclose()


async def test_a_write_the_cluster_refuses_names_no_argument_of_its_command(
    redis_cluster: LocalCluster,
) -> None:
    redis = StoreSettings(redis_url=redis_cluster.url).connect()
    assert isinstance(redis, ServicesRedisCluster)
    log = EventLog(redis, Keyspace(prefix=f"oom{uuid.uuid4().hex[:8]}", partitions=2))
    # Every write is refused, as on a full Redis.
    await redis.config_set("maxmemory", 1, target_nodes=RedisCluster.PRIMARIES)
    try:
        with pytest.raises(ResponseError) as refused:
            await log.append(message(chat="chat-of-olga", text="tenho diabetes"))
    finally:
        await redis.config_set("maxmemory", 0, target_nodes=RedisCluster.PRIMARIES)
        await redis.aclose()
    said = str(refused.value)
    assert "maxmemory" in said and "HSETNX" in said
    assert "subject-keys" not in said and "chat-of-olga" not in said
    assert len(said) < 200
