"""The whole product in one test process: WAHA simulator -> signed webhook -> ingest ->
log -> conductor -> outbox -> WAHA simulator, all real, on a real Redis; and a phone."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime
from zoneinfo import ZoneInfo

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.consumer import SubscriptionOptions
from events.key_wrapping import KeyRing
from events.subscription import Subscription
from services.conductor.brain import Brain
from services.conductor.deciding import Decider
from services.conductor.handler import ConversationHandler
from services.conductor.offline_brain import OfflineBrain
from services.conductor.outbox import Outbox
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import Toolbox
from services.domain.clinic import Clinic
from services.domain.embedded_calendar import EmbeddedCalendar
from services.ingest.app import create_app as create_ingest
from services.ingest.settings import IngestSettings
from services.waha.client import WahaClient
from services.waha_sim.app import Simulator
from services.waha_sim.app import create_app as create_sim
from tests.support.waha import HMAC_KEY

NOW = datetime(2026, 11, 24, 9, 10, tzinfo=ZoneInfo("America/Sao_Paulo"))
FAST = SubscriptionOptions(block_ms=50, rebalance_interval_s=0.05, lease_ttl_ms=1000,
                           member_ttl_ms=800, retry_base_s=0.01, retry_cap_s=0.1)  # fmt: skip


class Phone:
    """A WhatsApp user, talking through the simulator."""

    def __init__(self, http: aiohttp.ClientSession, sim_url: str, number: str) -> None:
        self.http = http
        self.sim_url = sim_url
        self.number = number
        self.seen = 0

    async def say(self, text: str, mimetype: str | None = None) -> str:
        message = {"from": self.number, "text": text, "mimetype": mimetype}
        async with self.http.post(f"{self.sim_url}/sim/inbound", json=message) as response:
            assert response.status == 200, await response.text()
        return await self.reply(text)

    async def _replies(self) -> list[dict[str, object]]:
        url = f"{self.sim_url}/api/default/chats/{self.number}@c.us/messages"
        async with self.http.get(url) as response:
            return [m for m in await response.json() if m["fromMe"]]

    async def past_earlier_replies(self) -> Phone:
        """This phone, with the replies its number already had counted as seen: a phone
        taken up again mid-conversation waits for the reply to what it says next."""
        self.seen = len(await self._replies())
        return self

    async def reply(self, to: str = "") -> str:
        """The next reply the bot sends this phone."""
        for _ in range(400):
            replies = await self._replies()
            if len(replies) > self.seen:
                self.seen = len(replies)
                return str(replies[-1]["body"])
            await asyncio.sleep(0.025)
        raise AssertionError(f"no reply to {to!r}")


WAHA_KEY = "waha-key"
Stack = tuple[aiohttp.ClientSession, str, Simulator]


class Clock:
    """The conductor's time, which a test may move."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def brain() -> Brain:
    """The conductor's brain in the stack; a module may override it."""
    return OfflineBrain()


@pytest.fixture
def sim_engine() -> str:
    """The WAHA engine the stack's simulator speaks; a test may parametrize it."""
    return "WEBJS"


@pytest.fixture
def subject_key_ring() -> KeyRing | None:
    """The key-encryption keys the stack wraps subject keys with: none unless a module
    says otherwise (a module's fixture of the same name)."""
    return None


@pytest.fixture
async def stack(
    redis: Redis,
    ingest_settings: IngestSettings,
    keyspace: Keyspace,
    clock: Clock,
    brain: Brain,
    subject_key_ring: KeyRing | None,
    sim_engine: str,
) -> AsyncIterator[tuple[aiohttp.ClientSession, str, Simulator]]:
    simulator = Simulator(webhook_url=None, hmac_key=HMAC_KEY, api_key=WAHA_KEY, engine=sim_engine)
    async with (
        TestServer(create_ingest(ingest_settings, redis=redis)) as ingest,
        TestServer(create_sim(simulator)) as sim,
        aiohttp.ClientSession(headers={"X-Api-Key": WAHA_KEY}) as http,  # reads the chats
    ):
        simulator.webhook_url = str(ingest.make_url("/webhooks/waha"))
        sim_url = str(sim.make_url("")).rstrip("/")
        waha = WahaClient(sim_url, WAHA_KEY, backoff_s=0.01)
        notice = PrivacyNotice.current("2026-11")
        log = EventLog(redis, keyspace, keys=subject_key_ring)
        toolbox = Toolbox(EmbeddedCalendar(redis), Clinic(), notice)
        handler = ConversationHandler(redis, log, Decider(brain, toolbox, notice),
                                      group="conductor", clock=clock)  # fmt: skip
        subscriptions = [
            Subscription(redis, keyspace, group="conductor", consumer="c1", handler=handler,
                         types=ConversationHandler.TYPES, options=FAST, keys=subject_key_ring),
            Subscription(redis, keyspace, group="outbox", consumer="c1",
                         handler=Outbox(keyspace, waha, redis=redis), types=Outbox.TYPES,
                         options=FAST, keys=subject_key_ring),
        ]  # fmt: skip
        tasks = [asyncio.create_task(s.run()) for s in subscriptions]
        try:
            yield http, sim_url, simulator
        finally:
            for subscription in subscriptions:
                subscription.stop()
            await asyncio.gather(*tasks)
            await waha.close()
