"""The blind index of registered names (``services.domain.name_index``), kept by the
projector as names are registered, corrected and erased.

It has a consumer group of its own: each update is committed with that group's checkpoint,
in the chat's partition, the entries of one read together (``events.run_worker``). A
correction replaces the chat's hashes; an erasure removes every one of them, so no index
entry points at an erased subject; a replay of a log whose subject was erased reads the
name as blank and indexes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from events import Keyspace, Record
from events.checkpoint import Command
from events.consumer import SubscriptionOptions
from events.key_wrapping import KeyRing
from events.metrics import ConsumerMetrics
from events.redis_client import RedisClient
from events.schema import NameCorrected, NameRegistered, SubjectErased
from events.subscription import Subscription
from services.domain.name_index import blinded

GROUP = "projector.names.v1"
TYPES = (NameRegistered, NameCorrected, SubjectErased)
TYPE_NAMES = ("subject.name_registered", "subject.name_corrected", "subject.erased")


class NameIndex:
    """The handler that keeps the name index."""

    def __init__(self, redis: RedisClient, keyspace: Keyspace, key: bytes) -> None:
        self.redis = redis
        self.keyspace = keyspace
        self.key = key

    async def __call__(self, record: Record) -> Sequence[Command]:
        if not isinstance(record.envelope.event, TYPES):
            return ()
        own = self.keyspace.name_tokens_of(record.partition, record.chat)
        held = cast(list[bytes], await self.redis.zrange(own, 0, -1))
        return self.commands(record, [d.decode() for d in held])[0]

    def commands(self, record: Record, held: list[str]) -> tuple[Sequence[Command], list[str]]:
        """What ``record`` changes in the index when the chat's tokens are ``held``, and
        the chat's tokens after it."""
        event = record.envelope.event
        if not isinstance(event, TYPES):
            return (), held
        partition, chat = record.partition, record.chat
        own = self.keyspace.name_tokens_of(partition, chat)
        wanted: list[str] = []
        if isinstance(event, NameRegistered | NameCorrected) and not record.erased:
            wanted = blinded(self.key, event.name)
        if set(held) == set(wanted):
            return (), held
        commands: list[Command] = [
            ("ZREM", self.keyspace.name_token(partition, d), chat) for d in held if d not in wanted
        ]
        commands.append(("DEL", own))
        for digest in wanted:
            commands.append(("ZADD", self.keyspace.name_token(partition, digest), 0, chat))
        if wanted:
            commands.append(("ZADD", own, *(x for d in wanted for x in (0, d))))
        return commands, wanted


class NameIndexRuns:
    """The name index's handler of runs (``events.consumer.RunHandler``): each chat's
    tokens read once for the run, in one round trip, and each entry's commands computed
    on them as the entries before it in the run leave them."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index

    async def __call__(self, partition: int, records: Sequence[Record]) -> list[Sequence[Command]]:
        chats = list(dict.fromkeys(r.chat for r in records if isinstance(r.envelope.event, TYPES)))
        held: dict[str, list[str]] = {}
        if chats:
            # The keys of one partition share its slot: one pipeline, on a cluster too.
            async with self.index.redis.pipeline(transaction=False) as pipe:
                for chat in chats:
                    pipe.zrange(self.index.keyspace.name_tokens_of(partition, chat), 0, -1)
                found = cast(list[list[bytes]], await pipe.execute())
            held = {chat: [d.decode() for d in f] for chat, f in zip(chats, found, strict=True)}
        effects: list[Sequence[Command]] = []
        for record in records:
            commands, after = self.index.commands(record, held.get(record.chat, []))
            held[record.chat] = after
            effects.append(commands)
        return effects


def following(
    redis: RedisClient,
    keyspace: Keyspace,
    consumer: str,
    key: bytes,
    *,
    options: SubscriptionOptions | None = None,
    metrics: ConsumerMetrics | None = None,
    keys: KeyRing | None = None,
) -> Subscription:
    """The subscription that keeps the name index, for ``consumer`` of its group."""
    index = NameIndex(redis, keyspace, key)
    return Subscription(
        redis, keyspace, group=GROUP, consumer=consumer, handler=index, types=TYPE_NAMES,
        options=options, metrics=metrics, keys=keys, runs=NameIndexRuns(index),
    )  # fmt: skip
