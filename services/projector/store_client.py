"""The client the projector's store (``store.py``, ``projections.py``) is typed for.

Those modules name the single client in their signatures; what they send runs unchanged
on the cluster client (every view key of a partition is in its partition's slot). This
is the one place that says so, until their signatures take ``RedisClient``.
"""

from __future__ import annotations

from typing import cast

from redis.asyncio import Redis

from events.redis_client import RedisClient


def for_store(redis: RedisClient) -> Redis:
    """``redis``, as the store's signatures name it."""
    return cast(Redis, redis)
