"""The simulator's delivery receipts: WhatsApp's servers acknowledge each message the
simulated session sends (``message.ack`` with ack 1, SERVER), unless its phone is offline,
when WAHA may still say WORKING and take sends that nobody acknowledges.

On WEBJS the ``message.ack`` payload is the message itself with its new ack
(devlikeapro/waha, src/core/engines/webjs/session.webjs.core.ts: MESSAGE_ACK handled by
toWAMessage; the fields of src/structures/webhooks.dto.ts, WAMessageAckBody; the values
of src/structures/enums.dto.ts, WAMessageAck).
"""

from __future__ import annotations

import time
from typing import Any

SERVER = 1


def ack_webhook(session: str, message: dict[str, Any], me: dict[str, str]) -> dict[str, Any]:
    """The ``message.ack`` webhook saying WhatsApp's servers have ``message``."""
    payload = {key: value for key, value in message.items() if key != "received_at"}
    now_ms = int(time.time() * 1000)
    return {"id": f"evt_ack_{message['id']}_{SERVER}", "timestamp": now_ms,
            "event": "message.ack", "session": session, "metadata": {}, "me": me,
            "payload": {**payload, "ack": SERVER, "ackName": "SERVER"},
            "engine": "WEBJS"}  # fmt: skip
