"""On a single Redis too, the outbox sends a reply only while its worker holds the
partition's lease: one whose lease lapsed unnoticed leaves the reply to the new owner. The
mark it writes before the send does not stay forever when nobody clears it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestServer

from events import Keyspace
from events.checkpoint import LeaseLost
from events.holding import MARK_TTL_MS, Lease, hold
from events.redis_client import RedisClient
from services.conductor.outbox import Outbox, sending_key
from services.waha.client import WahaClient
from services.waha_sim.app import Simulator, create_app
from tests.support.outbox_records import CHAT, reply_record

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
async def waha() -> AsyncIterator[tuple[Simulator, WahaClient]]:
    simulator = Simulator(webhook_url=None, hmac_key=b"key")
    async with TestServer(create_app(simulator), host="127.0.0.1") as server:
        client = WahaClient(str(server.make_url("")).rstrip("/"), None, backoff_s=0.01)
        yield simulator, client
        await client.close()


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
