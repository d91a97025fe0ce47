"""Reading the blind index of names (kept by the projector, ``services.projector.name_index``):
the chats whose registered name has every token searched."""

from __future__ import annotations

from typing import cast

from events import Keyspace
from events.redis_client import RedisClient
from services.domain.name_index import blinded


async def chats_named(redis: RedisClient, keyspace: Keyspace, key: bytes, name: str) -> list[str]:
    """The chats whose registered name has every token of ``name`` (as typed), from
    every partition; none for a name without tokens."""
    digests = blinded(key, name)
    if not digests:
        return []
    async with redis.pipeline(transaction=False) as pipe:
        for partition in keyspace.all_partitions():
            pipe.zinter([keyspace.name_token(partition, d) for d in digests])
        replies = cast(list[list[bytes]], await pipe.execute())
    return sorted({chat.decode() for reply in replies for chat in reply})
