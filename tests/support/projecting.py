"""A projector running beside a test, and a way to wait until it has read everything."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import cast
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.consumer import SubscriptionOptions
from events.key_wrapping import KeyRing
from events.lag import group_positions
from events.redis_client import RedisClient
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET
from services.domain.name_index import index_key
from services.projector.main import ProjectorService
from services.projector.projections import PROJECTIONS, group_of
from services.projector.rebuild import boundaries, rebuild
from services.projector.store import ReadModelKeys, current_version

SP = ZoneInfo("America/Sao_Paulo")
# The name index's key as a development deployment derives it (the console's tests' too).
NAME_INDEX_KEY = index_key(DEVELOPMENT_CHAT_KEY_SECRET.encode())
FAST = SubscriptionOptions(block_ms=50, rebalance_interval_s=0.05)


@contextlib.asynccontextmanager
async def projecting(
    redis: RedisClient, keyspace: Keyspace, keys: KeyRing | None = None
) -> AsyncIterator[None]:
    service = ProjectorService(redis, keyspace, SP, "p1", options=FAST, poll_s=0.05, keys=keys,
                               name_index_key=NAME_INDEX_KEY)  # fmt: skip
    task = asyncio.create_task(service.run())
    try:
        yield
    finally:
        service.stop()
        await task


async def caught_up(redis: RedisClient, keyspace: Keyspace, *others: str) -> None:
    """Until every projection's group in service, and the ``others``, have read and
    acknowledged everything."""
    versions = [await current_version(redis, keyspace, name) for name in PROJECTIONS]
    projections = [group_of(name, v) for name, v in zip(PROJECTIONS, versions, strict=True)]
    await groups_caught_up(redis, keyspace, *projections, *others)


async def entries_behind(redis: RedisClient, keyspace: Keyspace, *groups: str) -> int:
    """Entries not yet read or not yet acknowledged, summed over ``groups`` and partitions
    (a group not created yet has everything still to read)."""
    behind = 0
    for partition in keyspace.all_partitions():
        stream = keyspace.stream(partition)
        positions = {p.group: p for p in await group_positions(redis, stream)}
        for name in groups:
            position = positions.get(name)
            behind += position.behind if position else await redis.xlen(stream)
    return behind


async def groups_caught_up(
    redis: RedisClient, keyspace: Keyspace, *groups: str, within_s: float = 20
) -> None:
    """Until each of the consumer ``groups`` has read and acknowledged everything."""
    for _ in range(int(within_s / 0.05)):
        if await entries_behind(redis, keyspace, *groups) == 0:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{', '.join(groups)}: not caught up")


async def read_model_contents(redis: Redis, keys: ReadModelKeys) -> dict[str, object]:
    """Every key of one version of every projection, named without the version, with its
    content: what two builds of the read models must agree on."""
    contents: dict[str, object] = {}
    for name in PROJECTIONS:
        async for raw in redis.scan_iter(match=keys.pattern(name), count=1000):
            key = raw.decode()
            kind = cast(bytes, await redis.type(key)).decode()
            if kind == "string":
                value: object = await redis.get(key)
            elif kind == "list":
                value = await redis.lrange(key, 0, -1)
            elif kind == "zset":
                value = await redis.zrange(key, 0, -1, withscores=True)
            else:
                raise AssertionError(f"{key}: a {kind} no projection writes")
            contents[key.replace(f":v{keys.version}:", ":v*:")] = value
    return contents


async def rebuilt_equals_live(redis: Redis, log: EventLog) -> None:
    """Rebuild every projection from the log into a fresh version and check that it holds
    exactly what the projections in service hold."""
    keyspace = log.keyspace
    live = {name: await current_version(redis, keyspace, name) for name in PROJECTIONS}
    assert len(set(live.values())) == 1, "projections in service at different versions"
    in_service = ReadModelKeys(keyspace, next(iter(live.values())))
    fresh = ReadModelKeys(keyspace, in_service.version + 100)
    await rebuild(log, dict.fromkeys(PROJECTIONS, fresh), SP, await boundaries(log))
    rebuilt, live = (
        await read_model_contents(redis, fresh),
        await read_model_contents(redis, in_service),
    )
    differ = {k for k in rebuilt.keys() | live.keys() if rebuilt.get(k) != live.get(k)}
    assert not differ, [(k, live.get(k), rebuilt.get(k)) for k in sorted(differ)[:3]]
