"""The commits the lanes of one partition make at the same moment, sent as one script call.

A lane commits each entry's effects with its checkpoint and its XACK; in a backlog the
lanes of a partition reach their commits together, and the client's work per call was most
of a turn. The lanes that commit in the same turn of the event loop hand their entries to
the partition's coalescer, which writes them with one script call
(``Checkpoints.commit_entries``): each entry still as alone (effects, checkpoint and XACK
together, or only the XACK when applied before), the lease fence checked once for all.
An entry's failing effect fails that entry alone, as its own commit would have; a call
that fails (Redis away, the lease lost) fails every lane in it, and each retries its own
commit, recognised by its checkpoint if it landed; a call that fails for another cause
(one entry's key in another slot of a cluster) is made again entry by entry. All keys are
in the partition's hash slot, so the call runs on Redis Cluster as on one Redis.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from events.checkpoint import Checkpoints, Command, LeaseLost
from events.command_keys import UnknownCommand, key_positions
from events.infrastructure import is_infrastructure_failure
from events.shared_answers import answer_each


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
        entries = [(asked.chat, asked.entry_id, asked.effects) for asked in waiting]
        return await self.checkpoints.commit_entries(self.partition, self.token, entries)


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


def _as_sent(outcome: bool | Exception) -> bool | Exception:
    return outcome
