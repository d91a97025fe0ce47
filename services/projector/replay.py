"""Replaying read models: rebuild the next version of each from the log, switch to it.

For each projection: note where every partition's log ends now (the boundary), start the
next version's consumer group at that boundary, rebuild the next version from the first
entry up to it while the current version keeps serving, then switch the version pointer
in one SET. Running projectors follow the pointer and continue the new version from the
boundary, so nothing is applied twice or skipped. Each projector removes the old
version as it moves over; after a grace period the replay removes what is left.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from events import EventLog
from events.redis_client import RedisClient
from services.projector.projections import group_of
from services.projector.rebuild import boundaries, rebuild
from services.projector.store import ReadModelKeys, current_version, version_key
from services.projector.versions import drop_version, retired_versions


@dataclass(frozen=True, slots=True)
class Replayed:
    name: str
    old: int
    new: int


async def replay_projections(
    redis: RedisClient,
    log: EventLog,
    zone: ZoneInfo,
    names: Sequence[str],
    grace_s: float,
    on_progress: Callable[[int], None] | None = None,
) -> tuple[list[Replayed], int]:
    """Rebuild each projection into its next version, in one pass over the log, and switch
    to them: what was switched, and the number of entries read (``on_progress`` hears
    the count now and then)."""
    switched: list[Replayed] = []
    until = await boundaries(log)
    for name in names:
        old = await current_version(redis, log.keyspace, name)
        for retired in await retired_versions(redis, log.keyspace, name, old):
            await drop_version(redis, log.keyspace, name, retired)
        new_keys = ReadModelKeys(log.keyspace, old + 1)
        # Leftovers of an interrupted replay.
        await drop_version(redis, log.keyspace, name, new_keys.version)
        for partition, last in until.items():
            await redis.xgroup_create(
                log.keyspace.stream(partition), group_of(name, old + 1), id=last, mkstream=True
            )
        switched.append(Replayed(name, old, old + 1))
    versions = {r.name: ReadModelKeys(log.keyspace, r.new) for r in switched}
    read = await rebuild(log, versions, zone, until, on_progress)
    for r in switched:
        await redis.set(version_key(log.keyspace, r.name), r.new)
    try:
        await asyncio.sleep(grace_s)  # projectors move over; readers finish with the old one
    finally:  # interrupted too: the old version is retired, and must not linger
        for r in switched:
            await drop_version(redis, log.keyspace, r.name, r.old)
    return switched, read
