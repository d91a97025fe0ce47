"""Marks the lanes of a partition write under its lease at the same moment go in one
script call, the lease checked once, each mark answered as it would be alone."""

from __future__ import annotations

import asyncio

import pytest

from events import Keyspace
from events.checkpoint import LeaseLost
from events.holding import Lease, hold
from events.lease_marks import LeaseMarks
from events.redis_client import RedisClient

TOKEN = 7
FIELDS = ("reply-a", "reply-b", "reply-c")


def sending(keyspace: Keyspace) -> str:
    return keyspace.in_partition(0, "sending")


async def mark_all(marks: LeaseMarks, keyspace: Keyspace) -> list[bool | BaseException]:
    return await asyncio.gather(
        *(marks.mark(sending(keyspace), field, "1-1") for field in FIELDS),
        return_exceptions=True,
    )


@pytest.mark.on_cluster_too
async def test_marks_asked_together_each_say_whether_they_were_set_before(
    redis: RedisClient, keyspace: Keyspace
) -> None:
    fence = keyspace.fence(0, "outbox")
    await redis.set(fence, TOKEN)
    await redis.hset(sending(keyspace), FIELDS[1], "1-0")  # an earlier attempt marked it
    hold(Lease(fence, TOKEN))
    assert await mark_all(LeaseMarks(redis), keyspace) == [False, True, False]
    assert sorted(await redis.hkeys(sending(keyspace))) == [f.encode() for f in FIELDS]
    assert await redis.pttl(sending(keyspace)) > 0


@pytest.mark.single_redis("the calls are counted on the one server")
async def test_marks_asked_at_the_same_moment_are_one_script_call(
    redis: RedisClient, keyspace: Keyspace
) -> None:
    fence = keyspace.fence(0, "outbox")
    await redis.set(fence, TOKEN)
    hold(Lease(fence, TOKEN))
    marks = LeaseMarks(redis)
    await marks.mark(sending(keyspace), "first", "1-0")  # the script loaded
    await redis.config_resetstat()
    await mark_all(marks, keyspace)
    stats = await redis.info("commandstats")
    assert stats["cmdstat_evalsha"]["calls"] == 1


async def test_an_owner_fenced_out_marks_nothing(redis: RedisClient, keyspace: Keyspace) -> None:
    fence = keyspace.fence(0, "outbox")
    await redis.set(fence, TOKEN + 1)  # the lease moved on
    hold(Lease(fence, TOKEN))
    outcomes = await mark_all(LeaseMarks(redis), keyspace)
    assert all(isinstance(outcome, LeaseLost) for outcome in outcomes)
    assert await redis.exists(sending(keyspace)) == 0
