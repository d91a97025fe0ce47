"""Tracking records: a consumer's effects and its position, written in one atomic step.

A consumer group keeps, per partition, the last applied entry id of every chat. The effects
of handling an entry, that checkpoint and the XACK are one Lua script guarded by the
partition's fencing token, so a crash leaves either all of them or none, a redelivered
entry is recognised and skipped, and a consumer that lost its lease cannot write. One
script call commits one entry or several of one partition (``commit_many.lua``), each as
it would alone: an entry whose effect fails fails alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import resources
from typing import cast

import msgspec
from redis._parsers.base import BaseParser
from redis.exceptions import ResponseError

from events.codec import encode_entry
from events.command_keys import key_positions
from events.envelope import Envelope
from events.keys import Keyspace
from events.redis_client import RedisClient
from events.replication import ReplicaWait, script_replicated

Command = tuple[str | bytes | int | float, ...]
"""A Redis command to run inside the commit; every key it names must be in the
partition's hash slot (``Keyspace`` keys of the same partition), and its command must be
one whose keys ``command_keys`` knows (they are declared to the script)."""

Entry = tuple[str, str, Sequence[Command]]
"""An entry to commit: its chat, its id and its effects."""

_SOURCE = resources.files("events").joinpath("lua", "commit_many.lua").read_text()
_encoder = msgspec.msgpack.Encoder()
_FIXED_KEYS = 4  # fence, checkpoints, stream, attempt marks
_FIXED_ARGS = 3  # token, group, the entries
# The client's own reading of an error reply: the class it raises for it (``ReadOnlyError``
# for READONLY, ...), so an effect's failure is told apart as it would have been alone.
_parse_error = cast(Callable[[str], Exception], BaseParser.parse_error)


class LeaseLost(Exception):
    """The partition's lease moved to another consumer; this one must stop writing."""


def append_command(
    keyspace: Keyspace, envelope: Envelope, subject_key: bytes | None = None
) -> Command:
    """An effect that appends a new event to the same conversation's partition."""
    fields = encode_entry(envelope, subject_key)
    flat = [item for pair in fields.items() for item in pair]
    return ("XADD", keyspace.stream(keyspace.partition_of(envelope.chat)), "*", *flat)


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
        self._script = redis.register_script(_SOURCE)

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

        Returns False (and only acknowledges) when the entry was already applied; raises
        the error of an effect that failed (the effects before it stay, the checkpoint
        does not move). Raises :class:`LeaseLost` when ``token`` is no longer the
        partition's token.
        """
        (outcome,) = await self.commit_entries(partition, token, [(chat, entry_id, effects)])
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    async def commit_entries(
        self, partition: int, token: int, entries: Sequence[Entry]
    ) -> list[bool | Exception]:
        """Commit each of ``entries`` (of one partition) as :meth:`commit` would, in one
        call: per entry, whether it was applied now, or the error its effect answered.
        A call that fails (Redis away, the lease lost) raises for all of them."""
        keys, args = self.script_call(partition, token, entries)
        try:
            if self.replica_wait is None:
                replies = await self._script(keys=keys, args=args)
            else:
                route = self.keyspace.checkpoint(partition, self.group)
                replies = await script_replicated(
                    self.redis, self._script, keys, args, self.replica_wait, route=route
                )
        except ResponseError as exc:
            raise_if_fenced(exc)
            raise
        return [_outcome(reply) for reply in cast(list[int | bytes], replies)]

    def script_call(
        self, partition: int, token: int, entries: Sequence[Entry]
    ) -> tuple[list[str | bytes], list[str | bytes | int | float]]:
        """The KEYS and ARGV of ``commit_many.lua`` for ``entries``."""
        keys: list[str | bytes] = [
            self.keyspace.fence(partition, self.group),
            self.keyspace.checkpoint(partition, self.group),
            self.keyspace.stream(partition),
            self.keyspace.attempts(partition, self.group),
        ]
        index: dict[str | bytes, int] = {}
        values: list[bytes] = []
        packed: list[tuple[str, str, list[list[str | int]]]] = []
        for chat, entry_id, effects in entries:
            commands: list[list[str | int]] = []
            for command in effects:
                positions = key_positions(command)
                parts: list[str | int] = []
                for n, part in enumerate(command):
                    if n in positions:
                        key = part if isinstance(part, str | bytes) else str(part)
                        parts.append(-index.setdefault(key, _FIXED_KEYS + len(index) + 1))
                    elif isinstance(part, bytes):  # in ARGV, named by its index there
                        values.append(part)
                        parts.append(_FIXED_ARGS + len(values))
                    else:  # numbers as text: Lua would hold them as doubles
                        parts.append(part if isinstance(part, str) else str(part))
                commands.append(parts)
            packed.append((chat, entry_id, commands))
        return [*keys, *index], [token, self.group, _encoder.encode(packed), *values]

    async def position(self, partition: int, chat: str) -> str | None:
        """The last entry id of ``chat`` this group applied, if any."""
        value = await self.redis.hget(self.keyspace.checkpoint(partition, self.group), chat)
        return cast(bytes, value).decode() if value is not None else None


def _outcome(reply: int | bytes) -> bool | Exception:
    if isinstance(reply, int):
        return bool(reply)
    # The error an effect answered, as the client would have raised it for the command.
    return _parse_error(reply.decode(errors="replace"))
