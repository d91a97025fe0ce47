"""The WAHA simulator speaks the parts of WAHA's API the product uses."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from services.waha.client import WahaClient
from services.waha_sim.app import Simulator, create_app
from services.waha_sim.engines import ENGINES, Engine
from tests.support.waha import BOT, HMAC_KEY
from tests.support.waha_engines import CHAT, CORPUS, Shape, T

SEND = {"session": "default", "chatId": "5511988887777@c.us", "text": "Olá"}
KEYED = {"X-Api-Key": "k"}


@pytest.fixture
async def sim() -> AsyncIterator[TestClient]:
    simulator = Simulator(webhook_url=None, hmac_key=HMAC_KEY, api_key="k")
    async with TestClient(TestServer(create_app(simulator))) as client:
        yield client


async def test_a_sent_text_is_listed_in_its_chat(sim: TestClient) -> None:
    response = await sim.post("/api/sendText", json=SEND, headers={"X-Api-Key": "k"})
    assert response.status == 201
    sent_id = (await response.json())["id"]
    listed = await (
        await sim.get("/api/default/chats/5511988887777@c.us/messages", headers=KEYED)
    ).json()
    assert [(m["id"], m["body"], m["fromMe"]) for m in listed] == [(sent_id, "Olá", True)]


async def test_without_the_api_key_nothing_is_sent(sim: TestClient) -> None:
    assert (await sim.post("/api/sendText", json=SEND)).status == 401
    listed = await (
        await sim.get("/api/default/chats/5511988887777@c.us/messages", headers=KEYED)
    ).json()
    assert listed == []


async def test_a_malformed_request_is_400(sim: TestClient) -> None:
    response = await sim.post("/api/sendText", json={"chatId": 5}, headers={"X-Api-Key": "k"})
    assert response.status == 400


async def test_faults_make_the_next_sends_fail(sim: TestClient) -> None:
    await sim.post("/sim/faults", json={"fail_sends": 1, "status": 503})
    headers = {"X-Api-Key": "k"}
    assert (await sim.post("/api/sendText", json=SEND, headers=headers)).status == 503
    assert (await sim.post("/api/sendText", json=SEND, headers=headers)).status == 201


async def test_a_share_of_sends_can_fail_and_another_answer_late(sim: TestClient) -> None:
    faults = {"fail_rate": 0.5, "stall_rate": 0.5, "stall_seconds": 0.2, "seed": 3}
    assert (await sim.post("/sim/faults", json=faults)).status == 200
    statuses, slow = [], 0
    for _ in range(20):
        started = time.perf_counter()
        response = await sim.post("/api/sendText", json=SEND, headers={"X-Api-Key": "k"})
        statuses.append(response.status)
        slow += response.status == 201 and time.perf_counter() - started >= 0.2
    assert statuses.count(500) + statuses.count(201) == 20
    assert 0 < statuses.count(500) < 20
    assert slow == statuses.count(201)  # the rest stall: sent, answered late
    sent = await (
        await sim.get(f"/api/default/chats/{SEND['chatId']}/messages", headers=KEYED)
    ).json()
    assert len(sent) == statuses.count(201)


@pytest.mark.parametrize(
    "faults",
    [{"fail_rate": 1.5}, {"stall_rate": -0.1}, {"fail_rate": 0.6, "stall_rate": 0.6},
     {"stall_seconds": 3600}, {"status": 200}, {"fail_sends": -1}, {"typo": 1}],
)  # fmt: skip
async def test_impossible_faults_are_refused(sim: TestClient, faults: dict[str, object]) -> None:
    response = await sim.post("/sim/faults", json=faults)
    assert response.status == 400
    assert "error" in await response.json()


async def test_sessions_report_working(sim: TestClient) -> None:
    [session] = await (await sim.get("/api/sessions", headers=KEYED)).json()
    assert session["status"] == "WORKING"


# --- Each engine's shapes -------------------------------------------------------------


def engine_sim(engine: str, **options: Any) -> Simulator:
    return Simulator(webhook_url=None, hmac_key=HMAC_KEY, api_key="k", engine=engine, **options)


@pytest.mark.parametrize("engine", ENGINES)
async def test_every_engines_send_answer_gives_the_id_the_chat_lists(engine: str) -> None:
    async with TestServer(create_app(engine_sim(engine))) as server:
        waha = WahaClient(str(server.make_url("")), "k")
        try:
            sent_id = await waha.send_text("default", SEND["chatId"], "Olá")
        finally:
            await waha.close()
        async with aiohttp.ClientSession() as http:
            url = server.make_url(f"/api/default/chats/{SEND['chatId']}/messages")
            async with http.get(url, headers=KEYED) as response:
                [listed] = await response.json()
    assert sent_id == listed["id"] == f"true_{SEND['chatId']}_{sent_id.rsplit('_', 1)[1]}"


async def test_noweb_answers_a_send_with_baileys_message() -> None:
    async with TestClient(TestServer(create_app(engine_sim("NOWEB")))) as client:
        response = await client.post("/api/sendText", json=SEND, headers={"X-Api-Key": "k"})
        answer = await response.json()
    assert response.status == 201
    assert answer["key"]["remoteJid"] == "5511988887777@s.whatsapp.net"
    assert answer["key"]["fromMe"] is True and "id" not in answer


async def test_without_the_api_key_the_answer_is_wahas(sim: TestClient) -> None:
    response = await sim.post("/api/sendText", json=SEND, headers={"X-Api-Key": "wrong"})
    assert response.status == 401
    assert await response.json() == {"message": "Unauthorized", "statusCode": 401}


async def test_a_send_to_a_session_not_working_gets_422_after_waiting() -> None:
    simulator = engine_sim("NOWEB", status_wait_s=0.2)
    simulator.statuses["default"] = [("STARTING", 0)]
    async with TestClient(TestServer(create_app(simulator))) as client:
        started = time.perf_counter()
        response = await client.post("/api/sendText", json=SEND, headers={"X-Api-Key": "k"})
        waited = time.perf_counter() - started
        answer = await response.json()
    assert response.status == 422 and waited >= 0.2
    assert (answer["status"], answer["expected"]) == ("STARTING", ["WORKING"])
    assert simulator.messages[("default", SEND["chatId"])] == []


async def test_a_send_waits_for_the_session_to_come_back() -> None:
    simulator = engine_sim("GOWS", status_wait_s=2)
    simulator.statuses["default"] = [("STARTING", 0)]
    async with TestClient(TestServer(create_app(simulator))) as client:
        loop = asyncio.get_running_loop()
        loop.call_later(0.1, simulator.statuses["default"].append, ("WORKING", 1))
        response = await client.post("/api/sendText", json=SEND, headers={"X-Api-Key": "k"})
    assert response.status == 201


def _shape(payload: dict[str, Any]) -> dict[str, Any]:
    """Which fields a payload has, and who it names where."""
    named = {k: payload[k] for k in ("from", "to", "participant", "fromMe") if k in payload}
    return {"fields": sorted(payload), **named}


def _simulated(engine: str, name: str) -> dict[str, Any]:
    shapes = Engine(engine, BOT)
    said = shapes.message(bare="3EB0M1", chat=CHAT, from_me=False, body="amanhã às 15h",
                          timestamp=T)  # fmt: skip
    reply = shapes.message(bare="3EB0AC", chat=CHAT, from_me=True, body="Olá!", timestamp=T,
                           source="api")  # fmt: skip
    made = {
        "a person writes": said,
        "the clinic's phone writes": shapes.message(
            bare="3EB0S1", chat=CHAT, from_me=True, body="Bom dia", timestamp=T),
        "a reply is read": shapes.ack(reply, 3),
        "a person reacts": shapes.reaction(bare="3EB0RA", chat=CHAT, from_me=False,
                                           text="👍", target=reply["id"], timestamp=T),
        "a person deletes a message": shapes.revoked(bare="3EB0RV", chat=CHAT, from_me=False,
                                                     original=said, timestamp=T),
        "a person edits a message": shapes.edited(bare="3EB0ED", chat=CHAT, from_me=False,
                                                  original=said, text="16h", timestamp=T),
    }  # fmt: skip
    return made[name]


COMPARED = [shape for shape in CORPUS if shape.engine in ENGINES and shape.name in (
    "a person writes", "the clinic's phone writes", "a reply is read", "a person reacts",
    "a person deletes a message", "a person edits a message")]  # fmt: skip


@pytest.mark.parametrize("shape", COMPARED, ids=lambda shape: shape.id)
def test_the_simulator_shapes_each_engines_payloads_as_the_corpus_does(shape: Shape) -> None:
    simulated, real = _simulated(shape.engine, shape.name), shape.body["payload"]
    assert _shape(simulated) == _shape(real)
    for side in ("after", "before"):
        if isinstance(real.get(side), dict):
            assert _shape(simulated[side]) == _shape(real[side])
