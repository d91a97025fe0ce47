"""Typed domain events: msgspec Structs forming one tagged union.

Schemas evolve additively: a new field gets a default, so older entries still decode.
A change that cannot be additive bumps ``schema_version``; an entry written with a version
newer than this code knows decodes to :class:`UnknownEvent` rather than being misread.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import msgspec


class DomainEvent(msgspec.Struct, frozen=True, kw_only=True, tag_field="type"):
    """Base of every event recorded in the log."""

    schema_version: ClassVar[int] = 1


class MediaInfo(msgspec.Struct, frozen=True, kw_only=True):
    """What is known of a message's attachment; the bytes stay with WAHA."""

    mimetype: str | None = None
    filename: str | None = None
    url: str | None = None
    error: str | None = None


class MessageReceived(DomainEvent, frozen=True, kw_only=True, tag="message.received"):
    """A person wrote to the business."""

    message_id: str
    chat_id: str
    sender: str
    text: str = ""
    media: MediaInfo | None = None
    is_group: bool = False
    reply_to: str | None = None
    sent_at: datetime


class MessageAcknowledged(DomainEvent, frozen=True, kw_only=True, tag="message.acknowledged"):
    """Delivery progress of a message (sent, delivered, read, played)."""

    message_id: str
    chat_id: str
    ack: int
    ack_name: str
    from_me: bool


class ReactionReceived(DomainEvent, frozen=True, kw_only=True, tag="message.reaction"):
    """An emoji reaction; an empty ``reaction`` means the reaction was removed."""

    message_id: str
    chat_id: str
    sender: str
    target_message_id: str
    reaction: str
    from_me: bool


class MessageRevoked(DomainEvent, frozen=True, kw_only=True, tag="message.revoked"):
    """A message was deleted for everyone."""

    chat_id: str
    revoked_message_id: str
    from_me: bool


class SessionStatusChanged(DomainEvent, frozen=True, kw_only=True, tag="session.status"):
    """The WhatsApp session (the business number) changed state, e.g. WORKING or FAILED."""

    status: str


Event = (
    MessageReceived | MessageAcknowledged | ReactionReceived | MessageRevoked | SessionStatusChanged
)

EVENT_TYPES: dict[str, type[DomainEvent]] = {
    cls.__struct_config__.tag: cls  # type: ignore[misc]
    for cls in (
        MessageReceived,
        MessageAcknowledged,
        ReactionReceived,
        MessageRevoked,
        SessionStatusChanged,
    )
}


class UnknownEvent(msgspec.Struct, frozen=True, kw_only=True):
    """An entry this code cannot interpret: a type it does not know, or a newer schema.

    Consumers see it explicitly and decide to skip it; they never crash on it.
    """

    type: str
    schema_version: int
    data: bytes


def type_of(event: DomainEvent | UnknownEvent) -> str:
    """The wire name of an event's type."""
    if isinstance(event, UnknownEvent):
        return event.type
    tag = type(event).__struct_config__.tag
    assert isinstance(tag, str)
    return tag
