"""Replies wait for their WAHA session: a session that is not WORKING (WAHA waits 5 s and
answers 422) holds them until it works again; nothing is lost and nothing sent twice. A
WAHA that refuses the API key is said once, loudly, and counted."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from prometheus_client import CollectorRegistry

from events import Keyspace, Record, new_envelope
from events.checkpoint import Command
from events.codec import decode_entry, encode_entry
from events.schema import ReplyFailed, ReplySent, SessionStatusChanged
from services.conductor.metrics import ConductorMetrics
from services.conductor.outbox import Outbox
from services.conductor.session_gate import SessionGate
from services.waha.client import SessionNotWorking, WahaClient, WahaError
from services.waha_sim.app import Simulator, create_app
from tests.support.outbox_records import CHAT, KEY, as_stored, reply_record

Waha = tuple[Simulator, str]


@pytest.fixture
async def waha() -> AsyncIterator[Waha]:
    simulator = Simulator(webhook_url=None, hmac_key=b"key", api_key="right-key")
    simulator.status_wait_s = 0.05  # WAHA waits 5 s; the test has no such time
    async with TestServer(create_app(simulator), host="127.0.0.1") as server:
        yield simulator, str(server.make_url("")).rstrip("/")


def sent_by_bot(simulator: Simulator) -> list[dict[str, object]]:
    return [m for m in simulator.messages[("default", CHAT)] if m["fromMe"]]


def outcome(effects: Sequence[Command]) -> object:
    [(_, _, _, *fields)] = effects
    pairs = dict(zip(fields[::2], fields[1::2], strict=True))
    return decode_entry("2-0", 0, as_stored(pairs), KEY).envelope.event


def status_record(status: str) -> Record:
    envelope = new_envelope(SessionStatusChanged(status=status), chat="session", session="default")
    return decode_entry("1-0", 0, as_stored(encode_entry(envelope, KEY)), KEY)


async def test_a_reply_waits_for_its_session_to_work_and_then_goes_out_once(waha: Waha) -> None:
    simulator, url = waha
    simulator.set_status("default", "SCAN_QR_CODE")
    client = WahaClient(url, "right-key", backoff_s=0.01)
    outbox = Outbox(Keyspace(), client, session_poll_s=0.05)
    delivery = asyncio.create_task(outbox(reply_record()))
    await asyncio.sleep(0.5)
    assert not delivery.done() and sent_by_bot(simulator) == []
    simulator.set_status("default", "WORKING")
    sent = outcome(await asyncio.wait_for(delivery, 5))
    assert isinstance(sent, ReplySent)
    assert [m["id"] for m in sent_by_bot(simulator)] == [sent.waha_message_id]
    await client.close()


async def test_a_session_status_event_releases_the_waiting_replies(waha: Waha) -> None:
    simulator, url = waha
    simulator.set_status("default", "SCAN_QR_CODE")
    client = WahaClient(url, "right-key", backoff_s=0.01)
    outbox = Outbox(Keyspace(), client, session_poll_s=60)  # WAHA is asked only once
    delivery = asyncio.create_task(outbox(reply_record()))
    await asyncio.sleep(0.3)
    simulator.set_status("default", "WORKING")
    assert await outbox(status_record("WORKING")) == ()
    assert isinstance(outcome(await asyncio.wait_for(delivery, 5)), ReplySent)
    assert len(sent_by_bot(simulator)) == 1
    await client.close()


async def test_a_session_known_not_to_work_is_not_sent_to(waha: Waha) -> None:
    simulator, url = waha
    client = WahaClient(url, "right-key", backoff_s=0.01)
    outbox = Outbox(Keyspace(), client, session_poll_s=60)
    await outbox(status_record("STARTING"))
    simulator.set_status("default", "STARTING")
    delivery = asyncio.create_task(outbox(reply_record()))
    await asyncio.sleep(0.3)
    assert not delivery.done() and sent_by_bot(simulator) == []
    delivery.cancel()
    await client.close()


def test_an_older_session_status_does_not_undo_a_newer_one() -> None:
    gate = SessionGate(WahaClient.__new__(WahaClient))
    now = datetime.now(UTC)
    gate.observe("default", "WORKING", now)
    gate.observe("default", "SCAN_QR_CODE", now - timedelta(seconds=1))
    assert gate.status("default") == "WORKING"


async def test_a_422_for_another_cause_fails_the_reply_at_once() -> None:
    async def send_text(request: web.Request) -> web.Response:
        return web.json_response({"message": "engine does not do this"}, status=422)

    async def indicator(request: web.Request) -> web.Response:
        return web.json_response({})

    app = web.Application()
    app.router.add_post("/api/sendText", send_text)
    for action in ("sendSeen", "startTyping"):
        app.router.add_post(f"/api/{action}", indicator)
    async with TestServer(app, host="127.0.0.1") as server:
        client = WahaClient(str(server.make_url("")).rstrip("/"), None)
        failed = outcome(await asyncio.wait_for(Outbox(Keyspace(), client)(reply_record()), 5))
        await client.close()
    assert isinstance(failed, ReplyFailed) and failed.error == "POST /api/sendText: HTTP 422"


async def test_a_refused_api_key_is_one_error_line_and_counted_for_each_reply(
    waha: Waha, caplog: pytest.LogCaptureFixture
) -> None:
    _, url = waha
    registry = CollectorRegistry()
    client = WahaClient(url, "wrong-key", backoff_s=0.01)
    outbox = Outbox(Keyspace(), client, ConductorMetrics(registry))
    with caplog.at_level(logging.INFO):
        first = outcome(await outbox(reply_record("r1")))
        second = outcome(await outbox(reply_record("r2")))
    await client.close()
    assert isinstance(first, ReplyFailed) and isinstance(second, ReplyFailed)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(errors) == 1 and "HTTP 401" in errors[0] and "WAHA_API_KEY" in errors[0]
    assert "wrong-key" not in caplog.text and "right-key" not in caplog.text
    assert registry.get_sample_value("wsm_waha_unauthorized_total") == 2


@contextlib.asynccontextmanager
async def waha_answering(status: int, body: object) -> AsyncIterator[WahaClient]:
    """A client of a WAHA whose every answer is ``body`` with ``status``."""

    async def answer(request: web.Request) -> web.Response:
        return web.json_response(body, status=status)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", answer)
    async with TestServer(app, host="127.0.0.1") as server:
        client = WahaClient(str(server.make_url("")).rstrip("/"), None, attempts=1)
        try:
            yield client
        finally:
            await client.close()


async def test_a_session_status_wahas_answer_spells_oddly_is_never_repeated() -> None:
    odd = "5511988887777@c.us <b>"
    answer = {"error": "x", "status": odd, "expected": ["WORKING"]}
    async with waha_answering(422, answer) as client:
        with pytest.raises(SessionNotWorking) as raised:
            await client.send_text("default", CHAT, "Olá")
    assert raised.value.status == "UNKNOWN" and odd not in str(raised.value)


async def test_a_session_info_without_a_status_wahas_way_is_an_error() -> None:
    answer = {"name": "default", "status": "working; 5511988887777"}
    async with waha_answering(200, answer) as client:
        with pytest.raises(WahaError, match=r"^GET /api/sessions/\{session\}: no status"):
            await client.session_status("default")


async def test_a_reply_waha_may_have_taken_before_its_422_is_not_sent_again() -> None:
    # The first attempt times out after WAHA took the reply; the retry meets the session
    # gone (422). Once it works again, the chat shows the reply: it is not sent twice.
    sends: list[object] = []
    taken = {"id": f"true_{CHAT}_3EB0TAKEN", "fromMe": True, "replyTo": {"id": "3EB0AAAA"}}

    async def send_text(request: web.Request) -> web.Response:
        sends.append(await request.json())
        if len(sends) == 1:
            return web.json_response({"error": "gateway timeout"}, status=504)
        answer = {"error": "x", "status": "STARTING", "expected": ["WORKING"]}
        return web.json_response(answer, status=422)

    async def listed(request: web.Request) -> web.Response:
        return web.json_response([taken])

    async def session(request: web.Request) -> web.Response:
        return web.json_response({"name": "default", "status": "WORKING"})

    async def indicator(request: web.Request) -> web.Response:
        return web.json_response({})

    app = web.Application()
    app.router.add_post("/api/sendText", send_text)
    app.router.add_get("/api/default/chats/{chat}/messages", listed)
    app.router.add_get("/api/sessions/default", session)
    for action in ("sendSeen", "startTyping"):
        app.router.add_post(f"/api/{action}", indicator)
    async with TestServer(app, host="127.0.0.1") as server:
        client = WahaClient(str(server.make_url("")).rstrip("/"), None, backoff_s=0.01)
        try:
            outbox = Outbox(Keyspace(), client, session_poll_s=0.05)
            result = outcome(await asyncio.wait_for(outbox(reply_record()), 5))
        finally:
            await client.close()
    assert isinstance(result, ReplySent) and result.waha_message_id == taken["id"]
    assert len(sends) == 2


async def test_replies_waiting_for_one_session_ask_waha_once_per_period() -> None:
    asked: list[float] = []

    async def session(request: web.Request) -> web.Response:
        asked.append(asyncio.get_running_loop().time())
        return web.json_response({"name": "default", "status": "SCAN_QR_CODE"})

    app = web.Application()
    app.router.add_get("/api/sessions/default", session)
    async with TestServer(app, host="127.0.0.1") as server:
        client = WahaClient(str(server.make_url("")).rstrip("/"), None)
        gate = SessionGate(client, poll_s=0.2)
        gate.observe("default", "SCAN_QR_CODE")
        waiting = [asyncio.create_task(gate.working("default")) for _ in range(20)]
        await asyncio.sleep(1.0)
        for task in waiting:
            task.cancel()
        await asyncio.gather(*waiting, return_exceptions=True)
        await client.close()
    assert 3 <= len(asked) <= 7  # about one per 0.2 s, not one per reply
