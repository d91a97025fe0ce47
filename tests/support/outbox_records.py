"""A reply the outbox is to deliver, as the log hands it over."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from events import Record, new_envelope
from events.codec import decode_entry, encode_entry
from events.schema import ReplyRequested

CHAT = "5511977770055@c.us"
ASKED = f"false_{CHAT}_3EB0AAAA"
KEY = b"k" * 32


def reply_record(reply_id: str = "r1", in_reply_to: str | None = ASKED) -> Record:
    event = ReplyRequested(reply_id=reply_id, chat_id=CHAT, text="Olá!", in_reply_to=in_reply_to)
    envelope = new_envelope(event, chat="chat-key", session="default")
    return decode_entry("1-0", 0, as_stored(encode_entry(envelope, KEY)), KEY)


def as_stored(fields: Mapping[Any, Any]) -> dict[bytes, bytes]:
    """Stream fields as Redis gives them back."""

    def raw(value: object) -> bytes:
        return value if isinstance(value, bytes) else str(value).encode()

    return {raw(name): raw(value) for name, value in fields.items()}
