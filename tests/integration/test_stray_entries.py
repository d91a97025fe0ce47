"""Entries read by a consumer that no longer holds the partition's lease (its lease lapsed
unnoticed, or a failover lost its renewal) are claimed by the owner and handled in their
chat's order: the group catches up although the stale reader can never commit them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

import pytest
from redis.asyncio import Redis

from events import Keyspace, Record, new_envelope
from events.checkpoint import Command, append_command
from events.consumer import SubscriptionOptions
from events.schema import SessionStatusChanged
from events.strays import has_strays
from events.subscription import Subscription

FAST = SubscriptionOptions(block_ms=50, lease_ttl_ms=600, member_ttl_ms=400,
                           rebalance_interval_s=0.05, retry_base_s=0.01)  # fmt: skip
CHAT = "stray-chat"


def status_entry(keyspace: Keyspace, status: str) -> Command:
    """An entry of the chat with no personal data: written as it is, no subject key."""
    event = SessionStatusChanged(status=status)
    return append_command(keyspace, new_envelope(event, chat=CHAT, session="default"))


async def eventually(condition: Callable[[], bool], within: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not reached in time"
        await asyncio.sleep(0.02)


@pytest.mark.single_redis("a MULTI of appends and a read, which the cluster client lacks")
async def test_entries_a_stale_reader_took_after_the_takeover_are_handled_by_the_owner_in_order(
    redis: Redis, keyspace: Keyspace
) -> None:
    handled: list[str] = []

    async def handler(record: Record) -> Sequence[Command]:
        event = record.envelope.event
        assert isinstance(event, SessionStatusChanged)
        handled.append(event.status)
        return ()

    stream = keyspace.stream(keyspace.partition_of(CHAT))
    owner = Subscription(redis, keyspace, group="g", consumer="owner", handler=handler,
                         options=FAST)  # fmt: skip
    running = asyncio.create_task(owner.run())
    try:
        await redis.execute_command(*status_entry(keyspace, "s0"))
        await eventually(lambda: handled == ["s0"])
        # The stale reader gets the next two before the owner can: appended and read in
        # one transaction.
        async with redis.pipeline(transaction=True) as pipe:
            pipe.execute_command(*status_entry(keyspace, "s1"))
            pipe.execute_command(*status_entry(keyspace, "s2"))
            pipe.xreadgroup("g", "stale", {stream: ">"}, count=2)
            *_, stale_read = await pipe.execute()
        assert len(stale_read[0][1]) == 2
        await redis.execute_command(*status_entry(keyspace, "s3"))
        await eventually(lambda: handled == ["s0", "s1", "s2", "s3"])
        assert (await redis.xpending(stream, "g"))["pending"] == 0
    finally:
        owner.stop()
        await running


def test_only_another_consumers_pending_entries_are_strays() -> None:
    summary = {"pending": 3, "consumers": [{"name": b"me", "pending": 3}]}
    assert not has_strays(summary, "me")
    summary["consumers"] = [{"name": b"me", "pending": 1}, {"name": b"stale", "pending": 2}]
    assert has_strays(summary, "me")
    assert not has_strays({"pending": 0, "consumers": []}, "me")
