"""The projector's read models: sessions, consent evidence, appointments; and a rebuild
from the log that equals what was built incrementally."""

from __future__ import annotations

import argparse
import asyncio
import io
import json
from datetime import date
from pathlib import Path

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace
from services.cli.lgpd import export
from services.domain import chats
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET
from services.domain.conversation import Stage
from services.ingest.settings import IngestSettings
from services.projector.main import ProjectorService
from services.projector.replay import Replayed, replay_projections
from services.projector.store import ReadModelKeys, ReadModels, version_key
from services.runtime.embedded_redis import RedisServer
from tests.support.cli import operator_env
from tests.support.factories import message
from tests.support.projecting import FAST, SP, caught_up, projecting, rebuilt_equals_live
from tests.support.whole_stack import Phone, Stack

# The main flows, on a single Redis and on a Redis Cluster in every run.
pytestmark = pytest.mark.on_cluster_too

NUMBER = "5511977770010"
SUBJECT = chats.chat_key(DEVELOPMENT_CHAT_KEY_SECRET.encode(), "default", f"{NUMBER}@c.us")


async def converse(stack: Stack, *said: str) -> None:
    http, sim_url, _ = stack
    # Replies to what was said before this call are not taken for replies to this.
    phone = await Phone(http, sim_url, NUMBER).past_earlier_replies()
    for text in said:
        await phone.say(text)


async def test_the_session_shows_stage_name_and_consent(
    stack: Stack, redis: Redis, keyspace: Keyspace
) -> None:
    async with projecting(redis, keyspace):
        await converse(stack, "oi", "sim", "Olga")
        await caught_up(redis, keyspace)
    view = await ReadModels(redis, keyspace).session(SUBJECT)
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
    history = await ReadModels(redis, keyspace).consent_history(SUBJECT)
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
        await converse(stack, "oi", "sim", "Olga", "marcar amanhã às 15h", "sim",
                       "marcar sexta às 10h", "sim", "cancelar", "1", "sim")  # fmt: skip
        await caught_up(redis, keyspace)
    models = ReadModels(redis, keyspace)
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
        await converse(
            stack, "oi", "não", "sim", "Olga", "marcar amanhã às 15h", "sim", "cancelar", "sim"
        )
        await caught_up(redis, keyspace)
    await rebuilt_equals_live(redis, log)


async def test_a_replay_switches_versions_while_the_projector_runs(
    stack: Stack, redis: Redis, keyspace: Keyspace, log: EventLog
) -> None:
    models = ReadModels(redis, keyspace)
    async with projecting(redis, keyspace):
        await converse(stack, "oi", "sim", "Olga")
        await caught_up(redis, keyspace)
        before = await models.consent_history(SUBJECT)
        switched, read = await replay_projections(redis, log, SP, ["consent"], grace_s=0.3)
        assert switched == [Replayed("consent", old=1, new=2)] and read > 0
        assert await models.consent_history(SUBJECT) == before
        # After the switch, the projector carries on in the new version: once, in order.
        await converse(stack, "revogar consentimento")
        await caught_up(redis, keyspace)
        after = await models.consent_history(SUBJECT)
    assert [r.kind for r in after] == ["requested", "granted", "revoked"]
    assert [
        k async for k in redis.scan_iter(match=ReadModelKeys(keyspace).pattern("consent"))
    ] == []


async def groups_of_versions(redis: Redis, keyspace: Keyspace, name: str) -> set[str]:
    found: set[str] = set()
    for partition in keyspace.all_partitions():
        for group in await redis.xinfo_groups(keyspace.stream(partition)):
            if group["name"].decode().startswith(f"projector.{name}.v"):
                found.add(group["name"].decode())
    return found


async def keys_of_version(redis: Redis, keyspace: Keyspace, name: str, version: int) -> list[bytes]:
    pattern = ReadModelKeys(keyspace, version).pattern(name)
    return [key async for key in redis.scan_iter(match=pattern)]


