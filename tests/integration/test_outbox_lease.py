"""On a single Redis too, the outbox sends a reply only while its worker holds the
partition's lease: one whose lease lapsed unnoticed leaves the reply to the new owner. The
mark it writes before the send does not stay forever when nobody clears it."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from events import EventLog, Keyspace, Record, new_envelope
from events.checkpoint import Command, LeaseLost
from events.consumer import SubscriptionOptions
from events.holding import MARK_TTL_MS, Lease, hold
from events.redis_client import RedisClient
from events.schema import ReplyRequested
from events.subscription import Subscription
from services.conductor.outbox import Outbox, sending_key
from services.waha.client import WahaClient
from services.waha_sim.app import Simulator
from tests.support.outbox_records import CHAT, reply_record

pytestmark = pytest.mark.timeout(60)


def sent(simulator: Simulator) -> list[object]:
    return [m for m in simulator.messages[("default", CHAT)] if m["fromMe"]]


async def test_a_worker_whose_lease_was_taken_does_not_send_on_a_single_redis(
    redis: RedisClient, keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    fence = keyspace.fence(0, "outbox")
    await redis.set(fence, 2)  # the lease lapsed and was taken anew: token 2
    hold(Lease(fence, 1))
    with pytest.raises(LeaseLost):
        await Outbox(keyspace, client, redis=redis)(reply_record())
    assert not sent(simulator)
    assert not await redis.exists(sending_key(keyspace, 0))


async def test_a_worker_holding_its_lease_sends_and_clears_the_mark_in_the_commit(
    redis: RedisClient, keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    fence = keyspace.fence(0, "outbox")
    await redis.set(fence, 1)
    hold(Lease(fence, 1))
    effects = await Outbox(keyspace, client, redis=redis)(reply_record())
    assert len(sent(simulator)) == 1
    mark = sending_key(keyspace, 0)
    assert await redis.hexists(mark, "r1")
    assert ("HDEL", mark, "r1") in effects


async def test_a_mark_nobody_clears_lasts_only_the_marks_lifetime(
    redis: RedisClient, keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    _, client = waha
    fence = keyspace.fence(0, "outbox")
    await redis.set(fence, 1)
    hold(Lease(fence, 1))
    await Outbox(keyspace, client, redis=redis)(reply_record())  # its commit never comes
    lifetime = await redis.pttl(sending_key(keyspace, 0))
    assert 0 < lifetime <= MARK_TTL_MS


class FailingAfterTheSend:
    """The outbox, failing each time after the send (as a commit that never lands would)."""

    def __init__(self, outbox: Outbox) -> None:
        self.outbox = outbox

    async def __call__(self, record: Record) -> Sequence[Command]:
        await self.outbox(record)
        raise RuntimeError("the outcome is never committed")

    def given_up(self, record: Record) -> Sequence[Command]:
        return self.outbox.given_up(record)


async def test_a_dead_lettered_replys_sending_mark_is_cleared(
    redis: RedisClient, log: EventLog, keyspace: Keyspace, waha: tuple[Simulator, WahaClient]
) -> None:
    _, client = waha
    reply = ReplyRequested(reply_id="r9", chat_id=CHAT, text="Olá!", in_reply_to=None)
    await log.append(new_envelope(reply, chat="chat-key", session="default"))
    mark = sending_key(keyspace, keyspace.partition_of("chat-key"))
    options = SubscriptionOptions(block_ms=50, retry_base_s=0.01, retry_cap_s=0.05,
                                  rebalance_interval_s=0.05, max_attempts=2)  # fmt: skip
    handler = FailingAfterTheSend(Outbox(keyspace, client, redis=redis))
    outbox = Subscription(redis, keyspace, group="outbox", consumer="c1", handler=handler,
                          types=Outbox.TYPES, options=options)  # fmt: skip
    running = asyncio.create_task(outbox.run())
    try:
        dead = keyspace.dead_letters(keyspace.partition_of("chat-key"))
        for _ in range(500):
            if await redis.xlen(dead) and not await redis.hexists(mark, "r9"):
                break
            await asyncio.sleep(0.02)
        assert await redis.xlen(dead) == 1
        assert not await redis.exists(mark)  # marked at each attempt, cleared at the end
    finally:
        outbox.stop()
        await running
