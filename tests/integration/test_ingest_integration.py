"""Ingest under concurrency, duplicates, reordering and a Redis outage, all on real Redis."""

from __future__ import annotations

import asyncio
import json
import random
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer
from redis.asyncio import Redis

from events import EventLog, MessageReceived
from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from services.runtime.embedded_redis import RedisServer
from services.runtime.store import StoreSettings
from tests.support.waha import HMAC_KEY, encode, signed_headers, text_message

# The main flows, on a single Redis and on a Redis Cluster in every run.
pytestmark = pytest.mark.on_cluster_too

CHATS = 50
WEBHOOKS = 1000
DUPLICATE_SHARE = 0.3


def chat_id(n: int) -> str:
    return f"55119{n:08d}@c.us"


def deliveries(seed: int) -> dict[str, list[bytes]]:
    """Per chat, the bodies WAHA posts: unique messages with retries mixed in later."""
    rng = random.Random(seed)
    unique = int(WEBHOOKS * (1 - DUPLICATE_SHARE))
    per_chat: dict[str, list[bytes]] = defaultdict(list)
    bodies = []
    for n in range(unique):
        chat = chat_id(n % CHATS)
        # Timestamps deliberately disagree with the delivery order.
        body = encode(text_message(f"M{n}", chat=chat, body=f"msg {n}",
                                   timestamp=1764000000 + rng.randrange(10_000)))  # fmt: skip
        per_chat[chat].append(body)
        bodies.append((chat, body))
    for chat, body in rng.sample(bodies, WEBHOOKS - unique):
        position = rng.randrange(per_chat[chat].index(body) + 1, len(per_chat[chat]) + 1)
        per_chat[chat].insert(position, body)
    return per_chat


async def deliver_until_accepted(session: ClientSession, url: str, body: bytes) -> dict[str, Any]:
    """Post like WAHA does: retry until the gateway answers 200."""
    while True:
        try:
            async with session.post(url, data=body, headers=signed_headers(body)) as response:
                if response.status == 200:
                    answer: dict[str, Any] = await response.json()
                    return answer
                assert response.status == 503, await response.text()
        except OSError:
            pass
        await asyncio.sleep(0.05)


async def deliver_all(url: str, per_chat: dict[str, list[bytes]]) -> dict[str, list[str]]:
    """Chats concurrently, each chat's webhooks one after another; returns, per chat, the
    bodies in the order they were first acknowledged."""
    accepted: dict[str, list[str]] = defaultdict(list)

    async def one_chat(session: ClientSession, chat: str, bodies: list[bytes]) -> None:
        answered: set[bytes] = set()
        for body in bodies:
            answer = await deliver_until_accepted(session, url, body)
            # A first answer of "duplicate" means an attempt whose answer was lost (Redis
            # died after appending, before replying) did append it: it is in the log.
            if body not in answered:
                assert answer["status"] in ("accepted", "duplicate"), answer
                accepted[chat].append(body.decode())
            answered.add(body)

    async with ClientSession() as session:
        await asyncio.gather(*(one_chat(session, c, b) for c, b in per_chat.items()))
    return accepted


def text_of(body: str) -> str:
    return str(json.loads(body)["payload"]["body"])


async def logged_texts(log: EventLog) -> dict[str, list[str]]:
    by_chat: dict[str, list[str]] = defaultdict(list)
    async for record in log.scan():
        event = record.envelope.event
        assert isinstance(event, MessageReceived)
        by_chat[event.chat_id].append(event.text)
    return by_chat


@pytest.fixture
async def gateway_url(redis: Redis, ingest_settings: IngestSettings) -> AsyncIterator[str]:
    async with TestServer(create_app(ingest_settings, redis=redis)) as server:
        yield str(server.make_url("/webhooks/waha"))


async def test_concurrent_duplicated_reordered_webhooks_yield_each_message_once_in_order(
    gateway_url: str, log: EventLog
) -> None:
    per_chat = deliveries(seed=7)
    accepted = await deliver_all(gateway_url, per_chat)
    logged = await logged_texts(log)
    assert sum(map(len, logged.values())) == int(WEBHOOKS * (1 - DUPLICATE_SHARE))
    for chat in per_chat:
        assert logged[chat] == [text_of(body) for body in accepted[chat]]


async def test_simultaneous_retries_of_one_message_yield_one_event(
    gateway_url: str, log: EventLog
) -> None:
    body = encode(text_message("SAME"))
    async with ClientSession() as session:
        answers = await asyncio.gather(
            *(deliver_until_accepted(session, gateway_url, body) for _ in range(30))
        )
    assert [a["status"] for a in answers].count("accepted") == 1
    assert len({a["id"] for a in answers}) == 1


@pytest.mark.parametrize(("fsync", "stop"), [("everysec", "stop"), ("always", "kill")])
async def test_messages_accepted_across_a_redis_outage_are_all_in_the_log(
    tmp_path: Path, fsync: str, stop: str
) -> None:
    server = RedisServer(tmp_path / "redis", appendfsync=fsync)
    server.start()
    settings = IngestSettings(
        hmac_keys=(HMAC_KEY,), store=StoreSettings(redis_url=server.url, partitions=4)
    )
    redis = Redis.from_url(server.url, socket_timeout=2, socket_connect_timeout=1)
    per_chat = deliveries(seed=11)
    log = EventLog(redis, settings.store.keyspace)
    refused = 0
    logged_before_outage = 0

    async def outage(url: str) -> None:
        nonlocal refused, logged_before_outage
        while logged_before_outage < 200:
            await asyncio.sleep(0.01)
            logged_before_outage = sum([await redis.xlen(log.keyspace.stream(p)) for p in range(4)])
        getattr(server, stop)()  # graceful stop, or SIGKILL
        async with ClientSession() as session:
            body = encode(text_message("DURING-OUTAGE"))
            async with session.post(url, data=body, headers=signed_headers(body)) as response:
                refused += response.status == 503
        await asyncio.sleep(0.5)
        server.start()

    try:
        async with TestServer(create_app(settings, redis=redis)) as http:
            url = str(http.make_url("/webhooks/waha"))
            accepted, _ = await asyncio.gather(deliver_all(url, per_chat), outage(url))
        logged = await logged_texts(log)
    finally:
        await redis.aclose()
        server.stop()
    assert refused == 1
    assert logged_before_outage < sum(map(len, logged.values())) == 700
    for chat in per_chat:
        assert logged[chat] == [text_of(body) for body in accepted[chat]]
