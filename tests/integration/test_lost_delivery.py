"""A delivery whose reply is lost (Redis dies after handing entries to a consumer, before
the consumer reads the answer) is recovered by that consumer, not left pending forever."""

from __future__ import annotations

import asyncio
from pathlib import Path

from redis.asyncio import Redis

from events import EventLog, Keyspace, Record
from events.checkpoint import Command
from events.subscription import Subscription
from services.runtime.embedded_redis import RedisServer
from tests.support.factories import message
from tests.support.projecting import groups_caught_up
from tests.support.whole_stack import FAST


async def test_entries_delivered_but_never_received_are_handled_after_redis_returns(
    tmp_path: Path,
) -> None:
    server = RedisServer(tmp_path / "redis", appendfsync="always")
    server.start()
    redis = Redis.from_url(server.url, socket_timeout=2, socket_connect_timeout=1)
    keyspace = Keyspace(partitions=1)
    log = EventLog(redis, keyspace)
    applied = "wsm:{p0}:applied"

    async def handler(record: Record) -> list[Command]:
        return [("RPUSH", applied, record.entry_id)]

    subscription = Subscription(redis, keyspace, group="g", consumer="c1", handler=handler,
                                options=FAST)  # fmt: skip
    task = asyncio.create_task(subscription.run())
    try:
        await log.ensure_layout()
        first = await log.append(message(chat="chat-1", message_id="m1"))
        await groups_caught_up(redis, keyspace, "g")
        # Entries handed to "c1" whose reply "c1" never got, as when Redis dies mid-reply.
        lost = [await log.append(message(chat=f"chat-{n}", message_id=f"m{n}")) for n in (2, 3)]
        stream = keyspace.stream(0)
        await redis.xreadgroup("g", "c1", {stream: ">"}, count=10)
        server.kill()
        await asyncio.sleep(0.3)  # the consumer's reads fail meanwhile
        server.start()
        await groups_caught_up(redis, keyspace, "g")
        handled = [entry_id.decode() for entry_id in await redis.lrange(applied, 0, -1)]
    finally:
        subscription.stop()
        await task
        await redis.aclose()
        server.stop()
    # Applied once each (a handler may run twice around the outage; its effects are
    # committed once, with the checkpoint); chats are independent, so in any order.
    assert sorted(handled) == sorted([first.entry_id, *(entry.entry_id for entry in lost)])
