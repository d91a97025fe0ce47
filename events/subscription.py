"""Consumer-group subscription: ordered per chat, concurrent across chats, shared by replicas.

Each partition has one owner at a time (a lease with a fencing token); live consumers
agree on who owns what from the group's membership (``events.leases``). The owner's
``PartitionWorker`` (``events.partition``) does the reading and handling.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable

from events.cancellation import raise_if_cancelled
from events.checkpoint import Checkpoints
from events.consumer import (
    ConsumerContext,
    Handler,
    KeepsPartitions,
    RunHandler,
    SubscriptionOptions,
)
from events.infrastructure import INFRASTRUCTURE_ERRORS, is_infrastructure_failure
from events.isolation import IsolationGate
from events.key_wrapping import KeyRing
from events.keys import Keyspace
from events.leases import Leases
from events.metrics import ConsumerMetrics
from events.partition import PartitionWorker
from events.redis_client import RedisClient
from events.run_worker import RunWorker
from events.scripts import Scripts
from events.subject_keys import SubjectKeys
from events.wanted_reads import WantedReads

log = logging.getLogger(__name__)


class Subscription:
    """One consumer of a consumer group over all partitions of the log."""

    def __init__(
        self,
        redis: RedisClient,
        keyspace: Keyspace,
        *,
        group: str,
        consumer: str,
        handler: Handler,
        types: Iterable[str] | None = None,
        options: SubscriptionOptions | None = None,
        metrics: ConsumerMetrics | None = None,
        keys: KeyRing | None = None,
        runs: RunHandler | None = None,
    ) -> None:
        """``types``: the event types ``handler`` handles; None for all. Entries of other
        types are acknowledged without being handled. ``keys``: the key-encryption keys
        that wrap the subject keys (as the log's). ``runs``: handles the entries of one
        read together (``events.run_worker``); ``handler`` then takes those that cannot
        go together."""
        self.options = options or SubscriptionOptions()
        handled = None if types is None else frozenset(t.encode() for t in types)
        self.context = ConsumerContext(
            redis=redis,
            keyspace=keyspace,
            group=group,
            name=consumer,
            handler=handler,
            types=handled,
            options=self.options,
            scripts=Scripts.register(redis),
            checkpoints=Checkpoints(redis, keyspace, group, self.options.replica_wait),
            gate=IsolationGate(self.options.max_concurrent_handlers),
            metrics=metrics,
            subject_keys=SubjectKeys(redis, keyspace, keys=keys),
            runs=runs,
            run_slots=asyncio.Semaphore(self.options.max_concurrent_runs),
            wanted_reads=None
            if handled is None or not self.options.wanted_only
            else WantedReads(redis, group, handled),
        )
        self.leases = Leases(
            redis,
            keyspace,
            group,
            consumer,
            lease_ttl_ms=self.options.lease_ttl_ms,
            member_ttl_ms=self.options.member_ttl_ms,
        )
        self.workers: dict[int, PartitionWorker] = {}
        # Partitions handed over to another replica, whose in-hand entries are finishing;
        # their leases are still renewed meanwhile, so nobody else starts on them yet.
        self.draining: dict[int, tuple[PartitionWorker, asyncio.Task[None]]] = {}
        self._stopping = asyncio.Event()

    @property
    def owned(self) -> set[int]:
        return set(self.workers)

    async def run(self) -> None:
        """Consume until :meth:`stop`; rebalances partitions as replicas come and go.

        After :meth:`stop`, in-flight entries finish and leases are handed back. A
        cancelled run stops at once, as a crash would: its leases expire by themselves
        and the pending entries go to the next owner.
        """
        try:
            while not self._stopping.is_set():
                raise_if_cancelled()
                try:
                    await self._rebalance()
                except Exception as exc:
                    if not is_infrastructure_failure(exc):
                        raise
                    log.warning("rebalance failed (%s); retrying", exc)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), self.options.rebalance_interval_s)
        except asyncio.CancelledError:
            workers = [*self.workers.values(), *(w for w, _ in self.draining.values())]
            self.workers.clear()
            await asyncio.gather(*(w.stop(graceful=False) for w in workers))
            for _, handing_over in self.draining.values():
                handing_over.cancel()
            raise
        await self._shutdown()

    def stop(self) -> None:
        self._stopping.set()

    async def _rebalance(self) -> None:
        desired = await self.leases.desired()
        for partition, worker in list(self.workers.items()):
            if partition not in desired:
                self._hand_over(partition)
            elif worker.task.done() or worker.halted.is_set():
                await self._give_up(partition, graceful=False)
        for partition, (worker, _) in list(self.draining.items()):
            token = await self.leases.acquire(partition)
            if token != worker.token:
                worker.halted.set()  # lost anyway: its commits would be refused
                if token is not None:  # it had lapsed, and was just taken anew: give it back
                    await self.leases.release(partition, token)
        # All at once: renewed one after another, behind a busy event loop each, the last
        # leases of a backlog's owner lapsed before their turn came.
        held = [self._hold(p) for p in sorted(desired) if p not in self.draining]
        for outcome in await asyncio.gather(*held, return_exceptions=True):
            if isinstance(outcome, BaseException):
                raise outcome

    def _hand_over(self, partition: int) -> None:
        """Let the partition's in-hand entries finish, then release it, in the background:
        a slow entry must not hold up the lease renewals of every other partition."""
        worker = self.workers.pop(partition)

        async def hand_over() -> None:
            try:
                await self._release(partition, worker, graceful=True)
            finally:
                del self.draining[partition]

        self.draining[partition] = (worker, asyncio.create_task(hand_over()))

    async def _hold(self, partition: int) -> None:
        """Take or renew a partition's lease, and start or stop its worker to match."""
        token = await self.leases.acquire(partition)
        current = self.workers.get(partition)
        if current is not None:
            if token == current.token:
                return
            log.warning("partition %d: lease lost", partition)
            del self.workers[partition]
            await current.stop(graceful=False)
            self._forget(partition)
        if token is not None:
            log.info("partition %d: owned (token %d)", partition, token)
            worker = PartitionWorker if self.context.runs is None else RunWorker
            self.workers[partition] = worker(self.context, partition, token)

    async def _give_up(self, partition: int, *, graceful: bool) -> None:
        await self._release(partition, self.workers.pop(partition), graceful=graceful)

    async def _release(self, partition: int, worker: PartitionWorker, *, graceful: bool) -> None:
        await worker.stop(graceful=graceful)
        self._forget(partition)
        with contextlib.suppress(*INFRASTRUCTURE_ERRORS):
            await self.leases.release(partition, worker.token)
        log.info("partition %d: released", partition)

    def _forget(self, partition: int) -> None:
        """Tell the handlers that keep something of a partition that it is no longer ours."""
        for handler in (self.context.handler, self.context.runs):
            if isinstance(handler, KeepsPartitions):
                handler.partition_released(partition)

    async def _shutdown(self) -> None:
        await asyncio.gather(
            *(self._give_up(p, graceful=True) for p in list(self.workers)),
            *(handing_over for _, handing_over in list(self.draining.values())),
        )
        with contextlib.suppress(*INFRASTRUCTURE_ERRORS):
            await self.leases.leave()
