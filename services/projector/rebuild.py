"""Rebuilding a read-model version from the log, from the first entry on."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from events import EventLog
from services.projector.service import Projector
from services.projector.store import ReadModelKeys


async def rebuild(redis: Redis, log: EventLog, keys: ReadModelKeys, zone: ZoneInfo) -> int:
    """Project every entry into the ``keys`` version, in log order; the entries applied.

    Each chat's entries are in one partition, in order, so projecting partition by
    partition gives every view exactly the history the live projector saw.
    """
    projector = Projector(redis, keys, zone)
    applied = 0
    async for record in log.scan():
        commands = await projector(record)
        if commands:
            async with redis.pipeline(transaction=True) as pipe:
                for command in commands:
                    pipe.execute_command(*command)
                await pipe.execute()
        applied += 1
    return applied
