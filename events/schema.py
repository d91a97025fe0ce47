"""Typed domain events: msgspec Structs forming one tagged union.

Schemas evolve additively: a new field gets a default, so older entries still decode.
A change that cannot be additive bumps ``schema_version``; an entry written with a version
newer than this code knows decodes to :class:`UnknownEvent` rather than being misread.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, get_args

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


# --- Decisions of the conductor -------------------------------------------------------


class PrivacyNoticeShown(DomainEvent, frozen=True, kw_only=True, tag="consent.requested"):
    """The privacy notice was sent and consent asked for. The evidence of consent (LGPD
    art. 8) starts with the exact text shown, identified by its version and hash."""

    policy_version: str
    notice_sha256: str
    purposes: tuple[str, ...]
    in_reply_to: str


class ConsentGranted(DomainEvent, frozen=True, kw_only=True, tag="consent.granted"):
    """Explicit consent, with the person's own words and the message that carried them."""

    policy_version: str
    notice_sha256: str
    purposes: tuple[str, ...]
    legal_basis: str
    evidence_message_id: str
    evidence_text: str


class ConsentRefused(DomainEvent, frozen=True, kw_only=True, tag="consent.refused"):
    policy_version: str
    evidence_message_id: str
    evidence_text: str


class ConsentRevoked(DomainEvent, frozen=True, kw_only=True, tag="consent.revoked"):
    policy_version: str
    evidence_message_id: str
    evidence_text: str


class NameRegistered(DomainEvent, frozen=True, kw_only=True, tag="subject.name_registered"):
    name: str
    evidence_message_id: str


class AgentSelected(DomainEvent, frozen=True, kw_only=True, tag="agent.selected"):
    """The router handed the conversation to a specialist."""

    agent: str
    intent: str
    in_reply_to: str


class ToolInvoked(DomainEvent, frozen=True, kw_only=True, tag="agent.tool_invoked"):
    """A tool call proposed by the brain, and what the tool answered, errors included."""

    call_id: str
    tool: str
    arguments: str
    ok: bool
    result: str
    in_reply_to: str


class SlotsOffered(DomainEvent, frozen=True, kw_only=True, tag="scheduling.slots_offered"):
    slots: tuple[datetime, ...]


class AppointmentBooked(DomainEvent, frozen=True, kw_only=True, tag="appointment.booked"):
    appointment_id: str
    calendar_entry_id: str
    start: datetime
    end: datetime


class AppointmentCancelled(DomainEvent, frozen=True, kw_only=True, tag="appointment.cancelled"):
    appointment_id: str
    calendar_entry_id: str
    start: datetime


class ReplyRequested(DomainEvent, frozen=True, kw_only=True, tag="reply.requested"):
    """A message the bot decided to send; the outbox delivers it once."""

    reply_id: str
    chat_id: str
    text: str
    in_reply_to: str | None = None


class ReplySent(DomainEvent, frozen=True, kw_only=True, tag="reply.sent"):
    reply_id: str
    chat_id: str
    waha_message_id: str | None = None


class ReplyFailed(DomainEvent, frozen=True, kw_only=True, tag="reply.failed"):
    reply_id: str
    chat_id: str
    error: str
    attempts: int


Event = (
    MessageReceived
    | MessageAcknowledged
    | ReactionReceived
    | MessageRevoked
    | SessionStatusChanged
    | PrivacyNoticeShown
    | ConsentGranted
    | ConsentRefused
    | ConsentRevoked
    | NameRegistered
    | AgentSelected
    | ToolInvoked
    | SlotsOffered
    | AppointmentBooked
    | AppointmentCancelled
    | ReplyRequested
    | ReplySent
    | ReplyFailed
)

EVENT_TYPES: dict[str, type[DomainEvent]] = {
    cls.__struct_config__.tag: cls for cls in get_args(Event)
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
    return type_of_class(type(event))


def type_of_class(cls: type[DomainEvent]) -> str:
    tag = cls.__struct_config__.tag
    assert isinstance(tag, str)
    return tag
