"""The attacks on a person's data, played end to end through the real stack at DEBUG: a
person whose health data reaches the bot before consent, refusals and questions that must
not count as consent, a model behind the real ``groq`` client that records everything it
is sent, WAHA failing and stalling, a webhook lying about its length, Redis refusing
writes, a reply redelivered with WAHA away, an erasure and the number passing to someone
else. Nothing reaches the model before consent; no log line holds any of the person's
data or any key; the next owner of the number sees nothing of the previous one."""

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

from events import EventLog, Keyspace, Record
from events.schema import ConsentGranted, ConsentRefused, ReplyRequested
from services.actions.erasure import ErasureReason, erase_subject
from services.conductor.brain import Brain
from services.conductor.groq_brain import GroqBrain
from services.conductor.outbox import Outbox
from services.domain import chats
from services.ingest.settings import IngestSettings
from services.projector.admin_api import create_admin_app
from services.projector.store import ReadModels
from services.runtime.store import StoreSettings
from services.waha.client import WahaClient
from tests.support.chaos_model import ChaosModel
from tests.support.log_capture import LogLines
from tests.support.projecting import caught_up, projecting
from tests.support.redis_cluster import config_set_everywhere
from tests.support.waha import HMAC_KEY, encode, lying_about_its_length, text_message
from tests.support.whole_stack import Phone, Stack

NUMBER = "5511944443333"
NAME = "Joana Prates Figueira"
CPF = "987.654.321-00"
BEFORE_CONSENT = [
    "Oi, tenho HIV e preciso de uma consulta urgente",
    "claro que tenho dúvidas, quem vai ler meus dados?",
    "Pode ser amanhã às 15h?",
    "no, I said yes by mistake, I do NOT accept",
]
SAID = [
    *BEFORE_CONSENT,
    "sim, aceito",
    f"Meu nome é {NAME}",
    f"quero marcar amanhã às 15h, meu CPF é {CPF}",
    "sim",
    f"obrigada! {NAME}, CPF {CPF}",  # its reply WAHA refuses
]
WHILE_REDIS_IS_FULL = f"ainda estou aqui, {NAME}"
NEXT_OWNER = "Benedita Nova"
CHAT_KEY_SECRET = b"chat-key-secret-" + b"c" * 32
GROQ_KEY = "gsk_" + "g" * 48
ADMIN_TOKEN = "admin-token-" + "a" * 40
WAHA_KEY = "waha-key"  # the simulator's, in the whole stack


@pytest.fixture
def ingest_settings(redis_url: str, keyspace: Keyspace) -> IngestSettings:
    return IngestSettings(
        hmac_keys=(HMAC_KEY,),
        store=StoreSettings(redis_url=redis_url, partitions=keyspace.partitions),
        chat_key_secret=CHAT_KEY_SECRET,
        max_body_bytes=64 * 1024,
    )


@pytest.fixture
def model() -> ChaosModel:
    """A model answering like the offline brain, recording what it is sent; a share of its
    calls fail (429/5xx, retried by the client) or stall."""
    return ChaosModel(fail_rate=0.2, stall_rate=0.2, stall_s=0.05, seed=11)


@pytest.fixture
async def brain(model: ChaosModel) -> AsyncIterator[Brain]:
    """Groq's client against that model."""
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
        WHILE_REDIS_IS_FULL, NEXT_OWNER,
        HMAC_KEY.decode(), CHAT_KEY_SECRET.decode(), GROQ_KEY, ADMIN_TOKEN, WAHA_KEY,
        *(k.hex() for k in keys), *(repr(k) for k in keys),
        *(base64.b64encode(k).decode() for k in keys),
    ]  # fmt: skip


def consents_in(history: list[Record]) -> list[type]:
    kinds = (ConsentGranted, ConsentRefused)
    return [type(r.envelope.event) for r in history if isinstance(r.envelope.event, kinds)]


def words_sent(bodies: list[str]) -> str:
    """What the model was sent, its escapes undone."""
    return " ".join(json.dumps(json.loads(body), ensure_ascii=False) for body in bodies)


