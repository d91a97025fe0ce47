"""The right to erasure: crypto-shredding in the log, and every consumer dropping what it
derived from the person, with the facts (and a replay) intact."""

from __future__ import annotations

import argparse
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.schema import CANCELLED_ON_ERASURE, AppointmentCancelled, SubjectErased
from events.subject_keys import SubjectKeys
from services.actions.erasure import ErasureReason, erase_subject
from services.cli.lgpd import erase
from services.conductor.handler import snapshot_key
from services.conductor.reminders import timer_payloads_key, timers_key
from services.domain import chats
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET
from services.domain.embedded_calendar import EmbeddedCalendar
from services.ingest.settings import IngestSettings
from services.projector.store import ReadModels
from tests.support.cli import operator_env
from tests.support.factories import message
from tests.support.projecting import caught_up, groups_caught_up, projecting, rebuilt_equals_live
from tests.support.redis_contents import everything_in
from tests.support.whole_stack import Phone, Stack

# The main flows, on a single Redis and on a Redis Cluster in every run.
pytestmark = pytest.mark.on_cluster_too

NUMBER = "5511977770042"
SUBJECT = chats.chat_key(DEVELOPMENT_CHAT_KEY_SECRET.encode(), "default", f"{NUMBER}@c.us")
NAME = "Joaquina Albuquerque"
FIRST_WORDS = "oi, moro na rua Pitangueiras"
PERSONAL = (NUMBER.encode(), b"Joaquina", b"Albuquerque", b"Pitangueiras")
CALENDAR = "wsm:{cal}:*"


async def register_and_book(stack: Stack) -> Phone:
    http, sim_url, _ = stack
    phone = Phone(http, sim_url, NUMBER)
    for text in (FIRST_WORDS, "sim", NAME, "marcar amanhã às 15h", "sim"):
        await phone.say(text)
    return phone


async def erase_by_cli(ingest_settings: IngestSettings) -> tuple[int, str]:
    out = io.StringIO()
    env = operator_env(ingest_settings.store.redis_url, USER="dpo")
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
        await caught_up(redis, keyspace, "conductor")
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
    [kept] = await models.appointments_on(date(2026, 11, 25))  # the clinic's record of it
    assert kept.subject == "" and kept.status == "cancelled"


async def test_a_replay_after_erasure_equals_the_live_models(
    stack: Stack, redis: Redis, keyspace: Keyspace, log: EventLog, ingest_settings: IngestSettings
) -> None:
    async with projecting(redis, keyspace):
        await register_and_book(stack)
        await erase_by_cli(ingest_settings)
        await caught_up(redis, keyspace, "conductor", "outbox")
    models = ReadModels(redis, keyspace)
    [cancelled] = await models.appointments_on(date(2026, 11, 25))  # by the erasure
    assert (cancelled.subject, cancelled.status) == ("", "cancelled")
    await rebuilt_equals_live(redis, log)
    held = await everything_in(redis)
    assert all(value not in held for value in PERSONAL)


async def test_erasing_twice_records_one_erasure_and_changes_nothing_more(
    stack: Stack, ingest_settings: IngestSettings, log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    await register_and_book(stack)
    assert (await erase_by_cli(ingest_settings))[0] == 0
    await groups_caught_up(redis, keyspace, "conductor")
    before = [r.entry_id for r in await log.chat_history(SUBJECT)]
    calendar = await everything_in(redis, CALENDAR)
    assert (await erase_by_cli(ingest_settings))[0] == 1
    await groups_caught_up(redis, keyspace, "conductor")
    history = await log.chat_history(SUBJECT)
    assert [r.entry_id for r in history] == before
    assert sum(isinstance(r.envelope.event, SubjectErased) for r in history) == 1
    assert await everything_in(redis, CALENDAR) == calendar


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


async def test_a_recycled_number_sees_nothing_of_the_previous_owner(
    stack: Stack, redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings
) -> None:
    phone = await register_and_book(stack)
    assert "25/11" in await phone.say("minhas consultas")
    await erase_by_cli(ingest_settings)
    # The number passes to someone else, who writes from it: the same chat key.
    for text in ("oi", "sim", "Benedita Nova"):
        await phone.say(text)
    assert "não tem consultas" in await phone.say("minhas consultas")


async def test_erasure_cancels_the_bookings_ahead_and_their_reminder_timers(
    stack: Stack, redis: Redis, keyspace: Keyspace, log: EventLog, ingest_settings: IngestSettings
) -> None:
    await register_and_book(stack)
    partition = keyspace.partition_of(SUBJECT)
    timers = timers_key(keyspace, partition), timer_payloads_key(keyspace, partition)
    assert await redis.zcard(timers[0]) == 2  # 24 h and 2 h before
    await erase_by_cli(ingest_settings)
    await groups_caught_up(redis, keyspace, "conductor")
    assert (await redis.zcard(timers[0]), await redis.hlen(timers[1])) == (0, 0)
    day = datetime(2026, 11, 25, tzinfo=UTC)
    assert await EmbeddedCalendar(redis).busy(day, day + timedelta(days=1)) == []
    events = [r.envelope.event for r in await log.chat_history(SUBJECT)]
    erased = next(i for i, e in enumerate(events) if isinstance(e, SubjectErased))
    [cancelled] = [e for e in events[erased:] if isinstance(e, AppointmentCancelled)]
    assert cancelled.reason == CANCELLED_ON_ERASURE


async def test_the_calendar_keeps_nothing_that_leads_from_the_chat_key_to_a_booking(
    stack: Stack, redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings
) -> None:
    await register_and_book(stack)
    assert SUBJECT.encode() in await everything_in(redis, CALENDAR)
    await erase_by_cli(ingest_settings)
    await groups_caught_up(redis, keyspace, "conductor")
    assert SUBJECT.encode() not in await everything_in(redis, CALENDAR)
    assert await EmbeddedCalendar(redis).bookings_of(SUBJECT) == []
