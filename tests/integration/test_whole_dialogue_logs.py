"""A whole dialogue at DEBUG, through the real stack with the model reached by the real
``groq`` client, while WAHA fails and stalls, a webhook lies about its length and a reply
comes back with WAHA away: no log line holds any of the person's data or any key.

(Redis refusing writes is played in test_redis_connection: here it would stop the
stack's subscriptions, which do not survive an out-of-memory Redis while rebalancing.)"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from urllib.parse import urlsplit

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.schema import ReplyRequested
from services.conductor.brain import Brain
from services.conductor.groq_brain import GroqBrain
from services.conductor.outbox import Outbox
from services.ingest.settings import IngestSettings
from services.projector.admin_api import create_admin_app
from services.runtime.embedded_redis import RedisServer
from services.runtime.store import StoreSettings
from services.waha.client import WahaClient
from tests.integration.test_log_privacy import lying_about_its_length
from tests.support.chaos_model import ChaosModel
from tests.support.log_capture import LogLines
from tests.support.waha import HMAC_KEY, encode, text_message
from tests.support.whole_stack import Phone, Stack

NUMBER = "5511944443333"
NAME = "Joana Prates Figueira"
CPF = "987.654.321-00"
SAID = [
    "Oi, bom dia",
    "sim, aceito",
    f"Meu nome é {NAME}",
    f"quero marcar amanhã às 15h, meu CPF é {CPF}",
    "sim",
    f"obrigada! {NAME}, CPF {CPF}",  # its reply WAHA refuses
]
CHAT_KEY_SECRET = b"chat-key-secret-" + b"c" * 32
GROQ_KEY = "gsk_" + "g" * 48
ADMIN_TOKEN = "admin-token-" + "a" * 40
WAHA_KEY = "waha-key"  # the simulator's, in the whole stack


@pytest.fixture
def ingest_settings(redis_server: RedisServer, keyspace: Keyspace) -> IngestSettings:
    return IngestSettings(
        hmac_keys=(HMAC_KEY,),
        store=StoreSettings(redis_url=redis_server.url, partitions=keyspace.partitions),
        chat_key_secret=CHAT_KEY_SECRET,
        max_body_bytes=64 * 1024,
    )


@pytest.fixture
async def brain() -> AsyncIterator[Brain]:
    """Groq's client against a model answering like the offline brain; a share of its
    calls fail (429/5xx, retried by the client) or stall."""
    model = ChaosModel(fail_rate=0.2, stall_rate=0.2, stall_s=0.05, seed=11)
    async with TestServer(model.app()) as server:
        url = str(server.make_url("")).rstrip("/")
        groq = GroqBrain(GROQ_KEY, "test-model", base_url=url, max_retries=3, timeout_s=5)
        yield groq
        await groq.close()


async def set_faults(http: aiohttp.ClientSession, sim_url: str, **faults: object) -> None:
    async with http.post(f"{sim_url}/sim/faults", json=faults) as response:
        assert response.status == 200, await response.text()


async def closed_port() -> int:
    """A loopback port nobody listens on any more."""
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port: int = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    return port


async def logged_eventually(log_lines: LogLines, words: str) -> None:
    for _ in range(400):
        if words in log_lines.text():
            return
        await asyncio.sleep(0.025)
    raise AssertionError(f"never logged: {words}")


async def personal_values(redis: Redis, keyspace: Keyspace) -> list[str]:
    """Every spelling of the person's data and of each key the run used."""
    partitions = keyspace.all_partitions()
    keys = [k for p in partitions for k in await redis.hvals(keyspace.subject_keys(p))]
    assert keys
    return [
        NUMBER, f"+{NUMBER}", f"{NUMBER}@c.us", f"{NUMBER}%40c.us", NUMBER[4:], "94444-3333",
        NAME, NAME.split()[0], CPF, CPF.replace(".", "").replace("-", ""),
        *(text for text in SAID if len(text) > 12),  # "sim" is also a path's word
        HMAC_KEY.decode(), CHAT_KEY_SECRET.decode(), GROQ_KEY, ADMIN_TOKEN, WAHA_KEY,
        *(k.hex() for k in keys), *(repr(k) for k in keys),
        *(base64.b64encode(k).decode() for k in keys),
    ]  # fmt: skip


@pytest.mark.timeout(120)
async def test_a_whole_dialogue_at_debug_leaves_no_personal_value_in_any_log_line(
    stack: Stack, redis: Redis, keyspace: Keyspace, log_lines: LogLines
) -> None:
    http, sim_url, simulator = stack
    await set_faults(http, sim_url, fail_rate=0.25, stall_rate=0.25, stall_seconds=0.05, seed=5)
    phone = Phone(http, sim_url, NUMBER)
    replies = [await phone.say(text) for text in SAID[:-1]]
    assert any(NAME.split()[0] in reply for reply in replies)  # the model was told the name

    await set_faults(http, sim_url, fail_sends=4)  # every attempt at the next reply fails
    async with http.post(f"{sim_url}/sim/inbound", json={"from": NUMBER, "text": SAID[-1]}):
        await logged_eventually(log_lines, "not delivered")

    ingest = urlsplit(simulator.webhook_url)
    body = encode(text_message("L1", chat=f"{NUMBER}@c.us", body=SAID[2]))
    await lying_about_its_length(str(ingest.hostname), int(ingest.port or 80), body)

    log = EventLog(redis, keyspace)
    [reply, *_] = [r async for r in log.scan() if isinstance(r.envelope.event, ReplyRequested)]
    away = WahaClient(f"http://127.0.0.1:{await closed_port()}", WAHA_KEY, attempts=2)
    await Outbox(keyspace, away)(replace(reply, redelivered=True))  # WAHA away: it cannot tell
    await away.close()

    app = create_admin_app(log, token=ADMIN_TOKEN, chat_key_secret=CHAT_KEY_SECRET)
    async with TestClient(TestServer(app)) as admin:
        await admin.get(f"/v1/sessions/{NUMBER}@c.us", headers={"Authorization": "Bearer x"})
        await admin.get(
            f"/v1/subjects/{NUMBER}@c.us/export",
            headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
        )

    values = await personal_values(redis, keyspace)
    lines = log_lines()
    said = log_lines.text()  # what each failure made the services and libraries say
    for words in ("not delivered", "cannot tell whether WAHA took it", "Error handling request"):
        assert words in said
    found = [
        (value, line[:300])
        for line in lines
        for value in values
        if value in line or value in " ".join(map(str, json.loads(line).values()))
    ]
    assert found == []
