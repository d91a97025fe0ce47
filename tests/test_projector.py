"""The projector's read models: sessions, consent evidence, appointments; and a rebuild
from the log that equals what was built incrementally."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import date
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.subscription import Subscription, SubscriptionOptions
from services.conductor.conversation import Stage
from services.ingest import chats
from services.ingest.settings import DEVELOPMENT_CHAT_KEY_SECRET
from services.projector.rebuild import rebuild
from services.projector.service import GROUP, Projector
from services.projector.store import ReadModelKeys, ReadModels
from tests.whole_stack import Phone, Stack

SP = ZoneInfo("America/Sao_Paulo")
FAST = SubscriptionOptions(block_ms=50, rebalance_interval_s=0.05)
NUMBER = "5511977770010"
SUBJECT = chats.chat_key(DEVELOPMENT_CHAT_KEY_SECRET.encode(), "default", f"{NUMBER}@c.us")


@contextlib.asynccontextmanager
async def projecting(redis: Redis, keyspace: Keyspace) -> AsyncIterator[None]:
    projector = Projector(redis, ReadModelKeys(keyspace), SP)
    sub = Subscription(redis, keyspace, group=GROUP, consumer="p1", handler=projector,
                       options=FAST)  # fmt: skip
    task = asyncio.create_task(sub.run())
    try:
        yield
    finally:
        sub.stop()
        await task


async def caught_up(redis: Redis, keyspace: Keyspace) -> None:
    """Until the projector group has read and acknowledged everything."""
    for _ in range(400):
        behind = 0
        for partition in keyspace.all_partitions():
            stream = keyspace.stream(partition)
            with contextlib.suppress(Exception):
                [info] = [
                    g for g in await redis.xinfo_groups(stream) if g["name"] == GROUP.encode()
                ]
                behind += int(info["pending"]) + int(info.get("lag") or 0)
                continue
            behind += await redis.xlen(stream)  # the group is not there yet
        if behind == 0:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the projector did not catch up")


async def converse(stack: Stack, *said: str) -> None:
    http, sim_url, _ = stack
    phone = Phone(http, sim_url, NUMBER)
    for text in said:
        await phone.say(text)


async def test_the_session_shows_stage_name_and_consent(
    stack: Stack, redis: Redis, keyspace: Keyspace
) -> None:
    async with projecting(redis, keyspace):
        await converse(stack, "oi", "sim", "Olga")
        await caught_up(redis, keyspace)
    view = await ReadModels(redis, ReadModelKeys(keyspace)).session(SUBJECT)
    assert view is not None
    assert view.conversation.stage is Stage.REGISTERED
    assert view.conversation.name == "Olga"
    assert view.conversation.policy_version == "2026-11"
    assert view.session == "default"


async def test_consent_history_holds_the_evidence_in_order(
    stack: Stack, redis: Redis, keyspace: Keyspace
) -> None:
    async with projecting(redis, keyspace):
        await converse(stack, "oi", "não", "aceito", "Olga", "revogar consentimento")
        await caught_up(redis, keyspace)
    history = await ReadModels(redis, ReadModelKeys(keyspace)).consent_history(SUBJECT)
    assert [r.kind for r in history] == ["requested", "refused", "granted", "revoked"]
    requested, refused, granted, revoked = history
    assert len(requested.notice_sha256 or "") == 64
    assert granted.notice_sha256 == requested.notice_sha256
    assert granted.evidence_text == "aceito" and granted.legal_basis
    assert refused.evidence_text == "não" and revoked.evidence_text == "revogar consentimento"
    assert all(r.channel == "default" and r.message_id for r in history)


async def test_appointments_by_subject_and_by_day_with_their_status(
    stack: Stack, redis: Redis, keyspace: Keyspace
) -> None:
    async with projecting(redis, keyspace):
        await converse(stack, "oi", "sim", "Olga", "marcar amanhã às 15h", "marcar sexta às 10h",
                       "cancelar", "1")  # fmt: skip
        await caught_up(redis, keyspace)
    models = ReadModels(redis, ReadModelKeys(keyspace))
    mine = await models.appointments_of(SUBJECT)
    assert [(a.start.astimezone(SP).day, a.status) for a in mine] == [
        (25, "cancelled"),
        (27, "booked"),
    ]
    [wednesday] = await models.appointments_on(date(2026, 11, 25))
    assert wednesday.status == "cancelled" and wednesday.cancelled_at is not None
    assert wednesday.calendar_entry_id == wednesday.appointment_id


async def test_a_rebuild_from_the_log_equals_the_incremental_models(
    stack: Stack, redis: Redis, keyspace: Keyspace, log: EventLog
) -> None:
    async with projecting(redis, keyspace):
        await converse(stack, "oi", "não", "sim", "Olga", "marcar amanhã às 15h", "cancelar")
        await caught_up(redis, keyspace)
    assert await rebuild(redis, log, ReadModelKeys(keyspace, version=2), SP) > 0
    live = {k: await redis.dump(k) async for k in redis.scan_iter(match="wsm:*:rm:v1:*")}
    rebuilt = {k: await redis.dump(k) async for k in redis.scan_iter(match="wsm:*:rm:v2:*")}
    assert len(live) >= 6
    assert {k.replace(b":rm:v1:", b":rm:v2:"): v for k, v in live.items()} == rebuilt
