"""What a conductor turn reads of a chat before deciding, read with other chats' turns.

A turn's cost is mostly its round trips to Redis: the snapshot, the burst noted and
whether the chat was ever checkpointed are read together. In a backlog the lanes of a
partition reach this read in the same turn of the event loop; they read together too,
with one ``MGET`` and one ``HMGET`` in one pipeline for them all (the keys are all in the
partition's hash slot, so a Redis Cluster serves them from one node). Each is still read
after its turn asked for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import cast

from events import Keyspace, Record
from events.redis_client import RedisClient
from events.shared_answers import answer_each


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


_Asked = tuple[str, asyncio.Future[Stored]]


class StoredReads:
    """What one consumer group holds of chats, read per partition and turn of the loop."""

    def __init__(self, redis: RedisClient, keyspace: Keyspace, group: str) -> None:
        self.redis = redis
        self.keyspace = keyspace
        self.group = group
        self._waiting: dict[int, list[_Asked]] = {}
        self._reading: set[asyncio.Future[list[Stored]]] = set()  # kept till done

    async def of(self, record: Record) -> Stored:
        """What the group holds of ``record``'s chat, read after this call."""
        loop = asyncio.get_running_loop()
        asked: asyncio.Future[Stored] = loop.create_future()
        if not self._waiting:
            loop.call_soon(self._read_all)  # after the lanes resumed in this turn ask too
        self._waiting.setdefault(record.partition, []).append((record.chat, asked))
        return await asked

    def _read_all(self) -> None:
        waiting, self._waiting = self._waiting, {}
        for partition, everyone in waiting.items():
            # A lane cancelled meanwhile (its worker stopping) needs nothing read.
            asked = [(chat, future) for chat, future in everyone if not future.done()]
            if asked:
                self._start(partition, asked)

    def _start(self, partition: int, asked: list[_Asked]) -> None:
        task = asyncio.ensure_future(self.read(partition, [c for c, _ in asked]))  # noqa: RUF006
        self._reading.add(task)
        task.add_done_callback(self._reading.discard)
        task.add_done_callback(partial(answer_each, [f for _, f in asked], _as_read))

    async def read(self, partition: int, chats: Sequence[str]) -> list[Stored]:
        """What the group holds of each of ``chats`` (of ``partition``), in one round trip."""
        keyspace = self.keyspace
        keys = [snapshot_key(keyspace, partition, chat) for chat in chats]
        keys += [burst_key(keyspace, partition, chat) for chat in chats]
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.execute_command("MGET", *keys)  # one slot; mget() is barred in cluster pipelines
            pipe.hmget(keyspace.checkpoint(partition, self.group), list(chats))
            values, positions = await pipe.execute()
        values = cast(list[bytes | None], values)
        seen = cast(list[bytes | None], positions)
        n = len(chats)
        return [Stored(values[i], values[n + i], seen[i] is not None) for i in range(n)]


def _as_read(stored: Stored) -> Stored:
    return stored
