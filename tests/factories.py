"""Builders of events for tests."""

from __future__ import annotations

from datetime import UTC, datetime

from events import Envelope, MessageReceived, new_envelope


def message(chat: str = "chat-1", text: str = "oi", message_id: str = "m1") -> Envelope:
    event = MessageReceived(
        message_id=message_id,
        chat_id="5511999990000@c.us",
        sender="5511999990000@c.us",
        text=text,
        sent_at=datetime(2026, 11, 24, 12, 0, tzinfo=UTC),
    )
    return new_envelope(event, chat=chat, session="default")
