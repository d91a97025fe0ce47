"""What a conductor turn reads of a chat before deciding, in one round trip.

A turn's latency is mostly its round trips to Redis: the snapshot, the burst noted and
whether the chat was ever checkpointed are read together in one pipeline (the keys are
all in the partition's hash slot, so a Redis Cluster serves them from one node).
"""

from __future__ import annotations

from dataclasses import dataclass

from events.redis_client import RedisClient


@dataclass(frozen=True, slots=True)
class Stored:
    """What Redis holds of a chat for one consumer group when a message of it comes."""

    snapshot: bytes | None
    burst_first: bytes | None
    """The entry id of the burst's first message still unanswered, if any."""
    seen: bool
    """Whether the group applied an entry of the chat before (it has a checkpoint)."""


async def read_stored(
    redis: RedisClient, *, snapshot: str, burst: str, checkpoint: str, chat: str
) -> Stored:
    """The chat's snapshot, burst mark and checkpoint presence, in one round trip."""
    async with redis.pipeline(transaction=False) as pipe:
        pipe.get(snapshot)
        pipe.get(burst)
        pipe.hexists(checkpoint, chat)
        raw, first, seen = await pipe.execute()
    return Stored(raw, first, bool(seen))
