"""No personal data in clear at rest: the log, the conversation snapshots and the read
models hold a person's name, words and number only sealed with their subject key, and
that key only wrapped with the key-encryption key, which Redis never holds."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import cast

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.key_wrapping import KeyEncryptionKey, KeyRing, new_kek_text
from services.actions.aof_rewrite import rewrite_if_requested
from services.actions.erasure import ErasureReason, erase_subject
from services.domain import chats
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET
from services.projector.store import ReadModels
from services.runtime.embedded_redis import RedisServer
from tests.support.projecting import caught_up, projecting
from tests.support.redis_contents import aof_files, aof_rewritten, everything_in
from tests.support.whole_stack import Phone, Stack

NUMBER = "5511966660077"
SUBJECT = chats.chat_key(DEVELOPMENT_CHAT_KEY_SECRET.encode(), "default", f"{NUMBER}@c.us")
NAME = "Ermelinda Vasconcelos"
WORDS = ("oi, sou vizinha da padaria Brasilândia", "sim", NAME, "marcar amanhã às 15h", "sim")
PERSONAL = (NUMBER.encode(), b"Ermelinda", b"Vasconcelos", b"Brasil", "Brasilândia".encode())


@pytest.fixture
def subject_key_ring(tmp_path: Path) -> KeyRing:
    """The whole stack wraps its subject keys, as every service does."""
    path = tmp_path / "subject-key-kek"
    path.write_text(new_kek_text())
    return KeyRing(KeyEncryptionKey.from_file(path))


async def a_dialogue(stack: Stack, redis: Redis, keyspace: Keyspace, keys: KeyRing) -> None:
    http, sim_url, _ = stack
    async with projecting(redis, keyspace, keys):
        phone = Phone(http, sim_url, NUMBER)
        for text in WORDS:
            await phone.say(text)
        await caught_up(redis, keyspace, "conductor", "outbox")


async def test_after_a_dialogue_no_name_text_or_number_is_in_clear_anywhere_in_redis(
    stack: Stack, redis: Redis, keyspace: Keyspace, subject_key_ring: KeyRing
) -> None:
    await a_dialogue(stack, redis, keyspace, subject_key_ring)
    held = await everything_in(redis)
    for value in PERSONAL:
        assert value not in held, value
    log = EventLog(redis, keyspace, keys=subject_key_ring)
    session = await ReadModels(redis, keyspace, log.subject_keys).session(SUBJECT)
    assert session is not None and session.conversation.name == NAME
    assert session.conversation.chat_id == f"{NUMBER}@c.us"


@pytest.mark.single_redis("reads the AOF files of the test's redis-server")
async def test_after_a_dialogue_no_name_text_or_number_is_in_clear_in_the_aof_files(
    stack: Stack,
    redis: Redis,
    keyspace: Keyspace,
    redis_server: RedisServer,
    subject_key_ring: KeyRing,
) -> None:
    await a_dialogue(stack, redis, keyspace, subject_key_ring)
    held = aof_files(redis_server.directory)  # the test Redis keeps an AOF, every command it ran
    assert SUBJECT.encode() in held  # the dialogue's writes are in it, under its chat key
    for value in PERSONAL:
        assert value not in held, value


async def test_after_a_dialogue_redis_holds_the_subject_key_only_wrapped(
    stack: Stack, redis: Redis, keyspace: Keyspace, subject_key_ring: KeyRing
) -> None:
    await a_dialogue(stack, redis, keyspace, subject_key_ring)
    partition = keyspace.partition_of(SUBJECT)
    log = EventLog(redis, keyspace, keys=subject_key_ring)
    subject_key = (await log.subject_keys.for_reading(partition, [SUBJECT]))[SUBJECT]
    assert subject_key not in await everything_in(redis)


@pytest.mark.single_redis("reads the AOF files of the test's redis-server")
@pytest.mark.timeout(60)
async def test_after_an_erasure_and_the_rewrite_the_aof_holds_no_key_of_the_subject(
    stack: Stack,
    redis: Redis,
    keyspace: Keyspace,
    redis_server: RedisServer,
    subject_key_ring: KeyRing,
) -> None:
    await a_dialogue(stack, redis, keyspace, subject_key_ring)
    log = EventLog(redis, keyspace, keys=subject_key_ring)
    store = keyspace.subject_keys(keyspace.partition_of(SUBJECT))
    stored = cast(bytes, await redis.hget(store, SUBJECT))
    models = ReadModels(redis, keyspace, log.subject_keys)
    assert await erase_subject(log, models, SUBJECT, ErasureReason.SUBJECT_REQUEST, "dpo")
    assert await rewrite_if_requested(redis, keyspace, every_s=600)
    await aof_rewritten(redis)
    for _ in range(400):  # Redis drops the old files right after switching to the new
        if stored not in aof_files(redis_server.directory):
            break
        await asyncio.sleep(0.05)
    held = aof_files(redis_server.directory)
    assert stored not in held
    for value in PERSONAL:
        assert value not in held, value
