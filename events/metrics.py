"""Prometheus metrics of log consumers: what each group handled and how long it took, and
how far behind it is. Labels are bounded: group names and partition numbers."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from opentelemetry import trace
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from events.cancellation import raise_if_cancelled
from events.keys import Keyspace
from events.lag import SAMPLE_BOUND, group_positions
from events.redis_client import RedisClient

log = logging.getLogger(__name__)


def trace_exemplar() -> dict[str, str] | None:
    """The current trace's id, for a histogram observation to carry to its trace."""
    span = trace.get_current_span().get_span_context()
    return {"trace_id": format(span.trace_id, "032x")} if span.is_valid else None


OUTCOMES = ("applied", "duplicate", "failed", "dead_lettered")
LAG_SAMPLE_S = 5.0


class ConsumerMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.handled = Counter(
            "wsm_events_handled_total",
            "Entries a consumer group handled, by outcome (a failed attempt is retried).",
            ["group", "outcome"],
            registry=registry,
        )
        self.handling_seconds = Histogram(
            "wsm_event_handling_seconds",
            "Time to handle an entry and commit its effects.",
            ["group"],
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
            registry=registry,
        )
        self.lag = Gauge(
            "wsm_stream_lag",
            "Entries of a partition not yet delivered to a consumer group "
            f"(counted up to {SAMPLE_BOUND} when Redis cannot tell, after a restart).",
            ["group", "partition"],
            registry=registry,
        )
        self.pending = Gauge(
            "wsm_stream_pending",
            "Entries delivered to a consumer group and not yet acknowledged.",
            ["group", "partition"],
            registry=registry,
        )
        self.dead_letters = Gauge(
            "wsm_dead_letters",
            "Entries in a partition's dead-letter stream.",
            ["partition"],
            registry=registry,
        )

    def outcome(self, group: str, outcome: str, seconds: float | None = None) -> None:
        self.handled.labels(group, outcome).inc()
        if seconds is not None:
            self.handling_seconds.labels(group).observe(seconds, trace_exemplar())

    def outcomes(self, group: str, outcome: str, count: int, seconds: float | None = None) -> None:
        """``count`` entries of one run, each taking ``seconds`` (its share of the run)."""
        if count == 0:
            return
        self.handled.labels(group, outcome).inc(count)
        if seconds is not None:
            histogram, exemplar = self.handling_seconds.labels(group), trace_exemplar()
            for _ in range(count):
                histogram.observe(seconds, exemplar)

    async def sample(
        self, redis: RedisClient, keyspace: Keyspace, prefixes: tuple[str, ...]
    ) -> None:
        """Read every partition's lag and pending count for the groups whose names start
        with one of ``prefixes``, and its dead letters."""
        for partition in keyspace.all_partitions():
            stream = keyspace.stream(partition)
            for position in await group_positions(redis, stream, bound=SAMPLE_BOUND):
                if position.group.startswith(prefixes):
                    self.lag.labels(position.group, str(partition)).set(position.lag)
                    self.pending.labels(position.group, str(partition)).set(position.pending)
            dead = await redis.xlen(keyspace.dead_letters(partition))
            self.dead_letters.labels(str(partition)).set(dead)

    async def keep_sampling(
        self,
        redis: RedisClient,
        keyspace: Keyspace,
        prefixes: tuple[str, ...],
        stopping: asyncio.Event,
        every_s: float = LAG_SAMPLE_S,
    ) -> None:
        while not stopping.is_set():
            raise_if_cancelled()
            try:
                await self.sample(redis, keyspace, prefixes)
            except Exception as exc:
                log.warning("metrics: sampling the streams failed: %s", exc)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), every_s)
