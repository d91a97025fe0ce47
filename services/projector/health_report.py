"""Reading the session health read model: one report per WAHA session, for ``wsm sessions``
and for the projector's gauges (which the session alerts watch)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

from prometheus_client import CollectorRegistry, Gauge

from events import Keyspace
from events.redis_client import RedisClient
from services.projector.session_health import (
    WORKING,
    StatusChange,
    decode_status,
    decode_watch,
    unacknowledged,
)
from services.projector.store import ReadModelKeys, current_version

log = logging.getLogger(__name__)

STATUSES = ("STOPPED", "STARTING", "SCAN_QR_CODE", "WORKING", "FAILED")
"""WAHA's session statuses (devlikeapro/waha, src/structures/enums.dto.ts)."""
SAMPLE_EVERY_S = 15.0


@dataclass(frozen=True, slots=True)
class SessionReport:
    """A WAHA session's health now."""

    session: str
    status: str | None
    """None: no ``session.status`` seen yet (its replies are watched all the same)."""
    since: datetime | None
    history: tuple[StatusChange, ...]
    unacknowledged: tuple[datetime, ...]
    """When each reply was sent that WhatsApp has not acknowledged in time, oldest first."""

    @property
    def phone_seems_offline(self) -> bool:
        """WAHA says WORKING (or nothing) while WhatsApp acknowledges none of its replies."""
        return self.status in (None, WORKING) and bool(self.unacknowledged)


async def session_reports(
    redis: RedisClient, keyspace: Keyspace, now: datetime | None = None
) -> list[SessionReport]:
    """Every WAHA session the log has told of, by name."""
    now = now or datetime.now(UTC)
    keys = ReadModelKeys(keyspace, await current_version(redis, keyspace, "health"))
    statuses: dict[str, tuple[str, datetime, tuple[StatusChange, ...]]] = {}
    late: dict[str, list[datetime]] = {}
    for partition in keyspace.all_partitions():
        members = await redis.zrange(keys.health_index(partition), 0, -1)
        named = [member.decode() for member in cast(list[bytes], members)]
        if not named:
            continue
        # A session's name alone, or a chat's watch as "chat:session".
        watched = [tuple(m.split(":", 1)) for m in named if ":" in m]
        names = [m for m in named if ":" not in m]
        async with redis.pipeline(transaction=False) as pipe:
            for name in names:
                pipe.get(keys.session_status(partition, name))
            for chat, name in watched:
                pipe.get(keys.ack_watch(partition, name, chat))
            found = cast(list[bytes | None], await pipe.execute())
        for name, raw_status in zip(names, found[: len(names)], strict=True):
            if raw_status is not None:
                view = decode_status(raw_status)
                statuses[name] = (view.status, view.since, view.history)
        for (_, name), raw_watch in zip(watched, found[len(names) :], strict=True):
            if raw_watch is not None:
                late.setdefault(name, []).extend(unacknowledged(decode_watch(raw_watch), now))
    reports = []
    for name in sorted({*statuses, *late}):
        sent = tuple(sorted(late.get(name, ())))
        known = statuses.get(name)
        if known is None:
            reports.append(SessionReport(name, None, None, (), sent))
        else:
            reports.append(SessionReport(name, *known, sent))
    return reports


class HealthMetrics:
    """The gauges of the session alerts; labelled by WAHA session, a business's name."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.status = Gauge(
            "wsm_waha_session_status",
            "1 for the WAHA session's current status, 0 for the others.",
            ["session", "status"],
            registry=registry,
        )
        self.status_seconds = Gauge(
            "wsm_waha_session_status_seconds",
            "Seconds since the WAHA session took its current status.",
            ["session"],
            registry=registry,
        )
        self.unacknowledged = Gauge(
            "wsm_waha_replies_unacknowledged",
            "Replies sent 5 to 60 minutes ago that WhatsApp has not acknowledged.",
            ["session"],
            registry=registry,
        )

    def show(self, reports: list[SessionReport], now: datetime) -> None:
        for report in reports:
            self.unacknowledged.labels(report.session).set(len(report.unacknowledged))
            if report.status is None or report.since is None:
                continue
            for status in {*STATUSES, report.status}:
                self.status.labels(report.session, status).set(status == report.status)
            self.status_seconds.labels(report.session).set((now - report.since).total_seconds())


async def keep_showing(
    redis: RedisClient,
    keyspace: Keyspace,
    metrics: HealthMetrics,
    stopping: asyncio.Event,
    every_s: float = SAMPLE_EVERY_S,
) -> None:
    """Set the gauges from the read model now and every ``every_s`` until ``stopping``."""
    while not stopping.is_set():
        try:
            now = datetime.now(UTC)
            metrics.show(await session_reports(redis, keyspace, now), now)
        except Exception as exc:
            log.warning("session health not sampled: %s", type(exc).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), every_s)
