"""The gateway process under a crowd of stalled, unauthenticated bodies: the memory their
bodies take is bounded, each is cut within the body timeout, and a signed webhook still
gets through meanwhile."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from events import EventLog
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from tests.support.kek import session_key_ring
from tests.support.waha import HMAC_KEY, encode, signed_headers, text_message

MIB = 1024 * 1024
ATTACKERS = 150
TIMEOUT_S = 2
BUDGET = 8 * MIB
# What the process may grow by beyond the budget: the interpreter's and aiohttp's own
# per-connection buffers. Without the bounds the same attack grows it by 150 MiB and more.
OVERHEAD = 40 * MIB
# Time to cut a stalled body beyond the timeout, on a loaded two-core machine.
SLACK_S = 3

pytestmark = pytest.mark.timeout(120)


@dataclass
class Gateway:
    port: int
    pid: int
    rss: list[int] = field(default_factory=list)

    def resident_bytes(self) -> int:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise AssertionError("no VmRSS")


@pytest.fixture
def gateway_env(redis_server: RedisServer) -> Iterator[dict[str, str]]:
    yield {**os.environ, "REDIS_URL": redis_server.url, "PARTITIONS": "4",
           "WEBHOOK_HMAC_KEY": HMAC_KEY.decode(), "CHAT_KEY_SECRET": secrets.token_hex(32),
           "WEBHOOK_BODY_TIMEOUT_SECONDS": str(TIMEOUT_S),
           "WEBHOOK_BODY_BUDGET_BYTES": str(BUDGET)}  # fmt: skip


@pytest.fixture
async def gateway(gateway_env: dict[str, str], log: EventLog) -> AsyncIterator[Gateway]:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "services.cli", "ingest", "--port", str(port), env=gateway_env
    )
    try:
        for _ in range(200):
            with contextlib.suppress(OSError):
                _, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.close()
                break
            await asyncio.sleep(0.05)
        yield Gateway(port, process.pid)
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), 30)


async def stall(port: int) -> float:
    """Declare 1 MiB, send all of it but the last byte, and wait to be cut off; how long
    the gateway held the connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    started = time.monotonic()
    headers = (
        "POST /webhooks/waha HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
        f"X-Webhook-Hmac: {'0' * 128}\r\nContent-Length: {MIB}\r\n\r\n"
    )
    writer.write(headers.encode() + b" " * (MIB - 1))
    with contextlib.suppress(TimeoutError, ConnectionError):
        await asyncio.wait_for(writer.drain(), TIMEOUT_S + SLACK_S)
    with contextlib.suppress(TimeoutError, ConnectionError):
        await asyncio.wait_for(reader.read(), TIMEOUT_S + SLACK_S + 1)  # until closed
    writer.close()
    return time.monotonic() - started


async def post_signed(port: int, message_id: str) -> int:
    raw = encode(text_message(message_id, body="Oi, quero marcar uma consulta"))
    headers = "".join(f"{k}: {v}\r\n" for k, v in signed_headers(raw).items())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        f"POST /webhooks/waha HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n{headers}"
        f"Content-Length: {len(raw)}\r\n\r\n".encode()
        + raw
    )
    status_line = await asyncio.wait_for(reader.readline(), 10)
    writer.close()
    return int(status_line.split()[1])


async def sample_memory(gateway: Gateway, stop: asyncio.Event) -> None:
    while not stop.is_set():
        gateway.rss.append(gateway.resident_bytes())
        await asyncio.sleep(0.05)


async def test_stalled_bodies_are_bounded_in_memory_and_time_and_a_webhook_gets_through(
    gateway: Gateway, log: EventLog
) -> None:
    baseline = gateway.resident_bytes()
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_memory(gateway, stop))
    attack = [asyncio.create_task(stall(gateway.port)) for _ in range(ATTACKERS)]
    await asyncio.sleep(1)  # the crowd is in, stalled
    status = await post_signed(gateway.port, "THROUGH-THE-CROWD")
    held = await asyncio.gather(*attack)
    stop.set()
    await sampler

    assert status == 200
    appended = EventLog(log.redis, log.keyspace, keys=session_key_ring()).scan()
    assert [r.envelope.event.message_id async for r in appended] == [  # type: ignore[attr-defined]
        "false_5511988887777@c.us_THROUGH-THE-CROWD"
    ]
    grown = max(gateway.rss) - baseline
    assert grown < BUDGET + OVERHEAD, f"grew by {grown / MIB:.0f} MiB"
    assert max(held) < TIMEOUT_S + SLACK_S
