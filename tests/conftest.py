"""Fixtures: a real redis-server per test session, a clean database per test."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace
from services.runtime.embedded_redis import RedisServer


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(Path(tmp_path_factory.mktemp("redis")))
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def redis(redis_server: RedisServer) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_server.url)
    await client.flushdb()
    yield client
    await client.aclose()


@pytest.fixture
def keyspace() -> Keyspace:
    return Keyspace(prefix="wsm", partitions=4)


@pytest.fixture
async def log(redis: Redis, keyspace: Keyspace) -> EventLog:
    event_log = EventLog(redis, keyspace)
    await event_log.ensure_layout()
    return event_log
