"""Group, channel and broadcast webhooks: dropped at the gateway, counted, and logged
without a chat id, a number or a text."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from redis.asyncio import Redis

from events import EventLog
from services.ingest.app import GATEWAY
from tests.support.waha import ENGINES, GROUP, MEMBER, encode, group_message, signed_headers

URL = "/webhooks/waha"
PERSONAL = (GROUP.split("@")[0], MEMBER.split("@")[0], "987.654.321-00")


async def post(client: TestClient, body: dict[str, Any]) -> Any:
    raw = encode(body)
    response = await client.post(URL, data=raw, headers=signed_headers(raw))
    return await response.json()


def every_line(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)


@pytest.mark.parametrize("engine", ENGINES)
async def test_a_group_message_is_dropped_before_anything_is_appended(
    ingest: TestClient, log: EventLog, redis: Redis, engine: str
) -> None:
    keys_before = await redis.dbsize()
    answer = await post(ingest, group_message(engine))
    assert answer == {"status": "ignored", "reason": "group"}
    assert [r async for r in log.scan()] == []
    assert await redis.dbsize() == keys_before


async def test_dropped_group_messages_are_counted_by_reason(ingest: TestClient) -> None:
    for engine in ENGINES:
        await post(ingest, group_message(engine))
    labels = {"event": "message", "reason": "group"}
    registry = ingest.app[GATEWAY].registry
    assert registry.get_sample_value("wsm_webhook_ignored_total", labels) == len(ENGINES)


async def test_a_dropped_group_message_leaves_no_id_number_or_text_in_the_log(
    ingest: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for engine in ENGINES:
        await post(ingest, group_message(engine))
        await post(ingest, group_message(engine, from_me=True))
    lines = every_line(caplog)
    assert "dropped a message webhook: group" in lines
    assert [value for value in PERSONAL if value in lines] == []
