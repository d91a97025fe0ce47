"""No personal value in any log line at DEBUG, whatever the gateway, the admin API, the
model's client or WAHA's failures give the libraries to log."""

from __future__ import annotations

import json

from aiohttp.test_utils import TestClient, TestServer

from events import EventLog
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET
from services.projector.admin_api import create_admin_app
from tests.support.log_capture import LogLines
from tests.support.waha import encode, lying_about_its_length, text_message

NUMBER = "5511944443333"
NAME = "Joana Prates Figueira"
TEXT = f"meu nome é {NAME}, CPF 987.654.321-00"
TOKEN = "admin-token-" + "t" * 40


async def test_a_webhook_lying_about_its_length_leaves_its_bytes_out_of_the_log(
    ingest: TestClient, log_lines: LogLines
) -> None:
    body = encode(text_message("L1", chat=f"{NUMBER}@c.us", body=TEXT))
    answer = await lying_about_its_length(ingest.host, ingest.port, body)
    assert b" 400 " in answer  # what followed the 16 bytes was refused as a request
    assert log_lines()  # the server did log the refusal
    assert NUMBER not in log_lines.text() and NAME not in log_lines.text()


async def test_an_admin_api_path_naming_a_chat_is_not_logged(
    log: EventLog, log_lines: LogLines
) -> None:
    app = create_admin_app(log, token=TOKEN, chat_key_secret=DEVELOPMENT_CHAT_KEY_SECRET.encode())
    async with TestClient(TestServer(app)) as admin:
        answer = await admin.get(
            f"/v1/sessions/{NUMBER}@c.us", headers={"Authorization": f"Bearer {TOKEN}"}
        )
    assert answer.status == 404
    assert NUMBER not in log_lines.text()
    assert all(json.loads(line) for line in log_lines())
