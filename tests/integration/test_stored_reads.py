"""What the turns of a partition read of their chats at the same moment is read together,
each chat's own, as Redis holds it when the turn asks."""

from __future__ import annotations

import asyncio

import pytest

from events import EventLog, Keyspace, Record
from events.redis_client import RedisClient
from services.conductor.stored import Stored, StoredReads, burst_key, snapshot_key
from tests.support.factories import message

GROUP = "conductor"


def same_partition(keyspace: Keyspace, n: int) -> list[str]:
    """``n`` chats of one partition."""
    candidates = (f"chat-{i}" for i in range(1000))
    return [c for c in candidates if keyspace.partition_of(c) == keyspace.partition_of("chat-0")][
        :n
    ]


async def records(log: EventLog, chats: list[str]) -> list[Record]:
    appended = [await log.append(message(chat=chat, message_id=chat)) for chat in chats]
    [partition] = {result.partition for result in appended}
    return [r for r in await log.read(partition) if r.chat in chats]


@pytest.mark.on_cluster_too
async def test_reads_asked_together_are_each_chats_own(
    redis: RedisClient, log: EventLog, keyspace: Keyspace
) -> None:
    chats = same_partition(keyspace, 3)
    read = await records(log, chats)
    partition = read[0].partition
    await redis.set(snapshot_key(keyspace, partition, chats[0]), b"snapshot")
    await redis.set(burst_key(keyspace, partition, chats[-1]), b"1-1")
    await redis.hset(keyspace.checkpoint(partition, GROUP), chats[-1], "1-1")
    reads = StoredReads(redis, keyspace, GROUP)
    found = await asyncio.gather(*(reads.of(record) for record in read))
    expected = {chat: Stored(None, None, seen=False) for chat in chats}
    expected[chats[0]] = Stored(b"snapshot", None, seen=False)
    expected[chats[-1]] = Stored(expected[chats[-1]].snapshot, b"1-1", seen=True)
    assert found == [expected[record.chat] for record in read]


async def test_a_read_comes_after_it_was_asked(
    redis: RedisClient, log: EventLog, keyspace: Keyspace
) -> None:
    [record] = await records(log, ["chat-1"])
    reads = StoredReads(redis, keyspace, GROUP)
    assert (await reads.of(record)).snapshot is None
    await redis.set(snapshot_key(keyspace, record.partition, record.chat), b"later")
    assert (await reads.of(record)).snapshot == b"later"
