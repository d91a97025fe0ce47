"""The NGINX edge, for real: ops/nginx's configuration in front of a real gateway."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from redis.asyncio import Redis

from events import EventLog
from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from services.runtime.ports import free_port
from tests.support.edge import NGINX, configure, start
from tests.support.waha import encode, signed_headers, text_message

RATE, BURST = 5, 5

pytestmark = pytest.mark.skipif(
    not os.access(NGINX, os.X_OK), reason="nginx is not installed (scripts/bootstrap installs it)"
)


@pytest.fixture
async def gateway(redis: Redis, ingest_settings: IngestSettings) -> AsyncIterator[str]:
    async with TestServer(create_app(ingest_settings, redis=redis), host="127.0.0.1") as server:
        yield f"http://127.0.0.1:{server.port}"


@pytest.fixture
def edge(gateway: str, tmp_path: Path) -> Iterator[str]:
    """NGINX on loopback in front of the gateway; its base URL."""
    port = free_port()
    config = configure(tmp_path, port, gateway, rate=RATE, burst=BURST)
    nginx = start(tmp_path, config)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        nginx.terminate()
        nginx.wait(10)


async def until_up(http: aiohttp.ClientSession, edge: str) -> None:
    for _ in range(100):
        try:
            async with http.get(f"{edge}/healthz") as response:
                if response.status == 200:
                    return
        except aiohttp.ClientConnectionError:
            pass
        await asyncio.sleep(0.05)
    raise AssertionError("nginx did not start")


async def post(http: aiohttp.ClientSession, edge: str, n: int) -> int:
    body = encode(text_message(f"N{n}", body=f"msg {n}"))
    async with http.post(f"{edge}/webhooks/waha", data=body, headers=signed_headers(body)) as r:
        return r.status


async def test_signed_webhooks_pass_through_to_the_gateway(edge: str, log: EventLog) -> None:
    async with aiohttp.ClientSession() as http:
        await until_up(http, edge)
        statuses = []
        for n in range(3):
            statuses.append(await post(http, edge, n))
            await asyncio.sleep(1 / RATE)
    assert statuses == [200, 200, 200]
    assert len([r async for r in log.scan()]) == 3


async def test_a_burst_beyond_the_limit_gets_429s(edge: str, log: EventLog) -> None:
    async with aiohttp.ClientSession() as http:
        await until_up(http, edge)
        statuses = await asyncio.gather(*(post(http, edge, n) for n in range(30)))
    passed = statuses.count(200)
    assert BURST <= passed <= BURST + 2  # the burst, and what the rate refilled meanwhile
    assert statuses.count(429) == 30 - passed
    assert len([r async for r in log.scan()]) == passed


async def test_an_oversized_body_gets_413_and_reaches_nothing(edge: str, log: EventLog) -> None:
    body = encode(text_message("BIG", body="x" * 2_000_000))
    async with aiohttp.ClientSession() as http:
        await until_up(http, edge)
        url = f"{edge}/webhooks/waha"
        async with http.post(url, data=body, headers=signed_headers(body)) as response:
            assert response.status == 413
    assert [r async for r in log.scan()] == []


async def test_anything_but_the_webhook_is_not_served(edge: str) -> None:
    async with aiohttp.ClientSession() as http:
        await until_up(http, edge)
        async with http.get(f"{edge}/metrics") as response:
            assert response.status == 404
        async with http.get(f"{edge}/webhooks/waha") as response:
            assert response.status == 403
