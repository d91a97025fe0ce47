"""A consumer process for the crash tests: records each entry it handles as an effect, and
dies on the spot (no cleanup, like a segfault or the OOM killer) on a message "crash"."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Sequence

from redis.asyncio import Redis

from events import Keyspace, MessageReceived, Record
from events.checkpoint import Command
from events.consumer import SubscriptionOptions
from events.subscription import Subscription


def applied_key(keyspace: Keyspace, record: Record) -> str:
    """A list in the entry's partition slot, so the commit script may write it."""
    return keyspace.in_partition(record.partition, "applied", record.chat)


async def main(url: str, consumer: str, handling_s: float) -> None:
    keyspace = Keyspace(prefix="wsm", partitions=4)
    redis = Redis.from_url(url)

    async def handler(record: Record) -> Sequence[Command]:
        await asyncio.sleep(handling_s)
        event = record.envelope.event
        if isinstance(event, MessageReceived) and event.text == "crash":
            os._exit(1)
        return (("RPUSH", applied_key(keyspace, record), record.entry_id),)

    options = SubscriptionOptions(
        block_ms=50, lease_ttl_ms=500, member_ttl_ms=400, rebalance_interval_s=0.05
    )
    subscription = Subscription(
        redis, keyspace, group="crash", consumer=consumer, handler=handler, options=options
    )
    await subscription.run()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], float(sys.argv[3])))
