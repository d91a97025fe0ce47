"""A partition's worker: takeover, one lane per chat, retries, dead letters.

The owner of a partition first takes over every pending entry of the group in id order
(XAUTOCLAIM), then reads new ones. Entries are dispatched to one lane per chat: a lane
handles its entries strictly in order, lanes run concurrently. An entry is acknowledged
only inside the commit of its effects. A failing entry is retried with backoff up to a
bound, then moved to the dead-letter stream; only its own chat waits meanwhile.

The bound also stops an entry that crashes the whole process from crashing every next
owner in turn. Redis's delivery counter cannot tell that entry apart: a takeover claims
every pending entry, and the counter of each one that merely waited in its chat's lane
grows too. So a taken-over entry marks each handling attempt just before it starts (a
partition-local hash, cleared by the commit), and only attempts count.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, cast

from opentelemetry import trace
from redis.exceptions import ResponseError

from events.batch_commit import entry_order
from events.cancellation import raise_if_cancelled
from events.checkpoint import Command, LeaseLost
from events.codec import REDELIVERED_FOR, CorruptEntry, Record, decode_entry
from events.commit_coalescing import CommitCoalescer
from events.consumer import ConsumerContext
from events.deadletters import give_up
from events.holding import Lease, hold
from events.infrastructure import INFRASTRUCTURE_ERRORS, is_infrastructure_failure
from events.key_reads import KeyReads
from events.key_wrapping import KekMismatch
from events.spans import processing
from events.strays import claim_pending, read_new

log = logging.getLogger(__name__)
tracer = trace.get_tracer(__name__)

CANCEL_RETRY_S = 0.1


@dataclass(slots=True)
class _Entry:
    entry_id: str
    fields: dict[bytes, bytes]
    taken_over: bool = False


@dataclass(slots=True)
class _Lane:
    # A deque, not an asyncio.Queue: nothing waits on it, and a lane per chat of a backlog
    # made building queues a measurable share of a turn.
    queue: deque[_Entry] = field(default_factory=deque)
    task: asyncio.Task[None] | None = None


def backoff_delay(attempt: int, base: float, cap: float) -> float:
    """Exponential backoff for the ``attempt``-th failure (1-based), capped."""
    return float(min(cap, base * 2 ** (attempt - 1)))


class HandlingNeverCompleted(RuntimeError):
    """An entry was taken over more often than its attempts allow without ever completing:
    handling it may be what kills its consumers."""


class PartitionWorker:
    """Owns one partition while its lease holds."""

    def __init__(self, consumer: ConsumerContext, partition: int, token: int) -> None:
        self.consumer = consumer
        self.partition = partition
        self.token = token
        self.stream = consumer.keyspace.stream(partition)
        self.key_reads = KeyReads(consumer.subject_keys, partition)
        self.commits = CommitCoalescer(consumer.checkpoints, partition, token)
        self.lanes: dict[str, _Lane] = {}
        # Entries handed to a lane and not finished: what this worker knows it holds.
        self.dispatched: set[str] = set()
        self.in_flight = asyncio.Semaphore(consumer.options.max_in_flight)
        self.reading = True
        # Set when the worker must stop: lease lost, or a failure only a restart clears.
        self.halted = asyncio.Event()
        self.task = asyncio.create_task(self._run(), name=f"partition-{partition}")

    async def _run(self) -> None:
        await self._ensure_group()
        await self._take_over_pending()
        opts = self.consumer.options
        deliveries_unknown = False
        while self.reading and not self.halted.is_set():
            raise_if_cancelled()
            try:
                if deliveries_unknown:
                    await self._recover_lost_deliveries()
                    deliveries_unknown = False
                reply, strays = await read_new(
                    self.consumer.redis, self.stream, self.consumer.group, self.consumer.name,
                    count=opts.batch, block_ms=opts.block_ms, wanted=self.consumer.wanted_reads,
                )  # fmt: skip
                read = [
                    _Entry(eid.decode(), fields) for _, entries in reply for eid, fields in entries
                ]
                if strays:  # read by a consumer that had lost the lease (``events.strays``)
                    read = await self._with_strays(read)
            except Exception as exc:
                if not is_infrastructure_failure(exc):
                    raise
                log.warning("partition %d: read failed (%s); retrying", self.partition, exc)
                # Redis may have delivered entries whose reply never arrived: they would sit
                # in this consumer's pending list, owned and never handled.
                deliveries_unknown = True
                await asyncio.sleep(opts.retry_base_s)
                continue
            if read:
                await self._accept(read)

    async def _with_strays(self, read: list[_Entry]) -> list[_Entry]:
        """``read`` and the entries pending under another consumer (and any of this one's
        not in hand), claimed, in id order: a stray may be newer than ``read`` (taken
        between its two commands), so the order of ids, not of discovery, is each chat's."""
        # Taken before the claim: a lane may finish (and acknowledge) one meanwhile.
        held = self.dispatched | {entry.entry_id for entry in read}
        claimed = await claim_pending(
            self.consumer.redis, self.stream, self.consumer.group, self.consumer.name,
            count=self.consumer.options.batch,
        )  # fmt: skip
        strays = [_Entry(i, f, taken_over=True) for i, f in claimed if i not in held]
        if not strays:
            return read
        log.warning("partition %d: %d strays claimed", self.partition, len(strays))
        return sorted([*read, *strays], key=lambda entry: entry_order(entry.entry_id))

    async def _recover_lost_deliveries(self) -> None:
        """Handle the entries delivered to this consumer that it never received.

        They are newer than anything dispatched so far (the lost reply was the latest
        read), so handling them before reading on keeps every chat's order.
        """
        start = "0"
        while True:
            reply = await self.consumer.redis.xreadgroup(
                self.consumer.group, self.consumer.name, {self.stream: start},
                count=self.consumer.options.batch,
            )  # fmt: skip
            entries = [
                _Entry(eid.decode(), fields or {})
                for _stream, batch in cast(list[Any], reply) or []
                for eid, fields in batch
            ]
            lost = [e for e in entries if e.entry_id not in self.dispatched and e.fields]
            if lost:
                log.warning("partition %d: %d deliveries recovered", self.partition, len(lost))
                await self._accept(lost)
            if len(entries) < self.consumer.options.batch:
                return
            start = entries[-1].entry_id

    async def _ensure_group(self) -> None:
        try:
            await self.consumer.redis.xgroup_create(
                self.stream, self.consumer.group, id=self.consumer.options.start_id, mkstream=True
            )
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    async def _take_over_pending(self) -> None:
        """Claim every pending entry of the group, oldest first, before reading new ones.

        Holding the lease means the previous owner may no longer commit, so there is no
        need to wait for entries to become idle. Entries that carry attempt marks were in
        flight when an owner died; if one of them killed it, running them together would
        kill this owner too and charge the innocent ones as well. So they run first, one
        at a time: only the culprit crashes again, until it reaches the dead letters. Each
        is the oldest pending entry of its chat, so this keeps every chat's order.
        """
        redis, group, me = self.consumer.redis, self.consumer.group, self.consumer.name
        pending = await claim_pending(
            redis, self.stream, group, me, count=self.consumer.options.batch
        )
        claimed = [_Entry(entry_id, fields, taken_over=True) for entry_id, fields in pending]
        marks = await redis.hkeys(self.consumer.keyspace.attempts(self.partition, group))
        suspects = {cast(bytes, mark).decode() for mark in marks}
        for entry in claimed:
            if entry.entry_id in suspects:
                async with self.consumer.gate.alone():
                    await self._handle(entry)
        await self._accept([entry for entry in claimed if entry.entry_id not in suspects])

    async def _accept(self, entries: list[_Entry]) -> None:
        """Dispatch the entries the handler wants; acknowledge the others in one command.

        An entry of an unwanted type needs no lane, no handler and no checkpoint: skipping
        it again after a redelivery is just as right. An entry without a type is corrupt
        and goes to the handler path, where it is dead-lettered.
        """
        unwanted = [entry.entry_id for entry in entries if self._unwanted(entry)]
        if unwanted:
            with contextlib.suppress(*INFRASTRUCTURE_ERRORS):  # still pending: acked later
                await self.consumer.redis.xack(self.stream, self.consumer.group, *unwanted)
        skipped = set(unwanted)
        for entry in entries:
            if entry.entry_id not in skipped:
                await self._dispatch(entry)

    def _unwanted(self, entry: _Entry) -> bool:
        target = entry.fields.get(REDELIVERED_FOR)
        if target is not None and target != self.consumer.group.encode():
            return True  # given back to another group after it dead-lettered it
        kind = entry.fields.get(b"type")
        return (
            self.consumer.types is not None and kind is not None and kind not in self.consumer.types
        )

    async def _dispatch(self, entry: _Entry) -> None:
        if self.halted.is_set():
            return  # stopping: it stays pending, for the next owner to claim in order
        await self.in_flight.acquire()
        self.dispatched.add(entry.entry_id)
        chat = entry.fields.get(b"chat", b"").decode(errors="replace")
        lane = self.lanes.get(chat)
        if lane is None:
            lane = self.lanes[chat] = _Lane()
            lane.task = asyncio.create_task(self._drain_lane(chat, lane))
        lane.queue.append(entry)

    async def _drain_lane(self, chat: str, lane: _Lane) -> None:
        try:
            # Once the worker stops reading, only the entry in hand is finished: what is
            # queued behind it stays pending, for the next owner to claim in order.
            while self.reading and lane.queue:
                raise_if_cancelled()
                entry = lane.queue.popleft()
                try:
                    async with self.consumer.gate.together():
                        await self._handle(entry)
                finally:
                    self.dispatched.discard(entry.entry_id)
                    self.in_flight.release()
        except LeaseLost:
            log.warning("partition %d: lease lost while handling", self.partition)
            self.halted.set()
        except Exception:
            # The entry is still pending: a restarted worker claims it again.
            log.exception("partition %d: lane of a chat failed; restarting", self.partition)
            self.halted.set()
        finally:
            if self.lanes.get(chat) is lane and not lane.queue:
                del self.lanes[chat]

    async def _handle(self, entry: _Entry) -> None:
        opts = self.consumer.options
        attempt = 0
        hold(Lease(self.consumer.keyspace.fence(self.partition, self.consumer.group), self.token))
        while not self.halted.is_set():
            raise_if_cancelled()
            try:
                attempt = await self._count_attempt(entry) if entry.taken_over else attempt + 1
                if attempt > opts.max_attempts:
                    error = HandlingNeverCompleted(
                        "handling never completed; the process may crash on it"
                    )
                    await self._dead_letter(entry, error, attempts=attempt - 1)
                    return
                started = time.perf_counter()
                record = await self._open(entry)
                if entry.taken_over or attempt > 1:
                    record = replace(record, redelivered=True)
                with processing(tracer, record, self.stream, self.partition, self.consumer.group):
                    effects = await self.consumer.handler(record)
                    applied = await self._commit(record, effects)
                    # Inside the span: the observation's exemplar is this trace.
                    seconds = time.perf_counter() - started
                    self._count("applied" if applied else "duplicate", seconds)
                return
            except LeaseLost:
                raise
            except CorruptEntry as exc:
                await self._dead_letter(entry, exc, attempts=attempt)
                return
            except KekMismatch as exc:
                # This process's configuration, not the entry: counting it would dead-letter
                # good entries; they wait, in order, for a process given the right key.
                log.error("partition %d: %s; entry %s waits", self.partition, exc, entry.entry_id)
                attempt = await self._not_counted(entry, attempt)
                await asyncio.sleep(opts.retry_cap_s)
            except Exception as exc:
                if is_infrastructure_failure(exc):
                    # Redis being away is not the entry's fault: wait, and do not count it.
                    log.warning(
                        "partition %d: %s; retrying %s", self.partition, exc, entry.entry_id
                    )
                    attempt = await self._not_counted(entry, attempt)
                    await asyncio.sleep(opts.retry_cap_s)
                    continue
                self._count("failed")
                if attempt >= opts.max_attempts:
                    await self._dead_letter(entry, exc, attempts=attempt)
                    return
                log.warning("entry %s failed (attempt %d): %r", entry.entry_id, attempt, exc)
                await asyncio.sleep(backoff_delay(attempt, opts.retry_base_s, opts.retry_cap_s))

    async def _commit(self, record: Record, effects: Sequence[Command]) -> bool:
        """Commit the handler's effects; while Redis is away, retry the commit alone.

        Running the handler again would repeat what it did outside Redis (the outbox would
        send the reply to WAHA again). A commit that landed but whose answer was lost is
        recognised on the retry by the checkpoint, and only acknowledged.
        """
        opts = self.consumer.options
        failures = 0
        while True:
            raise_if_cancelled()
            try:
                return await self.commits.commit(
                    chat=record.chat, entry_id=record.entry_id, effects=effects
                )
            except Exception as exc:
                if not is_infrastructure_failure(exc):
                    raise
                if self.halted.is_set():
                    raise
                failures += 1
                log.warning("partition %d: commit failed (%s); retrying", self.partition, exc)
                await asyncio.sleep(backoff_delay(failures, opts.retry_base_s, opts.retry_cap_s))

    async def _open(self, entry: _Entry) -> Record:
        """Decode an entry, with its personal data if its subject's key still exists, and
        that key (what a handler derives from the entry is sealed with it too)."""
        chat = entry.fields.get(b"chat", b"").decode(errors="replace")
        key = await self.key_reads.key_of(chat)
        return decode_entry(entry.entry_id, self.partition, entry.fields, key)

    async def _not_counted(self, entry: _Entry, attempt: int) -> int:
        """Take back the attempt just counted: it failed for a reason not the entry's."""
        if entry.taken_over:  # counted in Redis, where the next loop reads it again
            key = self.consumer.keyspace.attempts(self.partition, self.consumer.group)
            with contextlib.suppress(*INFRASTRUCTURE_ERRORS):
                await self.consumer.redis.hincrby(key, entry.entry_id, -1)
        return attempt - 1

    async def _count_attempt(self, entry: _Entry) -> int:
        """Record that handling starts; the attempts so far, this one and the first included.

        The first delivery's attempt is not marked (it costs a write per entry); a
        taken-over entry may have had it, so it is counted as if it had.
        """
        key = self.consumer.keyspace.attempts(self.partition, self.consumer.group)
        marked = await self.consumer.redis.hincrby(key, entry.entry_id, 1)
        return int(marked) + 1

    def _count(self, outcome: str, seconds: float | None = None) -> None:
        if self.consumer.metrics is not None:
            self.consumer.metrics.outcome(self.consumer.group, outcome, seconds)

    async def _dead_letter(self, entry: _Entry, error: BaseException, *, attempts: int) -> None:
        self._count("dead_lettered")
        log.error("entry %s dead-lettered after %d attempts: %r", entry.entry_id, attempts, error)
        await give_up(self.consumer, self.partition, self.token, entry.entry_id, entry.fields,
                      error, attempts)  # fmt: skip

    async def stop(self, *, graceful: bool) -> None:
        """Stop reading; a graceful stop lets the entries in hand finish first."""
        self.reading = False
        if graceful:
            lanes = [lane.task for lane in self.lanes.values() if lane.task]
            if lanes:
                await asyncio.wait(lanes, timeout=self.consumer.options.drain_timeout_s)
        self.halted.set()
        tasks: set[asyncio.Task[None]] = set()
        while True:
            # Lanes started meanwhile are stopped too: a lane left running would commit
            # beside the next worker of this partition.
            tasks |= {self.task, *(lane.task for lane in self.lanes.values() if lane.task)}
            pending = {task for task in tasks if not task.done()}
            if not pending:
                break
            # Cancelled again until done: a Redis client can swallow a cancellation that
            # lands while it reads a reply, and the task would then run on.
            for task in pending:
                task.cancel()
            await asyncio.wait(pending, timeout=CANCEL_RETRY_S)
        for task in tasks:
            if not task.cancelled():
                task.exception()  # logged where it happened; retrieved so asyncio stays quiet
