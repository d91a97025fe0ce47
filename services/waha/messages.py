"""A WAHA message as the event it stands for, whichever way it came: in a ``message`` or
``message.any`` webhook, or read back from ``GET /api/{session}/chats/{chatId}/messages``.

Both ways give the same WAMessage: every engine builds the webhook's payload and each
listed message with the same ``processIncomingMessage`` (devlikeapro/waha,
src/core/engines/{webjs,noweb,gows}/session.*.core.ts, ``getChatMessages``). So one
translation, keyed by WAHA's message id, makes a message one event however often and
however it arrives. Pure: no I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType

from events import Envelope, MediaInfo, MessageReceived, new_envelope
from events.schema import DomainEvent, MessageSentByBusiness
from services.domain import chats
from services.waha import message_ids
from services.waha.payloads import WahaMessage

# Chats the clinic does not serve, by the server part of WAHA's chat ids (waha-docs,
# content/docs/how-to/receive-messages/-chat-ids.md): groups, channels, and broadcasts (the
# status feed, status@broadcast, and broadcast lists). A group's participants could not be
# erased or exported one by one, so nothing of theirs is kept: each such message is
# dropped before anything is appended.
NOT_SERVED_SERVERS = MappingProxyType(
    {"g.us": "group", "newsletter": "channel", "broadcast": "broadcast"}
)
NOT_SERVED_CHATS = frozenset(NOT_SERVED_SERVERS.values())
_MAX_EPOCH_S = 32503680000  # year 3000: anything later is a malformed timestamp


class MessageInvalid(ValueError):
    """Not a message as WAHA sends one: no chat, a malformed chat id, a bad time."""


@dataclass(frozen=True, slots=True)
class Translated:
    """The event a message stands for, and the key that makes appending it idempotent."""

    envelope: Envelope
    idempotency_key: str


@dataclass(frozen=True, slots=True)
class Ignored:
    """A well-formed message that deliberately becomes no event."""

    reason: str


def chat_id(raw: str | None) -> str:
    """The canonical chat id of ``raw``; raises :class:`MessageInvalid`."""
    if raw is None:
        raise MessageInvalid("the payload names no chat")
    try:
        return chats.normalize_chat_id(raw)
    except chats.ChatIdInvalid as exc:
        raise MessageInvalid(str(exc)) from None


def moment(seconds: float) -> datetime:
    """A WAHA timestamp (seconds) as a UTC time; raises :class:`MessageInvalid`."""
    if not 0 <= seconds <= _MAX_EPOCH_S:
        raise MessageInvalid(f"timestamp out of range: {seconds}")
    return datetime.fromtimestamp(seconds, UTC)


def not_served(*ids: str | None) -> str | None:
    """Why a message naming any of these chat ids is dropped, or None.

    How each engine names a group message (devlikeapro/waha): WEBJS puts the group in
    ``from`` (``to`` when sent by the business) and the sender in ``author``
    (src/structures/responses.dto.ts, WAMessage); NOWEB puts the group in ``from`` and
    ``to`` and the sender in ``participant`` (src/core/engines/noweb/session.noweb.core.ts,
    getFromToParticipant); GOWS the group in ``from`` and the sender in ``to`` and
    ``participant`` (src/core/engines/gows/session.gows.core.ts, getFromToParticipant).
    Every field is looked at, so a group is caught whichever of them names it.
    """
    for raw in ids:
        if raw:
            reason = NOT_SERVED_SERVERS.get(raw.rpartition("@")[2].strip().lower())
            if reason is not None:
                return reason
    return None


def unserved(message: WahaMessage) -> str | None:
    """Why ``message`` is dropped for the chat it names, or None."""
    return not_served(
        message.from_, message.to, message.participant, message.author,
        message_ids.chat_of(message.id),
    )  # fmt: skip


def conversation_of(message_id: str, from_: str | None, to: str | None, from_me: bool) -> str:
    """The chat a payload belongs to, whoever wrote; raises :class:`MessageInvalid`.

    The serialized id names it on every engine. Without one: what the business sent names
    the chat in ``to`` on WEBJS, but in ``from`` on NOWEB and GOWS, whose ``to`` is null or
    absent outside groups (getFromToParticipant in src/core/engines/noweb/session.noweb.core.ts
    and src/core/engines/gows/session.gows.core.ts); the documented minimal ``message.ack``
    has no ``to`` at all (waha-docs, content/docs/how-to/events/index.md).
    """
    return chat_id(message_ids.chat_of(message_id) or (to if from_me and to else from_))


def message_key(session: str, message_id: str) -> str:
    """The idempotency key of a message: WAHA's id, so the ``message`` and ``message.any``
    webhooks of one message, every retry of either, and the same message read back from
    WAHA's chat history are one event."""
    return f"{session}:message:{message_id}"


def message_event(session: str, message: WahaMessage, chat_secret: bytes) -> Translated | Ignored:
    """The event ``message`` stands for in ``session``, or why it becomes none; raises
    :class:`MessageInvalid`."""
    if (reason := unserved(message)) is not None:
        return Ignored(reason)
    if message.fromMe:
        return _sent_by_business(session, message, chat_secret)
    chat = chat_id(message.from_)
    if not chats.is_conversation(chat):
        return Ignored("not_a_conversation")
    media = None
    if message.hasMedia or message.media is not None:
        source = message.media
        media = MediaInfo(
            mimetype=source.mimetype if source else None,
            filename=source.filename if source else None,
            url=source.url if source else None,
            error=str(source.error) if source and source.error else None,
        )
    event = MessageReceived(
        message_id=message.id,
        chat_id=chat,
        sender=chat_id(message.participant or message.from_),
        text=message.body or "",
        media=media,
        is_group=chats.is_group(chat),
        reply_to=message.replyTo.id if message.replyTo else None,
        sent_at=moment(message.timestamp),
    )
    return _translated(session, event, chat, chat_secret, message.id)


def _sent_by_business(
    session: str, message: WahaMessage, chat_secret: bytes
) -> Translated | Ignored:
    """The business's own number wrote: recorded in the chat, never answered. What WAHA
    marks as sent through its API is the echo of the bot's own reply, already on record."""
    if message.source == "api":
        return Ignored("own_message")
    chat = conversation_of(message.id, message.from_, message.to, True)
    if not chats.is_conversation(chat):
        return Ignored("not_a_conversation")
    event = MessageSentByBusiness(
        message_id=message.id,
        chat_id=chat,
        text=message.body or "",
        has_media=bool(message.hasMedia or message.media is not None),
        sent_at=moment(message.timestamp),
    )
    return _translated(session, event, chat, chat_secret, message.id)


def _translated(
    session: str, event: DomainEvent, chat: str, secret: bytes, message_id: str
) -> Translated:
    envelope = new_envelope(
        event,
        chat=chats.chat_key(secret, session, chat),
        session=session,
        occurred_at=getattr(event, "sent_at", None),
    )
    return Translated(envelope=envelope, idempotency_key=message_key(session, message_id))
