"""The Redis client every service uses keeps every cancellation."""

from __future__ import annotations

import uuid

import pytest
from redis.exceptions import ResponseError

from events import EventLog, Keyspace
from services.runtime.embedded_redis import RedisServer
from services.runtime.redis_connection import blocking_pool
from services.runtime.store import StoreSettings
from tests.support.busy_machine import cancellations_lost
from tests.support.factories import message


@pytest.mark.timeout(180)  # 400 calls on a machine kept busy on purpose
async def test_a_redis_call_cancelled_at_any_moment_raises(redis_server: RedisServer) -> None:
    redis = StoreSettings(redis_url=redis_server.url).connect()
    try:
        assert await cancellations_lost(redis.ping, 400) == 0
        assert await redis.ping()  # a connection dropped mid-command was not reused
    finally:
        await redis.aclose()


def test_a_url_without_a_known_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="redis://"):
        blocking_pool("http://127.0.0.1:6379/0")


async def test_a_write_redis_refuses_names_no_argument_of_its_command(
    redis_server: RedisServer,
) -> None:
    redis = StoreSettings(redis_url=redis_server.url).connect()
    log = EventLog(redis, Keyspace(prefix=f"oom{uuid.uuid4().hex[:8]}", partitions=2))
    await redis.config_set("maxmemory", 1)  # every write is refused, as on a full Redis
    try:
        with pytest.raises(ResponseError) as refused:
            await log.append(message(chat="chat-of-olga", text="tenho diabetes"))
    finally:
        await redis.config_set("maxmemory", 0)
        await redis.aclose()
    said = str(refused.value)
    assert "maxmemory" in said and "HSETNX" in said
    # The command's arguments: the store of subject keys, the chat, the raw key itself.
    assert "subject-keys" not in said and "chat-of-olga" not in said
    assert len(said) < 200
