"""Prometheus metrics of the gateway, the consumers and the conversation, and their
endpoints."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import sys
from pathlib import Path

import aiohttp
from prometheus_client import CollectorRegistry
from redis.asyncio import Redis

from events import EventLog, Keyspace, Record
from events.checkpoint import Command
from events.metrics import ConsumerMetrics
from events.subscription import Subscription
from services.cli import build_parser
from services.cli.up import plan, ports_to_take
from services.conductor.deciding import Decider
from services.conductor.metrics import ConductorMetrics
from services.conductor.offline_brain import OfflineBrain
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import Toolbox
from services.domain.clinic import Clinic
from services.domain.embedded_calendar import EmbeddedCalendar
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from tests.integration.test_dialogues import NOW
from tests.support.dialogue import Dialogue
from tests.support.factories import message
from tests.support.projecting import groups_caught_up
from tests.support.whole_stack import FAST


def value(registry: CollectorRegistry, name: str, **labels: str) -> float:
    return registry.get_sample_value(name, labels) or 0.0


async def consume(redis: Redis, keyspace: Keyspace, handler, metrics: ConsumerMetrics) -> None:  # type: ignore[no-untyped-def]
    subscription = Subscription(redis, keyspace, group="g", consumer="c1", handler=handler,
                                options=FAST, metrics=metrics)  # fmt: skip
    task = asyncio.create_task(subscription.run())
    try:
        await groups_caught_up(redis, keyspace, "g")
    finally:
        subscription.stop()
        await task


async def test_handled_entries_are_counted_with_their_time(
    redis: Redis, keyspace: Keyspace, log: EventLog
) -> None:
    registry = CollectorRegistry()
    for n in range(5):
        await log.append(message(chat=f"chat-{n}", message_id=f"m{n}"))

    async def handler(record: Record) -> list[Command]:
        return []

    await consume(redis, keyspace, handler, ConsumerMetrics(registry))
    assert value(registry, "wsm_events_handled_total", group="g", outcome="applied") == 5
    assert value(registry, "wsm_event_handling_seconds_count", group="g") == 5


async def test_failures_and_dead_letters_are_counted(
    redis: Redis, keyspace: Keyspace, log: EventLog
) -> None:
    registry = CollectorRegistry()
    await log.append(message(chat="chat-1"))

    async def handler(record: Record) -> list[Command]:
        raise RuntimeError("always")

    await consume(redis, keyspace, handler, ConsumerMetrics(registry))
    assert value(registry, "wsm_events_handled_total", group="g", outcome="failed") == 5
    assert value(registry, "wsm_events_handled_total", group="g", outcome="dead_lettered") == 1


async def test_lag_pending_and_dead_letters_are_sampled_per_partition(
    redis: Redis, keyspace: Keyspace, log: EventLog
) -> None:
    registry = CollectorRegistry()
    metrics = ConsumerMetrics(registry)
    appended = [await log.append(message(chat=f"chat-{n}", message_id=f"m{n}")) for n in range(8)]
    for partition in keyspace.all_partitions():
        await redis.xgroup_create(keyspace.stream(partition), "g", id="0", mkstream=True)
    await metrics.sample(redis, keyspace, ("g",))
    lags = [value(registry, "wsm_stream_lag", group="g", partition=str(p)) for p in range(4)]
    assert sum(lags) == 8
    assert lags == [sum(1 for a in appended if a.partition == p) for p in range(4)]
    assert value(registry, "wsm_dead_letters", partition="0") == 0


async def test_the_conversation_counts_brain_calls_and_tool_calls(redis: Redis) -> None:
    registry = CollectorRegistry()
    notice = PrivacyNotice.current("2026-11")
    toolbox = Toolbox(EmbeddedCalendar(redis), Clinic(), notice)
    conductor = Decider(OfflineBrain(), toolbox, notice, ConductorMetrics(registry))
    chat = Dialogue(conductor, NOW)
    for text in ("oi", "sim", "Ana", "quero marcar amanhã às 15h", "sim"):
        await chat.say(text)
    calls = {
        tool: value(registry, "wsm_tool_calls_total", tool=tool, outcome="ok")
        for tool in (
            "record_consent",
            "register_name",
            "transfer_to_agent",
            "propose_appointment",
            "book_appointment",
        )
    }
    assert calls == dict.fromkeys(calls, 1.0)
    assert value(registry, "wsm_llm_request_seconds_count", model="OfflineBrain") >= 4


async def test_the_projector_process_serves_its_metrics(redis_server: RedisServer) -> None:
    metrics_port = free_port()
    env = {
        **os.environ,
        "REDIS_URL": redis_server.url,
        "PARTITIONS": "4",
        "CHAT_KEY_SECRET": secrets.token_hex(32),
    }
    command = ["-m", "services.cli", "projector", "--metrics-port", str(metrics_port)]
    projector = await asyncio.create_subprocess_exec(sys.executable, *command, env=env)
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{metrics_port}") as http:
            text = ""
            for _ in range(200):
                with contextlib.suppress(aiohttp.ClientConnectionError):
                    async with http.get("/metrics") as response:
                        text = await response.text()
                    if 'wsm_stream_lag{group="projector.sessions.v1",partition="0"}' in text:
                        break
                await asyncio.sleep(0.05)
    finally:
        projector.terminate()
        assert await asyncio.wait_for(projector.wait(), 30) == 0
    assert 'wsm_stream_lag{group="projector.sessions.v1",partition="0"}' in text
    assert "wsm_events_handled_total" in text


async def scrape(http: aiohttp.ClientSession, url: str) -> tuple[int, str]:
    """Status and text of ``url``, once its process answers at all (10 s at most)."""
    for _ in range(200):
        with contextlib.suppress(aiohttp.ClientConnectionError):
            async with http.get(url) as response:
                return response.status, await response.text()
        await asyncio.sleep(0.05)
    raise AssertionError(f"nothing answered at {url}")


async def test_the_gateway_serves_its_metrics_on_their_own_port_only(
    redis_server: RedisServer,
) -> None:
    webhook_port, metrics_port = free_port(), free_port()
    env = {**os.environ, "REDIS_URL": redis_server.url, "PARTITIONS": "4",
           "CHAT_KEY_SECRET": secrets.token_hex(32),
           "WEBHOOK_HMAC_KEY": secrets.token_hex(32)}  # fmt: skip
    command = ["-m", "services.cli", "ingest", "--port", str(webhook_port),
               "--metrics-port", str(metrics_port)]  # fmt: skip
    gateway = await asyncio.create_subprocess_exec(sys.executable, *command, env=env)
    try:
        async with aiohttp.ClientSession() as http:
            status, text = await scrape(http, f"http://127.0.0.1:{metrics_port}/metrics")
            assert status == 200 and "wsm_webhook_requests_total" in text
            status, _ = await scrape(http, f"http://127.0.0.1:{webhook_port}/metrics")
            assert status == 404
    finally:
        gateway.terminate()
        assert await asyncio.wait_for(gateway.wait(), 30) == 0


def test_wsm_up_gives_the_gateway_a_metrics_port_checked_with_the_others() -> None:
    args = build_parser("up").parse_args(["up", "--metrics-port", "9100", "--conductors", "2"])
    [ingest] = [s for s in plan(args, {}, Path("logs")) if s.name == "ingest"]
    assert ingest.arguments[-2:] == ("--metrics-port", "9103")
    assert 9103 in ports_to_take(args, {})
