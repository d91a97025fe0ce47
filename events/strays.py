"""Claiming a partition's pending entries: all of them when an owner takes over, and
later the strays — entries pending under another consumer of the group while this one
holds the lease.

A stray is read by a consumer that still believed it held the lease after the owner took
over: its lease lapsed while Redis was away and it had not noticed yet, or a failover lost
its last renewal (replication is asynchronous), so the new primary let another take the
lease while the old owner went on reading. Reading is not fenced (only commits are): the
old owner gets entries it can never commit, and the owner, which claimed the pending
entries only when it took over, never sees them. Its group would never catch up.

So the owner asks, with every read and in the read's own round trip (XPENDING's summary
after XREADGROUP, one pipeline on one node), whether another consumer holds entries, and
claims them before dispatching what it read: a stray was delivered before the entries
read after it, so each chat's order holds.
"""

from __future__ import annotations

from typing import Any, cast

from events.codec import as_text
from events.redis_client import RedisClient
from events.wanted_reads import WantedReads

Claimed = list[tuple[str, dict[bytes, bytes]]]


async def read_new(
    redis: RedisClient,
    stream: str,
    group: str,
    me: str,
    *,
    count: int,
    block_ms: int,
    wanted: WantedReads | None = None,
) -> tuple[list[Any], bool]:
    """New entries for ``me`` (XREADGROUP ``>``), and whether the group has entries pending
    under another consumer. With ``wanted``, only the entries it handles come back (the
    others acknowledged), and the read blocks only when nothing new was there."""
    if wanted is not None:
        read, entries, strays = await wanted.read(stream, me, count)
        if read:  # none wanted among them, maybe: the caller reads again, without waiting
            return [[stream, entries]], strays
    async with redis.pipeline(transaction=False) as pipe:
        pipe.xreadgroup(group, me, {stream: ">"}, count=count, block=block_ms)
        pipe.xpending(stream, group)
        reply, summary = await pipe.execute()
    return cast(list[Any], reply) or [], has_strays(summary, me)


def has_strays(summary: dict[str, Any], me: str) -> bool:
    """Whether XPENDING's summary shows entries pending under a consumer other than ``me``."""
    mine = me.encode()
    return any(
        consumer["name"] != mine and int(consumer["pending"]) > 0
        for consumer in summary.get("consumers") or []
    )


async def claim_pending(
    redis: RedisClient, stream: str, group: str, me: str, *, count: int
) -> Claimed:
    """Claim every pending entry of the group for ``me``, oldest first (XAUTOCLAIM, no
    wait for idleness: holding the lease, the previous reader can no longer commit); the
    entries with their fields. Entries deleted from the stream meanwhile are acknowledged."""
    claimed: Claimed = []
    start = "0-0"
    while True:
        next_start, entries, deleted = await redis.xautoclaim(
            stream, group, me, min_idle_time=0, start_id=start, count=count
        )
        if deleted:
            await redis.xack(stream, group, *deleted)
        claimed += [
            (as_text(entry_id), fields) for entry_id, fields in entries if fields is not None
        ]
        start = as_text(next_start)
        if start == "0-0":
            return claimed
