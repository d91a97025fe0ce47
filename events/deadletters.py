"""The dead letters: entries a consumer group gave up on, with the error, for an operator
to look at, give back to that group once the cause is fixed, or drop."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from redis.exceptions import ResponseError

from events.checkpoint import raise_if_fenced
from events.codec import CorruptEntry, decode_entry
from events.consumer import ClearsWhenGivenUp, ConsumerContext
from events.error_text import describe, traceback_of
from events.keys import Keyspace
from events.redis_client import RedisClient
from events.scripts import Scripts

# Fields the consumer adds to the entry when it gives up on it.
FAILURE_FIELDS = ("source_id", "group", "attempts", "error", "traceback")


async def give_up(
    consumer: ConsumerContext,
    partition: int,
    token: int,
    entry_id: str,
    fields: dict[bytes, bytes],
    error: BaseException,
    attempts: int,
) -> None:
    """Move an entry to its partition's dead letters with the error, and acknowledge it,
    in one script; refused (``LeaseLost``) once ``token`` no longer holds the lease."""
    details = {
        b"source_id": entry_id.encode(),
        b"group": consumer.group.encode(),
        b"attempts": str(attempts).encode(),
        # Said as a log line says it: a client's error text holds what it was sending, and a
        # dead letter outlives the erasure of the person it was about.
        b"error": describe(error)[:2000].encode(),
        b"traceback": traceback_of(error)[-4000:].encode(),
    }
    flat = [item for pair in {**fields, **details}.items() for item in pair]
    keyspace, group = consumer.keyspace, consumer.group
    try:
        await consumer.scripts.dead_letter(
            keys=[
                keyspace.fence(partition, group),
                keyspace.stream(partition),
                keyspace.dead_letters(partition),
                keyspace.attempts(partition, group),
            ],
            args=[token, group, entry_id, *flat],
        )
    except ResponseError as exc:
        raise_if_fenced(exc)
        raise
    await _clear(consumer, partition, entry_id, fields)


async def _clear(
    consumer: ConsumerContext, partition: int, entry_id: str, fields: dict[bytes, bytes]
) -> None:
    """Clear what the entry's commit would have: it will not come now. Written after the
    dead letter, not with it: a crash in between leaves it to its own lifetime."""
    handler = consumer.handler
    if not isinstance(handler, ClearsWhenGivenUp):
        return
    try:
        record = decode_entry(entry_id, partition, fields)
    except CorruptEntry:
        return  # never handled: nothing was written for it
    effects = handler.given_up(record)
    if effects:
        async with consumer.redis.pipeline(transaction=False) as pipe:
            for command in effects:
                pipe.execute_command(*command)
            await pipe.execute()


@dataclass(frozen=True, slots=True)
class DeadLetter:
    partition: int
    dead_id: str
    source_id: str
    group: str
    attempts: int
    error: str
    event_type: str
    chat: str

    @property
    def ref(self) -> str:
        """How an operator names it: ``PARTITION:ID``."""
        return f"{self.partition}:{self.dead_id}"


class DeadLetterNotFound(LookupError):
    """No dead letter by that reference."""


def parse_ref(ref: str, partitions: int) -> tuple[int, str]:
    """``"3:1700000000000-0"`` → (3, "1700000000000-0"); ValueError when it is not one."""
    partition, _, dead_id = ref.partition(":")
    ms, _, seq = dead_id.partition("-")
    if not (partition.isdigit() and ms.isdigit() and seq.isdigit()):
        raise ValueError(f"not a dead-letter reference (PARTITION:ID): {ref[:60]!r}")
    if not 0 <= int(partition) < partitions:
        raise ValueError(f"partition {partition} does not exist (0 to {partitions - 1})")
    return int(partition), dead_id


class DeadLetters:
    def __init__(self, redis: RedisClient, keyspace: Keyspace) -> None:
        self.redis = redis
        self.keyspace = keyspace
        self.scripts = Scripts.register(redis)

    async def list(self) -> list[DeadLetter]:
        """Every dead letter, partition by partition, oldest first."""
        found = []
        for partition in self.keyspace.all_partitions():
            entries = cast(
                list[tuple[bytes, dict[bytes, bytes]]],
                await self.redis.xrange(self.keyspace.dead_letters(partition)),
            )
            found += [_dead_letter(partition, eid, fields) for eid, fields in entries]
        return found

    async def retry(self, partition: int, dead_id: str) -> str:
        """Give it back to the group that failed on it; the new entry's id."""
        keys = [self.keyspace.dead_letters(partition), self.keyspace.stream(partition)]
        new_id = await self.scripts.retry_dead_letter(keys=keys, args=[dead_id, *FAILURE_FIELDS])
        if not new_id:
            raise DeadLetterNotFound(f"no dead letter {partition}:{dead_id}")
        return _text(new_id)

    async def drop(self, partition: int, dead_id: str) -> None:
        """Forget it (the event stays in the log; only this group's retry is given up)."""
        if not await self.redis.xdel(self.keyspace.dead_letters(partition), dead_id):
            raise DeadLetterNotFound(f"no dead letter {partition}:{dead_id}")


def _dead_letter(partition: int, eid: bytes, fields: dict[bytes, bytes]) -> DeadLetter:
    def text(name: bytes) -> str:
        return fields.get(name, b"").decode(errors="replace")

    return DeadLetter(
        partition=partition,
        dead_id=eid.decode(),
        source_id=text(b"source_id"),
        group=text(b"group"),
        attempts=int(text(b"attempts") or 0),
        error=text(b"error"),
        event_type=text(b"type"),
        chat=text(b"chat"),
    )


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
