"""After erasures Redis rewrites its append-only file, batched and at most once per
period, so an erased subject's key leaves the disk too."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import cast

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.key_wrapping import KeyEncryptionKey, KeyRing, new_kek_text
from services.actions.aof_rewrite import keep_rewriting, rewrite_if_requested
from services.actions.erasure import ErasureReason, erase_subject
from services.projector.store import ReadModels
from services.runtime.embedded_redis import RedisServer
from tests.support.factories import message
from tests.support.redis_contents import aof_files, aof_rewritten

WINDOW_S = 600


@pytest.fixture
async def aof_redis(tmp_path: Path) -> AsyncIterator[tuple[RedisServer, Redis]]:
    """A Redis of its own with AOF on, every write on disk before it answers."""
    server = RedisServer(tmp_path / "redis", appendfsync="always")
    server.start()
    client = Redis.from_url(server.url)
    try:
        yield server, client
    finally:
        await client.aclose()
        server.stop()


@pytest.fixture
async def wrapped(aof_redis: tuple[RedisServer, Redis], tmp_path: Path) -> tuple[Redis, EventLog]:
    """That Redis, and a log on it whose subject keys are wrapped."""
    _, redis = aof_redis
    kek = tmp_path / "kek"
    kek.write_text(new_kek_text())
    log = EventLog(redis, Keyspace(partitions=4), keys=KeyRing(KeyEncryptionKey.from_file(kek)))
    await log.ensure_layout()
    return redis, log


async def erase(log: EventLog, chat: str) -> None:
    models = ReadModels(log.redis, log.keyspace, log.subject_keys)
    assert await erase_subject(log, models, chat, ErasureReason.SUBJECT_REQUEST, "dpo")


@pytest.mark.timeout(60)
async def test_after_the_rewrite_the_erased_key_is_no_longer_in_the_aof_files(
    aof_redis: tuple[RedisServer, Redis], wrapped: tuple[Redis, EventLog]
) -> None:
    (server, _), (redis, log) = aof_redis, wrapped
    result = await log.append(message("c1", "moro na rua Pitangueiras"))
    stored = cast(bytes, await redis.hget(log.keyspace.subject_keys(result.partition), "c1"))
    key = (await log.subject_keys.for_reading(result.partition, ["c1"]))["c1"]
    assert stored in aof_files(server.directory)  # what the erasure alone leaves on disk
    await erase(log, "c1")
    assert await rewrite_if_requested(redis, log.keyspace, WINDOW_S)
    await aof_rewritten(redis)
    for _ in range(100):  # Redis drops the old files right after switching to the new
        if stored not in aof_files(server.directory):
            break
        await asyncio.sleep(0.05)
    held = aof_files(server.directory)
    assert stored not in held and key not in held


async def test_without_an_erasure_nothing_is_rewritten(wrapped: tuple[Redis, EventLog]) -> None:
    redis, log = wrapped
    await log.append(message("c1", "oi"))
    assert not await rewrite_if_requested(redis, log.keyspace, WINDOW_S)


async def test_the_erasures_of_a_period_share_one_rewrite(wrapped: tuple[Redis, EventLog]) -> None:
    redis, log = wrapped
    for chat in ("c1", "c2"):
        await log.append(message(chat, "oi"))
        await erase(log, chat)
    assert await rewrite_if_requested(redis, log.keyspace, WINDOW_S)
    await aof_rewritten(redis)
    assert not await rewrite_if_requested(redis, log.keyspace, WINDOW_S)


async def test_an_erasure_within_the_period_waits_for_the_next_one(
    wrapped: tuple[Redis, EventLog],
) -> None:
    redis, log = wrapped
    for chat in ("c1", "c2"):
        await log.append(message(chat, "oi"))
    await erase(log, "c1")
    assert await rewrite_if_requested(redis, log.keyspace, 1)
    await aof_rewritten(redis)
    await erase(log, "c2")
    assert not await rewrite_if_requested(redis, log.keyspace, 1)  # within the period
    await asyncio.sleep(1.1)
    assert await rewrite_if_requested(redis, log.keyspace, 1)  # kept, and done after it


@pytest.mark.timeout(60)
async def test_a_projector_rewrites_the_aof_soon_after_an_erasure(
    aof_redis: tuple[RedisServer, Redis], wrapped: tuple[Redis, EventLog]
) -> None:
    (server, _), (redis, log) = aof_redis, wrapped
    result = await log.append(message("c1", "oi"))
    stored = cast(bytes, await redis.hget(log.keyspace.subject_keys(result.partition), "c1"))
    stopping = asyncio.Event()
    rewriting = asyncio.create_task(
        keep_rewriting(redis, log.keyspace, WINDOW_S, stopping, poll_s=0.05)
    )
    try:
        await erase(log, "c1")
        for _ in range(400):
            if stored not in aof_files(server.directory):
                break
            await asyncio.sleep(0.05)
        assert stored not in aof_files(server.directory)
    finally:
        stopping.set()
        await rewriting


async def test_a_rewrite_redis_refuses_is_said_and_asked_again(
    wrapped: tuple[Redis, EventLog], caplog: pytest.LogCaptureFixture
) -> None:
    redis, log = wrapped
    await log.append(message("c1", "oi"))
    await erase(log, "c1")
    # A user without the command, as a deployment whose Redis user was not given it.
    await redis.execute_command("ACL", "SETUSER", "limited", "on", "nopass", "~*", "+@all",
                                "-bgrewriteaof")  # fmt: skip
    await redis.execute_command("AUTH", "limited", "x")
    assert not await rewrite_if_requested(redis, log.keyspace, WINDOW_S)
    assert "AOF rewrite after erasures refused (NoPermissionError" in caplog.text
    await redis.execute_command("ACL", "SETUSER", "limited", "+bgrewriteaof")
    assert await rewrite_if_requested(redis, log.keyspace, WINDOW_S)  # the request was kept
