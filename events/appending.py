"""Appending to the log: idempotent, sealed, batched by partition.

A batch costs one round trip: plain appends are one XADD each, keyed appends one script
call per partition (``append_once``: the dedup check and the append, atomic). Personal
data is sealed with each chat's subject key; a chat erased meanwhile is sealed again with
its new key. A Redis that lost its script cache (a restart) gets the script again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from redis.exceptions import NoScriptError, ResponseError

from events.checkpoint import append_command
from events.codec import as_text, encode_entry
from events.envelope import Envelope
from events.keys import Keyspace
from events.redis_client import RedisClient
from events.replication import ReplicaWait, run_replicated
from events.scripts import Scripts
from events.sealing import has_personal_data
from events.subject_keys import SubjectKey, SubjectKeys

# A chat erased while its event was being sealed is sealed again with its new key; more
# than a couple of erasures racing one append means something is wrong.
SEAL_ATTEMPTS = 3

Command = Sequence[str | bytes | int | float]


class StaleSubjectKey(Exception):
    """The chat's key kept changing while its event was being appended."""


@dataclass(frozen=True, slots=True)
class AppendResult:
    """Where an event landed; ``created`` is False when it was a duplicate."""

    entry_id: str
    partition: int
    created: bool


@dataclass(frozen=True, slots=True)
class PendingAppend:
    """An event to append, with the key that makes a retried append a duplicate."""

    envelope: Envelope
    idempotency_key: str | None = None


@dataclass(slots=True)
class _KeyedGroup:
    """The keyed appends of one batch that go to one partition, as one script call."""

    names: list[str]
    dedup_keys: list[str] = field(default_factory=list)
    values: list[bytes] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Slot:
    """One command of a batch: the partition it writes and the items it carries."""

    partition: int
    positions: list[int]


class Appender:
    """Appends batches of events to their chats' partitions."""

    def __init__(
        self,
        redis: RedisClient,
        keyspace: Keyspace,
        subject_keys: SubjectKeys,
        dedup_window_ms: int,
        replica_wait: ReplicaWait | None = None,
    ) -> None:
        """``replica_wait``: each append counts only once that many replicas hold it."""
        self.redis = redis
        self.replica_wait = replica_wait
        self.keyspace = keyspace
        self.subject_keys = subject_keys
        self.dedup_window_ms = dedup_window_ms
        self._scripts = Scripts.register(redis)

    async def append_many(self, items: Sequence[PendingAppend]) -> list[AppendResult | Exception]:
        """Append several events in one round trip.

        Each append is atomic and succeeds or fails on its own; one chat's events land in
        the order listed. Keyed appends cost one script call per partition, not per event.
        Personal data is sealed with each chat's subject key.
        """
        results: list[AppendResult | Exception] = [RuntimeError("not appended")] * len(items)
        positions = list(range(len(items)))
        for _ in range(SEAL_ATTEMPTS):
            positions = await self._append_round(items, positions, results)
            if not positions:
                return results
        for position in positions:
            results[position] = StaleSubjectKey(f"chat {items[position].envelope.chat}")
        return results

    async def _append_round(
        self,
        items: Sequence[PendingAppend],
        positions: list[int],
        results: list[AppendResult | Exception],
    ) -> list[int]:
        """Append the items at ``positions``; the positions to seal again with a new key."""
        envelopes = [items[p].envelope for p in positions]
        sealed = [e.chat for e in envelopes if has_personal_data(e.event)]
        subject_keys = await self.subject_keys.for_writing(sealed)
        commands, slots = self._append_commands(items, positions, subject_keys)
        partitions = [slot.partition for slot in slots]
        replies = await self._pipeline(commands, partitions)
        if any(isinstance(reply, NoScriptError) for reply in replies):
            # Redis lost its script cache (a restart): nothing of those commands ran.
            await self.redis.script_load(self._scripts.append_once.script)
            retry = [i for i, reply in enumerate(replies) if isinstance(reply, NoScriptError)]
            retried = await self._pipeline(
                [commands[i] for i in retry], [partitions[i] for i in retry]
            )
            for i, reply in zip(retry, retried, strict=True):
                replies[i] = reply
        stale: list[int] = []
        for reply, slot in zip(replies, slots, strict=True):
            outcomes = reply if isinstance(reply, list) else [reply] * len(slot.positions)
            for position, outcome in zip(slot.positions, outcomes, strict=True):
                result = _append_result(outcome, slot.partition)
                if result is None:
                    stale.append(position)
                    self.subject_keys.forget(items[position].envelope.chat)
                else:
                    results[position] = result
        return stale

    def _append_commands(
        self,
        items: Sequence[PendingAppend],
        positions: list[int],
        subject_keys: Mapping[str, SubjectKey],
    ) -> tuple[list[Command], list[_Slot]]:
        """The commands of a batch, and for each the partition and the items it carries."""
        commands: list[Command] = []
        slots: list[_Slot] = []
        keyed: dict[int, _KeyedGroup] = {}
        for position in positions:
            item = items[position]
            chat = item.envelope.chat
            held = subject_keys.get(chat)
            subject_key = held.key if held else None
            partition = self.keyspace.partition_of(chat)
            if item.idempotency_key is None:
                commands.append(append_command(self.keyspace, item.envelope, subject_key))
                slots.append(_Slot(partition, [position]))
                continue
            fields = encode_entry(item.envelope, subject_key)
            group = keyed.setdefault(partition, _KeyedGroup(names=list(fields)))
            group.dedup_keys.append(self.keyspace.dedup(partition, item.idempotency_key))
            # The script compares the key's stored (wrapped) form: the key itself never
            # travels in a command, where an error text could carry it.
            group.values += [chat.encode(), held.stored if held else b"", *fields.values()]
            group.positions.append(position)
        for partition, group in keyed.items():
            keys = [
                self.keyspace.stream(partition),
                self.keyspace.subject_keys(partition),
                *group.dedup_keys,
            ]
            commands.append(
                ["EVALSHA", self._scripts.append_once.sha, len(keys), *keys,
                 self.dedup_window_ms, len(group.names), *group.names, *group.values]
            )  # fmt: skip
            slots.append(_Slot(partition, group.positions))
        return commands, slots

    async def _pipeline(self, commands: Sequence[Command], partitions: list[int]) -> list[object]:
        """Run commands in one round trip; a failed command's reply is its exception."""
        if self.replica_wait is not None:
            # Routed by the partition's subject keys: a hash, in the stream's slot.
            hashes = [self.keyspace.subject_keys(p) for p in partitions]
            routed = list(zip(hashes, commands, strict=True))
            return await run_replicated(self.redis, routed, self.replica_wait)
        if len(commands) == 1:
            # A lone command needs no pipeline object.
            try:
                return [await self.redis.execute_command(*commands[0])]
            except ResponseError as exc:
                return [exc]
        async with self.redis.pipeline(transaction=False) as pipe:
            for command in commands:
                pipe.execute_command(*command)
            return list(await pipe.execute(raise_on_error=False))


def _append_result(reply: object, partition: int) -> AppendResult | Exception | None:
    """The outcome of one append; None when its subject key went stale."""
    if isinstance(reply, Exception):
        return reply
    if isinstance(reply, bytes | str):  # plain XADD
        return AppendResult(as_text(reply), partition, created=True)
    assert isinstance(reply, list)
    created, entry_id = reply
    if created == -1:
        return None
    return AppendResult(as_text(entry_id), partition, created=bool(created))
