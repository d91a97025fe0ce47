"""The reconciler: reads back from WAHA the recent messages of active chats and appends
those the log lacks, so that a message whose webhook WAHA never sent still arrives.

Each message goes through the gateway's translation and idempotency key
(``services.waha.messages``), so a message arrives exactly once whichever way it came
and however often a pass sees it. One replica reconciles at a time (a lease); two at
once would only repeat each other's reads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import msgspec
from opentelemetry import trace
from prometheus_client import CollectorRegistry, Counter, Gauge
from redis.exceptions import RedisError

from events import EventLog
from events.appending import PendingAppend
from events.leases import Leases
from events.redis_client import RedisClient
from events.spans import traced
from services.conductor.reconcile_plan import Window, chats_to_check, messages_to_offer, window
from services.conductor.reconcile_settings import ReconcileSettings
from services.domain.identities import IdentityMap
from services.runtime.store import StoreSettings
from services.runtime.tracing import current_traceparent
from services.waha.client import WahaClient, WahaError
from services.waha.messages import Ignored, MessageInvalid, message_event

log = logging.getLogger(__name__)
tracer = trace.get_tracer(__name__)

LEASE_GROUP = "reconciler"
LEASE_PARTITION = 0  # the lease is one key; any partition's slot holds it
PASS_OUTCOMES = ("completed", "failed", "standby")
MESSAGE_OUTCOMES = ("recovered", "logged", "ignored", "invalid")


class ReconcilerMetrics:
    """What passes did and found; labels are fixed sets of words."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.passes = Counter(
            "wsm_reconcile_passes_total",
            "Reconciliation passes, by outcome: completed, failed (WAHA or Redis could not "
            "be read), standby (another replica holds the lease).",
            ["outcome"],
            registry=registry,
        )
        self.messages = Counter(
            "wsm_reconcile_messages_total",
            "Messages a pass read back from WAHA, by outcome: recovered (the log lacked it: "
            "its webhook never came), logged (already in the log), ignored (not for the "
            "log, as a webhook of it would be), invalid (not WAHA's shape).",
            ["outcome"],
            registry=registry,
        )
        self.chats = Counter(
            "wsm_reconcile_chats_read_total",
            "Chats whose recent messages a pass read.",
            registry=registry,
        )
        # Every outcome has its series from the start, so that a rate or an alert over
        # one reads 0 rather than nothing.
        for outcome in PASS_OUTCOMES:
            self.passes.labels(outcome)
        for outcome in MESSAGE_OUTCOMES:
            self.messages.labels(outcome)
        self.completed = Gauge(
            "wsm_reconcile_last_completed_timestamp_seconds",
            "When the last pass completed (Unix time).",
            registry=registry,
        )


@dataclass(slots=True)
class PassReport:
    """What one pass did, in counts."""

    sessions: int = 0
    chats: int = 0
    recovered: int = 0
    logged: int = 0


