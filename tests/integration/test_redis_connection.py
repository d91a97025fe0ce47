"""The Redis client every service uses keeps every cancellation."""

from __future__ import annotations

import asyncio
import random
import uuid

import pytest
from redis.exceptions import ResponseError

from events import EventLog, Keyspace
from services.runtime.embedded_redis import RedisServer
from services.runtime.redis_connection import blocking_pool
from services.runtime.store import StoreSettings
from tests.support.busy_machine import busy_machine
from tests.support.factories import message


@pytest.mark.timeout(180)  # 400 calls on a machine kept busy on purpose
async def test_a_redis_call_cancelled_at_any_moment_raises(redis_server: RedisServer) -> None:
    redis = StoreSettings(redis_url=redis_server.url).connect()
    rng = random.Random(7)
    finished_normally = 0

    async def ping_until_cancelled() -> None:
        nonlocal finished_normally
        while True:
            await redis.ping()
            if asyncio.current_task().cancelling():  # type: ignore[union-attr]
                finished_normally += 1  # the cancellation was lost on the way
                return

    try:
        with busy_machine():
            for _ in range(400):
                task = asyncio.create_task(ping_until_cancelled())
                await asyncio.sleep(rng.random() * 0.005)
                task.cancel()
                await asyncio.wait({task}, timeout=5)
        assert finished_normally == 0
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
