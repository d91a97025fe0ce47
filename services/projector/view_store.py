"""How a projection reads the views it maintains: from Redis when live, from memory during
a rebuild (``services.projector.rebuild``)."""

from __future__ import annotations

from typing import Protocol, cast

from events.redis_client import RedisClient


class ViewStore(Protocol):
    """The reads a projection makes of the views it maintains."""

    async def get(self, key: str) -> bytes | None: ...

    async def elements(self, key: str) -> list[bytes]: ...

    async def members(self, key: str) -> list[bytes]:
        """A sorted set's members, lowest score first."""
        ...


class RedisViews:
    def __init__(self, redis: RedisClient) -> None:
        self.redis = redis

    async def get(self, key: str) -> bytes | None:
        return cast(bytes | None, await self.redis.get(key))

    async def elements(self, key: str) -> list[bytes]:
        return cast(list[bytes], await self.redis.lrange(key, 0, -1))

    async def members(self, key: str) -> list[bytes]:
        return cast(list[bytes], await self.redis.zrange(key, 0, -1))
