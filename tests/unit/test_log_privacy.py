"""No log line carries personal data, whoever writes it and at whatever level: libraries
below WARNING are not written, errors are named by their type, and chat ids or phone
numbers a library formats into its own line are masked."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from events import Keyspace
from services import cli
from services.cli import events as events_command
from services.conductor.brain import BrainRequest, BrainUnavailable, ChatMessage, Facts
from services.conductor.groq_brain import GroqBrain
from services.conductor.outbox import Outbox
from services.runtime import logs, tracing
from services.runtime.logs import JsonFormatter
from services.runtime.settings import SettingsError
from services.waha.client import WahaClient, WahaError
from tests.support.fake_openai import FakeOpenAI, completion
from tests.support.log_capture import LogLines
from tests.support.outbox_records import CHAT, reply_record

NAME = "Joana Prates Figueira"
NUMBER = CHAT.removesuffix("@c.us")
NOW = datetime(2026, 11, 24, 9, 10, tzinfo=ZoneInfo("America/Sao_Paulo"))


def entries(lines: LogLines) -> list[dict[str, object]]:
    return [json.loads(line) for line in lines()]


def test_a_librarys_records_below_warning_are_not_written(log_lines: LogLines) -> None:
    logging.getLogger("groq._base_client").debug("Request options: %s", {"content": NAME})
    logging.getLogger("aiohttp.access").info('"GET /v1/sessions/%s HTTP/1.1" 404', CHAT)
    logging.getLogger("httpx").info("HTTP Request: POST %s", "http://x/?q=" + NAME)
    assert log_lines() == []


def test_a_librarys_warnings_and_the_projects_debug_lines_are_written(
    log_lines: LogLines,
) -> None:
    logging.getLogger("redis.connection").warning("reconnecting")
    logging.getLogger("services.conductor.outbox").debug("delivering")
    logging.getLogger("events.partition").debug("reading")
    assert [e["message"] for e in entries(log_lines)] == ["reconnecting", "delivering", "reading"]


def test_a_librarys_error_given_to_a_log_call_is_named_by_its_type(
    log_lines: LogLines,
) -> None:
    error = ValueError(f"invalid body: {{'name': '{NAME}'}}")
    logging.getLogger("services.x").warning("failed: %s; %r", error, error)
    [entry] = entries(log_lines)
    assert entry["message"] == "failed: ValueError; ValueError"


def test_the_projects_own_error_texts_are_kept(log_lines: LogLines) -> None:
    logging.getLogger("services.x").error("%s", SettingsError("PARTITIONS must be positive"))
    [entry] = entries(log_lines)
    assert entry["message"] == "SettingsError: PARTITIONS must be positive"


def test_a_traceback_keeps_its_frames_and_names_each_error_by_its_type(
    log_lines: LogLines,
) -> None:
    def parse() -> None:
        raise KeyError(NAME)

    try:
        try:
            parse()
        except KeyError as exc:
            raise RuntimeError(f"could not read {NAME}") from exc
    except RuntimeError:
        logging.getLogger("aiohttp.server").exception("Error handling request")
    [entry] = entries(log_lines)
    written = str(entry["exception"])
    assert "in parse" in written and "raise KeyError(NAME)" in written
    assert "\nKeyError\n" in written and written.endswith("\nRuntimeError\n")
    assert NAME not in json.dumps(entry)


def test_each_error_of_a_group_is_named_by_its_type(log_lines: LogLines) -> None:
    try:
        raise ExceptionGroup("lanes failed", [ValueError(NAME), KeyError(CHAT)])
    except ExceptionGroup:
        logging.getLogger("events.partition").exception("a lane failed")
    [entry] = entries(log_lines)
    written = str(entry["exception"])
    assert "ExceptionGroup" in written and "| ValueError\n" in written
    assert NAME not in written and NUMBER not in written


def test_chat_ids_and_numbers_a_library_formats_into_its_line_are_masked(
    log_lines: LogLines,
) -> None:
    # As asyncio's "Task exception was never retrieved", with the exception's repr.
    logging.getLogger("asyncio").error(
        f"future: <Task exception=ClientResponseError(url='/api/default/chats/{NUMBER}%40c.us"
        f"/messages')> chat {CHAT} phone +{NUMBER}, entry 1764000000000-0"
    )
    [entry] = entries(log_lines)
    assert NUMBER not in str(entry["message"])
    assert "chats/<chat>/messages" in str(entry["message"])
    assert "entry 1764000000000-0" in str(entry["message"])  # ids and timestamps stay


def test_a_log_call_whose_arguments_do_not_fit_its_message_writes_none_of_them() -> None:
    # logging's own report of such a call prints the arguments on stderr.
    record = logging.makeLogRecord({"name": "services.x", "msg": "%d subjects", "args": (NAME,)})
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "%d subjects (its arguments do not fit it)"


async def test_groqs_debug_lines_with_the_prompt_are_not_written(log_lines: LogLines) -> None:
    fake = FakeOpenAI([completion(f"Prazer, {NAME}!")])
    request = BrainRequest(
        agent="registration",
        instructions="Registre o nome.",
        messages=(ChatMessage("user", f"meu nome é {NAME}"),),
        tools=(),
        facts=Facts(now=NOW, today=NOW.date(), name=NAME, active_agent=None, offered=()),
    )
    async with fake.serving() as url:
        brain = GroqBrain("gsk-test-key", "test-model", base_url=url, max_retries=0)
        reply = await brain.complete(request)
        await brain.close()
    assert reply.text == f"Prazer, {NAME}!"
    assert NAME not in log_lines.text()


async def test_a_model_error_is_not_repeated_in_the_brains_error() -> None:
    # Groq's 400 quotes what it was sent (shape of its error body: agno-agi/agno#4090 and
    # sipeed/picoclaw#748); a malformed tool call (tool_use_failed) is asked again instead.
    async def refuse(request: web.Request) -> web.Response:
        error = {"message": f"messages[1].content too long: '{NAME}…'",
                 "type": "invalid_request_error", "code": "context_length_exceeded"}  # fmt: skip
        return web.json_response({"error": error}, status=400)

    app = web.Application()
    app.router.add_post("/openai/v1/chat/completions", refuse)
    request = BrainRequest("registration", "x", (ChatMessage("user", NAME),), (),
                           Facts(NOW, NOW.date(), None, None, ()))  # fmt: skip
    async with TestServer(app) as server:
        url = str(server.make_url("")).rstrip("/")
        brain = GroqBrain("gsk-test-key", "test-model", base_url=url, max_retries=0)
        with pytest.raises(BrainUnavailable) as raised:
            await brain.complete(request)
        await brain.close()
    assert str(raised.value) == "BadRequestError (HTTP 400)"
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


@pytest.fixture
async def waha_away() -> AsyncIterator[WahaClient]:
    """A client of a WAHA nobody answers for: its port was just closed."""
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    client = WahaClient(f"http://127.0.0.1:{port}", None, attempts=2, backoff_s=0.01)
    yield client
    await client.close()


async def test_a_wahas_error_names_the_route_and_not_the_chat(waha_away: WahaClient) -> None:
    with pytest.raises(WahaError) as raised:
        await waha_away.sent_reply("default", CHAT, "3EB0AAAA")
    assert str(raised.value) == "GET /api/{session}/chats/{chatId}/messages: ClientConnectorError"


async def test_a_wahas_error_leaves_out_the_body_waha_answered() -> None:
    async def refuse(request: web.Request) -> web.Response:
        body = await request.json()  # as WAHA's validation errors repeat the request
        return web.json_response({"message": f"cannot send to {body['chatId']}"}, status=400)

    app = web.Application()
    app.router.add_post("/api/sendText", refuse)
    async with TestServer(app) as server:
        client = WahaClient(str(server.make_url("")).rstrip("/"), None, attempts=1)
        with pytest.raises(WahaError) as raised:
            await client.send_text("default", CHAT, f"Olá, {NAME}")
        await client.close()
    assert str(raised.value) == "POST /api/sendText: HTTP 400"


async def test_the_outbox_says_it_cannot_tell_what_waha_took_without_naming_the_chat(
    waha_away: WahaClient, log_lines: LogLines
) -> None:
    await Outbox(Keyspace(), waha_away)(replace(reply_record(), redelivered=True))
    said = [str(e["message"]) for e in entries(log_lines)]
    assert any("cannot tell whether WAHA took it" in line for line in said)
    assert any("not delivered" in line for line in said)
    assert NUMBER not in log_lines.text()


def test_the_traceback_wsm_debug_shows_names_errors_by_their_type(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], log_lines: LogLines
) -> None:
    def fails(args: object, env: object) -> int:
        raise ValueError(f"could not parse {{'from': '{CHAT}', 'name': '{NAME}'}}")

    monkeypatch.setattr(events_command, "run", fails)
    # The process-wide logging and tracing stay the test run's.
    monkeypatch.setattr(logs, "configure_logging", lambda level: None)
    monkeypatch.setattr(tracing, "configure_tracing", lambda service, env: None)
    assert cli.main(["--debug", "events"]) == 1
    shown = capsys.readouterr().err
    assert "Traceback" in shown and "ValueError" in shown
    assert NAME not in shown and NUMBER not in shown