@pytest.mark.timeout(180)
async def test_the_attacks_on_a_persons_data_leave_nothing_for_the_model_the_logs_or_the_next_owner(
    stack: Stack, redis: Redis, keyspace: Keyspace, log_lines: LogLines, model: ChaosModel
) -> None:
    http, sim_url, simulator = stack
    log = EventLog(redis, keyspace)
    chat = chats.chat_key(CHAT_KEY_SECRET, "default", f"{NUMBER}@c.us")
    await set_faults(http, sim_url, fail_rate=0.25, stall_rate=0.25, stall_seconds=0.05, seed=5)
    phone = Phone(http, sim_url, NUMBER)
    async with projecting(redis, keyspace):
        for text in BEFORE_CONSENT:
            await phone.say(text)
        assert model.heard == []  # health data, questions, a refusal: decided in code
        assert ConsentGranted not in consents_in(await log.chat_history(chat))

        replies = [await phone.say(text) for text in SAID[len(BEFORE_CONSENT) : -1]]
        assert any(NAME.split()[0] in reply for reply in replies)  # the model was told the name
        assert consents_in(await log.chat_history(chat))[-1] is ConsentGranted
        sent = words_sent(model.heard)
        assert [text for text in BEFORE_CONSENT if text in sent] == []

        await set_faults(http, sim_url, fail_sends=4)  # every attempt at the next reply fails
        async with http.post(f"{sim_url}/sim/inbound", json={"from": NUMBER, "text": SAID[-1]}):
            await logged_eventually(log_lines, "not delivered")

        ingest = urlsplit(simulator.webhook_url)
        body = encode(text_message("L1", chat=f"{NUMBER}@c.us", body=SAID[6]))
        await lying_about_its_length(str(ingest.hostname), int(ingest.port or 80), body)

        await config_set_everywhere(redis, "maxmemory", 1)  # a full Redis refuses every write
        try:
            inbound = {"from": NUMBER, "text": WHILE_REDIS_IS_FULL}
            async with http.post(f"{sim_url}/sim/inbound", json=inbound) as response:
                assert response.status == 503  # not taken: WAHA sends it again
            await asyncio.sleep(1)  # the consumers meet the refusals too
        finally:
            await config_set_everywhere(redis, "maxmemory", 0)
        assert await phone.say(WHILE_REDIS_IS_FULL)  # sent again, once Redis takes writes

        [reply, *_] = [r async for r in log.scan() if isinstance(r.envelope.event, ReplyRequested)]
        away = WahaClient(f"http://127.0.0.1:{await closed_port()}", WAHA_KEY, attempts=2)
        await Outbox(keyspace, away)(replace(reply, redelivered=True))  # it cannot tell
        await away.close()

        app = create_admin_app(log, token=ADMIN_TOKEN, chat_key_secret=CHAT_KEY_SECRET)
        async with TestClient(TestServer(app)) as admin:
            await admin.get(f"/v1/sessions/{NUMBER}@c.us", headers={"Authorization": "Bearer x"})
            await admin.get(
                f"/v1/subjects/{NUMBER}@c.us/export",
                headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
            )

        values = await personal_values(redis, keyspace)
        await caught_up(redis, keyspace, "conductor", "outbox")
        reason = ErasureReason.SUBJECT_REQUEST
        assert await erase_subject(log, ReadModels(redis, keyspace), chat, reason, "dpo")
        await caught_up(redis, keyspace, "conductor", "outbox")
        # The number passes to someone else, who writes from it: the same chat key.
        for text in ("oi", "sim", NEXT_OWNER):
            await phone.say(text)
        assert "não tem consultas" in await phone.say("minhas consultas")

    said = log_lines.text()  # what each failure made the services and libraries say
    for words in ("not delivered", "cannot tell whether WAHA took it", "Error handling request"):
        assert words in said
    found = [
        (value, line[:300])
        for line in log_lines()
        for value in values
        if value in line or value in " ".join(map(str, json.loads(line).values()))
    ]
    assert found == []
