"""WAHA webhook bodies in WAHA's documented shape (id, timestamp, event, session, me,
payload, engine), and signing them as WAHA does."""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import time
from typing import Any

from services.waha.signature import sign

# Generated for the run: a process refuses a key a reader could guess.
HMAC_KEY = secrets.token_hex(32).encode()
BOT = "5511900000000@c.us"
# When the test run's webhooks were made: recent, as the gateway refuses stale ones.
SENT_MS = int(time.time() * 1000)


def webhook(event: str, payload: dict[str, Any], *, webhook_id: str = "evt_1",
            session: str = "default", engine: str = "WEBJS") -> dict[str, Any]:  # fmt: skip
    return {
        "id": webhook_id,
        "timestamp": SENT_MS,
        "event": event,
        "session": session,
        "metadata": {},
        "me": {"id": BOT, "pushName": "Clinica"},
        "payload": payload,
        "engine": engine,
        "environment": {"version": "2025.11.1", "engine": engine, "tier": "CORE"},
    }


def text_message(message_id: str, chat: str = "5511988887777@c.us", body: str = "oi",
                 *, from_me: bool = False, timestamp: int = 1764000000,
                 event: str = "message", **extra: Any) -> dict[str, Any]:  # fmt: skip
    payload: dict[str, Any] = {
        "id": f"{str(from_me).lower()}_{chat}_{message_id}",
        "timestamp": timestamp,
        "from": BOT if from_me else chat,
        "fromMe": from_me,
        "source": "app",
        "to": chat if from_me else BOT,
        "participant": None,
        "body": body,
        "hasMedia": False,
        "media": None,
        "ack": 1,
        "ackName": "SERVER",
        "replyTo": None,
        "_data": {"notifyName": "Maria"},
        **extra,
    }
    return webhook(event, payload, webhook_id=f"evt_{message_id}")


def encode(body: dict[str, Any]) -> bytes:
    return json.dumps(body).encode()


def signed_headers(raw: bytes, key: bytes = HMAC_KEY) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "X-Webhook-Hmac": sign(raw, key),
        "X-Webhook-Hmac-Algorithm": "sha512",
        "X-Webhook-Request-Id": "req-1",
        "X-Webhook-Timestamp": str(SENT_MS),
    }


GROUP = "120363040000000000@g.us"
MEMBER = "5511977776666@c.us"


def group_message(engine: str, *, from_me: bool = False) -> dict[str, Any]:
    """A group message as each engine of devlikeapro/waha shapes it.

    WEBJS (src/core/engines/webjs/session.webjs.core.ts, toWAMessage; the author field of
    src/structures/responses.dto.ts): the group in ``from`` (in ``to`` when the business
    wrote), the sender in ``author``. NOWEB (src/core/engines/noweb/session.noweb.core.ts,
    getFromToParticipant): the group in ``from`` and ``to``, the sender in ``participant``.
    GOWS (src/core/engines/gows/session.gows.core.ts, getFromToParticipant and
    buildMessageId): the group in ``from``, the sender in ``to`` and ``participant``, and
    the sender at the end of the message id.
    """
    sender = BOT if from_me else MEMBER
    fields: dict[str, dict[str, Any]] = {
        "WEBJS": {"id": f"{str(from_me).lower()}_{GROUP}_G1_{sender}",
                  "from": BOT if from_me else GROUP, "to": GROUP if from_me else BOT,
                  "author": sender, "participant": None},
        "NOWEB": {"id": f"{str(from_me).lower()}_{GROUP}_G1", "from": GROUP, "to": GROUP,
                  "participant": sender},
        "GOWS": {"id": f"{str(from_me).lower()}_{GROUP}_G1_{sender}", "from": GROUP,
                 "to": sender, "participant": sender},
    }  # fmt: skip
    event = "message.any" if from_me else "message"
    body = text_message("G1", body="meu CPF é 987.654.321-00", from_me=from_me, event=event,
                        **fields[engine])  # fmt: skip
    return {**body, "engine": engine}


ENGINES = ("WEBJS", "NOWEB", "GOWS")


def _raw_post(host: str, body: bytes, length: int) -> bytes:
    head = "".join(f"{name}: {value}\r\n" for name, value in signed_headers(body).items())
    request = f"POST /webhooks/waha HTTP/1.1\r\nHost: {host}\r\n{head}Content-Length: {length}\r\n"
    return f"{request}\r\n".encode() + body


async def lying_about_its_length(host: str, port: int, body: bytes) -> bytes:
    """On one connection, as WAHA keeps it: an honest webhook, then ``body`` saying it is
    16 bytes long, so that the rest reaches the server's parser as the next request.
    What the server answered."""
    honest = encode(text_message("H1"))
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(_raw_post(host, honest, len(honest)))
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=10)
    assert head.startswith(b"HTTP/1.1 200 "), head
    length = re.search(rb"Content-Length: (\d+)", head, re.I)
    await reader.readexactly(int(length[1]) if length else 0)
    writer.write(_raw_post(host, body, 16))
    answer = await asyncio.wait_for(reader.read(), timeout=10)
    writer.close()
    return answer
