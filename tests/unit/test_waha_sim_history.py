"""The simulator's chat history as the reconciler reads it, and the webhook it drops.

Shapes from devlikeapro/waha: ``GET /api/{session}/chats/overview`` answers ChatSummary
(id, name, picture, lastMessage, _chat), newest chat first (src/api/chats.controller.ts,
src/structures/chats.dto.ts); ``GET /api/{session}/chats/{chatId}/messages`` reads
``limit``, ``offset``, ``sortOrder`` and ``filter.timestamp.gte`` (GetChatMessagesQuery,
GetChatMessagesFilter in the same file).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from services.waha_sim.app import SIMULATOR, Simulator, create_app
from tests.support.waha import HMAC_KEY

CHAT = "5511988887777@c.us"
HISTORY = f"/api/default/chats/{CHAT}/messages"
KEYED = {"X-Api-Key": "k"}


@pytest.fixture
async def sim() -> AsyncIterator[TestClient]:
    # No gateway: a message whose webhook is not dropped would have nowhere to go (409).
    simulator = Simulator(webhook_url=None, hmac_key=HMAC_KEY, api_key="k")
    async with TestClient(TestServer(create_app(simulator))) as client:
        yield client


async def write(sim: TestClient, number: str, text: str) -> dict[str, object]:
    await sim.post("/sim/faults", json={"drop_webhooks": 1})
    response = await sim.post("/sim/inbound", json={"from": number, "text": text})
    assert response.status == 200
    answer: dict[str, object] = await response.json()
    return answer


async def test_a_dropped_webhooks_message_is_kept_in_its_chat_and_never_posted(
    sim: TestClient,
) -> None:
    answer = await write(sim, "5511988887777", "oi")
    assert answer["dropped"] is True
    listed = await (await sim.get(HISTORY, headers=KEYED)).json()
    assert [(m["id"], m["body"]) for m in listed] == [(answer["message_id"], "oi")]


async def test_only_as_many_webhooks_as_asked_are_dropped(sim: TestClient) -> None:
    await write(sim, "5511988887777", "oi")
    response = await sim.post("/sim/inbound", json={"from": "5511988887777", "text": "de novo"})
    assert response.status == 409  # this one's webhook is sent, to no gateway


async def test_the_overview_lists_chats_newest_first_with_their_last_message(
    sim: TestClient,
) -> None:
    await write(sim, "5511911110000", "primeiro")
    await write(sim, "5511922220000", "segundo")
    sim.server.app[SIMULATOR].messages[("default", "5511911110000@c.us")][0]["timestamp"] -= 60
    overview = await (
        await sim.get("/api/default/chats/overview", headers=KEYED, params={"limit": "1"})
    ).json()
    assert [(c["id"], c["lastMessage"]["body"]) for c in overview] == [
        ("5511922220000@c.us", "segundo")
    ]


async def test_the_history_is_filtered_by_time_and_listed_newest_first_when_asked(
    sim: TestClient,
) -> None:
    for text in ("velha", "nova 1", "nova 2"):
        await write(sim, "5511988887777", text)
    kept = sim.server.app[SIMULATOR].messages[("default", CHAT)]
    kept[0]["timestamp"] -= 3600
    params = {"sortOrder": "desc", "filter.timestamp.gte": str(kept[1]["timestamp"])}
    listed = await (await sim.get(HISTORY, headers=KEYED, params=params)).json()
    assert [m["body"] for m in listed] == ["nova 2", "nova 1"]
