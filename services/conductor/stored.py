"""What a conductor turn reads of a chat before deciding, in one round trip.

A turn's latency is mostly its round trips to Redis: the snapshot, the burst noted and
whether the chat was ever checkpointed are read together in one pipeline (the keys are
all in the partition's hash slot, so a Redis Cluster serves them from one node).
"""

from __future__ import annotations

from dataclasses import dataclass

from events import Keyspace, Record
from events.redis_client import RedisClient


def snapshot_key(keyspace: Keyspace, partition: int, chat: str) -> str:
    """Where the conductor keeps a chat's conversation (sealed)."""
    return keyspace.in_partition(partition, "conversation", chat)


def burst_key(keyspace: Keyspace, partition: int, chat: str) -> str:
    """Where the first entry of a chat's burst still unanswered is noted."""
    return keyspace.in_partition(partition, "burst", chat)


@dataclass(frozen=True, slots=True)
class Stored:
    """What Redis holds of a chat for one consumer group when a message of it comes."""

    snapshot: bytes | None
    burst_first: bytes | None
    """The entry id of the burst's first message still unanswered, if any."""
    seen: bool
    """Whether the group applied an entry of the chat before (it has a checkpoint)."""


async def read_stored(redis: RedisClient, keyspace: Keyspace, group: str, record: Record) -> Stored:
    """What ``group`` holds of ``record``'s chat, in one round trip."""
    partition, chat = record.partition, record.chat
    async with redis.pipeline(transaction=False) as pipe:
        pipe.get(snapshot_key(keyspace, partition, chat))
        pipe.get(burst_key(keyspace, partition, chat))
        pipe.hexists(keyspace.checkpoint(partition, group), chat)
        raw, first, seen = await pipe.execute()
    return Stored(raw, first, bool(seen))
