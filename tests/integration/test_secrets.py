"""No secret ever reaches the logs: not the webhook key, the admin token, the chat-key
secret, nor a subject's key — whatever happens, at any log level."""

from __future__ import annotations

import logging

import pytest
from aiohttp.test_utils import TestClient, TestServer

from events import EventLog
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET
from services.ingest.settings import IngestSettings
from services.projector.admin_api import create_admin_app
from services.runtime.logs import JsonFormatter
from tests.support.waha import HMAC_KEY, encode, signed_headers, text_message
from tests.support.whole_stack import Phone, Stack

TOKEN = "admin-token-" + "s" * 40


async def test_no_secret_appears_in_any_log_line(
    stack: Stack, ingest: TestClient, log: EventLog, ingest_settings: IngestSettings,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    caplog.set_level(logging.DEBUG)
    http, sim_url, _ = stack
    await Phone(http, sim_url, "5511977770444").say("oi")  # a whole turn
    body = encode(text_message("S1"))
    await ingest.post("/webhooks/waha", data=body, headers={**signed_headers(body),
                      "X-Webhook-Hmac": "0" * 128})  # fmt: skip
    app = create_admin_app(log, token=TOKEN, chat_key_secret=DEVELOPMENT_CHAT_KEY_SECRET.encode())
    async with TestClient(TestServer(app)) as admin:
        await admin.get("/v1/sessions", headers={"Authorization": "Bearer wrong"})
        await admin.get("/v1/sessions", headers={"Authorization": f"Bearer {TOKEN}"})
    logged = "\n".join(JsonFormatter().format(record) for record in caplog.records)
    keyspace = log.keyspace
    keys = [k for p in keyspace.all_partitions()
            for k in await log.redis.hvals(keyspace.subject_keys(p))]  # fmt: skip
    assert keys
    secrets = [HMAC_KEY.decode(), TOKEN, DEVELOPMENT_CHAT_KEY_SECRET,
               *(k.hex() for k in keys), *(repr(k) for k in keys)]  # fmt: skip
    assert caplog.records  # the run did log
    assert [s for s in secrets if s in logged] == []
