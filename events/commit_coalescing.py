"""The commits the lanes of one partition make at the same moment, sent as one script call.

A lane commits each entry's effects with its checkpoint and its XACK (``commit.lua``); in a
backlog the lanes of a partition reach their commits together, and the client's work per
call was most of a turn. The lanes that commit in the same turn of the event loop hand
their entries to the partition's coalescer, which writes them with one call of
``commit_many.lua``: each entry still as ``commit.lua`` would (effects, checkpoint and
XACK together, or only the XACK when applied before), the lease fence checked once for
all. An entry's failing effect fails that entry alone, as its own commit would have; a
call that fails (Redis away, the lease lost) fails every lane in it, and each retries its
own commit, recognised by its checkpoint if it landed; a call that fails for another
cause (one entry's key in another slot of a cluster) is made again entry by entry. All
keys are in the partition's hash slot, so the call runs on Redis Cluster as on one Redis.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from importlib import resources
from typing import cast

import msgspec
from redis._parsers.base import BaseParser
from redis.exceptions import ResponseError

from events.checkpoint import Checkpoints, Command, LeaseLost, raise_if_fenced
from events.command_keys import UnknownCommand, key_positions
from events.infrastructure import is_infrastructure_failure
from events.replication import script_replicated
from events.shared_answers import answer_each

_SOURCE = resources.files("events").joinpath("lua", "commit_many.lua").read_text()
_encoder = msgspec.msgpack.Encoder()
_FIXED_KEYS = 4  # fence, checkpoints, stream, attempt marks
_FIXED_ARGS = 3  # token, group, the entries
# The client's own reading of an error reply: the class it raises for it (``ReadOnlyError``
# for READONLY, ...), so an effect's failure is told apart as it would have been alone.
_parse_error = cast(Callable[[str], Exception], BaseParser.parse_error)


@dataclass(slots=True)
class _Asked:
    chat: str
    entry_id: str
    effects: Sequence[Command]
    answer: asyncio.Future[bool]


class CommitCoalescer:
    """One partition's commits under one lease token, gathered per turn of the loop."""

    def __init__(self, checkpoints: Checkpoints, partition: int, token: int) -> None:
        self.checkpoints = checkpoints
        self.partition = partition
        self.token = token
        self._script = checkpoints.redis.register_script(_SOURCE)
        self._waiting: list[_Asked] = []
        self._sending: set[asyncio.Future[list[bool | Exception]]] = set()  # kept till done

    async def commit(self, *, chat: str, entry_id: str, effects: Sequence[Command] = ()) -> bool:
        """As :meth:`events.checkpoint.Checkpoints.commit`, with the partition's other
        commits of this moment."""
        loop = asyncio.get_running_loop()
        asked = _Asked(chat, entry_id, effects, loop.create_future())
        if not self._waiting:
            loop.call_soon(self._send_all)  # after the lanes resumed in this turn commit too
        self._waiting.append(asked)
        return await asked.answer

    def _send_all(self) -> None:
        # A lane cancelled meanwhile (its worker stopping) commits nothing more.
        waiting = [asked for asked in self._waiting if not asked.answer.done()]
        self._waiting = []
        if waiting:
            sending = asyncio.ensure_future(self._send(waiting))
            self._sending.add(sending)
            sending.add_done_callback(self._sending.discard)
            sending.add_done_callback(partial(answer_each, [a.answer for a in waiting], _as_sent))

    async def _send(self, waiting: list[_Asked]) -> list[bool | Exception]:
        """Each entry's outcome: whether applied, or why its effects failed."""
        # An effect the script cannot be given fails its own entry, not those beside it.
        refused = {n: exc for n, asked in enumerate(waiting) if (exc := _unknown(asked))}
        sent = [asked for n, asked in enumerate(waiting) if n not in refused]
        outcomes = iter(await self._together(sent) if sent else [])
        return [refused[n] if n in refused else next(outcomes) for n in range(len(waiting))]

    async def _together(self, waiting: list[_Asked]) -> list[bool | Exception]:
        """One call for ``waiting``; if it fails for a cause not Redis's (a key the cluster
        client finds in another slot, a value it cannot send), each entry alone, so that
        only the entry at fault fails, as it would have without the others."""
        try:
            return await self._call(waiting)
        except Exception as exc:
            if len(waiting) == 1 or isinstance(exc, LeaseLost) or is_infrastructure_failure(exc):
                raise
        alone = await asyncio.gather(
            *(self._call([one]) for one in waiting), return_exceptions=True
        )
        return [_single(outcome) for outcome in alone]

    async def _call(self, waiting: list[_Asked]) -> list[bool | Exception]:
        checkpoints = self.checkpoints
        if len(waiting) == 1:
            one = waiting[0]
            applied = await checkpoints.commit(
                partition=self.partition, token=self.token, chat=one.chat,
                entry_id=one.entry_id, effects=one.effects,
            )  # fmt: skip
            return [applied]
        keys, args = self.script_call(waiting)
        try:
            if checkpoints.replica_wait is None:
                replies = await self._script(keys=keys, args=args)
            else:
                route = checkpoints.keyspace.checkpoint(self.partition, checkpoints.group)
                replies = await script_replicated(
                    checkpoints.redis, self._script, keys, args, checkpoints.replica_wait,
                    route=route,
                )  # fmt: skip
        except ResponseError as exc:
            raise_if_fenced(exc)
            raise
        return [_outcome(reply) for reply in cast(list[int | bytes], replies)]

    def script_call(
        self, waiting: Sequence[_Asked]
    ) -> tuple[list[str | bytes], list[str | bytes | int | float]]:
        """The KEYS and ARGV of ``commit_many.lua`` for ``waiting``."""
        keyspace, group = self.checkpoints.keyspace, self.checkpoints.group
        partition = self.partition
        keys: list[str | bytes] = [
            keyspace.fence(partition, group),
            keyspace.checkpoint(partition, group),
            keyspace.stream(partition),
            keyspace.attempts(partition, group),
        ]
        index: dict[str | bytes, int] = {}
        values: list[bytes] = []
        entries: list[tuple[str, str, list[list[str | int]]]] = []
        for asked in waiting:
            commands: list[list[str | int]] = []
            for command in asked.effects:
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
            entries.append((asked.chat, asked.entry_id, commands))
        return [*keys, *index], [self.token, group, _encoder.encode(entries), *values]


def _unknown(asked: _Asked) -> UnknownCommand | None:
    """Why ``asked``'s effects cannot be committed, if they cannot."""
    try:
        for command in asked.effects:
            key_positions(command)
    except UnknownCommand as exc:
        return exc
    return None


def _single(outcome: list[bool | Exception] | BaseException) -> bool | Exception:
    if isinstance(outcome, Exception):
        return outcome
    if isinstance(outcome, BaseException):  # cancelled: the batch is, too
        raise outcome
    return outcome[0]


def _outcome(reply: int | bytes) -> bool | Exception:
    if isinstance(reply, int):
        return bool(reply)
    # The error an effect answered, as the client would have raised it for the command.
    return _parse_error(reply.decode(errors="replace"))


def _as_sent(outcome: bool | Exception) -> bool | Exception:
    return outcome
