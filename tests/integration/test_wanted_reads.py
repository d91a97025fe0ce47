"""Reads that bring back only the entries a group handles: the others are acknowledged by
the read itself, and a group reading so still handles every entry of its types once, in
each chat's order, strays included."""

from __future__ import annotations

import asyncio
import secrets

import pytest
from redis.asyncio import Redis

from events import Keyspace, new_envelope
from events.checkpoint import append_command
from events.consumer import SubscriptionOptions
from events.subscription import Subscription
from events.wanted_reads import WantedReads
from tests.integration.test_stray_entries import (
    CHAT,
    noting_statuses,
    status_entry,
    taken_by_a_stale_reader,
)
from tests.support.eventually import eventually
from tests.support.factories import message

STATUS = b"session.status"
WANTED_ONLY = SubscriptionOptions(block_ms=50, lease_ttl_ms=600, member_ttl_ms=400,
                                  rebalance_interval_s=0.05, retry_base_s=0.01,
                                  wanted_only=True)  # fmt: skip


def stream_of(keyspace: Keyspace) -> str:
    return keyspace.stream(keyspace.partition_of(CHAT))


async def append_message(redis: Redis, keyspace: Keyspace, n: int) -> None:
    """An entry of a type the group does not handle (sealed with a key of its own)."""
    envelope = new_envelope(message(chat=CHAT, message_id=f"m{n}").event, chat=CHAT,
                            session="default")  # fmt: skip
    await redis.execute_command(*append_command(keyspace, envelope, secrets.token_bytes(32)))


async def mixed_log(redis: Redis, keyspace: Keyspace) -> None:
    """Two messages, a status, a message, a status: in that order."""
    await redis.xgroup_create(stream_of(keyspace), "g", id="0", mkstream=True)
    await append_message(redis, keyspace, 0)
    await append_message(redis, keyspace, 1)
    await redis.execute_command(*status_entry(keyspace, "s0"))
    await append_message(redis, keyspace, 2)
    await redis.execute_command(*status_entry(keyspace, "s1"))


async def test_a_read_brings_back_only_the_entries_of_the_types_handled(
    redis: Redis, keyspace: Keyspace
) -> None:
    await mixed_log(redis, keyspace)
    read, entries, _ = await WantedReads(redis, "g", [STATUS]).read(stream_of(keyspace), "me", 10)
    assert read == 5
    assert [fields[b"type"] for _, fields in entries] == [STATUS, STATUS]


async def test_the_entries_of_other_types_are_acknowledged_by_the_read(
    redis: Redis, keyspace: Keyspace
) -> None:
    await mixed_log(redis, keyspace)
    _, entries, _ = await WantedReads(redis, "g", [STATUS]).read(stream_of(keyspace), "me", 10)
    pending = await redis.xpending_range(stream_of(keyspace), "g", "-", "+", 10)
    assert [p["message_id"] for p in pending] == [entry_id for entry_id, _ in entries]


async def test_an_entry_given_back_to_another_group_is_acknowledged_unread(
    redis: Redis, keyspace: Keyspace
) -> None:
    stream = stream_of(keyspace)
    await redis.xgroup_create(stream, "g", id="0", mkstream=True)
    await redis.xadd(stream, {"type": STATUS, "chat": CHAT, "for": "other"})
    read, entries, _ = await WantedReads(redis, "g", [STATUS]).read(stream, "me", 10)
    assert (read, entries) == (1, [])
    assert (await redis.xpending(stream, "g"))["pending"] == 0


async def test_an_entry_without_a_type_comes_back_for_the_client_to_dead_letter(
    redis: Redis, keyspace: Keyspace
) -> None:
    stream = stream_of(keyspace)
    await redis.xgroup_create(stream, "g", id="0", mkstream=True)
    await redis.xadd(stream, {"chat": CHAT})
    _, entries, _ = await WantedReads(redis, "g", [STATUS]).read(stream, "me", 10)
    assert [fields for _, fields in entries] == [{b"chat": CHAT.encode()}]


async def test_the_read_tells_whether_another_consumer_holds_entries(
    redis: Redis, keyspace: Keyspace
) -> None:
    await mixed_log(redis, keyspace)
    reads = WantedReads(redis, "g", [STATUS])
    await reads.read(stream_of(keyspace), "stale", 3)  # s0 stays pending under "stale"
    *_, strays = await reads.read(stream_of(keyspace), "me", 10)
    assert strays
    *_, strays = await reads.read(stream_of(keyspace), "stale", 10)
    assert strays  # "me" holds s1


async def test_a_group_reading_only_its_types_handles_each_of_them_once_in_order(
    redis: Redis, keyspace: Keyspace
) -> None:
    handled: list[str] = []
    owner = Subscription(redis, keyspace, group="g", consumer="owner",
                         handler=noting_statuses(handled), types=["session.status"],
                         options=WANTED_ONLY)  # fmt: skip
    running = asyncio.create_task(owner.run())
    try:
        for n in range(20):
            await append_message(redis, keyspace, n)
            await redis.execute_command(*status_entry(keyspace, f"s{n}"))
        await eventually(lambda: len(handled) >= 20)
        assert handled == [f"s{n}" for n in range(20)]
        await eventually_settled(redis, keyspace)
    finally:
        owner.stop()
        await running


@pytest.mark.single_redis("a MULTI of appends and a read, which the cluster client lacks")
async def test_strays_of_a_group_reading_only_its_types_are_handled_by_the_owner_in_order(
    redis: Redis, keyspace: Keyspace
) -> None:
    handled: list[str] = []
    owner = Subscription(redis, keyspace, group="g", consumer="owner",
                         handler=noting_statuses(handled), types=["session.status"],
                         options=WANTED_ONLY)  # fmt: skip
    running = asyncio.create_task(owner.run())
    try:
        await redis.execute_command(*status_entry(keyspace, "s0"))
        await eventually(lambda: handled == ["s0"])
        assert await taken_by_a_stale_reader(redis, keyspace, "s1", "s2") == 2
        await redis.execute_command(*status_entry(keyspace, "s3"))
        await eventually(lambda: handled == ["s0", "s1", "s2", "s3"])
        await eventually_settled(redis, keyspace)
    finally:
        owner.stop()
        await running


async def eventually_settled(redis: Redis, keyspace: Keyspace) -> None:
    """Wait until the group holds nothing pending and has read the whole stream."""

    async def settled() -> bool:
        [group] = await redis.xinfo_groups(stream_of(keyspace))
        return bool(group["pending"] == 0 and group["lag"] == 0)

    for _ in range(250):
        if await settled():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the group did not settle")
