"""A primary killed mid-conversation, with REDIS_WAIT_REPLICAS=1 for the gateway, the
conductor and the outbox: every message is answered, and no reply reaches WAHA twice —
no turn whose reply went out is lost and taken again, no sent reply is sent again."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from events import EventLog
from events.replication import ReplicaWait
from events.subscription import Subscription
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
from tests.support.redis_cluster import LocalCluster
from tests.support.waha import HMAC_KEY, encode, signed_headers, text_message
from tests.support.whole_stack import FAST

pytestmark = pytest.mark.timeout(180)

PHONES = 6
MESSAGES = 4
"""Each phone's messages, each sent once the one before it was answered."""
WAIT = ReplicaWait(1, 1000)


@dataclasses.dataclass
class Product:
    """The gateway's address, and what WAHA (the simulator) was asked to send."""

    webhooks: str
    simulator: Simulator
    http: aiohttp.ClientSession

    def sent(self, chat: str) -> list[dict[str, Any]]:
        return [m for m in self.simulator.messages.get(("default", chat), []) if m["fromMe"]]


@pytest.fixture
def own_cluster(tmp_path: Path) -> Iterator[LocalCluster]:
    """A cluster of the test's own: it loses a primary."""
    cluster = LocalCluster(tmp_path)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
async def product(
    own_cluster: LocalCluster, ingest_settings: IngestSettings
) -> AsyncIterator[Product]:
    """The gateway, the conductor and the outbox on the cluster, waiting for a replica."""
    store = dataclasses.replace(ingest_settings.store, redis_url=own_cluster.url, replica_wait=WAIT)
    settings = dataclasses.replace(ingest_settings, store=store, replica_wait=WAIT)
    keyspace, redis = store.keyspace, store.connect()
    simulator = Simulator(webhook_url=None, hmac_key=HMAC_KEY, api_key="waha-key")
    options = dataclasses.replace(FAST, replica_wait=WAIT)
    async with (
        TestServer(create_ingest(settings, redis=redis)) as ingest,
        TestServer(create_sim(simulator)) as sim,
        aiohttp.ClientSession() as http,
    ):
        waha = WahaClient(str(sim.make_url("")).rstrip("/"), "waha-key", backoff_s=0.01)
        notice = PrivacyNotice.current("2026-11")
        decider = Decider(
            OfflineBrain(), Toolbox(EmbeddedCalendar(redis), Clinic(), notice), notice
        )
        subscriptions = [
            Subscription(redis, keyspace, group="conductor", consumer="c1",
                         handler=ConversationHandler(redis, EventLog(redis, keyspace), decider),
                         types=ConversationHandler.TYPES, options=options),
            Subscription(redis, keyspace, group="outbox", consumer="c1",
                         handler=Outbox(keyspace, waha, replicated=(redis, WAIT)),
                         types=Outbox.TYPES, options=options),
        ]  # fmt: skip
        tasks = [asyncio.create_task(s.run()) for s in subscriptions]
        try:
            yield Product(str(ingest.make_url("/webhooks/waha")), simulator, http)
        finally:
            for subscription in subscriptions:
                subscription.stop()
            await asyncio.gather(*tasks)
            await waha.close()
            await redis.aclose()


async def deliver(product: Product, chat: str, message_id: str, deadline: float) -> None:
    """Post a person's message as WAHA does: again after every 503, until acknowledged."""
    raw = encode(
        text_message(message_id, chat=chat, body=f"quero marcar uma consulta {message_id}")
    )
    while time.monotonic() < deadline:
        async with product.http.post(
            product.webhooks, data=raw, headers=signed_headers(raw)
        ) as response:
            if response.status == 200:
                return
            assert response.status == 503, await response.text()
        await asyncio.sleep(0.1)
    raise AssertionError(f"message {message_id} was never acknowledged")


async def answered(product: Product, chat: str, message_id: str, deadline: float) -> None:
    """Wait for a reply quoting ``message_id``."""
    while time.monotonic() < deadline:
        if any(message_id in quoted(m) for m in product.sent(chat)):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"message {message_id} was never answered")


def quoted(message: dict[str, Any]) -> str:
    reply_to = message.get("replyTo") or {}
    return str(reply_to.get("id") or "")


async def test_no_reply_is_sent_twice_nor_lost_when_a_primary_fails_mid_conversation(
    own_cluster: LocalCluster, product: Product
) -> None:
    deadline = time.monotonic() + 120
    chats = [f"55119444{n:05d}@c.us" for n in range(PHONES)]
    halfway = asyncio.Event()
    asked: dict[str, list[str]] = {chat: [] for chat in chats}

    async def converse(phone: int, chat: str) -> None:
        for n in range(MESSAGES):
            message_id = f"8{phone}{n:04d}"
            asked[chat].append(message_id)
            await deliver(product, chat, message_id, deadline)
            await answered(product, chat, message_id, deadline)
            if n == MESSAGES // 2 - 1:
                halfway.set()

    phones = [asyncio.create_task(converse(p, chat)) for p, chat in enumerate(chats)]
    await halfway.wait()  # conversations under way on every shard
    killed = own_cluster.primaries()[0]
    await asyncio.to_thread(own_cluster.kill_primary, killed)
    # The promoted replica has none of its own until the killed node is back as one: its
    # shard's writes wait for it meanwhile.
    await asyncio.to_thread(own_cluster.restart, [killed])
    await asyncio.gather(*phones)
    await asyncio.sleep(2)  # a reply sent twice would come by now

    for chat in chats:
        sent = [(quoted(m), m["body"]) for m in product.sent(chat)]
        twice = [reply for reply, count in Counter(sent).items() if count > 1]
        assert not twice, f"sent twice in {chat}: {twice}"
        for message_id in asked[chat]:
            assert any(message_id in quoted_id for quoted_id, _ in sent), message_id
