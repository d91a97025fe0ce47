"""The read and typing indicators the outbox shows, in the bodies WAHA's DTOs define
(devlikeapro/waha, src/structures/chatting.dto.ts: ChatRequest and SendSeenRequest)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from services.waha.client import WahaClient

CHAT = "5511977770055@c.us"
ASKED = f"false_{CHAT}_3EB0AAAA"


@pytest.fixture
async def waha() -> AsyncIterator[tuple[list[tuple[str, Any]], WahaClient]]:
    """A WAHA that records each indicator's body and answers as WAHA does; startTyping
    fails, as on a session that is not WORKING (422)."""
    seen: list[tuple[str, Any]] = []

    async def indicator(request: web.Request) -> web.Response:
        seen.append((request.path, await request.json()))
        if request.path == "/api/startTyping":
            return web.json_response({"error": "session not working"}, status=422)
        return web.json_response({"result": True})

    app = web.Application()
    for action in ("sendSeen", "startTyping", "stopTyping"):
        app.router.add_post(f"/api/{action}", indicator)
    async with TestServer(app, host="127.0.0.1") as server:
        client = WahaClient(str(server.make_url("")).rstrip("/"), None, backoff_s=0.01)
        yield seen, client
        await client.close()


async def test_seen_names_the_persons_message_which_noweb_and_gows_need(
    waha: tuple[list[tuple[str, Any]], WahaClient],
) -> None:
    seen, client = waha
    assert await client.mark_seen("default", CHAT, ASKED)
    assert seen == [("/api/sendSeen", {"session": "default", "chatId": CHAT,
                                       "messageIds": [ASKED]})]  # fmt: skip


async def test_a_message_answering_nothing_marks_the_chat_seen(
    waha: tuple[list[tuple[str, Any]], WahaClient],
) -> None:
    seen, client = waha
    await client.mark_seen("default", CHAT, None)
    assert seen == [("/api/sendSeen", {"session": "default", "chatId": CHAT})]


async def test_typing_is_stopped_with_the_chat_request_body(
    waha: tuple[list[tuple[str, Any]], WahaClient],
) -> None:
    seen, client = waha
    assert await client.stop_typing("default", CHAT)
    assert seen == [("/api/stopTyping", {"session": "default", "chatId": CHAT})]


async def test_a_failed_indicator_is_reported_not_raised_nor_retried(
    waha: tuple[list[tuple[str, Any]], WahaClient],
) -> None:
    seen, client = waha
    assert not await client.start_typing("default", CHAT)
    assert len(seen) == 1
