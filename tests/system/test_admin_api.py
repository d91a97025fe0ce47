"""The projector's admin HTTP API: read models and a subject's rights, behind a token."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import msgspec
import pytest
from aiohttp.test_utils import TestClient, TestServer
from redis.asyncio import Redis

from events import EventLog, Keyspace
from services.domain import chats
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET
from services.projector.admin_api import create_admin_app
from services.projector.admin_openapi import OPENAPI
from services.projector.settings import ProjectorSettings
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from services.runtime.settings import SettingsError
from tests.support.factories import message
from tests.support.projecting import caught_up, projecting
from tests.support.whole_stack import Phone, Stack

TOKEN = secrets.token_hex(32)
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NUMBER = "5511977770077"
SUBJECT = chats.chat_key(DEVELOPMENT_CHAT_KEY_SECRET.encode(), "default", f"{NUMBER}@c.us")
SECRET = DEVELOPMENT_CHAT_KEY_SECRET.encode()


@pytest.fixture
async def admin(log: EventLog) -> AsyncIterator[TestClient]:
    app = create_admin_app(log, token=TOKEN, chat_key_secret=SECRET)
    async with TestClient(TestServer(app)) as client:
        yield client


async def get(admin: TestClient, path: str, status: int = 200) -> dict:
    response = await admin.get(path, headers=AUTH)
    assert response.status == status, await response.text()
    assert response.content_type == "application/json"
    return dict(await response.json())


async def register_and_book(stack: Stack) -> None:
    http, sim_url, _ = stack
    phone = Phone(http, sim_url, NUMBER)
    for text in ("oi", "sim", "Olga", "marcar amanhã às 15h", "sim"):
        await phone.say(text)


@pytest.fixture
async def booked(stack: Stack, redis: Redis, keyspace: Keyspace) -> AsyncIterator[None]:
    """The subject registered and booked, with a projector running and caught up."""
    async with projecting(redis, keyspace):
        await register_and_book(stack)
        await caught_up(redis, keyspace)
        yield


# --- the token -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Basic "}],
    ids=["none", "wrong", "no scheme", "basic"],
)
async def test_every_data_route_needs_the_token(admin: TestClient, headers: dict) -> None:
    for path in ("/v1/sessions", f"/v1/sessions/{SUBJECT}", f"/v1/subjects/{SUBJECT}/export"):
        response = await admin.get(path, headers=headers)
        assert response.status == 401
        assert await response.json() == {"error": "a valid bearer token is required"}
    response = await admin.post(f"/v1/subjects/{SUBJECT}/erasure", headers=headers, json={})
    assert response.status == 401


async def test_the_description_and_health_check_need_no_token(admin: TestClient) -> None:
    assert (await admin.get("/healthz")).status == 200
    response = await admin.get("/v1/openapi.json")
    assert response.status == 200
    assert (await response.json())["openapi"] == "3.1.0"


def test_a_short_token_is_refused_at_start() -> None:
    with pytest.raises(SettingsError, match="ADMIN_API_TOKEN"):
        ProjectorSettings.from_env({"ADMIN_API_TOKEN": "short"})


def test_without_a_token_the_api_stays_off() -> None:
    assert ProjectorSettings.from_env({}).admin_token is None


# --- what it serves ---------------------------------------------------------------------


async def test_a_subjects_session_consent_and_appointments_by_chat_id_or_key(
    booked: None, admin: TestClient
) -> None:
    by_id = await get(admin, f"/v1/sessions/{NUMBER}@c.us")
    assert by_id == await get(admin, f"/v1/sessions/{SUBJECT}")
    assert by_id["conversation"]["name"] == "Olga"
    consent = await get(admin, f"/v1/subjects/{SUBJECT}/consent")
    assert [r["kind"] for r in consent["items"]] == ["requested", "granted"]
    assert consent["next_cursor"] is None
    appointments = await get(admin, f"/v1/subjects/{SUBJECT}/appointments")
    [booked] = appointments["items"]
    assert booked["status"] == "booked"
    day = booked["start"][:10]
    on_day = await get(admin, f"/v1/appointments?day={day}")
    assert [a["appointment_id"] for a in on_day["items"]] == [booked["appointment_id"]]


async def test_export_holds_the_events_with_their_words(booked: None, admin: TestClient) -> None:
    document = await get(admin, f"/v1/subjects/{NUMBER}@c.us/export")
    assert document["subject"] == SUBJECT
    said = [
        e["event"].get("text")
        for e in document["events"]
        if e["event"]["type"] == "message.received"
    ]
    assert said == ["oi", "sim", "Olga", "marcar amanhã às 15h", "sim"]


async def test_erasure_over_http_is_recorded_with_who_asked(
    booked: None, redis: Redis, keyspace: Keyspace, admin: TestClient
) -> None:
    path = f"/v1/subjects/{SUBJECT}/erasure"
    response = await admin.post(path, headers=AUTH, json={"requested_by": "dpo@clinica"})
    assert response.status == 202, await response.text()
    assert (await response.json())["subject"] == SUBJECT
    await caught_up(redis, keyspace)
    again = await admin.post(path, headers=AUTH, json={"requested_by": "dpo@clinica"})
    assert again.status == 404
    consent = await get(admin, f"/v1/subjects/{SUBJECT}/consent")
    erased = consent["items"][-1]
    assert erased["kind"] == "erased" and erased["reason"] == "subject_request"
    session = await get(admin, f"/v1/sessions/{SUBJECT}")
    assert session["erased_at"] is not None and session["conversation"]["name"] is None


async def test_a_name_corrected_over_http_shows_in_the_session(
    booked: None, redis: Redis, keyspace: Keyspace, admin: TestClient
) -> None:
    body = {"name": "Olga Benário", "requested_by": "dpo@clinica"}
    response = await admin.post(f"/v1/subjects/{SUBJECT}/correction", headers=AUTH, json=body)
    assert response.status == 202, await response.text()
    await caught_up(redis, keyspace)
    session = await get(admin, f"/v1/sessions/{SUBJECT}")
    assert session["conversation"]["name"] == "Olga Benário"


@pytest.mark.parametrize(
    "body",
    [
        b'{"name": "Olga"}',
        b'{"name": "O", "requested_by": "dpo"}',
        b'{"name": 7, "requested_by": "dpo"}',
        b'{"name": "Olga", "requested_by": ""}',
        b'{"name": "<script>alert(1)</script>", "requested_by": "dpo"}',
        b'{"name": "Olga", "requested_by": "dpo\\u0000drop"}',
        b'{"name": "Olga", "requested_by": "dpo", "stage": "registered"}',
    ],
)
async def test_a_bad_correction_is_a_400_and_records_nothing(
    booked: None, log: EventLog, admin: TestClient, body: bytes
) -> None:
    before = len(await log.chat_history(SUBJECT))
    path = f"/v1/subjects/{SUBJECT}/correction"
    headers = {**AUTH, "Content-Type": "application/json"}
    response = await admin.post(path, headers=headers, data=body)
    assert response.status == 400
    assert len(await log.chat_history(SUBJECT)) == before


async def test_sessions_come_in_pages_most_recent_first_without_gaps_or_repeats(
    log: EventLog, redis: Redis, keyspace: Keyspace, admin: TestClient
) -> None:
    start = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    async with projecting(redis, keyspace):
        for n in range(23):
            # Pairs of chats active in the same millisecond, to cross pages on a tie.
            at = start + timedelta(seconds=n // 2)
            said = msgspec.structs.replace(message(chat=f"c{n:032x}"), recorded_at=at)
            await log.append(said)
        await caught_up(redis, keyspace)
    seen: list[str] = []
    cursor = None
    while True:
        query = "?limit=4" + (f"&cursor={cursor}" if cursor else "")
        page = await get(admin, f"/v1/sessions{query}")
        seen += [s["chat"] for s in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 23 and len(set(seen)) == 23
    expected = sorted(
        (f"c{n:032x}" for n in range(23)), key=lambda chat: (int(chat, 16) // 2, chat), reverse=True
    )
    assert seen == expected


async def test_a_subject_nothing_is_known_about_is_a_404(admin: TestClient) -> None:
    unknown = "c" + "0" * 32
    for path in (f"/v1/sessions/{unknown}", f"/v1/subjects/{unknown}/export"):
        assert (await get(admin, path, status=404))["error"]
    response = await admin.post(
        f"/v1/subjects/{unknown}/erasure", headers=AUTH, json={"requested_by": "dpo"}
    )
    assert response.status == 404


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/v1/sessions?limit=0",
        "/v1/sessions?limit=201",
        "/v1/sessions?limit=abc",
        "/v1/sessions?limit=%C2%B2",
        "/v1/sessions?cursor=%%%",
        "/v1/sessions?cursor=bm9wZQ",
        "/v1/subjects/c00/consent",
        "/v1/subjects/not-a-subject/export",
        "/v1/subjects/55%2011@c.us/appointments",
        f"/v1/subjects/{SUBJECT}/consent?cursor=LTE",
        # Cursors of 20 digits, past any page: "9" * 20, and with a chat after it.
        f"/v1/subjects/{SUBJECT}/consent?cursor=OTk5OTk5OTk5OTk5OTk5OTk5OTk",
        f"/v1/subjects/{SUBJECT}/appointments?cursor=OTk5OTk5OTk5OTk5OTk5OTk5OTk",
        "/v1/sessions?cursor=OTk5OTk5OTk5OTk5OTk5OTk5OTk6YzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw",
        "/v1/appointments",
        "/v1/appointments?day=amanha",
        "/v1/appointments?day=2026-02-30",
    ],
)
async def test_bad_query_or_subject_is_a_400_naming_the_problem(
    admin: TestClient, path: str
) -> None:
    body = await get(admin, path, status=400)
    assert body["error"]


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{",
        b"[]",
        b'{"requested_by": 1}',
        b'{"requested_by": "  "}',
        b'{"who": "x"}',
        b'{"requested_by": "' + b"x" * 201 + b'"}',
    ],
)
async def test_a_bad_erasure_request_is_a_400_and_erases_nothing(
    stack: Stack, redis: Redis, keyspace: Keyspace, admin: TestClient, body: bytes
) -> None:
    await register_and_book(stack)
    path = f"/v1/subjects/{SUBJECT}/erasure"
    response = await admin.post(
        path, headers={**AUTH, "Content-Type": "application/json"}, data=body
    )
    assert response.status == 400
    assert await redis.hget(keyspace.subject_keys(keyspace.partition_of(SUBJECT)), SUBJECT)


async def test_unknown_routes_and_methods_answer_in_json(admin: TestClient) -> None:
    assert (await get(admin, "/v1/nothing", status=404))["error"]
    response = await admin.delete("/v1/sessions", headers=AUTH)
    assert response.status == 405
    assert (await response.json())["error"]


async def test_every_route_is_described(admin: TestClient) -> None:
    served = {
        resource.canonical
        for resource in admin.app.router.resources()  # type: ignore[union-attr]
    }
    assert served == set(OPENAPI["paths"])


async def test_the_projector_process_serves_the_api_with_its_token(
    redis_server: RedisServer, redis: Redis
) -> None:
    admin_port = free_port()
    env = {
        **os.environ,
        "REDIS_URL": redis_server.url,
        "PARTITIONS": "4",
        "ADMIN_API_TOKEN": TOKEN,
        "CHAT_KEY_SECRET": secrets.token_hex(32),
    }
    command = [sys.executable, "-m", "services.cli", "projector", "--admin-port", str(admin_port)]
    projector = await asyncio.create_subprocess_exec(*command, env=env)
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{admin_port}") as http:
            for _ in range(200):
                with contextlib.suppress(aiohttp.ClientConnectionError):
                    async with http.get("/healthz"):
                        break
                await asyncio.sleep(0.05)
            async with http.get("/v1/sessions") as response:
                assert response.status == 401
            async with http.get("/v1/sessions", headers=AUTH) as response:
                assert response.status == 200
                assert await response.json() == {"items": [], "next_cursor": None}
    finally:
        projector.terminate()
        assert await asyncio.wait_for(projector.wait(), 30) == 0


async def test_releasing_a_chat_not_handed_to_a_person_is_a_409(
    booked: None, admin: TestClient
) -> None:
    path = f"/v1/subjects/{SUBJECT}/handoff/release"
    response = await admin.post(path, headers=AUTH, json={"requested_by": "recepcao"})
    assert response.status == 409
    assert (await response.json())["error"]