async def test_nothing_of_a_retired_version_is_left_behind(
    redis: Redis, keyspace: Keyspace, log: EventLog
) -> None:
    for i in range(20):
        await log.append(message(chat=f"chat-{i}", text="oi", message_id=f"a{i}"))
    # A projector slow to notice the switch goes on projecting the old version after the
    # replay dropped it (no grace): its workers make the group again, it writes sessions.
    slow = ProjectorService(redis, keyspace, SP, "slow", options=FAST, poll_s=1.0)
    task = asyncio.create_task(slow.run())
    try:
        await caught_up(redis, keyspace)
        await replay_projections(redis, log, SP, ["sessions"], grace_s=0)
        for i in range(20):
            await log.append(message(chat=f"chat-{i}", text="sim", message_id=f"b{i}"))
        await caught_up(redis, keyspace)
        for _ in range(100):  # until it has moved over
            if await groups_of_versions(redis, keyspace, "sessions") == {"projector.sessions.v2"}:
                break
            await asyncio.sleep(0.05)
    finally:
        slow.stop()
        await task
    assert await groups_of_versions(redis, keyspace, "sessions") == {"projector.sessions.v2"}
    assert await keys_of_version(redis, keyspace, "sessions", 1) == []
    assert await keys_of_version(redis, keyspace, "sessions", 2) != []


async def test_a_replay_clears_what_an_interrupted_one_left_behind(
    redis: Redis, keyspace: Keyspace, log: EventLog
) -> None:
    await log.append(message(chat="chat-1", text="oi"))
    # An earlier replay switched to version 2 and was stopped before dropping version 1.
    for partition in keyspace.all_partitions():
        await redis.xgroup_create(keyspace.stream(partition), "projector.consent.v1", id="0",
                                  mkstream=True)  # fmt: skip
    await redis.set(version_key(keyspace, "consent"), 2)
    await redis.set(keyspace.in_partition(0, "rm", "consent", "v1", "left-behind"), b"x")
    switched, _ = await replay_projections(redis, log, SP, ["consent"], grace_s=0)
    assert switched == [Replayed("consent", old=2, new=3)]
    assert await groups_of_versions(redis, keyspace, "consent") == {"projector.consent.v3"}
    assert await keys_of_version(redis, keyspace, "consent", 1) == []


async def test_an_export_holds_everything_about_the_subject_and_nobody_else(
    stack: Stack, redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings
) -> None:
    async with projecting(redis, keyspace):
        await converse(stack, "oi", "sim", "Olga", "marcar amanhã às 15h", "sim")
        await caught_up(redis, keyspace)
    out = io.StringIO()
    env = operator_env(ingest_settings.store.redis_url)
    args = argparse.Namespace(action="export", subject=f"{NUMBER}@c.us", session="default")
    assert await export(args, env, out) == 0
    document = json.loads(out.getvalue())
    assert document["subject"] == SUBJECT
    assert document["session"]["conversation"]["name"] == "Olga"
    assert [r["kind"] for r in document["consent_history"]] == ["requested", "granted"]
    assert [a["status"] for a in document["appointments"]] == ["booked"]
    texts = [
        e["event"].get("text")
        for e in document["events"]
        if e["event"]["type"] == "message.received"
    ]
    assert texts == ["oi", "sim", "Olga", "marcar amanhã às 15h", "sim"]
    assert {e["chat"] for e in document["events"]} == {SUBJECT}


async def test_the_projector_keeps_projecting_across_a_redis_restart(tmp_path: Path) -> None:
    server = RedisServer(tmp_path / "redis", appendfsync="always")
    server.start()
    redis = Redis.from_url(server.url, socket_timeout=2, socket_connect_timeout=1)
    keyspace = Keyspace(partitions=1)
    log = EventLog(redis, keyspace)
    try:
        await log.ensure_layout()
        async with projecting(redis, keyspace):
            await log.append(message(chat="chat-1", message_id="m1"))
            await caught_up(redis, keyspace)
            server.kill()
            await asyncio.sleep(0.3)  # every poll of the versions fails meanwhile
            server.start()
            await log.append(message(chat="chat-1", message_id="m2"))
            await caught_up(redis, keyspace)
            await rebuilt_equals_live(redis, log)
    finally:
        await redis.aclose()
        server.stop()
