"""A handler that keeps something of each partition it handles is told when its consumer
gives a partition up: handed over to a replica that joined, lost, or given back on stop."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from redis.asyncio import Redis

from events import Keyspace, Record
from events.checkpoint import Command
from events.consumer import SubscriptionOptions
from events.subscription import Subscription
from tests.support.eventually import eventually

pytestmark = pytest.mark.timeout(60)

FAST = SubscriptionOptions(
    block_ms=50, lease_ttl_ms=600, member_ttl_ms=400, rebalance_interval_s=0.05
)


class Keeping:
    """A handler that notes the partitions it was told are no longer its consumer's."""

    def __init__(self) -> None:
        self.released: list[int] = []

    async def __call__(self, record: Record) -> Sequence[Command]:
        return ()

    def partition_released(self, partition: int) -> None:
        self.released.append(partition)


def consumer(redis: Redis, keyspace: Keyspace, name: str, handler: Keeping) -> Subscription:
    return Subscription(redis, keyspace, group="g", consumer=name, handler=handler, options=FAST)


async def test_partitions_handed_over_to_a_replica_that_joined_are_released_to_the_handler(
    redis: Redis, keyspace: Keyspace
) -> None:
    first, second = Keeping(), Keeping()
    a, b = consumer(redis, keyspace, "a", first), consumer(redis, keyspace, "b", second)
    running = [asyncio.create_task(a.run())]
    try:
        await eventually(lambda: len(a.owned) == keyspace.partitions)
        running.append(asyncio.create_task(b.run()))
        await eventually(lambda: len(b.owned) == keyspace.partitions // 2)
        await eventually(lambda: set(first.released) == b.owned)
        assert not second.released
    finally:
        a.stop()
        b.stop()
        await asyncio.gather(*running)


async def test_a_stopped_consumer_releases_every_partition_it_held_to_the_handler(
    redis: Redis, keyspace: Keyspace
) -> None:
    keeping = Keeping()
    a = consumer(redis, keyspace, "a", keeping)
    running = asyncio.create_task(a.run())
    await eventually(lambda: len(a.owned) == keyspace.partitions)
    a.stop()
    await running
    assert sorted(keeping.released) == list(range(keyspace.partitions))


async def test_a_partition_whose_lease_was_taken_is_released_to_the_handler(
    redis: Redis, keyspace: Keyspace
) -> None:
    keeping = Keeping()
    a = consumer(redis, keyspace, "a", keeping)
    running = asyncio.create_task(a.run())
    try:
        await eventually(lambda: 0 in a.owned)
        token = await redis.incr(keyspace.fence(0, "g"))  # it lapsed, another took it
        await redis.set(keyspace.lease(0, "g"), f"other|{token}", px=2000)
        await eventually(lambda: 0 in keeping.released)
    finally:
        a.stop()
        await running
