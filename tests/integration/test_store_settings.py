"""The Redis client every service gets from its settings."""

from __future__ import annotations

import asyncio

import pytest

from services.runtime.embedded_redis import RedisServer
from services.runtime.settings import SettingsError
from services.runtime.store import StoreSettings


async def test_commands_beyond_the_connection_pool_wait_for_a_connection(
    redis_server: RedisServer,
) -> None:
    async with StoreSettings(redis_url=redis_server.url, connections=8).connected() as redis:
        key = "pool-burst"
        await redis.delete(key)
        await asyncio.gather(*(redis.incr(key) for _ in range(500)))
        assert int(await redis.get(key) or 0) == 500


def test_a_pool_too_small_to_work_is_refused() -> None:
    with pytest.raises(SettingsError, match="REDIS_MAX_CONNECTIONS"):
        StoreSettings.from_env({"REDIS_MAX_CONNECTIONS": "2"})
