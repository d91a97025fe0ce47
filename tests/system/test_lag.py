"""A consumer group's lag is known after Redis restarts from its AOF, when Redis itself
reports it as NULL until the group reaches the end of the stream."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry
from redis.asyncio import Redis

from events import Keyspace
from events.lag import group_positions
from events.metrics import ConsumerMetrics
from services.runtime.embedded_redis import RedisServer

STREAM = Keyspace(partitions=1).stream(0)


@pytest.fixture
async def restarted(tmp_path: Path) -> AsyncIterator[Redis]:
    """A Redis whose group "g" read 4 of 10 entries (acknowledging none), then restarted."""
    server = RedisServer(tmp_path / "redis", appendfsync="always")
    server.start()
    redis = Redis.from_url(server.url)
    await redis.xgroup_create(STREAM, "g", id="0", mkstream=True)
    for n in range(10):
        await redis.xadd(STREAM, {"n": n})
    await redis.xreadgroup("g", "c1", {STREAM: ">"}, count=4)
    await redis.aclose()
    server.kill()
    server.start()
    redis = Redis.from_url(server.url)
    try:
        [info] = await redis.xinfo_groups(STREAM)
        assert info["lag"] is None  # what Redis says, and why counting is needed
        yield redis
    finally:
        await redis.aclose()
        server.stop()


async def test_the_lag_redis_cannot_tell_is_counted(restarted: Redis) -> None:
    [position] = await group_positions(restarted, STREAM)
    assert (position.group, position.pending, position.lag) == ("g", 4, 6)


async def test_a_bound_caps_the_count(restarted: Redis) -> None:
    [position] = await group_positions(restarted, STREAM, bound=5)
    assert position.lag == 5


async def test_the_lag_metric_holds_the_counted_lag(restarted: Redis) -> None:
    registry = CollectorRegistry()
    await ConsumerMetrics(registry).sample(restarted, Keyspace(partitions=1), ("g",))
    labels = {"group": "g", "partition": "0"}
    assert registry.get_sample_value("wsm_stream_lag", labels) == 6
    assert registry.get_sample_value("wsm_stream_pending", labels) == 4


async def test_a_stream_not_written_yet_has_no_groups(redis: Redis) -> None:
    assert await group_positions(redis, "wsm:{p0}:log") == []
