"""The blind index of registered names (``services.domain.name_index``), kept by the
projector as names are registered, corrected and erased.

It has a consumer group of its own: each update is committed with that group's checkpoint,
in the chat's partition. A correction replaces the chat's hashes; an erasure removes every
one of them, so no index entry points at an erased subject; a replay of a log whose
subject was erased reads the name as blank and indexes nothing.
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
        event = record.envelope.event
        if not isinstance(event, TYPES):
            return ()
        partition, chat = record.partition, record.chat
        own = self.keyspace.name_tokens_of(partition, chat)
        held = [d.decode() for d in cast(list[bytes], await self.redis.zrange(own, 0, -1))]
        wanted: list[str] = []
        if isinstance(event, NameRegistered | NameCorrected) and not record.erased:
            wanted = blinded(self.key, event.name)
        if set(held) == set(wanted):
            return ()
        commands: list[Command] = [
            ("ZREM", self.keyspace.name_token(partition, d), chat) for d in held if d not in wanted
        ]
        commands.append(("DEL", own))
        for digest in wanted:
            commands.append(("ZADD", self.keyspace.name_token(partition, digest), 0, chat))
        if wanted:
            commands.append(("ZADD", own, *(x for d in wanted for x in (0, d))))
        return commands


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
    return Subscription(
        redis, keyspace, group=GROUP, consumer=consumer, handler=NameIndex(redis, keyspace, key),
        types=TYPE_NAMES, options=options, metrics=metrics, keys=keys,
    )  # fmt: skip
