"""Retention: personal data shredded automatically once kept for the configured period."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import msgspec
import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.schema import SubjectErased
from services.actions.erasure import LEGAL_BASIS, ErasureReason
from services.projector.retention import REQUESTED_BY, keep_sweeping, sweep
from services.projector.settings import ProjectorSettings
from services.projector.store import ReadModels
from services.runtime.settings import SettingsError
from tests.support.factories import message
from tests.support.projecting import caught_up, projecting

# The real clock: an erasure is recorded when it happens, and a subject's return must
# come after it, as it does in production.
NOW = datetime.now(UTC)
YEAR = timedelta(days=365)
SILENT = "c" + "1" * 32
ACTIVE = "c" + "2" * 32


async def said_at(log: EventLog, chat: str, at: datetime) -> None:
    await log.append(msgspec.structs.replace(message(chat=chat), recorded_at=at))


async def erasures(log: EventLog, chat: str) -> list[SubjectErased]:
    return [
        r.envelope.event
        for r in await log.chat_history(chat)
        if isinstance(r.envelope.event, SubjectErased)
    ]


async def test_a_subject_silent_longer_than_the_period_is_shredded_with_the_legal_basis(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    async with projecting(redis, keyspace):
        await said_at(log, SILENT, NOW - YEAR - timedelta(minutes=1))
        await said_at(log, ACTIVE, NOW - YEAR + timedelta(minutes=1))
        await caught_up(redis, keyspace)
        assert await sweep(log, ReadModels(redis, keyspace), YEAR, NOW) == 1
    [erased] = await erasures(log, SILENT)
    assert erased.reason == ErasureReason.RETENTION_EXPIRED
    assert erased.legal_basis == LEGAL_BASIS[ErasureReason.RETENTION_EXPIRED]
    assert erased.requested_by == REQUESTED_BY
    assert await erasures(log, ACTIVE) == []
    [text] = [r.envelope.event.text for r in await log.chat_history(SILENT) if r.erased]
    assert text == ""


async def test_a_second_sweep_erases_nothing_more(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    models = ReadModels(redis, keyspace)
    async with projecting(redis, keyspace):
        await said_at(log, SILENT, NOW - 2 * YEAR)
        await caught_up(redis, keyspace)
        assert await sweep(log, models, YEAR, NOW) == 1
        await caught_up(redis, keyspace)
        assert await sweep(log, models, YEAR, NOW + timedelta(days=1)) == 0
    assert len(await erasures(log, SILENT)) == 1


async def test_a_subject_who_came_back_after_a_shredding_is_kept_for_a_new_period(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    models = ReadModels(redis, keyspace)
    async with projecting(redis, keyspace):
        await said_at(log, SILENT, NOW - 2 * YEAR)
        await caught_up(redis, keyspace)
        await sweep(log, models, YEAR, NOW)
        await said_at(log, SILENT, NOW + timedelta(days=10))
        await caught_up(redis, keyspace)
        assert await sweep(log, models, YEAR, NOW + timedelta(days=20)) == 0
        assert await sweep(log, models, YEAR, NOW + YEAR + timedelta(days=11)) == 1
    assert len(await erasures(log, SILENT)) == 2


async def test_the_sweeper_runs_on_the_clock_until_stopped(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    stopping = asyncio.Event()
    async with projecting(redis, keyspace):
        await said_at(log, SILENT, NOW - 2 * YEAR)
        await caught_up(redis, keyspace)
        models = ReadModels(redis, keyspace)
        sweeper = asyncio.create_task(
            keep_sweeping(log, models, YEAR, stopping, every_s=0.01, clock=lambda: NOW)
        )
        for _ in range(200):
            if await erasures(log, SILENT):
                break
            await asyncio.sleep(0.01)
        stopping.set()
        await asyncio.wait_for(sweeper, 5)
    assert len(await erasures(log, SILENT)) == 1


def test_retention_is_a_year_by_default_and_zero_turns_it_off() -> None:
    assert ProjectorSettings.from_env({}).retention == YEAR
    assert ProjectorSettings.from_env({"PERSONAL_DATA_RETENTION_DAYS": "30"}).retention == (
        timedelta(days=30)
    )
    assert ProjectorSettings.from_env({"PERSONAL_DATA_RETENTION_DAYS": "0"}).retention is None


@pytest.mark.parametrize("days", ["-1", "a year", "1.5"])
def test_a_malformed_retention_is_refused_at_start(days: str) -> None:
    with pytest.raises(SettingsError, match="PERSONAL_DATA_RETENTION_DAYS"):
        ProjectorSettings.from_env({"PERSONAL_DATA_RETENTION_DAYS": days})
