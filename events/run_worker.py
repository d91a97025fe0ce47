"""A partition's worker that handles what it reads in runs: the entries of one read,
projected together and committed with their checkpoints by one script call
(``events.batch_commit``), instead of one handler call and one commit per entry.

Every guarantee of the entry-by-entry worker holds. The run is all or nothing, so a crash
leaves each entry applied with its checkpoint or pending for the next owner. An entry
at or before its chat's checkpoint is acknowledged without effects, and the script
refuses effects computed after a checkpoint that has since moved. Whatever cannot go
together — a chat with entries still in a lane, an entry taken over after a crash, a
handler or an entry that fails — goes the entry-by-entry way, with its retries, attempt
marks and dead letters; a chat's entries never overtake one another, as a chat is in a
lane or in the run, never both.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from opentelemetry import trace

from events.batch_commit import BatchCheckpoints, applied
from events.cancellation import raise_if_cancelled
from events.checkpoint import LeaseLost
from events.codec import decode_entry
from events.consumer import ConsumerContext, RunHandler
from events.error_text import describe
from events.infrastructure import is_infrastructure_failure
from events.partition import PartitionWorker, _Entry, backoff_delay
from events.spans import processing_run

log = logging.getLogger(__name__)
tracer = trace.get_tracer(__name__)


RECOMPUTES = 3
"""Times a run is computed again after its checkpoints moved, before it goes entry by
entry: once is what a lost answer needs; more means a writer this one does not know of."""


def _chat(entry: _Entry) -> str:
    return entry.fields.get(b"chat", b"").decode(errors="replace")


class RunWorker(PartitionWorker):
    """Owns one partition while its lease holds; handles its reads in runs."""

    def __init__(self, consumer: ConsumerContext, partition: int, token: int) -> None:
        assert consumer.runs is not None and consumer.run_slots is not None
        self.runs: RunHandler = consumer.runs
        self.slots = consumer.run_slots
        self.positions = BatchCheckpoints(
            consumer.redis, consumer.keyspace, consumer.group,
            replica_wait=consumer.checkpoints.replica_wait,
        )  # fmt: skip
        # Clear while a run is in hand: a graceful stop lets it finish.
        self.idle = asyncio.Event()
        self.idle.set()
        super().__init__(consumer, partition, token)

    async def _accept(self, entries: list[_Entry]) -> None:
        one_by_one = set(self.lanes) | {_chat(e) for e in entries if e.taken_over}
        run = [e for e in entries if _chat(e) not in one_by_one]
        if len(run) < len(entries):
            await super()._accept([e for e in entries if _chat(e) in one_by_one])
        if not run or self.halted.is_set():
            return  # stopping: the run stays pending, for the next owner to claim in order
        if all(self._unwanted(e) for e in run):
            await super()._accept(run)  # acknowledged in one command, as ever
            return
        ids = {e.entry_id for e in run}
        self.dispatched |= ids
        self.idle.clear()
        try:
            async with self.slots, self.consumer.gate.together():
                done = await self._handle_run(run)
        finally:
            self.dispatched -= ids
            self.idle.set()
        if not done:
            await super()._accept(run)

    async def _handle_run(self, run: list[_Entry]) -> bool:
        """Apply the run; False when it must go entry by entry instead."""
        opts = self.consumer.options
        failures = 0
        while not self.halted.is_set():
            raise_if_cancelled()
            try:
                await self._apply(run)
                return True
            except LeaseLost:
                log.warning("partition %d: lease lost while handling", self.partition)
                self.halted.set()
            except Exception as exc:
                if not is_infrastructure_failure(exc):
                    log.warning(
                        "partition %d: a run of %d entries failed (%s); taking them one by one",
                        self.partition, len(run), describe(exc),
                    )  # fmt: skip
                    return False
                failures += 1
                log.warning("partition %d: %s; retrying a run", self.partition, describe(exc))
                await asyncio.sleep(backoff_delay(failures, opts.retry_base_s, opts.retry_cap_s))
        return True  # halted: what is not committed stays pending for the next owner

    async def _apply(self, run: list[_Entry]) -> None:
        started = time.perf_counter()
        wanted = [(e, _chat(e)) for e in run if not self._unwanted(e)]
        chats = list(dict.fromkeys(chat for _, chat in wanted))
        keys = await self.consumer.subject_keys.for_reading(self.partition, chats)
        records = [
            decode_entry(e.entry_id, self.partition, e.fields, keys.get(chat)) for e, chat in wanted
        ]
        for _ in range(RECOMPUTES):
            positions = await self.positions.positions(self.partition, chats)
            fresh = [r for r in records if not applied(r.entry_id, positions[r.chat])]
            with processing_run(tracer, fresh, self.stream, self.partition, self.consumer.group):
                effects = await self.runs(self.partition, fresh) if fresh else []
                of_entry = {r.entry_id: e for r, e in zip(fresh, effects, strict=True)}
                batch = self.positions.batch(self.partition, positions)
                for entry in run:
                    found = of_entry.get(entry.entry_id)
                    if found is None:
                        batch.skip(entry.entry_id)
                    else:
                        batch.add(_chat(entry), entry.entry_id, found)
                if await self.positions.commit(batch, self.token):
                    break
            # A checkpoint moved since it was read: an earlier commit of this run landed
            # although its answer was lost. Computed again from what Redis holds now.
        else:
            raise RuntimeError("the checkpoints kept moving under a run")
        if self.consumer.metrics is not None:
            share = (time.perf_counter() - started) / max(1, len(fresh))
            group = self.consumer.group
            self.consumer.metrics.outcomes(group, "applied", len(fresh), share)
            self.consumer.metrics.outcomes(group, "duplicate", len(records) - len(fresh))

    async def stop(self, *, graceful: bool) -> None:
        self.reading = False
        if graceful:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.idle.wait(), self.consumer.options.drain_timeout_s)
        await super().stop(graceful=graceful)
