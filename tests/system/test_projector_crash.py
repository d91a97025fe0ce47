"""A projector killed (SIGKILL) at random moments while the log grows: once restarted and
caught up, its read models equal a fresh rebuild — nothing applied twice, nothing skipped."""

from __future__ import annotations

import asyncio
import os
import random
import secrets
import sys

from redis.asyncio import Redis

from events import EventLog, Keyspace, new_envelope
from events.appending import PendingAppend
from services.projector.projections import PROJECTIONS, group_of
from services.runtime.embedded_redis import RedisServer
from tests.support.factories import clinic_conversation
from tests.support.projecting import groups_caught_up, rebuilt_equals_live

PEOPLE = 250  # x 20 events = 5,000


async def start_projector(url: str, name: str) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "REDIS_URL": url,
        "PARTITIONS": "4",
        "CHAT_KEY_SECRET": secrets.token_hex(32),
    }
    command = ("-m", "services.cli", "--log-level", "ERROR", "projector", "--name", name)
    return await asyncio.create_subprocess_exec(sys.executable, *command, env=env)


async def write_conversations(log: EventLog, pace_s: float) -> None:
    """Every person's conversation, 25 people talking at a time, a step every ``pace_s``."""
    for first in range(0, PEOPLE, 25):
        talks = [(f"c{n:032x}", clinic_conversation(n)) for n in range(first, first + 25)]
        for step in range(len(talks[0][1])):
            batch = [new_envelope(said[step], chat=chat, session="default") for chat, said in talks]
            for result in await log.append_many([PendingAppend(e) for e in batch]):
                assert not isinstance(result, Exception), result
            await asyncio.sleep(pace_s)


async def test_read_models_equal_a_rebuild_after_random_kills(
    redis: Redis, redis_server: RedisServer, log: EventLog, keyspace: Keyspace
) -> None:
    rng = random.Random(11)
    writing = asyncio.create_task(write_conversations(log, pace_s=0.02))
    projector = await start_projector(redis_server.url, "projector-0")
    kills = 0
    try:
        while not writing.done() or kills < 4:
            await asyncio.sleep(rng.uniform(0.3, 1.2))
            projector.kill()
            await projector.wait()
            kills += 1
            # Alternate between a restart under the same name and a new replica.
            projector = await start_projector(redis_server.url, f"projector-{kills % 2}")
        await writing
        groups = [group_of(name, 1) for name in PROJECTIONS]
        await groups_caught_up(redis, keyspace, *groups, within_s=120)
    finally:
        projector.kill()
        await projector.wait()
    assert sum([await redis.xlen(keyspace.stream(p)) for p in range(4)]) == PEOPLE * 20
    assert [await redis.xlen(keyspace.dead_letters(p)) for p in range(4)] == [0] * 4
    await rebuilt_equals_live(redis, log)
