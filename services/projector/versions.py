"""The versions of a read model: what a replay builds beside the one in service, and
what must go once a version is retired (its keys hold personal data; its consumer group
would show as lag and hold back archiving)."""

from __future__ import annotations

import contextlib
import re

from redis.exceptions import ResponseError

from events import Keyspace
from events.codec import as_text
from events.redis_client import RedisClient
from services.projector.projections import group_of
from services.projector.store import ReadModelKeys


async def drop_version(redis: RedisClient, keyspace: Keyspace, name: str, version: int) -> int:
    """Remove a version's keys and its consumer group on every partition; keys removed."""
    dropped = 0
    async for key in redis.scan_iter(match=ReadModelKeys(keyspace, version).pattern(name),
                                     count=1000):  # fmt: skip
        dropped += await redis.unlink(key)
    for partition in keyspace.all_partitions():
        with contextlib.suppress(ResponseError):  # no such stream or group
            await redis.xgroup_destroy(keyspace.stream(partition), group_of(name, version))
    return dropped


async def retired_versions(
    redis: RedisClient, keyspace: Keyspace, name: str, current: int
) -> set[int]:
    """Versions older than ``current`` that still have keys or a consumer group: what an
    interrupted replay, or a projector that had not yet moved over, left behind."""
    found: set[int] = set()
    group = re.compile(re.escape(group_of(name, 0)).removesuffix("0") + r"(\d+)$")
    for partition in keyspace.all_partitions():
        try:
            groups = await redis.xinfo_groups(keyspace.stream(partition))
        except ResponseError:  # no such stream yet
            continue
        found |= {int(m[1]) for g in groups if (m := group.match(as_text(g["name"])))}
    key = re.compile(rf".*:rm:{re.escape(name)}:v(\d+):")
    every_version = ReadModelKeys.every_version_pattern(keyspace, name)
    async for found_key in redis.scan_iter(match=every_version, count=1000):
        if (m := key.match(as_text(found_key))) is not None:
            found.add(int(m[1]))
    return {version for version in found if version < current}
