"""Subject keys asked for by a partition's lanes at the same moment are read together, each
after it was asked: what Redis holds then, never a key kept from before."""

from __future__ import annotations

import asyncio
import os

from events import Keyspace
from events.key_reads import KeyReads
from events.key_wrapping import KekMismatch, KeyEncryptionKey, KeyRing
from events.redis_client import RedisClient
from events.subject_keys import SubjectKeys

CHATS = ("chat-a", "chat-b")


async def test_keys_asked_for_together_are_each_chats_own(redis: RedisClient) -> None:
    keyspace = Keyspace(partitions=1)
    subject_keys = SubjectKeys(redis, keyspace)
    written = await subject_keys.for_writing(CHATS)
    reads = KeyReads(subject_keys, 0)
    found = await asyncio.gather(*(reads.key_of(chat) for chat in (*CHATS, "chat-never-seen")))
    assert found == [written[CHATS[0]].key, written[CHATS[1]].key, None]


async def test_a_key_erased_before_it_is_asked_for_again_is_not_found(
    redis: RedisClient,
) -> None:
    keyspace = Keyspace(partitions=1)
    subject_keys = SubjectKeys(redis, keyspace)
    await subject_keys.for_writing(CHATS)
    reads = KeyReads(subject_keys, 0)
    assert await reads.key_of(CHATS[0]) is not None
    await redis.hdel(keyspace.subject_keys(0), CHATS[0])
    assert await reads.key_of(CHATS[0]) is None


async def test_a_key_that_does_not_open_fails_only_its_own_chats_read(redis: RedisClient) -> None:
    keyspace = Keyspace(partitions=1)
    ring = KeyRing(KeyEncryptionKey(os.urandom(32)))
    subject_keys = SubjectKeys(redis, keyspace, keys=ring)
    written = await subject_keys.for_writing(CHATS)
    # chat-b's key wrapped with a key-encryption key this process was not given.
    foreign = KeyEncryptionKey(os.urandom(32)).wrap(os.urandom(32), CHATS[1])
    await redis.hset(keyspace.subject_keys(0), CHATS[1], foreign)
    reads = KeyReads(SubjectKeys(redis, keyspace, keys=ring), 0)
    good, bad = await asyncio.gather(
        *(reads.key_of(chat) for chat in CHATS), return_exceptions=True
    )
    assert good == written[CHATS[0]].key
    assert isinstance(bad, KekMismatch)
