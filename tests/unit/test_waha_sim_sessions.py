"""The simulator's sessions behave as WAHA's: a status per session, sends that wait for a
session that is not WORKING and then answer 422, and the ``sha512:`` form of the API key."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from services.waha_sim.app import SIMULATOR, Simulator, create_app
from tests.support.waha import HMAC_KEY

SEND = {"session": "default", "chatId": "5511988887777@c.us", "text": "Olá"}
KEY = "a-plain-key-for-the-simulator"


async def client_of(simulator: Simulator) -> TestClient:
    client = TestClient(TestServer(create_app(simulator)))
    await client.start_server()
    return client


@pytest.fixture
async def sim() -> AsyncIterator[TestClient]:
    simulator = Simulator(webhook_url=None, hmac_key=HMAC_KEY, api_key=KEY)
    simulator.status_wait_s = 0.3
    client = await client_of(simulator)
    yield client
    await client.close()


async def test_a_send_waits_for_a_session_not_working_then_is_refused_with_422(
    sim: TestClient,
) -> None:
    assert (await sim.post("/sim/session", json={"status": "SCAN_QR_CODE"})).status == 200
    started = time.perf_counter()
    response = await sim.post("/api/sendText", json=SEND, headers={"X-Api-Key": KEY})
    assert response.status == 422 and time.perf_counter() - started >= 0.3
    body = await response.json()
    assert (body["status"], body["expected"]) == ("SCAN_QR_CODE", ["WORKING"])
    assert sim.server.app[SIMULATOR].messages == {}


async def test_a_session_that_works_again_within_the_wait_takes_the_send(
    sim: TestClient,
) -> None:
    await sim.post("/sim/session", json={"status": "STARTING"})
    sending = sim.post("/api/sendText", json=SEND, headers={"X-Api-Key": KEY})
    await sim.post("/sim/session", json={"status": "WORKING"})
    assert (await sending).status == 201


async def test_a_session_reports_its_status(sim: TestClient) -> None:
    await sim.post("/sim/session", json={"status": "FAILED"})
    response = await sim.get("/api/sessions/default", headers={"X-Api-Key": KEY})
    assert (await response.json())["status"] == "FAILED"
    assert (await sim.get("/api/sessions/other", headers={"X-Api-Key": KEY})).status == 404


async def test_an_unknown_status_is_refused(sim: TestClient) -> None:
    assert (await sim.post("/sim/session", json={"status": "ASLEEP"})).status == 400


async def test_a_wrong_key_gets_wahas_401() -> None:
    client = await client_of(Simulator(webhook_url=None, hmac_key=HMAC_KEY, api_key=KEY))
    response = await client.post("/api/sendText", json=SEND, headers={"X-Api-Key": "other"})
    assert response.status == 401
    assert await response.json() == {"message": "Unauthorized", "statusCode": 401}
    await client.close()


@pytest.mark.parametrize(
    "path",
    [
        "/api/sessions",
        "/api/sessions/default",
        "/api/default/chats/overview",
        "/api/default/chats/5511988887777@c.us/messages",
    ],
)
async def test_every_read_of_wahas_api_asks_for_the_key_as_sends_do(
    sim: TestClient, path: str
) -> None:
    # WAHA's key middleware covers every route under /api (src/app.module.ts).
    refused = await sim.get(path)
    assert refused.status == 401
    assert (await sim.get(path, headers={"X-Api-Key": KEY})).status == 200


async def test_a_hashed_key_accepts_its_plain_key_alone() -> None:
    hashed = "sha512:" + hashlib.sha512(KEY.encode()).hexdigest()
    client = await client_of(Simulator(webhook_url=None, hmac_key=HMAC_KEY, api_key=hashed))
    ok = await client.post("/api/sendText", json=SEND, headers={"X-Api-Key": KEY})
    refused = await client.post("/api/sendText", json=SEND, headers={"X-Api-Key": hashed})
    assert (ok.status, refused.status) == (201, 401)
    await client.close()


async def webhooks_after_a_send(phone_online: bool) -> list[dict[str, Any]]:
    """The webhooks the simulator posts to a gateway around one send."""
    received: list[dict[str, Any]] = []

    async def gateway(request: web.Request) -> web.Response:
        received.append(await request.json())
        return web.json_response({"status": "accepted"})

    app = web.Application()
    app.router.add_post("/webhooks/waha", gateway)
    async with TestServer(app, host="127.0.0.1") as server:
        simulator = Simulator(webhook_url=str(server.make_url("/webhooks/waha")),
                              hmac_key=HMAC_KEY, api_key=KEY)  # fmt: skip
        client = await client_of(simulator)
        change = {"status": "WORKING", "phone_online": phone_online}
        await client.post("/sim/session", json=change)
        await client.post("/api/sendText", json=SEND, headers={"X-Api-Key": KEY})
        await asyncio.sleep(0.3)
        await client.close()
    return received


async def test_whatsapp_acknowledges_each_send_with_wahas_message_ack() -> None:
    status, ack = await webhooks_after_a_send(phone_online=True)
    assert status["event"] == "session.status" and status["payload"]["status"] == "WORKING"
    assert ack["event"] == "message.ack" and ack["payload"]["fromMe"] is True
    assert (ack["payload"]["ack"], ack["payload"]["ackName"]) == (1, "SERVER")
    assert ack["payload"]["to"] == SEND["chatId"]


async def test_a_phone_offline_leaves_every_send_unacknowledged() -> None:
    [status] = await webhooks_after_a_send(phone_online=False)
    assert status["event"] == "session.status"
