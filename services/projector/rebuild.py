"""Rebuilding one projection from the log, from the first entry up to a boundary."""

from __future__ import annotations

from typing import cast

from redis.asyncio import Redis

from events import EventLog
from services.projector.service import Projection


async def boundaries(log: EventLog) -> dict[int, str]:
    """The last entry id of every partition now (``0-0`` for an empty one)."""
    ends: dict[int, str] = {}
    for partition in log.keyspace.all_partitions():
        last = cast(
            list[tuple[bytes, object]],
            await log.redis.xrevrange(log.keyspace.stream(partition), count=1),
        )
        ends[partition] = last[0][0].decode() if last else "0-0"
    return ends


async def rebuild(
    redis: Redis, log: EventLog, projection: Projection, until: dict[int, str]
) -> int:
    """Apply ``projection`` to every entry up to ``until`` (per partition), in log order.

    Each chat lives in one partition, in order, so every view gets exactly the history
    the live projector saw. Returns the number of entries read.
    """
    read = 0
    for partition, last in until.items():
        if last == "0-0":
            continue
        async for record in log.scan([partition], end=last):
            commands = await projection(record)
            if commands:
                async with redis.pipeline(transaction=True) as pipe:
                    for command in commands:
                        pipe.execute_command(*command)
                    await pipe.execute()
            read += 1
    return read
