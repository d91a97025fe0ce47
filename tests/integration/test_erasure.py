"""The right to erasure: crypto-shredding in the log, and every consumer dropping what it
derived from the person, with the facts (and a replay) intact."""

from __future__ import annotations

import argparse
import io
from datetime import date

from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.schema import SubjectErased
from events.subject_keys import SubjectKeys
from services.actions.erasure import ErasureReason, erase_subject
from services.cli.lgpd import erase
from services.conductor.handler import snapshot_key
from services.domain import chats
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET
from services.ingest.settings import IngestSettings
from services.projector.store import ReadModels
from tests.support.factories import message
from tests.support.kek import kek_env
from tests.support.projecting import caught_up, groups_caught_up, projecting, rebuilt_equals_live
from tests.support.redis_contents import everything_in
from tests.support.whole_stack import Phone, Stack

NUMBER = "5511977770042"
SUBJECT = chats.chat_key(DEVELOPMENT_CHAT_KEY_SECRET.encode(), "default", f"{NUMBER}@c.us")
NAME = "Joaquina Albuquerque"
FIRST_WORDS = "oi, moro na rua Pitangueiras"
PERSONAL = (NUMBER.encode(), b"Joaquina", b"Albuquerque", b"Pitangueiras")


async def register_and_book(stack: Stack) -> Phone:
    http, sim_url, _ = stack
    phone = Phone(http, sim_url, NUMBER)
    for text in (FIRST_WORDS, "sim", NAME, "marcar amanhã às 15h"):
        await phone.say(text)
    return phone


async def erase_by_cli(ingest_settings: IngestSettings) -> tuple[int, str]:
    out = io.StringIO()
    env = {
        "REDIS_URL": ingest_settings.store.redis_url,
        "PARTITIONS": "4",
        **kek_env(),
        "USER": "dpo",
    }
    args = argparse.Namespace(
        action="erase", subject=f"{NUMBER}@c.us", session="default", requested_by=None
    )
    return await erase(args, env, out), out.getvalue()


async def test_after_erasure_no_personal_value_is_left_in_clear_anywhere_in_redis(
    stack: Stack, redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings
) -> None:
    async with projecting(redis, keyspace):
        await register_and_book(stack)
        await caught_up(redis, keyspace, "conductor", "outbox")
        session = await ReadModels(redis, keyspace).session(SUBJECT)
        assert session is not None and session.conversation.name == NAME  # held, sealed
        assert (await erase_by_cli(ingest_settings))[0] == 0
        await caught_up(redis, keyspace, "conductor", "outbox")
    held = await everything_in(redis)
    for value in PERSONAL:
        assert value not in held, value


async def test_the_read_models_keep_the_facts_without_the_person(
    stack: Stack, redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings
) -> None:
    async with projecting(redis, keyspace):
        await register_and_book(stack)
        await erase_by_cli(ingest_settings)
        await caught_up(redis, keyspace)
    models = ReadModels(redis, keyspace)
    session = await models.session(SUBJECT)
    assert session is not None and session.erased_at is not None
    assert session.conversation.name is None and session.conversation.dialogue == ()
    history = await models.consent_history(SUBJECT)
    assert [r.kind for r in history] == ["requested", "granted", "erased"]
    assert all(r.evidence_text is None and r.message_id is None for r in history)
    assert history[1].policy_version == "2026-11" and history[1].notice_sha256
    assert history[2].reason == "subject_request" and "art. 18" in (history[2].legal_basis or "")
    assert await models.appointments_of(SUBJECT) == []
    [booked] = await models.appointments_on(date(2026, 11, 25))
    assert booked.subject == "" and booked.status == "booked"


async def test_a_replay_after_erasure_equals_the_live_models(
    stack: Stack, redis: Redis, keyspace: Keyspace, log: EventLog, ingest_settings: IngestSettings
) -> None:
    async with projecting(redis, keyspace):
        await register_and_book(stack)
        await erase_by_cli(ingest_settings)
        await caught_up(redis, keyspace, "conductor", "outbox")
    await rebuilt_equals_live(redis, log)
    held = await everything_in(redis)
    assert all(value not in held for value in PERSONAL)


async def test_erasing_twice_records_one_erasure(
    stack: Stack, ingest_settings: IngestSettings, log: EventLog
) -> None:
    await register_and_book(stack)
    assert (await erase_by_cli(ingest_settings))[0] == 0
    assert (await erase_by_cli(ingest_settings))[0] == 1
    history = await log.chat_history(SUBJECT)
    assert [r for r in history if isinstance(r.envelope.event, SubjectErased)] == history[-1:]


async def test_after_erasure_the_conductor_starts_a_new_conversation(
    stack: Stack, redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings
) -> None:
    phone = await register_and_book(stack)
    await erase_by_cli(ingest_settings)
    await groups_caught_up(redis, keyspace, "conductor")
    partition = keyspace.partition_of(SUBJECT)
    assert await redis.get(snapshot_key(keyspace, partition, SUBJECT)) is None
    assert "privacidade" in (await phone.say("oi de novo")).lower()


async def test_an_append_sealed_with_a_key_erased_meanwhile_is_sealed_again(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await log.append(message(chat="c1", text="antes"), idempotency_key="m1")
    elsewhere = EventLog(redis, keyspace)  # another process erases; this one's cache is stale
    await erase_subject(elsewhere, ReadModels(redis, keyspace), "c1",
                        ErasureReason.SUBJECT_REQUEST, "dpo")  # fmt: skip
    await log.append(message(chat="c1", text="depois", message_id="m2"), idempotency_key="m2")
    history = await log.chat_history("c1")
    assert [(r.erased, getattr(r.envelope.event, "text", None)) for r in history] == [
        (True, ""),
        (False, None),  # the erasure itself
        (False, "depois"),
    ]
    assert await SubjectKeys(redis, keyspace).for_reading(keyspace.partition_of("c1"), ["c1"])
