"""Every engine's real webhook shapes, through the real gateway into the log."""

from __future__ import annotations

from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from events import EventLog
from events.schema import MessageRevoked, SessionStatusChanged
from services.domain import chats
from tests.support.waha import encode, signed_headers
from tests.support.waha_engines import CHAT, CORPUS, Shape

URL = "/webhooks/waha"
HANDLED = [shape for shape in CORPUS if not isinstance(shape.becomes, str)]
IGNORED = [shape for shape in CORPUS if isinstance(shape.becomes, str)]


async def post(client: TestClient, body: dict[str, Any]) -> tuple[int, Any]:
    raw = encode(body)
    response = await client.post(URL, data=raw, headers=signed_headers(raw))
    return response.status, await response.json()


@pytest.mark.parametrize("shape", HANDLED, ids=lambda shape: shape.id)
async def test_each_engines_shape_becomes_its_event_in_its_chat(
    ingest: TestClient, log: EventLog, shape: Shape
) -> None:
    status, answer = await post(ingest, shape.body)
    assert (status, answer["status"]) == (200, "accepted"), answer
    [record] = [r async for r in log.scan()]
    event = record.envelope.event
    assert type(event) is shape.becomes
    if isinstance(event, SessionStatusChanged):
        assert record.chat == chats.session_key("default")
        return
    assert getattr(event, "chat_id") == CHAT  # noqa: B009  (every chat event has one)
    if shape.message_id is not None:
        named = event.revoked_message_id if isinstance(event, MessageRevoked) else None
        assert (named or getattr(event, "message_id")) == shape.message_id  # noqa: B009


@pytest.mark.parametrize("shape", IGNORED, ids=lambda shape: shape.id)
async def test_each_engines_ignored_shape_appends_nothing(
    ingest: TestClient, log: EventLog, shape: Shape
) -> None:
    status, answer = await post(ingest, shape.body)
    assert (status, answer) == (200, {"status": "ignored", "reason": shape.becomes})
    assert [r async for r in log.scan()] == []


async def test_every_engine_files_one_persons_events_under_one_chat(
    ingest: TestClient, log: EventLog
) -> None:
    for shape in HANDLED:
        if shape.becomes is not SessionStatusChanged:
            await post(ingest, shape.body)
    chat_keys = {r.envelope.chat async for r in log.scan()}
    assert len(chat_keys) == 1