class Reconciler:
    """Runs a pass every interval while it holds the reconciler's lease."""

    def __init__(
        self,
        redis: RedisClient,
        store: StoreSettings,
        waha: WahaClient,
        settings: ReconcileSettings,
        metrics: ReconcilerMetrics,
        *,
        name: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.waha = waha
        self.metrics = metrics
        self.clock = clock
        # The gateway's dedup window, so a marker this appends lasts as its own would.
        self.log: EventLog = store.event_log(redis, dedup_window_ms=settings.dedup_window_s * 1000)
        # A person known by two ids is one conversation: what is read back joins it, as
        # what the gateway takes does.
        self.identities = IdentityMap(redis, store.keyspace, settings.chat_key_secret)
        # Held across passes, so one replica keeps the work; lost when it stops renewing.
        ttl_ms = 3 * settings.interval_s * 1000
        self.lease = Leases(redis, store.keyspace, LEASE_GROUP, name,
                            lease_ttl_ms=ttl_ms, member_ttl_ms=ttl_ms)  # fmt: skip
        self._token: int | None = None

    async def run(self, stopping: asyncio.Event) -> None:
        """A pass every ``interval_s`` until ``stopping`` is set; a failed pass is counted
        and logged, and the next one tries again."""
        try:
            while not stopping.is_set():
                await self.take_turn()
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self.settings.interval_s):
                        await stopping.wait()
        finally:
            if self._token is not None:
                with contextlib.suppress(RedisError):
                    await self.lease.release(LEASE_PARTITION, self._token)

    async def take_turn(self) -> PassReport | None:
        """One pass if this replica holds (or takes) the lease; None if another does, or
        if the pass failed."""
        try:
            self._token = await self.lease.acquire(LEASE_PARTITION)
            if self._token is None:
                self.metrics.passes.labels("standby").inc()
                return None
            report = await self.reconcile()
        except WahaError as exc:
            # Its text names the route and WAHA's status, never a chat.
            log.warning("reconciliation pass failed: %s", exc)
            self.metrics.passes.labels("failed").inc()
            return None
        except Exception as exc:
            # Redis down, most likely; a pass must never stop the conductor's consumers,
            # and an error's text may name a chat: its type only.
            log.warning("reconciliation pass failed: %s", type(exc).__name__)
            self.metrics.passes.labels("failed").inc()
            return None
        self.metrics.passes.labels("completed").inc()
        self.metrics.completed.set(self.clock())
        if report.recovered:
            log.warning(
                "recovered %d message(s) WAHA never sent as webhooks, in %d chat(s) read",
                report.recovered, report.chats,
            )  # fmt: skip
        return report

    async def reconcile(self) -> PassReport:
        """Read back every WORKING session's active chats and append what the log lacks.
        Raises ``WahaError`` or ``RedisError`` when either cannot be read; stops early if
        the lease passed to another replica meanwhile."""
        seen = window(self.clock(), self.settings.lookback_s, self.settings.settle_s)
        report = PassReport()
        with traced(tracer, "reconcile"):
            await self._sessions(seen, report)
        return report

    async def _sessions(self, seen: Window, report: PassReport) -> None:
        for session in await self.waha.working_sessions():
            report.sessions += 1
            overview = await self.waha.chats_overview(session, self.settings.max_chats)
            for chat_id in chats_to_check(overview, seen, self.settings.max_chats):
                # Renewed as the pass goes, so a long one keeps the others waiting.
                if await self.lease.acquire(LEASE_PARTITION) is None:
                    return
                report.chats += 1
                await self._chat(session, chat_id, seen, report)

    async def _chat(self, session: str, chat_id: str, seen: Window, report: PassReport) -> None:
        """Offer one chat's messages of the window to the log, oldest first."""
        self.metrics.chats.inc()
        listed = await self.waha.messages_since(
            session, chat_id, seen.since_s, self.settings.max_messages
        )
        offer = messages_to_offer(listed, seen)
        self.metrics.messages.labels("invalid").inc(offer.malformed)
        pending: list[PendingAppend] = []
        traceparent = current_traceparent()
        for message in offer.messages:
            try:
                outcome = message_event(session, message, self.settings.chat_key_secret)
            except MessageInvalid:
                self.metrics.messages.labels("invalid").inc()
                continue
            if isinstance(outcome, Ignored):
                self.metrics.messages.labels("ignored").inc()
                continue
            chat = await self.identities.identity(outcome.envelope.chat)
            envelope = msgspec.structs.replace(outcome.envelope, chat=chat, traceparent=traceparent)
            pending.append(PendingAppend(envelope, outcome.idempotency_key))
        for result in await self.log.append_many(pending) if pending else ():
            if isinstance(result, Exception):
                raise result
            self.metrics.messages.labels("recovered" if result.created else "logged").inc()
            if result.created:
                report.recovered += 1
            else:
                report.logged += 1
