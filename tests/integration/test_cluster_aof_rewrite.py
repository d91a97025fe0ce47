"""On a Redis Cluster the rewrite after erasures runs on every node, primaries and
replicas (each keeps an AOF of its own): the erased subject's key leaves the AOF of
whichever shard held it, on its primary and on its replica."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import cast

import pytest
from redis import Redis as SyncRedis

from events import EventLog
from events.key_wrapping import KeyEncryptionKey, KeyRing, new_kek_text
from events.redis_client import RedisClient
from services.actions.aof_rewrite import rewrite_if_requested
from services.actions.erasure import ErasureReason, erase_subject
from services.projector.store import ReadModels
from services.runtime.store import StoreSettings
from tests.support.factories import message
from tests.support.redis_cluster import LocalCluster
from tests.support.redis_contents import aof_files


def rewrites(cluster: LocalCluster) -> dict[int, int]:
    """Each node's count of finished AOF rewrites, by port."""
    counts = {}
    for node in cluster.nodes:
        with SyncRedis(port=node.port) as client:
            info = cast(dict[str, object], client.info("persistence"))
            assert not info["aof_rewrite_in_progress"] and not info["aof_rewrite_scheduled"]
            counts[node.port] = int(cast(int, info["aof_rewrites"]))
    return counts


def on_disk(cluster: LocalCluster, value: bytes) -> list[int]:
    """The ports of the nodes whose AOF holds ``value``."""
    return [node.port for node in cluster.nodes if value in aof_files(node.directory)]


@pytest.mark.timeout(60)
async def test_after_an_erasure_every_node_rewrites_and_the_key_leaves_every_aof(
    redis_cluster: LocalCluster, cluster_redis: RedisClient, tmp_path: Path
) -> None:
    kek = tmp_path / "kek"
    kek.write_text(new_kek_text())
    keyspace = StoreSettings(redis_url=redis_cluster.url, partitions=4).keyspace
    log = EventLog(cluster_redis, keyspace, keys=KeyRing(KeyEncryptionKey.from_file(kek)))
    await log.ensure_layout()
    result = await log.append(message("c1", "moro na rua Pitangueiras"))
    stored = cast(bytes, await cluster_redis.hget(keyspace.subject_keys(result.partition), "c1"))
    for _ in range(100):  # appendfsync everysec: on disk within a second or so
        if len(on_disk(redis_cluster, stored)) == 2:
            break
        await asyncio.sleep(0.05)
    assert len(on_disk(redis_cluster, stored)) == 2  # the shard's primary and its replica
    before = rewrites(redis_cluster)
    models = ReadModels(cluster_redis, keyspace, log.subject_keys)
    assert await erase_subject(log, models, "c1", ErasureReason.SUBJECT_REQUEST, "dpo")
    assert await rewrite_if_requested(cluster_redis, keyspace, 600)
    for _ in range(200):
        try:
            after = rewrites(redis_cluster)
        except AssertionError:
            after = before  # still rewriting
        if all(after[port] > count for port, count in before.items()):
            break
        await asyncio.sleep(0.05)
    assert all(after[port] > count for port, count in before.items())
    for _ in range(100):  # Redis drops the old files right after switching to the new
        if not on_disk(redis_cluster, stored):
            break
        await asyncio.sleep(0.05)
    assert on_disk(redis_cluster, stored) == []
