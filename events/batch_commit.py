"""Tracking records for a run of entries: the effects of many entries of one partition,
their per-chat checkpoints and their XACK, written by one script call.

The positions the effects were computed after travel with them: the script writes nothing
unless every chat's checkpoint is still that one, so effects computed on views an unseen
commit has since changed (a commit that landed but whose answer was lost) are never
applied; they are computed again from fresh reads. Every key the script touches is in its
KEYS, all in the partition's hash slot, so it runs on Redis Cluster as on one Redis.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import cast

import msgspec
from redis.exceptions import ResponseError

from events.checkpoint import Command, raise_if_fenced
from events.keys import Keyspace
from events.redis_client import RedisClient
from events.replication import ReplicaWait, script_replicated

SINGLE_KEY_COMMANDS = frozenset({"SET", "DEL", "RPUSH", "ZADD", "ZREM", "HSET", "HDEL"})
"""Commands a batch may carry: each names exactly one key, its first argument."""

_encoder = msgspec.msgpack.Encoder()
_SOURCE = resources.files("events").joinpath("lua", "commit_batch.lua").read_text()


def entry_order(entry_id: str) -> tuple[int, int]:
    """An entry id as a pair that sorts as the stream does."""
    ms, _, seq = entry_id.partition("-")
    return int(ms), int(seq)


def applied(entry_id: str, position: str | None) -> bool:
    """Whether an entry is at or before a chat's checkpoint: applied already."""
    return position is not None and entry_order(entry_id) <= entry_order(position)


@dataclass(slots=True)
class BatchCommit:
    """What one script call writes, gathered entry by entry in the stream's order."""

    keyspace: Keyspace
    partition: int
    group: str
    positions: Mapping[str, str | None]
    """Each chat's checkpoint the effects are computed after."""
    advanced: dict[str, str] = field(default_factory=dict)
    acknowledged: list[str] = field(default_factory=list)
    effects: list[Command] = field(default_factory=list)

    def add(self, chat: str, entry_id: str, effects: Iterable[Command]) -> None:
        """An entry applied with ``effects`` (none: seen, nothing to change)."""
        self.advanced[chat] = entry_id
        self.acknowledged.append(entry_id)
        self.effects.extend(effects)

    def skip(self, entry_id: str) -> None:
        """An entry acknowledged without effects: applied before, or not this group's."""
        self.acknowledged.append(entry_id)

    def script_call(self) -> tuple[list[str], list[str | bytes | int | float]]:
        """The KEYS and ARGV of the script call.

        Raises ValueError for an effect the script cannot take: a command that does not
        name exactly one key first, or a key outside the partition's slot.
        """
        keys = [
            self.keyspace.fence(self.partition, self.group),
            self.keyspace.checkpoint(self.partition, self.group),
            self.keyspace.stream(self.partition),
            self.keyspace.attempts(self.partition, self.group),
        ]
        index: dict[str, int] = {}
        tag = self.keyspace.in_partition(self.partition) + ":"
        chats = [
            (chat, self.positions.get(chat) or "", self.advanced.get(chat, ""))
            for chat in sorted(set(self.positions) | set(self.advanced))
        ]
        commands: list[list[str | int]] = []
        values: list[bytes] = []
        for command in self.effects:
            name, key, *rest = command
            if name not in SINGLE_KEY_COMMANDS or not isinstance(key, str):
                raise ValueError(f"a batch cannot carry {name!r}: one key, first, is required")
            if name == "DEL" and rest:
                raise ValueError("a batch's DEL names one key")
            if not key.startswith(tag):
                raise ValueError("an effect's key is outside the partition's slot")
            position = index.setdefault(key, len(keys) + len(index) + 1)
            args: list[str | int] = [name, position]
            for arg in rest:
                if isinstance(arg, bytes):  # in ARGV, named by its index there
                    values.append(arg)
                    args.append(len(values) + 3)
                else:  # numbers as text: Lua would hold them as doubles
                    args.append(arg if isinstance(arg, str) else str(arg))
            commands.append(args)
        run = _encoder.encode((chats, self.acknowledged, commands))
        return [*keys, *index], [0, self.group, run, *values]


class BatchCheckpoints:
    """Reads the positions of one consumer group and commits runs of entries with them."""

    def __init__(
        self,
        redis: RedisClient,
        keyspace: Keyspace,
        group: str,
        replica_wait: ReplicaWait | None = None,
    ) -> None:
        """``replica_wait``: as ``events.checkpoint.Checkpoints``'s."""
        self.redis = redis
        self.keyspace = keyspace
        self.group = group
        self.replica_wait = replica_wait
        self._script = redis.register_script(_SOURCE)

    async def positions(self, partition: int, chats: Sequence[str]) -> dict[str, str | None]:
        """Each chat's last applied entry id, if any."""
        if not chats:
            return {}
        found = await self.redis.hmget(self.keyspace.checkpoint(partition, self.group), chats)
        return {
            chat: None if value is None else value.decode()
            for chat, value in zip(chats, cast(list[bytes | None], found), strict=True)
        }

    def batch(self, partition: int, positions: Mapping[str, str | None]) -> BatchCommit:
        return BatchCommit(self.keyspace, partition, self.group, positions)

    async def commit(self, batch: BatchCommit, token: int) -> bool:
        """Write ``batch``; False (nothing written) when a checkpoint moved meanwhile.

        Raises :class:`events.checkpoint.LeaseLost` when ``token`` is no longer the
        partition's token.
        """
        keys, args = batch.script_call()
        args[0] = token
        try:
            if self.replica_wait is None:
                return bool(await self._script(keys=keys, args=args))
            route = self.keyspace.checkpoint(batch.partition, self.group)
            return bool(
                await script_replicated(
                    self.redis, self._script, keys, args, self.replica_wait, route=route
                )
            )
        except ResponseError as exc:
            raise_if_fenced(exc)
            raise
