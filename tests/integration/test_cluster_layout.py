"""A cluster's log is laid out with spread tags: its partitions fall evenly on the
primaries of a real cluster, and a log written with the other tags is refused."""

from __future__ import annotations

from collections import Counter

import pytest
from redis.asyncio import Redis
from redis.asyncio.cluster import RedisCluster

from events import EventLog, Keyspace
from events.log import LayoutMismatch
from events.redis_client import RedisClient
from services.runtime.store import StoreSettings
from tests.support.redis_cluster import LocalCluster


async def test_the_partitions_of_a_cluster_log_fall_5_6_5_on_its_primaries(
    redis_cluster: LocalCluster, cluster_redis: RedisClient
) -> None:
    assert isinstance(cluster_redis, RedisCluster)
    keyspace = StoreSettings(redis_url=redis_cluster.url).keyspace
    await cluster_redis.initialize()
    # The node that serves each partition's stream, as the cluster itself says.
    nodes = Counter(
        cluster_redis.get_node_from_key(keyspace.stream(p)).name for p in keyspace.all_partitions()
    )
    assert sorted(nodes.values()) == [5, 5, 6]


async def test_a_log_written_with_plain_tags_is_refused_to_a_cluster_keyspace(
    redis: Redis,
) -> None:
    await EventLog(redis, Keyspace(partitions=16)).ensure_layout()
    with pytest.raises(LayoutMismatch, match="single Redis"):
        await EventLog(redis, Keyspace(partitions=16, spread=True)).ensure_layout()


async def test_a_log_written_with_spread_tags_is_refused_to_plain_tags(redis: Redis) -> None:
    await EventLog(redis, Keyspace(partitions=16, spread=True)).ensure_layout()
    with pytest.raises(LayoutMismatch, match="Redis Cluster"):
        await EventLog(redis, Keyspace(partitions=16)).check_layout()
