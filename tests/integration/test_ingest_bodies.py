"""Slow and stalled bodies: cut within the body timeout, never more bytes held than the
budget, and a signed webhook still gets through."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestServer
from prometheus_client import CollectorRegistry
from redis.asyncio import Redis

from events import EventLog
from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from tests.support.waha import encode, signed_headers, text_message

TIMEOUT_S = 1
BODY = 64 * 1024  # the fixture's WEBHOOK_MAX_BODY_BYTES


@pytest.fixture
async def gateway(redis: Redis, ingest_settings: IngestSettings) -> AsyncIterator[int]:
    """The gateway, with a budget of two whole bodies and a short body timeout; its port."""
    settings = dataclasses.replace(
        ingest_settings, body_timeout_s=TIMEOUT_S, body_budget_bytes=2 * BODY
    )
    server = TestServer(create_app(settings, redis=redis))
    # As `wsm ingest` runs it: a refused request's connection is closed, not drained.
    await server.start_server(lingering_time=0)
    try:
        assert server.port is not None
        yield server.port
    finally:
        await server.close()


async def stalled(
    port: int, *, declared: int = BODY, sent: int = 1024, signature: str | None = "00"
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A request that declares ``declared`` body bytes, sends ``sent`` and stalls."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    signed = f"X-Webhook-Hmac: {signature}\r\n" if signature else ""
    writer.write(
        f"POST /webhooks/waha HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
        f"Content-Length: {declared}\r\n{signed}\r\n".encode()
        + b"{" * sent
    )
    await writer.drain()
    return reader, writer


async def answer(reader: asyncio.StreamReader, within_s: float) -> tuple[int, bytes]:
    """The status of the answer and what follows it until the gateway closes."""
    status_line = await asyncio.wait_for(reader.readline(), within_s)
    rest = await asyncio.wait_for(reader.read(), within_s)
    return int(status_line.split()[1]), rest


async def signed_post(port: int, message_id: str) -> int:
    raw = encode(text_message(message_id))
    headers = "".join(f"{k}: {v}\r\n" for k, v in signed_headers(raw).items())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        f"POST /webhooks/waha HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n{headers}"
        f"Content-Length: {len(raw)}\r\n\r\n".encode()
        + raw
    )
    await writer.drain()
    status, _ = await answer(reader, 5)
    writer.close()
    return status


async def test_a_stalled_body_is_answered_408_within_the_timeout_and_cut(
    gateway: int, log: EventLog
) -> None:
    started = time.monotonic()
    reader, writer = await stalled(gateway)
    status, rest = await answer(reader, TIMEOUT_S + 2)
    assert status == 408
    assert b'"body_timeout"' in rest  # and then the connection closed: read() returned
    assert time.monotonic() - started < TIMEOUT_S + 1
    writer.close()
    assert [r async for r in log.scan()] == []


async def test_an_unsigned_request_is_refused_before_its_body_is_read(gateway: int) -> None:
    started = time.monotonic()
    reader, writer = await stalled(gateway, signature=None)
    status, _ = await answer(reader, TIMEOUT_S)
    assert status == 401
    assert time.monotonic() - started < TIMEOUT_S / 2
    writer.close()


async def test_the_oldest_stalled_body_is_cut_to_let_a_signed_webhook_through(
    gateway: int, log: EventLog
) -> None:
    first = await stalled(gateway)
    await asyncio.sleep(0.1)
    second = await stalled(gateway)
    await asyncio.sleep(0.1)
    assert await signed_post(gateway, "THROUGH1") == 200
    status, rest = await answer(first[0], 1)
    assert status == 503 and b'"busy"' in rest
    assert len([r async for r in log.scan()]) == 1
    for _, writer in (first, second):
        writer.close()


async def test_the_reserved_bytes_gauge_shows_the_bodies_held_when_scraped(
    redis: Redis, ingest_settings: IngestSettings
) -> None:
    registry = CollectorRegistry()
    settings = dataclasses.replace(ingest_settings, body_timeout_s=TIMEOUT_S)
    server = TestServer(create_app(settings, redis=redis, registry=registry))
    await server.start_server(lingering_time=0)
    assert server.port is not None

    def reserved() -> float | None:
        return registry.get_sample_value("wsm_webhook_body_bytes_reserved")

    try:
        assert reserved() == 0
        reader, writer = await stalled(server.port)
        for _ in range(100):
            if reserved() == BODY:
                break
            await asyncio.sleep(0.01)
        assert reserved() == BODY
        status, _ = await answer(reader, TIMEOUT_S + 2)
        assert status == 408 and reserved() == 0
        writer.close()
    finally:
        await server.close()
