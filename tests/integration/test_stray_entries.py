"""Entries read by a consumer that no longer holds the partition's lease (its lease lapsed
unnoticed, or a failover lost its renewal) are claimed by the owner and handled in their
chat's order: the group catches up although the stale reader can never commit them."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

import pytest
from redis.asyncio import Redis

from events import Keyspace, Record, new_envelope
from events.checkpoint import Command, append_command
from events.consumer import SubscriptionOptions
from events.schema import SessionStatusChanged
from events.strays import has_strays
from events.subscription import Subscription
from tests.support.eventually import eventually

FAST = SubscriptionOptions(block_ms=50, lease_ttl_ms=600, member_ttl_ms=400,
                           rebalance_interval_s=0.05, retry_base_s=0.01)  # fmt: skip
CHAT = "stray-chat"


def status_entry(keyspace: Keyspace, status: str) -> Command:
    """An entry of the chat with no personal data: written as it is, no subject key."""
    event = SessionStatusChanged(status=status)
    return append_command(keyspace, new_envelope(event, chat=CHAT, session="default"))


async def taken_by_a_stale_reader(redis: Redis, keyspace: Keyspace, *statuses: str) -> int:
    """Entries of ``statuses`` appended and read by a consumer "stale" of group "g" in one
    transaction, before the owner can read them; how many it took."""
    stream = keyspace.stream(keyspace.partition_of(CHAT))
    async with redis.pipeline(transaction=True) as pipe:
        for status in statuses:
            pipe.execute_command(*status_entry(keyspace, status))
        pipe.xreadgroup("g", "stale", {stream: ">"}, count=len(statuses))
        *_, stale_read = await pipe.execute()
    return len(stale_read[0][1])


def noting_statuses(handled: list[str]) -> Callable[[Record], Awaitable[Sequence[Command]]]:
    """A handler that notes each entry's session status, in the order handled."""

    async def handler(record: Record) -> Sequence[Command]:
        event = record.envelope.event
        assert isinstance(event, SessionStatusChanged)
        handled.append(event.status)
        return ()

    return handler


@pytest.mark.single_redis("a MULTI of appends and a read, which the cluster client lacks")
async def test_entries_a_stale_reader_took_after_the_takeover_are_handled_by_the_owner_in_order(
    redis: Redis, keyspace: Keyspace
) -> None:
    handled: list[str] = []
    handler = noting_statuses(handled)
    stream = keyspace.stream(keyspace.partition_of(CHAT))
    owner = Subscription(redis, keyspace, group="g", consumer="owner", handler=handler,
                         options=FAST)  # fmt: skip
    running = asyncio.create_task(owner.run())
    try:
        await redis.execute_command(*status_entry(keyspace, "s0"))
        await eventually(lambda: handled == ["s0"])
        # The stale reader gets the next two before the owner can: appended and read in
        # one transaction.
        assert await taken_by_a_stale_reader(redis, keyspace, "s1", "s2") == 2
        await redis.execute_command(*status_entry(keyspace, "s3"))
        await eventually(lambda: handled == ["s0", "s1", "s2", "s3"], within=30)
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


@pytest.mark.single_redis("a pipeline of appends and a read landing while the owner is blocked")
async def test_a_stray_read_after_the_owners_own_read_is_handled_after_it(
    redis: Redis, keyspace: Keyspace
) -> None:
    handled: list[str] = []
    handler = noting_statuses(handled)
    stream = keyspace.stream(keyspace.partition_of(CHAT))
    blocking = SubscriptionOptions(block_ms=5_000, lease_ttl_ms=600, member_ttl_ms=400,
                                   rebalance_interval_s=0.05, retry_base_s=0.01)  # fmt: skip
    owner = Subscription(redis, keyspace, group="g", consumer="owner", handler=handler,
                         options=blocking)  # fmt: skip
    running = asyncio.create_task(owner.run())
    try:
        await redis.execute_command(*status_entry(keyspace, "s0"))
        await eventually(lambda: handled == ["s0"])
        await asyncio.sleep(0.3)  # the owner blocks in its read again
        # s1 wakes the owner's blocked read; before the owner's summary of pending entries
        # runs, the stale reader takes s2, newer than s1: one pipeline, one round of Redis.
        async with redis.pipeline(transaction=False) as pipe:
            pipe.execute_command(*status_entry(keyspace, "s1"))
            pipe.execute_command(*status_entry(keyspace, "s2"))
            pipe.xreadgroup("g", "stale", {stream: ">"}, count=1)
            *_, stale_read = await pipe.execute()
        assert len(stale_read[0][1]) == 1
        await eventually(lambda: len(handled) == 3, within=30)
        assert handled == ["s0", "s1", "s2"]
    finally:
        owner.stop()
        await running


@pytest.mark.single_redis("a MULTI of appends and a read, which the cluster client lacks")
async def test_an_entry_finished_while_strays_are_claimed_is_not_handled_again(
    redis: Redis, keyspace: Keyspace
) -> None:
    handled: list[str] = []
    started, release = asyncio.Event(), asyncio.Event()

    async def handler(record: Record) -> Sequence[Command]:
        event = record.envelope.event
        assert isinstance(event, SessionStatusChanged)
        if event.status == "in-hand":
            started.set()
            await release.wait()
        handled.append(event.status)
        return ()

    stream = keyspace.stream(keyspace.partition_of(CHAT))
    one_at_a_time = SubscriptionOptions(batch=1, block_ms=50, lease_ttl_ms=600, member_ttl_ms=400,
                                        rebalance_interval_s=0.05, retry_base_s=0.01)  # fmt: skip
    owner = Subscription(redis, keyspace, group="g", consumer="owner", handler=handler,
                         options=one_at_a_time)  # fmt: skip
    running = asyncio.create_task(owner.run())
    try:
        await redis.execute_command(*status_entry(keyspace, "in-hand"))
        await started.wait()  # the owner holds it, its handler waiting
        strays = 200
        await taken_by_a_stale_reader(redis, keyspace, *(f"stray-{n}" for n in range(strays)))
        # The claim, one entry a round trip, has begun: the entry in hand finishes now.
        for _ in range(10_000):  # polled as fast as Redis answers: a round trip a turn
            if await _claimed_any(redis, stream):
                break
        release.set()
        await eventually(lambda: len(handled) >= strays + 1)
        await asyncio.sleep(0.3)
        assert handled.count("in-hand") == 1
    finally:
        owner.stop()
        await running


async def _claimed_any(redis: Redis, stream: str) -> bool:
    """Whether the owner holds a stray besides the entry in hand."""
    summary = await redis.xpending(stream, "g")
    return any(c["name"] == b"owner" and int(c["pending"]) > 1 for c in summary["consumers"])
