"""A consumer killed (SIGKILL) at random moments applies every entry exactly once, in order."""

from __future__ import annotations

import asyncio
import random
import subprocess
import sys
from collections import defaultdict

from redis.asyncio import Redis

from events import EventLog, Keyspace
from services.runtime.embedded_redis import RedisServer
from tests.support.factories import message

ENTRIES = 2000
CHATS = 40


def start_consumer(url: str, name: str) -> subprocess.Popen[bytes]:
    # 30 ms per entry: a chat's 50 entries take 1.5 s, so the kills land mid-run.
    command = [sys.executable, "-m", "tests.support.crashing_consumer", url, name, "0.03"]
    return subprocess.Popen(command)


def applied_key(chat: str) -> str:
    keyspace = Keyspace(partitions=4)
    return keyspace.in_partition(keyspace.partition_of(chat), "applied", chat)


async def all_applied(redis: Redis, keyspace: Keyspace) -> int:
    return sum([await redis.llen(applied_key(f"chat-{chat}")) for chat in range(CHATS)])


async def test_effects_survive_random_kills_exactly_once_and_in_order(
    redis: Redis, redis_server: RedisServer, log: EventLog, keyspace: Keyspace
) -> None:
    rng = random.Random(5)
    expected: dict[str, list[bytes]] = defaultdict(list)
    for i in range(ENTRIES):
        chat = f"chat-{i % CHATS}"
        result = await log.append(message(chat=chat, text=str(i)))
        expected[chat].append(result.entry_id.encode())
    kills = 0
    generation = 0
    consumer = start_consumer(redis_server.url, f"c{generation}")
    try:
        while await all_applied(redis, keyspace) < ENTRIES and kills < 8:
            await asyncio.sleep(rng.uniform(0.3, 0.9))
            consumer.kill()
            consumer.wait()
            kills += 1
            generation += 1
            # Alternate between a restart under the same name and a new replica.
            consumer = start_consumer(redis_server.url, f"c{generation % 2}")
        for _ in range(600):
            if await all_applied(redis, keyspace) >= ENTRIES:
                break
            await asyncio.sleep(0.05)
    finally:
        consumer.kill()
        consumer.wait()
    assert kills >= 3
    for chat, entry_ids in expected.items():
        assert await redis.lrange(applied_key(chat), 0, -1) == entry_ids, chat
    dead_letters = [await redis.xlen(keyspace.dead_letters(p)) for p in range(4)]
    assert dead_letters == [0, 0, 0, 0]


async def test_an_entry_that_kills_every_consumer_ends_in_dead_letters(
    redis: Redis, redis_server: RedisServer, log: EventLog, keyspace: Keyspace
) -> None:
    poison = await log.append(message(chat="chat-0", text="crash"))
    after = await log.append(message(chat="chat-0", text="after"))
    other = await log.append(message(chat="chat-1", text="other"))
    restarts = 0
    consumer = start_consumer(redis_server.url, "c0")
    try:
        for _ in range(600):
            if await all_applied(redis, keyspace) == 2:
                break
            if consumer.poll() is not None:
                restarts += 1
                consumer = start_consumer(redis_server.url, "c0")
            await asyncio.sleep(0.05)
    finally:
        consumer.kill()
        consumer.wait()
    assert await redis.lrange(applied_key("chat-0"), 0, -1) == [after.entry_id.encode()]
    # In flight beside the culprit at every crash, yet never charged for them.
    assert await redis.lrange(applied_key("chat-1"), 0, -1) == [other.entry_id.encode()]
    dead = [entry for p in range(4) for entry in await redis.xrange(keyspace.dead_letters(p))]
    [(_, fields)] = dead
    assert fields[b"source_id"] == poison.entry_id.encode()
    assert b"process may crash" in fields[b"error"]
    assert restarts == 5  # the first delivery and four more attempts
