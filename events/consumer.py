"""What a consumer of a group is: its handler, its options, and the context a
partition's worker gets from it (and nothing more of it)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from events.checkpoint import Checkpoints, Command
from events.codec import Record
from events.isolation import IsolationGate
from events.keys import Keyspace
from events.metrics import ConsumerMetrics
from events.redis_client import RedisClient
from events.replication import ReplicaWait
from events.scripts import Scripts
from events.subject_keys import SubjectKeys
from events.wanted_reads import WantedReads

Handler = Callable[[Record], Awaitable[Sequence[Command]]]
"""Handles one entry and returns the effects to commit with it; raising means retry."""

RunHandler = Callable[[int, Sequence[Record]], Awaitable[Sequence[Sequence[Command]]]]
"""Handles a run of entries of one partition (the partition, the entries in the stream's
order, none applied yet) and returns each entry's effects, in the same order, each entry's
computed on the views as the entries before it in the run leave them. Raising means: take
them one at a time, through the ``Handler``."""


@runtime_checkable
class ClearsWhenGivenUp(Protocol):
    """A handler that writes something before its entry's commit (the outbox's mark that a
    reply may be going) which that commit clears: a dead-lettered entry has no commit."""

    def given_up(self, record: Record) -> Sequence[Command]:
        """What the commit of ``record`` would have cleared, to clear as it is dead-lettered
        (``record`` read without its personal fields)."""


@runtime_checkable
class KeepsPartitions(Protocol):
    """A handler (or run handler) that keeps something of each partition it handles, kept
    only while this consumer owns the partition: the new owner's writes would make it
    stale, and a replica that handed partitions over would keep it for nothing."""

    def partition_released(self, partition: int) -> None:
        """Forget what is kept of ``partition``: this consumer no longer handles it."""


@dataclass(frozen=True, slots=True)
class SubscriptionOptions:
    batch: int = 100
    block_ms: int = 1000
    max_attempts: int = 5
    retry_base_s: float = 0.1
    retry_cap_s: float = 5.0
    lease_ttl_ms: int = 5000
    member_ttl_ms: int = 3000
    rebalance_interval_s: float = 1.0
    max_in_flight: int = 1000
    max_concurrent_handlers: int = 32
    max_concurrent_runs: int = 2
    """Runs of entries handled at once (``events.run_worker``). A run is a stretch of CPU
    work between two round trips; many at once would make every other task of the
    process (lease renewals among them) wait through all of them at each step."""
    drain_timeout_s: float = 10.0
    start_id: str = "0"
    wanted_only: bool = False
    """A group of a few event types reads only those (``events.wanted_reads``): the others
    are acknowledged by the read itself, without travelling to the client."""
    replica_wait: ReplicaWait | None = None
    """Each commit returns once that many replicas hold it (``REDIS_WAIT_REPLICAS``), so
    nothing the handler does next rests on a commit a failover could lose."""


@dataclass(frozen=True, slots=True)
class ConsumerContext:
    """One consumer of one group, as every worker of its partitions sees it."""

    redis: RedisClient
    keyspace: Keyspace
    group: str
    name: str
    """This consumer's name in the group."""
    handler: Handler
    types: frozenset[bytes] | None
    """The event types the handler handles; None for all."""
    options: SubscriptionOptions
    scripts: Scripts
    checkpoints: Checkpoints
    gate: IsolationGate
    """Shared by the consumer's partitions: how many handlers run at once."""
    metrics: ConsumerMetrics | None
    subject_keys: SubjectKeys
    """Opens each entry's subject key (unwrapped with the key-encryption key)."""
    runs: RunHandler | None = None
    """Handles the entries read together in one go, committed by one script call; None
    for one entry at a time."""
    run_slots: asyncio.Semaphore | None = None
    """Shared by the consumer's partitions: how many runs are handled at once."""
    wanted_reads: WantedReads | None = None
    """Reads that bring back only the entries of ``types``; None for plain reads."""
