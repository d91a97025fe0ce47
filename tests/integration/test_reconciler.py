"""The reconciler against the WAHA simulator, the real gateway and a real Redis: a message
whose webhook WAHA dropped arrives once, whichever way it came, at a bounded cost."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode
from prometheus_client import CollectorRegistry
from redis.asyncio import Redis

from events import EventLog, MessageReceived
from services.conductor import reconciler as reconciler_module
from services.conductor.reconcile_settings import ReconcileSettings
from services.conductor.reconciler import Reconciler, ReconcilerMetrics
from services.domain.identities import IdentityMap, Sighting
from services.ingest.app import create_app as create_ingest
from services.ingest.settings import IngestSettings
from services.runtime.ports import free_port
from services.waha.client import WahaClient
from services.waha_sim.app import Simulator
from services.waha_sim.app import create_app as create_sim
from tests.support.log_capture import LogLines
from tests.support.waha import HMAC_KEY, encode, signed_headers, webhook
from tests.support.whole_stack import Phone, Stack

PATIENT = "5511977770001"


@dataclass
class World:
    """WAHA (simulated) posting to the gateway, and a way to build reconcilers on both."""

    http: aiohttp.ClientSession
    sim: Simulator
    sim_url: str
    ingest_url: str
    redis: Redis
    ingest_settings: IngestSettings
    settings: ReconcileSettings
    clients: list[WahaClient] = field(default_factory=list)

    def reconciler(
        self, name: str = "r1", registry: CollectorRegistry | None = None, **bounds: int
    ) -> Reconciler:
        waha = WahaClient(self.sim_url, "waha-key", attempts=1, timeout_s=5)
        self.clients.append(waha)
        metrics = ReconcilerMetrics(registry or CollectorRegistry())
        return Reconciler(self.redis, self.ingest_settings.store, waha,
                          replace(self.settings, **bounds), metrics, name=name)  # fmt: skip

    async def write(self, number: str, text: str, *, dropped: bool = False) -> str:
        """A person writes; with ``dropped`` WAHA keeps the message but sends no webhook."""
        if dropped:
            await self.http.post(f"{self.sim_url}/sim/faults", json={"drop_webhooks": 1})
        message = {"from": number, "text": text}
        async with self.http.post(f"{self.sim_url}/sim/inbound", json=message) as response:
            assert response.status == 200, await response.text()
            answer: dict[str, Any] = await response.json()
        assert answer.get("dropped", False) is dropped
        return str(answer["message_id"])


@pytest.fixture
async def world(redis: Redis, ingest_settings: IngestSettings) -> AsyncIterator[World]:
    simulator = Simulator(webhook_url=None, hmac_key=HMAC_KEY, api_key="waha-key")
    settings = ReconcileSettings(chat_key_secret=ingest_settings.chat_key_secret, settle_s=0)
    async with (
        TestServer(create_ingest(ingest_settings, redis=redis)) as ingest,
        TestServer(create_sim(simulator)) as sim,
        aiohttp.ClientSession() as http,
    ):
        simulator.webhook_url = str(ingest.make_url("/webhooks/waha"))
        found = World(http, simulator, str(sim.make_url("")).rstrip("/"),
                      simulator.webhook_url, redis, ingest_settings, settings)  # fmt: skip
        yield found
        for client in found.clients:
            await client.close()


async def received(log: EventLog) -> list[str]:
    """The ids of the messages the log holds as received, in log order."""
    return [r.envelope.event.message_id async for r in log.scan()
            if isinstance(r.envelope.event, MessageReceived)]  # fmt: skip


async def test_a_message_whose_webhook_was_dropped_is_recovered(
    world: World, log: EventLog
) -> None:
    message_id = await world.write(PATIENT, "quero marcar amanhã", dropped=True)
    assert await received(log) == []
    report = await world.reconciler().take_turn()
    assert report is not None and report.recovered == 1
    assert await received(log) == [message_id]


async def test_a_recovered_message_is_not_recovered_again_by_a_later_pass(
    world: World, log: EventLog
) -> None:
    message_id = await world.write(PATIENT, "oi", dropped=True)
    reconciler = world.reconciler()
    await reconciler.take_turn()
    again = await reconciler.take_turn()
    assert again is not None and (again.recovered, again.logged) == (0, 1)
    assert await received(log) == [message_id]


async def test_a_message_whose_webhook_came_is_not_appended_again(
    world: World, log: EventLog
) -> None:
    message_id = await world.write(PATIENT, "oi")
    report = await world.reconciler().take_turn()
    assert report is not None and (report.recovered, report.logged) == (0, 1)
    assert await received(log) == [message_id]


async def test_a_webhook_arriving_after_its_message_was_recovered_is_a_duplicate(
    world: World, log: EventLog
) -> None:
    message_id = await world.write(PATIENT, "oi", dropped=True)
    await world.reconciler().take_turn()
    # WAHA delivers the webhook late after all, in its own shape (the simulator's).
    [payload] = world.sim.messages[("default", f"{PATIENT}@c.us")]
    raw = encode(webhook("message", payload))
    async with world.http.post(world.ingest_url, data=raw, headers=signed_headers(raw)) as late:
        assert (await late.json())["status"] == "duplicate"
    assert await received(log) == [message_id]


async def test_recovered_messages_are_counted(world: World) -> None:
    await world.write(PATIENT, "oi", dropped=True)
    await world.write(PATIENT, "tudo bem?")
    registry = CollectorRegistry()
    await world.reconciler(registry=registry).take_turn()
    count = "wsm_reconcile_messages_total"
    assert registry.get_sample_value(count, {"outcome": "recovered"}) == 1
    assert registry.get_sample_value(count, {"outcome": "logged"}) == 1
    assert registry.get_sample_value("wsm_reconcile_passes_total", {"outcome": "completed"}) == 1


async def test_no_more_chats_than_the_bound_are_read_most_recent_first(
    world: World, log: EventLog
) -> None:
    ids = [await world.write(f"55119777700{n:02d}", "oi", dropped=True) for n in range(3)]
    for n, chat in enumerate(sorted(world.sim.messages)):  # oldest chat first
        world.sim.messages[chat][-1]["timestamp"] -= 30 - n
    report = await world.reconciler(max_chats=2).take_turn()
    assert report is not None and report.chats == 2
    assert world.sim.reads["messages"] == 2
    assert sorted(await received(log)) == sorted(ids[1:])


async def test_no_more_messages_than_the_bound_are_read_per_chat(
    world: World, log: EventLog
) -> None:
    ids = [await world.write(PATIENT, f"mensagem {n}", dropped=True) for n in range(4)]
    await world.reconciler(max_messages=3).take_turn()
    assert await received(log) == ids[1:]  # the latest three, oldest first


async def test_a_chat_quiet_for_longer_than_the_look_back_is_not_read(
    world: World, log: EventLog
) -> None:
    await world.write(PATIENT, "oi", dropped=True)
    world.sim.messages[("default", f"{PATIENT}@c.us")][-1]["timestamp"] -= 2 * 3600
    report = await world.reconciler(lookback_s=3600).take_turn()
    assert report is not None and report.chats == 0
    assert world.sim.reads["messages"] == 0
    assert await received(log) == []


async def test_a_message_still_settling_is_left_to_its_webhook(world: World, log: EventLog) -> None:
    await world.write(PATIENT, "oi", dropped=True)
    report = await world.reconciler(settle_s=60).take_turn()
    assert report is not None and report.recovered == 0
    assert await received(log) == []


async def test_one_replica_reconciles_at_a_time(world: World) -> None:
    await world.write(PATIENT, "oi", dropped=True)
    first, second = world.reconciler("r1"), world.reconciler("r2")
    assert await first.take_turn() is not None
    reads = sum(world.sim.reads.values())
    assert await second.take_turn() is None
    assert sum(world.sim.reads.values()) == reads


async def test_the_lease_passes_on_when_its_holder_stops(world: World) -> None:
    first, second = world.reconciler("r1"), world.reconciler("r2")
    assert await first.take_turn() is not None
    stopping = asyncio.Event()
    stopping.set()
    await first.run(stopping)  # stops at once, giving up the lease it holds
    assert await second.take_turn() is not None


async def test_a_pass_when_waha_cannot_be_reached_fails_and_changes_nothing(
    world: World, log: EventLog, log_lines: LogLines
) -> None:
    registry = CollectorRegistry()
    reconciler = world.reconciler(registry=registry)
    reconciler.waha = WahaClient(f"http://127.0.0.1:{free_port()}", None, attempts=1)
    world.clients.append(reconciler.waha)
    assert await reconciler.take_turn() is None
    assert registry.get_sample_value("wsm_reconcile_passes_total", {"outcome": "failed"}) == 1
    assert await received(log) == []
    assert "pass failed: WahaError: GET /api/sessions: ClientConnectorError" in log_lines.text()


@pytest.fixture
def spans(monkeypatch: pytest.MonkeyPatch) -> InMemorySpanExporter:
    """The reconciler's spans, through a provider of the test's own (the process's
    global one is another test's)."""
    exporter, provider = InMemorySpanExporter(), TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    monkeypatch.setattr(reconciler_module, "tracer", provider.get_tracer(__name__))
    return exporter


async def test_a_failed_pass_names_its_error_in_the_trace_as_a_log_line_would(
    world: World, spans: InMemorySpanExporter
) -> None:
    reconciler = world.reconciler()
    reconciler.waha = WahaClient(f"http://127.0.0.1:{free_port()}", None, attempts=1)
    world.clients.append(reconciler.waha)
    await reconciler.take_turn()
    [span] = [s for s in spans.get_finished_spans() if s.name == "reconcile"]
    assert span.status.status_code is StatusCode.ERROR
    # WAHA's error names the route, never the chat or WAHA's answer (events.error_text).
    said = "WahaError: GET /api/sessions: ClientConnectorError"
    assert span.status.description == said
    [event] = span.events
    assert dict(event.attributes or {}) == {
        "exception.type": "WahaError",
        "exception.message": said,
    }


@pytest.mark.timeout(60)
async def test_the_bot_answers_a_message_whose_webhook_was_dropped(
    stack: Stack, ingest_settings: IngestSettings, redis: Redis
) -> None:
    http, sim_url, simulator = stack
    settings = ReconcileSettings(chat_key_secret=ingest_settings.chat_key_secret, settle_s=0)
    waha = WahaClient(sim_url, "waha-key")
    reconciler = Reconciler(redis, ingest_settings.store, waha, settings,
                            ReconcilerMetrics(CollectorRegistry()), name="r1")  # fmt: skip
    await http.post(f"{sim_url}/sim/faults", json={"drop_webhooks": 1})
    phone = Phone(http, sim_url, PATIENT)
    async with http.post(f"{sim_url}/sim/inbound", json={"from": PATIENT, "text": "oi"}) as sent:
        assert (await sent.json())["dropped"] is True
    await reconciler.take_turn()
    deadline = time.monotonic() + 20
    while not (replies := [m for m in simulator.messages[("default", f"{PATIENT}@c.us")]
                           if m["fromMe"]]):  # fmt: skip
        assert time.monotonic() < deadline, "no reply to the recovered message"
        await asyncio.sleep(0.05)
    assert "Aviso de privacidade" in replies[0]["body"]
    phone.seen = len(replies)
    assert "nome" in await phone.say("sim")  # and the conversation goes on
    await waha.close()


async def test_a_recovered_message_joins_the_conversation_its_person_is_known_by(
    world: World, log: EventLog
) -> None:
    # The person wrote from their phone number first; WAHA then revealed their linked id
    # (a @lid), and a message from that id lost its webhook.
    lid = "123456789012345@lid"
    identities = IdentityMap(world.redis, log.keyspace, world.settings.chat_key_secret)
    phone_chat = identities.chat_key("default", f"{PATIENT}@c.us")
    await identities.fold("default", phone_chat,
                          [Sighting(f"{PATIENT}@c.us", lid, "webhook")])  # fmt: skip
    message_id = await world.write(lid, "ainda tem horário amanhã?", dropped=True)
    await world.reconciler().take_turn()
    [recovered] = [r async for r in log.scan() if isinstance(r.envelope.event, MessageReceived)]
    assert recovered.envelope.event.message_id == message_id
    assert recovered.envelope.chat == phone_chat
