"""WAHA webhook bodies in WAHA's documented shape (id, timestamp, event, session, me,
payload, engine), and signing them as WAHA does."""

from __future__ import annotations

import json
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
