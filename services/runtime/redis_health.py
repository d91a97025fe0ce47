"""Whether Redis serves: what a service's readiness says.

A single Redis serves when it answers. A Redis Cluster serves when every primary answers
and says the cluster is ok: a node answers PING while the cluster is down (a shard with
neither its primary nor a replica), and a readiness that asked one node alone would keep
a service in rotation while a third of its writes fail.
"""

from __future__ import annotations

from typing import Any, cast

from redis.asyncio.cluster import RedisCluster
from redis.exceptions import ClusterDownError

from events.redis_client import RedisClient


async def ensure_serving(redis: RedisClient) -> None:
    """Return if Redis serves; raise (a Redis error) if not."""
    if not isinstance(redis, RedisCluster):
        await redis.ping()
        return
    replies = await redis.cluster_info(target_nodes=RedisCluster.PRIMARIES)
    # One primary's reply comes alone; several come by node name.
    infos = [replies] if "cluster_state" in replies else list(replies.values())
    for info in cast(list[dict[str, Any]], infos):
        if info.get("cluster_state") != "ok":
            raise ClusterDownError("a primary says the cluster is not ok")
