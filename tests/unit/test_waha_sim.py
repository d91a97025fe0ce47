"""The WAHA simulator speaks the parts of WAHA's API the product uses."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from services.waha_sim.app import Simulator, create_app
from tests.support.waha import HMAC_KEY

SEND = {"session": "default", "chatId": "5511988887777@c.us", "text": "Olá"}


@pytest.fixture
async def sim() -> AsyncIterator[TestClient]:
    simulator = Simulator(webhook_url=None, hmac_key=HMAC_KEY, api_key="k")
    async with TestClient(TestServer(create_app(simulator))) as client:
        yield client


async def test_a_sent_text_is_listed_in_its_chat(sim: TestClient) -> None:
    response = await sim.post("/api/sendText", json=SEND, headers={"X-Api-Key": "k"})
    assert response.status == 201
    sent_id = (await response.json())["id"]
    listed = await (await sim.get("/api/default/chats/5511988887777@c.us/messages")).json()
    assert [(m["id"], m["body"], m["fromMe"]) for m in listed] == [(sent_id, "Olá", True)]


async def test_without_the_api_key_nothing_is_sent(sim: TestClient) -> None:
    assert (await sim.post("/api/sendText", json=SEND)).status == 401
    listed = await (await sim.get("/api/default/chats/5511988887777@c.us/messages")).json()
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
    sent = await (await sim.get(f"/api/default/chats/{SEND['chatId']}/messages")).json()
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
    [session] = await (await sim.get("/api/sessions")).json()
    assert session["status"] == "WORKING"
