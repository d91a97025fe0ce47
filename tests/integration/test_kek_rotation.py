"""Rotating the key-encryption key: with the new key current and the old one previous,
``wsm keys rewrap`` wraps every subject key anew, and then the old key is not needed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace, MessageReceived
from events.key_wrapping import KeyEncryptionKey, KeyRing, new_kek_text
from events.log import WrongKeyEncryptionKey
from services.cli.keys import rewrap
from tests.support.factories import message


def kek_file(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_text(new_kek_text())
    return path


def ring(*files: Path) -> KeyRing:
    current, *previous = (KeyEncryptionKey.from_file(path) for path in files)
    return KeyRing(current, previous)


async def texts(log: EventLog) -> dict[str, str]:
    return {
        record.chat: record.envelope.event.text
        async for record in log.scan()
        if isinstance(record.envelope.event, MessageReceived)
    }


async def rotate(redis_url: str, new: Path, old: Path) -> str:
    out = io.StringIO()
    env = {
        "REDIS_URL": redis_url,
        "PARTITIONS": "4",
        "SUBJECT_KEY_KEK_FILE": str(new),
        "SUBJECT_KEY_PREVIOUS_KEK_FILE": str(old),
    }
    assert await rewrap(env, out) == 0
    return out.getvalue()


async def test_after_a_rewrap_the_new_kek_alone_opens_every_subject(
    redis: Redis, keyspace: Keyspace, redis_url: str, tmp_path: Path
) -> None:
    old, new = kek_file(tmp_path, "old"), kek_file(tmp_path, "new")
    before = EventLog(redis, keyspace, keys=ring(old))
    await before.ensure_layout()
    for chat in ("c1", "c2", "c3"):
        await before.append(message(chat, f"oi de {chat}"))
    assert "re-wrapped 3 subject keys" in await rotate(redis_url, new, old)
    after = EventLog(redis, keyspace, keys=ring(new))
    await after.check_layout()
    assert await texts(after) == {"c1": "oi de c1", "c2": "oi de c2", "c3": "oi de c3"}
    with pytest.raises(WrongKeyEncryptionKey):
        await EventLog(redis, keyspace, keys=ring(old)).check_layout()


async def test_keys_stored_before_keys_were_wrapped_are_wrapped_by_a_rewrap(
    redis: Redis, keyspace: Keyspace, redis_url: str, tmp_path: Path
) -> None:
    unwrapped = EventLog(redis, keyspace)
    await unwrapped.ensure_layout()
    await unwrapped.append(message("c1", "oi"))
    stored = await redis.hget(keyspace.subject_keys(keyspace.partition_of("c1")), "c1")
    new = kek_file(tmp_path, "new")
    assert "re-wrapped 1 subject keys" in await rotate(redis_url, new, new)
    assert await redis.hget(keyspace.subject_keys(keyspace.partition_of("c1")), "c1") != stored
    assert await texts(EventLog(redis, keyspace, keys=ring(new))) == {"c1": "oi"}


async def test_a_rewrap_brings_no_erased_key_back(
    redis: Redis, keyspace: Keyspace, log: EventLog, redis_url: str, tmp_path: Path
) -> None:
    old, new = kek_file(tmp_path, "old"), kek_file(tmp_path, "new")
    before = EventLog(redis, keyspace, keys=ring(old))
    for chat in ("c1", "c2"):
        await before.append(message(chat, "oi"))
    await redis.hdel(keyspace.subject_keys(keyspace.partition_of("c2")), "c2")  # erased
    assert "re-wrapped 1 subject keys" in await rotate(redis_url, new, old)
    assert await texts(EventLog(redis, keyspace, keys=ring(new))) == {"c1": "oi", "c2": ""}


async def test_a_key_wrapped_with_a_kek_not_given_stops_the_rewrap_naming_the_settings(
    redis: Redis, keyspace: Keyspace, redis_url: str, tmp_path: Path
) -> None:
    lost, old, new = (kek_file(tmp_path, name) for name in ("lost", "old", "new"))
    await EventLog(redis, keyspace, keys=ring(lost)).append(message("c1", "oi"))
    await EventLog(redis, keyspace, keys=ring(old)).append(message("c2", "oi"))
    with pytest.raises(WrongKeyEncryptionKey, match="SUBJECT_KEY_PREVIOUS_KEK_FILE"):
        await rotate(redis_url, new, old)
