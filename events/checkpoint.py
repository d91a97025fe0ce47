"""Tracking records: a consumer's effects and its position, written in one atomic step.

A consumer group keeps, per partition, the last applied entry id of every chat. The effects
of handling an entry, that checkpoint and the XACK are one Lua script guarded by the
partition's fencing token, so a crash leaves either all of them or none, a redelivered
entry is recognised and skipped, and a consumer that lost its lease cannot write.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from redis.exceptions import ResponseError

from events.codec import encode_entry
from events.command_keys import key_positions
from events.envelope import Envelope
from events.keys import Keyspace
from events.redis_client import RedisClient
from events.replication import ReplicaWait, script_replicated
from events.scripts import Scripts

Command = tuple[str | bytes | int | float, ...]
"""A Redis command to run inside the commit; every key it names must be in the
partition's hash slot (``Keyspace`` keys of the same partition), and its command must be
one whose keys ``command_keys`` knows (they are declared to the script)."""


class LeaseLost(Exception):
    """The partition's lease moved to another consumer; this one must stop writing."""


def append_command(
    keyspace: Keyspace, envelope: Envelope, subject_key: bytes | None = None
) -> Command:
    """An effect that appends a new event to the same conversation's partition."""
    fields = encode_entry(envelope, subject_key)
    flat = [item for pair in fields.items() for item in pair]
    return ("XADD", keyspace.stream(keyspace.partition_of(envelope.chat)), "*", *flat)


def _as_key(part: str | bytes | int | float) -> str | bytes:
    return part if isinstance(part, str | bytes) else str(part)


def raise_if_fenced(exc: ResponseError) -> None:
    if str(exc).startswith("FENCED"):
        raise LeaseLost(str(exc)) from exc


class Checkpoints:
    """Commits effects with the per-chat position of one consumer group."""

    def __init__(
        self,
        redis: RedisClient,
        keyspace: Keyspace,
        group: str,
        replica_wait: ReplicaWait | None = None,
    ) -> None:
        """``replica_wait``: a commit returns only once that many replicas hold it, so
        what the consumer does next (a reply sent) never rests on a commit a failover can
        lose; fewer in time raises ``NotReplicated``, and the retried commit is recognised."""
        self.redis = redis
        self.keyspace = keyspace
        self.group = group
        self.replica_wait = replica_wait
        self._scripts = Scripts.register(redis)

    async def commit(
        self,
        *,
        partition: int,
        token: int,
        chat: str,
        entry_id: str,
        effects: Sequence[Command] = (),
    ) -> bool:
        """Apply ``effects``, record ``entry_id`` as applied and XACK it.

        Returns False (and only acknowledges) when the entry was already applied.
        Raises :class:`LeaseLost` when ``token`` is no longer the partition's token.
        """
        keys: list[str | bytes] = [
            self.keyspace.fence(partition, self.group),
            self.keyspace.checkpoint(partition, self.group),
            self.keyspace.stream(partition),
            self.keyspace.attempts(partition, self.group),
        ]
        args: list[str | bytes | int | float] = [token, self.group, chat, entry_id, len(effects)]
        for command in effects:
            positions = key_positions(command)
            # Positions counted from 1, as Lua's tables are.
            args += [len(command), len(positions), *(p + 1 for p in positions)]
            args += [part for n, part in enumerate(command) if n not in positions]
            keys += [_as_key(command[p]) for p in positions]
        try:
            if self.replica_wait is None:
                applied = await self._scripts.commit(keys=keys, args=args)
            else:
                route = self.keyspace.checkpoint(partition, self.group)
                applied = await script_replicated(
                    self.redis, self._scripts.commit, keys, args, self.replica_wait, route=route
                )
        except ResponseError as exc:
            raise_if_fenced(exc)
            raise
        return bool(applied)

    async def position(self, partition: int, chat: str) -> str | None:
        """The last entry id of ``chat`` this group applied, if any."""
        value = await self.redis.hget(self.keyspace.checkpoint(partition, self.group), chat)
        return cast(bytes, value).decode() if value is not None else None
