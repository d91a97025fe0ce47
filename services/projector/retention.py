"""Retention: a subject's personal data is shredded once it has been kept for the period
the controller set, counted from their last message (LGPD arts. 15, I and 16)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from events import EventLog
from services.actions.erasure import ErasureReason, erase_subject
from services.projector.store import ReadModels

log = logging.getLogger(__name__)

REQUESTED_BY = "retention policy"
SWEEP_EVERY_S = 3600.0


async def sweep(log_: EventLog, models: ReadModels, retention: timedelta, now: datetime) -> int:
    """Erase every subject silent for longer than ``retention``; how many were erased."""
    erased = 0
    for view in await models.inactive_since(now - retention):
        if view.erased_at is not None and view.erased_at >= view.last_activity:
            continue  # already shredded, and silent since
        reason = ErasureReason.RETENTION_EXPIRED
        if await erase_subject(log_, models, view.chat, reason, REQUESTED_BY) is not None:
            erased += 1
    return erased


async def keep_sweeping(
    log_: EventLog,
    models: ReadModels,
    retention: timedelta,
    stopping: asyncio.Event,
    *,
    every_s: float = SWEEP_EVERY_S,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> None:
    """Sweep now and every ``every_s`` until ``stopping`` is set; a failed sweep is retried
    at the next one (an erasure is idempotent, so replicas may sweep side by side)."""
    while not stopping.is_set():
        try:
            erased = await sweep(log_, models, retention, clock())
            if erased:
                log.info("retention: personal data of %d subjects shredded", erased)
        except Exception:
            log.exception("retention sweep failed; trying again later")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), every_s)
