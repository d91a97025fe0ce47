"""``wsm identities sync``: the linked ids WAHA's LID endpoints know, folded into their
phone numbers' conversations; against a local server speaking those endpoints as
devlikeapro/waha does (src/api/lids.controller.ts, src/structures/lids.dto.ts)."""

from __future__ import annotations

import argparse
import io
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from redis.asyncio import Redis

from events import EventLog, Keyspace, MessageReceived
from events.schema import IdentityLinked
from services.cli.identities import sync
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET, chat_key
from services.ingest.settings import IngestSettings
from tests.support.kek import kek_env
from tests.support.linked_ids import LINKED, PHONE
from tests.support.waha import encode, signed_headers, text_message

API_KEY = "waha-api-key-for-the-lid-endpoints-0123"
BY_PHONE = chat_key(DEVELOPMENT_CHAT_KEY_SECRET.encode(), "default", PHONE)
BY_LINKED = chat_key(DEVELOPMENT_CHAT_KEY_SECRET.encode(), "default", LINKED)
# Others WAHA knows, enough for more than one page; one without a number, as WAHA answers
# a linked id whose phone number its engine has not seen (``pn: null``).
OTHERS = [{"lid": f"3{n:014d}@lid", "pn": f"55119{n:08d}@c.us"} for n in range(140)]
UNKNOWN = {"lid": "399999999999999@lid", "pn": None}


class LidEndpoints:
    """``GET /api/{session}/lids``: a page of ``{lid, pn}``, sorted by lid, 422 unless the
    session is WORKING, 401 without the key."""

    def __init__(self, known: list[dict[str, Any]]) -> None:
        self.known = sorted(known, key=lambda entry: str(entry["lid"]))
        self.working = True
        self.pages = 0

    async def lids(self, request: web.Request) -> web.Response:
        if request.headers.get("X-Api-Key") != API_KEY:
            return web.json_response({"message": "Unauthorized", "statusCode": 401}, status=401)
        if not self.working:
            return web.json_response({"statusCode": 422, "error": "Unprocessable Entity",
                                      "message": "Session status is not as expected."},
                                     status=422)  # fmt: skip
        limit = int(request.query.get("limit", "100"))
        offset = int(request.query.get("offset", "0"))
        self.pages += 1
        return web.json_response(self.known[offset : offset + limit])


@pytest.fixture
async def waha() -> AsyncIterator[tuple[LidEndpoints, str]]:
    endpoints = LidEndpoints([{"lid": LINKED, "pn": PHONE}, *OTHERS, UNKNOWN])
    app = web.Application()
    app.router.add_get("/api/{session}/lids", endpoints.lids)
    async with TestServer(app) as server:
        yield endpoints, str(server.make_url("")).rstrip("/")


def environment(ingest_settings: IngestSettings, waha_url: str) -> dict[str, str]:
    return {"REDIS_URL": ingest_settings.store.redis_url, "PARTITIONS": "4",
            "DEVELOPMENT_MODE": "true", "WAHA_URL": waha_url, "WAHA_API_KEY": API_KEY,
            **kek_env()}  # fmt: skip


async def post(ingest: TestClient, message_id: str, chat: str) -> None:
    raw = encode(text_message(message_id, chat=chat))
    response = await ingest.post("/webhooks/waha", data=raw, headers=signed_headers(raw))
    assert response.status == 200, await response.text()


async def logged(redis: Redis, keyspace: Keyspace) -> list[tuple[str, Any]]:
    return [(r.envelope.chat, r.envelope.event) async for r in EventLog(redis, keyspace).scan()]


async def test_a_sync_folds_a_linked_ids_conversation_into_its_phone_numbers(
    ingest: TestClient, redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings,
    waha: tuple[LidEndpoints, str],
) -> None:  # fmt: skip
    await post(ingest, "W1", PHONE)
    await post(ingest, "W2", LINKED)
    out = io.StringIO()
    assert await sync("default", environment(ingest_settings, waha[1]), out) == 0
    assert out.getvalue() == "141 linked ids known to WAHA; 1 of them newly joined a conversation\n"
    await post(ingest, "W3", LINKED)
    events = await logged(redis, keyspace)
    [(chat, linked)] = [(c, e) for c, e in events if isinstance(e, IdentityLinked)]
    assert (chat, linked.folded_chat, linked.source) == (BY_PHONE, BY_LINKED, "lids_api")
    said = sorted(c for c, e in events if isinstance(e, MessageReceived))
    assert said == sorted([BY_PHONE, BY_LINKED, BY_PHONE])


async def test_every_page_is_read(
    ingest_settings: IngestSettings, waha: tuple[LidEndpoints, str]
) -> None:
    assert await sync("default", environment(ingest_settings, waha[1]), io.StringIO()) == 0
    assert waha[0].pages == 2


async def test_a_sync_run_again_records_nothing_twice(
    ingest: TestClient, redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings,
    waha: tuple[LidEndpoints, str],
) -> None:  # fmt: skip
    await post(ingest, "W1", PHONE)
    await post(ingest, "W2", LINKED)
    env = environment(ingest_settings, waha[1])
    assert await sync("default", env, io.StringIO()) == 0
    out = io.StringIO()
    assert await sync("default", env, out) == 0
    assert out.getvalue().endswith("; 0 of them newly joined a conversation\n")
    events = await logged(redis, keyspace)
    assert len([e for _, e in events if isinstance(e, IdentityLinked)]) == 1


async def test_a_session_not_working_is_one_clear_line_and_changes_nothing(
    redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings,
    waha: tuple[LidEndpoints, str], capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    waha[0].working = False
    assert await sync("default", environment(ingest_settings, waha[1]), io.StringIO()) == 1
    assert capsys.readouterr().err == (
        "wsm identities: WAHA refused: GET /api/{session}/lids: HTTP 422 "
        "(is the session WORKING, and WAHA_API_KEY right?)\n"
    )
    assert await logged(redis, keyspace) == []


def test_the_command_line_names_the_action_and_session() -> None:
    from services.cli import build_parser

    args = build_parser("identities").parse_args(["identities", "sync", "--session", "s2"])
    assert isinstance(args, argparse.Namespace)
    assert (args.action, args.session) == ("sync", "s2")


async def test_people_who_never_wrote_leave_nothing_behind(
    redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings,
    waha: tuple[LidEndpoints, str],
) -> None:  # fmt: skip
    out = io.StringIO()
    assert await sync("default", environment(ingest_settings, waha[1]), out) == 0
    assert out.getvalue().endswith("; 0 of them newly joined a conversation\n")
    assert await logged(redis, keyspace) == []
    assert [key async for key in redis.scan_iter("wsm:{identities}:*")] == []
