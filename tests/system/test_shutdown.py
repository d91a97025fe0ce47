"""SIGTERM stops every service within a stated bound: at once when idle or waiting for
Redis, within the graceful stop's grace when something is in hand."""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator

import pytest
from redis import Redis
from redis.asyncio import Redis as AsyncRedis

from events import EventLog, Keyspace
from services.runtime.embedded_redis import RedisServer
from services.runtime.lifecycle import SHUTDOWN_GRACE_S
from services.runtime.ports import free_port
from tests.support.factories import message

IDLE_BOUND_S = 5.0
BUSY_BOUND_S = SHUTDOWN_GRACE_S + 5.0


@pytest.fixture
def env(redis_server: RedisServer) -> dict[str, str]:
    Redis.from_url(redis_server.url).flushdb()
    return {**os.environ, "REDIS_URL": redis_server.url, "WEBHOOK_HMAC_KEY": secrets.token_hex(32),
            "CHAT_KEY_SECRET": secrets.token_hex(32), "PARTITIONS": "4"}  # fmt: skip


def start(
    service: str, env: dict[str, str], stderr: int = subprocess.DEVNULL
) -> tuple[subprocess.Popen[bytes], str]:
    """The service, and the URL that answers once it serves."""
    port = free_port()
    if service == "ingest":
        arguments, ready = ["--port", str(port)], f"http://127.0.0.1:{port}/readyz"
    else:
        arguments, ready = ["--metrics-port", str(port)], f"http://127.0.0.1:{port}/healthz"
    process = subprocess.Popen([sys.executable, "-m", "services.cli", service, *arguments],
                               env=env, stderr=stderr)  # fmt: skip
    return process, ready


def wait_until_it_answers(url: str) -> None:
    for _ in range(400):
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"{url} never answered")


def seconds_to_stop(process: subprocess.Popen[bytes], bound_s: float) -> float:
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        status = process.wait(timeout=bound_s + 5)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError(f"still running {bound_s + 5:.0f} s after SIGTERM") from None
    assert status == 0
    return time.monotonic() - started


@pytest.mark.parametrize("service", ["ingest", "conductor", "projector"])
def test_an_idle_service_stops_at_once(service: str, env: dict[str, str]) -> None:
    process, ready = start(service, env)
    wait_until_it_answers(ready)
    assert seconds_to_stop(process, IDLE_BOUND_S) < IDLE_BOUND_S


@pytest.mark.parametrize("service", ["conductor", "projector"])
def test_a_service_waiting_for_redis_stops_at_once(service: str, env: dict[str, str]) -> None:
    nowhere = f"redis://127.0.0.1:{free_port()}/0"
    process, _ = start(service, {**env, "REDIS_URL": nowhere}, stderr=subprocess.PIPE)
    assert process.stderr is not None
    while b"Redis cannot be reached" not in process.stderr.readline():
        assert process.poll() is None, "it exited instead of waiting for Redis"
    assert seconds_to_stop(process, IDLE_BOUND_S) < IDLE_BOUND_S


@pytest.fixture
def silent_waha() -> Iterator[tuple[str, threading.Event]]:
    """A WAHA that takes every request and never answers; the event tells one came."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    asked = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            held.append(connection)
            asked.set()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}", asked
    finally:
        server.close()
        for connection in held:
            connection.close()


@pytest.mark.timeout(90)
def test_a_conductor_with_a_reply_in_flight_stops_within_its_grace(
    env: dict[str, str], silent_waha: tuple[str, threading.Event]
) -> None:
    waha_url, asked = silent_waha
    process, ready = start("conductor", {**env, "WAHA_URL": waha_url})
    wait_until_it_answers(ready)

    async def a_patient_writes() -> None:
        async with AsyncRedis.from_url(env["REDIS_URL"]) as redis:
            await EventLog(redis, Keyspace(prefix="wsm", partitions=4)).append(message())

    asyncio.run(a_patient_writes())
    assert asked.wait(30), "the reply never reached WAHA"
    assert seconds_to_stop(process, BUSY_BOUND_S) < BUSY_BOUND_S
