"""The one type every module takes for its Redis: a single Redis or a Redis Cluster.

The same code runs on both (every key of a partition is in one hash slot, every script
declares its keys): a module asks for ``RedisClient`` and mypy checks that what it calls
exists, with the same meaning, on either client.
"""

from __future__ import annotations

from typing import TypeAlias

from redis.asyncio import Redis
from redis.asyncio.cluster import RedisCluster

RedisClient: TypeAlias = Redis | RedisCluster
